"""The quick-capture journal (issue 18): Enter writes the line down -- one INSERT, one durable
commit -- before anything is made of it; making the person of it and deleting it is one
transaction, so a line is applied exactly once; a line left waiting (netui stopped in between,
or it needs the user) is applied at the next open or given back to the user, never dropped."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from conftest import travel
from netui import capture, contacts, events, followups, team, timeline
from netui.errors import ValidationError
from netui.store import db
from support import netui_program, statements

LINE = 'Giulia Rossi @Lumen "Head of PR" giulia@lumen.it !2d met at the stand'


@pytest.mark.sqlite_only  # counts SQLite's statements
def test_enter_is_one_insert_and_one_durable_commit(database, frozen):
    fair = capture.event_for_today("Fiera")
    with statements() as seen:
        pending = capture.journal(LINE, fair)
    assert len(seen) == 3, seen
    assert seen[0] == "BEGIN IMMEDIATE" and seen[2] == "COMMIT"
    assert seen[1].startswith('INSERT INTO "capture_pending"')
    # Written down, nothing made of it yet.
    assert contacts.count_contacts() == 0
    [waiting] = capture.waiting_lines()
    assert (waiting.id, waiting.line, waiting.event_id, waiting.typed_at) == (pending, LINE, fair, frozen)


def test_a_bad_line_is_refused_before_anything_is_written(database, frozen):
    with pytest.raises(ValidationError, match="February 2026 has 28 days"):
        capture.journal("Bob Smith !2026-02-31")
    assert capture.waiting_lines() == []


def test_applying_makes_the_person_and_takes_the_line_out(database, frozen):
    fair = capture.event_for_today("Fiera")
    pending = capture.journal(LINE, fair)
    result = capture.apply(pending)
    assert (result.name, result.created, result.event_title) == ("Giulia Rossi", True, "Fiera")
    assert capture.waiting_lines() == []
    with pytest.raises(capture.LineGone):  # never twice
        capture.apply(pending)
    assert contacts.count_contacts() == 1 and timeline.count_interactions() == 1


def test_the_person_and_the_lines_deletion_are_one_transaction(database, frozen, monkeypatch):
    """The line is taken out of the journal first, then the person made: a failure at the last
    write (where a crash could fall) puts the line back and takes the person back with it; the
    line still waits, and applying it then makes one person, not two."""
    pending = capture.journal(LINE)

    def crash(*args, **kwargs):
        raise RuntimeError("the power went out")

    monkeypatch.setattr(followups, "create_followup", crash)
    with pytest.raises(RuntimeError):
        capture.apply(pending)
    assert contacts.count_contacts() == 0 and timeline.count_interactions() == 0
    assert followups.due_followups(frozen.date() + dt.timedelta(days=30)) == []
    assert [w.id for w in capture.waiting_lines()] == [pending]
    monkeypatch.undo()
    applied, waiting = capture.recover()
    assert [r.name for r in applied] == ["Giulia Rossi"] and waiting == []
    assert contacts.count_contacts() == 1 and timeline.count_interactions() == 1
    assert capture.waiting_lines() == []


def test_a_line_left_waiting_is_applied_as_typed_days_later(tmp_path, frozen):
    """netui stopped between Enter and applying it; opened three days later, the line is
    applied at the event, the instant and the day it was typed (the follow-up counts from then)."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    fair = capture.event_for_today("Fiera")
    capture.journal(LINE, fair)
    handle.close()
    with travel(frozen.add(days=3)):
        handle = db.open_database(path)
        try:
            assert capture.any_waiting()
            [result], waiting = capture.recover()
            assert waiting == [] and not capture.any_waiting()
            assert result.due == frozen.date() + dt.timedelta(days=2)
            [met] = timeline.contact_timeline(result.contact_id)
            assert (met.occurred_at, met.event_title) == (frozen.replace(microsecond=0), "Fiera")
            assert [(a.name, a.status) for a in events.get_event(fair).attendees] == [("Giulia Rossi", "met")]
        finally:
            handle.close()


def test_a_name_several_people_have_waits_for_the_user(database, frozen):
    fair = capture.event_for_today("Fiera")
    contacts.create_contact("Franco Neri", company="Acme")
    beta = contacts.create_contact("Franco Neri", company="Beta")
    pending = capture.journal("Franco Neri !1w", fair)
    with pytest.raises(capture.SeveralPeopleError):
        capture.apply(pending)
    applied, waiting = capture.recover()  # the next open cannot decide either: it is kept, and said
    assert applied == []
    assert [(w.id, w.line) for w in waiting] == [(pending, "Franco Neri !1w")]
    assert isinstance(waiting[0].problem, capture.SeveralPeopleError)
    assert "2 contacts are called 'Franco Neri'" in capture.waiting_text(waiting[0])
    assert [w.id for w in capture.waiting_lines()] == [pending]
    result = capture.apply(pending, choice=beta)  # the user says who it is
    assert (result.contact_id, result.created) == (beta, False)
    assert capture.waiting_lines() == [] and contacts.count_contacts() == 2


def test_what_the_line_makes_is_logged_by_whoever_typed_it(database, frozen):
    try:
        team.use("anna")
        pending = capture.journal(LINE)
        team.use("bob")  # another member's netui applies it
        [result], _waiting = capture.recover()
        assert team.current_user() == "bob"
    finally:
        team.use(None)
    [met] = timeline.contact_timeline(result.contact_id)
    assert met.logged_by == "anna"
    assert capture.waiting_lines() == [] and capture.journal("Carla Dé") != pending


def test_a_changed_line_takes_the_place_of_the_one_written_down(database, frozen):
    first = capture.journal("Franco Neri")
    second = capture.journal("Franco Neri @Acme", replacing=first)
    assert [(w.id, w.line) for w in capture.waiting_lines()] == [(second, "Franco Neri @Acme")]
    assert second != first
    capture.discard(second)
    assert capture.waiting_lines() == []


def test_a_waiting_lines_number_is_never_given_to_another(database, frozen):
    """A screen holding a line's id must never apply another line that took its number."""
    first = capture.journal("Anna Bo")
    capture.apply(first)
    assert capture.journal("Carla Dé") != first


def test_the_command_line_keeps_no_line_it_refused(database, frozen):
    contacts.create_contact("Franco Neri", company="Acme")
    contacts.create_contact("Franco Neri", company="Beta")
    with pytest.raises(capture.SeveralPeopleError):
        capture.capture("Franco Neri")
    assert capture.waiting_lines() == []
    assert capture.capture("Franco Neri", choice=capture.NEW_PERSON).created


# --- real processes, killed ----------------------------------------------------------------------


def _killed(path, body: str) -> subprocess.CompletedProcess:
    """Run `body` in a netui process on the file `path`; it kills itself with SIGKILL."""
    script = textwrap.dedent(f"""
        import os, signal
        from netui import capture
        from netui.store import db
        db.open_database({str(path)!r})
    """) + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    return done


def test_a_process_killed_after_enter_loses_nothing(tmp_path):
    """SIGKILL right after the line was written down, before anything was made of it: the next
    `netui capture` applies it first (saying so on stderr), then does its own line as ever."""
    path = tmp_path / "kill.db"
    done = _killed(path, f"""
        capture.journal({LINE!r})
        print("written down", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        capture.apply(1)
    """)
    assert done.stdout == "written down\n"
    run = netui_program(path)
    answer = run("capture", "Marco Bianchi @Acme")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("Added Marco Bianchi (#2); follow-up due ")
    assert "saved a line captured earlier that had not been saved yet: Giulia Rossi (#1)" in answer.stderr
    shown = run("search", "giulia")
    assert shown.stdout.count("Giulia Rossi") == 1


def test_a_process_killed_while_applying_makes_one_person_at_the_next_open(tmp_path):
    """SIGKILL inside the applying transaction -- the line taken out of the journal, the person,
    their channels and the meeting written, the follow-up not yet -- none of it happened; the
    next open applies the line once."""
    path = tmp_path / "kill.db"
    _killed(path, f"""
        from netui import followups
        def killed(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)
        followups.create_followup = killed
        capture.apply(capture.journal({LINE!r}))
    """)
    handle = db.open_database(path)
    try:
        assert contacts.count_contacts() == 0 and [w.line for w in capture.waiting_lines()] == [LINE]
        applied, waiting = capture.recover()
        assert [r.name for r in applied] == ["Giulia Rossi"] and waiting == []
        assert contacts.count_contacts() == 1 and timeline.count_interactions() == 1
    finally:
        handle.close()


def test_a_line_whose_event_was_deleted_waits_with_the_reason(database, frozen):
    fair = capture.event_for_today("Fiera")
    pending = capture.journal(LINE, fair)
    events.delete_event(fair)
    applied, waiting = capture.recover()
    assert applied == [] and [w.id for w in waiting] == [pending]
    assert f"There is no event #{fair}." in capture.waiting_text(waiting[0])
    assert contacts.count_contacts() == 0
