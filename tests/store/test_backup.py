"""Backups (netui backup, the rolling daily copy) and restore: SQLite's online backup API,
safe while another connection has the file open; every file 0600, the folder 0700."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys
from contextlib import closing
from pathlib import Path

import pendulum
import pytest

from netui.store import backup, db
from netui import cli, contacts
from netui.errors import ValidationError

from conftest import FROZEN_NOW, travel

DATA = Path(__file__).parents[1] / "data"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(str(path))) as connection:
        return [f"{a} {b}" for a, b in connection.execute("SELECT first_name, last_name FROM contact ORDER BY id")]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def live(tmp_path) -> Path:
    """A closed netui database with two people."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Marco Bianchi")
    handle.close()
    return path


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)


# --- netui backup ------------------------------------------------------------------------


def test_backup_while_another_connection_writes(live, frozen):
    """A consistent snapshot: committed data in, a writer's open transaction not, nobody blocked."""
    writer = sqlite3.connect(str(live), isolation_level=None)
    handle = db.open_database(live)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE contact SET first_name = 'Uncommitted'")
        written = backup.backup_now()
        writer.execute("ROLLBACK")
    finally:
        handle.close()
        writer.close()
    assert written == live.parent / "backups" / f"netui-{frozen.format('YYYYMMDD-HHmmss')}.db"  # local time
    assert names_in(written) == ["Giulia Rossi", "Marco Bianchi"]
    assert mode_of(written) == 0o600 and mode_of(written.parent) == 0o700
    assert not list(written.parent.glob(".*partial"))
    with closing(sqlite3.connect(str(written))) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID


def test_backup_cli_to_a_file_or_folder(live, tmp_path, capsys, frozen):
    target = tmp_path / "elsewhere" / "copy.db"
    target.parent.mkdir()
    code, out, err = run(capsys, "--db", str(live), "backup", "--to", str(target))
    assert (code, err) == (0, "")
    assert out == f"Backed up {live} to {target} (2 contacts, 0 interactions).\n"
    assert names_in(target) == ["Giulia Rossi", "Marco Bianchi"] and mode_of(target) == 0o600
    # again onto the same backup: replaced; into a folder: named after the time
    assert run(capsys, "--db", str(live), "backup", "--to", str(target))[0] == 0
    code, out, _err = run(capsys, "--db", str(live), "backup", "--to", str(target.parent))
    assert code == 0 and (target.parent / f"netui-{frozen.format('YYYYMMDD-HHmmss')}.db").exists()


def test_backup_refuses_to_overwrite_a_file_that_is_not_netuis(live, tmp_path, capsys):
    precious = tmp_path / "thesis.db"
    precious.write_bytes(b"my thesis, not a database")
    code, out, err = run(capsys, "--db", str(live), "backup", "--to", str(precious))
    assert code == 2 and out == ""
    assert err == f"netui: {precious}: is not a netui database (not an SQLite file).\n"
    assert precious.read_bytes() == b"my thesis, not a database"


# --- the rolling daily backup ------------------------------------------------------------


def test_rolling_backup_once_a_day_keeping_seven(live):
    handle = db.open_database(live)
    try:
        made = []
        for day in range(10):
            with travel(FROZEN_NOW.add(days=day)):
                made.append(backup.rolling_backup())
                assert backup.rolling_backup() is None  # today's exists: nothing to do
        folder = live.parent / "backups"
        kept = sorted(p.name for p in folder.glob("netui-daily-*.db"))
        assert kept == [f"netui-daily-{FROZEN_NOW.add(days=day).format('YYYYMMDD')}.db" for day in range(3, 10)]
        assert made[-1] == folder / f"netui-daily-{FROZEN_NOW.add(days=9).format('YYYYMMDD')}.db"
        assert all(mode_of(folder / name) == 0o600 for name in kept)
        assert names_in(made[-1]) == ["Giulia Rossi", "Marco Bianchi"]
    finally:
        handle.close()


def test_rolling_backup_skips_an_empty_database_and_never_raises(tmp_path, monkeypatch):
    handle = db.open_database(tmp_path / "new.db")
    try:
        assert backup.rolling_backup() is None
        assert not (tmp_path / "backups").exists()
        contacts.create_contact("Giulia Rossi")

        def broken(*args):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(backup, "_copy_database", broken)
        assert backup.rolling_backup() is None
    finally:
        handle.close()


# --- netui restore -----------------------------------------------------------------------


def test_restore_replaces_the_database_and_keeps_what_it_replaced(live, tmp_path, capsys, frozen):
    saved = tmp_path / "saved.db"
    run(capsys, "--db", str(live), "backup", "--to", str(saved))
    run(capsys, "--db", str(live), "add", "Anna Verdi")
    app = db.open_database(live)  # an open app sees the restored data
    try:
        code, out, err = run(capsys, "--db", str(live), "restore", str(saved), "--yes")
        assert (code, err) == (0, "")
        before = live.parent / "backups" / f"netui-before-restore-{frozen.format('YYYYMMDD-HHmmss')}.db"
        assert out == (f"Restored {live} from {saved} (2 contacts). The database it replaced is kept as "
                       f"{before}.\n")
        db.open_database(live)  # rebind the models (cli.main closed its own connection)
        assert [s.name for s in contacts.list_contacts()] == ["Giulia Rossi", "Marco Bianchi"]
    finally:
        db.close_database()
        app.close()
    assert sorted(names_in(before)) == ["Anna Verdi", "Giulia Rossi", "Marco Bianchi"]
    assert mode_of(live) == 0o600 and mode_of(before) == 0o600
    with closing(sqlite3.connect(str(live))) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_asks_on_a_terminal_and_refuses_without_one(live, tmp_path, capsys, monkeypatch, no_terminal):
    saved = tmp_path / "saved.db"
    shutil.copyfile(live, saved)
    run(capsys, "--db", str(live), "add", "Anna Verdi")
    code, out, err = run(capsys, "--db", str(live), "restore", str(saved))
    assert (code, out) == (2, "")
    assert err == ("netui: netui restore replaces your whole database: add --yes to confirm "
                   "(there is no terminal to ask on).\n")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    asked = []
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or "n")
    code, out, _err = run(capsys, "--db", str(live), "restore", str(saved))
    assert (code, out) == (1, "Nothing was changed.\n")
    assert asked == [f"Replace {live} (3 contacts, 0 interactions) with {saved} (2 contacts, 0 interactions)? "
                     f"The current file is copied to {live.parent / 'backups'} first. [y/N] "]
    assert len(names_in(live)) == 3
    monkeypatch.setattr("builtins.input", lambda question: "y")
    assert run(capsys, "--db", str(live), "restore", str(saved))[0] == 0
    assert len(names_in(live)) == 2


@pytest.mark.parametrize("kind", ["missing", "empty", "text", "foreign", "newer"])
def test_restore_refuses_what_is_not_a_netui_backup(live, tmp_path, capsys, kind):
    source = tmp_path / f"{kind}.db"
    if kind == "empty":
        source.touch()
    elif kind == "text":
        source.write_text("hello")
    elif kind == "foreign":
        with closing(sqlite3.connect(str(source))) as connection:
            connection.execute("CREATE TABLE songs (title)")
    elif kind == "newer":
        shutil.copyfile(live, source)
        with closing(sqlite3.connect(str(source))) as connection:
            connection.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    before = live.read_bytes()
    code, out, err = run(capsys, "--db", str(live), "restore", str(source), "--yes")
    assert code == 2 and out == "" and err.count("\n") == 1 and str(source) in err
    assert live.read_bytes() == before
    assert not (live.parent / "backups").exists()


def test_restore_an_older_backup_upgrades_it(tmp_path, capsys):
    old = tmp_path / "old.db"
    shutil.copyfile(DATA / "schema-v1.db", old)
    target = tmp_path / "netui.db"
    code, out, err = run(capsys, "--db", str(target), "restore", str(old), "--yes")
    assert (code, err) == (0, "")
    with closing(sqlite3.connect(str(target))) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == db.latest_version()


def test_restore_over_a_damaged_database(live, tmp_path, capsys):
    saved = tmp_path / "saved.db"
    shutil.copyfile(live, saved)
    data = bytearray(live.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    live.write_bytes(bytes(data))
    code, out, err = run(capsys, "--db", str(live), "restore", str(saved), "--yes")
    assert (code, err) == (0, "")
    assert names_in(live) == ["Giulia Rossi", "Marco Bianchi"]
    assert len(list((live.parent / "backups").glob("netui-before-restore-*.db"))) == 1


def test_restore_never_replaces_another_programs_file(tmp_path, live, capsys):
    foreign = tmp_path / "songs.db"
    with closing(sqlite3.connect(str(foreign))) as connection:
        connection.execute("CREATE TABLE songs (title)")
    code, _out, err = run(capsys, "--db", str(foreign), "restore", str(live), "--yes")
    assert code == 2 and "is not a netui database" in err
    with closing(sqlite3.connect(str(foreign))) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("songs",)]


def test_check_backup_names_the_file(tmp_path):
    with pytest.raises(ValidationError, match="there is no such file"):
        backup.check_backup(tmp_path / "nope.db")


def test_restore_refuses_another_programs_file_in_italian(tmp_path, live, italian):
    """Restore tells another program's file from a damaged netui one by the error's kind,
    not by its English words: the refusal holds in Italian too."""
    foreign = tmp_path / "songs.db"
    with closing(sqlite3.connect(str(foreign))) as connection:
        connection.execute("CREATE TABLE songs (title)")
    with pytest.raises(ValidationError) as caught:
        backup.restore(live, foreign)
    assert caught.value.message == (
        f"{foreign}: non è un database di netui; netui restore sostituisce solo un database di netui.")
    assert backup.describe_file(live) == f"{live} (2 contatti, 0 interazioni)"
    with closing(sqlite3.connect(str(foreign))) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("songs",)]
