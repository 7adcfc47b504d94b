"""Date fields read the same typed dates as the command line, with real keys: the event
form takes "in 5 days 09:00", "next week", "domani alle 9" and "tra 5 giorni alle 10"; the
follow-up form from the contact screen takes "next friday"; 31/02 is one sentence under
its field and nothing is saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from netui import contacts, events, followups
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.event_form import EventForm
from netui.screens.forms.followup_form import FollowUpForm
from netui.screens.main import MainScreen
from support import settle, tab_to, type_text

SIZE = (120, 40)


def error_text(screen, field: str) -> str:
    slot = screen.query_one(f"#{field}-error", Static)
    return "" if slot.has_class("-empty") else slot.render().plain


async def new_event(pilot, title: str, starts: str) -> None:
    await settle(pilot)
    await pilot.press("N")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EventForm)
    await type_text(pilot, title)
    await tab_to(pilot, "starts_at")
    await type_text(pilot, starts)
    await pilot.press("ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize(("typed", "expected"), [
    ("in 5 days 09:00", lambda now: now.add(days=5).at(9, 0)),
    ("next week", lambda now: now.add(weeks=1)),
    ("tomorrow at 18:00", lambda now: now.add(days=1).at(18, 0)),
])
async def test_the_event_form_reads_typed_dates(frozen, database, typed, expected):
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await new_event(pilot, "Festival", typed)
        assert isinstance(app.screen, MainScreen)
    [event] = events.upcoming_events()
    assert event.starts_at.in_timezone("Europe/Rome") == expected(frozen.in_timezone("Europe/Rome"))


@pytest.mark.parametrize(("typed", "expected"), [
    ("domani alle 9", lambda now: now.add(days=1).at(9, 0)),
    ("tra 5 giorni alle 10", lambda now: now.add(days=5).at(10, 0)),
    ("la prossima settimana", lambda now: now.add(weeks=1)),
])
async def test_the_event_form_reads_italian_dates(frozen, database, italian, typed, expected):
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await new_event(pilot, "Convegno", typed)
        assert isinstance(app.screen, MainScreen)
    [event] = events.upcoming_events()
    assert event.starts_at.in_timezone("Europe/Rome") == expected(frozen.in_timezone("Europe/Rome"))


async def test_an_impossible_day_is_one_sentence_under_the_field(frozen, database, italian):
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await new_event(pilot, "Convegno", "31/02 09:00")
        form = app.screen
        assert isinstance(form, EventForm)
        assert error_text(form, "starts_at") == "31/02 non è una data: febbraio ha al massimo 29 giorni."
        assert form.query_one("#starts_at", Input).value == "31/02 09:00"
    assert events.upcoming_events() == [] and events.past_events() == []


async def test_the_followup_form_reads_next_friday(known_sunday, database):
    anna = contacts.create_contact("Anna Bianchi")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FollowUpForm)
        await type_text(pilot, "31/02")
        await tab_to(pilot, "action")
        await type_text(pilot, "send the deck")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "31/02" in error_text(form, "due_on")
        await type_text(pilot, "next friday")  # the wrong text is selected: typing replaces it
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
    [item] = followups.open_followups()
    assert (item.contact_id, item.due_on, item.action) == (anna, dt.date(2026, 12, 4), "send the deck")
