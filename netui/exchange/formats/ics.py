"""iCalendar (.ics) export: events, open follow-ups, birthdays and other dates, for any
calendar app. Written with the icalendar library; a pure function of what it is given.

What becomes what:

- An event with a start: a VEVENT, UID "event-<id>@netui" (stable: re-importing the file
  updates instead of duplicating), DTSTART / DTEND in the event's own time zone (TZID) with
  the matching VTIMEZONE components (icalendar's `add_missing_timezones`, transitions only
  for the years the calendar spans); title, venue and city, goal / notes / link / people to
  meet in the description, kind as a category, status (idea -> TENTATIVE, skipped ->
  CANCELLED, others CONFIRMED). Undated events (ideas) are left out: a calendar cannot show them.
- An open follow-up: an all-day VEVENT on the day it is due (the snoozed day if later),
  "Follow up: <name> — <action>", UID "followup-<id>@netui", TRANSP:TRANSPARENT.
  A VEVENT and not a VTODO, on purpose: Google Calendar and Outlook drop VTODOs from an
  imported file, and Apple Calendar sends them to Reminders, so a to-do would be lost or
  hidden exactly where people look at their days.
- An important date (contact name, label, year or None, month, day): a yearly all-day
  VEVENT, RRULE:FREQ=YEARLY, "Birthday: Giulia Rossi". With a year, DTSTART is that day (the
  day of birth) and the description says the year and the age reached at the next occurrence
  after `now`; without one, DTSTART is in the year of `now`. 29 February repeats with
  BYMONTH=2;BYMONTHDAY=-1, the last day of February: the 29th in leap years, the 28th in the
  others (RFC 5545 would otherwise skip the non-leap years, and a birthday that shows up one
  year in four is worse than one a day early); its DTSTART is a 29 February (the year given,
  or the last leap year up to `now`).
  With the days before it netui reminds of it, a VALARM that many days before (0: on the day).
- Recurring appointments: `appointments` takes (uid, summary, dtstart, rrule[, minutes])
  tuples, rrule a dict as icalendar takes it ({"FREQ": "WEEKLY", "BYDAY": ["MO"]}) or None
  for a single occurrence; dtstart a date (all day) or a time-zone-aware datetime, which then
  ends `minutes` later; a local UNTIL is converted to UTC, as RFC 5545 wants with a TZID.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

from netui.dates import shown_label
from netui.i18n import N_, _, ngettext
from netui.labels import label as code_label

import netui

PRODID = f"-//netui//netui {netui.__version__}//EN"
STATUSES = {"idea": "TENTATIVE", "skipped": "CANCELLED"}  # others: CONFIRMED
TIMEZONE_YEARS_AHEAD = 15

# (contact name, label, year, month, day[, days before it to remind: an alarm])
ImportantDate = tuple[str, str, int | None, int, int] | tuple[str, str, int | None, int, int, int]
# (uid, summary, dtstart, rrule[, duration in minutes])
Appointment = tuple[str, str, "dt.date | dt.datetime", "dict | None"] | tuple[
    str, str, "dt.date | dt.datetime", "dict | None", "int | None"]


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name) if name else dt.timezone.utc
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone.utc


def _plain(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """`moment` seen in `zone`, as a plain datetime with a zoneinfo tzinfo (what icalendar
    turns into DTSTART;TZID=Europe/Rome:...; UTC becomes a 'Z' time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone(zone)
    return dt.datetime(local.year, local.month, local.day, local.hour, local.minute, local.second, tzinfo=zone)


def _utc(moment: dt.datetime) -> dt.datetime:
    return _plain(moment, dt.timezone.utc)


def _zoned(value):
    """An appointment's start: dates stay dates; pendulum / pytz zones become zoneinfo."""
    if not isinstance(value, dt.datetime):
        return dt.date(value.year, value.month, value.day)
    name = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "name", None) or getattr(value.tzinfo, "zone", None)
    if value.tzinfo is None or not name:
        return _utc(value) if value.tzinfo is not None else value
    return _plain(value, _zone(name))


def _event_of(event, stamp: dt.datetime) -> Event | None:
    if event.starts_at is None:
        return None
    zone = _zone(event.timezone)
    vevent = Event()
    vevent.add("uid", f"event-{event.id}@netui")
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.title)
    vevent.add("dtstart", _plain(event.starts_at, zone))
    if event.ends_at is not None and event.ends_at >= event.starts_at:
        vevent.add("dtend", _plain(event.ends_at, zone))
    location = ", ".join(part for part in (event.venue, event.city, getattr(event, "country", "")) if part)
    if location:
        vevent.add("location", location)
    details = []
    goal, notes, link = (getattr(event, name, "") for name in ("goal", "notes", "link"))
    if goal:
        details.append(_("Goal: {goal}", goal=goal))
    if notes:
        details.append(notes)
    attendees = getattr(event, "attendees", [])
    for status, heading in (("to meet", N_("To meet")), ("met", N_("Met"))):
        names = [a.name for a in attendees if a.status == status]
        if names:
            details.append(f"{_(heading)}: {', '.join(names)}")
    if link:
        details.append(_("Link: {link}", link=link))
        vevent.add("url", link)
    if details:
        vevent.add("description", "\n\n".join(details))
    if event.kind:
        vevent.add("categories", [event.kind])
    vevent.add("status", STATUSES.get(event.status, "CONFIRMED"))
    return vevent


def _followup_of(followup, stamp: dt.datetime) -> Event | None:
    if followup.done_at is not None:
        return None
    day = followup.effective_due
    summary = _("Follow up: {name}", name=followup.contact_name)
    if followup.action:
        summary += f" — {followup.action}"
    vevent = Event()
    vevent.add("uid", f"followup-{followup.id}@netui")
    vevent.add("dtstamp", stamp)
    vevent.add("summary", summary)
    vevent.add("dtstart", day)
    vevent.add("dtend", day + dt.timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    vevent.add("categories", ["follow-up"])
    details = []
    if followup.channel:
        details.append(_("By {channel}.", channel=code_label(followup.channel)))
    if day != followup.due_on:
        details.append(_("Snoozed; first due on {day}.", day=followup.due_on.isoformat()))
    if details:
        vevent.add("description", " ".join(details))
    return vevent


def _next_occurrence(month: int, day: int, today: dt.date) -> dt.date:
    """The next day (today included) this date falls on; 29 February is the 28th in non-leap years."""
    for year in (today.year, today.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February in a non-leap year
            candidate = dt.date(year, 2, 28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


def _last_leap_year(up_to: int) -> int:
    year = up_to
    while not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        year -= 1
    return year


def _date_of(date: ImportantDate, stamp: dt.datetime, uid: str) -> Event:
    name, label, year, month, day, *remind = date
    today = stamp.date()
    leap_day = (month, day) == (2, 29)
    if year is not None:
        start = dt.date(year, month, day)
    else:
        start = dt.date(_last_leap_year(today.year) if leap_day else today.year, month, day)
    rule: dict = {"FREQ": "YEARLY"}
    if leap_day:
        rule.update({"BYMONTH": 2, "BYMONTHDAY": -1})
    vevent = Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    shown = shown_label(label)  # "birthday" is read as "compleanno" in Italian
    vevent.add("summary", f"{shown[:1].upper()}{shown[1:]}: {name}")
    vevent.add("dtstart", start)
    vevent.add("dtend", start + dt.timedelta(days=1))
    vevent.add("rrule", rule)
    vevent.add("transp", "TRANSPARENT")
    vevent.add("categories", [label])
    if year is not None:
        upcoming = _next_occurrence(month, day, today)
        years = upcoming.year - year
        if label.lower() == "birthday":
            text = _("{name}, born in {year}: turns {age} on {day}.", name=name, year=year, age=years, day=upcoming.isoformat())
        else:
            text = ngettext("{name}, {label} since {year}: {n} year on {day}.", "{name}, {label} since {year}: {n} years on {day}.",
                            years, name=name, label=shown, year=year, day=upcoming.isoformat())
        vevent.add("description", text + " " + _("(Counted when exported, {day}.)", day=today.isoformat()))
    else:
        vevent.add("description", _("{name}'s {label} (year unknown).", name=name, label=shown))
    if leap_day:
        vevent.add("comment", _("29 February: on 28 February in years that are not leap years."))
    if remind:  # netui's reminder: the calendar's alarm that many days before (0: on the day)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", vevent["summary"])
        alarm.add("trigger", -dt.timedelta(days=remind[0]))
        vevent.add_component(alarm)
    return vevent


def _date_uid(date: ImportantDate, taken: set[str]) -> str:
    name, label, year, month, day = date[:5]  # not the reminder: the same date keeps its uid
    digest = hashlib.sha1(f"{name}\x1f{label}\x1f{year}\x1f{month}\x1f{day}".encode()).hexdigest()[:16]
    uid, count = f"date-{digest}@netui", 1
    while uid in taken:  # two identical tuples (namesakes born the same day): keep both
        count += 1
        uid = f"date-{digest}-{count}@netui"
    taken.add(uid)
    return uid


def _appointment_of(appointment: Appointment, stamp: dt.datetime) -> Event:
    uid, summary, start, rule, *more = appointment
    minutes = more[0] if more else None
    vevent = Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", summary)
    start = _zoned(start)
    vevent.add("dtstart", start)
    if not isinstance(start, dt.datetime):
        vevent.add("dtend", start + dt.timedelta(days=1))
    elif minutes:
        vevent.add("dtend", start + dt.timedelta(minutes=minutes))
    if rule:
        rule = dict(rule)
        until = rule.get("UNTIL")
        until = until[0] if isinstance(until, list) else until
        if isinstance(start, dt.datetime) and isinstance(until, dt.datetime) and until.tzinfo is None:
            # RFC 5545: with a zoned DTSTART, UNTIL is in UTC. A local "until" is read in
            # the appointment's own zone.
            rule["UNTIL"] = until.replace(tzinfo=start.tzinfo).astimezone(dt.timezone.utc)
        vevent.add("rrule", rule)
    return vevent


def write(
    events: Sequence,
    followups: Sequence,
    dates: Iterable[ImportantDate],
    now: dt.datetime,
    appointments: Iterable[Appointment] = (),
) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF, folded) for these events (EventDetail or
    EventSummary), open follow-ups (FollowUpInfo; done ones are left out), important dates
    and recurring appointments. `now` (an aware datetime) is the DTSTAMP and the day ages
    are counted from."""
    stamp = _utc(now)
    dates, appointments = list(dates), list(appointments)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "netui")
    for event in events:
        vevent = _event_of(event, stamp)
        if vevent is not None:
            calendar.add_component(vevent)
    for followup in followups:
        vevent = _followup_of(followup, stamp)
        if vevent is not None:
            calendar.add_component(vevent)
    taken: set[str] = set()
    for date in dates:
        calendar.add_component(_date_of(date, stamp, _date_uid(date, taken)))
    for appointment in appointments:
        calendar.add_component(_appointment_of(appointment, stamp))

    starts = [e.starts_at for e in events if e.starts_at is not None]
    starts += [a[2] for a in appointments if isinstance(a[2], dt.datetime)]
    years = [s.year for s in starts] + [stamp.year]
    # icalendar writes each zone's transitions (RDATEs) for the span asked for: the years the
    # calendar covers, and TIMEZONE_YEARS_AHEAD more when an appointment repeats for ever.
    ahead = TIMEZONE_YEARS_AHEAD if any(a[3] for a in appointments) else 2
    calendar.add_missing_timezones(
        first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + ahead, 1, 1)
    )
    return calendar.to_ical()
