"""The forms for keeping in touch, with real keys: recurring appointments, important dates,
keep-in-touch cadence, snoozing. Each form is pushed with a submit that calls the real domain
function, as the app does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from netui import appointments, contacts, dates, followups, upkeep
from netui.app import NetuiApp
from netui.screens.forms.appointment_form import AppointmentForm
from netui.widgets.contact_picker import ContactPicker
from support import settle, tab_to, type_text

SIZE = (120, 40)


@pytest.fixture
def people(database):
    return {
        "giulia": contacts.create_contact("Giulia Rossi", company="Lumen Digital", circle="work"),
        "marco": contacts.create_contact("Marco Verdi", company="Ferri SpA"),
    }


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


async def push(pilot, form) -> list:
    """Push the form; the returned list receives its result (True saved, False cancelled)."""
    await settle(pilot)
    results: list = []
    pilot.app.push_screen(form, results.append)
    await pilot.pause()
    assert pilot.app.screen is form
    return results


async def fill(pilot, form, field_id: str, text: str) -> None:
    await tab_to(pilot, field_id)
    form.query_one(f"#{field_id}", Input).clear()
    await type_text(pilot, text)


def screen_text(pilot) -> str:
    return pilot.app.export_screenshot().replace("&#160;", " ")


def error_text(screen, field: str) -> str:
    slot = screen.query_one(f"#{field}-error", Static)
    return "" if slot.has_class("-empty") else str(slot.visual)


# --- recurring appointments -------------------------------------------------------------------


def appointment_form(pilot, people) -> AppointmentForm:
    def submit(values: dict) -> None:
        appointments.create_appointment(**values)

    initial = {"participants": [(people["giulia"], "Giulia Rossi")]}
    return AppointmentForm("New recurring appointment", initial, pilot.app.find_people, submit)


async def test_weekly_appointment_on_tuesday_and_thursday_until_a_day(frozen, database, people):
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


async def test_a_wrong_weekday_shows_under_the_field_and_keeps_the_text(frozen, database, people):
    tomorrow = frozen.date() + dt.timedelta(days=1)
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
    assert saved.starts_at.date() == tomorrow


async def test_monthly_appointment_disables_weekdays(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = appointment_form(pilot, people)
        results = await push(pilot, form)
        await type_text(pilot, "Lunch")
        await fill(pilot, form, "start", "2026-12-05 13:00")
        await tab_to(pilot, "freq")
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


# --- important dates -------------------------------------------------------------------------


def date_form(contact_id: int, initial: dict | None = None):
    from netui.screens.forms.date_form import ImportantDateForm

    def submit(values: dict) -> None:
        dates.add_date(contact_id, **values)

    return ImportantDateForm("Important date for Giulia Rossi", initial or {}, submit)


async def test_a_date_without_a_year(frozen, database, people):
    in_a_month = frozen.date() + dt.timedelta(days=30)
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = date_form(people["giulia"])
        results = await push(pilot, form)
        assert pilot.app.focused is form.query_one("#kind", Select)
        assert form.query_one("#kind", Select).value == "birthday"
        assert not form.query_one("#label_text", Input).display  # asked for only with "other"
        assert "year is optional" in screen_text(pilot)
        assert form.query_one("#remind_days_before", Input).value == "7"
        await fill(pilot, form, "date", f"--{in_a_month:%m-%d}")
        await pilot.press("enter")
        await pilot.pause()
        assert results == [True]
    [saved] = dates.dates_of(people["giulia"])
    assert (saved.label, saved.year, saved.month, saved.day, saved.remind_days_before) == (
        "birthday", None, in_a_month.month, in_a_month.day, 7)
    assert saved.text == f"--{in_a_month:%m-%d}" and saved.on == in_a_month


async def test_a_date_with_another_label_and_its_mistakes(frozen, database, people):
    # Married 8 years before a day next month: that day they turn 8.
    wedding = frozen.add(days=30).subtract(years=8).date()
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = date_form(people["giulia"])
        results = await push(pilot, form)
        await pilot.press("enter", "end", "enter")  # the last choice: other
        await pilot.pause()
        assert form.query_one("#kind", Select).value == "other"
        assert form.query_one("#label_text", Input).display
        await fill(pilot, form, "date", "31/02")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "date") == "31/02 is not a date: February has at most 29 days."
        assert form.query_one("#date", Input).value == "31/02"
        assert pilot.app.focused is form.query_one("#date", Input)
        await fill(pilot, form, "date", f"{wedding:%d/%m/%Y}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "label_text") == "An important date needs a label, e.g. 'birthday'."
        assert error_text(form, "date") == ""
        assert pilot.app.focused is form.query_one("#label_text", Input)
        await type_text(pilot, "wedding day")
        await fill(pilot, form, "remind_days_before", "two")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "remind_days_before").startswith("'two' is not a whole number")
        await fill(pilot, form, "remind_days_before", "14")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [True]
    [saved] = dates.dates_of(people["giulia"])
    assert (saved.label, saved.text, saved.remind_days_before, saved.turning) == (
        "wedding day", wedding.isoformat(), 14, 8)


# --- keep in touch ---------------------------------------------------------------------------


def cadence_form(contact_id: int):
    from netui.screens.forms.cadence_form import CadenceForm

    def submit(values: dict) -> None:
        upkeep.set_cadence(contact_id, values["every"])
        if values["snooze_days"]:
            upkeep.snooze_cadence(contact_id, values["snooze_days"])

    return CadenceForm("Keep in touch with Giulia Rossi", {"status": upkeep.keep_in_touch(contact_id)}, submit)


async def choose(pilot, form, select_id: str, label: str) -> None:
    """Open the Select and move down to the option that reads `label`, then Enter."""
    select = form.query_one(f"#{select_id}", Select)
    select.focus()
    await pilot.press("enter", "home")
    await pilot.pause()
    for _ in range(20):
        if str(select.query_one("SelectOverlay").highlighted_option.prompt) == label:
            break
        await pilot.press("down")
        await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_cadence_one_month_then_snooze(frozen, database, people):
    today = frozen.date()
    upkeep.set_default_cadence("circle", "work", "2w")
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = cadence_form(people["giulia"])
        results = await push(pilot, form)
        status = str(form.query_one("#cadence-status").visual)
        assert status == f"Now: 2 weeks (the default of circle work) · due {today + dt.timedelta(days=14)} · warm"
        assert form.query_one("#every", Select).value == "default"
        assert form.query_one("#custom_days", Input).disabled
        await choose(pilot, form, "every", "every 1 month")
        assert form.query_one("#every", Select).value == "1m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [True]
        status = upkeep.keep_in_touch(people["giulia"])
        assert (status.cadence_days, status.source, status.due_on) == (30, "contact", today + dt.timedelta(days=30))

        # Again: the form starts on 1 month; snooze 45 days (past the due day).
        form = cadence_form(people["giulia"])
        results = await push(pilot, form)
        assert form.query_one("#every", Select).value == "1m"
        await fill(pilot, form, "snooze_days", "0")
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(form, "snooze_days") == "Snooze for 1 to 365 days, not '0'."
        await fill(pilot, form, "snooze_days", "45")
        await pilot.press("enter")
        await pilot.pause()
        assert results == [True]
    status = upkeep.keep_in_touch(people["giulia"])
    assert status.snoozed_until == today + dt.timedelta(days=45) == status.due_on


async def test_cadence_custom_days_and_back_to_the_default(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = cadence_form(people["giulia"])
        results = await push(pilot, form)
        assert "no keep-in-touch" in str(form.query_one("#cadence-status").visual)
        await choose(pilot, form, "every", "custom: a number of days")
        assert not form.query_one("#custom_days", Input).disabled
        await fill(pilot, form, "custom_days", "5000")
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(form, "custom_days") == "A keep-in-touch cadence is 1 to 3650 days, not 5000."
        await fill(pilot, form, "custom_days", "45")
        await pilot.press("enter")
        await pilot.pause()
        assert results == [True]
        assert upkeep.keep_in_touch(people["giulia"]).cadence_days == 45

        form = cadence_form(people["giulia"])
        results = await push(pilot, form)
        assert form.query_one("#every", Select).value == "custom"
        assert form.query_one("#custom_days", Input).value == "45"
        await choose(pilot, form, "every", "follow the circle/tag default")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [True]
    assert upkeep.keep_in_touch(people["giulia"]).cadence_days is None


# --- snoozing --------------------------------------------------------------------------------


async def test_snooze_form_says_what_and_until_when(frozen, database, people):
    from netui.screens.forms.snooze_form import SnoozeForm, snooze_days

    today = frozen.date()
    in_a_week, in_3_days = today + dt.timedelta(days=7), today + dt.timedelta(days=3)
    followup = followups.create_followup(people["marco"], today - dt.timedelta(days=1), "Send the deck")

    def submit(values: dict) -> None:
        followups.snooze_followup(followup, snooze_days(values["days"]))

    async with make_app(database).run_test(size=SIZE) as pilot:
        form = SnoozeForm("Snooze", {"days": 7, "what": "the follow-up with Marco Verdi: Send the deck [EU]"}, submit)
        results = await push(pilot, form)
        assert str(form.query_one("#snooze-what").visual) == "The follow-up with Marco Verdi: Send the deck [EU]"
        assert form.query_one("#days", Input).value == "7"
        assert str(form.query_one("#snooze-until").visual) == f"until {in_a_week:%a %d %b %Y}"  # Sun 06 Dec 2026
        assert pilot.app.focused is form.query_one("#days", Input)
        await type_text(pilot, "x")  # the default is selected: typing replaces it
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(form, "days") == "Snooze for 1 to 365 days, not 'x'."
        assert form.query_one("#days", Input).value == "x"
        await pilot.press("backspace")
        await type_text(pilot, "3")
        assert str(form.query_one("#snooze-until").visual) == f"until {in_3_days:%a %d %b %Y}"
        await pilot.press("enter")
        await pilot.pause()
        assert results == [True]
    assert followups.get_followup(followup).snoozed_until == in_3_days


def test_snooze_days_reads_what_was_typed():
    from netui.errors import ValidationError
    from netui.screens.forms.snooze_form import snooze_days

    assert snooze_days(" 14 ") == 14 and snooze_days(7) == 7
    for wrong in ("", "0", "366", "-3", "2w"):
        with pytest.raises(ValidationError) as raised:
            snooze_days(wrong)
        assert raised.value.field == "days"


async def test_snooze_and_cadence_forms_in_italian(known_sunday, database, people, italian):
    """Italian words for a known day: a week after Sunday 29 November 2026."""
    from netui.screens.forms.cadence_form import CadenceForm
    from netui.screens.forms.snooze_form import SnoozeForm, snooze_days

    followup = followups.create_followup(people["marco"], "2026-11-28", "Send the deck")

    def submit(values: dict) -> None:
        followups.snooze_followup(followup, snooze_days(values["days"]))

    async with make_app(database).run_test(size=SIZE) as pilot:
        form = SnoozeForm("Rimanda", {"days": 7}, submit)
        results = await push(pilot, form)
        assert str(form.query_one("#snooze-until").visual) == "fino a domenica 6 dicembre 2026"
        assert "Rimanda (ctrl+s)" in [str(button.label) for button in form.query("Button")]
        await type_text(pilot, "x")
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(form, "days") == "Rimanda da 1 a 365 giorni, non 'x'."
        await pilot.press("escape")
        await pilot.pause()
        assert results == [False]

        status = upkeep.keep_in_touch(people["giulia"])
        cadence = CadenceForm("Cadenza", {"status": status}, lambda values: None)
        await push(pilot, cadence)
        assert str(cadence.query_one("#cadence-status").visual).startswith("Attuale: ")
        labels = [label for label, _value in cadence.query_one("#every", Select)._options]
        assert "nessuna: non ricordarmelo" in labels and "personalizzata: un numero di giorni" in labels
        keys = {active.binding.description for active in cadence.active_bindings.values()}
        assert {"Annulla", "Salva"} <= keys
