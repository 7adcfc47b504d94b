"""The database file: creation, pragmas, schema versions, migrations with backups, and
refusing (without touching) files that netui must not write to."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from netui import cli, contacts
from netui.store import db, models
from netui.store.migrations import MIGRATIONS, Migration

FTS_MODELS = (models.ContactSearch,)
TABLE_MODELS = tuple(m for m in models.ALL_MODELS if m not in FTS_MODELS)
CURRENT = db.latest_version()
NEXT = CURRENT + 1  # a test migration one step ahead of the real ones


# --- helpers -----------------------------------------------------------------------------


def raw(path: Path):
    """A plain sqlite3 connection, independent of netui's (closed on leaving `with`)."""
    return closing(sqlite3.connect(str(path)))


def pragma(path: Path, name: str):
    with raw(path) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def columns_of(path: Path, table: str) -> list[str]:
    with raw(path) as connection:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def contact_names(path: Path) -> list[tuple[str, str]]:
    with raw(path) as connection:
        return connection.execute("SELECT first_name, last_name FROM contact").fetchall()


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    """What must not change when netui refuses a file: its bytes, mtime, and neighbours."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def age(path: Path) -> None:
    """Give the file an old mtime, so that any write would visibly change it."""
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


def backups_of(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.v*-*.bak"))


@pytest.fixture
def current_file(tmp_path) -> Path:
    """A closed netui database at the current version holding one contact."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    contacts.create_contact("Giulia Rossi")
    handle.close()
    assert pragma(path, "user_version") == CURRENT
    return path


@pytest.fixture
def newer_file(current_file) -> Path:
    """A netui database as a newer netui (one schema version ahead) would leave it."""
    with raw(current_file) as connection:
        connection.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    return current_file


@pytest.fixture
def csv_file(tmp_path) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text("name,email\nGiulia Rossi,giulia@example.com\n")
    return path


@pytest.fixture
def foreign_file(tmp_path) -> Path:
    """An SQLite database of some other program: a table, no application id."""
    path = tmp_path / "other.sqlite"
    with raw(path) as connection:
        connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO recipe (title) VALUES ('carbonara')")
        connection.commit()
    return path


def assert_refused_untouched(path: Path, *words: str) -> str:
    """open_database refuses `path` with a message naming it, and leaves no trace."""
    age(path)
    before = snapshot(path)
    with pytest.raises(db.DatabaseOpenError) as refused:
        db.open_database(path)
    message = str(refused.value)
    assert str(path) in message
    for word in words:
        assert word in message
    assert snapshot(path) == before
    return message


# --- a new file --------------------------------------------------------------------------


def test_new_database_file_is_private_and_the_data_folder_created(tmp_path):
    """Personal data: the file (and its write-ahead log) is readable by its owner only. The
    default file's folder (netui's data folder) is made on first use; no other is."""
    path = db.default_db_path()
    assert not path.parent.exists()
    handle = db.open_database(path)
    try:
        contacts.create_contact("Giulia Rossi")
        assert path.parent.is_dir()
        assert mode_of(path) == 0o600
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and mode_of(wal) == 0o600
    finally:
        handle.close()


def test_connection_pragmas(database):
    """WAL, enforced foreign keys, FULL sync and a busy timeout on the live connection."""

    def value(name):
        return database.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert value("journal_mode") == "wal"
    assert value("foreign_keys") == 1
    assert value("synchronous") == 2
    assert value("busy_timeout") >= 5000


def test_new_database_is_stamped_with_version_and_application_id(tmp_path):
    """The header says "netui file, latest schema", also for a plain sqlite3 reader."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    try:
        assert db.schema_version(handle) == db.latest_version()
    finally:
        handle.close()
    assert pragma(path, "user_version") == db.latest_version()
    assert pragma(path, "application_id") == db.APPLICATION_ID


def test_new_database_makes_no_backup(tmp_path):
    """Creating a file from nothing has nothing to back up."""
    path = tmp_path / "netui.db"
    db.open_database(path).close()
    assert backups_of(path) == []


def test_empty_existing_file_is_a_new_database(tmp_path):
    """A 0-byte file (e.g. made with `touch`) is initialised, not refused."""
    path = tmp_path / "netui.db"
    path.touch()
    handle = db.open_database(path)
    try:
        assert db.schema_version(handle) == db.latest_version()
        contacts.create_contact("Giulia Rossi")
    finally:
        handle.close()
    assert contact_names(path) == [("Giulia", "Rossi")]


def test_open_expands_home(tmp_path, monkeypatch):
    """`~/...` means the home directory, not a directory literally named `~`."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "home" / "netui").mkdir(parents=True)
    db.open_database("~/netui/netui.db").close()
    assert (tmp_path / "home" / "netui" / "netui.db").is_file()
    assert not (tmp_path / "~").exists()


# --- the schema matches the models -------------------------------------------------------


@pytest.mark.parametrize("model", TABLE_MODELS, ids=lambda m: m.__name__)
def test_migrated_columns_match_model_fields(database, model):
    """Every field has its column (same nullability), and no column is unknown to the model."""
    table = model._meta.table_name
    found = {c.name: c for c in database.get_columns(table)}
    expected = {f.column_name: f for f in model._meta.sorted_fields}
    assert set(found) == set(expected)
    for name, field in expected.items():
        assert found[name].null == field.null, f"{table}.{name} nullability"


def test_search_index_columns_match_model(database):
    """The full-text table has exactly the ContactSearch fields (rowid aside)."""
    model = models.ContactSearch
    found = [row[1] for row in database.execute_sql('PRAGMA table_info("contact_search")')]
    expected = [f.column_name for f in model._meta.sorted_fields if f.name != "rowid"]
    assert found == expected


def test_migrated_schema_matches_schema_built_from_models(database):
    """Types, indexes (uniqueness) and foreign keys (ON DELETE) are what the models declare."""
    reference = SqliteDatabase(":memory:")
    with reference.bind_ctx(TABLE_MODELS):
        reference.create_tables(TABLE_MODELS)

    def shape(handle, table):
        columns = [(c.name, c.data_type.upper(), c.null, c.primary_key) for c in handle.get_columns(table)]
        indexes = {(tuple(i.columns), i.unique) for i in handle.get_indexes(table)}
        keys = {
            (row[2], row[3], row[4], row[6])  # target table, from, to, on_delete
            for row in handle.execute_sql(f'PRAGMA foreign_key_list("{table}")')
        }
        return columns, indexes, keys

    for model in TABLE_MODELS:
        table = model._meta.table_name
        assert shape(database, table) == shape(reference, table), table
    reference.close()


# --- durability --------------------------------------------------------------------------


def test_write_is_committed_when_function_returns(database, tmp_path):
    """Another program (or a crash right after) sees what a write function saved."""
    contacts.create_contact("Giulia Rossi", company="Acme")
    with raw(tmp_path / "netui.db") as other:
        rows = other.execute("SELECT first_name, last_name, company FROM contact").fetchall()
    assert rows == [("Giulia", "Rossi", "Acme")]


# --- migrations --------------------------------------------------------------------------


def add_nickname(database):
    database.execute_sql("""ALTER TABLE contact ADD COLUMN nickname TEXT NOT NULL DEFAULT ''""")


def test_migration_upgrades_and_keeps_a_private_backup(current_file):
    """Upgrading keeps the data, and a v1 copy is left next to the file in case it goes wrong."""
    handle = db.open_database(current_file, migrations=MIGRATIONS + (Migration(NEXT, "test", add_nickname),))
    try:
        assert db.schema_version(handle) == NEXT
        assert "nickname" in [c.name for c in handle.get_columns("contact")]
        assert [s.name for s in contacts.search_contacts("giulia")] == ["Giulia Rossi"]
    finally:
        handle.close()
    assert pragma(current_file, "user_version") == NEXT
    assert contact_names(current_file) == [("Giulia", "Rossi")]

    backups = backups_of(current_file)
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith(f"{current_file.name}.v{CURRENT}-")
    assert mode_of(backup) == 0o600
    with raw(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA user_version").fetchone()[0] == CURRENT
        assert copy.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
        assert copy.execute("SELECT first_name, last_name FROM contact").fetchall() == [("Giulia", "Rossi")]
    assert "nickname" not in columns_of(backup, "contact")


class MigrationBoom(Exception):
    pass


def half_then_raise(database):
    add_nickname(database)
    raise MigrationBoom("the migration failed half-way")


def half_then_bad_sql(database):
    add_nickname(database)
    database.execute_sql("INSERT INTO no_such_table VALUES (1)")


@pytest.mark.parametrize(
    "up, expected",
    [
        # A bug in Python code of a migration surfaces as itself (or wrapped; both are fine).
        (half_then_raise, (MigrationBoom, db.DatabaseOpenError)),
        # An SQL failure is reported like any other unusable database.
        (half_then_bad_sql, db.DatabaseOpenError),
    ],
    ids=["python-error", "sql-error"],
)
def test_failed_migration_leaves_file_at_old_version_with_data(current_file, up, expected):
    """A migration that fails half-way is rolled back: old version, no half-added column, data kept."""
    with pytest.raises(expected):
        db.open_database(current_file, migrations=MIGRATIONS + (Migration(NEXT, "broken", up),))
    db.close_database()
    assert pragma(current_file, "user_version") == CURRENT
    assert "nickname" not in columns_of(current_file, "contact")
    assert contact_names(current_file) == [("Giulia", "Rossi")]
    # and the current netui still opens it normally
    handle = db.open_database(current_file)
    try:
        assert [s.name for s in contacts.search_contacts("rossi")] == ["Giulia Rossi"]
    finally:
        handle.close()


def test_reopening_up_to_date_database_makes_no_backup(current_file):
    """Backups are made only before a migration, not at every start."""
    db.open_database(current_file).close()
    db.open_database(current_file).close()
    assert backups_of(current_file) == []
    assert contact_names(current_file) == [("Giulia", "Rossi")]


# --- files netui must refuse, untouched --------------------------------------------------


def test_file_from_newer_netui_is_refused_untouched(newer_file):
    """An older netui must not downgrade, migrate, or even add -wal/-shm next to a newer file."""
    assert_refused_untouched(newer_file, "newer")
    assert pragma(newer_file, "user_version") == db.latest_version() + 1
    assert backups_of(newer_file) == []


def test_newer_version_still_in_write_ahead_log_is_refused(current_file):
    """A newer netui still running (its upgrade not yet checkpointed) is detected too."""
    newer = sqlite3.connect(str(current_file))
    try:
        newer.execute("PRAGMA wal_autocheckpoint = 0")
        newer.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
        with pytest.raises(db.DatabaseOpenError, match="newer"):
            db.open_database(current_file)
        assert newer.execute("PRAGMA user_version").fetchone()[0] == db.latest_version() + 1
    finally:
        newer.close()
    assert pragma(current_file, "user_version") == db.latest_version() + 1


def test_text_file_is_refused_untouched(csv_file):
    """Pointing --db at a CSV by mistake must not turn it into a database."""
    assert_refused_untouched(csv_file)


def test_foreign_sqlite_database_is_refused_untouched(foreign_file):
    """Another program's SQLite file gets no netui tables, no WAL switch, no side files."""
    assert_refused_untouched(foreign_file, "another program")
    with raw(foreign_file) as connection:
        assert connection.execute("SELECT title FROM recipe").fetchall() == [("carbonara",)]


def test_directory_is_refused(tmp_path):
    """A directory given as the database path is an error, not a crash."""
    path = tmp_path / "a-directory"
    path.mkdir()
    with pytest.raises(db.DatabaseOpenError) as refused:
        db.open_database(path)
    assert str(path) in str(refused.value)
    assert os.listdir(path) == []


def test_corrupt_sqlite_file_is_refused_untouched(tmp_path):
    """A file with an SQLite signature followed by garbage is refused cleanly."""
    path = tmp_path / "netui.db"
    path.write_bytes(db.SQLITE_HEADER + random.Random(7).randbytes(8192))
    assert_refused_untouched(path)


@pytest.mark.parametrize("intact", [100, 4096], ids=["header-only", "first-page"])
def test_damaged_netui_file_is_refused_untouched(current_file, intact):
    """A netui file whose header is fine but whose pages are damaged is refused, not 'repaired'."""
    data = current_file.read_bytes()
    current_file.write_bytes(data[:intact] + random.Random(intact).randbytes(len(data) - intact))
    assert_refused_untouched(current_file)


# --- where the file is -------------------------------------------------------------------


def test_db_flag_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(db.DB_ENV_VAR, str(tmp_path / "from-env.db"))
    assert db.resolve_db_path(str(tmp_path / "from-flag.db")) == tmp_path / "from-flag.db"


def test_environment_beats_default(tmp_path, monkeypatch):
    monkeypatch.setenv(db.DB_ENV_VAR, str(tmp_path / "from-env.db"))
    assert db.resolve_db_path(None) == tmp_path / "from-env.db"


def test_default_is_in_user_data_dir(tmp_path):
    """Without flag or $NETUI_DB the file lives in the XDG data directory (set by conftest)."""
    path = db.resolve_db_path(None)
    assert path == tmp_path / "xdg-data" / "netui" / "netui.db"
    assert path == db.default_db_path()


def test_resolved_path_expands_home(tmp_path, monkeypatch):
    """`~` is expanded, from the flag and from $NETUI_DB alike."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert db.resolve_db_path("~/a.db") == tmp_path / "home" / "a.db"
    monkeypatch.setenv(db.DB_ENV_VAR, "~/b.db")
    assert db.resolve_db_path(None) == tmp_path / "home" / "b.db"


# --- the command line --------------------------------------------------------------------


@pytest.mark.parametrize("fixture, word", [("csv_file", "not"), ("newer_file", "newer")])
def test_cli_refuses_unusable_file_with_one_line(request, capsys, fixture, word):
    """`netui --db FILE search x` on a bad file: status 2, one sentence, no traceback, file kept."""
    path = request.getfixturevalue(fixture)
    age(path)
    before = snapshot(path)
    assert cli.main(["--db", str(path), "search", "x"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert str(path) in lines[0] and word in lines[0]
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert snapshot(path) == before
