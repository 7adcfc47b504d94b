"""Trips: people in a city (overdue first, then warmest), the trip event and its follow-ups."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from conftest import travel
from netui import contacts, events, followups, timeline, trips
from netui.errors import ValidationError

ROME = "Europe/Rome"


def at(days_ago):
    return pendulum.datetime(2026, 11, 29, 9, tz=ROME).subtract(days=days_ago)


@pytest.fixture
def milano(database, frozen):
    with travel(pendulum.datetime(2025, 1, 1, tz=ROME)):
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
    contacts.trash_contact(ids["trashed"])
    return ids


def test_overdue_first_then_warmest(milano):
    followups.create_followup(milano["warm"], "2026-12-01", "Send the paper")
    people = trips.people_in_city("milano")
    assert [p.contact_id for p in people] == [
        milano["late_40"], milano["late_10"], milano["warmer"], milano["warm"], milano["never"]]
    assert [p.days_overdue for p in people[:2]] == [40, 10]
    warm = people[3]
    assert [f.action for f in warm.open_followups] == ["Send the paper"]
    assert warm.last_contacted == at(20).in_timezone("UTC")
    assert warm.warmth == "warm"


def test_city_is_folded(database, frozen):
    lodz = contacts.create_contact("Jan Nowak", city="Łódź")
    assert [p.contact_id for p in trips.people_in_city("lodz")] == [lodz]
    with pytest.raises(ValidationError):
        trips.people_in_city("  ")


def test_plan_trip_and_tell_them(milano):
    trip = trips.plan_trip("MILANO", "2026-12-10", "2026-12-12")
    saved = events.get_event(trip)
    assert (saved.title, saved.kind, saved.city, saved.status) == ("Trip to Milano", "trip", "Milano", "planned")
    assert saved.starts_at == pendulum.datetime(2026, 12, 10, tz=ROME)
    created = trips.create_trip_followups([milano["warm"], milano["late_10"]], trip)
    items = [followups.get_followup(i) for i in created]
    assert {(f.contact_id, f.due_on, f.source_event_id) for f in items} == {
        (milano["warm"], dt.date(2026, 12, 3), trip), (milano["late_10"], dt.date(2026, 12, 3), trip)}
    assert items[0].action == "Tell them about my trip to Milano (2026-12-10)"
    assert [t.id for t in trips.trips()] == [trip]
    with pytest.raises(ValidationError):
        trips.plan_trip("Milano", "2026-12-10", "2026-12-09")
