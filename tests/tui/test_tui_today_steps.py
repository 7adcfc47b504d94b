"""The Today screen in two steps: its first rows show while the rest (the keep-in-touch pass,
the dates) is still being computed, then the whole agenda replaces them, the highlight kept."""

from __future__ import annotations

import threading
from pathlib import Path

from conftest import travel
from netui import agenda, contacts, followups, upkeep
from netui.app import NetuiApp
from netui.screens.today import TodayScreen
from support import settle

SIZE = (120, 40)


def lines(screen: TodayScreen) -> list[str]:
    options = screen.query_one("#today-list")
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def test_first_rows_show_before_the_slow_part_then_the_whole(frozen, database, monkeypatch):
    today = frozen.date()
    with travel(frozen.subtract(years=1)):
        giulia = contacts.create_contact("Giulia Rossi")
        anna = contacts.create_contact("Anna Verdi")
    followups.create_followup(giulia, today.subtract(days=2), "Send the slides")
    contacts.add_important_date(anna, "birthday", today.month, today.day, 1984)  # a leap year: today may be 29 February
    upkeep.set_cadence(anna, "1m")  # added a year ago, never contacted: overdue
    slow_part_may_end = threading.Event()
    whole = agenda.complete_agenda

    def held_back(head):
        assert slow_part_may_end.wait(10)
        return whole(head)

    monkeypatch.setattr(agenda, "complete_agenda", held_back)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        for _ in range(100):  # the first step arrives while the second waits
            await pilot.pause(0.02)
            if isinstance(pilot.app.screen, TodayScreen) and lines(pilot.app.screen):
                break
        screen = pilot.app.screen
        first = lines(screen)
        assert first[:2] == ["Overdue follow-ups (1)", "  2 d late              Giulia Rossi — Send the slides"]
        assert "Dates in the next 7 days (…)" in first and "Time to get in touch (…)" in first
        assert not any("Anna Verdi" in line for line in first)
        summary = str(screen.query_one("#today-summary").render())
        assert "still looking…" in summary and not screen.all_shown
        assert screen.current.label == "Send the slides"
        slow_part_may_end.set()
        await settle(pilot)
        shown = lines(screen)
        assert screen.all_shown
        assert [line for line in shown if not line.startswith("  ")] == [
            "Overdue follow-ups (1)", "Dates in the next 7 days (1)", "Time to get in touch (1)"]
        assert sum("Anna Verdi" in line for line in shown) == 2  # her birthday, and keeping in touch
        assert "still looking…" not in str(screen.query_one("#today-summary").render())
        assert screen.current.label == "Send the slides"  # the highlight stayed where it was
