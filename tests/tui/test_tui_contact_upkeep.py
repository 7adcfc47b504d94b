"""The contact screen's keep-in-touch keys, pressed for real: k, b, p, w, and the brief on top."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from netui import appointments, contacts, followups, timeline, upkeep
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from support import open_contact

SIZE = (120, 40)


def brief_of(screen: ContactScreen) -> str:
    return screen.query_one("#contact-brief").render().plain


async def test_k_sets_how_often_and_the_brief_says_so(frozen, database):
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital", role="Head of PR")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        assert "Head of PR at Lumen Digital" in brief_of(screen)
        await pilot.press("k")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#every").value = "1m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "keep in touch every 1 month" in brief_of(screen)
    assert upkeep.keep_in_touch(giulia).cadence_days == 30


async def test_b_adds_a_birthday_without_a_year(frozen, database):
    birthday = frozen.date() + dt.timedelta(days=4)
    giulia = contacts.create_contact("Giulia Rossi")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        await pilot.press("b")
        await pilot.pause()
        pilot.app.screen.query_one("#date").value = f"--{birthday:%m-%d}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert f"{birthday}  birthday · in 4 days" in brief_of(screen)  # coming up, no age
    assert [(d.label, d.year, d.month, d.day) for d in contacts.get_contact(giulia).important_dates] == [
        ("birthday", None, birthday.month, birthday.day)]


async def test_p_plans_a_recurring_appointment_with_them(frozen, database):
    # The day after tomorrow and two days later: "tue,thu" when today is a Sunday.
    first, second = (frozen.date() + dt.timedelta(days=n) for n in (2, 4))
    marco = contacts.create_contact("Marco Bianchi")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, marco)
        await pilot.press("p")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#title").value = "Padel"
        form.query_one("#start").value = f"{first} 19:00"
        form.query_one("#weekdays").value = f"{first:%a},{second:%a}".lower()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert f"{first} 19:00  Padel" in brief_of(screen)
    (padel,) = appointments.list_appointments(marco)
    (byday,) = [part.removeprefix("BYDAY=") for part in padel.rrule.split(";") if part.startswith("BYDAY=")]
    assert padel.rrule.startswith("FREQ=WEEKLY")
    assert set(byday.split(",")) == {f"{first:%a}"[:2].upper(), f"{second:%a}"[:2].upper()}  # TU, TH


async def test_w_logs_their_news_and_offers_a_congratulation(frozen, database):
    anna = contacts.create_contact("Anna Verdi")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await open_contact(pilot, anna)
        await pilot.press("w")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#milestone").value = "promotion"
        form.query_one("#note").value = "Head of Sales"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (news,) = timeline.contact_timeline(anna)
    assert (news.milestone, news.summary) == ("promotion", "Promotion: Head of Sales")
    (congratulate,) = followups.open_for_contact(anna)
    assert congratulate.action == "Congratulate on the promotion"
    assert congratulate.due_on == frozen.date() + dt.timedelta(days=2)


async def test_w_without_the_congratulation_logs_only(frozen, database):
    anna = contacts.create_contact("Anna Verdi")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await open_contact(pilot, anna)
        await pilot.press("w")
        await pilot.pause()
        pilot.app.screen.query_one("#congratulate").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(timeline.contact_timeline(anna)) == 1 and followups.open_for_contact(anna) == []
