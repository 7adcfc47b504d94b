"""The pure field rules (netui.rules): no database under them, one parser of important dates
that every way in shares, one spelling of a city."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from netui import rules
from netui.errors import ValidationError


def test_rules_and_the_capture_parser_load_no_database():
    """The capture line and the rules under it are pure: importing them brings no Peewee and
    no netui.store (run in a fresh interpreter, where nothing else has loaded them)."""
    code = ("import sys, netui.rules, netui.capture_line; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('peewee', 'playhouse') "
            "or m.startswith('netui.store') or m == 'netui.contacts'))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


# --- the one parser of important dates ---------------------------------------------------------


@pytest.mark.parametrize(("text", "parsed"), [
    ("1985-04-15", (1985, 4, 15)), ("15/04/1985", (1985, 4, 15)), ("15.04.1985", (1985, 4, 15)),
    ("--04-15", (None, 4, 15)), ("04-15", (None, 4, 15)), ("15/04", (None, 4, 15)),
    (" 29/02 ", (None, 2, 29)), ("--02-29", (None, 2, 29)), ("2024-02-29", (2024, 2, 29)),
])
def test_an_important_date_with_or_without_its_year(text, parsed):
    assert rules.parse_important_date(text) == parsed


def test_29_february_needs_a_leap_year_only_when_the_year_is_given():
    assert rules.parse_important_date("29/02") == (None, 2, 29)
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date("29/02/2025")
    assert "February 2025 has 28 days" in caught.value.message


@pytest.mark.parametrize("text", ["31/02", "--02-31", "02-31"])
def test_31_february_is_refused_with_a_sentence(text):
    """No year has it: the sentence says so, names the field, and invents no year (2000)."""
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date(text, "birthday")
    assert caught.value.field == "birthday"
    assert "February has at most 29 days" in caught.value.message
    assert "2000" not in caught.value.message


@pytest.mark.parametrize("text", ["15 Smarch", "yesterday", "13/13", "", "2026-13-01"])
def test_what_is_not_a_date_is_refused_on_its_field(text):
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date(text)
    assert caught.value.field == "date"


def test_every_way_in_reads_a_date_the_same(database):
    """The CLI and the form (dates.add_date) and netui's own CSV read "29/02" alike: one parser."""
    from netui import contacts, dates
    from netui.exchange.formats import netui_csv

    person = contacts.create_contact("Ada Byron")
    dates.add_date(person, "birthday", "29/02")
    [stored] = contacts.get_contact(person).important_dates
    row = {column: "" for column in netui_csv.CONTACT_COLUMNS}
    row.update(first_name="Ada", last_name="Byron", important_dates="birthday=29/02 | wedding=15/04/1990")
    text = io.StringIO()
    csv.writer(text).writerows([netui_csv.CONTACT_COLUMNS, [row[c] for c in netui_csv.CONTACT_COLUMNS]])
    read = netui_csv.read(text.getvalue())
    assert read.skipped == []
    assert read.people[0].important_dates == [("birthday", None, 2, 29), ("wedding", 1990, 4, 15)]
    assert (stored.year, stored.month, stored.day) == (None, 2, 29)
    assert not hasattr(dates, "parse_date_text")


# --- the one city spelling -------------------------------------------------------------------


def test_a_city_is_spelled_as_most_people_there_write_it():
    assert rules.city_spelling("milano", ["Milano", "milano", "Milano", ""]) == "Milano"


def test_a_tie_between_spellings_goes_to_the_first_alphabetically():
    assert rules.city_spelling("lodz", ["Łódź", "Lodz"]) == "Lodz"
    assert rules.city_spelling("lodz", ["Lodz", "Łódź"]) == "Lodz"


def test_a_city_nobody_lives_in_stays_as_typed_single_spaced():
    assert rules.city_spelling("  New   York ", []) == "New York"


def test_a_trip_is_named_with_that_spelling(database, frozen):
    from netui import contacts, events, trips

    for city in ("Milano", "Milano", "MILANO"):
        contacts.create_contact("Someone There", city=city)
    trip = events.get_event(trips.plan_trip("milano", frozen.date()))
    assert trip.city == "Milano"


def test_the_program_has_one_city_spelling():
    """The TUI has no spelling of its own (it had one, which broke ties differently)."""
    package = Path(rules.__file__).parent
    defined = [path.relative_to(package).as_posix() for path in sorted(package.rglob("*.py"))
               if re.search(r"^\s*def \w*city_spelling\(", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert defined == ["rules.py"]


def test_the_plausible_years_of_an_important_date(database):
    from netui import contacts

    person = contacts.create_contact("Ada Byron")
    for year in (rules.PLAUSIBLE_YEARS[0], rules.PLAUSIBLE_YEARS[-1]):
        contacts.add_important_date(person, "birthday", 4, 15, year)
    with pytest.raises(ValidationError) as caught:
        contacts.add_important_date(person, "birthday", 4, 15, rules.PLAUSIBLE_YEARS[0] - 1)
    assert caught.value.message == "1799 is not a plausible year."
    assert (1800, 2200) == (rules.PLAUSIBLE_YEARS[0], rules.PLAUSIBLE_YEARS[-1])


def test_a_fact_needs_a_label_and_a_value_one_rule_for_every_way_in():
    assert rules.fact_label("  school   friend ") == "school friend"
    with pytest.raises(ValidationError) as no_label:
        rules.fact_label("   ")
    assert (no_label.value.field, no_label.value.message) == ("label", "A fact needs a label, e.g. 'kids'.")
    with pytest.raises(ValidationError) as no_value:
        rules.fact_value("kids", " ")
    assert (no_value.value.field, no_value.value.message) == ("value", "The fact 'kids' needs a value.")
    from netui import facts

    assert "kids" in facts.SUGGESTED_LABELS  # the example the sentence gives is one the form offers
