"""The pure field rules: what a name, an e-mail, a phone, a LinkedIn URL, a tag, a circle, a
cadence, an important date and a city spelling must look like, and how an incoming person is
recognised as someone already known.

Plain functions on plain values: no database, no clock. The quick-capture parser and the
import readers (netui.exchange.formats) depend on this module alone, so they stay pure; the
domain modules (netui.contacts and the others) apply the same rules before they write.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from netui.text import LazyPattern
from netui.errors import ValidationError
from netui.i18n import N_, _
from netui.labels import code_for, codes_as_typed, label
from netui.when import ITALIAN_MONTHS, MONTH_NAMES, make_date

# The stored codes of a contact's circle and of a channel (netui.store.models uses these).
CIRCLES = (
    "family",
    "friends",
    "school",
    "university",
    "work",
    "neighbours",
    "online",
    "events",
    "associations",
    "other",
)
CHANNEL_KINDS = ("email", "phone", "linkedin", "x", "instagram", "facebook", "website", "other")

# How a person coming in (a capture line, an imported row) is recognised as someone already
# known, strongest first, with the words the user sees. Capture looks each up with an index,
# import with one read of the whole network; both follow this order. The reasons are kept in
# English (code compares them); whoever shows one translates it: _(reason).
MATCH_REASONS = {"email": N_("same e-mail"), "linkedin": N_("same LinkedIn profile"), "phone": N_("same phone number")}
# The weak matches, tried when no channel above is shared: only guesses (see `vetoed`).
SAME_NAME_AND_COMPANY = N_("same name and company")
SAME_NAME = N_("same name")
# The identifiers that tell two people apart: when both sides have one and none is shared,
# they are two people, whatever their names (`vetoed`). Phones are not among them: an office
# line is shared, a number changes hands.
TELLING_KINDS = ("linkedin", "email")

_EMAIL = LazyPattern(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]{2,}$")
_LINKEDIN_PROFILE = LazyPattern(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com/in/([^/?#\s]+)(?:[/?#]\S*)?", re.IGNORECASE
)
_PHONE = LazyPattern(r"^\+?[0-9 ().\-/]+$")
_TAG = LazyPattern(r"^[^\s,#]+$")
# The years an important date may carry (contacts.add_important_date and the readers refuse
# others: a typo such as 1098 or 2098 is not a birthday).
PLAUSIBLE_YEARS = range(1800, 2201)
# An important date as people type it: 1985-04-15, --04-15, 04-15; or day first: 15/04,
# 15/04/1985, 15.04.1985.
_IMPORTANT_DATE_ISO = LazyPattern(r"(?:(\d{4})|-)?-?(\d{1,2})-(\d{1,2})")
_IMPORTANT_DATE_DAY_FIRST = LazyPattern(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?\.?")


# --- names and channels ------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """'Giulia Rossi' -> ('Giulia', 'Rossi'); 'Maria De Luca' -> ('Maria', 'De Luca')."""
    words = name.split()
    if not words:
        return "", ""
    return words[0], " ".join(words[1:])


def validate_email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValidationError("email", _("'{value}' is not an e-mail address (like name@example.com).", value=value))
    return value


def validate_phone(value: str) -> str:
    value = " ".join(value.split())
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE.match(value) or not 5 <= digits <= 17:
        raise ValidationError(
            "phone", _("'{value}' is not a phone number (digits, spaces, + ( ) - . / only).", value=value)
        )
    return value


def validate_channel(kind: str, value: str) -> tuple[str, str]:
    kind = kind.strip().lower()
    if kind not in CHANNEL_KINDS:
        raise ValidationError(
            "channel", _("'{kind}' is not a channel; use one of: {kinds}.", kind=kind, kinds=", ".join(CHANNEL_KINDS))
        )
    if kind == "email":
        return kind, validate_email(value)
    if kind == "phone":
        return kind, validate_phone(value)
    value = value.strip()
    if not value:
        raise ValidationError(kind, _("The {kind} value is empty.", kind=label(kind)))
    return kind, value


def channel_label(text: str | None) -> str:
    """A channel's label ("work", "home") with its spacing tidied; "" for none. A label given
    but blank (an empty word on the command line) is refused, naming the label."""
    if text is None:
        return ""
    label = " ".join(text.split())
    if not label:
        raise ValidationError("label", _("The label is empty: leave it out, or write one such as work or home."))
    return label


def same_channel(kind: str, stored: str, typed: str) -> bool:
    """Whether `typed` names the stored channel value: e-mails without case, LinkedIn profiles
    however their URL is written, phones by their digits (and a leading +), others without
    case or outer spaces."""
    if kind == "phone":
        def digits(value: str) -> str:
            value = value.strip()
            return ("+" if value.startswith("+") else "") + re.sub(r"\D", "", value)
        return digits(stored) == digits(typed)
    if kind in ("email", "linkedin"):
        return identity_key(kind, stored) == identity_key(kind, typed)
    return stored.strip().casefold() == typed.strip().casefold()


def linkedin_profile(value: str) -> str | None:
    """`https://www.linkedin.com/in/<slug>` for a LinkedIn profile URL (any subdomain, http or
    https or none, trailing path or query), slug in lower case; None for anything else."""
    match = _LINKEDIN_PROFILE.fullmatch(value.strip())
    return f"https://www.linkedin.com/in/{match.group(1).lower()}" if match else None


# --- who is who: the one rule for recognising someone known -------------------------------


def identity_key(kind: str, value: str) -> str:
    """What two values of an e-mail or LinkedIn channel share when they are the same: the
    e-mail without case, the LinkedIn profile whatever way its URL was written."""
    if kind == "linkedin":
        return linkedin_profile(value) or value.strip().casefold()
    return value.strip().casefold()


def phone_key(value: str) -> str:
    """Digits only, without an international prefix: '+39 333 1234567', '0039 333 1234567'
    and '333 1234567' are one number (the last 9 digits decide)."""
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[-9:] if len(digits) >= 6 else ""


def telling_identifiers(channels: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """{kind: identity keys} of the channels (kind, value) that tell people apart."""
    found: dict[str, set[str]] = {}
    for kind, value in channels:
        if kind in TELLING_KINDS:
            key = identity_key(kind, value)
            if key:
                found.setdefault(kind, set()).add(key)
    return found


def vetoed(incoming: dict[str, set[str]], known: dict[str, set[str]]) -> bool:
    """Whether a weak match (same name and company, same name alone) is refused: a strong
    identifier differs -- both sides have a LinkedIn profile and share none, or both have
    an e-mail and share none. Two "Marco Rossi" at one company with two profiles are two
    people. The one rule import and quick capture both follow (`weak_matches`)."""
    return any(incoming.get(kind) and known.get(kind) and incoming[kind].isdisjoint(known[kind])
               for kind in TELLING_KINDS)


def weak_matches(candidates: Iterable[int], incoming: dict[str, set[str]], known_of) -> list[int]:
    """The candidates of a weak match, in the order given, less those `vetoed` by a strong
    identifier; `known_of(id)` gives a candidate's telling_identifiers."""
    return [candidate for candidate in candidates if not vetoed(incoming, known_of(candidate))]


# --- circles, cadences, tags ---------------------------------------------------------------


def validate_circle(value: str) -> str:
    circle = code_for(value, CIRCLES)  # "work", or its label in the interface's language
    if circle is None:
        raise ValidationError(
            "circle", _("'{value}' is not a circle; use one of: {circles}.", value=value, circles=codes_as_typed(CIRCLES))
        )
    return circle


def validate_cadence(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise ValidationError("cadence_days", _("'{value}' is not a number of days.", value=value)) from None
    if days <= 0:
        raise ValidationError("cadence_days", _("The keep-in-touch cadence must be at least 1 day."))
    return days


def normalise_tag(name: str) -> str:
    tag = name.strip().lstrip("#").strip().lower()
    if not tag or not _TAG.match(tag):
        raise ValidationError("tag", _("'{name}' is not a tag (one word, no spaces or commas).", name=name))
    return tag


# --- important dates and cities --------------------------------------------------------------


def parse_important_date(text: str, field: str = "date") -> tuple[int | None, int, int]:
    """(year or None, month, day) of an important date (a birthday, an anniversary) typed as
    "1985-04-15", "--04-15", "04-15", "15/04" or "15/04/1985" (day first), or with the month's
    name: "15 aprile", "15 April 1985", "April 15, 1985".

    The year is optional: without it the day is checked against a leap year, so 29 February
    is a date (netui.dates celebrates it on the 28th in other years) and 31 February is not.
    Raises ValidationError naming `field`, with a sentence saying what is wrong.
    """
    raw = text.strip()
    iso, day_first = _IMPORTANT_DATE_ISO.fullmatch(raw), _IMPORTANT_DATE_DAY_FIRST.fullmatch(raw)
    if iso:
        year, month, day = (int(iso.group(1)) if iso.group(1) else None), int(iso.group(2)), int(iso.group(3))
    elif day_first:
        day, month = int(day_first.group(1)), int(day_first.group(2))
        year = int(day_first.group(3)) if day_first.group(3) else None
    elif _named_month_date(raw):
        year, month, day = _named_month_date(raw)
    else:
        raise ValidationError(
            field, _("'{text}' is not a date; write 1985-04-15, or --04-15 or 15/04 when the year is unknown.", text=raw)
        )
    make_date(year, month, day, field, written=raw)  # the sentence quotes it as typed
    return year, month, day


_NAMED_DAY_MONTH = LazyPattern(r"(\d{1,2})\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?")
_NAMED_MONTH_DAY = LazyPattern(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")


def _month_named(word: str) -> int | None:
    """1 for "aprile", "April", "apr" (three letters at least), ... ; None for another word."""
    word = word.casefold()
    for names in (ITALIAN_MONTHS, MONTH_NAMES):
        for number, name in enumerate(names, start=1):
            if len(word) >= 3 and name.casefold().startswith(word):
                return number
    return None


def _named_month_date(raw: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of "15 aprile", "15 April 1985", "April 15, 1985"; else None."""
    day_first, month_first = _NAMED_DAY_MONTH.fullmatch(raw), _NAMED_MONTH_DAY.fullmatch(raw)
    if day_first and _month_named(day_first.group(2)):
        day, month, year = day_first.group(1), _month_named(day_first.group(2)), day_first.group(3)
    elif month_first and _month_named(month_first.group(1)):
        day, month, year = month_first.group(2), _month_named(month_first.group(1)), month_first.group(3)
    else:
        return None
    return (int(year) if year else None), month, int(day)


def city_spelling(typed: str, spellings: Iterable[str]) -> str:
    """How a city is written: its most common spelling among `spellings` (the city of each
    person there: "milano" typed, "Milano" written by most), the first in alphabetical order
    on a tie; as typed, single-spaced, when nobody writes it."""
    counts = Counter(spelling for spelling in spellings if spelling)
    if not counts:
        return " ".join(typed.split())
    return min(counts, key=lambda spelling: (-counts[spelling], spelling))


def fact_label(text: str) -> str:
    """A fact's label with its spacing tidied; ValidationError on the label when there is none."""
    label = " ".join(text.split())
    if not label:
        raise ValidationError("label", _("A fact needs a label, e.g. 'kids'."))
    return label


def fact_value(label: str, text: str) -> str:
    """A fact's value, trimmed; ValidationError on the value when there is none."""
    value = text.strip()
    if not value:
        raise ValidationError("value", _("The fact '{label}' needs a value.", label=label))
    return value
