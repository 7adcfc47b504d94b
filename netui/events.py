"""Events: conventions, trade fairs, webinars, dinners... with the people to meet and met there.

Status moves idea -> planned -> registered -> attended / skipped. An event's times are
instants (stored in UTC) plus the time zone it happens in, for showing local times.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field

import pendulum
from peewee import JOIN, Case, fn

from netui import when
from netui.errors import AmbiguousNameError, NotFoundError, ValidationError
from netui.records import Record
from netui.i18n import _
from netui.store.models import (
    ATTENDEE_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    Contact,
    Event,
    EventAttendee,
    EventTotals,
    EventWish,
    database,
)
from netui.text import fold_key, full_name

TEXT_FIELDS = ("title", "venue", "city", "country", "link", "goal", "notes")
EDITABLE_FIELDS = TEXT_FIELDS + ("kind", "status", "starts_at", "ends_at", "timezone")
FINISHED_STATUSES = ("attended", "skipped")


class AttendeeInfo(Record):
    contact_id: int
    name: str
    company: str
    status: str
    role: str


class EventSummary(Record):
    id: int
    title: str
    kind: str
    status: str
    starts_at: pendulum.DateTime | None
    ends_at: pendulum.DateTime | None
    timezone: str
    venue: str
    city: str
    to_meet: int  # everyone on the list not met yet: contacts, and people not contacts yet
    met: int
    not_contacts_yet: int = 0  # of to_meet: people to meet who are not contacts (netui.wishes)


class EventDetail(EventSummary):
    link: str = ""
    goal: str = ""
    notes: str = ""
    country: str = ""
    attendees: list[AttendeeInfo] = field(default_factory=list)


def validate_kind(kind: str) -> str:
    value = " ".join(kind.strip().lower().replace("_", " ").replace("-", " ").split())
    if value not in EVENT_KINDS:
        raise ValidationError(
            "kind", _("'{kind}' is not a kind of event; use one of: {kinds}.", kind=kind, kinds=", ".join(EVENT_KINDS))
        )
    return value


def validate_status(status: str) -> str:
    value = status.strip().lower()
    if value not in EVENT_STATUSES:
        raise ValidationError(
            "status",
            _("'{status}' is not an event status; use one of: {statuses}.", status=status, statuses=", ".join(EVENT_STATUSES)),
        )
    return value


def validate_timezone(name: str) -> str:
    try:
        return pendulum.timezone(name.strip()).name
    except Exception:  # pendulum raises several kinds for a bad name
        raise ValidationError("timezone", _("'{name}' is not a time zone (e.g. Europe/Rome).", name=name)) from None


def _instant(value, zone: str, field_name: str):
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return when.parse_when(value, field_name, tz=zone)
    if isinstance(value, dt.datetime):
        return pendulum.instance(value, tz=zone).in_timezone("UTC")
    if isinstance(value, dt.date):
        return pendulum.datetime(value.year, value.month, value.day, tz=zone).in_timezone("UTC")
    raise ValidationError(field_name, _("'{value}' is not a date and time.", value=value))


def _clean(changes: dict, zone: str) -> dict:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, _("Events have no field '{field}'.", field=name))
    clean = {}
    for name, value in changes.items():
        if name in TEXT_FIELDS:
            value = "" if value is None else str(value)
            clean[name] = value.strip() if name in ("goal", "notes") else " ".join(value.split())
        elif name == "kind":
            clean[name] = validate_kind(value or "other")
        elif name == "status":
            clean[name] = validate_status(value or "idea")
        elif name == "timezone":
            clean[name] = validate_timezone(value)
        elif name in ("starts_at", "ends_at"):
            clean[name] = _instant(value, zone, name)
    return clean


def not_started(starts_at, at=None) -> bool:
    """Has an event starting then not started yet at the instant `at` (default: now)? An
    undated one has: nothing waits for it."""
    return starts_at is not None and starts_at > (at or when.now())


def _check(event: Event) -> None:
    if not event.title:
        raise ValidationError("title", _("An event needs a title."))
    if event.starts_at and event.ends_at and event.ends_at < event.starts_at:
        raise ValidationError("ends_at", _("The event ends before it starts."))
    if event.status == "attended" and not_started(event.starts_at):
        raise ValidationError("status", _("An event that has not started yet cannot be marked attended."))


def create_event(title: str, **fields) -> int:
    zone = validate_timezone(fields.get("timezone") or when.local_zone().name)
    fields["timezone"] = zone
    clean = _clean({"title": title, **fields}, zone)
    stamp = when.now()
    event = Event(created_at=stamp, updated_at=stamp, **clean)
    _check(event)
    with database.atomic():
        event.save()
    return event.id


def update_event(event_id: int, **changes) -> None:
    with database.atomic():
        event = _get_row(event_id)
        zone = validate_timezone(changes.get("timezone") or event.timezone)
        for name, value in _clean(changes, zone).items():
            setattr(event, name, value)
        _check(event)
        event.updated_at = when.now()
        event.save()


def set_event_status(event_id: int, status: str) -> None:
    update_event(event_id, status=status)


def next_status(current: str) -> str:
    """The status after `current`, in EVENT_STATUSES' order, round to the first: idea →
    planned → registered → attended → skipped → idea. Attended needs the event to have started;
    when set_event_status refuses it, asking again from "attended" offers "skipped"."""
    return EVENT_STATUSES[(EVENT_STATUSES.index(current) + 1) % len(EVENT_STATUSES)]


def delete_event(event_id: int) -> None:
    with database.atomic():
        if not Event.delete().where(Event.id == event_id).execute():
            raise NotFoundError(_("There is no event #{id}.", id=event_id))


def _get_row(event_id: int) -> Event:
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise NotFoundError(_("There is no event #{id}.", id=event_id))
    return event


def set_attendee(event_id: int, contact_id: int, status: str = "to meet", role: str | None = None, *,
                 restoring: bool = False) -> None:
    """Add someone to an event's list (or change their status / role there). Nobody is met at
    an event that has not started yet (a quick capture there lists them to meet, too);
    `restoring`: a status put back as it was (an undo), which may predate that rule."""
    status = status.strip().lower()
    if status not in ATTENDEE_STATUSES:
        raise ValidationError(
            "status",
            _("'{status}' is not an attendee status; use one of: {statuses}.",
              status=status, statuses=", ".join(ATTENDEE_STATUSES)),
        )
    with database.atomic():
        event = _get_row(event_id)
        if status == "met" and not restoring and not_started(event.starts_at):
            raise ValidationError("status", _(
                "{title} has not started yet: people are met there once it has; until then they are on "
                "its list to meet.", title=event.title))
        if not Contact.select().where(Contact.id == contact_id).exists():
            raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
        existing = EventAttendee.get_or_none(EventAttendee.event == event_id, EventAttendee.contact == contact_id)
        if existing is None:
            EventAttendee.insert(event=event_id, contact=contact_id, status=status, role=(role or "").strip()).execute()
        else:
            values = {"status": status}
            if role is not None:
                values["role"] = role.strip()
            EventAttendee.update(**values).where(
                EventAttendee.event == event_id, EventAttendee.contact == contact_id
            ).execute()


def mark_met(event_id: int, contact_id: int) -> None:
    set_attendee(event_id, contact_id, status="met")


def remove_attendee(event_id: int, contact_id: int) -> None:
    with database.atomic():
        EventAttendee.delete().where(
            EventAttendee.event == event_id, EventAttendee.contact == contact_id
        ).execute()


def _summary_query(*columns):
    """Events with their counts of people to meet / met (trashed contacts not counted), and of
    the people to meet who are not contacts yet (wishes linked to nobody). `columns`: the
    event's own to read (all of them by default).

    The counts are kept per event (event_totals, schema 11: every attendee); those of the
    contacts in the trash are taken off, found from the trash's side (the index on
    contact.trashed_at, then each one's attendance): the work does not grow with the number
    of attendees (joining each to their contact took 0.1 s at a million people)."""
    # CASE, not SUM(condition): PostgreSQL does not add up booleans.
    # CROSS JOIN: SQLite reads the contacts first whatever its statistics say (with those of a
    # small network it scanned every attendee); PostgreSQL plans it as any join.
    trashed = (Contact.select(
        EventAttendee.event.alias("event_id"),
        fn.SUM(Case(None, [(EventAttendee.status == "to meet", 1)], 0)).alias("to_meet"),
        fn.SUM(Case(None, [(EventAttendee.status == "met", 1)], 0)).alias("met"))
        .join(EventAttendee, JOIN.CROSS)
        .where(Contact.trashed_at.is_null(False), EventAttendee.contact == Contact.id)
        .group_by(EventAttendee.event).alias("trashed"))
    to_meet = (fn.COALESCE(EventTotals.to_meet, 0) - fn.COALESCE(trashed.c.to_meet, 0)).alias("to_meet_count")
    met = (fn.COALESCE(EventTotals.met, 0) - fn.COALESCE(trashed.c.met, 0)).alias("met_count")
    Wish = EventWish.alias()
    wished = (Wish.select(fn.COUNT(Wish.id)).where(Wish.event == Event.id, Wish.contact.is_null())
              .alias("wished_count"))
    return (
        Event.select(*(columns or (Event,)), to_meet, met, wished)
        .join(EventTotals, JOIN.LEFT_OUTER, on=(EventTotals.event == Event.id))
        .switch(Event)
        .join(trashed, JOIN.LEFT_OUTER, on=(trashed.c.event_id == Event.id))
        .switch(Event)
    )


def _summary_values(row: Event | dict) -> dict:
    """An EventSummary's values, from an Event (with its counts) or a row of `_summaries`."""
    get = row.get if isinstance(row, dict) else lambda name, default=None: getattr(row, name, default)
    return dict(
        id=get("id"), title=get("title"), kind=get("kind"), status=get("status"), starts_at=get("starts_at"),
        ends_at=get("ends_at"), timezone=get("timezone"), venue=get("venue"), city=get("city"),
        to_meet=int(get("to_meet_count", 0) or 0) + int(get("wished_count", 0) or 0),
        met=int(get("met_count", 0) or 0), not_contacts_yet=int(get("wished_count", 0) or 0),
    )


# What a summary shows of the event itself: the lists of events read only these, as plain rows
# (an Event object per row, with its notes and every other column, was a third of the work).
SUMMARY_COLUMNS = (Event.id, Event.title, Event.kind, Event.status, Event.starts_at, Event.ends_at,
                   Event.timezone, Event.venue, Event.city)


def _summaries(query) -> list[EventSummary]:
    """The EventSummary of each row of a `_summary_query(*SUMMARY_COLUMNS)`."""
    return [EventSummary(**_summary_values(row)) for row in query.dicts()]


def event_title(event_id: int) -> str:
    """Just the title (cheap: no attendee list)."""
    return _get_row(event_id).title


def get_event(event_id: int) -> EventDetail:
    row = _summary_query().where(Event.id == event_id).get_or_none()
    if row is None:
        raise NotFoundError(_("There is no event #{id}.", id=event_id))
    attendees = [
        AttendeeInfo(
            a.contact.id, full_name(a.contact.first_name, a.contact.last_name), a.contact.company,
            a.status, a.role,
        )
        for a in EventAttendee.select(EventAttendee, Contact).join(Contact)
        .where(EventAttendee.event == event_id, Contact.trashed_at.is_null())
        .order_by(EventAttendee.status.desc(), Contact.sort_name)
    ]
    return EventDetail(**_summary_values(row), link=row.link, goal=row.goal, notes=row.notes, country=row.country,
                       attendees=attendees)


def upcoming_events(now: pendulum.DateTime | None = None) -> list[EventSummary]:
    """Events not over yet (and undated ideas), grouped by status in pipeline order, soonest first."""
    moment = Event.starts_at.db_value(now or when.now())
    ongoing = fn.COALESCE(Event.ends_at, Event.starts_at)
    summaries = _summaries(_summary_query(*SUMMARY_COLUMNS).where(
        Event.starts_at.is_null() | (ongoing >= moment), Event.status != "skipped"
    ))
    far_future = pendulum.datetime(9999, 1, 1)
    return sorted(
        summaries,
        key=lambda e: (EVENT_STATUSES.index(e.status), e.starts_at or far_future, e.title.lower()),
    )


def past_events(now: pendulum.DateTime | None = None, limit: int = 100) -> list[EventSummary]:
    """Events that are over (and skipped ones), most recent first."""
    return _summaries(
        _summary_query(*SUMMARY_COLUMNS)
        .where(_is_past(now))
        .order_by(Event.starts_at.desc(nulls="LAST"), Event.id.desc())
        .limit(limit)
    )


def count_past_events(now: pendulum.DateTime | None = None) -> int:
    """How many events are over (and skipped), all of them: a list of the latest says of how many."""
    return Event.select().where(_is_past(now)).count()


def _is_past(now: pendulum.DateTime | None):
    moment = Event.starts_at.db_value(now or when.now())
    ongoing = fn.COALESCE(Event.ends_at, Event.starts_at)
    return (Event.starts_at.is_null(False) & (ongoing < moment)) | (Event.status == "skipped")


def events_of_contact(contact_id: int) -> list[tuple[EventSummary, str]]:
    """The events this contact is listed for, with their status there, newest first."""
    rows = (
        _summary_query()
        .where(Event.id.in_(EventAttendee.select(EventAttendee.event).where(EventAttendee.contact == contact_id)))
        .order_by(Event.starts_at.desc(nulls="LAST"))
    )
    statuses = {
        a.event_id: a.status for a in EventAttendee.select().where(EventAttendee.contact == contact_id)
    }
    return [(EventSummary(**_summary_values(r)), statuses[r.id]) for r in rows]


def resolve_event(text: str) -> int:
    """The event `text` names: '#id' or its title (exact, case- and accent-insensitive, or a
    unique part of it)."""
    text = text.strip()
    if text.startswith("#") and text[1:].isdigit():
        return _get_row(int(text[1:])).id
    key = fold_key(text)
    events = list(Event.select(Event.id, Event.title, Event.starts_at).order_by(Event.starts_at.desc(nulls="LAST")))
    exact = [e for e in events if fold_key(e.title) == key]
    matches = exact or [e for e in events if key and key in fold_key(e.title)]
    if not matches:
        raise NotFoundError(_("No event matches '{text}'.", text=text))
    if len(matches) > 1:
        raise AmbiguousNameError(text, [get_event(e.id) for e in matches[:20]], noun="events")  # i18n: not text
    return matches[0].id
