"""Quick capture: what one line saves, updates instead of twins, exact undo, durability."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest

from netui import capture, config, contacts, events, timeline
from netui.store import db, search
from netui.errors import ValidationError
from netui.store.models import Channel, ContactTag, EventAttendee, FollowUp, Interaction, Tag

LINE = ('Giulia Rossi @Lumen Digital "Head of PR" #fintech #milano giulia@lumen.it '
        '+39 333 123 4567 !2d kids Luca and Marta')


@pytest.fixture
def festival(frozen, database):
    return capture.event_for_today("Web Marketing Festival")


def table_counts() -> dict[str, int]:
    return {model.__name__: model.select().count()
            for model in (Channel, ContactTag, EventAttendee, FollowUp, Interaction, Tag)}


def test_a_line_saves_the_person_met_at_the_event_with_a_follow_up(frozen, festival):
    in_two_days = frozen.date() + dt.timedelta(days=2)  # the line's !2d
    result = capture.capture_line(LINE, festival)
    assert (result.created, result.name, result.due) == (True, "Giulia Rossi", in_two_days)
    giulia = contacts.get_contact(result.contact_id)
    assert (giulia.company, giulia.role, giulia.circle) == ("Lumen Digital", "Head of PR", "events")
    assert giulia.tags == ["fintech", "milano"]
    assert giulia.emails == ["giulia@lumen.it"] and giulia.phones == ["+39 333 123 4567"]
    assert giulia.met_at_title == "Web Marketing Festival"
    assert [(a.name, a.status) for a in events.get_event(festival).attendees] == [("Giulia Rossi", "met")]
    [met] = timeline.contact_timeline(giulia.id)
    assert (met.summary, met.notes, met.event_title) == (
        "Met at Web Marketing Festival", "kids Luca and Marta", "Web Marketing Festival")
    [follow_up] = giulia.open_followups
    assert follow_up.due_on == in_two_days and follow_up.source_event_id == festival
    assert [s.id for s in contacts.search_contacts("marta")] == [giulia.id]


def test_what_capture_writes_for_the_user_is_in_their_language(festival, italian):
    result = capture.capture_line(LINE, festival)
    giulia = contacts.get_contact(result.contact_id)
    [met] = timeline.contact_timeline(giulia.id)
    [follow_up] = giulia.open_followups
    assert (met.summary, giulia.how_met, follow_up.action) == (
        "Conosciuti a Web Marketing Festival", "Conosciuti a Web Marketing Festival",
        "Follow-up dopo Web Marketing Festival")


def test_the_default_follow_up_comes_from_the_config(frozen, festival, tmp_path):
    today = frozen.date()
    assert capture.capture_line("Marco Bianchi", festival).due == today + dt.timedelta(days=2)  # the default
    path = config.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[capture]\nfollowup_days = 5\n")
    assert capture.capture_line("Anna Verdi", festival).due == today + dt.timedelta(days=5)
    path.write_text("[capture]\nfollowup_days = 'soon'\n")
    with pytest.raises(ValidationError) as caught:
        capture.capture_line("Luca Neri", festival)
    assert "followup_days" in caught.value.message and str(path) in caught.value.message
    assert contacts.count_contacts() == 2


@pytest.mark.parametrize("line, reason", [
    ('Giulia Rossi giulia@lumen.it "CMO"', "same e-mail"),
    ("Giulia Rossi linkedin.com/in/giuliarossi", "same LinkedIn profile"),
    ("giulia rossi @LUMEN DIGITAL", "same name and company"),
])
def test_capturing_someone_known_updates_them_instead_of_a_twin(festival, line, reason):
    first = capture.capture_line(LINE + " linkedin.com/in/GiuliaRossi", festival)
    preview = capture.preview(line)
    assert preview.match.contact_id == first.contact_id and preview.match.reason == reason
    again = capture.capture_line(line, festival)
    assert again.created is False and again.contact_id == first.contact_id
    assert contacts.count_contacts() == 1
    assert len(timeline.contact_timeline(first.contact_id)) == 1  # one meeting at one event
    assert len(contacts.get_contact(first.contact_id).open_followups) == 1


def test_same_name_at_another_company_is_someone_else(festival):
    capture.capture_line(LINE, festival)
    assert capture.preview("Giulia Rossi @Acme").match is None
    assert capture.capture_line("Giulia Rossi @Acme", festival).created
    assert contacts.count_contacts() == 2


def test_undo_of_a_new_person_removes_everything_it_created(festival):
    before = table_counts()
    result = capture.capture_line(LINE, festival)
    capture.undo_capture(result.undo)
    assert contacts.count_contacts() == 0 and contacts.count_contacts(trashed=True) == 0
    assert table_counts() == before
    assert search.index_size() == 0


def test_undo_of_an_update_restores_the_person_exactly(festival):
    first = capture.capture_line(LINE, festival)
    before = contacts.get_contact(first.contact_id)
    counts = table_counts()
    second = capture.capture_line('Giulia Rossi giulia@lumen.it "CMO" #speaker g.rossi@gmail.com !1w loves sailing',
                                  festival)
    assert contacts.get_contact(first.contact_id).role == "CMO"
    capture.undo_capture(second.undo)
    after = contacts.get_contact(first.contact_id)
    assert (after.role, after.tags, after.emails) == (before.role, before.tags, before.emails)
    assert [f.due_on for f in after.open_followups] == [f.due_on for f in before.open_followups]
    assert [i.notes for i in timeline.contact_timeline(after.id)] == ["kids Luca and Marta"]
    assert table_counts() == counts
    assert contacts.search_contacts("sailing") == []


def test_a_bad_line_saves_nothing(festival):
    for line in ("", "@Acme #x", "Bob !2026-02-31", "Bob !5x"):
        with pytest.raises(ValidationError):
            capture.capture_line(line, festival)
    assert contacts.count_contacts() == 0 and timeline.count_interactions() == 0


def test_without_an_event_it_is_a_meeting(frozen, database):
    result = capture.capture_line("Marco Bianchi @Acme !tomorrow")
    [met] = timeline.contact_timeline(result.contact_id)
    tomorrow = frozen.date() + dt.timedelta(days=1)
    assert (met.kind, met.event_title, result.due) == ("meeting", None, tomorrow)


def test_event_for_today_finds_or_creates(frozen, database):
    created = capture.event_for_today("SMAU Milano")
    assert capture.event_for_today("smau milano") == created
    assert [e.id for e in capture.todays_events()] == [created]


def test_cli_capture_prints_what_it_saved(tmp_path, capsys):
    from netui import cli

    path = str(tmp_path / "x.db")
    assert cli.main(["--db", path, "capture", LINE, "--event", "Web Marketing Festival"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added Giulia Rossi (#1) at Web Marketing Festival; follow-up due ")
    assert cli.main(["--db", path, "capture", "Bob !5x"]) == 2
    assert "!5x" in capsys.readouterr().err


def test_an_acknowledged_capture_survives_the_process_being_killed(tmp_path):
    """The line is printed only after the commit; SIGKILL right after must not lose it."""
    path = tmp_path / "kill.db"
    script = textwrap.dedent(f"""
        import os, signal
        from netui import capture
        from netui.store import db
        db.open_database({str(path)!r})
        result = capture.capture_line({LINE!r})
        print("saved", result.contact_id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert finished.returncode == -9 and finished.stdout.startswith("saved 1")
    handle = db.open_database(path)
    try:
        giulia = contacts.get_contact(1)
        assert giulia.name == "Giulia Rossi" and len(giulia.open_followups) == 1
    finally:
        handle.close()


@pytest.mark.parametrize(("line", "runs_on"), [
    ("Marco Rossi met again at the bar", True),  # the note ran into the name: no token, no comma
    ("marco rossi great chat", True),
    ("Marco Rossi, met again at the bar", False),
    ("Marco Rossi !2d met again", False),
    ("Maria de los Angeles Garcia", False),
    ("Ludwig van der Berg", False),
    ("giulia de luca", False),
])
def test_the_preview_asks_whether_a_long_name_holds_the_note(database, line, runs_on):
    """The name ends only at a token or a comma: a line whose note ran into the name is asked
    about before Enter makes a person of the whole of it."""
    assert capture.preview(line).name_may_hold_the_note is runs_on
