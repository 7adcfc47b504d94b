"""Open the database file: where it lives, SQLite pragmas, schema versions and backups.

Everything SQLite-specific about the connection lives here. Nothing opens at import time:
`open_database()` binds `netui.store.models.database` to a file and brings its schema up to date.
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

from netui.store import models
from netui.errors import DatabaseBusyError, DiskFullError, ReadOnlyError, StorageError, ValidationError
from netui.i18n import _
from netui.store.migrations import MIGRATIONS, Migration
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
    # Deleted rows are overwritten with zeros, not just unlinked: a purged person leaves no
    # bytes behind in the file (several builds, e.g. Python's on macOS and Windows, default off).
    "secure_delete": 1,
}


class DatabaseOpenError(Exception):
    """The file cannot be used as a netui database; the message says why, in one sentence.

    `foreign` is True when the file is not a netui database at all (not SQLite, another
    program's database, a directory), False when it is one netui cannot use (damaged, newer)."""

    def __init__(self, message: str, foreign: bool = False):
        super().__init__(message)
        self.foreign = foreign


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
        if not self.read_only:
            _optimize(conn)
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


def _optimize(connection: sqlite3.Connection) -> None:
    """Before a connection closes, keep the query planner's statistics (sqlite_stat1) fresh,
    as SQLite advises. Without them, the contact list's first page at 1,000,000 people took
    0.4 s (SQLite took the index on trashed_at, where every row is NULL, then sorted them
    all) instead of 1 ms down the sort_name index. ANALYZE when the contacts have none yet,
    or have become twice as many or half as many since (the PRAGMA optimize of SQLite before
    3.46 never analyzes a table that was not analyzed before); else PRAGMA optimize. A whole
    ANALYZE (0.8 s at 100,000 people and 1,000,000 interactions here): a sampled one
    (analysis_limit) took a column that is NULL in every row for a selective one. Never fails
    and never waits long for a lock: a busy or read-only file keeps its old statistics."""
    try:
        if connection.in_transaction:
            return
        connection.execute("PRAGMA busy_timeout = 200")
        people = connection.execute("SELECT max(rowid) FROM contact").fetchone()[0] or 0
        has_stats = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()[0]
        known = 0
        if has_stats:
            row = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'contact' LIMIT 1").fetchone()
            known = int(row[0].split()[0]) if row and row[0] else 0
        if people >= 100 and not known / 2 <= people <= known * 2:
            connection.execute("ANALYZE")
        else:
            connection.execute("PRAGMA optimize")
        # A build with STAT4 keeps sampled index keys (names...) there: a purged person's
        # name must not survive in it. sqlite_stat1 holds only counts.
        if connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone()[0]:
            connection.execute("DELETE FROM sqlite_stat4")
    except sqlite3.Error:
        pass


def _not_unicode() -> ValidationError:
    return ValidationError(
        "text", _("The text holds characters that are not valid Unicode (bytes of another encoding?), "
                  "so nothing was saved; type it again or convert it to UTF-8."))


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME)


def default_db_path() -> Path:
    return data_dir() / "netui.db"


def check_folder(path: str | os.PathLike, field: str = "db") -> None:
    """The one rule for every file netui is told to write -- the database (`--db`, $NETUI_DB,
    the app), an export's `--out`, a backup's `--to`: its folder must already exist, so that a
    typo in a path creates nothing. netui's own data folder (platformdirs) is the exception:
    the default database's folder is made on first use. Raises ValidationError(field)."""
    path = Path(path).expanduser()
    folder = path.parent
    if folder.is_dir():
        return
    if folder == data_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return
    if folder.exists():
        raise ValidationError(field, _("{path}: {folder} is not a folder, so nothing was created.",
                                       path=path, folder=folder))
    raise ValidationError(field, _(
        "{path}: the folder {folder} does not exist, so nothing was created "
        "(check the path for a typo, or create the folder first).", path=path, folder=folder))


def resolve_db_path(flag_value: str | os.PathLike | None = None) -> Path:
    """The file to use: `--db` first, then $NETUI_DB, then the user's data directory."""
    chosen = flag_value or os.environ.get(DB_ENV_VAR) or default_db_path()
    return Path(chosen).expanduser()


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max(m.version for m in migrations)


def open_database(
    path: str | os.PathLike, migrations: Sequence[Migration] = MIGRATIONS, read_only: bool | None = None,
    create: bool = True,
) -> NetuiDatabase:
    """Open (creating if needed) the netui database at `path`, migrate it, and bind the models.

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
    path = Path(path).expanduser()
    newest = latest_version(migrations)
    if path.exists():
        _check_existing_file(path, newest)
        if read_only is None:
            read_only = not _writable(path)
    elif create:
        _create_private_file(path)
        read_only = False
    else:
        check_folder(path)
        read_only = False

    if read_only:
        database = _open_read_only(path)
    else:
        in_memory = not create and not path.exists()
        database = NetuiDatabase(path, uri="file::memory:" if in_memory else None, pragmas=PRAGMAS)
        _register_functions(database)
    try:
        database.connect(reuse_if_open=True)
        # Read again through the real connection: a write-ahead log may hold newer pages
        # than the file header that the read-only check looked at.
        version = _check_identity(database.connection(), path, newest)
        models.database.initialize(database)
        if read_only and version < newest:
            raise DatabaseOpenError(_(
                "{path}: is read-only and was written by an older netui (schema version {version}); "
                "make it writable once so that netui can upgrade it.", path=path, version=version))
        _migrate(database, path, version, migrations)
    except DatabaseOpenError:
        database.close()
        raise
    except (sqlite3.Error, peewee.DatabaseError) as error:
        database.close()
        raise DatabaseOpenError(_("{path}: cannot use this database ({error}).", path=path, error=error)) from None
    except Exception as error:  # a failed upgrade step: its transaction was rolled back
        database.close()
        raise DatabaseOpenError(_(
            "{path}: upgrading the database failed ({error}); the file was left as it was.", path=path, error=error
        )) from error
    return database


def is_read_only() -> bool:
    """True when the open database was opened read-only (see open_database)."""
    return bool(getattr(models.database.obj, "read_only", False))


def data_version() -> int:
    """SQLite's PRAGMA data_version on this thread's connection: it changes when another
    connection (another process, or a worker thread's) commits a change to the file. Poll it
    on a timer and reload what is shown when it moves."""
    return models.database.execute_sql("PRAGMA data_version").fetchone()[0]


def _register_functions(database: SqliteDatabase) -> None:
    # Comparisons that SQLite's ASCII-only lower() gets wrong ("Évora" vs "évora").
    database.register_function(fold_key, "fold_key", 1, deterministic=True)
    database.register_function(fold, "fold", 1, deterministic=True)  # the search index's text


def _writable(path: Path) -> bool:
    """Can this process write the file, and keep its -wal and -shm files beside it?"""
    if not os.access(path, os.W_OK):
        return False
    if os.access(path.parent, os.W_OK | os.X_OK):
        return True
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    return all(side.exists() and os.access(side, os.W_OK) for side in sides)


def _open_read_only(path: Path) -> NetuiDatabase:
    """A read-only connection: mode=ro, or, when SQLite cannot even create the -shm file it
    needs for that (a read-only folder), immutable (nobody can be writing there either)."""
    pragmas = {name: value for name, value in PRAGMAS.items() if name not in ("journal_mode", "secure_delete")}
    base = f"file:{quote(str(path.resolve()))}?mode=ro"
    for uri in (base, base + "&immutable=1"):
        database = NetuiDatabase(path, read_only=True, uri=uri, pragmas=pragmas)
        _register_functions(database)
        try:
            database.connect()
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            return database
        except (sqlite3.Error, peewee.DatabaseError) as error:
            database.close()
            failure = error
    raise DatabaseOpenError(_("{path}: cannot read this database ({error}).", path=path, error=failure))


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


def checkpoint(wait_seconds: float = 1.0) -> bool:
    """Copy the write-ahead log into the database file and empty the log (TRUNCATE), so that
    no older version of a page (say, of a purged person) stays in the -wal file. Waits for
    other connections' reads up to `wait_seconds` (not the whole busy timeout: the app must
    not freeze); returns False when one kept it from finishing -- the log is then emptied by a
    later checkpoint, at the latest when the last connection to the file closes."""
    database = models.database
    database.execute_sql(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")
    try:
        busy, _log, _done = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        database.execute_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
    return not busy


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
    """Create an empty file readable by its owner only (the data is personal), in a folder
    that exists (check_folder)."""
    check_folder(path)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise DatabaseOpenError(_("{path}: cannot create the file ({error}).", path=path, error=error.strerror)) from None
    os.close(descriptor)


def _check_existing_file(path: Path, newest: int) -> None:
    """Refuse, without writing anything, a file that is not a usable netui database."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DatabaseOpenError(_("{path}: is a directory, not a netui database file.", path=path), foreign=True)
        with path.open("rb") as handle:
            header = handle.read(100)
        if not header:
            # An empty file (say, made with `touch`) becomes a new database: make it private.
            path.chmod(0o600)
            return
    except OSError as error:
        raise DatabaseOpenError(_("{path}: cannot read the file ({error}).", path=path, error=error.strerror)) from None
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
            _check_identity(connection, path, newest)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DatabaseOpenError(_("{path}: cannot read this database ({error}).", path=path, error=error)) from None


def _check_identity(connection: sqlite3.Connection, path: Path, newest: int) -> int:
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
