"""A realistic sample network to try netui with: `generate_network()` fills an empty database.

The default shape is about 200 people across every circle, 1,500 interactions over the two
years before "now", 20 events past and upcoming, follow-ups due today, overdue and later,
birthdays (a few in the next two weeks), facts, tags and keep-in-touch cadences. Larger
networks scale from that shape.

Everything is deterministic: the same arguments, the same `now` and the same local time
zone give byte-for-byte the same rows (all randomness comes from one seeded `random.Random`; no
set or dict order and no wall clock is consulted). Dates are relative to `now`, so a demo
always has something due today and events coming up. Local calendar days ("due today",
birthdays) are those of the local time zone (`netui.when.local_zone()`), like the rest of
netui.

The whole network is planned in memory first, then written in one transaction, table by
table through one prepared INSERT per batch, search index included (its rows built from the
plan are exactly what `search.rebuild_index` would write). For speed at a million
interactions: draws are plain scaled random() calls, summaries come from templates expanded
in advance, the garbage collector is off while planning, and the write runs through the
store's bulk interface (netui.store.bulk: a big page cache, no foreign-key checks, the tables'
indexes built after their rows, the per-row last-contacted trigger suspended -- its value is
computed with the contact rows); the schema is as it was afterwards, and a failure rolls
everything back. On the 2-core development machine 10,000 people and 100,000 interactions
take about 4 s of CPU, 100,000 people and 1,000,000 interactions about 50 s
(`benchmarks/demo_write.py`).

The package: `words` (the word tables, plain data), `material` (those tables in the shapes
drawn from), `records` (the plan's records and the seeded random source), `people` and
`planner` (the plan), `writing` (the plan into the database), `network` (generate_network,
ThrowawayNetwork). No module imports textual.
"""

from __future__ import annotations

from netui.demo.network import (
    INTERACTIONS_PER_PERSON,
    DemoSummary,
    ThrowawayNetwork,
    default_events,
    default_interactions,
    generate_network,
)
from netui.demo.records import HISTORY_DAYS, FastRandom

_Random = FastRandom  # the name tests knew it by

__all__ = [
    "HISTORY_DAYS",
    "INTERACTIONS_PER_PERSON",
    "DemoSummary",
    "FastRandom",
    "ThrowawayNetwork",
    "default_events",
    "default_interactions",
    "generate_network",
]
