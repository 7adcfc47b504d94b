"""Time: the current instant (freezable with pendulum.travel_to) and dates typed as people say them.

Instants are stored in UTC; what a person types ("yesterday 18:00") is read in their local
time zone, then converted.
"""

from __future__ import annotations

import datetime as dt
import re

import pendulum

from pendulum.parsing.exceptions import ParserError

from netui.text import LazyPattern
from netui.errors import ValidationError
from netui.i18n import _, language, ngettext

UNITS = {
    "minute": "minutes", "min": "minutes", "hour": "hours", "h": "hours",
    "day": "days", "d": "days", "week": "weeks", "w": "weeks",
    "month": "months", "year": "years", "y": "years",
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)

# Italian ways of saying a day, read when the interface is in Italian (English ones still work).
ITALIAN_UNITS = {
    "minuto": "minute", "minuti": "minute", "min": "minute", "ora": "hour", "ore": "hour",
    "giorno": "day", "giorni": "day", "g": "day", "settimana": "week", "settimane": "week",
    "mese": "month", "mesi": "month", "anno": "year", "anni": "year",
}
ITALIAN_WORDS = {
    "oggi": "today", "ieri": "yesterday", "domani": "tomorrow", "adesso": "now", "ora": "now",
    "dopodomani": "in 2 days", "altroieri": "2 days ago", "l'altroieri": "2 days ago",
}
ITALIAN_WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
ITALIAN_MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
    "settembre", "ottobre", "novembre", "dicembre",
)
_ITALIAN_AGO = LazyPattern(r"^(\d+|una|uno|un)\s*([a-z]+)\s+fa\b")
_ITALIAN_IN = LazyPattern(r"^(?:tra|fra)\s+(\d+|una|uno|un'|un)\s*([a-z]+)\b")
# Whole phrases, said the way the parser reads them.
ITALIAN_PHRASES = (
    ("stamattina", "oggi 9:00"), ("stamane", "oggi 9:00"), ("stasera", "oggi 19:00"),
    ("stanotte", "oggi 23:00"), ("la settimana prossima", "tra 1 settimana"),
    ("settimana prossima", "tra 1 settimana"), ("la prossima settimana", "tra 1 settimana"),
    ("prossima settimana", "tra 1 settimana"), ("il mese prossimo", "tra 1 mese"),
    ("mese prossimo", "tra 1 mese"), ("il prossimo mese", "tra 1 mese"), ("prossimo mese", "tra 1 mese"),
    ("l'anno prossimo", "tra 1 anno"), ("anno prossimo", "tra 1 anno"),
    ("la settimana scorsa", "1 settimana fa"), ("settimana scorsa", "1 settimana fa"),
    ("il mese scorso", "1 mese fa"), ("mese scorso", "1 mese fa"), ("l'anno scorso", "1 anno fa"),
)
# "ieri sera": the part of the day as an hour.
ITALIAN_DAY_PARTS = {"mattina": "9:00", "pomeriggio": "15:00", "sera": "19:00", "notte": "23:00"}
ITALIAN_WEEKDAY_ABBREVIATIONS = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")
_SLASH_DATE = LazyPattern(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?(?=\s|$)")
_DAY_MONTH = LazyPattern(r"^(\d{1,2})\s+([a-zì]+)(?:\s+(\d{4}))?(?=\s|$)")
_ITALIAN_TIME = LazyPattern(r"(?:^|\s)(?:alle\s+|ore\s+|all'\s*)?(\d{1,2})(?:[.:](\d{2}))?$")

# "3 days ago", "in 5 days", optionally followed by a time of day: "in 5 days 09:00".
_RELATIVE = LazyPattern(
    r"^(?:(\d+|an?|one)\s*([a-z]+?)s?\s+ago|in\s+(\d+|an?|one)\s*([a-z]+?)s?)(?:\s+(?:at\s+)?(\S.*))?$"
)
# Whole English phrases, said the way the parser reads them (the Italian ones: ITALIAN_PHRASES).
ENGLISH_PHRASES = (
    ("next week", "in 1 week"), ("next month", "in 1 month"), ("next year", "in 1 year"),
    ("last week", "1 week ago"), ("last month", "1 month ago"), ("last year", "1 year ago"),
)
# Units a time of day may follow ("in 5 days 09:00"; not "in 2 hours 09:00").
_DAY_UNITS = ("days", "weeks", "months", "years")
_ISO_DATE = LazyPattern(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = LazyPattern(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
# A date-only instant is placed at noon so that no time-zone shift moves it to another day.
DATE_ONLY_HOUR = 12


def now() -> pendulum.DateTime:
    """The current instant in UTC (frozen in tests with pendulum.travel_to)."""
    return pendulum.now("UTC")


def local_zone() -> pendulum.Timezone:
    return pendulum.local_timezone()


def local_day(instant: pendulum.DateTime) -> str:
    """The local calendar day of an instant, as YYYY-MM-DD (as pendulum's format() writes it,
    at a fraction of its cost: the side panes write one a row)."""
    local = instant.in_timezone(local_zone())
    return f"{local.year:d}-{local.month:02d}-{local.day:02d}"


def today(tz: str | pendulum.Timezone | None = None) -> dt.date:
    """The local calendar day (a plain date: SQLite binds only plain dates)."""
    return plain_date(pendulum.now(tz or local_zone()))


def plain_date(value: dt.date) -> dt.date:
    return dt.date(value.year, value.month, value.day)


def make_date(year: int | None, month: int, day: int, field: str = "date", written: str | None = None) -> dt.date:
    """A calendar date, or a ValidationError that says what is wrong with it.

    With year None (a birthday whose year is unknown) the date is checked against a leap
    year, so 29 February is accepted; the date returned is then in the year 2000.
    """
    if not 1 <= month <= 12:
        raise ValidationError(field, _("{month} is not a month (1 to 12).", month=month))
    checked_year = 2000 if year is None else year
    if not 1 <= checked_year <= 9999:
        raise ValidationError(field, _("{year} is not a year netui can store (1 to 9999).", year=year))
    try:
        return dt.date(checked_year, month, day)
    except ValueError:
        first = pendulum.date(checked_year, month, 1)
        days, month_name = first.days_in_month, first.format("MMMM", locale=language())
        if year is None:
            raise ValidationError(field, _(
                "{date} is not a date: {month} has at most {days} days.",
                date=written or _written_date(None, month, day), month=month_name, days=days,
            )) from None
        raise ValidationError(field, _(
            "{date} is not a date: {month} {year} has {days} days.",
            date=written or _written_date(year, month, day), month=month_name, year=year, days=days,
        )) from None


def typed_date(day: dt.date) -> str:
    """A day written the way the user's language types it in a form: 2026-12-03 in English,
    03/12/2026 in Italian (both are read back)."""
    return _written_date(day.year, day.month, day.day)


def _written_date(year: int | None, month: int, day: int) -> str:
    """A date as the user's language writes it: 2026-02-31 / 31/02/2026, --02-31 / 31/02."""
    if language() == "it":
        return f"{day:02d}/{month:02d}" + (f"/{year:04d}" if year is not None else "")
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"


def parse_when(text: str, field: str = "when", *, tz=None) -> pendulum.DateTime:
    """Read a past or future moment typed by a person; return it in UTC.

    Understands: now, today, yesterday, tomorrow, a weekday (the last one), "next friday",
    "last friday", "3 days ago", "in 2 weeks", "next week", "last month", "2026-11-20", each
    optionally followed by a time ("18:00", "6pm", "at 9"): "in 5 days 09:00"; and ISO 8601
    instants ("2026-11-20T18:00+01:00"). In Italian also "domani alle 9", "tra 5 giorni",
    "la prossima settimana", "venerdì prossimo", "3 dicembre", "03/12/2026".
    """
    zone = tz or local_zone()
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise ValidationError(field, _("Say when it happened, e.g. 'yesterday 18:00' or '2026-11-20'."))
    current = pendulum.now(zone)
    if language() == "it":
        raw = _from_italian(raw, current, field, future=False)

    raw = _from_english(raw, current)
    relative = _RELATIVE.match(raw)
    if relative:
        return _relative(relative, current, text, field, zone)
    if raw == "now":
        return current.in_timezone("UTC")

    if _TIME.match(raw):  # only a time ("18:00", "6 pm"): today at that time
        day_part, time_part = "today", raw
    else:
        day_part, _space, time_part = raw.partition(" ")
        time_part = time_part.removeprefix("at ")  # "tomorrow at 18:00"
    day = _parse_day(day_part, current, text, field)
    if day is None:
        try:
            parsed = pendulum.parse(text.strip(), tz=zone)
        except (ValueError, ParserError):
            raise ValidationError(field, _(
                "'{text}' is not a time netui understands; try 'yesterday 18:00', '3 days ago' or '2026-11-20'.",
                text=text,
            )) from None
        if isinstance(parsed, pendulum.DateTime):
            return parsed.in_timezone("UTC")
        raise ValidationError(field, _("'{text}' is not a moment in time.", text=text))
    hour, minute = _parse_time(time_part, text, field) if time_part else (DATE_ONLY_HOUR, 0)
    moment = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
    return moment.in_timezone("UTC")


def _relative(match: re.Match, current: pendulum.DateTime, text: str, field: str, zone) -> pendulum.DateTime:
    """"3 days ago", "in 2 weeks" from now; "in 5 days 09:00": that day at that time."""
    amount_text, unit_text = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    unit = UNITS.get(unit_text)
    if unit is None:
        raise ValidationError(field, _(
            "'{text}': unknown unit '{unit}' (use minutes, hours, days, weeks, months or years).",
            text=text, unit=unit_text,
        ))
    amount = 1 if amount_text in ("a", "an", "one") else int(amount_text)
    moved = current.add(**{unit: (-1 if match.group(1) else 1) * amount})
    time_part = match.group(5)
    if not time_part:
        return moved.in_timezone("UTC")
    if unit not in _DAY_UNITS:
        raise ValidationError(field, _("'{text}': a time of day goes with days, weeks, months or years.", text=text))
    hour, minute = _parse_time(time_part, text, field)
    return pendulum.datetime(moved.year, moved.month, moved.day, hour, minute, tz=zone).in_timezone("UTC")


def _from_english(raw: str, current: pendulum.DateTime) -> str:
    """English phrases the way the parser reads them: "next week" -> "in 1 week", "next friday
    18:00" -> "<that day's date> 18:00" (the coming one), "last friday" -> the last one."""
    for phrase, meaning in ENGLISH_PHRASES:
        if raw == phrase or raw.startswith(phrase + " "):
            return meaning + raw[len(phrase):]
    modifier, _space, rest = raw.partition(" ")
    weekday, _space, after = rest.partition(" ")
    if modifier in ("next", "last", "this") and weekday in WEEKDAYS:
        today_date = current.date()
        target = WEEKDAYS.index(weekday)
        if modifier == "last":
            day = today_date.subtract(days=(today_date.weekday() - target) % 7 or 7)
        else:  # "this friday": the coming one (today itself when it is friday)
            ahead = (target - today_date.weekday()) % 7
            day = today_date.add(days=ahead or (7 if modifier == "next" else 0))
        return f"{day.isoformat()} {after}".strip()
    return raw


def _parse_day(word: str, current: pendulum.DateTime, text: str, field: str, future: bool = False):
    if word == "today":
        return current.date()
    if word == "yesterday":
        return current.date().subtract(days=1)
    if word == "tomorrow":
        return current.date().add(days=1)
    if word in WEEKDAYS:
        if future:  # a due date: the next such day, never today
            ahead = (WEEKDAYS.index(word) - current.weekday()) % 7 or 7
            return current.date().add(days=ahead)
        back = (current.weekday() - WEEKDAYS.index(word)) % 7 or 7
        return current.date().subtract(days=back)
    iso = _ISO_DATE.match(word)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return make_date(year, month, day, field)
    return None


def _parse_time(word: str, text: str, field: str) -> tuple[int, int]:
    match = _TIME.match(word)
    if not match:
        raise ValidationError(field, _("'{text}': '{word}' is not a time of day (e.g. 18:00 or 6pm).", text=text, word=word))
    hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValidationError(field, _("'{text}': {word} is not a time of day.", text=text, word=str(hour) + meridiem))
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(field, _("'{text}': {word} is not a time of day.", text=text, word=word))
    return hour, minute


def parse_date(text: str, field: str = "date", *, future: bool = False) -> dt.date:
    """A calendar day typed as a person says it: 2026-12-03, today, tomorrow, friday, "in 3
    days", "2 weeks ago"... A weekday is the last one, or with `future` (due dates) the next
    one. Returns the local calendar day."""
    raw = " ".join(text.strip().lower().split())
    if raw and language() == "it":
        raw = _from_italian(raw, pendulum.now(local_zone()), field, future=future)
    day = _parse_day(raw, pendulum.now(local_zone()), text, field, future) if raw else None
    if day is None and not _TIME.match(raw):  # a bare time of day is not a date
        try:
            moment = parse_when(raw, field)
        except ValidationError:
            raise ValidationError(field, _(
                "'{text}' is not a date; write it as YYYY-MM-DD, 'tomorrow' or 'in 3 days'.", text=text,
            )) from None
        day = moment.in_timezone(local_zone())
    if day is None:
        raise ValidationError(field, _("'{text}' is a time of day, not a date.", text=text))
    return plain_date(day)


def _from_italian(raw: str, current: pendulum.DateTime, field: str, future: bool) -> str:
    """The same moment written the English way the parser reads: "3 giorni fa" -> "3 days
    ago", "tra 2 settimane" -> "in 2 weeks", "ieri 18.30" -> "yesterday 18:30", "03/12/2026"
    and "3 dicembre" -> "2026-12-03" (a day without its year is the next one for a due date,
    else the last one)."""
    for phrase, meaning in ITALIAN_PHRASES:
        if raw == phrase or raw.startswith(phrase + " "):
            raw = meaning + raw[len(phrase):]
            break
    raw = raw.replace("'", "' ").replace("  ", " ")
    day_text, rest = None, raw
    for pattern, template in ((_ITALIAN_AGO, "{n} {unit} ago"), (_ITALIAN_IN, "in {n} {unit}")):
        match = pattern.match(raw)
        if match and match.group(2) in ITALIAN_UNITS:
            amount = match.group(1)
            n = amount if amount.isdigit() else "1"
            # "tra 5 giorni alle 9": the time after it is read below, as after "domani"
            return _with_italian_time(template.format(n=n, unit=ITALIAN_UNITS[match.group(2)]), raw[match.end():])
    slash = _SLASH_DATE.match(raw)
    named = _DAY_MONTH.match(raw)
    if slash:
        day_number, month, year = int(slash.group(1)), int(slash.group(2)), slash.group(3)
        if year and len(year) == 2:
            year = str(2000 + int(year))
        day_text = _day_of_year(day_number, month, year, current, field, future)
        rest = raw[slash.end():]
    elif named and _italian_month(named.group(2)):
        day_text = _day_of_year(int(named.group(1)), _italian_month(named.group(2)), named.group(3), current, field, future)
        rest = raw[named.end():]
    else:
        first, _space, rest = raw.partition(" ")
        weekday = _italian_weekday(first)
        if weekday is not None:
            modifier, _space, after = rest.partition(" ")
            if modifier in ("prossimo", "prossima", "scorso", "scorsa"):
                rest = after
                ahead = modifier.startswith("prossim")
            else:
                ahead = future
            current_day = current.date()
            if ahead:
                day_text = current_day.add(days=(weekday - current_day.weekday()) % 7 or 7).isoformat()
            else:
                day_text = current_day.subtract(days=(current_day.weekday() - weekday) % 7 or 7).isoformat()
        elif first in ITALIAN_WORDS:
            day_text = ITALIAN_WORDS[first]
        else:
            return raw
    return _with_italian_time(day_text, rest)


def _with_italian_time(day_text: str, rest: str) -> str:
    """The day followed by the time said after it: "sera" -> 19:00, "alle 9" -> 9:00."""
    rest = rest.strip()
    rest = ITALIAN_DAY_PARTS.get(rest, rest)
    time_match = _ITALIAN_TIME.fullmatch(rest) if rest else None
    if time_match:
        rest = f"{time_match.group(1)}:{time_match.group(2) or '00'}"
    return f"{day_text} {rest}".strip()


def _italian_weekday(word: str) -> int | None:
    """0 for lunedì (lunedi, lun), ... 6 for domenica."""
    word = word[:-1] + "ì" if word.endswith("di") else word
    if word in ITALIAN_WEEKDAYS:
        return ITALIAN_WEEKDAYS.index(word)
    if word in ITALIAN_WEEKDAY_ABBREVIATIONS:
        return ITALIAN_WEEKDAY_ABBREVIATIONS.index(word)
    return None


def _italian_month(word: str) -> int | None:
    for number, name in enumerate(ITALIAN_MONTHS, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return number
    return None


def _day_of_year(day: int, month: int, year: str | None, current, field: str, future: bool) -> str:
    if year:
        return make_date(int(year), month, day, field).isoformat()
    return day_without_year(month, day, current.date(), future, field).isoformat()


def day_without_year(month: int, day: int, today: dt.date, future: bool, field: str = "date") -> dt.date:
    """A day typed without its year: the next one from today (a due date) or the last one (a
    moment) that exists; 29 February is the next or last leap year's, never quietly the 28th.
    ValidationError for a day no year has (31/02)."""
    make_date(None, month, day, field)
    step = 1 if future else -1
    for offset in range(9):  # 29 February comes back within eight years
        year = today.year + step * offset
        if day > pendulum.date(year, month, 1).days_in_month:
            continue
        candidate = dt.date(year, month, day)
        if (candidate >= today) if future else (candidate <= today):
            return candidate
    raise AssertionError("unreachable: every day of a year comes back within eight years")


def days_ahead(days: int) -> str:
    """A day this many days from today: 'today', 'tomorrow', 'in 5 days'."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in {n} day", "in {n} days", days)


def due_words(days: int) -> str:
    """When something is due, `days` from today: '2 days late', 'today', 'tomorrow', 'in 5 days'."""
    if days < 0:
        return ngettext("{n} day late", "{n} days late", -days)
    return days_ahead(days)


def long_date(day: dt.date) -> str:
    """'Thursday 3 December 2026' / 'giovedì 3 dicembre 2026'."""
    return pendulum.date(day.year, day.month, day.day).format("dddd D MMMM YYYY", locale=language())


def short_date(day: dt.date) -> str:
    """'Thu 3 Dec' / 'gio 3 dic': a day in a list."""
    return pendulum.date(day.year, day.month, day.day).format("ddd D MMM", locale=language())


def humanize(instant: dt.datetime | None, reference: pendulum.DateTime | None = None) -> str:
    """'3 weeks ago', 'in 2 days', or 'never'."""
    if instant is None:
        return _("never")
    # format_diff with is_now=True says "ago"/"in" even against an explicit reference.
    return pendulum.format_diff(pendulum.instance(instant).diff(reference or now()), is_now=True)
