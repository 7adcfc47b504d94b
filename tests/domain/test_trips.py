"""Trips: people in a city (overdue first, then warmest), the trip event and its follow-ups."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from conftest import FROZEN_NOW, travel
from netui import contacts, events, followups, lifecycle, timeline, trips
from netui.errors import ValidationError

ROME = "Europe/Rome"


def at(days_ago):
    return FROZEN_NOW.subtract(days=days_ago)


@pytest.fixture
def milano(frozen, database):
    with travel(frozen.subtract(years=2)):  # known long before their last calls
        ids = {
            "warm": contacts.create_contact("Anna Rossi", city="Milano"),
            "warmer": contacts.create_contact("Bruno Galli", city="milano"),
            "late_10": contacts.create_contact("Carla Neri", city="MILANO", cadence_days=30),
            "late_40": contacts.create_contact("Dario Conti", city="Milano", cadence_days=14),
            "never": contacts.create_contact("Elena Bassi", city="Milano"),
            "elsewhere": contacts.create_contact("Fabio Riva", city="Torino"),
            "trashed": contacts.create_contact("Gino Lodi", city="Milano"),
        }
    timeline.log_interaction([ids["warm"]], "call", at(20))
    timeline.log_interaction([ids["warmer"]], "call", at(2))
    timeline.log_interaction([ids["late_10"]], "call", at(40))
    timeline.log_interaction([ids["late_40"]], "call", at(54))
    timeline.log_interaction([ids["elsewhere"]], "call", at(1))
    lifecycle.trash_contact(ids["trashed"])
    return ids


def test_overdue_first_then_warmest(milano):
    followups.create_followup(milano["warm"], FROZEN_NOW.date() + dt.timedelta(days=2), "Send the paper")
    people = trips.people_in_city("milano")
    assert [p.contact_id for p in people] == [
        milano["late_40"], milano["late_10"], milano["warmer"], milano["warm"], milano["never"]]
    assert [p.days_overdue for p in people[:2]] == [40, 10]
    warm = people[3]
    assert [f.action for f in warm.open_followups] == ["Send the paper"]
    assert warm.last_contacted == at(20).in_timezone("UTC")
    assert warm.warmth == "warm"


def test_city_is_folded(frozen, database):
    lodz = contacts.create_contact("Jan Nowak", city="Łódź")
    assert [p.contact_id for p in trips.people_in_city("lodz")] == [lodz]
    with pytest.raises(ValidationError):
        trips.people_in_city("  ")


def test_plan_trip_and_tell_them(milano):
    today = FROZEN_NOW.date()
    first, last = today + dt.timedelta(days=11), today + dt.timedelta(days=13)
    week_before = first - dt.timedelta(days=7)
    trip = trips.plan_trip("MILANO", str(first), str(last))
    saved = events.get_event(trip)
    assert (saved.title, saved.kind, saved.city, saved.status) == ("Trip to Milano", "trip", "Milano", "planned")
    assert saved.starts_at == pendulum.datetime(first.year, first.month, first.day, tz=ROME)
    created = trips.create_trip_followups([milano["warm"], milano["late_10"]], trip)
    items = [followups.get_followup(i) for i in created]
    assert {(f.contact_id, f.due_on, f.source_event_id) for f in items} == {
        (milano["warm"], week_before, trip), (milano["late_10"], week_before, trip)}
    assert items[0].action == f"Tell them about my trip to Milano ({first})"
    assert [t.id for t in trips.trips()] == [trip]
    with pytest.raises(ValidationError):
        trips.plan_trip("Milano", str(first), str(first - dt.timedelta(days=1)))
