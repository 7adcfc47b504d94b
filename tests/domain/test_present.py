"""netui.present: the texts both faces show (the brief's lines, the agenda's rows, day words),
and that `netui brief` / `netui today` and the contact and Today screens say the same words."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from conftest import FROZEN_NOW
from netui import agenda, contacts, events, followups, giving, i18n, present, upkeep
from netui.store import db

D = dt.date(2026, 12, 3)  # a Thursday


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def row(kind: str, days: int = 0, **extra) -> agenda.AgendaRow:
    values = dict(kind=kind, id=7, contact_ids=(1,), names=("Giulia Rossi",), label="Send the deck", on=D,
                  days=days, at=None, detail="")
    values.update(extra)
    return agenda.AgendaRow(**values)


def status(cadence_days, source="contact", overdue=0, due_on=None, warmth="warm") -> upkeep.KeepInTouch:
    return upkeep.KeepInTouch(contact_id=1, cadence_days=cadence_days, source=source,
                              last_contacted=FROZEN_NOW.subtract(days=3), due_on=due_on, snoozed_until=None,
                              days_overdue=overdue, warmth=warmth)


# --- day words -------------------------------------------------------------------------------


def test_days_in_a_list_in_english_and_italian(english, frozen):
    at = pendulum.datetime(2026, 12, 3, 18, 30)
    assert (present.short_day(D), present.short_day(D, at)) == ("Thu 03 Dec", "Thu 03 Dec 18:30")
    assert present.long_day(D) == "Thursday 3 December 2026"
    i18n.set_language("it")
    assert (present.short_day(D), present.short_day(D, at)) == ("gio 3 dic", "gio 3 dic 18:30")
    assert present.long_day(D) == "giovedì 3 dicembre 2026"


def test_late_and_coming_words_long_and_short(english, frozen):
    assert [present.late_words(n) for n in (0, 1, 3)] == ["today", "1 day late", "3 days late"]
    assert [present.late_short(n) for n in (0, 3)] == ["today", "3 d late"]
    at = pendulum.datetime(2026, 12, 3, 9, 0)
    assert present.ahead_short(0, D) == "today" and present.ahead_short(0, D, at) == "today 09:00"
    # Tomorrow is "tomorrow" on the screen as in `netui today`, not "in 1 d".
    assert present.ahead_short(1, D, at) == "tomorrow, Thu 03 Dec 09:00"
    assert present.ahead_short(3, D) == "in 3 d, Thu 03 Dec"


# --- agenda rows -----------------------------------------------------------------------------


def test_agenda_rows_as_a_line_and_as_a_column(english, frozen):
    followup = row("followup", 2, detail="email")
    assert present.agenda_line(followup) == "#7  Giulia Rossi · Send the deck (email) · 2 days late"
    assert (present.agenda_when(followup), present.agenda_detail(followup)) == ("2 d late", "email")
    birthday = row("date", 1, label="birthday", detail="turns 40")
    assert present.agenda_line(birthday) == "Thu 03 Dec  Giulia Rossi · birthday (turns 40) · tomorrow"
    assert present.agenda_when(birthday) == "tomorrow, Thu 03 Dec"
    at = pendulum.datetime(2026, 12, 3, 9, 0)
    event = row("event", 4, names=(), label="Fintech Summit", at=at, detail="convention · Milano")
    assert present.agenda_line(event) == "Thu 03 Dec 09:00  Fintech Summit · convention · Milano  (event #7)"
    assert present.agenda_when(event) == "in 4 d, Thu 03 Dec 09:00"
    tennis = row("appointment", label="Tennis", detail="18:00–19:00")
    assert present.agenda_line(tennis) == "18:00–19:00  Tennis with Giulia Rossi  (appointment #7)"
    assert (present.agenda_when(tennis), present.agenda_detail(tennis)) == ("18:00–19:00", "")
    cadence = row("cadence", 5, label="Keep in touch (1 month)", detail="last contacted 2 months ago")
    assert present.agenda_line(cadence) == (
        "Giulia Rossi · Keep in touch (1 month) · 5 days overdue · last contacted 2 months ago")


# --- the brief ---------------------------------------------------------------------------------


def test_keep_in_touch_in_full_and_short(english, frozen):
    assert present.keep_in_touch_line(status(30, due_on=D)) == (
        "warm: last contacted 3 days ago; keep in touch every 1 month, next by 2026-12-03")
    # A cadence that is no preset says "every" once (it said "every every 45 days").
    assert present.keep_in_touch_line(status(45, source="circle:work", overdue=2)) == (
        "warm: last contacted 3 days ago; keep in touch every 45 days (default of circle work), 2 days overdue")
    assert present.keep_in_touch_short(status(45, source="circle:work", overdue=2)) == (
        "warm: last contacted 3 days ago, every 45 days (default of circle work), 2 days overdue")
    assert present.keep_in_touch_short(status(None, source="")) == "warm: last contacted 3 days ago"


def test_brief_lines(english, frozen):
    assert present.work_text("Head of PR", "Lumen") == "Head of PR at Lumen"
    assert (present.work_text("", "Lumen"), present.work_text("CTO", "")) == ("Lumen", "CTO")
    assert present.give_and_take_line(giving.Balance(1, 2, 1, 1)) == "Give & take: you gave 2, received 1 (+1)"
    assert present.give_and_take_line(giving.Balance(1, 0, 0, 0)) == ""
    people = [type("P", (), {"name": name}) for name in ("Giulia", "Anna", "Dario")]
    assert present.came_through_line(people) == "Came through: Anna ← Dario"
    assert present.came_through_line(people[:2]) == ""
    item = type("F", (), {"action": "", "channel": "email", "effective_due": D + dt.timedelta(days=10)})
    assert present.followup_line(item, D) == "2026-12-13  email  Follow up · in 10 days"
    assert present.turns(40) == " (turns 40)" and present.turns(None) == ""


# --- both faces, through their real output -------------------------------------------------------

_FROZEN_CLI = (
    "import sys, time_machine\n"
    "time_machine.travel(sys.argv[1], tick=False).start()\n"
    "from netui.cli import main\n"
    "raise SystemExit(main(sys.argv[2:]))\n"
)


def netui(db_path: Path, *args: str) -> str:
    env = {**os.environ, "TZ": "Europe/Rome"}
    env.pop(db.DB_ENV_VAR, None)
    done = subprocess.run([sys.executable, "-c", _FROZEN_CLI, FROZEN_NOW.isoformat(), "--db", str(db_path), *args],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def a_network(now: pendulum.DateTime) -> dict:
    today = now.date()
    birthday, summit_day = today + dt.timedelta(days=2), today + dt.timedelta(days=1)
    dario = contacts.create_contact("Dario Gialli")
    anna = contacts.create_contact("Anna Verdi", introduced_by_id=dario)
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital", introduced_by_id=anna)
    contacts.add_important_date(giulia, "birthday", birthday.month, birthday.day, birthday.year - 40)
    followups.create_followup(giulia, today + dt.timedelta(days=10), "Send the deck", "email")
    giving.record_favour(giulia, "gave", "advice", "", "today")
    events.create_event(title="Fintech Summit", kind="convention", starts_at=f"{summit_day} 09:00", city="Milano")
    return dict(giulia=giulia, birthday=birthday, summit_day=summit_day)


async def test_the_cli_and_the_screens_say_the_same_words(database, frozen, english):
    from netui.app import NetuiApp

    made = a_network(frozen)
    db_path = database.path  # a file, or the team's server
    said_today, said_brief = netui(db_path, "today"), netui(db_path, "brief", "Giulia Rossi")
    async with NetuiApp(db_path, welcome=False).run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        options = pilot.app.screen.query_one("#today-list")
        shown_today = "\n".join(options.get_option_at_index(i).prompt.plain for i in range(options.option_count))
        heading = str(pilot.app.screen.query_one("#today-summary").render())
        pilot.app.pop_screen()
        pilot.app.open_contact(made["giulia"])
        for _ in range(60):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.05)
            shown_brief = pilot.app.screen.query_one("#contact-brief").render().plain
            if "Came through" in shown_brief:
                break
        listing = pilot.app.screen.query_one("#contact-followups")
        shown_followups = [listing.get_option_at_index(i).prompt.plain for i in range(listing.option_count)]

    today = frozen.date()
    assert f"Today, {present.long_day(today)}" in said_today and f"Today, {present.long_day(today)}" in heading
    birthday_day = present.short_day(made["birthday"])
    assert f"{birthday_day}  Giulia Rossi · birthday (turns 40)" in said_today
    assert birthday_day in shown_today and "Giulia Rossi — birthday  (turns 40)" in shown_today
    summit_at = pendulum.datetime(*made["summit_day"].timetuple()[:3], 9, 0)
    assert f"{present.short_day(made['summit_day'], summit_at)}  Fintech Summit" in said_today
    assert f"tomorrow, {present.short_day(made['summit_day'], summit_at)}" in shown_today

    for line in ("Came through: Anna Verdi ← Dario Gialli", "Give & take: you gave 1, received 0 (+1)",
                 f"{made['birthday'].isoformat()}  birthday (turns 40) · in 2 days"):
        assert line in said_brief and line in shown_brief, line
    deck = f"{(today + dt.timedelta(days=10)).isoformat()}  email  Send the deck · in 10 days"
    assert f"#1  {deck}" in said_brief and shown_followups == [deck]
