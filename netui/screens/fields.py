"""Small readers for what forms ask for, shared by several forms (no Textual here)."""

from __future__ import annotations

import datetime as dt

from netui.errors import ValidationError
from netui.i18n import N_, _, language


def whole_number(text: str, field: str, what: str, optional: bool = False) -> int | None:
    """The whole number typed in a field, or a ValidationError naming the field and saying
    `what` it is for. Empty: None when `optional`, else an error."""
    raw = text.strip()
    if not raw and optional:
        return None
    if not raw.isdigit():
        if not raw:
            raise ValidationError(field, _("Type a whole number: {what}", what=what))
        raise ValidationError(field, _("'{typed}' is not a whole number: {what}", typed=raw, what=what))
    return int(raw)


def typed_date(day: dt.date) -> str:
    """A day written the way the user's language types it in a form: 2026-12-03 in English,
    03/12/2026 in Italian (netui.when reads both back)."""
    if language() == "it":
        return f"{day:%d/%m/%Y}"
    return day.isoformat()


# The day words callers give forms as defaults, shown in the user's language (netui.when
# reads both languages back).
DAY_WORDS = {"now": N_("now"), "today": N_("today"), "yesterday": N_("yesterday"), "tomorrow": N_("tomorrow")}


def in_words(value: object) -> str:
    """A default such as "now" or "today" in the user's language; anything else as it is."""
    text = str(value or "")
    return _(DAY_WORDS[text]) if text in DAY_WORDS else text
