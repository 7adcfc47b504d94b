"""Recurring appointments with one or more contacts: every N weeks or months, on given weekdays,
until a day or for a number of times.

The recurrence is an RFC 5545 rule computed by python-dateutil (no home-made engine): stored as
"DTSTART:20261201T090000\\nRRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T235959" in the floating
local time of the appointment's time zone, so 9:00 stays 9:00 across daylight-saving changes.
As RFC 5545 says, a monthly rule on the 31st skips the months that have no 31st.
`AppointmentInfo.rrule` is the RRULE line for an iCalendar export.

Marking an occurrence done logs an interaction (kind "meeting", summary the title) with its
people; skipping records it without one. Either takes it off Today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pendulum
from dateutil import rrule as rr

from netui import events, timeline, when
from netui.errors import NotFoundError, ValidationError
from netui.i18n import N_, _, language, ngettext
from netui.store.models import (
    Appointment,
    AppointmentOccurrence,
    AppointmentParticipant,
    Contact,
    database,
)
from netui.text import full_name
from netui.timeline import Participant

FREQUENCIES = {"weekly": rr.WEEKLY, "monthly": rr.MONTHLY}
WEEKDAY_CODES = ("mo", "tu", "we", "th", "fr", "sa", "su")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
OPEN, DONE, SKIPPED = "open", "done", "skipped"
MAX_COUNT = 1000


@dataclass(frozen=True)
class AppointmentInfo:
    id: int
    title: str
    rule: str  # DTSTART + RRULE, as stored
    rrule: str  # the RRULE value alone ("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=..."), for iCalendar
    starts_at: pendulum.DateTime  # the first occurrence's start, in the appointment's zone
    timezone: str
    duration_minutes: int
    notes: str
    participants: tuple[Participant, ...]
    description: str  # "every 2 weeks on Tue, Thu until 2026-12-31"


@dataclass(frozen=True)
class Occurrence:
    appointment_id: int
    title: str
    occurs_on: dt.date  # the local day (the user's zone)
    starts_at: pendulum.DateTime  # in the user's zone
    ends_at: pendulum.DateTime
    participants: tuple[Participant, ...]
    status: str  # "open", "done" or "skipped"
    interaction_id: int | None


# --- creating ----------------------------------------------------------------------------------


def parse_weekdays(text: str | Iterable[str]) -> tuple[int, ...]:
    """'tue,thu' / ['Tu', 'thursday'] / 'mar, giovedì' -> (1, 3) (Monday is 0).

    English names are read in every language, Italian ones too (they never clash)."""
    items = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    days = []
    for item in items:
        key = item.strip().lower().replace("ì", "i")
        found = sorted({
            i for names in (_WEEKDAY_NAMES, when.ITALIAN_WEEKDAYS) for i, name in enumerate(names)
            if len(key) >= 2 and name.replace("ì", "i").startswith(key)
        })
        if len(found) != 1:
            raise ValidationError("weekdays", _("'{item}' is not a day of the week (mon, tue, ... or monday).", item=item))
        days.append(found[0])
    return tuple(sorted(set(days)))


def create_appointment(
    title: str,
    contact_ids: Iterable[int],
    start: dt.datetime | str,
    freq: str = "weekly",
    interval: int = 1,
    weekdays: Sequence[int] | str = (),
    until: dt.date | str | None = None,
    count: int | None = None,
    duration_minutes: int = 60,
    timezone: str | None = None,
    notes: str = "",
) -> int:
    """Create a recurring appointment and return its id.

    `start` is the first occurrence, a local time in `timezone` (default: the user's zone): a
    naive datetime, an aware one, or text ("2026-12-01 09:00"). `weekdays` (weekly rules only)
    are 0=Monday... or text ("tue,thu"); `until` is the last day it may happen (included);
    `count` the number of times. Raises ValidationError naming the field.
    """
    title = " ".join(title.split())
    if not title:
        raise ValidationError("title", _("An appointment needs a title."))
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        raise ValidationError("participants", _("An appointment needs at least one person."))
    zone = events.validate_timezone(timezone or when.local_zone().name)
    first = _local_start(start, zone)
    rule = _build_rule(first, freq, interval, weekdays, until, count)
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int) or not 1 <= duration_minutes <= 24 * 60:
        raise ValidationError("duration", _("The duration is 1 to 1440 minutes."))
    with database.atomic():
        living = {c.id for c in Contact.select(Contact.id).where(Contact.id.in_(ids), Contact.trashed_at.is_null())}
        missing = [i for i in ids if i not in living]
        if missing:
            raise NotFoundError(_("There is no contact #{id} (or it is in the trash).", id=missing[0]))
        row = Appointment.create(
            title=title, rule=str(rule), timezone=zone, duration_minutes=duration_minutes,
            notes=notes.strip(), created_at=when.now(),
        )
        AppointmentParticipant.insert_many([{"appointment": row.id, "contact": i} for i in ids]).execute()
    return row.id


def _local_start(start, zone: str) -> dt.datetime:
    """The first occurrence as a naive local datetime in `zone` (to the minute)."""
    if isinstance(start, str):
        moment = when.parse_when(start, "start", tz=zone).in_timezone(zone)
    elif isinstance(start, dt.datetime):
        moment = pendulum.instance(start, tz=zone).in_timezone(zone) if start.tzinfo else start
    else:
        raise ValidationError("start", _("'{start}' is not a date and time.", start=start))
    return dt.datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute)


def _build_rule(first, freq, interval, weekdays, until, count) -> rr.rrule:
    if freq not in FREQUENCIES:
        raise ValidationError("freq", _("'{freq}' is not a frequency; use weekly or monthly.", freq=freq))
    if isinstance(interval, bool) or not isinstance(interval, int) or not 1 <= interval <= 52:
        raise ValidationError("interval", _("Repeat every 1 to 52 weeks or months."))
    days = parse_weekdays(weekdays) if isinstance(weekdays, str) else tuple(sorted(set(weekdays)))
    if days and freq != "weekly":
        raise ValidationError("weekdays", _("Weekdays go with a weekly rule; a monthly one repeats the start's day."))
    if until is not None and count is not None:
        raise ValidationError("until", _("Give an end day or a number of times, not both."))
    last = None
    if until is not None:
        last_day = when.parse_date(until, "until") if isinstance(until, str) else when.plain_date(until)
        if last_day < first.date():
            raise ValidationError("until", _("The end day is before the first appointment."))
        last = dt.datetime.combine(last_day, dt.time(23, 59, 59))
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT):
        raise ValidationError("count", _("The number of times is 1 to {max}.", max=MAX_COUNT))
    return rr.rrule(
        FREQUENCIES[freq], dtstart=first, interval=interval, byweekday=days or None, until=last, count=count,
    )


# --- reading -----------------------------------------------------------------------------------


def get_appointment(appointment_id: int) -> AppointmentInfo:
    found = _infos(Appointment.select().where(Appointment.id == appointment_id))
    if not found:
        raise NotFoundError(_("There is no appointment #{id}.", id=appointment_id))
    return found[0]


def list_appointments(contact_id: int | None = None) -> list[AppointmentInfo]:
    """Every appointment (or those with this contact), by title."""
    query = Appointment.select()
    if contact_id is not None:
        query = query.where(Appointment.id.in_(
            AppointmentParticipant.select(AppointmentParticipant.appointment)
            .where(AppointmentParticipant.contact == contact_id)))
    return _infos(query.order_by(Appointment.title, Appointment.id))


def occurrences_between(
    first_day: dt.date, last_day: dt.date, contact_id: int | None = None, include_closed: bool = True
) -> list[Occurrence]:
    """Occurrences whose local day (the user's zone) is from `first_day` to `last_day` included,
    by time; `include_closed=False` leaves out those marked done or skipped."""
    zone = when.local_zone()
    infos = list_appointments(contact_id)
    marks = _marks([i.id for i in infos])
    found = []
    for info in infos:
        for start in _starts(info, first_day, last_day):
            local = start.in_timezone(zone)
            day = when.plain_date(local)
            status, interaction_id = marks.get((info.id, _own_day(start)), (OPEN, None))
            if first_day <= day <= last_day and (include_closed or status == OPEN):
                found.append(Occurrence(
                    appointment_id=info.id, title=info.title, occurs_on=day, starts_at=local,
                    ends_at=local.add(minutes=info.duration_minutes), participants=info.participants,
                    status=status, interaction_id=interaction_id,
                ))
    return sorted(found, key=lambda o: (o.starts_at, o.title, o.appointment_id))


def next_occurrences(contact_id: int | None = None, n: int = 3, today: dt.date | None = None,
                     horizon_days: int = 400) -> list[Occurrence]:
    """The next `n` open occurrences from today (of this contact's appointments, or all)."""
    day = today or when.today()
    upcoming = occurrences_between(day, day + dt.timedelta(days=horizon_days), contact_id, include_closed=False)
    return upcoming[:n]


# --- marking -----------------------------------------------------------------------------------


def mark_done(appointment_id: int, occurs_on: dt.date | str, notes: str = "") -> int:
    """Mark the occurrence on that day (today or earlier) done: logs a "meeting" with its people
    at its start time (or now, for one later today) and returns the interaction's id."""
    info, start = _occurrence(appointment_id, occurs_on)
    if when.plain_date(start.in_timezone(when.local_zone())) > when.today():
        raise ValidationError("date", _("'{title}' on {day} has not happened yet; skip it instead.",
                                        title=info.title, day=day_text(start)))
    with database.atomic():
        ids = [p.id for p in info.participants]
        moment = min(start.in_timezone("UTC"), when.now())
        interaction_id = timeline.log_interaction(ids, "meeting", moment, summary=info.title, notes=notes)
        _record(appointment_id, _own_day(start), DONE, interaction_id)
    return interaction_id


def skip_occurrence(appointment_id: int, occurs_on: dt.date | str) -> None:
    """Skip the occurrence on that day (nothing is logged)."""
    _info, start = _occurrence(appointment_id, occurs_on)
    with database.atomic():
        _record(appointment_id, _own_day(start), SKIPPED, None)


def _record(appointment_id: int, day: dt.date, status: str, interaction_id: int | None) -> None:
    AppointmentOccurrence.delete().where(
        AppointmentOccurrence.appointment == appointment_id, AppointmentOccurrence.occurs_on == day
    ).execute()
    AppointmentOccurrence.create(appointment=appointment_id, occurs_on=day, status=status, interaction=interaction_id)


def _occurrence(appointment_id: int, occurs_on) -> tuple[AppointmentInfo, pendulum.DateTime]:
    """The appointment and the start of its occurrence on that local day (else ValidationError)."""
    day = when.parse_date(occurs_on, "date") if isinstance(occurs_on, str) else when.plain_date(occurs_on)
    info = get_appointment(appointment_id)
    zone = when.local_zone()
    for start in _starts(info, day, day):
        if when.plain_date(start.in_timezone(zone)) == day:
            return info, start
    raise ValidationError("date", _("'{title}' does not happen on {day}.", title=info.title, day=day_text(day)))


# --- internals ---------------------------------------------------------------------------------


def _rule(info_or_text) -> rr.rrule:
    text = info_or_text.rule if isinstance(info_or_text, AppointmentInfo) else info_or_text
    return rr.rrulestr(text)


def _starts(info: AppointmentInfo, first_day: dt.date, last_day: dt.date) -> list[pendulum.DateTime]:
    """Occurrence starts (aware, in the appointment's zone) around those local days (a day of
    margin each side for the difference between the two zones; callers filter exactly)."""
    low = dt.datetime.combine(first_day - dt.timedelta(days=1), dt.time())
    high = dt.datetime.combine(last_day + dt.timedelta(days=2), dt.time())
    return [pendulum.instance(s, tz=info.timezone) for s in _rule(info).between(low, high, inc=True)]


def _own_day(start: pendulum.DateTime) -> dt.date:
    """An occurrence is recorded under its day in the appointment's own zone."""
    return when.plain_date(start)


def _marks(ids: list[int]) -> dict[tuple[int, dt.date], tuple[str, int | None]]:
    rows = AppointmentOccurrence.select().where(AppointmentOccurrence.appointment.in_(ids))
    return {(r.appointment_id, r.occurs_on): (r.status, r.interaction_id) for r in rows}


def _infos(query) -> list[AppointmentInfo]:
    rows = list(query)
    people: dict[int, list[Participant]] = {}
    links = (
        AppointmentParticipant.select(AppointmentParticipant.appointment, Contact.id, Contact.first_name, Contact.last_name)
        .join(Contact)
        .where(AppointmentParticipant.appointment.in_([r.id for r in rows]), Contact.trashed_at.is_null())
        .order_by(Contact.sort_name)
    )
    for link in links:
        people.setdefault(link.appointment_id, []).append(
            Participant(link.contact.id, full_name(link.contact.first_name, link.contact.last_name)))
    return [
        AppointmentInfo(
            id=row.id, title=row.title, rule=row.rule, rrule=_rrule_value(row.rule),
            starts_at=pendulum.instance(_rule(row.rule)._dtstart, tz=row.timezone), timezone=row.timezone,
            duration_minutes=row.duration_minutes, notes=row.notes, participants=tuple(people.get(row.id, [])),
            description=describe(row.rule),
        )
        for row in rows
    ]


def _rrule_value(rule_text: str) -> str:
    for line in rule_text.splitlines():
        if line.startswith("RRULE:"):
            return line.removeprefix("RRULE:")
    return ""


def describe(rule_text: str) -> str:
    """'every week on Tue, Thu at 09:00 until 2026-12-31', 'every 2 months on day 3 at 09:00, 6 times'.

    In the user's language: "ogni 2 settimane il lunedì alle 09:00 fino al 31/12/2026".
    """
    rule = _rule(rule_text)
    if rule._freq == rr.WEEKLY:
        text = ngettext("every week", "every {n} weeks", rule._interval)
    else:
        text = ngettext("every month", "every {n} months", rule._interval)
    if rule._freq == rr.WEEKLY and rule._byweekday:
        days = ", ".join(_weekday_text(d) for d in sorted(rule._byweekday))
        text = _("{rule} on {days}", rule=text, days=days)
    elif rule._freq == rr.MONTHLY:
        text = _("{rule} on day {day}", rule=text, day=rule._dtstart.day)
    start_time = rule._dtstart.strftime("%H:%M")
    text = _("{rule} at {time}", rule=text, time=start_time)
    if rule._until:
        text = _("{rule} until {date}", rule=text, date=day_text(rule._until.date()))
    elif rule._count:
        text = ngettext("{rule}, {n} time", "{rule}, {n} times", rule._count, rule=text)
    return text


# pendulum formats, translated like any text so that each language writes days its own way:
# a weekday in a recurrence ("Mon" / "lunedì") and a day in a sentence ("2026-12-31" / "31/12/2026").
WEEKDAY_FORMAT = N_("ddd")
DAY_FORMAT = N_("YYYY-MM-DD")


def _weekday_text(weekday: int) -> str:
    """Monday is 0: "Mon" in English, "lunedì" in Italian."""
    return pendulum.date(2024, 1, 1 + weekday).format(_(WEEKDAY_FORMAT), locale=language())


def day_text(day: dt.date) -> str:
    """A day in a sentence: "2026-12-31" in English, "31/12/2026" in Italian."""
    return pendulum.date(day.year, day.month, day.day).format(_(DAY_FORMAT), locale=language())
