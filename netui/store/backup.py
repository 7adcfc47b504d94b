"""Backups of the database file, and restoring one.

Every copy is made with SQLite's online backup API: a consistent snapshot, taken while the
app (or another netui) has the file open and keeps writing. Backups live in a `backups/`
folder beside the database (mode 0700), each file readable by its owner only (0600):

* `netui backup [--to PATH]` -> `backups/<name>-YYYYMMDD-HHMMSS.db` (never removed by netui);
* `rolling_backup()`, when the app starts -> `backups/<name>-daily-YYYYMMDD.db`, at most one
  a day, the newest KEEP_DAILY kept;
* `netui restore PATH` first copies what it replaces to `backups/<name>-before-restore-...db`.

All of it is the SQLite backend's: a database that is one file. A team's network on
PostgreSQL is backed up and restored by the server's own tools (pg_dump, pg_restore) or
copied into a file with `netui copy`: `backup_now` and `restore` say so (`check_file`), and
the daily copy is not made there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from netui.store import db, location, models, sqlite
from netui import when
from netui.errors import NetuiError, ValidationError
from netui.i18n import _, ngettext

FOLDER = "backups"
KEEP_DAILY = 7


@dataclass(frozen=True)
class DatabaseFacts:
    """What a confirmation question shows about a database file."""

    path: Path
    contacts: int
    interactions: int
    schema_version: int

    def describe(self) -> str:
        return _("{path} ({contacts}, {interactions})", path=self.path,
                 contacts=counted(self.contacts, "contact"), interactions=counted(self.interactions, "interaction"))


def counted(number: int, noun: str) -> str:
    """A count in the current language ("3 contacts", "1 interaction"); `noun`: "contact" or "interaction"."""
    if noun == "interaction":
        return ngettext("{n} interaction", "{n} interactions", number)
    if noun == "contact":
        return ngettext("{n} contact", "{n} contacts", number)
    return f"{number} {noun}{'s' * (number != 1)}"  # i18n: not text (a noun no caller passes)


class _NotNetuiFile(ValidationError):
    """The file is not a netui database at all (restore never replaces such a file)."""


def check_file(live: Path | db.ServerAddress, command: str = "backup") -> None:
    """Backups and restore copy a file: for a team's network on PostgreSQL, ValidationError
    with what to use instead (`command`: "backup" or "restore")."""
    if not isinstance(live, db.ServerAddress):
        return
    if command == "restore":
        raise ValidationError("db", _(
            "{path} is a team's network on PostgreSQL: netui restore replaces a database file, so nothing "
            "was changed. Restore the server's database with PostgreSQL's pg_restore (from a pg_dump "
            "archive), or copy a netui file into an empty database with netui copy --from FILE --to ADDRESS.",
            path=live))
    raise ValidationError("db", _(
        "{path} is a team's network on PostgreSQL: netui backup copies a database file, so nothing was "
        "written. Back it up with PostgreSQL's pg_dump (e.g. pg_dump --format=custom --file=netui.dump "
        "DBNAME), or copy it into a netui file with netui copy --from ADDRESS --to FILE.", path=live))


def backups_folder(database_path: Path) -> Path:
    return Path(database_path).parent / FOLDER


def backup_now(destination: Path | None = None) -> Path:
    """Copy the open database to `destination` (a file, or a folder to put it in; default:
    the backups folder beside it, named after the time). An existing file there is replaced
    only if it is a netui database. Returns the file written (mode 0600)."""
    live = _live_path()
    check_file(live, "backup")
    if destination is None:
        target = backups_folder(live) / f"{live.stem}-{_stamp()}.db"
    else:
        target = Path(destination).expanduser()
        db.check_folder(target, "to")
        if target.is_dir():
            target = target / f"{live.stem}-{_stamp()}.db"
        elif target.exists():
            _check_netui_file(target, "--to")
    if target.resolve() == live.resolve():
        raise ValidationError("to", _("{path} is the database itself; choose another file.", path=target))
    _copy_database(models.database.obj.connection(), target)
    return target


def rolling_backup(keep: int = KEEP_DAILY) -> Path | None:
    """Today's automatic backup of the open database, if there is none yet: call it when the
    app starts. Keeps the newest `keep` daily copies. Cheap when today's exists (one look at
    the folder); skipped for a database holding nobody and no events. Never raises: a backup
    that cannot be made must not keep the app from starting (returns None then too)."""
    try:
        if db.is_server():
            return None  # a server is backed up by whoever runs it (pg_dump), not by each member's app
        live = _live_path()
        folder = backups_folder(live)
        today = when.today().strftime("%Y%m%d")
        daily = sorted(folder.glob(f"{live.stem}-daily-*.db")) if folder.is_dir() else []
        if any(path.name == f"{live.stem}-daily-{today}.db" for path in daily):
            return None
        if not (models.Contact.select().exists() or models.Event.select().exists()):
            return None
        made = folder / f"{live.stem}-daily-{today}.db"
        _copy_database(models.database.obj.connection(), made)
        for old in sorted(daily + [made])[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
        return made
    except (OSError, sqlite3.Error, NetuiError, db.DatabaseOpenError):
        return None


def facts_about(path: Path) -> DatabaseFacts:
    """Counts read from a closed database file, without writing to it."""
    with closing(sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)) as connection:
        contacts = connection.execute("SELECT count(*) FROM contact").fetchone()[0]
        interactions = connection.execute("SELECT count(*) FROM interaction").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    return DatabaseFacts(Path(path), contacts, interactions, version)


def describe_file(path: Path) -> str:
    """The database file and its counts, for a question; never raises (damaged: said so)."""
    path = Path(path)
    try:
        if not path.exists() or path.stat().st_size == 0:
            return _("{path} (empty)", path=path)
        return facts_about(path).describe()
    except (OSError, sqlite3.Error):
        return _("{path} (unreadable)", path=path)


def check_backup(source: Path) -> DatabaseFacts:
    """Make sure `source` is a whole netui database this netui can open; ValidationError
    (one sentence naming the file) if not."""
    source = Path(source).expanduser()
    if not source.is_file():
        raise ValidationError("file", _("{path}: there is no such file.", path=source))
    _check_netui_file(source, "file")
    try:
        with closing(sqlite3.connect(f"file:{quote(str(source.resolve()))}?mode=ro", uri=True)) as connection:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as error:
        raise ValidationError("file", _("{path}: cannot read this database ({error}).", path=source, error=error)) from None
    if verdict != "ok":
        raise ValidationError(
            "file", _("{path}: this database is damaged ({verdict}); it cannot be restored.", path=source, verdict=verdict)
        )
    return facts_about(source)


def restore(source: Path, live: Path) -> Path | None:
    """Replace the database at `live` with the netui database `source` (checked first).

    What is replaced is first copied to the backups folder (returned; None if there was no
    database yet). The copy goes through SQLite's backup API into the live file, as one
    transaction: an app that has the file open sees the restored data, never a mix. A live
    file too damaged for that is replaced whole (a temporary file, then a rename)."""
    check_file(live, "restore")
    source, live = Path(source).expanduser(), Path(live).expanduser()
    check_backup(source)
    if live.exists() and source.resolve() == live.resolve():
        raise ValidationError("file", _("{path} is the database itself; give a backup file.", path=source))
    saved = _save_before_restore(live)
    with closing(sqlite3.connect(f"file:{quote(str(source.resolve()))}?mode=ro", uri=True)) as reader:
        try:
            location.create_private_file(live)
            with closing(sqlite3.connect(str(live), timeout=sqlite.BUSY_TIMEOUT_SECONDS)) as target:
                reader.backup(target)
        except sqlite3.Error:
            _replace_whole(reader, live)
    live.chmod(0o600)
    # An older schema is brought up to date now (with its own pre-upgrade copy), not later.
    handle = db.open_database(live)
    handle.close()
    return saved


# --- internals ---------------------------------------------------------------------------


def _live_path() -> Path:
    database = models.database.obj
    if database is None or not hasattr(database, "path"):
        raise ValidationError("database", _("No database is open."))
    return database.path


def _stamp() -> str:
    return when.now().in_timezone(when.local_zone()).format("YYYYMMDD-HHmmss")


def _check_netui_file(path: Path, field: str) -> None:
    """A non-empty SQLite file written by netui (this version or older), else ValidationError."""
    try:
        if path.stat().st_size == 0:
            raise _NotNetuiFile(field, _("{path}: is empty, not a netui database.", path=path))
        sqlite.check_existing_file(path, db.latest_version())
        with path.open("rb") as handle:  # the header's application_id: no lock, nothing torn
            application_id = int.from_bytes(handle.read(72)[68:72], "big")
    except db.DatabaseOpenError as error:
        refusal = _NotNetuiFile if error.foreign else ValidationError
        raise refusal(field, str(error)) from None
    except OSError as error:
        raise ValidationError(field, _("{path}: cannot read this file ({error}).", path=path, error=error.strerror)) from None
    if application_id != sqlite.APPLICATION_ID:
        raise _NotNetuiFile(field, _("{path}: is not a netui database.", path=path))


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """SQLite's online backup of `source` into a new file at `target` (0600), written beside
    it first and renamed into place: a reader never finds half a backup."""
    _private_folder(target.parent)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    location.create_private_file(partial)
    try:
        with closing(sqlite3.connect(str(partial))) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        target.chmod(0o600)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _save_before_restore(live: Path) -> Path | None:
    """Copy the database about to be replaced into the backups folder."""
    if not live.exists() or live.stat().st_size == 0:
        return None
    _check_netui_file_or_damaged(live)
    saved = backups_folder(live) / f"{live.stem}-before-restore-{_stamp()}.db"
    try:
        with closing(sqlite3.connect(str(live), timeout=sqlite.BUSY_TIMEOUT_SECONDS)) as current:
            _copy_database(current, saved)
    except sqlite3.Error:  # too damaged for SQLite to read: keep its bytes as they are
        _private_folder(saved.parent)
        shutil.copyfile(live, saved)
        saved.chmod(0o600)
    return saved


def _check_netui_file_or_damaged(live: Path) -> None:
    """Restore replaces a netui database, even a damaged one, never another program's file."""
    try:
        _check_netui_file(live, "db")
    except _NotNetuiFile:
        raise ValidationError(
            "db", _("{path}: is not a netui database; netui restore only replaces a netui database.", path=live)
        ) from None
    except ValidationError:
        pass  # a damaged netui database (or one this netui cannot read): it is replaced


def _replace_whole(reader: sqlite3.Connection, live: Path) -> None:
    partial = live.with_name(f".{live.name}.restoring")
    _copy_database(reader, partial)
    for side in ("-wal", "-shm"):
        live.with_name(live.name + side).unlink(missing_ok=True)
    os.replace(partial, live)
