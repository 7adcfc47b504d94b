"""Today's agenda: its sections and their order, local day boundaries."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from conftest import travel
from netui import agenda, appointments, contacts, dates, events, followups, timeline
from netui.errors import ValidationError

TODAY = dt.date(2026, 11, 29)
ROME = "Europe/Rome"


@pytest.fixture
def network(database, frozen):
    with travel(pendulum.datetime(2025, 1, 1, tz=ROME)):
        people = {name: contacts.create_contact(name) for name in ("Anna Rossi", "Bruno Galli", "Carla Neri")}
    return people


def test_sections_in_order_with_their_rows(network):
    anna, bruno, carla = network["Anna Rossi"], network["Bruno Galli"], network["Carla Neri"]
    late = followups.create_followup(anna, "2026-11-20", "Send the deck", channel="email")
    later = followups.create_followup(bruno, "2026-11-27", "Call back")
    due = followups.create_followup(carla, "2026-11-29", "Intro to Marco")
    followups.create_followup(carla, "2026-12-02", "Not yet")
    appointments.create_appointment("Tennis", [bruno], "2026-11-22 18:00", weekdays="sun")
    dates.add_date(carla, "birthday", "1986-12-01")
    dates.add_date(anna, "name day", "--12-24")  # outside 7 days, reminder 7: not shown
    contacts.update_contact(anna, cadence_days=30)
    timeline.log_interaction([anna], "call", pendulum.datetime(2026, 10, 1, 12, tz=ROME))
    contacts.update_contact(bruno, cadence_days=7)
    timeline.log_interaction([bruno], "call", pendulum.datetime(2026, 11, 1, 12, tz=ROME))
    event = events.create_event("Fintech Forum", starts_at="2026-12-04 09:00", city="Milano", status="planned")

    today = agenda.today_agenda(7)
    assert [s.key for s in today.sections] == list(agenda.SECTION_KEYS)
    rows = {s.key: [(r.kind, r.id, r.days) for r in s.rows] for s in today.sections}
    assert rows == {
        "overdue_followups": [("followup", late, 9), ("followup", later, 2)],
        "due_followups": [("followup", due, 0)],
        "appointments": [("appointment", 1, 0)],
        "dates": [("date", 1, 2)],
        "overdue_cadences": [("cadence", anna, 29), ("cadence", bruno, 21)],
        "events": [("event", event, 5)],
    }
    date_row = today.section("dates").rows[0]
    assert (date_row.label, date_row.detail, date_row.names, date_row.contact_ids, date_row.on) == (
        "birthday", "turns 40", ("Carla Neri",), (carla,), dt.date(2026, 12, 1))
    tennis = today.section("appointments").rows[0]
    assert (tennis.at, tennis.contact_ids) == (pendulum.datetime(2026, 11, 29, 18, tz=ROME), (bruno,))

    appointments.mark_done(1, TODAY)
    assert agenda.today_agenda(7).section("appointments").rows == []


def test_cadences_most_overdue_first(network):
    anna, bruno = network["Anna Rossi"], network["Bruno Galli"]
    contacts.update_contact(anna, cadence_days=30)
    contacts.update_contact(bruno, cadence_days=30)
    timeline.log_interaction([anna], "call", pendulum.datetime(2026, 10, 20, 12, tz=ROME))
    timeline.log_interaction([bruno], "call", pendulum.datetime(2026, 9, 20, 12, tz=ROME))
    rows = agenda.today_agenda().section("overdue_cadences").rows
    assert [(r.id, r.days) for r in rows] == [(bruno, 40), (anna, 10)]


def test_event_at_2330_rome_belongs_to_that_rome_day(network):
    late_evening = events.create_event("Dinner", starts_at=pendulum.datetime(2026, 12, 13, 23, 30, tz=ROME))
    events.create_event("After midnight", starts_at=pendulum.datetime(2026, 12, 14, 0, 30, tz=ROME))
    events.create_event("Yesterday night", starts_at=pendulum.datetime(2026, 11, 28, 23, 30, tz=ROME))
    rows = agenda.today_agenda().section("events").rows
    # 23:30 in Rome on 13 December is 22:30 UTC; 00:30 on the 14th is 23:30 UTC on the 13th
    assert [(r.id, r.on, r.days) for r in rows] == [(late_evening, dt.date(2026, 12, 13), 14)]


def test_today_at_2330_rome(network):
    with travel(pendulum.datetime(2026, 11, 29, 23, 30, tz=ROME)):
        followups.create_followup(network["Anna Rossi"], "2026-11-29", "Today, still")
        today = agenda.today_agenda()
        assert today.today == TODAY  # 22:30 UTC, but still the 29th in Rome
        assert len(today.section("due_followups").rows) == 1


def test_json_form(network):
    followups.create_followup(network["Anna Rossi"], "2026-11-28", "Ping", channel="phone")
    data = agenda.today_agenda(3).to_json()
    assert data["today"] == "2026-11-29" and data["days"] == 3
    assert [s["key"] for s in data["sections"]] == list(agenda.SECTION_KEYS)
    assert data["sections"][0]["rows"] == [{
        "kind": "followup", "id": 1, "contact_ids": [network["Anna Rossi"]], "names": ["Anna Rossi"],
        "label": "Ping", "on": "2026-11-28", "days": 1, "at": None, "detail": "phone"}]


def test_bad_days():
    with pytest.raises(ValidationError):
        agenda.today_agenda(-1)
