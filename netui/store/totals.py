"""Numbers the schema keeps instead of counting them when asked (issue 18).

`event_totals` (models.EventTotals) holds each event's attendees to meet and met, kept by
triggers on event_attendee; `recount_event_attendees()` counts them again after a bulk write.

`living_contacts()` is the number of contacts not in the trash: the contact list's title
("100,000 people") at every start. Triggers keep `contact_totals` right on every write
(netui.store.migrations.v0011_living_count); a bulk write that suspends them calls
`recount_living_contacts()` when they come back (netui.store.bulk.triggers_suspended).
"""

from __future__ import annotations

from netui.store.models import database

# One row on SQLite; on a team's PostgreSQL database a row per change not folded yet.
_LIVING = 'SELECT coalesce(sum("living"), 0) FROM "contact_totals"'


def living_contacts() -> int:
    """How many contacts are not in the trash (one row read, whatever their number)."""
    return int(database.execute_sql(_LIVING).fetchone()[0])


def recount_living_contacts() -> None:
    """Count the living contacts again into contact_totals (after the triggers were suspended)."""
    database.execute_sql('DELETE FROM "contact_totals"')
    database.execute_sql('INSERT INTO "contact_totals" ("living") '
                         'SELECT count(*) FROM "contact" WHERE "trashed_at" IS NULL')


def recount_event_attendees() -> None:
    """Count every event's attendees again into event_totals (after the triggers were suspended)."""
    from netui.store.migrations.v0011_living_count import EVENT_TOTALS_FILLED

    database.execute_sql('DELETE FROM "event_totals"')
    database.execute_sql(EVENT_TOTALS_FILLED)
