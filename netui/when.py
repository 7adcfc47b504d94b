"""Time: the current instant (freezable with pendulum.travel_to) and dates typed as people say them.

Instants are stored in UTC; what a person types ("yesterday 18:00") is read in their local
time zone, then converted.
"""

from __future__ import annotations

import datetime as dt
import re

import pendulum

from pendulum.parsing.exceptions import ParserError

from netui.errors import ValidationError

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

_RELATIVE = re.compile(r"^(?:(\d+|an?|one)\s*([a-z]+?)s?\s+ago|in\s+(\d+|an?|one)\s*([a-z]+?)s?)$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
# A date-only instant is placed at noon so that no time-zone shift moves it to another day.
DATE_ONLY_HOUR = 12


def now() -> pendulum.DateTime:
    """The current instant in UTC (frozen in tests with pendulum.travel_to)."""
    return pendulum.now("UTC")


def local_zone() -> pendulum.Timezone:
    return pendulum.local_timezone()


def today(tz: str | pendulum.Timezone | None = None) -> dt.date:
    """The local calendar day (a plain date: SQLite binds only plain dates)."""
    return plain_date(pendulum.now(tz or local_zone()))


def plain_date(value: dt.date) -> dt.date:
    return dt.date(value.year, value.month, value.day)


def make_date(year: int | None, month: int, day: int, field: str = "date") -> dt.date:
    """A calendar date, or a ValidationError that says what is wrong with it.

    With year None (a birthday whose year is unknown) the date is checked against a leap
    year, so 29 February is accepted; the date returned is then in the year 2000.
    """
    if not 1 <= month <= 12:
        raise ValidationError(field, f"{month} is not a month (1 to 12).")
    checked_year = 2000 if year is None else year
    if not 1 <= checked_year <= 9999:
        raise ValidationError(field, f"{year} is not a year netui can store (1 to 9999).")
    try:
        return dt.date(checked_year, month, day)
    except ValueError:
        days = pendulum.date(checked_year, month, 1).days_in_month
        if year is None:
            raise ValidationError(
                field, f"--{month:02d}-{day:02d} is not a date: "
                f"{MONTH_NAMES[month - 1]} has at most {days} days."
            ) from None
        raise ValidationError(
            field, f"{year:04d}-{month:02d}-{day:02d} is not a date: "
            f"{MONTH_NAMES[month - 1]} {year} has {days} days."
        ) from None


def parse_when(text: str, field: str = "when", *, tz=None) -> pendulum.DateTime:
    """Read a past or future moment typed by a person; return it in UTC.

    Understands: now, today, yesterday, tomorrow, a weekday (the last one), "3 days ago",
    "in 2 weeks", "2026-11-20", each optionally followed by a time ("18:00", "6pm"), and
    ISO 8601 instants ("2026-11-20T18:00+01:00").
    """
    zone = tz or local_zone()
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise ValidationError(field, "Say when it happened, e.g. 'yesterday 18:00' or '2026-11-20'.")
    current = pendulum.now(zone)

    relative = _RELATIVE.match(raw)
    if relative:
        amount_text, unit_text = (relative.group(1), relative.group(2)) if relative.group(1) \
            else (relative.group(3), relative.group(4))
        unit = UNITS.get(unit_text)
        if unit is None:
            raise ValidationError(field, f"'{text}': unknown unit '{unit_text}' (use minutes, hours, days, weeks, months or years).")
        amount = 1 if amount_text in ("a", "an", "one") else int(amount_text)
        sign = -1 if relative.group(1) else 1
        return current.add(**{unit: sign * amount}).in_timezone("UTC")
    if raw == "now":
        return current.in_timezone("UTC")

    if _TIME.match(raw):  # only a time ("18:00", "6 pm"): today at that time
        day_part, time_part = "today", raw
    else:
        day_part, _, time_part = raw.partition(" ")
    day = _parse_day(day_part, current, text, field)
    if day is None:
        try:
            parsed = pendulum.parse(text.strip(), tz=zone)
        except (ValueError, ParserError):
            raise ValidationError(
                field, f"'{text}' is not a time netui understands; try 'yesterday 18:00', "
                "'3 days ago' or '2026-11-20'."
            ) from None
        if isinstance(parsed, pendulum.DateTime):
            return parsed.in_timezone("UTC")
        raise ValidationError(field, f"'{text}' is not a moment in time.")
    hour, minute = _parse_time(time_part, text, field) if time_part else (DATE_ONLY_HOUR, 0)
    moment = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
    return moment.in_timezone("UTC")


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
        raise ValidationError(field, f"'{text}': '{word}' is not a time of day (e.g. 18:00 or 6pm).")
    hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValidationError(field, f"'{text}': {hour}{meridiem} is not a time of day.")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(field, f"'{text}': {word} is not a time of day.")
    return hour, minute


def parse_date(text: str, field: str = "date", *, future: bool = False) -> dt.date:
    """A calendar day typed as a person says it: 2026-12-03, today, tomorrow, friday, "in 3
    days", "2 weeks ago"... A weekday is the last one, or with `future` (due dates) the next
    one. Returns the local calendar day."""
    raw = " ".join(text.strip().lower().split())
    day = _parse_day(raw, pendulum.now(local_zone()), text, field, future) if raw else None
    if day is None and not _TIME.match(raw):  # a bare time of day is not a date
        try:
            moment = parse_when(text, field)
        except ValidationError:
            raise ValidationError(
                field, f"'{text}' is not a date; write it as YYYY-MM-DD, 'tomorrow' or 'in 3 days'."
            ) from None
        day = moment.in_timezone(local_zone())
    if day is None:
        raise ValidationError(field, f"'{text}' is a time of day, not a date.")
    return plain_date(day)


def days_ahead(days: int) -> str:
    """A day this many days from today: 'today', 'tomorrow', 'in 5 days'."""
    return {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")


def humanize(instant: dt.datetime | None, reference: pendulum.DateTime | None = None) -> str:
    """'3 weeks ago', 'in 2 days', or 'never'."""
    if instant is None:
        return "never"
    # format_diff with is_now=True says "ago"/"in" even against an explicit reference.
    return pendulum.format_diff(pendulum.instance(instant).diff(reference or now()), is_now=True)
