"""Where the database lives: the user's data and config folders, `--db` and $NETUI_DB, the
rule for the folder of every file netui writes, and private (0600) files.

Nothing here knows which database engine reads the file.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def resolve_db_path(flag_value: str | os.PathLike | None = None) -> Path:
    """The file to use: `--db` first, then $NETUI_DB, then the user's data directory."""
    chosen = flag_value or os.environ.get(DB_ENV_VAR) or default_db_path()
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
