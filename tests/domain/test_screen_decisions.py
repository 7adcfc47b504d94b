"""Decisions the TUI used to take itself, now domain functions: what done and snooze do on a
Today row (agenda.complete / agenda.snooze), the event status cycle (events.next_status), when
two trip requests are the same trip (trips.trip_key, trips.tell_about_trip), and how a city is
spelled (trips.spelling_in_network)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FROZEN_NOW, travel
from netui import agenda, appointments, contacts, events, followups, timeline, trips, upkeep
from netui.errors import NetuiError
from netui.store.models import EVENT_STATUSES

TODAY = FROZEN_NOW.date()


@pytest.fixture
def people(database, frozen):
    with travel(FROZEN_NOW.subtract(years=1)):
        return {name: contacts.create_contact(name, city=city) for name, city in
                (("Anna Rossi", "Milano"), ("Bruno Galli", "milano"), ("Carla Neri", "Milano"))}


def rows_of(kind: str) -> list[agenda.AgendaRow]:
    return [row for section in agenda.today_agenda(7).sections for row in section.rows if row.kind == kind]


# --- agenda.complete / agenda.snooze ------------------------------------------------------

def test_done_on_a_followup_completes_it_without_logging(people):
    anna = people["Anna Rossi"]
    followups.create_followup(anna, TODAY, "Send the deck", channel="email")
    [row] = rows_of("followup")
    assert agenda.complete(row) is None
    assert followups.get_followup(row.id).done_at is not None
    assert timeline.count_interactions() == 0
    assert rows_of("followup") == []


def test_done_and_log_on_a_followup_logs_the_interaction_of_its_channel(people):
    anna = people["Anna Rossi"]
    followups.create_followup(anna, TODAY, "Send the deck", channel="email")
    [row] = rows_of("followup")
    assert agenda.complete(row, log=True) == followups.log_kind_for("email")
    assert timeline.count_interactions(anna) == 1


def test_done_on_an_appointment_marks_the_occurrence_done(people):
    bruno = people["Bruno Galli"]
    appointments.create_appointment("Tennis", [bruno], f"{TODAY.subtract(weeks=1)} 18:00",
                                    weekdays=TODAY.format("ddd").lower())
    [row] = rows_of("appointment")
    assert agenda.complete(row) == "appointment"
    assert rows_of("appointment") == []
    assert timeline.count_interactions(bruno) == 1  # marking it done logs it


def test_rows_without_done_are_refused(people):
    row = agenda.AgendaRow("date", 1, (people["Anna Rossi"],), ("Anna Rossi",), "birthday", TODAY, 2)
    assert row.kind not in agenda.COMPLETABLE_KINDS
    with pytest.raises(ValueError):
        agenda.complete(row)


def test_snooze_puts_a_followup_off_some_days(people):
    followups.create_followup(people["Anna Rossi"], TODAY.subtract(days=3), "Call back")
    [row] = rows_of("followup")
    assert agenda.snooze_asks_days(row)
    until = agenda.snooze(row, 4)
    assert until == TODAY + dt.timedelta(days=4)
    assert followups.get_followup(row.id).effective_due == until


def test_snooze_puts_a_keep_in_touch_off_some_days(people):
    anna = people["Anna Rossi"]
    contacts.update_contact(anna, cadence_days=30)
    timeline.log_interaction([anna], "call", FROZEN_NOW.subtract(days=59).at(12, 0))
    [row] = rows_of("cadence")
    until = agenda.snooze(row, 7)
    assert until == TODAY + dt.timedelta(days=7)
    assert rows_of("cadence") == []
    assert upkeep.keep_in_touch(anna).overdue is False


def test_snooze_skips_an_appointments_occurrence(people):
    appointments.create_appointment("Tennis", [people["Bruno Galli"]], f"{TODAY.subtract(weeks=1)} 18:00",
                                    weekdays=TODAY.format("ddd").lower())
    [row] = rows_of("appointment")
    assert not agenda.snooze_asks_days(row)
    assert agenda.snooze(row) is None
    assert rows_of("appointment") == []
    assert timeline.count_interactions() == 0  # skipped, not done


def test_a_followup_snooze_needs_its_days(people):
    followups.create_followup(people["Anna Rossi"], TODAY, "Call back")
    [row] = rows_of("followup")
    with pytest.raises(ValueError):
        agenda.snooze(row)


# --- events.next_status -------------------------------------------------------------------

def test_the_status_cycle_follows_the_statuses_and_comes_round():
    assert [events.next_status(s) for s in EVENT_STATUSES] == ["planned", "registered", "attended", "skipped", "idea"]


def test_a_refused_attended_leads_on_to_skipped(database, frozen):
    """The event screen asks for the status after the refused one: from attended, skipped."""
    event = events.create_event("Fintech Forum", starts_at=f"{TODAY.add(days=5)} 09:00", status="registered")
    following = events.next_status("registered")
    with pytest.raises(NetuiError):
        events.set_event_status(event, following)  # it has not started yet
    events.set_event_status(event, events.next_status(following))
    assert events.get_event(event).status == "skipped"


# --- trips --------------------------------------------------------------------------------

def test_the_same_trip_ignores_case_and_spacing():
    assert trips.trip_key(" Milano ", "Friday ", "") == trips.trip_key("milano", "friday", " ")
    assert trips.trip_key("Milano", "friday", "") != trips.trip_key("Milano", "saturday", "")
    assert trips.trip_key("Milano", "friday", "") != trips.trip_key("Torino", "friday", "")


def test_telling_about_the_same_trip_twice_keeps_one_trip(people):
    anna, bruno = people["Anna Rossi"], people["Bruno Galli"]
    first = trips.tell_about_trip([anna], "milano", str(TODAY.add(days=20)), "")
    second = trips.tell_about_trip([bruno], "milano", str(TODAY.add(days=20)), "", same_trip=first.trip_id)
    assert second.trip_id == first.trip_id
    assert [e.id for e in trips.trips()] == [first.trip_id]
    assert len(first.followups) == len(second.followups) == 1
    other = trips.tell_about_trip([anna], "milano", str(TODAY.add(days=40)), "")
    assert other.trip_id != first.trip_id


def test_the_city_is_spelled_as_most_contacts_write_it(people):
    assert trips.spelling_in_network("MILANO") == "Milano"
    assert trips.spelling_in_network("  Nowhere   Town ") == "Nowhere Town"
    assert trips.tell_about_trip([people["Anna Rossi"]], "milano", str(TODAY.add(days=20)), "").city == "Milano"
