"""The same typed dates everywhere (issue 17, item 4): "in 5 days 09:00", "next week",
"next friday", "tomorrow at 18:00" and their Italian forms are read by netui.when, the one
parser every date field and every CLI date flag goes through.

Dates are relative to the stopped clock (`frozen`), in Rome's zone; tables whose point is a
weekday use `known_sunday` (Sunday 29 November 2026).
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from netui import appointments, contacts, events, followups, giving, timeline, when
from netui.errors import ValidationError


def rome(moment: pendulum.DateTime) -> pendulum.DateTime:
    return moment.in_timezone("Europe/Rome")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("in 5 days 09:00", lambda now: now.add(days=5).at(9, 0)),
        ("in 5 days at 9am", lambda now: now.add(days=5).at(9, 0)),
        ("in 2 weeks 18:30", lambda now: now.add(weeks=2).at(18, 30)),
        ("3 days ago 18:00", lambda now: now.subtract(days=3).at(18, 0)),
        ("next week", lambda now: now.add(weeks=1)),
        ("next week 9:00", lambda now: now.add(weeks=1).at(9, 0)),
        ("next month", lambda now: now.add(months=1)),
        ("last week", lambda now: now.subtract(weeks=1)),
        ("tomorrow at 18:00", lambda now: now.add(days=1).at(18, 0)),
        ("tomorrow 18:00", lambda now: now.add(days=1).at(18, 0)),
    ],
)
def test_english_phrases_with_and_without_a_time(frozen, typed, expected):
    assert rome(when.parse_when(typed)) == expected(rome(frozen))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("next friday", dt.date(2026, 12, 4)),
        ("next friday 10:00", dt.date(2026, 12, 4)),
        ("last friday", dt.date(2026, 11, 27)),
        ("next sunday", dt.date(2026, 12, 6)),  # on a Sunday: the one in a week
        ("this sunday", dt.date(2026, 11, 29)),
    ],
)
def test_next_and_last_weekday(known_sunday, typed, expected):
    assert when.parse_date(typed) == expected
    assert rome(when.parse_when(typed)).date() == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("domani alle 9", lambda now: now.add(days=1).at(9, 0)),
        ("tra 5 giorni", lambda now: now.add(days=5)),
        ("tra 5 giorni alle 9", lambda now: now.add(days=5).at(9, 0)),
        ("fra 2 settimane 18:30", lambda now: now.add(weeks=2).at(18, 30)),
        ("la prossima settimana", lambda now: now.add(weeks=1)),
        ("la prossima settimana alle 10", lambda now: now.add(weeks=1).at(10, 0)),
        ("3 giorni fa sera", lambda now: now.subtract(days=3).at(19, 0)),
        ("domani sera", lambda now: now.add(days=1).at(19, 0)),
    ],
)
def test_italian_phrases(frozen, italian, typed, expected):
    assert rome(when.parse_when(typed)) == expected(rome(frozen))


def test_italian_weekday_names(known_sunday, italian):
    assert when.parse_date("venerdì", future=True) == dt.date(2026, 12, 4)
    assert when.parse_date("venerdì") == dt.date(2026, 11, 27)
    assert when.parse_date("lunedì prossimo alle 10") == dt.date(2026, 11, 30)


def test_a_time_after_hours_is_refused_in_one_sentence(frozen):
    with pytest.raises(ValidationError) as error:
        when.parse_when("in 2 hours 9:00", "starts_at")
    assert error.value.field == "starts_at" and "time of day" in error.value.message


@pytest.mark.parametrize("typed", ["31/02", "2026-02-31", "31/02/2026"])
def test_impossible_day_names_its_field(frozen, italian, typed):
    with pytest.raises(ValidationError) as error:
        when.parse_date(typed, "due_on", future=True)
    assert error.value.field == "due_on"
    assert "31/02" in error.value.message and error.value.message.count(".") == 1


# --- every domain date field reads them ------------------------------------------------------


def test_event_times_read_typed_words(database, frozen):
    event_id = events.create_event("Festival", starts_at="in 5 days 09:00", ends_at="in 5 days 18:00")
    detail = events.get_event(event_id)
    start = rome(frozen).add(days=5)
    assert rome(detail.starts_at) == start.at(9, 0) and rome(detail.ends_at) == start.at(18, 0)
    events.update_event(event_id, starts_at="next week", ends_at="")
    assert rome(events.get_event(event_id).starts_at).date() == rome(frozen).add(weeks=1).date()


def test_event_times_in_italian(database, frozen, italian):
    event_id = events.create_event("Convegno", starts_at="domani alle 9")
    assert rome(events.get_event(event_id).starts_at) == rome(frozen).add(days=1).at(9, 0)


def test_followups_appointments_favours_and_logs_read_them(database, frozen):
    anna = contacts.create_contact("Anna Bianchi")
    today = rome(frozen).date()
    due = followups.get_followup(followups.create_followup(anna, "next week", "send the deck")).due_on
    assert due == today + dt.timedelta(days=7)
    followup_id = followups.create_followup(anna, "in 5 days 09:00", "call")
    assert followups.get_followup(followup_id).due_on == today + dt.timedelta(days=5)
    followups.reschedule_followup(followup_id, "next friday")
    assert followups.get_followup(followup_id).due_on.weekday() == 4
    appointment = appointments.create_appointment("Coffee", [anna], "tomorrow at 18:00", freq="weekly")
    assert appointments.next_occurrences(anna, n=1)[0].starts_at.date() == today + dt.timedelta(days=1)
    assert appointment
    interaction = timeline.log_interaction([anna], "call", "3 days ago 18:00")
    assert rome(timeline.get_interaction(interaction).occurred_at) == rome(frozen).subtract(days=3).at(18, 0)
    favour = giving.record_favour(anna, "gave", "advice", on="last week")
    assert favour


@pytest.mark.parametrize(("typed", "expected"), [
    ("15 aprile", (None, 4, 15)), ("15 April 1985", (1985, 4, 15)), ("April 15, 1985", (1985, 4, 15)),
    ("3 dic", (None, 12, 3)), ("29 febbraio", (None, 2, 29)),
])
def test_important_dates_take_the_months_name(typed, expected):
    from netui import rules

    assert rules.parse_important_date(typed) == expected


def test_an_important_date_that_does_not_exist_names_its_field():
    from netui import rules

    with pytest.raises(ValidationError) as error:
        rules.parse_important_date("31 febbraio", "text")
    assert error.value.field == "text" and "February has at most 29 days" in error.value.message
