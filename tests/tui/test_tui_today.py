"""The Today screen with real keys: every kind of row can be acted on (on the stopped clock's day)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pendulum

from conftest import travel
from netui import appointments, contacts, events, followups, timeline, upkeep
from netui.app import NetuiApp
from netui.screens.today import TodayScreen
from support import settle

SIZE = (120, 40)


def a_full_day(now: pendulum.DateTime) -> dict:
    """One row of every kind for the day of `now` (the stopped clock)."""
    today = now.date()
    birthday, summit_day = today + dt.timedelta(days=3), today + dt.timedelta(days=4)
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    marco = contacts.create_contact("Marco Bianchi")
    anna = contacts.create_contact("Anna Verdi")
    late = followups.create_followup(giulia, today, "Send the slides", "email")
    followups.reschedule_followup(late, today - dt.timedelta(days=3))  # three days late
    due = followups.create_followup(marco, today, "Call about the offer", "phone")
    # Every week on today's weekday, since a week ago.
    tennis = appointments.create_appointment("Tennis", [marco], f"{today - dt.timedelta(days=7)} 18:00",
                                             freq="weekly", weekdays=f"{today:%a}".lower(), timezone="Europe/Rome")
    contacts.add_important_date(anna, "birthday", birthday.month, birthday.day, birthday.year - 40)
    timeline.log_interaction([anna], "call", now.subtract(days=90))
    upkeep.set_cadence(anna, "1m")  # last contact 90 days ago: overdue
    summit = events.create_event(title="Fintech Summit", kind="convention",
                                 starts_at=f"{summit_day} 09:00", city="Milano")
    return dict(giulia=giulia, marco=marco, anna=anna, late=late, due=due, tennis=tennis, summit=summit,
                birthday=birthday, summit_day=summit_day)


async def open_today(pilot) -> TodayScreen:
    await pilot.pause()
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TodayScreen)
    return pilot.app.screen


def lines(screen: TodayScreen) -> list[str]:
    options = screen.query_one("#today-list")
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def go_to(pilot, screen: TodayScreen, text: str) -> None:
    """Move the highlight with j/k to the first row containing `text`."""
    target = next(i for i, line in enumerate(lines(screen)) if text in line)
    options = screen.query_one("#today-list")
    while options.highlighted != target:
        await pilot.press("j" if options.highlighted < target else "k")
    await pilot.pause()


async def test_sections_in_order_with_every_kind(frozen, database):
    day = a_full_day(frozen)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        shown = lines(screen)
    headers = [line for line in shown if not line.startswith("  ")]
    assert headers == ["Overdue follow-ups (1)", "Follow-ups due today (1)", "Appointments today (1)",
                       "Dates in the next 7 days (1)", "Time to get in touch (1)", "Events in the next 14 days (1)"]
    body = "\n".join(shown)
    assert "3 d late" in body and "Giulia Rossi — Send the slides  (email)" in body
    assert "18:00–19:00" in body and "Marco Bianchi — Tennis" in body
    assert "Anna Verdi — birthday  (turns 40)" in body and f"in 3 d, {day['birthday']:%a %d %b}" in body
    assert "Fintech Summit" in body and f"in 4 d, {day['summit_day']:%a %d %b} 09:00" in body


async def test_done_and_done_with_log_on_follow_ups(frozen, database):
    day = a_full_day(frozen)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await go_to(pilot, screen, "Send the slides")
        await pilot.press("d")
        await settle(pilot)
        assert not any("Send the slides" in line for line in lines(screen))
        await go_to(pilot, screen, "Call about the offer")
        await pilot.press("D")  # done, and the call it was for is logged
        await settle(pilot)
        assert not any("Call about the offer" in line for line in lines(screen))
    assert followups.get_followup(day["late"]).done_at is not None
    assert followups.get_followup(day["due"]).done_at is not None
    assert timeline.contact_timeline(day["giulia"]) == []  # plain done logs nothing
    logged = timeline.contact_timeline(day["marco"])
    assert [(i.kind, i.summary) for i in logged] == [("call", "Call about the offer")]


async def test_appointment_done_logs_it_and_snooze_skips_the_next_one(frozen, database):
    day = a_full_day(frozen)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await go_to(pilot, screen, "Tennis")
        await pilot.press("d")
        await settle(pilot)
        assert not any("Tennis" in line for line in lines(screen))
    assert [i.kind for i in timeline.contact_timeline(day["marco"])] == ["meeting"]
    next_week = frozen.add(weeks=1).at(9)
    with travel(next_week):
        async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
            screen = await open_today(pilot)
            await go_to(pilot, screen, "Tennis")
            await pilot.press("s")  # an appointment is skipped, not snoozed
            await settle(pilot)
            assert not any("Tennis" in line for line in lines(screen))
        assert appointments.occurrences_between(next_week.date(), next_week.date())[0].status == "skipped"


async def test_snooze_a_follow_up_and_a_cadence(frozen, database):
    day = a_full_day(frozen)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await go_to(pilot, screen, "Send the slides")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the form offers 1 day
        await settle(pilot)
        assert pilot.app.screen is screen and not any("Send the slides" in line for line in lines(screen))
        await go_to(pilot, screen, "Keep in touch")
        await pilot.press("s")
        await pilot.pause()
        pilot.app.screen.query_one("#days").value = "10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not any("Keep in touch" in line for line in lines(screen))
    today = frozen.date()
    assert followups.get_followup(day["late"]).effective_due == today + dt.timedelta(days=1)
    assert upkeep.keep_in_touch(day["anna"]).snoozed_until == today + dt.timedelta(days=10)


async def test_reschedule_log_and_open(frozen, database):
    day = a_full_day(frozen)
    later = frozen.date() + dt.timedelta(days=11)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await go_to(pilot, screen, "Send the slides")
        await pilot.press("r")
        await pilot.pause()
        pilot.app.screen.query_one("#due_on").value = str(later)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not any("Send the slides" in line for line in lines(screen))
        await go_to(pilot, screen, "birthday")
        await pilot.press("l")  # log with Anna: the form comes with her in it
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "InteractionForm"
        await pilot.press("escape")
        await pilot.pause()
        await go_to(pilot, screen, "Fintech Summit")
        await pilot.press("enter")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "EventScreen"
        await pilot.press("escape")
        await settle(pilot)
        await go_to(pilot, screen, "Keep in touch")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen.contact_id == day["anna"]
    assert followups.get_followup(day["late"]).effective_due == later


async def test_keys_that_do_not_fit_the_row_are_hidden(frozen, database):
    a_full_day(frozen)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await go_to(pilot, screen, "Fintech Summit")
        assert screen.check_action("done", ()) is False and screen.check_action("log", ()) is False
        assert screen.check_action("open", ()) is True
        await pilot.press("d")  # nothing happens to an event
        await settle(pilot)
        assert any("Fintech Summit" in line for line in lines(screen))


async def test_an_empty_day_says_so(frozen, database):
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        assert "nothing to do" in screen.query_one("#today-summary").render().plain
