"""Small readers for what forms ask for, shared by several forms (no Textual here)."""

from __future__ import annotations

from netui.errors import ValidationError
from netui.i18n import N_, _


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


# The day words callers give forms as defaults, shown in the user's language (netui.when
# reads both languages back).
DAY_WORDS = {"now": N_("now"), "today": N_("today"), "yesterday": N_("yesterday"), "tomorrow": N_("tomorrow")}


def in_words(value: object) -> str:
    """A default such as "now" or "today" in the user's language; anything else as it is."""
    text = str(value or "")
    return _(DAY_WORDS[text]) if text in DAY_WORDS else text
