"""Capture mode, a name alone that several people have: the preview lists them, the keys choose."""

from __future__ import annotations

from pathlib import Path

from netui import capture, contacts, events, timeline
from netui.app import NetuiApp
from netui.screens.capture import CaptureScreen
from support import settle, type_text

SIZE = (120, 40)


async def open_capture(pilot, event_id: int) -> CaptureScreen:
    await pilot.pause()
    screen = CaptureScreen(event_id)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


def text_of(screen, selector: str) -> str:
    return screen.query_one(selector).render().plain


async def test_choosing_one_of_two_people_with_the_keys(database, frozen):
    fair = capture.event_for_today("Fiera")
    acme = contacts.create_contact("Franco Neri", company="Acme")
    beta = contacts.create_contact("Franco Neri", company="Beta")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot, fair)
        await type_text(pilot, "franco neri !1w")
        await settle(pilot)  # the preview's worker has answered
        preview = text_of(screen, "#capture-preview")
        assert "2 people are called franco neri" in preview
        assert f"Franco Neri · Acme (#{acme})" in preview and f"Franco Neri · Beta (#{beta})" in preview
        assert not screen.query_one("#capture-choice").display
        # Enter does not guess: the choice opens, the line stays, nothing is saved.
        await pilot.press("enter")
        await pilot.pause()
        choice = screen.query_one("#capture-choice")
        assert choice.display and choice.has_focus
        assert [str(choice.get_option_at_index(i).prompt) for i in range(choice.option_count)] == [
            f"Franco Neri · Acme (#{acme})", f"Franco Neri · Beta (#{beta})", "A new person called franco neri"]
        assert "Who is this?" in text_of(screen, "#capture-status")
        assert screen.query_one("#capture-line").value == "franco neri !1w"
        assert timeline.count_interactions() == 0
        # The footer says what Enter and Esc do here.
        shown = {b.binding.description for b in screen.active_bindings.values() if b.binding.show}
        assert {"Save as this person", "Back to the line"} <= shown
        await pilot.press("down", "enter")
        await pilot.pause()
        assert text_of(screen, "#capture-status").startswith("Updated Franco Neri")
        assert screen.query_one("#capture-line").value == "" and screen.query_one("#capture-line").has_focus
        assert not choice.display
    assert contacts.count_contacts() == 2
    assert (timeline.count_interactions(acme), timeline.count_interactions(beta)) == (0, 1)
    assert [(a.contact_id, a.company, a.status) for a in events.get_event(fair).attendees] == [(beta, "Beta", "met")]


async def test_a_new_person_or_back_to_the_line(database, frozen):
    fair = capture.event_for_today("Fiera")
    contacts.create_contact("Franco Neri", company="Acme")
    contacts.create_contact("Franco Neri", company="Beta")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot, fair)
        await type_text(pilot, "Franco Neri")
        await pilot.press("enter")
        await pilot.pause()
        # Esc goes back to the line, saving nothing (and stays in capture mode).
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaptureScreen)
        assert screen.query_one("#capture-line").has_focus and not screen.query_one("#capture-choice").display
        assert contacts.count_contacts() == 2
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end", "enter")  # the last entry: a new person
        await pilot.pause()
        assert text_of(screen, "#capture-status").startswith("Added Franco Neri")
    assert contacts.count_contacts() == 3


async def test_one_person_of_that_name_is_updated_with_their_spelling(database, frozen):
    fair = capture.event_for_today("Fiera")
    franco = contacts.create_contact("Franco Neri", company="Acme")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot, fair)
        await type_text(pilot, "franco neri !1w")
        await settle(pilot)  # the preview's worker has answered
        assert "Updates Franco Neri (same name)" in text_of(screen, "#capture-preview")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(screen, "#capture-status").startswith("Updated Franco Neri")
    assert [(s.id, s.name) for s in contacts.list_contacts()] == [(franco, "Franco Neri")]


async def test_the_preview_says_when_the_event_has_not_started(database, frozen):
    from conftest import FROZEN_NOW
    from netui import when

    starts = FROZEN_NOW.add(days=4)
    fair = events.create_event("Fiera", starts_at=starts)
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(pilot, fair)
        await type_text(pilot, "Franco Neri @Acme")
        await settle(pilot)  # the preview's worker has answered
        day = when.typed_date(when.plain_date(starts.in_timezone(when.local_zone())))
        assert f"Fiera starts on {day}: recorded as to meet" in text_of(screen, "#capture-preview")
        await pilot.press("enter")
        await pilot.pause()
    assert [(a.name, a.status) for a in events.get_event(fair).attendees] == [("Franco Neri", "to meet")]
