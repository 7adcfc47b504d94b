"""Where the database lives: the user's data and config folders, `--db` and $NETUI_DB, the
rule for the folder of every file netui writes, and private (0600) files.

Nothing here knows which database engine reads the file. A team's network is not a file but a
PostgreSQL database, named by a libpq connection string: `ServerAddress` holds one (and never
shows its password).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

from netui.text import LazyPattern
from netui.errors import ValidationError
from netui.i18n import _

APP_NAME = "netui"
DB_ENV_VAR = "NETUI_DB"


class DatabaseOpenError(Exception):
    """The file cannot be used as a netui database; the message says why, in one sentence.

    `foreign` is True when the file is not a netui database at all (not SQLite, another
    program's database, a directory), False when it is one netui cannot use (damaged, newer)."""

    def __init__(self, message: str, foreign: bool = False):
        super().__init__(message)
        self.foreign = foreign


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


class ServerAddress:
    """A PostgreSQL database, as libpq names one: a URL (`postgresql://user@host/db?sslmode=
    require`, `postgres://...`) or key=value words (`host=/run/postgresql dbname=team`,
    `service=netui`). The password may be in it, or come from $PGPASSWORD, ~/.pgpass or a
    service file as libpq finds it; `str()` never shows it (titles, errors, `netui locate`)."""

    def __init__(self, conninfo: str):
        self.conninfo = conninfo.strip()

    def __str__(self) -> str:
        return redact(self.conninfo)

    def __repr__(self) -> str:
        return f"ServerAddress({str(self)!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, ServerAddress) and other.conninfo == self.conninfo

    def __hash__(self) -> int:
        return hash(self.conninfo)


_URL_SCHEMES = ("postgresql://", "postgres://")
# key=value words of a libpq connection string: `host=x dbname=y`, `password='a b'`.
_KEYWORD = LazyPattern(r"^\s*(host|hostaddr|port|dbname|user|password|service|sslmode|passfile)\s*=", re.I)
_PASSWORD_WORD = LazyPattern(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.I)
_PASSWORD_PARAMETER = LazyPattern(r"((?:^|&)password=)[^&]*", re.I)


def is_server_address(text: str | os.PathLike) -> bool:
    """Does this --db value name a PostgreSQL database rather than a file?"""
    # A file's path has no "=" (nearly always): its start then need not compile _KEYWORD.
    return isinstance(text, str) and (text.lower().startswith(_URL_SCHEMES) or ("=" in text and bool(_KEYWORD.match(text))))


def redact(conninfo: str) -> str:
    """The connection string without its password (in the URL's user part, a `password=`
    parameter or word): what netui shows anywhere."""
    if conninfo.lower().startswith(_URL_SCHEMES):
        parts = urlsplit(conninfo)
        netloc = parts.netloc
        if "@" in netloc:
            user, _at, hosts = netloc.rpartition("@")
            if ":" in user:
                user = user.split(":", 1)[0] + ":***"
            netloc = f"{user}@{hosts}"
        query = _PASSWORD_PARAMETER.sub(r"\1***", parts.query)
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    return _PASSWORD_WORD.sub(r"\1***", conninfo)


def resolve_db_path(flag_value: str | os.PathLike | None = None, configured: str | None = None) -> Path | ServerAddress:
    """The database to use: `--db` first, then $NETUI_DB, then `configured` (config.toml's
    `[storage] database`: netui.store.db.resolve_db_path reads it), then the file in the
    user's data directory. A PostgreSQL connection string gives a ServerAddress, anything
    else a file's path."""
    chosen = flag_value or os.environ.get(DB_ENV_VAR) or configured or default_db_path()
    if is_server_address(chosen):
        return ServerAddress(str(chosen))
    return Path(chosen).expanduser()


def create_private_file(path: Path) -> None:
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
