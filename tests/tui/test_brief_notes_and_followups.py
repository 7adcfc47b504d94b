"""The "Trust" issue, items 8 and 10.

8. The brief (and `show`) shows the notes of the last interactions ("kids Leo and Mia"), the
   introductions of both people (a proposed one too), and says how you met once.
10. A follow-up can be marked done, snoozed or rescheduled before it is due: from the contact
   screen (m, s, R on the chosen one), the palette and `netui followup list --all` / done /
   snooze / reschedule; done twice says it already is; an empty action is refused.

The CLI runs as a real program, its clock stopped at FROZEN_NOW like the tests' own.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import OptionList

from conftest import FROZEN_NOW
from netui import brief, contacts, followups, giving
from netui.store import db
from netui.app import NetuiApp
from netui.errors import ValidationError
from netui.screens.contact import ContactScreen
from netui.screens.forms.followup_form import FollowUpForm
from netui.screens.forms.snooze_form import SnoozeForm
from support import open_contact

SIZE = (100, 50)

# Runs `netui ARGS...` with the clock stopped at the instant given first (time-machine).
_FROZEN_CLI = (
    "import sys, time_machine\n"
    "time_machine.travel(sys.argv[1], tick=False).start()\n"
    "from netui.cli import main\n"
    "raise SystemExit(main(sys.argv[2:]))\n"
)


def netui(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop(db.DB_ENV_VAR, None)
    env["TZ"] = "Europe/Rome"
    return subprocess.run(
        [sys.executable, "-c", _FROZEN_CLI, FROZEN_NOW.isoformat(), "--db", str(db_path), *args],
        capture_output=True, text=True, env=env, timeout=60,
    )


def ok(db_path: Path, *args: str) -> str:
    done = netui(db_path, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def refused(db_path: Path, *args: str) -> str:
    """A user error: exit 2, nothing on stdout, one sentence on stderr (returned)."""
    done = netui(db_path, *args)
    assert (done.returncode, done.stdout) == (2, ""), (done.stdout, done.stderr)
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "trust.db"


def in_days(days: int) -> dt.date:
    return FROZEN_NOW.date() + dt.timedelta(days=days)


# --- 8. the brief ------------------------------------------------------------------------


def test_brief_and_show_print_the_note_captured_at_a_meeting(db_path):
    ok(db_path, "capture", "Giulia Rossi @Lumen Digital, kids Leo and Mia", "--event", "Webinar SEO")
    ok(db_path, "add", "Marco Bianchi")
    ok(db_path, "log", "Marco Bianchi", "--kind", "meeting", "--when", "yesterday 18:00",
       "--summary", "Coffee at Bocconi", "--note", "kids Leo and Mia\nwants the deck")
    for command in ("brief", "show"):
        giulia = ok(db_path, command, "Giulia Rossi")
        assert "kids Leo and Mia" in giulia, giulia
        marco = ok(db_path, command, "Marco Bianchi")
        assert "Coffee at Bocconi" in marco and "kids Leo and Mia" in marco and "wants the deck" in marco, marco
    # The notes sit under the summary of their interaction.
    lines = ok(db_path, "brief", "Marco Bianchi").splitlines()
    summary = next(i for i, line in enumerate(lines) if line.endswith("Coffee at Bocconi"))
    indent = lines[summary].index("Coffee at Bocconi")
    assert lines[summary + 1:summary + 3] == [" " * indent + "kids Leo and Mia", " " * indent + "wants the deck"]


def test_a_proposed_introduction_is_in_both_briefs(db_path):
    ok(db_path, "add", "Anna Verdi")
    ok(db_path, "add", "Bruno Neri")
    ok(db_path, "intro", "Anna Verdi", "Bruno Neri", "--reason", "both in SEO")
    for name in ("Anna Verdi", "Bruno Neri"):
        assert "Anna Verdi → Bruno Neri: proposed · both in SEO" in ok(db_path, "brief", name)


def test_met_at_the_webinar_is_said_once(db_path):
    """Captured at "Webinar SEO": how we met says "Met at Webinar SEO", the contact is met at
    that event, and the interaction's summary is "Met at Webinar SEO" — one line each."""
    ok(db_path, "capture", "Giulia Rossi, kids Leo and Mia", "--event", "Webinar SEO")
    lines = ok(db_path, "brief", "Giulia Rossi").splitlines()
    assert "  Met at Webinar SEO" in lines
    assert not any("; met at" in line.lower() for line in lines), lines
    said = [line.strip() for line in lines if line.strip()]
    assert len(said) == len(set(said)), lines
    assert json.loads(ok(db_path, "brief", "Giulia Rossi", "--json"))["how_we_met"] == "Met at Webinar SEO"


def test_the_brief_says_each_part_of_how_you_met_once(database, frozen):
    marco = contacts.create_contact("Marco Bianchi")
    giulia = contacts.create_contact("Giulia Rossi", how_met="Marco Bianchi introduced us", introduced_by_id=marco)
    assert brief.meeting_brief(giulia).how_we_met == "Marco Bianchi introduced us"
    anna = contacts.create_contact("Anna Verdi", how_met="PyCon panel", introduced_by_id=marco)
    assert brief.meeting_brief(anna).how_we_met == "PyCon panel; introduced by Marco Bianchi"


# --- 10. follow-ups before they are due ----------------------------------------------------


def test_followup_list_all_then_done_then_done_again(db_path):
    ok(db_path, "add", "Giulia Rossi")
    later = in_days(10)
    assert ok(db_path, "followup", "add", "Giulia Rossi", "--due", later.isoformat(), "--action", "Send the deck",
              "--channel", "email").strip() == f"Added follow-up #1 with Giulia Rossi, due {later}: Send the deck."
    assert ok(db_path, "followup", "list").strip() == "No follow-ups due."
    assert ok(db_path, "followup", "list", "--all").splitlines() == [
        f"#1  Giulia Rossi · Send the deck (email) · {later.isoformat()}, in 10 days"]
    assert ok(db_path, "followup", "done", "1").strip() == "Done: Send the deck (Giulia Rossi)."
    error = refused(db_path, "followup", "done", "1")
    assert "already done" in error and "#1" in error and "Giulia Rossi" in error
    refused(db_path, "followup", "done", "1", "--log", "email")  # and logs nothing
    assert "Timeline" not in ok(db_path, "show", "Giulia Rossi")
    assert ok(db_path, "followup", "list", "--all").strip() == "No open follow-ups."


def test_followup_snooze_by_days_or_to_a_day_and_reschedule(db_path):
    ok(db_path, "add", "Giulia Rossi")
    ok(db_path, "followup", "add", "Giulia Rossi", "--due", in_days(10).isoformat(), "--action", "Send the deck")
    # Not due yet: the days count from its day.
    assert ok(db_path, "followup", "snooze", "1", "3").strip() == (
        f"Snoozed #1 (Giulia Rossi) until {in_days(13).isoformat()}.")
    assert ok(db_path, "followup", "snooze", "1", in_days(20).isoformat()).strip() == (
        f"Snoozed #1 (Giulia Rossi) until {in_days(20).isoformat()}.")
    assert "not " + in_days(15).isoformat() in refused(db_path, "followup", "snooze", "1", in_days(15).isoformat())
    assert ok(db_path, "followup", "reschedule", "1", in_days(2).isoformat(), "--action", "Call her").strip() == (
        f"Moved #1 (Giulia Rossi) to {in_days(2).isoformat()}.")
    assert ok(db_path, "followup", "list", "--all").splitlines() == [
        f"#1  Giulia Rossi · Call her · {in_days(2).isoformat()}, in 2 days"]


@pytest.mark.parametrize("action", ["", "   "])
def test_an_empty_action_is_refused(db_path, action):
    ok(db_path, "add", "Giulia Rossi")
    assert "needs an action" in refused(db_path, "followup", "add", "Giulia Rossi", "--due", "tomorrow",
                                        "--action", action)
    assert ok(db_path, "followup", "list", "--all").strip() == "No open follow-ups."
    ok(db_path, "followup", "add", "Giulia Rossi", "--due", "tomorrow", "--action", "Send the deck")
    assert "needs an action" in refused(db_path, "followup", "reschedule", "1", "friday", "--action", action)
    assert "Send the deck" in ok(db_path, "followup", "list", "--all")


def test_the_domain_refuses_an_empty_action(database, frozen):
    giulia = contacts.create_contact("Giulia Rossi")
    with pytest.raises(ValidationError) as caught:
        followups.create_followup(giulia, in_days(1), " ")
    assert caught.value.field == "action"
    kept = followups.create_followup(giulia, in_days(1), "Send the deck")
    with pytest.raises(ValidationError) as caught:
        followups.reschedule_followup(kept, in_days(3), action="")
    assert caught.value.field == "action"
    assert (followups.get_followup(kept).action, followups.get_followup(kept).due_on) == ("Send the deck", in_days(1))


# --- 10. the contact screen ----------------------------------------------------------------


def two_followups() -> dict:
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    soon = followups.create_followup(giulia, in_days(3), "Call about the offer", "phone")
    later = followups.create_followup(giulia, in_days(10), "Send the deck", "email")
    return dict(giulia=giulia, soon=soon, later=later)


def followup_rows(screen: ContactScreen) -> list[str]:
    listing = screen.query_one("#contact-followups", OptionList)
    return [listing.get_option_at_index(i).prompt.plain for i in range(listing.option_count)]


async def choose(pilot, screen: ContactScreen, text: str) -> None:
    """Tab to the follow-ups list, then ↓ / ↑ to the row containing `text`."""
    listing = screen.query_one("#contact-followups", OptionList)
    while pilot.app.focused is not listing:
        await pilot.press("tab")
    target = next(i for i, row in enumerate(followup_rows(screen)) if text in row)
    while listing.highlighted != target:
        await pilot.press("down" if listing.highlighted < target else "up")
    await pilot.pause()


async def until(pilot, condition) -> None:
    """Let the app work until `condition()` holds (a busy machine may need more than a pause)."""
    for _ in range(60):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def notices(pilot) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


async def test_m_marks_a_not_yet_due_follow_up_done(database, frozen):
    day = two_followups()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, day["giulia"])
        assert followup_rows(screen) == [
            f"{in_days(3).isoformat()}  phone  Call about the offer · in 3 days",
            f"{in_days(10).isoformat()}  email  Send the deck · in 10 days"]
        await choose(pilot, screen, "Send the deck")
        await pilot.press("m")
        await until(pilot, lambda: len(followup_rows(screen)) == 1)
        assert followup_rows(screen) == [f"{in_days(3).isoformat()}  phone  Call about the offer · in 3 days"]
        assert "Done: Send the deck (Giulia Rossi)." in notices(pilot)
    assert followups.get_followup(day["later"]).done_at is not None
    assert followups.get_followup(day["soon"]).done_at is None


async def test_s_snoozes_the_chosen_follow_up_from_its_day(database, frozen):
    day = two_followups()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, day["giulia"])
        await choose(pilot, screen, "Send the deck")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(pilot.app.screen, SnoozeForm))
        form = pilot.app.screen
        form.query_one("#days").value = "4"
        await until(pilot, lambda: in_days(14).strftime("%d") in str(form.query_one("#snooze-until").render()))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert f"{in_days(14).isoformat()}  email  Send the deck · in 14 days" in followup_rows(screen)
    assert followups.get_followup(day["later"]).effective_due == in_days(14)
    assert followups.get_followup(day["soon"]).effective_due == in_days(3)


async def test_done_on_one_already_done_says_so(database, frozen):
    """Done elsewhere meanwhile (another netui, the CLI): m says it already is."""
    day = two_followups()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await open_contact(pilot, day["giulia"])
        followups.complete_followup(day["soon"])
        await pilot.press("m")  # the first one is chosen
        await until(pilot, lambda: notices(pilot))
        assert any("already done" in notice for notice in notices(pilot)), notices(pilot)


async def test_reschedule_with_R_refuses_an_empty_action(database, frozen):
    day = two_followups()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, day["giulia"])
        await choose(pilot, screen, "Send the deck")
        await pilot.press("R")
        await until(pilot, lambda: isinstance(pilot.app.screen, FollowUpForm))
        form = pilot.app.screen
        form.query_one("#due_on").value = in_days(5).isoformat()
        form.query_one("#action").value = "  "
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "needs an action" in str(form.query_one("#action-error").render()))
        assert pilot.app.screen is form
        form.query_one("#action").value = "Send the new deck"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen)
    moved = followups.get_followup(day["later"])
    assert (moved.due_on, moved.action) == (in_days(5), "Send the new deck")


def found_first(palette, name: str) -> bool:
    """The command palette lists `name` first (its search runs in the background)."""
    from textual.command import CommandList

    found = palette.query(CommandList)
    return bool(found) and found.first().option_count > 0 and (
        found.first().get_option_at_index(0).prompt.plain.startswith(name))


async def test_the_palette_marks_the_chosen_follow_up_done(database, frozen):
    day = two_followups()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await open_contact(pilot, day["giulia"])
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "follow-up: done":
            await pilot.press("space" if key == " " else key)
        await until(pilot, lambda: found_first(pilot.app.screen, "follow-up: done"))
        await pilot.press("enter")
        await until(pilot, lambda: notices(pilot))
    assert followups.get_followup(day["soon"]).done_at is not None
    assert followups.get_followup(day["later"]).done_at is None


async def test_the_contact_screen_brief_shows_notes_and_introductions(database, frozen):
    from netui import capture

    event = capture.event_for_today("Webinar SEO")
    giulia = capture.capture_line("Giulia Rossi, kids Leo and Mia", event).contact_id
    bruno = contacts.create_contact("Bruno Neri")
    giving.introduce(giulia, bruno, "both in SEO")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, bruno)
        assert "Giulia Rossi → Bruno Neri: proposed · both in SEO" in screen.query_one("#contact-brief").render().plain
        screen = await open_contact(pilot, giulia)
        shown = screen.query_one("#contact-brief").render().plain
    assert "kids Leo and Mia" in shown and "Giulia Rossi → Bruno Neri: proposed" in shown
    assert shown.count("Met at Webinar SEO") == 2 and "; met at" not in shown.lower()  # how we met; last time
