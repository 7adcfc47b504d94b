"""The PostgreSQL backend: a team's network in one PostgreSQL database, through psycopg 3.

`netui.store.db` calls these for a ServerAddress as it calls netui.store.sqlite for a file;
nothing outside netui.store imports this module. What differs from a file:

* the schema's version is a row of `netui_schema` (a file keeps it in its header);
* the driver is imported only here (netui/__init__ keeps peewee from loading it for a file);
* the password is never shown: errors name the address as `ServerAddress` prints it.
"""

from __future__ import annotations

import sys
import threading

import peewee
from peewee import PostgresqlDatabase

from netui.errors import DatabaseBusyError, DiskFullError, ReadOnlyError, StorageError
from netui.i18n import _
from netui.store.location import DatabaseOpenError, ServerAddress

APPLICATION = "netui"
CONNECT_TIMEOUT_SECONDS = 10
# A statement waits this long for a row another member's transaction holds, then gives up
# with a sentence (as a file waits for its lock: sqlite.BUSY_TIMEOUT_SECONDS).
LOCK_TIMEOUT_SECONDS = 10


def driver():
    """psycopg, handed to peewee on first use (netui/__init__ hides it until then)."""
    if sys.modules.get("psycopg", False) is None:
        del sys.modules["psycopg"]
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if peewee.psycopg is None:
        peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = psycopg, TransactionStatus, Json, Jsonb
        adapter = peewee.Psycopg3Adapter
        adapter.txn_idle, adapter.txn_inerror = TransactionStatus.IDLE, TransactionStatus.INERROR
        adapter.txn_unknown = TransactionStatus.UNKNOWN
    return psycopg


def engine_errors() -> tuple[type[Exception], ...]:
    return (driver().Error, peewee.DatabaseError)


class NetuiPostgres(PostgresqlDatabase):
    """netui's connection to a team's PostgreSQL database (one per thread, as for a file).

    Like sqlite.NetuiDatabase, the storage errors a user can act on become one sentence each
    (netui.errors.StorageError), whichever write ran into them."""

    read_only = False

    def __init__(self, address: ServerAddress, **kwargs):
        self.address = address
        # The server processes of this app's connections (every thread's): their changes are
        # not news to it (watch_changes).
        self.own_processes: set[int] = set()
        self.path = address  # what messages name: the address without its password
        driver()
        super().__init__("netui", prefer_psycopg3=True, **kwargs)

    def _connect(self):
        connection = _connect(self.address)
        self.own_processes.add(connection.info.backend_pid)
        connection.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'")
        connection.cursor_factory = _cursor_class(driver())
        connection.cursor_factory.owner = self
        return connection

    def login(self) -> str:
        """The role the server knows this connection as (libpq's user: the address's, $PGUSER,
        a service file's, or the system login)."""
        return self.connection().info.user

    def begin(self, lock_type=None):
        """SQLite's words for a transaction, as the domain says them: "DEFERRED" (a read that
        must see one consistent state: an export) is a REPEATABLE READ snapshot here;
        "IMMEDIATE" (a write) and the default are READ COMMITTED -- rows are locked as they
        are written, so there is no write lock to take first."""
        statement = "BEGIN ISOLATION LEVEL REPEATABLE READ" if lock_type == "DEFERRED" else "BEGIN"
        with peewee.__exception_wrapper__:
            self.cursor().execute(statement)

    def storage_error(self, error: Exception) -> StorageError | None:
        """The sentence for a storage error (None: not one of those)."""
        state = getattr(error, "sqlstate", None) or ""
        if state in ("25006", "42501"):  # read_only_sql_transaction, insufficient_privilege
            return ReadOnlyError(_(
                "{path}: this user may read the network but not change it, so nothing was changed "
                "(ask for write access).", path=self.path))
        if state in ("53100", "53200"):  # disk_full, out_of_memory
            return DiskFullError(_(
                "The server of {path} is out of space, so nothing was changed (tell whoever runs it).",
                path=self.path))
        if state in ("55P03", "40P01", "40001"):  # lock_not_available, deadlock, serialization
            return DatabaseBusyError(_(
                "{path} is busy: another member's change held the same rows for over {seconds} "
                "seconds, so nothing was changed (try again).", path=self.path, seconds=LOCK_TIMEOUT_SECONDS))
        if state.startswith("08"):  # connection exceptions
            return StorageError(_(
                "The connection to {path} was lost, so nothing was changed (try again when the server is back).",
                path=self.path))
        return None


def _connect(address: ServerAddress):
    psycopg = driver()
    try:
        return psycopg.connect(address.conninfo, connect_timeout=CONNECT_TIMEOUT_SECONDS,
                               application_name=APPLICATION, autocommit=True)
    except psycopg.Error as error:
        raise DatabaseOpenError(_("{path}: cannot connect ({error}).", path=address,
                                  error=_without_password(str(error).strip(), address))) from None


class ChangeWatcher:
    """Another member's committed change, as it happens: a connection of its own LISTENs on
    the changes channel (the schema's triggers NOTIFY it) in a thread that calls `on_change()`
    -- from that thread -- for every transaction that changed something, except this app's
    own. Nothing is polled: the thread sleeps in the server's socket until a notice comes."""

    POLL_STOP_SECONDS = 0.5  # how soon stop() is noticed

    def __init__(self, database: NetuiPostgres, on_change):
        from netui.store.migrations.postgres import CHANGES_CHANNEL

        self._database, self._on_change = database, on_change
        self._connection = _connect(database.address)
        self._connection.execute(f"LISTEN {CHANGES_CHANNEL}")
        self._stopping = False
        self._thread = threading.Thread(target=self._listen, name="netui-changes", daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        psycopg = driver()
        try:
            while not self._stopping:
                for notice in self._connection.notifies(timeout=self.POLL_STOP_SECONDS):
                    if self._stopping:
                        return
                    if not notice.payload.isdigit() or int(notice.payload) not in self._database.own_processes:
                        self._on_change()
        except psycopg.Error:
            return  # the server went away: the app's next read says so

    def stop(self) -> None:
        self._stopping = True
        self._thread.join(timeout=2 * self.POLL_STOP_SECONDS)
        self._connection.close()


def _without_password(text: str, address: ServerAddress) -> str:
    """A driver's message with any password the address holds taken out (libpq's messages do
    not quote it; this makes sure)."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        password = conninfo_to_dict(address.conninfo).get("password")
    except Exception:  # an address libpq cannot parse has already failed to connect
        password = None
    return text.replace(password, "***") if password else text


_CURSOR_CLASS = None


def _cursor_class(psycopg):
    """A cursor that turns storage errors into their sentences (NetuiPostgres.storage_error)."""
    global _CURSOR_CLASS
    if _CURSOR_CLASS is None:
        class Cursor(psycopg.Cursor):
            owner: NetuiPostgres

            def execute(self, query, params=None, **kwargs):
                try:
                    # No parameters: the text goes as it is (peewee passes an empty tuple, and a
                    # % in a statement -- format('%I') -- would be taken for a placeholder).
                    return super().execute(query, params or None, **kwargs)
                except psycopg.Error as error:
                    raise self._translate(error)

            def executemany(self, *args, **kwargs):
                try:
                    return super().executemany(*args, **kwargs)
                except psycopg.Error as error:
                    raise self._translate(error)

            def _translate(self, error):
                translated = self.connection.cursor_factory.owner.storage_error(error)
                if translated is None:
                    return error
                translated.__cause__ = error
                return translated

        _CURSOR_CLASS = Cursor
    return type("NetuiCursor", (_CURSOR_CLASS,), {})


# --- opening a database ---------------------------------------------------------------------


def open_database(address: ServerAddress) -> NetuiPostgres:
    """A (not yet connected) connection to the team's database."""
    return NetuiPostgres(address)


def check_identity(database: NetuiPostgres, newest: int) -> int:
    """The database's schema version (0: empty, netui may create its schema), or raise if it
    holds another program's tables or was written by a newer netui."""
    tables = {row[0] for row in database.execute_sql(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()").fetchall()}
    if "netui_schema" not in tables:
        if tables:
            raise DatabaseOpenError(_(
                "{path}: holds another program's tables, not a netui network (use an empty database).",
                path=database.path), foreign=True)
        return 0
    row = database.execute_sql("SELECT application, version FROM netui_schema").fetchone()
    if row is None or row[0] != APPLICATION:
        raise DatabaseOpenError(_("{path}: is not a netui network.", path=database.path), foreign=True)
    if row[1] > newest:
        raise DatabaseOpenError(_(
            "{path}: was written by a newer netui (schema version {version}; this netui "
            "knows up to {newest}). Upgrade netui to open it.", path=database.path, version=row[1], newest=newest))
    return row[1]


def schema_version(database: NetuiPostgres) -> int:
    row = database.execute_sql("SELECT version FROM netui_schema").fetchone()
    return row[0] if row else 0


def record_version(database: NetuiPostgres, version: int) -> None:
    """Mark the database as netui's, at this schema version (inside the migration's transaction)."""
    database.execute_sql('CREATE TABLE IF NOT EXISTS netui_schema (application TEXT NOT NULL, version INTEGER NOT NULL)')
    database.execute_sql("DELETE FROM netui_schema")
    database.execute_sql("INSERT INTO netui_schema (application, version) VALUES (%s, %s)", (APPLICATION, version))
