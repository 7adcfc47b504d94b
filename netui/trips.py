"""Trips: on a journey to a city, everyone you know there, and "tell them I'm coming" follow-ups.

People are ordered **overdue first** (most days past their keep-in-touch day first), **then
warmest** (most recently contacted first; never contacted last), then by name. The city is
matched ignoring case and accents ("milano" finds "Milano", "lodz" finds "Łódź"); a trip is
saved as an event of kind "trip" in that city.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import pendulum
from peewee import fn

from netui import events, followups, upkeep, when
from netui.appointments import day_text
from netui.errors import ValidationError
from netui.i18n import _
from netui.rules import city_spelling
from netui.store.models import Contact, Event, database
from netui.text import fold_key, full_name

TELL_THEM_DAYS_BEFORE = 7


@dataclass(frozen=True)
class TripPerson:
    contact_id: int
    name: str
    company: str
    role: str
    city: str
    last_contacted: pendulum.DateTime | None
    days_overdue: int
    warmth: str
    open_followups: list[followups.FollowUpInfo] = field(default_factory=list)


def people_in_city(city: str, today: dt.date | None = None) -> list[TripPerson]:
    """Living contacts whose city is `city` (folded), overdue first, then warmest."""
    key = fold_key(city)
    if not key:
        raise ValidationError("city", _("Name the city of the trip."))
    rows = list(
        Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name, Contact.company,
                       Contact.role, Contact.city, Contact.last_contacted_at)
        .where(fn.fold_key(Contact.city) == key, Contact.trashed_at.is_null())
    )
    ids = [row.id for row in rows]
    statuses = upkeep.status_for(ids, today)
    open_items = followups.open_for_contacts(ids)
    people = [
        (row.sort_name, TripPerson(
            contact_id=row.id, name=full_name(row.first_name, row.last_name), company=row.company, role=row.role,
            city=row.city, last_contacted=row.last_contacted_at, days_overdue=statuses[row.id].days_overdue,
            warmth=statuses[row.id].warmth, open_followups=open_items.get(row.id, []),
        ))
        for row in rows
    ]
    people.sort(key=lambda pair: (
        -pair[1].days_overdue,
        pair[1].last_contacted is None,
        -(pair[1].last_contacted.timestamp() if pair[1].last_contacted else 0),
        pair[0], pair[1].contact_id,
    ))
    return [person for _key, person in people]


def plan_trip(city: str, start: dt.date | str, end: dt.date | str | None = None) -> int:
    """Save the trip as an event of kind "trip" ("Trip to Milano", planned), from the first day
    to the last (both local days, whole days); returns the event id."""
    name = spelling_in_network(city)
    first = _day(start, "from")
    last = _day(end, "to") if end is not None else first
    if last < first:
        raise ValidationError("to", _("The trip ends before it starts."))
    zone = when.local_zone()
    return events.create_event(
        _("Trip to {city}", city=name), kind="trip", city=name, status="planned", timezone=zone.name,
        starts_at=pendulum.datetime(first.year, first.month, first.day, tz=zone),
        ends_at=pendulum.datetime(last.year, last.month, last.day, 23, 59, tz=zone),
    )


def create_trip_followups(
    contact_ids: Iterable[int], trip_event_id: int, due: dt.date | str | None = None
) -> list[int]:
    """A "tell them about my trip" follow-up for each person, linked to the trip event. Due by
    default a week before the trip (today if that has passed). Returns their ids."""
    trip = events.get_event(trip_event_id)
    if due is None:
        first = when.plain_date(trip.starts_at.in_timezone(when.local_zone())) if trip.starts_at else when.today()
        due = max(when.today(), first - dt.timedelta(days=TELL_THEM_DAYS_BEFORE))
    city = trip.city or trip.title
    if trip.starts_at:  # written in the user's language: it is their follow-up
        first_day = when.plain_date(trip.starts_at.in_timezone(when.local_zone()))
        action = _("Tell them about my trip to {city} ({day})", city=city, day=day_text(first_day))
    else:
        action = _("Tell them about my trip to {city}", city=city)
    with database.atomic():
        return [followups.create_followup(cid, due, action, source_event_id=trip_event_id)
                for cid in dict.fromkeys(contact_ids)]


def _day(value, field_name: str) -> dt.date:
    if isinstance(value, str):
        return when.parse_date(value, field_name, future=True)
    return when.plain_date(value)


def spelling_in_network(city: str) -> str:
    """The way the contacts write this city (rules.city_spelling), else as typed."""
    key = fold_key(city)
    if not key:
        raise ValidationError("city", _("Name the city of the trip."))
    written = (Contact.select(Contact.city)
               .where(fn.fold_key(Contact.city) == key, Contact.trashed_at.is_null()).tuples())
    return city_spelling(city, (spelling for (spelling,) in written))


def trips(limit: int = 20) -> list[events.EventSummary]:
    """Saved trips, the latest first."""
    ids = [e.id for e in Event.select(Event.id).where(Event.kind == "trip")
           .order_by(Event.starts_at.desc(nulls="LAST")).limit(limit)]
    return [events.get_event(i) for i in ids]


def trip_key(city: str, start: str, end: str) -> tuple[str, str, str]:
    """What makes two requests the same trip: the city and the days as typed, ignoring case
    and spacing. Telling more people about the same trip reuses its event; another city or
    other days make a new one."""
    return (" ".join(city.lower().split()), start.strip().lower(), end.strip().lower())


@dataclass(frozen=True)
class TripTold:
    trip_id: int  # the trip's event
    followups: list[int]  # the follow-ups created
    city: str  # the trip's city, as saved


def tell_about_trip(contact_ids: Iterable[int], city: str, start: str, end: str,
                    same_trip: int | None = None) -> TripTold:
    """A "tell them about my trip" follow-up for each person; the trip is saved first unless
    `same_trip` (the event saved for the same trip_key) is given."""
    trip_id = same_trip if same_trip is not None else plan_trip(city, start, end.strip() or None)
    created = create_trip_followups(contact_ids, trip_id)
    return TripTold(trip_id, created, events.get_event(trip_id).city)
