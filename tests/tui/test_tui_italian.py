"""A day at an event in Italian (netui --lang it): capture people, then complete a follow-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from netui import capture, cli, contacts, followups, i18n
from netui.app import NetuiApp
from netui.screens.capture import CaptureScreen
from netui.screens.today import TodayScreen
from support import type_text

SIZE = (120, 40)


def today_lines(screen: TodayScreen) -> list[str]:
    options = screen.query_one("#today-list")
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def test_capture_at_an_event_and_complete_a_follow_up_in_italian(frozen, database):
    in_two_days = frozen.date() + dt.timedelta(days=2)  # Marco's !2g
    assert cli.use_language(["--lang", "it"]) == "it"  # what `netui --lang it` does first
    try:
        event_id = capture.event_for_today("Festival del Marketing")
        async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
            await pilot.pause()
            pilot.app.screen.query_one("#events").focus()
            await pilot.pause()
            await pilot.press("c")  # capture at the highlighted event
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, CaptureScreen) and screen.event_id == event_id
            status = screen.query_one("#capture-status")

            # 31 February: said in Italian, and the line stays to be mended.
            await type_text(pilot, "Giulia Rossi !31/02")
            await pilot.press("enter")
            await pilot.pause()
            assert screen.query_one("#capture-line").value == "Giulia Rossi !31/02"
            assert "non è" in status.render().plain
            assert contacts.count_contacts() == 0
            await pilot.press("ctrl+u")

            await type_text(pilot, 'Giulia Rossi @Lumen Digital "Responsabile PR" #fintech giulia@lumen.it !oggi figli Luca e Marta')
            await pilot.press("enter")
            await pilot.pause()
            await type_text(pilot, "Marco Bianchi @Acme !2g")
            await pilot.press("enter")
            await pilot.pause()
            assert status.render().plain.startswith("Nuovo contatto: Marco Bianchi")
            assert f"{in_two_days:%d/%m/%Y}" in status.render().plain
            assert sorted(s.name for s in contacts.list_contacts()) == ["Giulia Rossi", "Marco Bianchi"]

            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("t")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            today = pilot.app.screen
            assert isinstance(today, TodayScreen)
            lines = today_lines(today)
            assert "Follow-up in scadenza oggi (1)" in lines
            assert any("Giulia Rossi" in line and "Follow-up dopo Festival del Marketing" in line for line in lines)
            options = today.query_one("#today-list")
            target = next(i for i, line in enumerate(lines) if "Giulia Rossi" in line)
            while options.highlighted != target:
                await pilot.press("j")
            await pilot.press("d")  # fatto
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert not any("Giulia Rossi" in line for line in today_lines(today))

        giulia, marco = (contacts.resolve_contact(name) for name in ("Giulia Rossi", "Marco Bianchi"))
        assert followups.open_for_contact(giulia) == []  # done
        assert [f.due_on for f in followups.open_for_contact(marco)] == [in_two_days]
    finally:
        i18n.set_language("en")
