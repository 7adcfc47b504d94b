"""Who reaches out in the TUI, with the real keys: the log form's "who reached out" field (I
did by default, they did when chosen, nothing for a note), the contact screen's sentence when
it is lopsided, and the reach view (`o`, the palette) whose rows open the person."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, Static

from netui import contacts, timeline
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.interaction_form import InteractionForm
from netui.screens.reach import ReachScreen
from support import open_contact, settle, tab_to, type_text

SIZE = (120, 40)


@pytest.fixture
def people(database) -> dict[str, int]:
    return {"giulia": contacts.create_contact("Giulia Rossi", company="Lumen Digital"),
            "marco": contacts.create_contact("Marco Verdi", company="Ferri SpA")}


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


def log(contact_id, days_ago, initiated_by, now, kind="call"):
    timeline.log_interaction([contact_id], kind, now.subtract(days=days_ago), summary=kind,
                             initiated_by=initiated_by)


async def open_log_form(pilot, contact_id: int) -> InteractionForm:
    await open_contact(pilot, contact_id)
    await pilot.press("l")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, InteractionForm)
    return form


async def test_the_log_form_says_i_reached_out_unless_told_otherwise(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form(pilot, people["giulia"])
        assert form.query_one("#initiated_by", Select).value == "me"
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await settle(pilot)
        [info] = timeline.contact_timeline(people["giulia"])
        assert info.initiated_by == "me"


async def test_they_reached_out_chosen_with_the_keys(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form(pilot, people["giulia"])
        await tab_to(pilot, "initiated_by")
        await pilot.press("enter", "down", "enter")     # "They did"
        await pilot.pause()
        assert form.query_one("#initiated_by", Select).value == "them"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [info] = timeline.contact_timeline(people["giulia"])
        assert info.initiated_by == "them"


async def test_a_note_has_nobody_who_reached_out(frozen, database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_log_form(pilot, people["giulia"])
        await tab_to(pilot, "kind")
        await pilot.press("enter", *["down"] * 7, "enter")  # the list, down to the last kind: note
        await pilot.pause()
        assert form.query_one("#kind", Select).value == "note"
        assert form.query_one("#initiated_by", Select).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        [info] = timeline.contact_timeline(people["giulia"])
        assert (info.kind, info.initiated_by) == ("note", None)


async def test_the_contact_screen_says_when_it_is_lopsided(frozen, database, people):
    for day in range(10, 0, -1):
        log(people["giulia"], day, "them" if day in (4, 7) else "me", frozen)
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, people["giulia"])
        assert "you reached out 8 of the last 10 times" in str(screen.query_one("#contact-brief", Static).visual)
        await pilot.press("escape")
        other = await open_contact(pilot, people["marco"])
        assert "reached out" not in str(other.query_one("#contact-brief", Static).visual)


async def test_the_reach_view_lists_both_and_opens_the_person(frozen, database, people):
    for day in (9, 6, 3):
        log(people["giulia"], day, "me", frozen)
    log(people["marco"], 2, "them", frozen, kind="email")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReachScreen)
        quiet = screen.query_one("#reach-quiet", DataTable)
        waiting = screen.query_one("#reach-waiting", DataTable)
        assert [quiet.get_row_at(i)[0].plain for i in range(quiet.row_count)] == ["Giulia Rossi"]
        assert [str(cell) for cell in waiting.get_row_at(0)][:3] == ["Marco Verdi", "Ferri SpA", "email"]
        assert pilot.app.focused is quiet

        await pilot.press("tab", "enter")               # the other list: open Marco
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen) and pilot.app.screen.contact_id == people["marco"]

        # Answer him from his screen: he leaves the list when the view shows again.
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "1 hour ago")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen and waiting.row_count == 0


async def test_the_palette_opens_the_reach_view(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "who reaches out")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReachScreen)
