"""Schema upgrades on real data, and the last-contacted column the v2 triggers keep.

tests/data/schema-v1.db was written by netui at schema version 1 (before migration v0002
existed): `db.open_database(path)` then `demo.generate_network(30, seed=2026,
now=2026-11-29 09:00 UTC)`, checkpointed, journal_mode=DELETE, VACUUM. Never regenerate it
with newer code: it stands for the files users already have.

tests/data/schema-v2.db was written the same way at schema version 2 (before v0003), frozen at
2026-11-29 09:00 UTC, with more on top of the demo network: two recurring appointments, cadence
defaults for circle:family and tag:fintech, a contact's own cadence, an anniversary, a milestone,
and introduced-by chains (contacts 7 <- 8 <- 9 and 7 <- 10, by id order).
"""

from __future__ import annotations

import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pendulum
import pytest

from netui.store import bulk, db
from netui import chains, contacts, demo, giving, lifecycle, timeline
from netui.store.models import Contact, Interaction, InteractionParticipant

FIXTURE = Path(__file__).parents[1] / "data" / "schema-v1.db"
FIXTURE_V2 = Path(__file__).parents[1] / "data" / "schema-v2.db"
V1_TABLES = (
    "event", "contact", "channel", "tag", "contact_tag", "fact", "important_date", "interaction",
    "interaction_participant", "event_attendee", "follow_up", "contact_search",
)
V2_TABLES = V1_TABLES + ("cadence_default", "appointment", "appointment_participant", "appointment_occurrence")
NEWEST_PER_CONTACT = """
    SELECT p.contact_id, MAX(i.occurred_at) FROM interaction_participant p
    JOIN interaction i ON i.id = p.interaction_id GROUP BY p.contact_id
"""


def counts(path: Path, tables=V1_TABLES) -> dict[str, int]:
    with closing(sqlite3.connect(str(path))) as connection:
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def rows(path: Path, columns_from: Path | None = None, tables=V2_TABLES) -> dict[str, list[tuple]]:
    """Every row of these tables with the columns `columns_from` (default: `path` itself) has;
    for the search index, its rowids."""
    with closing(sqlite3.connect(str(columns_from or path))) as connection:
        columns = {
            t: "rowid" if t == "contact_search" else
            ", ".join(f'"{r[1]}"' for r in connection.execute(f'PRAGMA table_info("{t}")'))
            for t in tables
        }
    with closing(sqlite3.connect(str(path))) as connection:
        return {t: connection.execute(f'SELECT {columns[t]} FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    path = tmp_path / "netui.db"
    shutil.copyfile(FIXTURE, path)
    return path


def test_fixture_is_a_version_1_file_with_data():
    with closing(sqlite3.connect(str(FIXTURE))) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert counts(FIXTURE)["contact"] == 30 and counts(FIXTURE)["interaction"] > 100


def test_v1_file_upgrades_keeping_every_row_and_backfilling_last_contacted(v1_copy):
    before = counts(v1_copy)
    handle = db.open_database(v1_copy)
    try:
        assert db.schema_version(handle) == db.latest_version()
        expected = {cid: moment for cid, moment in handle.execute_sql(NEWEST_PER_CONTACT)}
        stored = {cid: moment for cid, moment in handle.execute_sql("SELECT id, last_contacted_at FROM contact")}
        assert expected and all(stored[cid] == moment for cid, moment in expected.items())
        # the one person the file has never talked to stays never contacted
        assert [moment for cid, moment in stored.items() if cid not in expected] == [None]
        assert all(not row.cadence_off and row.cadence_snoozed_until is None for row in Contact.select())
        assert {i.milestone for i in Interaction.select()} == {""}
        assert {row.favour_balance for row in Contact.select()} == {0}  # version 3, through v2
        # the sort by last contacted reads the column
        listed = contacts.list_contacts("last_contacted")
        assert [s.last_contacted for s in listed if s.last_contacted] == sorted(
            (s.last_contacted for s in listed if s.last_contacted), reverse=True)
    finally:
        handle.close()
    assert counts(v1_copy) == before
    backups = sorted(v1_copy.parent.glob(f"{v1_copy.name}.v1-*.bak"))
    assert len(backups) == 1
    assert counts(backups[0]) == before


@pytest.fixture
def v2_copy(tmp_path) -> Path:
    path = tmp_path / "netui.db"
    shutil.copyfile(FIXTURE_V2, path)
    return path


def test_v2_fixture_is_a_version_2_file_with_data():
    with closing(sqlite3.connect(str(FIXTURE_V2))) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
        introduced = connection.execute("SELECT count(*) FROM contact WHERE introduced_by_id IS NOT NULL").fetchone()[0]
    found = counts(FIXTURE_V2, V2_TABLES)
    assert found["contact"] == 30 and found["interaction"] > 100 and introduced >= 3
    assert found["appointment"] == 2 and found["cadence_default"] == 2


def test_v2_file_upgrades_keeping_every_row_with_new_columns_at_their_defaults(v2_copy, tmp_path):
    original = tmp_path / "original.db"
    shutil.copyfile(v2_copy, original)
    before = rows(v2_copy)
    handle = db.open_database(v2_copy)
    try:
        assert db.schema_version(handle) == db.latest_version() >= 3
        assert [r[0] for r in handle.execute_sql("SELECT DISTINCT favour_balance FROM contact")] == [0]
        assert handle.execute_sql("SELECT count(*) FROM favour").fetchone()[0] == 0
        assert handle.execute_sql("SELECT count(*) FROM introduction").fetchone()[0] == 0
    finally:
        handle.close()
    # every row of every table, every old column, exactly as it was
    assert rows(v2_copy, columns_from=original) == before
    assert counts(v2_copy, V2_TABLES) == {t: len(found) for t, found in before.items()}
    backups = sorted(v2_copy.parent.glob(f"{v2_copy.name}.v2-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert rows(backups[0]) == before


def test_upgraded_v2_file_works_with_give_and_take(v2_copy, frozen):
    handle = db.open_database(v2_copy)
    try:
        # the stored column the v2 triggers keep still agrees with the timeline
        expected = dict(handle.execute_sql(NEWEST_PER_CONTACT).fetchall())
        stored = dict(handle.execute_sql("SELECT id, last_contacted_at FROM contact").fetchall())
        assert expected and {cid: stored[cid] for cid in expected} == expected
        somebody = contacts.list_contacts()[5].id
        giving.record_favour(somebody, "gave", "advice")
        assert giving.balance(somebody).balance == 1
        assert contacts.list_contacts("balance")[0].id == somebody
        [(first_introduced,)] = handle.execute_sql(
            "SELECT min(id) FROM contact WHERE introduced_by_id IS NOT NULL").fetchall()
        assert len(chains.chain_up(first_introduced)) >= 2
        assert chains.top_connectors(3)
    finally:
        handle.close()


# --- the triggers ------------------------------------------------------------------------------


def _last(contact_id):
    return Contact.get_by_id(contact_id).last_contacted_at


def utc(*args):
    return pendulum.datetime(*args, tz="UTC")


def test_triggers_follow_insert_delete_move_and_merge(database, frozen):
    anna, marco = contacts.create_contact("Anna Bianchi"), contacts.create_contact("Marco Verdi")
    assert _last(anna) is None
    old = timeline.log_interaction([anna, marco], "call", utc(2026, 10, 1, 9))
    new = timeline.log_interaction([anna], "meeting", utc(2026, 11, 1, 9))
    timeline.log_interaction([anna], "note", utc(2026, 9, 1, 9))  # older: changes nothing
    assert (_last(anna), _last(marco)) == (utc(2026, 11, 1, 9), utc(2026, 10, 1, 9))

    timeline.delete_interaction(new)  # cascade deletes the participant rows
    assert _last(anna) == utc(2026, 10, 1, 9)

    Interaction.update(occurred_at=utc(2026, 11, 20, 9)).where(Interaction.id == old).execute()
    assert (_last(anna), _last(marco)) == (utc(2026, 11, 20, 9), utc(2026, 11, 20, 9))

    InteractionParticipant.delete().where(InteractionParticipant.contact == marco).execute()
    assert _last(marco) is None

    other = contacts.create_contact("Anna B.")
    timeline.log_interaction([other], "email", utc(2026, 11, 25, 9))
    lifecycle.merge_contacts(anna, other)
    assert _last(anna) == utc(2026, 11, 25, 9)


def test_saving_an_old_row_does_not_write_back_a_stale_date(database, frozen):
    anna = contacts.create_contact("Anna Bianchi")
    row = Contact.get_by_id(anna)
    timeline.log_interaction([anna], "call", utc(2026, 11, 20, 9))
    row.notes = "changed"
    row.save()
    assert _last(anna) == utc(2026, 11, 20, 9)


def test_bulk_inserts_fire_the_triggers(database, frozen):
    """executemany (netui.store.bulk, used by the demo and by imports) keeps the column right too."""
    anna = contacts.create_contact("Anna Bianchi")
    first = bulk.next_id(Interaction)
    bulk.insert_rows(
        Interaction,
        (Interaction.id, Interaction.kind, Interaction.occurred_at, Interaction.summary, Interaction.notes,
         Interaction.created_at),
        [(first + n, "note", utc(2026, 1 + n, 1, 9), "", "", utc(2026, 11, 1)) for n in range(3)],
    )
    bulk.insert_rows(
        InteractionParticipant, (InteractionParticipant.interaction, InteractionParticipant.contact),
        [(first + n, anna) for n in (2, 0, 1)],
    )
    assert _last(anna) == utc(2026, 3, 1, 9)


def test_demo_network_has_right_last_contacted(database, frozen):
    demo.generate_network(40)
    expected = dict(database.execute_sql(NEWEST_PER_CONTACT).fetchall())
    stored = dict(database.execute_sql("SELECT id, last_contacted_at FROM contact").fetchall())
    assert expected and {cid: stored[cid] for cid in expected} == expected
