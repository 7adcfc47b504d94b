"""Numbered schema versions. Each module's `up(database)` moves the file from the previous
version to its own; `netui.store.db` records the version reached in `PRAGMA user_version`.

Add a version by writing `vNNNN_what.py` and appending it here; never edit an old one.
A version's module is imported only when its step runs: a file at the newest version (every
start but the first after an upgrade) needs the list, not the steps (issue 18).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from netui.records import Record


class Migration(Record):
    version: int
    name: str
    up: Callable


def _step(module: str) -> Callable:
    """`up` of the version's module `module`, imported when the step runs."""

    def up(database) -> None:
        importlib.import_module(f"{__name__}.{module}").up(database)

    return up


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _step("v0001_initial")),
    Migration(2, "keeping in touch, milestones, recurring appointments", _step("v0002_upkeep")),
    Migration(3, "give & take: favours, introductions, the favour balance", _step("v0003_give_and_take")),
    Migration(4, "news that is not contact, follow-up days not chosen", _step("v0004_news_and_chosen_days")),
    Migration(5, "people to meet at an event who are not contacts yet, an event's country", _step("v0005_event_wishes")),
    Migration(6, "pairs the user said are not the same person", _step("v0006_not_duplicates")),
    Migration(7, "indexes for the contact list's orders (balance, company, last contacted)", _step("v0007_list_order_indexes")),
    Migration(8, "who did what: who logged each entry, who owns a follow-up", _step("v0008_who_did_what")),
    Migration(9, "the quick-capture journal: a line is on disk the moment Enter is pressed", _step("v0009_capture_journal")),
    Migration(10, "a team's search index keeps words, not text (PostgreSQL; nothing on SQLite)", _step("v0010_search_words_only")),
    Migration(11, "the number of living contacts, kept by triggers (the list's title reads it)", _step("v0011_living_count")),
)
