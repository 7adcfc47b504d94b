"""The trip screen, with real keys: the people of a city, choosing them, telling them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input

from conftest import FROZEN_NOW, travel
from netui import contacts, followups, timeline, trips
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.trip import TripScreen
from support import settle, type_text

SIZE = (120, 40)


def at(days_ago: int) -> pendulum.DateTime:
    return FROZEN_NOW.subtract(days=days_ago)


@pytest.fixture
def milano(frozen, database):
    """Four people in Milano (two overdue) and one in Torino."""
    with travel(frozen.subtract(years=2)):  # known long before their last calls
        ids = {
            "anna": contacts.create_contact("Anna Rossi", city="Milano", company="Lumen Digital", role="Head of PR"),
            "bruno": contacts.create_contact("Bruno Galli", city="milano"),
            "carla": contacts.create_contact("Carla Neri", city="MILANO", cadence_days=30),
            "dario": contacts.create_contact("Dario Conti", city="Milano", cadence_days=14),
            "fabio": contacts.create_contact("Fabio Riva", city="Torino"),
        }
    timeline.log_interaction([ids["anna"]], "call", at(20))
    timeline.log_interaction([ids["bruno"]], "call", at(2))
    timeline.log_interaction([ids["carla"]], "call", at(40))  # 10 days overdue
    timeline.log_interaction([ids["dario"]], "call", at(54))  # 40 days overdue
    followups.create_followup(ids["anna"], frozen.date() + dt.timedelta(days=2), "Send the paper")
    return ids


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


async def open_trip(pilot, city: str = "Milano") -> TripScreen:
    await settle(pilot)
    screen = TripScreen(city)
    pilot.app.push_screen(screen)
    await settle(pilot)
    assert pilot.app.screen is screen
    return screen


def rows(screen: TripScreen) -> list[list[str]]:
    table = screen.query_one("#trip-people")
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def status(screen: TripScreen) -> str:
    return str(screen.query_one("#trip-status").render())


async def test_people_overdue_first_then_warmest(database, milano):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_trip(pilot)
        shown = rows(screen)
        assert [row[1] for row in shown] == ["Dario Conti", "Carla Neri", "Bruno Galli", "Anna Rossi"]
        dario, carla, bruno, anna = shown
        assert dario[3] == "cold" and dario[5] == "40 d"
        assert carla[5] == "10 d" and bruno[5] == "" and bruno[3] == "warm"
        assert anna[2] == "Lumen Digital · Head of PR"
        assert anna[4] == "3 weeks ago"
        assert anna[6] == "1 · Send the paper"
        assert status(screen).startswith("4 people in Milano.")
        assert pilot.app.focused is screen.query_one("#trip-people")


async def test_select_two_and_tell_them_about_the_trip(database, milano):
    first, last = FROZEN_NOW.date() + dt.timedelta(days=11), FROZEN_NOW.date() + dt.timedelta(days=13)
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_trip(pilot)
        await pilot.press("f")  # nobody selected yet
        await pilot.pause()
        assert status(screen).startswith("Select people first")
        assert screen.query_one("#trip-status").has_class("-error")

        await pilot.press("space", "down", "space")  # Dario and Carla
        await pilot.pause()
        assert [row[0] for row in rows(screen)] == ["✓", "✓", "", ""]
        await pilot.press("f")  # no From yet: the field says so
        await pilot.pause()
        assert "starts" in status(screen)
        assert pilot.app.focused is screen.query_one("#trip-from", Input)
        assert trips.trips() == []

        await type_text(pilot, str(first))
        await pilot.press("tab")
        await type_text(pilot, str(last))
        await pilot.press("enter")  # lists again, keeping the selection
        await settle(pilot)
        assert pilot.app.focused is screen.query_one("#trip-people")
        assert [row[0] for row in rows(screen)] == ["✓", "✓", "", ""]
        await pilot.press("f")
        await settle(pilot)
        assert status(screen) == "2 follow-ups created for your trip to Milano."
        shown = rows(screen)
        assert shown[0][6] == f"1 · Tell them about my trip to Milano ({first})"
        assert shown[1][6].startswith("1 · Tell them")
        assert [row[0] for row in shown] == ["", "", "", ""]  # a second f would tell nobody twice

        # The same trip again (Bruno now): no second trip event.
        await pilot.press("down", "space", "f")  # the cursor stayed on Carla
        await settle(pilot)
        assert status(screen) == "1 follow-up created for your trip to Milano."

    saved = trips.trips()
    assert [(t.kind, t.city, t.title) for t in saved] == [("trip", "Milano", "Trip to Milano")]
    created = followups.open_for_contacts(list(milano.values()))
    told = {cid: [f for f in items if f.source_event_id == saved[0].id] for cid, items in created.items()}
    assert {cid for cid, items in told.items() if items} == {milano["dario"], milano["carla"], milano["bruno"]}
    assert all(f.due_on == first - dt.timedelta(days=7) for items in told.values() for f in items)  # a week before
    assert sum(len(items) for items in told.values()) == 3


async def test_a_bad_date_shows_in_red_and_focuses_the_field(database, milano):
    first = FROZEN_NOW.date() + dt.timedelta(days=11)
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_trip(pilot)
        screen.query_one("#trip-from", Input).focus()
        await type_text(pilot, "2026-02-31")
        await pilot.press("enter")
        await settle(pilot)
        assert status(screen) == "2026-02-31 is not a date: February 2026 has 28 days."
        assert screen.query_one("#trip-status").has_class("-error")
        assert pilot.app.focused is screen.query_one("#trip-from", Input)
        assert screen.query_one("#trip-from", Input).value == "2026-02-31"  # kept, selected

        # The trip ending before it starts is caught when it is saved.
        await type_text(pilot, str(first))
        await pilot.press("tab")
        await type_text(pilot, str(first - dt.timedelta(days=1)))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "f")
        await settle(pilot)
        assert status(screen) == "The trip ends before it starts."
        assert pilot.app.focused is screen.query_one("#trip-to", Input)
    assert trips.trips() == []


async def test_no_city_and_an_empty_city(database, milano):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_trip(pilot, "")
        assert pilot.app.focused is screen.query_one("#trip-city", Input)
        await pilot.press("enter")
        await settle(pilot)
        assert status(screen) == "Name the city of the trip."
        await type_text(pilot, "Atlantis")
        await pilot.press("enter")
        await settle(pilot)
        assert status(screen) == "Nobody in your network lives in Atlantis."
        assert not screen.query_one("#trip-status").has_class("-error")
        assert rows(screen) == []
        screen.query_one("#trip-city", Input).value = "torino"
        await pilot.press("enter")
        await settle(pilot)
        assert [row[1] for row in rows(screen)] == ["Fabio Riva"]


async def test_select_all_enter_opens_and_esc_goes_back(database, milano):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_trip(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert [row[0] for row in rows(screen)] == ["✓"] * 4
        await pilot.press("a")
        await pilot.pause()
        assert [row[0] for row in rows(screen)] == [""] * 4
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
        assert pilot.app.screen.contact_id == milano["carla"]
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, TripScreen)
