"""Settings from `config.toml` in the config directory (`netui locate` prints where).

    [capture]
    followup_days = 2   # a captured person's follow-up is due this many days later

A missing file means the defaults; a broken one is a ValidationError naming the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from netui import db
from netui.errors import ValidationError


@dataclass(frozen=True)
class Config:
    capture_followup_days: int = 2


def config_path() -> Path:
    return db.config_dir() / "config.toml"


def load(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError("config", f"{path}: cannot read the settings ({error}).") from None
    except tomllib.TOMLDecodeError as error:
        raise ValidationError("config", f"{path}: is not valid TOML ({error}).") from None
    days = data.get("capture", {}).get("followup_days", Config.capture_followup_days)
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365:
        raise ValidationError(
            "config", f"{path}: [capture] followup_days must be a whole number of days from 0 to 365."
        )
    return Config(capture_followup_days=days)
