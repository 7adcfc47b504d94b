"""Capture mode and the journal (issue 18): a line Enter wrote down is never lost -- not when
several people have its name and the user walks away, not when netui stopped before making
the person of it. It comes back to the user, in the capture field."""

from __future__ import annotations

from pathlib import Path

from netui import capture, contacts, timeline
from netui.app import NetuiApp
from netui.screens.capture import CaptureScreen
from support import settle, type_text

SIZE = (120, 40)


def said(app) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


def text_of(screen, selector: str) -> str:
    return screen.query_one(selector).render().plain


def two_franco_neris_at_a_fair() -> tuple[int, int]:
    """Today's fair, and two people named Franco Neri (at Acme and at Beta): the fair, Acme's."""
    fair = capture.event_for_today("Fiera")
    acme = contacts.create_contact("Franco Neri", company="Acme")
    contacts.create_contact("Franco Neri", company="Beta")
    return fair, acme


async def enter_in_capture_mode(pilot, event_id: int, line: str) -> CaptureScreen:
    """Open capture mode at the event, type `line` and press Enter: the capture screen."""
    await settle(pilot)
    await pilot.app.push_screen(CaptureScreen(event_id))
    await settle(pilot)
    screen = pilot.app.screen
    await type_text(pilot, line)
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def test_a_line_left_over_from_a_stop_is_saved_at_start_and_said(database, frozen):
    capture.journal("Giulia Rossi @Lumen !2d", capture.event_for_today("Fiera"))  # then netui stopped
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, rounds=3)
        assert "Saved 1 captured line that had not been saved when netui stopped: Giulia Rossi." in said(app)
    assert [s.name for s in contacts.list_contacts()] == ["Giulia Rossi"]
    assert capture.waiting_lines() == []


async def test_a_waiting_line_that_needs_a_choice_comes_back_in_capture_mode(database, frozen):
    fair = capture.event_for_today("Fiera")
    contacts.create_contact("Franco Neri", company="Acme")
    beta = contacts.create_contact("Franco Neri", company="Beta")
    capture.journal("Franco Neri !1w", fair)  # Enter, then netui stopped with the choice open
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, rounds=3)
        assert "1 captured line is not saved yet: press c to finish it." in said(app)
        await pilot.press("c")
        await settle(pilot, rounds=2)
        screen = pilot.app.screen
        assert isinstance(screen, CaptureScreen)
        assert screen.query_one("#capture-line").value == "Franco Neri !1w"
        assert text_of(screen, "#capture-event") == "Capturing at Fiera"
        choice = screen.query_one("#capture-choice")
        assert choice.display and choice.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert text_of(screen, "#capture-status").startswith("Updated Franco Neri")
        assert screen.query_one("#capture-line").value == ""
    assert capture.waiting_lines() == []
    assert timeline.count_interactions(beta) == 1 and contacts.count_contacts() == 2


async def test_a_line_walked_away_from_waits_and_an_emptied_field_drops_it(database, frozen):
    fair, _acme = two_franco_neris_at_a_fair()
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await enter_in_capture_mode(pilot, fair, "Franco Neri")
        assert screen.query_one("#capture-choice").display
        assert [w.line for w in capture.waiting_lines()] == ["Franco Neri"]  # written down already
        await pilot.press("escape")  # back to the line
        await pilot.pause()
        await pilot.press("escape")  # out of capture mode
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CaptureScreen)
        assert "The line in the field is not saved yet" in said(app)
        assert [w.line for w in capture.waiting_lines()] == ["Franco Neri"]
        await pilot.press("c")
        await settle(pilot, rounds=2)
        screen = pilot.app.screen
        assert screen.query_one("#capture-line").value == "Franco Neri"
        await pilot.press("escape")  # the choice closes; the field has the focus
        await pilot.pause()
        await pilot.press("ctrl+u")  # the user empties the field: the line goes
        await settle(pilot)
        assert screen.query_one("#capture-line").value == ""
    assert capture.waiting_lines() == []
    assert contacts.count_contacts() == 2 and timeline.count_interactions() == 0


async def test_a_changed_line_replaces_the_one_written_down(database, frozen):
    fair, acme = two_franco_neris_at_a_fair()
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await enter_in_capture_mode(pilot, fair, "Franco Neri")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " @Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(screen, "#capture-status").startswith("Updated Franco Neri")
    assert capture.waiting_lines() == []
    assert timeline.count_interactions(acme) == 1 and timeline.count_interactions() == 1


async def test_a_waiting_line_whose_event_is_gone_comes_back_without_it(database, frozen):
    fair = capture.event_for_today("Fiera")
    capture.journal("Giulia Rossi @Lumen !2d", fair)
    capture.events.delete_event(fair)
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, rounds=3)
        assert "1 captured line is not saved yet" in said(app)
        await pilot.press("c")
        await settle(pilot, rounds=2)
        screen = pilot.app.screen
        assert screen.query_one("#capture-line").value == "Giulia Rossi @Lumen !2d"
        assert f"There is no event #{fair}." in text_of(screen, "#capture-status")
        assert text_of(screen, "#capture-event") == "Capturing (no event)"
        await pilot.press("enter")  # saved without the event
        await pilot.pause()
        assert text_of(screen, "#capture-status").startswith("Added Giulia Rossi")
    assert capture.waiting_lines() == [] and contacts.count_contacts() == 1
