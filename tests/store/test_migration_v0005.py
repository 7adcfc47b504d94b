"""Schema version 5 (people to meet who are not contacts yet): a version 4 file with data
upgrades keeping every row, with a private backup, and the new table works on it."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from netui import demo, events, wishes
from netui.store import db
from netui.store.migrations import MIGRATIONS

FIXTURE_V2 = Path(__file__).parents[1] / "data" / "schema-v2.db"
TABLES = ("contact", "event", "event_attendee", "interaction", "follow_up", "fact", "favour")


def _rows(path: Path, columns_from: Path | None = None) -> dict[str, list[tuple]]:
    """Every row of TABLES, with the columns `columns_from` (default: `path`) has."""
    with closing(sqlite3.connect(str(columns_from or path))) as connection:
        columns = {t: ", ".join(f'"{r[1]}"' for r in connection.execute(f'PRAGMA table_info("{t}")')) for t in TABLES}
    with closing(sqlite3.connect(str(path))) as connection:
        return {t: connection.execute(f'SELECT {columns[t]} FROM "{t}" ORDER BY rowid').fetchall() for t in TABLES}


def _version_4_file(path: Path, frozen) -> None:
    handle = db.open_database(path, migrations=MIGRATIONS[:4])
    try:
        assert db.schema_version(handle) == 4
        demo.generate_network(25, seed=5, now=frozen)
    finally:
        handle.close()


def test_version_4_file_upgrades_to_5_keeping_every_row(tmp_path, frozen):
    path = tmp_path / "netui.db"
    _version_4_file(path, frozen)
    original = tmp_path / "original.db"
    shutil.copyfile(path, original)
    before = _rows(path)
    assert before["event"] and before["contact"]
    handle = db.open_database(path)
    try:
        assert db.schema_version(handle) == db.latest_version() >= 5
        assert handle.execute_sql('SELECT count(*) FROM "event_wish"').fetchone()[0] == 0
        assert [r[0] for r in handle.execute_sql('SELECT DISTINCT country FROM "event"')] == [""]
    finally:
        handle.close()
    assert _rows(path, columns_from=original) == before  # every old column of every row, as it was
    [backup] = sorted(path.parent.glob(f"{path.name}.v4-*.bak"))
    assert _rows(backup) == before
    with closing(sqlite3.connect(str(backup))) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "event_wish" not in tables


def test_wishes_work_on_an_upgraded_older_file(tmp_path, frozen):
    path = tmp_path / "netui.db"
    shutil.copyfile(FIXTURE_V2, path)
    handle = db.open_database(path)
    try:
        event_id = events.create_event("Salone", starts_at="in 5 days 09:00")
        wish_id = wishes.add_wish(event_id, "Sara Conti", "Lumen", "her talk")
        assert [w.name for w in wishes.wishes_of(event_id)] == ["Sara Conti"]
        events.delete_event(event_id)  # foreign keys on: the wish goes with its event
        assert handle.execute_sql('SELECT count(*) FROM "event_wish" WHERE id = ?', (wish_id,)).fetchone()[0] == 0
    finally:
        handle.close()
