"""The forms for keeping in touch, with real keys: recurring appointments, important dates,
keep-in-touch cadence, snoozing. Each form is pushed with a submit that calls the real domain
function, as the app does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from netui import appointments, contacts
from netui.app import NetuiApp
from netui.screens.appointment_form import AppointmentForm
from netui.widgets.contact_picker import ContactPicker

SIZE = (120, 40)


@pytest.fixture
def people(database):
    return {
        "giulia": contacts.create_contact("Giulia Rossi", company="Lumen Digital", circle="work"),
        "marco": contacts.create_contact("Marco Verdi", company="Ferri SpA"),
    }


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))
    await pilot.pause()


async def push(pilot, form) -> list:
    """Push the form; the returned list receives its result (True saved, False cancelled)."""
    await settle(pilot)
    results: list = []
    pilot.app.push_screen(form, results.append)
    await pilot.pause()
    assert pilot.app.screen is form
    return results


async def focus_field(pilot, form, field_id: str) -> None:
    target = form.query_one(f"#{field_id}")
    for _ in range(20):
        if pilot.app.focused is target:
            return
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"tab never reached #{field_id}")


async def fill(pilot, form, field_id: str, text: str) -> None:
    await focus_field(pilot, form, field_id)
    form.query_one(f"#{field_id}", Input).clear()
    await type_text(pilot, text)


def error_text(screen, field: str) -> str:
    slot = screen.query_one(f"#{field}-error", Static)
    return "" if slot.has_class("-empty") else str(slot.visual)


# --- recurring appointments -------------------------------------------------------------------


def appointment_form(pilot, people) -> AppointmentForm:
    def submit(values: dict) -> None:
        appointments.create_appointment(**values)

    initial = {"participants": [(people["giulia"], "Giulia Rossi")]}
    return AppointmentForm("New recurring appointment", initial, pilot.app.find_people, submit)


async def test_weekly_appointment_on_tuesday_and_thursday_until_a_day(database, people, frozen):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = appointment_form(pilot, people)
        results = await push(pilot, form)
        assert pilot.app.focused is form.query_one("#title", Input)
        await type_text(pilot, "Padel")
        await pilot.press("tab")  # the people: Giulia is there; add Marco
        await type_text(pilot, "marco")
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#participants", ContactPicker).chosen_ids == [people["giulia"], people["marco"]]
        assert pilot.app.screen is form
        await fill(pilot, form, "start", "2026-12-01 18:00")
        await fill(pilot, form, "weekdays", "tue, thu")
        await fill(pilot, form, "until", "2026-12-31")
        await fill(pilot, form, "duration_minutes", "90")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [True]
    [saved] = appointments.list_appointments()
    assert saved.title == "Padel"
    assert [p.id for p in saved.participants] == [people["giulia"], people["marco"]]
    assert "RRULE:FREQ=WEEKLY;UNTIL=20261231T235959;BYDAY=TU,TH" in saved.rule
    assert saved.description == "every week on Tue, Thu at 18:00 until 2026-12-31"
    assert saved.duration_minutes == 90
    days = [o.occurs_on for o in appointments.occurrences_between(dt.date(2026, 12, 1), dt.date(2027, 1, 31))]
    assert days[:3] == [dt.date(2026, 12, 1), dt.date(2026, 12, 3), dt.date(2026, 12, 8)]
    assert days[-1] == dt.date(2026, 12, 31) and len(days) == 10


async def test_a_wrong_weekday_shows_under_the_field_and_keeps_the_text(database, people, frozen):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = appointment_form(pilot, people)
        results = await push(pilot, form)
        await type_text(pilot, "Mentoring call")
        await fill(pilot, form, "start", "tomorrow 18:00")
        await fill(pilot, form, "weekdays", "tue,thx")
        await pilot.press("enter")  # Enter in a one-line field saves
        await pilot.pause()
        assert pilot.app.screen is form and results == []
        assert error_text(form, "weekdays") == "'thx' is not a day of the week (mon, tue, ... or monday)."
        assert form.query_one("#weekdays", Input).value == "tue,thx"
        assert pilot.app.focused is form.query_one("#weekdays", Input)
        assert appointments.list_appointments() == []

        # A number that is not one, then a domain error mapped to its field.
        await fill(pilot, form, "weekdays", "thu")
        await fill(pilot, form, "duration_minutes", "2h")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "duration_minutes").startswith("'2h' is not a whole number")
        assert error_text(form, "weekdays") == ""
        await fill(pilot, form, "duration_minutes", "5000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "duration_minutes") == "The duration is 1 to 1440 minutes."
        await fill(pilot, form, "duration_minutes", "45")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [True]
    [saved] = appointments.list_appointments()
    assert saved.description == "every week on Thu at 18:00"
    assert saved.starts_at.date() == dt.date(2026, 11, 30)


async def test_monthly_appointment_disables_weekdays(database, people, frozen):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = appointment_form(pilot, people)
        results = await push(pilot, form)
        await type_text(pilot, "Lunch")
        await fill(pilot, form, "start", "2026-12-05 13:00")
        await focus_field(pilot, form, "freq")
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert form.query_one("#freq", Select).value == "monthly"
        assert form.query_one("#weekdays", Input).disabled
        assert str(form.query_one("#interval-label").visual) == "Every … months"
        await fill(pilot, form, "interval", "2")
        await fill(pilot, form, "count", "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [True]
    [saved] = appointments.list_appointments()
    assert saved.description == "every 2 months on day 5 at 13:00, 6 times"
