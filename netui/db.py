"""Open the database file: where it lives, SQLite pragmas, schema versions and backups.

Everything SQLite-specific about the connection lives here. Nothing opens at import time:
`open_database()` binds `netui.models.database` to a file and brings its schema up to date.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

import pendulum
import platformdirs
import peewee
from peewee import SqliteDatabase

from netui import models
from netui.migrations import MIGRATIONS, Migration
from netui.text import fold, fold_key

APP_NAME = "netui"
DB_ENV_VAR = "NETUI_DB"
# Written into the file header (PRAGMA application_id) so a netui file can be told apart
# from any other SQLite database: "NETU" in ASCII.
APPLICATION_ID = 0x4E455455
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: a write that returned is on disk, even if the machine loses power next.
    "synchronous": 2,
    "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
}


class DatabaseOpenError(Exception):
    """The file cannot be used as a netui database; the message says why, in one sentence."""


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME)


def default_db_path() -> Path:
    return data_dir() / "netui.db"


def resolve_db_path(flag_value: str | os.PathLike | None = None) -> Path:
    """The file to use: `--db` first, then $NETUI_DB, then the user's data directory."""
    chosen = flag_value or os.environ.get(DB_ENV_VAR) or default_db_path()
    return Path(chosen).expanduser()


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max(m.version for m in migrations)


def open_database(
    path: str | os.PathLike, migrations: Sequence[Migration] = MIGRATIONS
) -> SqliteDatabase:
    """Open (creating if needed) the netui database at `path`, migrate it, and bind the models.

    Raises DatabaseOpenError, leaving the file untouched, when the file is not a netui
    database, cannot be read, or was written by a newer netui.
    """
    path = Path(path).expanduser()
    newest = latest_version(migrations)
    if path.exists():
        _check_existing_file(path, newest)
    else:
        _create_private_file(path)

    database = SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS)
    # Comparisons that SQLite's ASCII-only lower() gets wrong ("Évora" vs "évora").
    database.register_function(fold_key, "fold_key", 1, deterministic=True)
    database.register_function(fold, "fold", 1, deterministic=True)  # the search index's text
    try:
        database.connect()
        # Read again through the real connection: a write-ahead log may hold newer pages
        # than the file header that the read-only check looked at.
        version = _check_identity(database.connection(), path, newest)
        models.database.initialize(database)
        _migrate(database, path, version, migrations)
    except DatabaseOpenError:
        database.close()
        raise
    except (sqlite3.Error, peewee.DatabaseError) as error:
        database.close()
        raise DatabaseOpenError(f"{path}: cannot use this database ({error}).") from None
    except Exception as error:  # a failed upgrade step: its transaction was rolled back
        database.close()
        raise DatabaseOpenError(
            f"{path}: upgrading the database failed ({error}); the file was left as it was."
        ) from error
    return database


def close_database() -> None:
    if models.database.obj is not None and not models.database.is_closed():
        models.database.close()


def backup_database(source: SqliteDatabase | str | os.PathLike, destination: Path) -> Path:
    """Copy a consistent snapshot of the database to `destination` (mode 0600)."""
    destination = Path(destination)
    _create_private_file(destination)
    if isinstance(source, SqliteDatabase):
        source_connection, owned = source.connection(), False
    else:
        source_connection, owned = sqlite3.connect(str(source)), True
    target = sqlite3.connect(str(destination))
    try:
        source_connection.backup(target)
    finally:
        target.close()
        if owned:
            source_connection.close()
    return destination


def schema_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


# --- internals ---------------------------------------------------------------------------


def _unused_backup_path(path: Path, version: int) -> Path:
    stamp = pendulum.now("UTC").format("YYYYMMDD[T]HHmmss")
    candidate = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.v{version}-{stamp}-{counter}.bak")
    return candidate


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (the data is personal)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise DatabaseOpenError(f"{path}: cannot create the file ({error.strerror}).") from None
    os.close(descriptor)


def _check_existing_file(path: Path, newest: int) -> None:
    """Refuse, without writing anything, a file that is not a usable netui database."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DatabaseOpenError(f"{path}: is a directory, not a netui database file.")
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if not header:
            # An empty file (say, made with `touch`) becomes a new database: make it private.
            path.chmod(0o600)
            return
    except OSError as error:
        raise DatabaseOpenError(f"{path}: cannot read the file ({error.strerror}).") from None
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(f"{path}: is not a netui database (not an SQLite file).")
    # immutable=1 reads without locks or -wal/-shm side files: inspecting leaves no trace.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            _check_identity(connection, path, newest)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DatabaseOpenError(f"{path}: cannot read this database ({error}).") from None


def _check_identity(connection: sqlite3.Connection, path: Path, newest: int) -> int:
    """Return the file's schema version, or raise if it is not ours or is too new."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application_id != APPLICATION_ID:
        table_count = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != 0 or table_count:
            raise DatabaseOpenError(
                f"{path}: is an SQLite database of another program, not a netui database."
            )
        return 0
    if version > newest:
        raise DatabaseOpenError(
            f"{path}: was written by a newer netui (schema version {version}; this netui "
            f"knows up to {newest}). Upgrade netui to open it."
        )
    return version


def _migrate(
    database: SqliteDatabase, path: Path, current: int, migrations: Sequence[Migration]
) -> None:
    pending = sorted((m for m in migrations if m.version > current), key=lambda m: m.version)
    if not pending:
        return
    if current > 0:
        backup_database(database, _unused_backup_path(path, current))
    for migration in pending:
        with database.atomic():
            migration.up(database)
            database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            database.execute_sql(f"PRAGMA user_version = {int(migration.version)}")
