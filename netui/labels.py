"""What a stored code value (a circle, a kind, a status) is called on screen.

The database, the CLI's arguments and the CSV/JSON files keep the English codes
("work", "job lead", "proposed"): machines and scripts read them. People read `label(code)`,
which is the code in the interface's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from netui.i18n import N_, _
from netui.text import fold_key

# Every code value of netui.store.models (CIRCLES, CHANNEL_KINDS, INTERACTION_KINDS, MILESTONES,
# EVENT_KINDS, EVENT_STATUSES, ATTENDEE_STATUSES, FAVOUR_DIRECTIONS, FAVOUR_KINDS,
# INTRODUCTION_STATUSES, OCCURRENCE_STATUSES, INITIATORS), the warmths and sort orders,
# marked for translation. tests/test_i18n.py checks that none is missing.
CODES = (
    N_("family"), N_("friends"), N_("school"), N_("university"), N_("work"), N_("neighbours"),
    N_("online"), N_("events"), N_("associations"), N_("other"),
    N_("email"), N_("phone"), N_("linkedin"), N_("x"), N_("instagram"), N_("facebook"), N_("website"),
    N_("meeting"), N_("call"), N_("video"), N_("message"), N_("social"), N_("event"), N_("note"),
    N_("milestone"), N_("new job"), N_("promotion"), N_("award"), N_("book"), N_("child"),
    N_("convention"), N_("congress"), N_("work party"), N_("alumni"), N_("round table"),
    N_("book presentation"), N_("webinar"), N_("trade fair"), N_("meetup"), N_("trip"),
    N_("idea"), N_("planned"), N_("registered"), N_("attended"), N_("skipped"),
    N_("to meet"), N_("met"), N_("gave"), N_("received"),
    N_("reference letter"), N_("content shared"), N_("useful tool"), N_("introduction"),
    N_("job lead"), N_("advice"), N_("proposed"), N_("made"), N_("outcome"), N_("done"),
    N_("me"), N_("them"), N_("warm"), N_("cooling"), N_("cold"),
    N_("name"), N_("last_contacted"), N_("company"), N_("balance"), N_("circle"), N_("tag"),
    # the usual labels of an e-mail or a phone number (vCard TYPE, Google's "* Work")
    N_("mobile"), N_("home"), N_("personal"), N_("fax"), N_("home fax"), N_("work fax"), N_("pager"),
    N_("main"),
)
_KNOWN = frozenset(CODES)


def label(code: str | None) -> str:
    """The code as people read it in the current language; unknown codes as they are."""
    if not code:
        return ""
    return _(code) if code in _KNOWN else code


def code_for(typed: str, codes: Iterable[str]) -> str | None:
    """The code someone typed, as the code itself or as its label in the current language
    ("lavoro" -> "work", "Città" and "citta" alike); None if it is neither."""
    codes = tuple(codes)
    plain = typed.strip().lower()
    if plain in codes:  # the usual case, and the one an import meets row after row
        return plain
    wanted = fold_key(typed)
    for code in codes:
        if wanted in (fold_key(code), fold_key(label(code))):
            return code
    return None


def codes_as_typed(codes: Iterable[str]) -> str:
    """The codes as someone may type them, for an error message: their labels in the current
    language (the codes themselves in English)."""
    return ", ".join(label(code) for code in codes)
