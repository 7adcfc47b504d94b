"""Recurring appointments: RFC 5545 rules through dateutil, occurrences in the local day,
done (logs an interaction) and skipped."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from netui import appointments, contacts, timeline
from netui.errors import ValidationError


@pytest.fixture
def anna(database):
    return contacts.create_contact("Anna Rossi")


def days(occurrences):
    return [o.occurs_on for o in occurrences]


def test_weekly_on_tuesday_and_thursday_until_a_date(anna, frozen):
    appointment = appointments.create_appointment(
        "Tennis", [anna], "2026-12-01 18:30", weekdays="tue,thu", until="2026-12-17")
    found = appointments.occurrences_between(dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    assert days(found) == [dt.date(2026, 12, d) for d in (1, 3, 8, 10, 15, 17)]
    assert found[0].starts_at == pendulum.datetime(2026, 12, 1, 18, 30, tz="Europe/Rome")
    assert found[0].ends_at == found[0].starts_at.add(minutes=60)
    info = appointments.get_appointment(appointment)
    assert info.rrule == "FREQ=WEEKLY;UNTIL=20261217T235959;BYDAY=TU,TH"
    assert info.description == "every week on Tue, Thu at 18:30 until 2026-12-17"
    assert [p.name for p in info.participants] == ["Anna Rossi"]


def test_monthly_on_the_31st_skips_shorter_months(anna, frozen):
    appointments.create_appointment("Review", [anna], "2027-01-31 09:00", freq="monthly", count=4)
    found = appointments.occurrences_between(dt.date(2027, 1, 1), dt.date(2028, 12, 31))
    assert days(found) == [dt.date(2027, 1, 31), dt.date(2027, 3, 31), dt.date(2027, 5, 31), dt.date(2027, 7, 31)]


def test_every_two_weeks_keeps_local_time_across_daylight_saving(anna, frozen):
    appointments.create_appointment("1:1", [anna], "2026-10-13 09:00", interval=2, count=3)
    found = appointments.occurrences_between(dt.date(2026, 10, 1), dt.date(2026, 12, 1))
    assert [o.starts_at.hour for o in found] == [9, 9, 9]  # Rome leaves summer time on 25 October
    assert days(found) == [dt.date(2026, 10, 13), dt.date(2026, 10, 27), dt.date(2026, 11, 10)]


def test_late_evening_occurrence_belongs_to_its_local_day(anna, frozen):
    appointments.create_appointment("Call", [anna], "2026-11-30 23:30", count=1)
    assert days(appointments.occurrences_between(dt.date(2026, 11, 30), dt.date(2026, 11, 30))) == [
        dt.date(2026, 11, 30)]
    assert appointments.occurrences_between(dt.date(2026, 12, 1), dt.date(2026, 12, 1)) == []


def test_mark_done_logs_an_interaction_and_leaves_the_open_list(anna, frozen):
    first = frozen.subtract(days=3).at(13, 0)  # weekly lunch, three times from three days ago
    second, third = first.add(weeks=1).date(), first.add(weeks=2).date()
    marco = contacts.create_contact("Marco Bianchi")
    appointment = appointments.create_appointment(
        "Lunch", [anna, marco], first.format("YYYY-MM-DD HH:mm"), count=3)
    assert days(appointments.next_occurrences(anna, n=5)) == [second, third]

    interaction_id = appointments.mark_done(appointment, first.date())
    info = timeline.get_interaction(interaction_id)
    assert (info.kind, info.summary) == ("meeting", "Lunch")
    assert info.occurred_at == first.in_tz("UTC")
    assert {p.id for p in info.participants} == {anna, marco}
    assert contacts.last_contacted(marco) == info.occurred_at

    appointments.skip_occurrence(appointment, str(second))
    statuses = [(o.occurs_on, o.status)
                for o in appointments.occurrences_between(first.date().subtract(days=30), third.add(days=30))]
    assert statuses == [(first.date(), "done"), (second, "skipped"), (third, "open")]
    assert days(appointments.next_occurrences(anna)) == [third]
    with pytest.raises(ValidationError) as caught:
        appointments.mark_done(appointment, second.add(days=1))
    assert caught.value.field == "date"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"freq": "daily"}, "freq"), ({"weekdays": "tue,funday"}, "weekdays"), ({"interval": 0}, "interval"),
     ({"until": "2026-01-01"}, "until"), ({"until": "2027-01-01", "count": 3}, "until"),
     ({"freq": "monthly", "weekdays": "mon"}, "weekdays"), ({"count": 0}, "count"), ({"duration_minutes": 0}, "duration")],
)
def test_bad_rules_are_refused(anna, frozen, kwargs, field):
    with pytest.raises(ValidationError) as caught:
        appointments.create_appointment("X", [anna], "2026-12-01 10:00", **kwargs)
    assert caught.value.field == field
    assert appointments.list_appointments() == []


def test_a_later_day_cannot_be_done_yet_but_later_today_can(anna, frozen):
    later_today = frozen.at(23, 59)  # weekly, from later today
    appointment = appointments.create_appointment("Call", [anna], later_today.format("YYYY-MM-DD HH:mm"), count=2)
    with pytest.raises(ValidationError) as caught:
        appointments.mark_done(appointment, later_today.date().add(weeks=1))
    assert "has not happened yet" in str(caught.value)
    interaction_id = appointments.mark_done(appointment, frozen.date())
    assert timeline.get_interaction(interaction_id).occurred_at == pendulum.now("UTC")


def test_the_description_and_errors_in_italian(anna, frozen, italian):
    appointment = appointments.create_appointment(
        "Tennis", [anna], "2026-12-07 09:00", interval=2, weekdays="lunedì", until="2026-12-31")
    assert appointments.get_appointment(appointment).description == (
        "ogni 2 settimane il lunedì alle 09:00 fino al 31/12/2026")
    monthly = appointments.create_appointment("Review", [anna], "2027-01-31 09:00", freq="monthly", count=4)
    assert appointments.get_appointment(monthly).description == "ogni mese il giorno 31 alle 09:00, 4 volte"
    with pytest.raises(ValidationError) as error:
        appointments.create_appointment("Tennis", [anna], "2026-12-07 09:00", weekdays="tue,xyz")
    assert error.value.message == "'xyz' non è un giorno della settimana (lun, mar, ... o lunedì)."
