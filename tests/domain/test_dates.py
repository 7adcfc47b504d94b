"""Important dates: typed forms, next occurrence, age, 29 February, reminder windows."""

from __future__ import annotations

import datetime as dt

import pytest

from netui import contacts, dates, lifecycle, rules
from netui.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("1985-04-15", (1985, 4, 15)), ("--04-15", (None, 4, 15)), ("04-15", (None, 4, 15)),
     ("15/04", (None, 4, 15)), ("15/04/1985", (1985, 4, 15)), ("15.04.1985", (1985, 4, 15)),
     ("--02-29", (None, 2, 29)), (" 29/02 ", (None, 2, 29))],
)
def test_parse_date_text(text, parsed):
    assert rules.parse_important_date(text) == parsed


@pytest.mark.parametrize(("text", "words"), [
    ("31/02", "February has at most 29 days"), ("2023-02-29", "February 2023 has 28 days"),
    ("13/13", "not a month"), ("15 Smarch", "not a date")])
def test_bad_dates_name_the_field(text, words):
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date(text, "birthday")
    assert caught.value.field == "birthday"
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(dt.date(2027, 2, 1), dt.date(2027, 2, 28)),  # a common year: 28 February
     (dt.date(2028, 2, 1), dt.date(2028, 2, 29)),  # a leap year: the day itself
     (dt.date(2027, 2, 28), dt.date(2027, 2, 28)),  # today is the day
     (dt.date(2027, 3, 1), dt.date(2028, 2, 29))],
)
def test_29_february_in_common_years_is_28_february(today, expected):
    assert dates.next_occurrence(2, 29, today) == expected


@pytest.fixture
def anna(database):
    return contacts.create_contact("Anna Rossi")


def test_yearless_birthday_has_no_age(anna):
    dates.add_date(anna, "birthday", "--12-03")
    [found] = dates.upcoming_dates(7, today=dt.date(2026, 11, 29))
    assert (found.on, found.days_until, found.turning, found.year, found.text) == (
        dt.date(2026, 12, 3), 4, None, None, "--12-03")


def test_age_turned_when_the_year_is_known(anna):
    dates.add_date(anna, "birthday", "1990-01-02")
    [found] = dates.upcoming_dates(7, today=dt.date(2026, 12, 30))
    assert (found.on, found.turning, found.contact_name) == (dt.date(2027, 1, 2), 37, "Anna Rossi")
    assert found.contact_id == anna and dates.dates_of(anna)[0].contact_id == anna


def test_leapling_in_a_common_year(anna):
    dates.add_date(anna, "birthday", "2000-02-29", remind_days_before=0)
    [found] = dates.upcoming_dates(0, today=dt.date(2025, 2, 28))
    assert (found.on, found.days_until, found.turning) == (dt.date(2025, 2, 28), 0, 25)
    assert dates.upcoming_dates(0, today=dt.date(2025, 3, 1)) == []
    [leap] = dates.upcoming_dates(1, today=dt.date(2028, 2, 28))
    assert leap.on == dt.date(2028, 2, 29)


def test_reminder_window_or_days_whichever_is_longer(anna):
    marco = contacts.create_contact("Marco Bianchi")
    dates.add_date(anna, "birthday", "--12-20", remind_days_before=30)
    dates.add_date(marco, "work anniversary", "--12-06", remind_days_before=0)
    today = dt.date(2026, 11, 29)
    assert [d.contact_name for d in dates.upcoming_dates(7, today)] == ["Marco Bianchi", "Anna Rossi"]
    assert [d.contact_name for d in dates.upcoming_dates(3, today)] == ["Anna Rossi"]
    lifecycle.trash_contact(anna)
    assert [d.contact_name for d in dates.upcoming_dates(7, today)] == ["Marco Bianchi"]


def test_window_across_new_year(anna):
    dates.add_date(anna, "birthday", "--01-03", remind_days_before=0)
    [found] = dates.upcoming_dates(7, today=dt.date(2026, 12, 30))
    assert (found.on, found.days_until) == (dt.date(2027, 1, 3), 4)
