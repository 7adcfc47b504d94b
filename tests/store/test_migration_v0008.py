"""Schema version 8 (who did what): a version 7 file with data upgrades keeping every row, its
entries not recorded (''), and nothing visible changes for the one person using it: Today
still shows every follow-up due, and who-knows counts the old timeline as theirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netui import agenda, demo, followups, team, who_knows
from netui.store import db
from netui.store.migrations import MIGRATIONS

NEW_COLUMNS = {"interaction": {"logged_by"}, "follow_up": {"logged_by", "owner"}, "favour": {"logged_by"},
               "introduction": {"logged_by"}}
DUE = "SELECT id FROM follow_up WHERE done_at IS NULL AND max(due_on, coalesce(snoozed_until, due_on)) <= ? ORDER BY id"


def _columns(handle, table: str) -> list[str]:
    return [row[1] for row in handle.execute_sql(f'PRAGMA table_info("{table}")')]


def _rows(handle, table: str, columns: list[str]) -> list[tuple]:
    listed = ", ".join(f'"{c}"' for c in columns)
    return handle.execute_sql(f'SELECT {listed} FROM "{table}" ORDER BY rowid').fetchall()


@pytest.fixture
def version_7_file(tmp_path, frozen) -> Path:
    path = tmp_path / "netui.db"
    handle = db.open_database(path, migrations=MIGRATIONS[:7])
    try:
        demo.generate_network(60, seed=11, now=frozen)
        assert db.schema_version(handle) == 7
        assert not {"logged_by", "owner"} & set(_columns(handle, "follow_up"))
    finally:
        handle.close()
    return path


def test_version_7_file_upgrades_to_8_keeping_every_row_and_recording_nobody(version_7_file, tmp_path, frozen):
    copy = tmp_path / "before.db"
    shutil.copyfile(version_7_file, copy)
    handle = db.open_database(copy, migrations=MIGRATIONS[:7])
    before = {t: (_columns(handle, t), _rows(handle, t, _columns(handle, t))) for t in NEW_COLUMNS}
    due_before = [row[0] for row in handle.execute_sql(DUE, (str(frozen.date()),))]
    handle.close()

    handle = db.open_database(version_7_file)
    try:
        assert db.schema_version(handle) == db.latest_version() >= 8
        for table, (columns, rows) in before.items():
            assert set(_columns(handle, table)) - set(columns) == NEW_COLUMNS[table]
            assert _rows(handle, table, columns) == rows  # every old column of every row as it was
            for column in NEW_COLUMNS[table]:
                assert handle.execute_sql(f'SELECT DISTINCT "{column}" FROM "{table}"').fetchall() in ([("",)], [])
        assert due_before  # the demo has follow-ups due: the check below means something
        team.use("anna")
        today = agenda.today_agenda(team=False)
        shown = sorted(r.id for key in ("overdue_followups", "due_followups") for r in today.section(key).rows)
        assert shown == sorted(f.id for f in followups.due_followups(frozen.date())) == due_before
        assert today.others_due == 0
        busiest = handle.execute_sql(
            "SELECT c.company FROM contact c JOIN interaction_participant p ON p.contact_id = c.id "
            "WHERE c.company != '' GROUP BY c.company ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        assert [h.member for h in who_knows.who_knows(f'company:"{busiest}"').members] == ["anna"]
    finally:
        handle.close()
    assert sorted(version_7_file.parent.glob(f"{version_7_file.name}.v7-*.bak"))
