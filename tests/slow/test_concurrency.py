"""Two app-like processes and a CLI writer on one file, at the same time (real processes):
no "database is locked" reaches anyone, every acknowledged write is there, and a third open
connection (an app on screen) notices the others' writes through PRAGMA data_version.
benchmarks/concurrency.py is the long version (its result is in the README)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from netui import contacts
from netui.store import db

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "concurrency.py"


def load_script():
    spec = importlib.util.spec_from_file_location("netui_concurrency_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_apps_and_a_cli_writer_lose_nothing_and_never_see_locked(tmp_path):
    path = tmp_path / "shared.db"
    watcher = db.open_database(path)  # the app on screen, polling data_version
    try:
        before = db.data_version()
        summary = load_script().run(path, apps=2, clis=1, writes=25)
        assert summary["exit_codes"] == [0, 0, 0], summary
        assert summary["errors"] == [] and summary["stderr"] == [] and summary["locked"] == 0, summary
        assert summary["writes_acknowledged"] == 75 and summary["lost"] == 0, summary
        assert summary["integrity"] == "ok"
        assert db.data_version() != before  # the open app knows it must reload
        assert contacts.count_contacts() == 75  # and reading again shows every write
    finally:
        watcher.close()


def test_two_apps_and_a_cli_writer_on_a_team_server_lose_nothing(postgres_database):
    """The same on PostgreSQL: three members writing at once, no error shown, nothing lost,
    and an open app is told (LISTEN/NOTIFY) of the others' writes."""
    notices = []
    watcher = db.watch_changes(lambda: notices.append(1))
    try:
        summary = load_script().run(postgres_database.address.conninfo, apps=2, clis=1, writes=25)
    finally:
        watcher.stop()
    assert summary["exit_codes"] == [0, 0, 0], summary
    assert summary["errors"] == [] and summary["stderr"] == [] and summary["locked"] == 0, summary
    assert summary["writes_acknowledged"] == 75 and summary["lost"] == 0, summary
    assert notices  # the open app heard of them
    assert contacts.count_contacts() == 75
