"""Today's agenda: its sections and their order, local day boundaries.

Today is the stopped clock's day (FROZEN_NOW in Rome); every date here is counted from it.
"""

from __future__ import annotations

import pytest

from conftest import FROZEN_NOW, travel
from netui import agenda, appointments, contacts, dates, events, followups, timeline
from netui.errors import ValidationError

TODAY = FROZEN_NOW.date()


@pytest.fixture
def network(database, frozen):
    with travel(FROZEN_NOW.subtract(years=2)):
        people = {name: contacts.create_contact(name) for name in ("Anna Rossi", "Bruno Galli", "Carla Neri")}
    return people


def test_sections_in_order_with_their_rows(network):
    anna, bruno, carla = network["Anna Rossi"], network["Bruno Galli"], network["Carla Neri"]
    late = followups.create_followup(anna, TODAY.subtract(days=9), "Send the deck", channel="email")
    later = followups.create_followup(bruno, TODAY.subtract(days=2), "Call back")
    due = followups.create_followup(carla, TODAY, "Intro to Marco")
    followups.create_followup(carla, TODAY.add(days=3), "Not yet")
    # every week on today's weekday, since a week ago
    appointments.create_appointment("Tennis", [bruno], f"{TODAY.subtract(weeks=1)} 18:00",
                                    weekdays=TODAY.format("ddd").lower())
    birthday = TODAY.add(days=2)
    dates.add_date(carla, "birthday", str(birthday.subtract(years=40)))
    dates.add_date(anna, "name day", f"--{TODAY.add(days=25):%m-%d}")  # outside 7 days, reminder 7: not shown
    contacts.update_contact(anna, cadence_days=30)
    timeline.log_interaction([anna], "call", FROZEN_NOW.subtract(days=59).at(12, 0))
    contacts.update_contact(bruno, cadence_days=7)
    timeline.log_interaction([bruno], "call", FROZEN_NOW.subtract(days=28).at(12, 0))
    event = events.create_event("Fintech Forum", starts_at=f"{TODAY.add(days=5)} 09:00", city="Milano",
                                status="planned")

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
        "birthday", "turns 40", ("Carla Neri",), (carla,), birthday)
    tennis = today.section("appointments").rows[0]
    assert (tennis.at, tennis.contact_ids) == (FROZEN_NOW.at(18, 0), (bruno,))

    appointments.mark_done(1, TODAY)
    assert agenda.today_agenda(7).section("appointments").rows == []


def test_cadences_most_overdue_first(network):
    anna, bruno = network["Anna Rossi"], network["Bruno Galli"]
    contacts.update_contact(anna, cadence_days=30)
    contacts.update_contact(bruno, cadence_days=30)
    timeline.log_interaction([anna], "call", FROZEN_NOW.subtract(days=40).at(12, 0))
    timeline.log_interaction([bruno], "call", FROZEN_NOW.subtract(days=70).at(12, 0))
    rows = agenda.today_agenda().section("overdue_cadences").rows
    assert [(r.id, r.days) for r in rows] == [(bruno, 40), (anna, 10)]


def test_event_at_2330_rome_belongs_to_that_rome_day(network):
    last_day = FROZEN_NOW.add(days=agenda.EVENT_DAYS)  # the last day events are looked ahead to
    late_evening = events.create_event("Dinner", starts_at=last_day.at(23, 30))
    events.create_event("After midnight", starts_at=last_day.add(days=1).at(0, 30))
    events.create_event("Yesterday night", starts_at=FROZEN_NOW.subtract(days=1).at(23, 30))
    rows = agenda.today_agenda().section("events").rows
    # in winter 23:30 in Rome is 22:30 UTC, and 00:30 the next day is 23:30 UTC on the last day
    assert [(r.id, r.on, r.days) for r in rows] == [(late_evening, last_day.date(), 14)]


def test_today_at_2330_rome(network):
    with travel(FROZEN_NOW.at(23, 30)):
        followups.create_followup(network["Anna Rossi"], str(TODAY), "Today, still")
        today = agenda.today_agenda()
        assert today.today == TODAY  # 22:30 UTC in winter, but still today in Rome
        assert len(today.section("due_followups").rows) == 1


def test_json_form(network):
    yesterday = TODAY.subtract(days=1)
    followups.create_followup(network["Anna Rossi"], str(yesterday), "Ping", channel="phone")
    data = agenda.today_agenda(3).to_json()
    assert data["today"] == str(TODAY) and data["days"] == 3
    assert [s["key"] for s in data["sections"]] == list(agenda.SECTION_KEYS)
    assert data["sections"][0]["rows"] == [{
        "kind": "followup", "id": 1, "contact_ids": [network["Anna Rossi"]], "names": ["Anna Rossi"],
        "label": "Ping", "on": str(yesterday), "days": 1, "at": None, "detail": "phone", "owner": ""}]


def test_bad_days():
    with pytest.raises(ValidationError):
        agenda.today_agenda(-1)
