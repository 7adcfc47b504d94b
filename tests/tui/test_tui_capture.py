"""Capture mode driven with real keys: five people in a row at one event, no mouse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from netui import capture, contacts, events, timeline
from netui.app import NetuiApp
from netui.screens.capture import CaptureScreen
from support import settle, type_text

SIZE = (120, 40)
PEOPLE = [
    'Giulia Rossi @Lumen Digital "Head of PR" #fintech giulia@lumen.it !2d kids Luca and Marta',
    "Nicolò D'Amico @Caffè Nero #coffee +39 333 765 4321",
    "Ingrid Ødegaard @Fjord Capital, investor, call next week !1w",
    "王伟 @Shenzhen Robotics wang.wei@example.cn",
    "Marco Bianchi @Acme !tomorrow",
]


def screen_text(pilot) -> str:
    return pilot.app.screen.query_one("#capture-status").render().plain


async def test_capture_five_people_undo_one_and_update_one(frozen, database):
    event_id = capture.event_for_today("Web Marketing Festival")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # From the planner, with the event highlighted, c captures at that event.
        pilot.app.screen.query_one("#events").focus()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CaptureScreen) and screen.event_id == event_id
        for line in PEOPLE:
            await type_text(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.query_one("#capture-line").value == ""  # cleared only once saved
        assert screen_text(pilot).startswith("Added Marco Bianchi")
        assert contacts.count_contacts() == 5
        # ctrl+z takes Marco back, and only him.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Marco Bianchi" in screen_text(pilot)
        names = sorted(s.name for s in contacts.list_contacts())
        assert names == sorted(["Giulia Rossi", "Nicolò D'Amico", "Ingrid Ødegaard", "王伟"])
        # Giulia again, by e-mail: the preview says it, Enter updates her.
        await type_text(pilot, 'Giulia Rossi giulia@lumen.it "CMO" #speaker')
        await settle(pilot)  # the preview's worker has answered
        assert "Updates Giulia Rossi (same e-mail)" in screen.query_one("#capture-preview").render().plain
        await pilot.press("enter")
        await pilot.pause()
        assert screen_text(pilot).startswith("Updated Giulia Rossi")
        log = screen.query_one("#capture-log")
        shown = [str(log.get_option_at_index(i).prompt) for i in range(log.option_count)]
        assert [line.split(" · ")[0] for line in shown] == [
            "updated Giulia Rossi", "added 王伟", "added Ingrid Ødegaard", "added Nicolò D'Amico",
            "added Giulia Rossi"]
    # The database holds exactly what the screen said.
    assert contacts.count_contacts() == 4
    giulia = contacts.get_contact(contacts.resolve_contact("Giulia Rossi"))
    assert (giulia.role, giulia.tags) == ("CMO", ["fintech", "speaker"])
    assert sorted(a.name for a in events.get_event(event_id).attendees) == sorted(
        ["Giulia Rossi", "Nicolò D'Amico", "Ingrid Ødegaard", "王伟"])
    assert timeline.count_interactions() == 4


async def test_a_bad_line_stays_in_the_field_with_the_reason(frozen, database):
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        await type_text(pilot, "Bob Smith !2026-02-31")
        await settle(pilot)  # the preview's worker has answered
        assert "February 2026 has 28 days" in screen.query_one("#capture-preview").render().plain
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#capture-line").value == "Bob Smith !2026-02-31"
        assert "February 2026 has 28 days" in screen.query_one("#capture-preview").render().plain
        assert "February 2026 has 28 days" in screen_text(pilot)  # Enter may come before the preview
        assert contacts.count_contacts() == 0
        await pilot.press("ctrl+u")  # another line: what was said of the old one goes
        await type_text(pilot, "Bob Smith !2d")
        await settle(pilot)
        assert screen_text(pilot) == "" and "February" not in screen.query_one("#capture-preview").render().plain
        await pilot.press("ctrl+u")  # a note run into the name is asked about
        await type_text(pilot, "Bob Smith met again")
        await settle(pilot)
        assert ('Is all of "Bob Smith met again" the name? A comma ends it: Bob Smith, …'
                in screen.query_one("#capture-preview").render().plain)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CaptureScreen)


async def test_capture_in_italian_shows_the_italian_due_forms(frozen, database, italian):
    in_two_days = f"{frozen.date() + dt.timedelta(days=2):%d/%m/%Y}"  # !2g, written the Italian way
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = CaptureScreen()
        await app.push_screen(screen)
        await pilot.pause()
        help_text = screen.query_one("#capture-preview").render().plain
        assert "!2g" in help_text and "!1s" in help_text and "!domani" in help_text
        assert screen.query_one("#capture-line").placeholder.startswith("es. ")
        await type_text(pilot, "Marco Bianchi @Acme !2g")
        await settle(pilot)  # the preview's worker has answered
        preview = screen.query_one("#capture-preview").render().plain
        assert "Nuovo contatto" in preview and f"Follow-up: {in_two_days}" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert screen_text(pilot) == f"Nuovo contatto: Marco Bianchi · follow-up il {in_two_days}"


async def test_a_line_left_with_escape_before_enter_is_back_the_next_time(frozen, database):
    # One stray Esc at a conference must not lose the person being typed: the line is kept
    # (not saved: Enter was not pressed) and is back in the field at the next c.
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Franco Neri @Zeta, important person")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CaptureScreen)
        assert contacts.count_contacts() == 0
        assert any("is kept, not saved" in notice.message for notice in pilot.app._notifications)
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#capture-line").value == "Franco Neri @Zeta, important person"
        assert "Franco Neri" in screen.query_one("#capture-preview").render().plain
        await pilot.press("enter")
        await pilot.pause()
        assert [person.name for person in contacts.list_contacts()] == ["Franco Neri"]
        await pilot.press("escape")  # an empty field: nothing kept, nothing said
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert pilot.app.screen.query_one("#capture-line").value == ""
