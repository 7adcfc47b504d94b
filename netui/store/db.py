"""The database's lifecycle: open a file (creating and upgrading it), close it, and the few
things the app asks of an open database (read-only?, changed by another connection?,
schema version, write-ahead log emptied, a consistent copy).

Nothing opens at import time: `open_database()` binds `netui.store.models.database` to a file
and brings its schema up to date. The engine's side of each step is in netui.store.sqlite;
where the file lives is netui.store.location (both re-exported here, as callers know them).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pendulum

from netui.i18n import _
from netui.store import location, models, sqlite
from netui.store.location import is_server_address
from netui.store.location import (  # noqa: F401 -- re-exported: callers know them as db.*
    DB_ENV_VAR,
    DatabaseOpenError,
    ServerAddress,
    check_folder,
    config_dir,
    create_private_file,
    data_dir,
    default_db_path,
)
from netui.store.migrations import MIGRATIONS, Migration
from netui.store.sqlite import APPLICATION_ID, SQLITE_HEADER, NetuiDatabase  # noqa: F401 -- re-exported


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max(m.version for m in migrations)


def open_database(
    path: str | os.PathLike | ServerAddress, migrations: Sequence[Migration] = MIGRATIONS,
    read_only: bool | None = None, create: bool = True,
) -> NetuiDatabase:
    """Open (creating if needed) the netui database at `path`, migrate it, and bind the models.

    `path` may be a team's PostgreSQL database (a ServerAddress, or its connection string):
    an empty one gets netui's schema through the same numbered versions (`_open_server`).

    The file is created only in a folder that exists (check_folder). `create=False` (a dry
    run) creates nothing: a file not there yet is stood in for by an empty database in
    memory, which is what the file would hold.

    A file this process cannot write (or whose folder it cannot write, so that SQLite cannot
    keep its -wal and -shm files beside it) opens read-only (`read_only=None` decides so;
    True or False forces it): everything reads, every write raises ReadOnlyError, and
    `is_read_only()` says so, for the app to show.

    Raises DatabaseOpenError, leaving the file untouched, when the file is not a netui
    database, cannot be read, or was written by a newer netui.
    """
    if isinstance(path, str) and is_server_address(path):
        path = ServerAddress(path)
    if isinstance(path, ServerAddress):
        return _open_server(path, migrations)
    path = Path(path).expanduser()
    newest = latest_version(migrations)
    database = _connection_for(path, newest, read_only, create)
    try:
        database.connect(reuse_if_open=True)
        # Read again through the real connection: a write-ahead log may hold newer pages
        # than the file header that the read-only check looked at.
        version = sqlite.check_identity(database.connection(), path, newest)
        models.database.initialize(database)
        if database.read_only and version < newest:
            raise DatabaseOpenError(_(
                "{path}: is read-only and was written by an older netui (schema version {version}); "
                "make it writable once so that netui can upgrade it.", path=path, version=version))
        _migrate(database, path, version, migrations)
    except DatabaseOpenError:
        database.close()
        raise
    except sqlite.ENGINE_ERRORS as error:
        database.close()
        raise DatabaseOpenError(_("{path}: cannot use this database ({error}).", path=path, error=error)) from None
    except Exception as error:  # a failed upgrade step: its transaction was rolled back
        database.close()
        raise DatabaseOpenError(_(
            "{path}: upgrading the database failed ({error}); the file was left as it was.", path=path, error=error
        )) from error
    return database


def resolve_db_path(flag_value: str | os.PathLike | None = None) -> Path | ServerAddress:
    """The database to use: `--db`, then $NETUI_DB, then config.toml's `[storage] database`,
    then the file in the user's data folder (location.resolve_db_path)."""
    from netui import config

    configured = None if flag_value or os.environ.get(DB_ENV_VAR) else config.load().database
    return location.resolve_db_path(flag_value, configured)


def _open_server(address: ServerAddress, migrations: Sequence[Migration]):
    """Connect to a team's database, check it is netui's (or empty), bring its schema up to
    date -- each version in its own transaction, rolled back whole if it fails (PostgreSQL's
    DDL is transactional: no copy is made first, as for a file) -- and bind the models."""
    from netui.store import postgres
    from netui.store.migrations import postgres as postgres_schema

    newest = latest_version(migrations)
    database = postgres.open_database(address)
    try:
        database.connect(reuse_if_open=True)
        current = postgres.check_identity(database, newest)
        models.database.initialize(database)
        for migration in sorted((m for m in migrations if m.version > current), key=lambda m: m.version):
            with database.atomic():
                postgres_schema.up(migration.version, database)
                postgres.record_version(database, migration.version)
    except DatabaseOpenError:
        database.close()
        raise
    except postgres.engine_errors() as error:
        database.close()
        raise DatabaseOpenError(_("{path}: cannot use this database ({error}).", path=address, error=error)) from None
    return database


def open_to_read(path: str | os.PathLike | ServerAddress, migrations: Sequence[Migration] = MIGRATIONS):
    """A connection that reads a whole netui network without writing to it or binding the
    models (`netui copy`'s source): a file opens read-only, a server's database as it is. It
    must hold a network at this netui's newest schema: an older one is not upgraded here (that
    would write to it), nor is a missing file created. Raises DatabaseOpenError otherwise."""
    if isinstance(path, str) and is_server_address(path):
        path = ServerAddress(path)
    from netui.store import postgres  # the driver itself loads only for a server's address

    newest = latest_version(migrations)
    if isinstance(path, ServerAddress):
        database, errors = postgres.open_database(path), postgres.engine_errors()
    else:
        path = Path(path).expanduser()
        if not path.is_file() or path.stat().st_size == 0:
            raise DatabaseOpenError(_("{path}: there is no netui network there to copy.", path=path))
        sqlite.check_existing_file(path, newest)
        database, errors = sqlite.open_read_only(path), sqlite.ENGINE_ERRORS
    try:
        database.connect(reuse_if_open=True)
        if isinstance(path, ServerAddress):
            version = postgres.check_identity(database, newest)
        else:
            version = sqlite.check_identity(database.connection(), path, newest)
        if version == 0:
            raise DatabaseOpenError(_("{path}: there is no netui network there to copy.", path=path))
        if version < newest:
            raise DatabaseOpenError(_(
                "{path}: was written by an older netui (schema version {version}); open it once with "
                "this netui, which upgrades it, then copy it.", path=path, version=version))
    except DatabaseOpenError:
        database.close()
        raise
    except errors as error:
        database.close()
        raise DatabaseOpenError(_("{path}: cannot use this database ({error}).", path=path, error=error)) from None
    return database


def is_server() -> bool:
    """True when the open database is a team's on a server (not a file)."""
    return isinstance(getattr(models.database.obj, "path", None), ServerAddress)


def server_login() -> str | None:
    """The role a team's server knows this connection as; None for a file."""
    return models.database.obj.login() if is_server() else None


def _connection_for(path: Path, newest: int, read_only: bool | None, create: bool) -> NetuiDatabase:
    """The connection open_database uses: the file checked first (nothing written to a file
    that is not a usable netui database), created if missing, read-only when it must be."""
    if path.exists():
        sqlite.check_existing_file(path, newest)
        if read_only is None:
            read_only = not sqlite.writable(path)
    elif create:
        create_private_file(path)
        read_only = False
    else:
        check_folder(path)
        read_only = False
    if read_only:
        return sqlite.open_read_only(path)
    return sqlite.open_writable(path, in_memory=not create and not path.exists())


def is_read_only() -> bool:
    """True when the open database was opened read-only (see open_database)."""
    return bool(getattr(models.database.obj, "read_only", False))


def data_version() -> int:
    """A number that changes when another connection (another process, or a worker thread's)
    commits a change to the database, read on this thread's connection (SQLite's PRAGMA
    data_version). Poll it on a timer and reload what is shown when it moves."""
    if is_server():
        return 0  # a server's changes come as notices instead (watch_changes)
    return sqlite.data_version(models.database)


def watch_changes(on_change):
    """On a team's server: call `on_change()` (from another thread) whenever another member's
    change is committed, and return a watcher whose stop() ends that; None for a file (poll
    data_version instead: SQLite has no notices)."""
    if not is_server():
        return None
    from netui.store import postgres

    return postgres.ChangeWatcher(models.database.obj, on_change)


def close_database() -> None:
    if models.database.obj is not None and not models.database.is_closed():
        models.database.close()


def backup_database(source, destination: Path) -> Path:
    """Copy a consistent snapshot of the database (an open one, or a file) to `destination` (mode 0600)."""
    return sqlite.online_backup(source, destination)


def checkpoint(wait_seconds: float = 1.0) -> bool:
    """Copy the write-ahead log into the database file and empty the log (TRUNCATE), so that
    no older version of a page (say, of a purged person) stays in the -wal file. Waits for
    other connections' reads up to `wait_seconds` (not the whole busy timeout: the app must
    not freeze); returns False when one kept it from finishing -- the log is then emptied by a
    later checkpoint, at the latest when the last connection to the file closes."""
    if is_server():
        return True  # no log file of ours on a server: PostgreSQL's own WAL is the server's business
    return sqlite.checkpoint(models.database, wait_seconds)


def schema_version(database) -> int:
    if isinstance(getattr(database, "path", None), ServerAddress):
        from netui.store import postgres

        return postgres.schema_version(database)
    return sqlite.schema_version(database)


# --- internals ---------------------------------------------------------------------------


def _unused_backup_path(path: Path, version: int) -> Path:
    stamp = pendulum.now("UTC").format("YYYYMMDD[T]HHmmss")
    candidate = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.v{version}-{stamp}-{counter}.bak")
    return candidate


def _migrate(database, path: Path, current: int, migrations: Sequence[Migration]) -> None:
    """Run the pending migrations, each in its own transaction, after a copy of the file as
    it was (when it held a netui schema already)."""
    pending = sorted((m for m in migrations if m.version > current), key=lambda m: m.version)
    if not pending:
        return
    if current > 0:
        backup_database(database, _unused_backup_path(path, current))
    for migration in pending:
        with database.atomic():
            migration.up(database)
            sqlite.record_version(database, migration.version)
