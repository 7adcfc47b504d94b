"""Trust: distinct people stay distinct, known people are recognised, news is not contact.

Items 2, 3, 4 and 11 of the "Trust" issue: a strong identifier that differs (a LinkedIn
profile, an e-mail on both sides) vetoes a match by name, in import and capture alike; a
newer LinkedIn export applies a job change whatever matched the row, as news that does not
reset the keep-in-touch cadence; a name alone typed in capture is the one person of that name
(several: the user chooses); a follow-up day someone chose stays when a later capture gives
none; capturing at an event that has not started lists the person "to meet".
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from conftest import FROZEN_NOW, travel
from netui import capture, cli, contacts, events, followups, timeline, upkeep, when
from netui.store import db, search
from netui.exchange import importing, table_import
from netui.exchange.formats import linkedin
from netui.exchange.records import IncomingPerson, ReadResult
from netui.store.models import Channel, Contact, ContactTag, Event, EventAttendee, FollowUp, Interaction, Tag
from netui.screens.capture import preview_text

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
TWINS = ("alessandro-bianchi-1", "alessandro-bianchi-nexa", "abianchi-consulting")


def linkedin_csv(path: Path, connected: dt.date) -> Path:
    """300 connections; rows 10, 150 and 290 are three different Alessandro Bianchi at Nexa
    Consulting (three profile URLs)."""
    day = connected.strftime("%d %b %Y")
    rows = [HEADER]
    twins = iter(TWINS)
    for n in range(300):
        if n in (10, 150, 290):
            slug = next(twins)
            rows.append(f"Alessandro,Bianchi,https://www.linkedin.com/in/{slug},,Nexa Consulting,Consultant,{day}")
        else:
            rows.append(f"Person{n},Surname{n % 17},https://www.linkedin.com/in/person-{n},,Company {n % 23},"
                        f"Role {n % 5},{day}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def table_counts() -> dict[str, int]:
    return {model.__name__: model.select().count()
            for model in (Contact, Channel, ContactTag, Event, EventAttendee, FollowUp, Interaction, Tag)}


# --- item 2: distinct LinkedIn profiles are never merged ---------------------------------


def test_three_people_sharing_name_and_company_with_three_profiles_are_three(database, frozen, tmp_path):
    path = linkedin_csv(tmp_path / "Connections.csv", frozen.date() - dt.timedelta(days=400))
    report = table_import.import_file(path)
    assert len(report.plan.new) == 300
    assert contacts.count_contacts() == 300
    twins = [contacts.get_contact(s.id) for s in contacts.list_contacts(limit=400) if s.name == "Alessandro Bianchi"]
    assert sorted(c.channels[0].value for c in twins) == sorted(f"https://www.linkedin.com/in/{s}" for s in TWINS)
    again = table_import.import_file(path)
    assert (len(again.plan.new), len(again.plan.updated)) == (0, 0)
    assert contacts.count_contacts() == 300


def test_an_import_row_with_another_email_is_someone_else(database, frozen):
    known = contacts.create_contact("Marco Rossi", company="Acme", emails=["marco.rossi@acme.it"])
    plan = importing.plan_import(ReadResult("test", [
        IncomingPerson("line 2", first_name="Marco", last_name="Rossi", company="ACME", emails=["m.rossi@acme.it"]),
        IncomingPerson("line 3", first_name="Marco", last_name="Rossi", company="Acme", city="Roma"),
    ]))
    assert [p.where for p in plan.new] == ["line 2"]
    assert [(u.contact_id, u.reason) for u in plan.updated] == [(known, "same name and company")]


def test_a_profile_written_another_way_is_the_same_profile(database, frozen):
    known = contacts.create_contact("Marco Rossi", company="Acme",
                                    channels=[("linkedin", "http://it.linkedin.com/in/MarcoRossi/", "")])
    plan = importing.plan_import(ReadResult("test", [IncomingPerson(
        "line 2", first_name="Marco", last_name="Rossi", company="Acme",
        linkedin=["https://www.linkedin.com/in/marcorossi"])]))
    [matched] = plan.updated + plan.unchanged
    assert plan.new == [] and (matched.contact_id, matched.reason) == (known, "same LinkedIn profile")


@pytest.fixture
def fair(database, frozen):
    return capture.event_for_today("Fiera")


def test_a_capture_line_with_another_email_is_someone_else(fair):
    known = contacts.create_contact("Marco Rossi", company="Acme", emails=["marco.rossi@acme.it"])
    assert capture.preview("Marco Rossi @Acme m.rossi@acme.it").match is None
    result = capture.capture_line("Marco Rossi @Acme m.rossi@acme.it", fair)
    assert result.created and result.contact_id != known
    assert contacts.count_contacts() == 2
    # Without an e-mail of its own, or with his, the line is him.
    assert capture.preview("Marco Rossi @Acme").match.contact_id == known
    assert capture.preview("Marco Rossi @Acme MARCO.ROSSI@acme.it").match.contact_id == known


def test_a_capture_line_with_another_profile_is_someone_else(fair):
    contacts.create_contact("Marco Rossi", company="Acme",
                            channels=[("linkedin", "https://www.linkedin.com/in/marcorossi", "")])
    assert capture.preview("Marco Rossi @Acme linkedin.com/in/marco-rossi-acme").match is None
    assert capture.capture_line("Marco Rossi @Acme linkedin.com/in/marco-rossi-acme", fair).created


# --- item 3: a job change, whatever matched the row ---------------------------------------


@pytest.mark.parametrize("matched_by, reason", [
    ({"emails": ["giulia@lumen.it"]}, "same e-mail"),
    ({"phones": ["0039 333 1234567"]}, "same phone number"),
])
def test_a_job_change_matched_by_email_or_phone_is_applied_as_news(database, frozen, matched_by, reason):
    known = contacts.create_contact("Giulia Rossi", company="Lumen", role="Head of PR", emails=["giulia@lumen.it"],
                                    phones=["+39 333 123 4567"])
    upkeep.set_cadence(known, 30)
    talked = FROZEN_NOW.subtract(days=40)
    timeline.log_interaction([known], "call", talked, summary="Catch-up")
    before = upkeep.keep_in_touch(known)
    assert before.overdue
    newer = IncomingPerson("line 7", first_name="Giulia", last_name="Rossi", company="Acme", role="CMO",
                           linkedin=["https://www.linkedin.com/in/giuliarossi"], **matched_by)
    plan = importing.plan_import(ReadResult(linkedin.FORMAT_NAME, [newer]))
    [update] = plan.updated
    assert update.reason == reason and update.conflicts == []
    assert update.job_change == ("Head of PR at Lumen", "CMO at Acme")
    importing.apply_import(plan)
    giulia = contacts.get_contact(known)
    assert (giulia.company, giulia.role) == ("Acme", "CMO")
    news, call = timeline.contact_timeline(known)
    assert news.summary == "New job: CMO at Acme" and "Was Head of PR at Lumen" in news.notes
    assert news.counts_as_contact is False and call.summary == "Catch-up"
    [congratulate] = giulia.open_followups
    assert congratulate.action == "Congratulate on the new job (CMO at Acme)"
    assert congratulate.due_on == frozen.date() + dt.timedelta(days=2)
    # The news is not contact: the keep-in-touch clock still runs from the call.
    after = upkeep.keep_in_touch(known)
    assert after.last_contacted == talked and contacts.last_contacted(known) == talked
    assert (after.due_on, after.overdue) == (before.due_on, True)
    assert known in [o.contact_id for o in upkeep.overdue_contacts()]


def test_a_job_change_in_a_linkedin_file_matched_by_email(database, frozen, tmp_path):
    known = contacts.create_contact("Giulia Rossi", company="Lumen", role="Head of PR", emails=["giulia@lumen.it"])
    path = tmp_path / "Connections.csv"
    connected = (frozen.date() - dt.timedelta(days=900)).strftime("%d %b %Y")
    path.write_text(f"{HEADER}\nGiulia,Rossi,https://www.linkedin.com/in/giuliarossi,giulia@lumen.it,Acme,CMO,"
                    f"{connected}\n", encoding="utf-8")
    report = table_import.import_file(path)
    assert report.plan.summary() == "LinkedIn connections: 0 new, 1 updated, 0 unchanged, 0 skipped"
    giulia = contacts.get_contact(known)
    assert (giulia.company, giulia.role) == ("Acme", "CMO")
    assert [i.summary for i in timeline.contact_timeline(known)] == ["New job: CMO at Acme", "Connected on LinkedIn"]
    # The connection (900 days ago) is the last contact, not today's news.
    assert contacts.last_contacted(known).date() <= frozen.date() - dt.timedelta(days=899)


# --- the schema: news and chosen days (migration v0004) -----------------------------------


def test_an_older_file_upgrades_keeping_every_date(tmp_path, frozen):
    """tests/data/schema-v2.db (see test_migrations) goes through v3 and v4: every entry
    counts as contact, every follow-up day as chosen, no last-contacted date moves."""
    path = tmp_path / "netui.db"
    path.write_bytes((Path(__file__).parents[1] / "data" / "schema-v2.db").read_bytes())
    with closing(sqlite3.connect(str(path))) as connection:
        before = connection.execute("SELECT id, last_contacted_at FROM contact ORDER BY id").fetchall()
    handle = db.open_database(path)
    try:
        assert db.schema_version(handle) == db.latest_version() >= 4
        assert handle.execute_sql("SELECT DISTINCT counts_as_contact FROM interaction").fetchall() == [(1,)]
        assert handle.execute_sql("SELECT DISTINCT due_by_default FROM follow_up").fetchall() == [(0,)]
        assert handle.execute_sql("SELECT id, last_contacted_at FROM contact ORDER BY id").fetchall() == before
        # News moves nothing; a call does; deleting the call goes back.
        marco = contacts.create_contact("Marco Bianchi")
        met = FROZEN_NOW.subtract(days=3)
        timeline.log_interaction([marco], "meeting", met)
        timeline.log_interaction([marco], "note", FROZEN_NOW.subtract(hours=1), summary="News", counts_as_contact=False)
        assert contacts.last_contacted(marco) == met
        later = timeline.log_interaction([marco], "call", FROZEN_NOW.subtract(hours=2))
        assert contacts.last_contacted(marco) == FROZEN_NOW.subtract(hours=2)
        timeline.delete_interaction(later)
        assert contacts.last_contacted(marco) == met
    finally:
        handle.close()
    assert len(list(tmp_path.glob("netui.db.v2-*.bak"))) == 1


# --- item 4: a name alone ------------------------------------------------------------------


def test_a_name_alone_is_the_one_person_of_that_name(fair):
    franco = contacts.create_contact("Franco Neri", company="Acme")
    contacts.create_contact("Franca Neri")
    found = capture.preview("franco nerì !1w")
    assert (found.match.contact_id, found.match.reason, found.candidates) == (franco, "same name", ())
    result = capture.capture_line("franco neri !1w", fair)
    assert (result.created, result.contact_id, result.name) == (False, franco, "Franco Neri")
    assert [c.name for c in contacts.list_contacts()] == ["Franca Neri", "Franco Neri"]
    assert contacts.get_contact(franco).company == "Acme"


def test_a_name_alone_several_people_have_needs_a_choice(fair):
    first = contacts.create_contact("Franco Neri", company="Acme")
    second = contacts.create_contact("Franco Neri", company="Beta")
    found = capture.preview("franco neri !1w")
    assert found.match is None and found.needs_choice
    assert [(c.contact_id, c.company) for c in found.candidates] == [(first, "Acme"), (second, "Beta")]
    assert "2 people are called franco neri" in preview_text(found).plain
    counts = table_counts()
    with pytest.raises(capture.SeveralPeopleError) as caught:
        capture.capture_line("franco neri !1w", fair)
    assert [c.id for c in caught.value.candidates] == [first, second]
    assert table_counts() == counts
    chosen = capture.capture_line("franco neri !1w", fair, choice=second)
    assert (chosen.created, chosen.contact_id, chosen.name) == (False, second, "Franco Neri")
    # A company, or an e-mail only one of them has, says who it is.
    contacts.add_channel(first, "email", "franco@acme.it")
    assert capture.preview("Franco Neri @Beta").match.contact_id == second
    assert capture.preview("Franco Neri franco@beta.it").match.contact_id == second
    new = capture.capture_line("franco neri", fair, choice=capture.NEW_PERSON)
    assert new.created and contacts.count_contacts() == 3


def _cli(db_path: Path, *argv: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TZ="Europe/Rome")
    env.pop(db.DB_ENV_VAR, None)
    return subprocess.run([sys.executable, "-m", "netui", "--db", str(db_path), *argv],
                          capture_output=True, text=True, env=env, timeout=120)


def _with(db_path: Path, read):
    handle = db.open_database(db_path)
    try:
        return read()
    finally:
        handle.close()


def _file_counts(db_path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(str(db_path))) as connection:
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in ("contact", "channel", "event", "event_attendee", "follow_up", "interaction")}


def test_cli_capture_of_a_name_alone_updates_the_one_person(tmp_path):
    path = tmp_path / "x.db"
    franco = _with(path, lambda: contacts.create_contact("Franco Neri", company="Acme"))
    done = _cli(path, "capture", "franco neri !1w", "--event", "Fiera")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Updated Franco Neri (#{franco}) at Fiera; follow-up due ")

    def check():
        [only] = contacts.list_contacts()
        fair = events.get_event(events.resolve_event("Fiera"))
        return only.name, only.id, [(a.name, a.status) for a in fair.attendees]

    assert _with(path, check) == ("Franco Neri", franco, [("Franco Neri", "met")])


def test_cli_capture_of_a_name_two_people_have_lists_them_and_writes_nothing(tmp_path):
    path = tmp_path / "x.db"
    first, second = _with(path, lambda: (contacts.create_contact("Franco Neri", company="Acme"),
                                         contacts.create_contact("Franco Neri", company="Beta", city="Torino")))
    before = _file_counts(path)
    refused = _cli(path, "capture", "franco neri !1w", "--event", "Fiera")
    assert refused.returncode == 2 and refused.stdout == ""
    lines = refused.stderr.strip().splitlines()
    assert lines[0].startswith("netui: 2 contacts are called 'franco neri'; nothing was saved.")
    assert "--contact '#id'" in lines[0] and "--new" in lines[0]
    assert lines[1].strip().startswith(f"#{first}  ·  Franco Neri  ·  Acme  ·  ")
    assert lines[2].strip().startswith(f"#{second}  ·  Franco Neri  ·  Beta  ·  Torino")
    assert len(lines) == 3
    assert _file_counts(path) == before  # no event, no person, nothing
    picked = _cli(path, "capture", "franco neri !1w", "--event", "Fiera", "--contact", f"#{second}")
    assert picked.returncode == 0, picked.stderr
    assert picked.stdout.startswith(f"Updated Franco Neri (#{second}) at Fiera")
    added = _cli(path, "capture", "franco neri", "--new")
    assert added.returncode == 0 and added.stdout.startswith("Added franco neri (#3)")


# --- item 11: a chosen follow-up day stays; an event to come -------------------------------


def _due(contact_id: int) -> list[dt.date]:
    return [f.effective_due for f in contacts.get_contact(contact_id).open_followups]


def test_capturing_again_without_a_date_keeps_the_chosen_one(fair):
    week = when.today() + dt.timedelta(days=7)
    first = capture.capture_line("Franco Neri @Acme !1w", fair)
    assert first.due == week
    counts = table_counts()
    again = capture.capture_line("Franco Neri @Acme, talked about the stand", fair)
    assert (again.created, again.due) == (False, week)
    assert _due(first.contact_id) == [week]
    assert capture.preview("Franco Neri", event_id=fair).due == week
    # A !date moves it; undo puts back the chosen day.
    moved = capture.capture_line("Franco Neri !3d", fair)
    assert _due(first.contact_id) == [when.today() + dt.timedelta(days=3)]
    capture.undo_capture(moved.undo)
    capture.undo_capture(again.undo)
    assert _due(first.contact_id) == [week] and table_counts() == counts
    row = FollowUp.get()
    assert (row.due_by_default, row.snoozed_until) == (False, None)


def test_a_default_day_moves_a_day_set_by_the_user_stays(database, frozen):
    fair = capture.event_for_today("Fiera")
    anna = capture.capture_line("Anna Verdi @Acme", fair).contact_id
    marco = capture.capture_line("Marco Blu @Acme", fair).contact_id
    [marco_followup] = contacts.get_contact(marco).open_followups
    chosen = frozen.date() + dt.timedelta(days=10)
    followups.reschedule_followup(marco_followup.id, chosen)
    with travel(FROZEN_NOW.add(days=1)):
        capture.capture_line("Anna Verdi @Acme", fair)
        capture.capture_line("Marco Blu @Acme", fair)
    assert _due(anna) == [frozen.date() + dt.timedelta(days=3)]  # the default, counted anew
    assert _due(marco) == [chosen]


def test_capture_at_an_event_to_come_records_someone_to_meet(database, frozen):
    starts = FROZEN_NOW.add(days=5).set(hour=9, minute=0)
    fair = events.create_event("Fiera", starts_at=starts, status="registered")
    day = when.plain_date(starts.in_timezone(when.local_zone()))
    found = capture.preview("Franco Neri @Acme, ask about the stand", event_id=fair)
    assert found.event.upcoming
    assert f"Fiera starts on {day.isoformat()}: recorded as to meet" in preview_text(found).plain
    counts = table_counts()
    result = capture.capture_line("Franco Neri @Acme, ask about the stand", fair)
    assert result.to_meet and result.due == day + dt.timedelta(days=2)
    franco = contacts.get_contact(result.contact_id)
    assert [(a.name, a.status) for a in events.get_event(fair).attendees] == [("Franco Neri", "to meet")]
    assert (franco.met_at_title, franco.how_met) == (None, "")
    [note] = timeline.contact_timeline(franco.id)
    assert (note.summary, note.notes, note.counts_as_contact) == ("To meet at Fiera", "ask about the stand", False)
    assert contacts.last_contacted(franco.id) is None
    assert _due(franco.id) == [day + dt.timedelta(days=2)]
    capture.undo_capture(result.undo)
    assert table_counts() == counts and search.index_size() == 0
    # Once it has begun, the same line is a meeting.
    with travel(starts.add(hours=1)):
        met = capture.capture_line("Franco Neri @Acme", fair)
        assert not met.to_meet
        assert [(a.name, a.status) for a in events.get_event(fair).attendees] == [("Franco Neri", "met")]


def test_undo_of_a_capture_at_an_event_to_come_restores_the_attendee(database, frozen):
    fair = events.create_event("Fiera", starts_at=FROZEN_NOW.add(days=3))
    franco = contacts.create_contact("Franco Neri", company="Acme")
    events.set_attendee(fair, franco, "to meet", role="speaker")
    counts = table_counts()
    result = capture.capture_line("Franco Neri @Acme \"CTO\"", fair)
    assert [(a.name, a.status, a.role) for a in events.get_event(fair).attendees] == [("Franco Neri", "to meet", "speaker")]
    capture.undo_capture(result.undo)
    assert table_counts() == counts and contacts.get_contact(franco).role == ""
    assert [(a.status, a.role) for a in events.get_event(fair).attendees] == [("to meet", "speaker")]


def test_cli_capture_at_an_event_to_come_says_so(tmp_path, capsys, frozen):
    path = str(tmp_path / "x.db")
    starts = FROZEN_NOW.add(days=5)
    _with(Path(path), lambda: events.create_event("Fiera", starts_at=starts))
    assert cli.main(["--db", path, "capture", "Franco Neri @Acme", "--event", "Fiera"]) == 0
    day = when.plain_date(starts.in_timezone(when.local_zone()))
    assert capsys.readouterr().out.strip() == (
        f"Added Franco Neri (#1) to meet at Fiera, which starts on {day.isoformat()}; "
        f"follow-up due {(day + dt.timedelta(days=2)).isoformat()}.")
