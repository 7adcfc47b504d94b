"""Who did what in the TUI, with the real keys: `W` asks who in the team knows the people of a
company (Enter on a member opens the person they were last in touch with), Today's `T` shows
the team's follow-ups and back, and the contact screen says who in the team knows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, Static

from netui import contacts, followups, team, timeline
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.today import TodayScreen
from netui.screens.who_knows import WhoKnowsScreen
from support import open_contact, settle, type_text

SIZE = (120, 40)


@pytest.fixture
def lumen(database, frozen):
    people = {"giulia": contacts.create_contact("Giulia Rossi", company="Lumen", city="Milano"),
              "marco": contacts.create_contact("Marco Neri", company="Lumen", city="Torino"),
              "sara": contacts.create_contact("Sara Conti", company="Ferri", city="Milano")}
    team.use("bob")
    timeline.log_interaction([people["marco"]], "meeting", frozen.subtract(days=40))
    team.use("carla")
    timeline.log_interaction([people["giulia"]], "call", frozen.subtract(days=2))
    team.use("anna")
    return people


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


def cells(screen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_w_asks_who_knows_and_enter_opens_the_person(lumen, database):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, WhoKnowsScreen)
        field = screen.query_one("#who-knows-query", Input)
        field.value = ""  # (the highlighted person's company was offered: ask another)
        field.focus()
        await type_text(pilot, "lumen")
        await pilot.press("enter")
        await settle(pilot)
        title = str(screen.query_one("#who-knows-title", Label).render())
        assert title == "2 people match 'lumen'; who knows them, warmest first:"
        assert cells(screen) == [["carla", "1", "warm", "2 days ago", "Giulia Rossi"],
                                 ["bob", "1", "cooling", "1 month ago", "Marco Neri"]]
        await pilot.press("j", "enter")  # bob's row: the person he was last in touch with
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert pilot.app.screen.contact_id == lumen["marco"]
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("slash")
        assert pilot.app.focused is field
        field.value = ""
        await type_text(pilot, "Nobody")
        await pilot.press("enter")
        await settle(pilot)
        assert str(screen.query_one("#who-knows-title", Label).render()) == "Nobody in the network matches 'Nobody'."
        assert cells(screen) == []


async def test_w_asks_about_the_highlighted_persons_company(lumen, database):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("W")  # the list is by name: Giulia Rossi (Lumen) first
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#who-knows-query", Input).value == "Lumen"
        assert [row[0] for row in cells(screen)] == ["carla", "bob"]


async def test_today_t_shows_the_teams_followups_and_back(lumen, database, frozen):
    mine = followups.create_followup(lumen["giulia"], frozen.date(), "Send the deck")
    team.use("bob")
    followups.create_followup(lumen["marco"], frozen.date(), "Call about the offer")
    team.use("anna")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TodayScreen)

        def shown() -> str:
            options = screen.query_one("#today-list")
            return "\n".join(options.get_option_at_index(i).prompt.plain for i in range(options.option_count))

        summary = lambda: str(screen.query_one("#today-summary", Static).render())  # noqa: E731
        assert "Send the deck" in shown() and "Call about the offer" not in shown()
        assert "1 more of the team's (T)" in summary()
        await pilot.press("T")
        await settle(pilot)
        assert "Marco Neri — Call about the offer  (bob)" in shown()
        assert "Giulia Rossi — Send the deck  (mine)" in shown()
        assert "the team's follow-ups" in summary()
        await pilot.press("T")
        await settle(pilot)
        assert "Call about the offer" not in shown() and [r.id for r in screen.rows.values()] == [mine]


async def test_the_contact_screen_says_who_in_the_team_knows_them(lumen, database):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, lumen["giulia"])
        brief = str(screen.query_one("#contact-brief", Static).render())
        assert "Known in the team: carla 2 days ago" in brief
        await pilot.press("escape")
        screen = await open_contact(pilot, lumen["sara"])
        assert "Known in the team" not in str(screen.query_one("#contact-brief", Static).render())
