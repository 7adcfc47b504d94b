"""When the file cannot be written: a read-only database opens read-only and every write says
so in one sentence; a full disk (or a locked file) rolls the transaction back and keeps the
last good state; data_version tells an open app that another process wrote."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from netui import capture, cli, contacts, timeline
from netui.store import db, models
from netui.exchange import table_import
from netui.errors import DatabaseBusyError, DiskFullError, NetuiError, ReadOnlyError

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def saved_file(tmp_path) -> Path:
    """A closed netui database holding two people."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    contacts.create_contact("Giulia Rossi", emails=["giulia@example.com"])
    contacts.create_contact("Marco Bianchi")
    handle.close()
    return path


def count(path: Path, table: str = "contact") -> int:
    with closing(sqlite3.connect(str(path))) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- read-only ---------------------------------------------------------------------------


def test_read_only_database_reads_and_refuses_writes_in_one_sentence(saved_file):
    handle = db.open_database(saved_file, read_only=True)
    try:
        assert db.is_read_only()
        assert [s.name for s in contacts.list_contacts()] == ["Giulia Rossi", "Marco Bianchi"]
        with pytest.raises(ReadOnlyError) as caught:
            contacts.create_contact("Anna Verdi")
        assert str(caught.value) == (
            f"{saved_file} is read-only: nothing can be changed (netui may read it, but not write "
            "to the file or its folder).")
        with pytest.raises(ReadOnlyError):
            capture.capture_line("Anna Verdi @Acme anna@example.com")
        assert contacts.count_contacts() == 2  # still usable after the refusals
    finally:
        handle.close()
    assert count(saved_file) == 2


def test_a_file_that_cannot_be_written_opens_read_only(saved_file, monkeypatch):
    """Decided by what this process may do: no write permission on the file (or on its folder,
    where SQLite keeps the -wal and -shm files) means read-only, not a failure to open."""
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path) == saved_file and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    handle = db.open_database(saved_file)
    try:
        assert db.is_read_only()
        assert contacts.count_contacts() == 2
    finally:
        handle.close()
    monkeypatch.undo()
    handle = db.open_database(saved_file)
    try:
        assert not db.is_read_only()
    finally:
        handle.close()


@pytest.mark.skipif(AS_ROOT, reason="root may write a file whatever its mode")
def test_chmod_0400_file_opens_read_only(saved_file):
    saved_file.chmod(0o400)
    try:
        handle = db.open_database(saved_file)
        try:
            assert db.is_read_only()
            with pytest.raises(ReadOnlyError):
                contacts.create_contact("Anna Verdi")
        finally:
            handle.close()
    finally:
        saved_file.chmod(0o600)


def test_cli_write_on_read_only_file_exits_2_with_the_sentence(saved_file, capsys, monkeypatch):
    real_open = db.open_database
    monkeypatch.setattr(db, "open_database", lambda path, *a, **k: real_open(path, read_only=True))
    code = cli.main(["--db", str(saved_file), "add", "Anna Verdi"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == f"netui: {saved_file} is read-only: nothing can be changed (netui may read it, but not write to the file or its folder).\n"
    code = cli.main(["--db", str(saved_file), "search", "giulia"])
    assert code == 0 and "Giulia Rossi" in capsys.readouterr().out
    assert count(saved_file) == 2


def test_read_only_file_needing_an_upgrade_is_refused(saved_file):
    with closing(sqlite3.connect(str(saved_file))) as connection:
        connection.execute("PRAGMA user_version = 2")
    with pytest.raises(db.DatabaseOpenError, match="read-only and was written by an older netui"):
        db.open_database(saved_file, read_only=True)


# --- a full disk, a locked file ----------------------------------------------------------


def test_full_disk_rolls_back_and_keeps_the_last_good_state(saved_file, tmp_path):
    """SQLite's page limit stands in for a full disk: the write that overflows raises one
    sentence, nothing of it is kept, and the database goes on working once there is room."""
    handle = db.open_database(saved_file)
    try:
        pages = handle.execute_sql("PRAGMA page_count").fetchone()[0]
        handle.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
        rows = "".join(f"Person{i},Surname{i},,Company{i},Role {i},{'x' * 200},01 Jan 2024\n" for i in range(2000))
        big = tmp_path / "Connections.csv"
        big.write_text("First Name,Last Name,URL,Company,Position,Notes,Connected On\n" + rows)
        with pytest.raises(DiskFullError) as caught:
            table_import.import_file(big)
        assert str(caught.value) == (
            f"The disk is full: {saved_file} could not be written, so nothing was changed "
            "(free some space and try again).")
        with pytest.raises(DiskFullError):
            contacts.create_contact("Anna Verdi", notes="n" * 50_000)
        assert contacts.count_contacts() == 2
        assert handle.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        handle.execute_sql("PRAGMA max_page_count = 1073741823")
        contacts.create_contact("Anna Verdi", notes="n" * 50_000)
        assert contacts.count_contacts() == 3
    finally:
        handle.close()
    assert count(saved_file) == 3


def test_locked_past_the_busy_timeout_is_a_sentence(saved_file):
    handle = db.open_database(saved_file)
    holder = sqlite3.connect(str(saved_file), isolation_level=None)
    try:
        handle.execute_sql("PRAGMA busy_timeout = 50")
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseBusyError, match="is busy: another program kept it locked"):
            timeline.log_interaction([contacts.resolve_contact("Giulia Rossi")], "call")
        holder.execute("ROLLBACK")
        assert isinstance(DatabaseBusyError("x"), NetuiError)
        timeline.log_interaction([contacts.resolve_contact("Giulia Rossi")], "call")  # free again
    finally:
        holder.close()
        handle.close()


def test_data_version_moves_when_another_process_writes(saved_file):
    handle = db.open_database(saved_file)
    try:
        before = db.data_version()
        contacts.create_contact("Own Write")
        assert db.data_version() == before  # our own commits do not count
        with closing(sqlite3.connect(str(saved_file))) as other:
            other.execute("UPDATE contact SET city = 'Roma'")
            other.commit()
        assert db.data_version() != before
    finally:
        handle.close()
