"""The SQLite backend: netui's connection class and everything about a database that only
SQLite has -- its file header, PRAGMAs, write-ahead log, online backup and error codes.

`netui.store.db` (the lifecycle every backend shares) calls these; nothing outside
netui.store imports this module.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path
from urllib.parse import quote

import peewee
from peewee import SqliteDatabase

from netui.errors import DatabaseBusyError, DiskFullError, ReadOnlyError, StorageError, ValidationError
from netui.i18n import _
from netui.store import statistics
from netui.store.location import DatabaseOpenError, create_private_file
from netui.text import fold, fold_key

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
    # Deleted rows are overwritten with zeros, not just unlinked: a purged person leaves no
    # bytes behind in the file (several builds, e.g. Python's on macOS and Windows, default off).
    "secure_delete": 1,
}
# What the engine raises when a file cannot be used (peewee wraps most of sqlite3's).
ENGINE_ERRORS = (sqlite3.Error, peewee.DatabaseError)


class NetuiDatabase(SqliteDatabase):
    """netui's connection to its file. Two things on top of peewee's SqliteDatabase:

    * write transactions start with BEGIN IMMEDIATE (they take the write lock first, waiting
      up to the busy timeout): a transaction that read first and then wanted to write after
      another process committed would otherwise fail at once with "database is locked";
    * the storage errors a user can act on (read-only file, disk full, locked past the busy
      timeout) become one sentence each (netui.errors.StorageError), whichever domain write
      ran into them; the transaction is rolled back, the last good state kept.
    """

    def __init__(self, path: Path, *, read_only: bool = False, uri: str | None = None, **kwargs):
        self.path = Path(path)
        self.read_only = read_only
        kwargs.setdefault("lock_type", None if read_only else "IMMEDIATE")
        if uri:
            kwargs["uri"] = True
        super().__init__(uri or str(path), timeout=BUSY_TIMEOUT_SECONDS, **kwargs)

    def storage_error(self, error: Exception) -> StorageError | None:
        """The sentence for a storage error (None: not one of those)."""
        original = error.args[0] if error.args and isinstance(error.args[0], sqlite3.Error) else error
        name = getattr(original, "sqlite_errorname", "") or ""
        text = str(original).lower()
        if name.startswith("SQLITE_READONLY") or "readonly database" in text:
            return ReadOnlyError(_(
                "{path} is read-only: nothing can be changed (netui may read it, "
                "but not write to the file or its folder).", path=self.path))
        if name == "SQLITE_FULL" or "database or disk is full" in text:
            return DiskFullError(_(
                "The disk is full: {path} could not be written, so nothing was changed "
                "(free some space and try again).", path=self.path))
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
            return DatabaseBusyError(_(
                "{path} is busy: another program kept it locked for over {seconds} "
                "seconds, so nothing was changed (try again).", path=self.path, seconds=BUSY_TIMEOUT_SECONDS))
        return None

    def cursor(self, named_cursor=None):
        # Every statement goes through a cursor (peewee's queries, BEGIN and COMMIT, bulk
        # inserts): translating there catches every write path.
        cursor = self.connection().cursor(_Cursor)
        cursor.owner = self
        return cursor

    def execute_sql(self, sql, params=None):
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_sqlite_transaction():
            return self.cursor()  # SQLite already rolled the whole transaction back (disk full)
        return super().execute_sql(sql, params)

    def rollback(self):
        if not self._in_sqlite_transaction():
            return None  # already rolled back by SQLite: nothing left to undo
        return super().rollback()

    def _close(self, conn):
        # Only the main thread's connection (the CLI's, the app's at exit) refreshes them: a
        # worker's short connection writing statistics on close looked like another writer to
        # the app's data_version poll, which then reloaded the screen for nothing.
        if not self.read_only and threading.current_thread() is threading.main_thread():
            statistics.refresh_before_close(conn)
        super()._close(conn)

    def _in_sqlite_transaction(self) -> bool:
        return self.is_closed() or self.connection().in_transaction


class _Cursor(sqlite3.Cursor):
    """A cursor that turns storage errors into their sentences (NetuiDatabase.storage_error)."""

    owner: NetuiDatabase

    def execute(self, *args):
        try:
            return super().execute(*args)
        except sqlite3.OperationalError as error:
            raise self._translate(error)
        except UnicodeEncodeError:  # a lone surrogate, e.g. from undecodable bytes in argv
            raise _not_unicode() from None

    def executemany(self, *args):
        try:
            return super().executemany(*args)
        except sqlite3.OperationalError as error:
            raise self._translate(error)
        except UnicodeEncodeError:
            raise _not_unicode() from None

    def _translate(self, error: sqlite3.OperationalError) -> Exception:
        translated = self.owner.storage_error(error)
        if translated is None:
            return error
        translated.__cause__ = error
        return translated


def _not_unicode() -> ValidationError:
    return ValidationError(
        "text", _("The text holds characters that are not valid Unicode (bytes of another encoding?), "
                  "so nothing was saved; type it again or convert it to UTF-8."))


# --- opening a file ------------------------------------------------------------------------


def open_writable(path: Path, in_memory: bool = False) -> NetuiDatabase:
    """A (not yet connected) read-write connection to the file; `in_memory`: an empty
    database in memory stands in for a file not there yet (a dry run)."""
    database = NetuiDatabase(path, uri="file::memory:" if in_memory else None, pragmas=PRAGMAS)
    register_functions(database)
    return database


def open_read_only(path: Path) -> NetuiDatabase:
    """A read-only connection: mode=ro, or, when SQLite cannot even create the -shm file it
    needs for that (a read-only folder), immutable (nobody can be writing there either)."""
    pragmas = {name: value for name, value in PRAGMAS.items() if name not in ("journal_mode", "secure_delete")}
    base = f"file:{quote(str(path.resolve()))}?mode=ro"
    for uri in (base, base + "&immutable=1"):
        database = NetuiDatabase(path, read_only=True, uri=uri, pragmas=pragmas)
        register_functions(database)
        try:
            database.connect()
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            return database
        except ENGINE_ERRORS as error:
            database.close()
            failure = error
    raise DatabaseOpenError(_("{path}: cannot read this database ({error}).", path=path, error=failure))


def register_functions(database: SqliteDatabase) -> None:
    """The SQL functions netui's queries call, on this connection."""
    # Comparisons that SQLite's ASCII-only lower() gets wrong ("Évora" vs "évora").
    database.register_function(fold_key, "fold_key", 1, deterministic=True)
    database.register_function(fold, "fold", 1, deterministic=True)  # the search index's text


def writable(path: Path) -> bool:
    """Can this process write the file, and keep its -wal and -shm files beside it?"""
    if not os.access(path, os.W_OK):
        return False
    if os.access(path.parent, os.W_OK | os.X_OK):
        return True
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    return all(side.exists() and os.access(side, os.W_OK) for side in sides)


def check_existing_file(path: Path, newest: int) -> None:
    """Refuse, without writing anything, a file that is not a usable netui database."""
    header = _read_header(path)
    if header is None:
        return  # an empty file: it becomes a new database
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise DatabaseOpenError(_("{path}: is not a netui database (not an SQLite file).", path=path), foreign=True)
    if len(header) < 100:
        raise DatabaseOpenError(_("{path}: cannot read this database (the file is cut short).", path=path))
    # Our own files are recognised from the header's bytes (application_id at offset 68,
    # user_version at 60): no SQLite connection, so nothing is locked, created or torn while
    # other netui processes write to the file.
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        version = int.from_bytes(header[60:64], "big")
        if version > newest:
            raise DatabaseOpenError(_(
                "{path}: was written by a newer netui (schema version {version}; this netui "
                "knows up to {newest}). Upgrade netui to open it.", path=path, version=version, newest=newest))
        return
    # immutable=1 reads without locks or -wal/-shm side files: inspecting leaves no trace.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            check_identity(connection, path, newest)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DatabaseOpenError(_("{path}: cannot read this database ({error}).", path=path, error=error)) from None


def _read_header(path: Path) -> bytes | None:
    """The file's first 100 bytes; None for an empty file (made private: it becomes ours)."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DatabaseOpenError(_("{path}: is a directory, not a netui database file.", path=path), foreign=True)
        with path.open("rb") as handle:
            header = handle.read(100)
        if not header:
            # An empty file (say, made with `touch`) becomes a new database: make it private.
            path.chmod(0o600)
            return None
    except OSError as error:
        raise DatabaseOpenError(_("{path}: cannot read the file ({error}).", path=path, error=error.strerror)) from None
    return header


def check_identity(connection: sqlite3.Connection, path: Path, newest: int) -> int:
    """Return the file's schema version, or raise if it is not ours or is too new."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application_id != APPLICATION_ID:
        table_count = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != 0 or table_count:
            raise DatabaseOpenError(
                _("{path}: is an SQLite database of another program, not a netui database.", path=path), foreign=True
            )
        return 0
    if version > newest:
        raise DatabaseOpenError(_(
            "{path}: was written by a newer netui (schema version {version}; this netui "
            "knows up to {newest}). Upgrade netui to open it.", path=path, version=version, newest=newest
        ))
    return version


# --- versions, change notification, the log, copies ----------------------------------------


def schema_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def record_version(database: SqliteDatabase, version: int) -> None:
    """Mark the file as netui's, at this schema version (inside the migration's transaction)."""
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql(f"PRAGMA user_version = {int(version)}")


def data_version(database: SqliteDatabase) -> int:
    """PRAGMA data_version: it changes when another connection commits to the file."""
    return database.execute_sql("PRAGMA data_version").fetchone()[0]


def checkpoint(database: SqliteDatabase, wait_seconds: float) -> bool:
    """PRAGMA wal_checkpoint(TRUNCATE), waiting `wait_seconds` at most; False if it could not finish."""
    database.execute_sql(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")
    try:
        busy, _log, _done = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        database.execute_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
    return not busy


def online_backup(source: SqliteDatabase | str | os.PathLike, destination: Path) -> Path:
    """Copy a consistent snapshot of the database to `destination` (mode 0600)."""
    destination = Path(destination)
    create_private_file(destination)
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
