"""Logging interactions and adding follow-ups from the TUI, driven by real key presses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from netui import contacts, followups, timeline
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.followup_form import FollowUpForm
from netui.screens.forms.interaction_form import InteractionForm
from netui.screens.main import MainScreen
from netui.widgets.contact_picker import ContactPicker
from support import settle, type_text

SIZE = (120, 40)


@pytest.fixture
def people(database):
    """Three people; the contact list shows them sorted by name: Anna, Giulia, Marco."""
    return {
        "anna": contacts.create_contact("Anna Bianchi", company="Studio Nord"),
        "giulia": contacts.create_contact("Giulia Rossi", company="Lumen Digital"),
        "marco": contacts.create_contact("Marco Verdi", company="Ferri SpA"),
    }


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database))


async def open_log_form_for_giulia(pilot) -> InteractionForm:
    """From the main screen: highlight Giulia (second in the list) and press `l`."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, MainScreen)
    await pilot.press("down")
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, InteractionForm)
    return form


def error_text(screen, field: str) -> str:
    """The error under a field, as the user sees it (after any markup rendering)."""
    slot = screen.query_one(f"#{field}-error", Static)
    return "" if slot.has_class("-empty") else str(slot.visual)


def screen_text(pilot) -> str:
    """Roughly what the terminal shows: the screenshot's text."""
    return pilot.app.export_screenshot().replace("&#160;", " ")


def chosen(form: InteractionForm) -> list[int]:
    return form.query_one("#participants", ContactPicker).chosen_ids


async def add_participant(pilot, form: InteractionForm, text: str) -> None:
    """Focus the picker's input (two fields above "when"), type, Enter."""
    picker_input = form.query_one("#participants .picker-input", Input)
    while pilot.app.focused is not picker_input:
        await pilot.press("shift+tab")
        await pilot.pause()
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


# --- logging an interaction -------------------------------------------------------------


async def test_log_interaction_with_two_people(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        assert chosen(form) == [people["giulia"]]
        assert pilot.app.focused is form.query_one("#when", Input)

        await add_participant(pilot, form, "marco")
        assert chosen(form) == [people["giulia"], people["marco"]]
        assert pilot.app.screen is form, "Enter in the picker picks, it does not save"
        assert form.query_one("#participants .picker-input", Input).value == ""

        # Tab on to the kind and choose "call" (the one after "meeting") from the list.
        await pilot.press("tab")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#kind", Select)
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert form.query_one("#kind", Select).value == "call"

        await pilot.press("tab")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#when", Input)
        await type_text(pilot, "yesterday 18:00")  # replaces the "now" selected on focus
        await pilot.press("tab")
        await type_text(pilot, "Talked about the trade fair")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(pilot.app.screen, MainScreen), "the form closed"
        logged = timeline.contact_timeline(people["giulia"])
        assert len(logged) == 1
        info = logged[0]
        assert {p.id for p in info.participants} == {people["giulia"], people["marco"]}
        assert info.kind == "call"
        assert info.summary == "Talked about the trade fair"
        assert info.occurred_at == frozen.subtract(days=1).at(18)  # Rome's 18:00 yesterday
        assert timeline.count_interactions() == 1
        assert timeline.contact_timeline(people["marco"])[0].id == info.id


async def test_enter_in_when_field_saves(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        await type_text(pilot, "2 hours ago")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
        [info] = timeline.contact_timeline(people["giulia"])
        assert info.kind == "meeting"
        assert info.occurred_at == frozen.subtract(hours=2)
        assert form.is_attached is False


async def test_impossible_date_keeps_the_form_and_the_text(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        when = form.query_one("#when", Input)
        await type_text(pilot, "2026-02-31")
        await pilot.press("tab")
        await type_text(pilot, "Lunch")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is form
        assert "February" in error_text(form, "when")
        assert error_text(form, "participants") == ""
        assert when.value == "2026-02-31"
        assert form.query_one("#summary", Input).value == "Lunch"
        assert chosen(form) == [people["giulia"]]
        assert pilot.app.focused is when
        assert timeline.count_interactions() == 0

        # Fix the date (the field is focused again, its text selected): save now works.
        await pilot.press("end", "backspace", "backspace")
        await type_text(pilot, "28")
        assert when.value == "2026-02-28"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
        [info] = timeline.contact_timeline(people["giulia"])
        assert info.summary == "Lunch"
        assert info.occurred_at.in_timezone("Europe/Rome").date() == dt.date(2026, 2, 28)


async def test_bracketed_text_is_shown_as_typed(frozen, database, people):
    """Typed text and names with [brackets] are text, not markup (nothing lost, no crash)."""
    contacts.create_contact("Luca [Lu] Neri", company="Nord [EU] [/old]")
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        await type_text(pilot, "[/b]soon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "'[/b]soon' is not a time" in error_text(form, "when")
        assert timeline.count_interactions() == 0

        picker_input = form.query_one("#participants .picker-input", Input)
        picker_input.focus()
        await pilot.pause()
        await type_text(pilot, "luca")
        assert "Luca [Lu] Neri · Nord [EU] [/old]" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert len(chosen(form)) == 2
        assert "Luca [Lu] Neri" in screen_text(pilot)  # once chosen, the name alone


async def test_removing_everyone_shows_the_participants_error(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        await add_participant(pilot, form, "marco")
        assert len(chosen(form)) == 2
        await pilot.press("backspace", "backspace")  # empty field: removes the last picked
        await pilot.pause()
        assert chosen(form) == []
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is form
        assert "at least one person" in error_text(form, "participants")
        assert error_text(form, "when") == ""
        assert form.query_one("#when", Input).value == "now"
        assert pilot.app.focused is form.query_one("#participants .picker-input", Input)
        assert timeline.count_interactions() == 0


async def test_enter_in_the_picker_never_saves(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        picker_input = form.query_one("#participants .picker-input", Input)

        # Nobody matches: Enter says so and keeps the text.
        await add_participant(pilot, form, "zzyzx")
        assert pilot.app.screen is form
        assert "Nobody matches 'zzyzx'" in error_text(form, "participants")
        assert picker_input.value == "zzyzx"
        assert pilot.app.focused is picker_input

        # Saving with a name typed but not picked refuses, keeping the text.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "not added" in error_text(form, "participants")
        assert picker_input.value == "zzyzx"

        # An empty field: Enter moves on to the next field, still without saving.
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert picker_input.value == ""
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form
        assert pilot.app.focused is form.query_one("#kind", Select)
        assert timeline.count_interactions() == 0


async def test_log_with_nobody_highlighted_starts_in_the_picker(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")  # a search that finds nobody: nothing is highlighted
        await type_text(pilot, "zzyzx")
        await settle(pilot)
        await pilot.press("enter", "l")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert chosen(form) == []
        picker_input = form.query_one("#participants .picker-input", Input)
        assert pilot.app.focused is picker_input

        # Pick someone, Enter on the empty field moves on; then "when" and Enter saves.
        await type_text(pilot, "anna")
        await pilot.press("enter")
        await pilot.pause()
        assert chosen(form) == [people["anna"]]
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#kind", Select)
        await pilot.press("tab")
        await type_text(pilot, "3 days ago")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
        [info] = timeline.contact_timeline(people["anna"])
        assert info.occurred_at == frozen.subtract(days=3)


async def test_escape_cancels_the_log_form(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form_for_giulia(pilot)
        await type_text(pilot, "yesterday")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
        assert not form.is_attached
        assert timeline.count_interactions() == 0


# --- follow-ups ---------------------------------------------------------------------------


async def open_followup_form_for_anna(pilot) -> FollowUpForm:
    """From the main screen: Enter opens Anna (first in the list), then `f`."""
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ContactScreen)
    await pilot.press("f")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FollowUpForm)
    assert pilot.app.focused is form.query_one("#due_on", Input)
    assert form.query_one("#due_on", Input).value == "in 2 days"
    return form


async def test_add_followup_from_the_contact_screen(frozen, database, people):
    in_4_days = frozen.date() + dt.timedelta(days=4)
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_followup_form_for_anna(pilot)
        await type_text(pilot, in_4_days.isoformat())  # replaces the selected default
        await pilot.press("tab")
        assert pilot.app.focused is form.query_one("#channel", Select)
        await pilot.press("tab")
        await type_text(pilot, "Send the slides")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(pilot.app.screen, ContactScreen)
        [item] = followups.open_for_contact(people["anna"])
        assert item.due_on == in_4_days
        assert item.action == "Send the slides"
        assert item.channel == ""


async def test_followup_default_due_date_and_a_channel(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_followup_form_for_anna(pilot)
        await pilot.press("tab", "enter", "down", "enter")  # the first channel after "any"
        await pilot.pause()
        assert form.query_one("#channel", Select).value == "email"
        await pilot.press("tab")
        await type_text(pilot, "Thank her")
        await pilot.press("enter")  # Enter in a text field saves
        await pilot.pause()

        assert isinstance(pilot.app.screen, ContactScreen)
        [item] = followups.open_for_contact(people["anna"])
        assert item.due_on == frozen.date() + dt.timedelta(days=2)  # "in 2 days"
        assert item.channel == "email"


async def test_bad_followup_date_keeps_the_text(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_followup_form_for_anna(pilot)
        due = form.query_one("#due_on", Input)
        await type_text(pilot, "someday")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Call about the job")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is form
        assert "'someday' is not a date" in error_text(form, "due_on")
        assert due.value == "someday"
        assert form.query_one("#action", Input).value == "Call about the job"
        assert pilot.app.focused is due
        assert followups.open_for_contact(people["anna"]) == []

        await type_text(pilot, "tomorrow")  # the selected text is replaced
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
        [item] = followups.open_for_contact(people["anna"])
        assert item.due_on == frozen.date() + dt.timedelta(days=1)
        assert item.action == "Call about the job"


async def test_escape_cancels_the_followup_form(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await open_followup_form_for_anna(pilot)
        await type_text(pilot, "tomorrow")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
        assert followups.open_for_contact(people["anna"]) == []
