"""The event form and the event screen, driven by real key presses through the Pilot.

Time is stopped at FROZEN_NOW (the `frozen` fixture) in Rome, the local zone of every test;
the events are placed relative to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input, OptionList, Select, Static

from netui import contacts, events
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.event import AddAttendeesForm, EventScreen, when_text
from netui.screens.forms.event_form import EventForm, event_form_values
from netui.screens.main import MainScreen
from netui.widgets.event_planner import EventPlanner
from conftest import travel
from support import tab_to, type_text

SIZE = (120, 40)


def make_app(database) -> NetuiApp:
    # welcome=False: an empty network would otherwise greet the user with the welcome modal.
    return NetuiApp(Path(database.database), welcome=False)


def planner_lines(app: NetuiApp) -> list[str]:
    planner = app.screen.query_one(EventPlanner)
    return [planner.get_option_at_index(i).prompt.plain for i in range(planner.option_count)]


def shown(widget) -> str:
    """The text a Static or Label shows (after markup, if any)."""
    return widget.render().plain


def error_text(app: NetuiApp, field: str) -> str:
    slot = app.screen.query_one(f"#{field}-error", Static)
    return "" if slot.has_class("-empty") else slot.render().plain  # what is shown


async def open_event_from_planner(pilot, title: str) -> None:
    """Tab to the events pane, move down to the event with the keys, and press Enter."""
    await tab_to(pilot, "events")
    planner = pilot.app.screen.query_one(EventPlanner)
    for _ in range(planner.option_count + 1):
        index = planner.highlighted
        if index is not None and title in planner.get_option_at_index(index).prompt.plain:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EventScreen)


def attendee_statuses(event_id: int) -> dict[str, str]:
    return {a.name: a.status for a in events.get_event(event_id).attendees}


# --- the event form ------------------------------------------------------------------------


async def test_new_event_from_the_main_screen(frozen, database):
    day = frozen.date() + dt.timedelta(days=4)
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert app.screen.query_one("#timezone", Input).value == "Europe/Rome"

        await tab_to(pilot, "title")
        await type_text(pilot, "Web Marketing Festival")
        await tab_to(pilot, "kind")
        await pilot.press("enter", *"trade", "enter")  # open the menu, type to find, choose
        assert app.screen.query_one("#kind", Select).value == "trade fair"
        await tab_to(pilot, "starts_at")
        await type_text(pilot, f"{day} 09:00")
        await tab_to(pilot, "city")
        await type_text(pilot, "Bologna")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, MainScreen)
        [event] = events.upcoming_events()
        assert (event.title, event.kind, event.status, event.city) == ("Web Marketing Festival", "trade fair", "idea", "Bologna")
        assert event.starts_at == pendulum.datetime(day.year, day.month, day.day, 9, 0, tz="Europe/Rome")
        assert event.timezone == "Europe/Rome"
        [line] = [line for line in planner_lines(app) if "Web Marketing Festival" in line]
        assert str(day) in line and "Bologna" in line


async def test_relative_start_is_read_in_the_events_zone(frozen, database):
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await type_text(pilot, "Dinner")
        await tab_to(pilot, "starts_at")
        await type_text(pilot, "tomorrow 18:00")
        await tab_to(pilot, "timezone")
        await pilot.press("home", "ctrl+k", *"America/New_York")
        await pilot.press("enter")  # Enter in a field saves too
        await pilot.pause()

        assert isinstance(app.screen, MainScreen)
        [event] = events.upcoming_events()
        assert event.timezone == "America/New_York"
        # Tomorrow in New York, at 18:00 there.
        assert event.starts_at == frozen.in_tz("America/New_York").add(days=1).at(18)


async def test_end_before_start_shows_the_error_and_keeps_the_text(frozen, database):
    day = frozen.date() + dt.timedelta(days=4)
    day_before = day - dt.timedelta(days=1)
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await type_text(pilot, "Round table")
        await tab_to(pilot, "starts_at")
        await type_text(pilot, f"{day} 09:00")
        await tab_to(pilot, "ends_at")
        await type_text(pilot, f"{day_before} 18:00")
        await pilot.press("ctrl+s")
        await pilot.pause()

        form = app.screen
        assert isinstance(form, EventForm)
        assert "ends before it starts" in error_text(app, "ends_at")
        assert error_text(app, "starts_at") == ""
        assert app.focused is form.query_one("#ends_at", Input)
        assert form.query_one("#title", Input).value == "Round table"
        assert form.query_one("#starts_at", Input).value == f"{day} 09:00"
        assert form.query_one("#ends_at", Input).value == f"{day_before} 18:00"
        assert events.upcoming_events() == [] and events.past_events() == []

        # Fixing the field saves, and the error goes away with the form.
        await pilot.press("home", "ctrl+k", *f"{day} 13:00", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [event] = events.upcoming_events()
        assert event.ends_at == pendulum.datetime(day.year, day.month, day.day, 13, 0, tz="Europe/Rome")


@pytest.mark.parametrize(
    "field, typed, words",
    [
        ("starts_at", "next blursday", "not a time"),
        ("timezone", "Mars/Olympus", "not a time zone"),
        ("starts_at", "[/b] soon", "'[/b] soon' is not a time"),  # user text is not markup
    ],
)
async def test_domain_errors_show_under_their_field(frozen, database, field, typed, words):
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await type_text(pilot, "Book presentation")
        await tab_to(pilot, field)
        await pilot.press("home", "ctrl+k", *typed, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert words in error_text(app, field)
        assert app.screen.query_one(f"#{field}", Input).value == typed
        assert events.upcoming_events() == []


async def test_missing_title_shows_under_title(frozen, database):
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await tab_to(pilot, "city")
        await type_text(pilot, "Torino")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert "needs a title" in error_text(app, "title")
        assert app.focused.id == "title"
        assert app.screen.query_one("#city", Input).value == "Torino"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert events.upcoming_events() == []


def test_form_values_show_times_in_the_events_own_zone(database):
    event_id = events.create_event(
        "Tokyo Fintech Week", kind="congress", status="registered", timezone="Asia/Tokyo",
        starts_at="2026-12-10 09:30", ends_at="2026-12-10 18:00", city="Tokyo",
        link="https://example.org", goal="meet 3 buyers", notes="bring cards",
    )
    values = event_form_values(events.get_event(event_id))
    assert values == {
        "title": "Tokyo Fintech Week", "kind": "congress", "status": "registered",
        "starts_at": "2026-12-10 09:30", "ends_at": "2026-12-10 18:00", "timezone": "Asia/Tokyo",
        "venue": "", "city": "Tokyo", "country": "", "link": "https://example.org", "goal": "meet 3 buyers",
        "notes": "bring cards",
    }
    # The keys are exactly what update_event accepts: saving them unchanged changes nothing.
    before = events.get_event(event_id)
    events.update_event(event_id, **values)
    assert events.get_event(event_id) == before


# --- the event screen ----------------------------------------------------------------------


def test_when_is_shown_locally_with_the_events_own_time_when_it_differs(known_sunday, database):
    """How given moments read on Sunday 29 November 2026: 09:30 in Tokyo is 01:30 in Rome in
    December, 11 days ahead is "in 1 week"."""
    tokyo = events.create_event("Tokyo Fintech Week", timezone="Asia/Tokyo",
                                starts_at="2026-12-10 09:30", ends_at="2026-12-11 18:00")
    rome = events.create_event("Aperitivo", starts_at="tomorrow 18:00")
    undated = events.create_event("Some conference, some day")
    assert when_text(events.get_event(tokyo)) == (
        "Thu 10 Dec 2026 01:30 – Fri 11 Dec 2026 10:00 (09:30 in Asia/Tokyo) · in 1 week"
    )
    assert when_text(events.get_event(rome)) == "Mon 30 Nov 2026 18:00 · in 1 day"
    assert when_text(events.get_event(undated)) == "no date yet"


@pytest.fixture
def planned(frozen, database):
    """An upcoming event, 4 days from now to the minute (so "in 4 days" whatever the hour) for
    20 minutes, and two contacts who are not on its list yet."""
    starts = frozen.add(days=4)
    ends = starts.add(minutes=20)
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital", city="Milano")
    marco = contacts.create_contact("Marco [Mk] Bianchi", company="Acme", city="Torino")
    event_id = events.create_event(
        "Fintech Forum [EU]", kind="congress", status="planned", starts_at=f"{starts:%Y-%m-%d %H:%M}",
        ends_at=f"{ends:%Y-%m-%d %H:%M}", venue="MiCo [Hall 3]", city="Milano", goal="meet 3 buyers",
        notes="[/b] ask about the [Mk] pilot",
    )
    return {"event": event_id, "giulia": giulia, "marco": marco, "starts": starts, "ends": ends}


async def test_event_screen_people_status_and_edit(database, planned):
    event_id = planned["event"]
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_event_from_planner(pilot, "Fintech Forum")
        screen = app.screen
        assert screen.event_id == event_id
        # User text is shown as typed, brackets included (never read as markup).
        assert shown(screen.query_one("#event-title")) == "Fintech Forum [EU]"
        fields = shown(screen.query_one("#event-fields", Static))
        assert "Kind: congress" in fields and "Status: planned" in fields
        assert "Where: MiCo [Hall 3], Milano" in fields and "Goal: meet 3 buyers" in fields
        starts, ends = planned["starts"], planned["ends"]
        # e.g. "When: Thu 3 Dec 2026 10:00 – 10:20 · in 4 days"
        assert f"When: {starts:%a} {starts.day} {starts:%b %Y %H:%M} – {ends:%H:%M} · in 4 days" in fields
        assert fields.endswith("Notes\n[/b] ask about the [Mk] pilot")

        # a: pick Giulia by typing part of her name, Enter, ctrl+s.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddAttendeesForm)
        await type_text(pilot, "giulia")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert attendee_statuses(event_id) == {"Giulia Rossi": "to meet"}
        assert "1 to meet · 0 met" in shown(screen.query_one("#event-counts"))
        line = screen.query_one("#attendees", OptionList).get_option_at_index(0).prompt.plain
        assert "Giulia Rossi" in line and "Lumen Digital" in line and "to meet" in line

        # m before the event has started: she stays to meet, and the notice says why.
        await pilot.press("m")
        await pilot.pause()
        assert attendee_statuses(event_id) == {"Giulia Rossi": "to meet"}
        assert any(n.severity == "error" and "Fintech Forum [EU] has not started yet" in n.message
                   for n in app._notifications)
        # Once it has: m, met; m again, back to "to meet"; m, met.
        with travel(planned["starts"].add(minutes=5)):
            await pilot.press("m")
            assert attendee_statuses(event_id) == {"Giulia Rossi": "met"}
            assert "0 to meet · 1 met" in shown(screen.query_one("#event-counts"))
            await pilot.press("m")
            assert attendee_statuses(event_id) == {"Giulia Rossi": "to meet"}
            await pilot.press("m")
            assert attendee_statuses(event_id) == {"Giulia Rossi": "met"}

        # e: edit the title in the event form.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert app.screen.query_one("#starts_at", Input).value == f"{starts:%Y-%m-%d %H:%M}"
        await tab_to(pilot, "title")
        await pilot.press("home", "ctrl+k", *"Fintech Forum 2026", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        detail = events.get_event(event_id)
        assert detail.title == "Fintech Forum 2026"
        assert detail.starts_at == starts
        assert shown(screen.query_one("#event-title")) == "Fintech Forum 2026"

        # s: planned -> registered; attended is refused before the event starts (an error
        # notification), and s again goes on to skipped.
        await pilot.press("s")
        assert events.get_event(event_id).status == "registered"
        await pilot.press("s")
        await pilot.pause()
        assert events.get_event(event_id).status == "registered"
        assert any(
            n.severity == "error" and "cannot be marked attended" in n.message for n in app._notifications
        )
        await pilot.press("s")
        assert events.get_event(event_id).status == "skipped"
        await pilot.press("s")
        assert events.get_event(event_id).status == "idea"


async def test_people_already_listed_are_not_offered_again(database, planned):
    event_id = planned["event"]
    events.set_attendee(event_id, planned["giulia"])
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_event_from_planner(pilot, "Fintech Forum")
        await pilot.press("a")
        await pilot.pause()
        # Giulia is already there (to meet): nothing matches, Enter tries to save and says why not.
        await type_text(pilot, "giulia")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddAttendeesForm)
        assert "Nobody new matches 'giulia'" in error_text(app, "people")
        # A name with brackets is shown as typed, not read as markup.
        await pilot.press(*(["backspace"] * 6), *"marco", "enter")
        matches = app.screen.query_one("#people OptionList", OptionList)
        chosen = shown(app.screen.query_one("#people .picker-chosen", Static))
        assert "Marco [Mk] Bianchi" in chosen and matches.option_count == 0
        await tab_to(pilot, "role")
        await type_text(pilot, "speaker")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        detail = events.get_event(event_id)
        assert {(a.name, a.status, a.role) for a in detail.attendees} == {
            ("Giulia Rossi", "to meet", ""), ("Marco [Mk] Bianchi", "to meet", "speaker"),
        }
        lines = [
            app.screen.query_one("#attendees", OptionList).get_option_at_index(i).prompt.plain
            for i in range(2)
        ]
        assert any("Marco [Mk] Bianchi · Acme  to meet · speaker" in line for line in lines)


async def test_enter_opens_the_contact_and_delete_removes_from_the_list(database, planned):
    event_id = planned["event"]
    events.set_attendee(event_id, planned["giulia"])
    events.set_attendee(event_id, planned["marco"])
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_event_from_planner(pilot, "Fintech Forum")
        screen = app.screen
        attendees = screen.query_one("#attendees", OptionList)
        assert app.focused is attendees
        first = screen.highlighted_contact()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("down")
        second = screen.highlighted_contact()
        assert second != first
        await pilot.press("delete")
        remaining = [a.contact_id for a in events.get_event(event_id).attendees]
        assert remaining == [first]
        assert screen.highlighted_contact() == first
        assert attendees.option_count == 1


async def test_main_screen_counts_after_returning(database, planned):
    event_id = planned["event"]
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [line] = [line for line in planner_lines(app) if "Fintech Forum" in line]
        assert " met" not in line  # nobody listed yet: no count
        await open_event_from_planner(pilot, "Fintech Forum")
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "rossi")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert attendee_statuses(event_id) == {"Giulia Rossi": "to meet"}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [line] = [line for line in planner_lines(app) if "Fintech Forum" in line]
        # The planner's count (its wording is the planner's): one listed, nobody met yet.
        assert "1 to meet, 0 met" in line


async def test_the_planner_says_its_past_events_are_the_latest_of_how_many(frozen, database):
    """The planner lists the latest 50 past events; with more, its heading says of how many
    (it said "Past (50)" for 60, as if there were no others)."""
    for number in range(60):
        events.create_event(f"Meetup {number}", starts_at=frozen.subtract(days=number + 1), status="attended")
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Past (the latest 50 of 60)" in planner_lines(app)
        assert sum(line.startswith("Meetup") for line in planner_lines(app)) == 50
