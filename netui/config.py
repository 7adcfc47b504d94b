"""Settings from `config.toml` in the config directory (`netui locate` prints where).

    [interface]
    language = "it"     # "en" or "it"; --lang overrides it, and it overrides $LANG

    [capture]
    followup_days = 2   # a captured person's follow-up is due this many days later

    [storage]
    database = "postgresql://me@db.example.org/team"   # or a file; --db and $NETUI_DB win

    [team]
    user = "anna"       # who you are in a shared network; --user and $NETUI_USER win (default: your login)

A missing file means the defaults; a broken one is a ValidationError naming the file.
"""

from __future__ import annotations

from pathlib import Path

from netui.store.location import config_dir
from netui.errors import ValidationError
from netui.i18n import LANGUAGES, _
from netui.records import Record


class Config(Record):
    capture_followup_days: int = 2
    language: str | None = None  # None: from the environment
    database: str | None = None  # None: $NETUI_DB or the file in the data folder
    user: str | None = None  # None: $NETUI_USER or the login name (netui.team)


def config_path() -> Path:
    return config_dir() / "config.toml"


def load(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError("config", _("{path}: cannot read the settings ({error}).", path=path, error=error)) from None
    import tomllib  # most people have no settings file: its parser loads when there is one

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError("config", _("{path}: is not valid TOML ({error}).", path=path, error=error)) from None
    days = data.get("capture", {}).get("followup_days", Config.capture_followup_days)
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365:
        raise ValidationError("config", _(
            "{path}: [capture] followup_days must be a whole number of days from 0 to 365.", path=path,
        ))
    language = data.get("interface", {}).get("language")
    if language is not None and language not in LANGUAGES:
        raise ValidationError("config", _(
            "{path}: [interface] language must be one of: {languages}.", path=path, languages=", ".join(LANGUAGES),
        ))
    database = data.get("storage", {}).get("database")
    if database is not None and (not isinstance(database, str) or not database.strip()):
        raise ValidationError("config", _(
            "{path}: [storage] database must be a file's path or a PostgreSQL address (postgresql://...).", path=path,
        ))
    user = data.get("team", {}).get("user")
    if user is not None and (not isinstance(user, str) or not user.strip() or len(user.strip()) > 64
                             or any(ord(c) < 32 or ord(c) == 127 for c in user)):
        raise ValidationError("config", _(
            "{path}: [team] user must be a user name of 1 to 64 characters on one line, e.g. \"anna\".", path=path,
        ))
    return Config(capture_followup_days=days, language=language, database=database,
                  user=user.strip() if user is not None else None)
