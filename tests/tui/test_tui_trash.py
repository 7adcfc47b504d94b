"""The trash, with real keys: restore someone, erase someone for good (after saying yes)."""

from __future__ import annotations

from pathlib import Path

from netui import contacts, lifecycle, timeline
from netui.store import search
from netui.app import NetuiApp
from netui.screens.confirm import ConfirmScreen
from netui.screens.trash import TrashScreen

SIZE = (120, 40)


async def open_trash(pilot) -> TrashScreen:
    await pilot.pause()
    await pilot.press("ctrl+p", *"contacts: trash")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TrashScreen)
    return pilot.app.screen


async def test_restore_and_purge_from_the_trash(database):
    giulia = contacts.create_contact("Giulia Rossi", notes="likes opera")
    marco = contacts.create_contact("Marco Bianchi")
    timeline.log_interaction([marco], "call", summary="only with Marco")
    lifecycle.trash_contact(giulia)
    lifecycle.trash_contact(marco)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_trash(pilot)
        assert "2 people in the trash" in screen.query_one("#trash-status").render().plain
        await pilot.press("u")  # Giulia (first by name) goes back
        await pilot.pause()
        assert screen.query_one("#trash-list").row_count == 1
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # changed their mind: nothing erased
        await pilot.pause()
        assert contacts.list_contacts(trashed=True)[0].id == marco
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "The trash is empty." in screen.query_one("#trash-status").render().plain
        assert screen.check_action("purge", ()) is False
    assert [s.id for s in contacts.list_contacts()] == [giulia]
    assert contacts.list_contacts(trashed=True) == []
    assert search.search_ids("marco") == [] and timeline.count_interactions() == 0


async def test_erasing_someone_erases_the_captured_line_about_them_not_saved_yet(database, frozen):
    """A quick-capture line naming them, typed and not saved yet, goes with them, and the
    notice says so; a line about someone else stays."""
    from netui import capture

    marco = contacts.create_contact("Marco Bianchi")
    lifecycle.trash_contact(marco)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the start's recovery of waiting lines is over
        capture.journal("Marco Bianchi !1w asked about the opera tickets")  # typed in another netui
        capture.journal("Sara Conti !2d met at the bar")
        screen = TrashScreen()
        await pilot.app.push_screen(screen)
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        said = " | ".join(str(n.message) for n in pilot.app._notifications)
        assert ("Marco Bianchi was erased for good. The captured line naming them that was not saved yet "
                "was erased too.") in said
    assert [line.line for line in capture.waiting_lines()] == ["Sara Conti !2d met at the bar"]


async def test_ctrl_z_passes_over_people_restored_or_erased_in_the_trash(database):
    """ctrl+z takes back the last move to the trash that still stands: someone restored in the
    trash is not restored twice, someone erased there is no error."""
    contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Marco Bianchi")
    contacts.create_contact("Sara Conti")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", "d", "d")  # each first in the list: Giulia, Marco, then Sara
        await pilot.pause()
        screen = await open_trash(pilot)
        await pilot.press("u")  # Giulia (first by name) goes back
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("y")  # Marco, erased for good
        await pilot.pause()
        assert screen.query_one("#trash-list").row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.press("ctrl+z")  # Sara, trashed last, still in the trash: back
        await pilot.pause()
        await pilot.press("ctrl+z")  # Marco is gone, Giulia back already
        await pilot.pause()
        said = [str(n.message) for n in pilot.app._notifications]
        assert said == ["Restored Sara Conti.", "Nothing to undo."]
    assert sorted(c.name for c in contacts.list_contacts()) == ["Giulia Rossi", "Sara Conti"]


async def test_the_trash_in_italian(database, italian):
    giulia = contacts.create_contact("Giulia Rossi")
    lifecycle.trash_contact(giulia)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = TrashScreen()
        await pilot.app.push_screen(screen)
        await pilot.pause()
        assert screen.query_one("#trash-status").render().plain.startswith("1 persona nel cestino.")
        await pilot.press("P")
        await pilot.pause()
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert {"Sì", "No"} <= {active.binding.description for active in confirm.active_bindings.values()}
        await pilot.press("s")  # sì
        await pilot.pause()
        assert screen.query_one("#trash-status").render().plain == "Il cestino è vuoto."
