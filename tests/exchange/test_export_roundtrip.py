"""`export csv --what all` is a way back: `netui import DIR` restores every table into an empty
database, exporting again gives the same bytes, each file imports on its own, a broken line
writes nothing, and filters apply to every table (or are refused where they cannot)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui import appointments, contacts, events, followups, giving, lifecycle, timeline, upkeep
from netui.store import db
from netui.errors import ValidationError
from netui.exchange.formats import netui_tables
from netui.store.models import (
    Appointment,
    AppointmentOccurrence,
    AppointmentParticipant,
    CadenceDefault,
    Channel,
    Contact,
    ContactTag,
    Event,
    EventAttendee,
    Fact,
    Favour,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionParticipant,
    Introduction,
    Tag,
)

FILES = ["appointments.csv", "cadences.csv", "contacts.csv", "events.csv", "favours.csv", "followups.csv",
         "interactions.csv", "introductions.csv", "wishes.csv"]


def netui(*argv, db_path: Path | None = None) -> subprocess.CompletedProcess:
    """The installed CLI in a subprocess (the real clock runs there)."""
    env = dict(os.environ)  # carries the isolated XDG dirs from conftest
    env.pop(db.DB_ENV_VAR, None)
    env["TZ"] = "Europe/Rome"
    prefix = ["--db", str(db_path)] if db_path else []
    return subprocess.run([sys.executable, "-m", "netui", *prefix, *map(str, argv)], capture_output=True,
                          text=True, env=env, timeout=120)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def build_network(path: Path, now) -> dict[str, int]:
    """Several people, interactions with 2+ people, an event with attendees in both statuses,
    follow-ups open, snoozed and done, dates with and without a year, facts, a favour each
    way, an introduction, a recurring appointment with marked occurrences, cadences, a
    trashed person; written at the frozen clock, relative to it."""
    today = dt.date(now.year, now.month, now.day)
    handle = db.open_database(path)
    try:
        anna = contacts.create_contact("Anna Rossi", company="Acme", role="CTO", city="Milano", circle="work",
                                       emails=["anna@acme.example"], phones=["+39 333 123 4567"],
                                       tags=["fintech", "milano"], notes="likes | pipes\nand = signs")
        marco = contacts.create_contact("Marco Bianchi", company="Beta", city="Milano", circle="friends",
                                        tags=["fintech"], channels=[("linkedin", "https://linkedin.com/in/mb", "")])
        luca = contacts.create_contact("Luca Verdi", city="Roma", circle="university")
        sara = contacts.create_contact("Sara Neri", city="Torino", tags=["design"], circle="work")
        tina = contacts.create_contact("Tina Trash", city="Milano", tags=["fintech"])
        contacts.update_contact(marco, introduced_by_id=anna, starred=True)
        contacts.add_fact(anna, "children", "Paolo and Giada")
        contacts.add_fact(anna, "diet", "vegetarian")
        contacts.add_important_date(anna, "birthday", 4, 15, 1988)
        contacts.add_important_date(anna, "name day", 7, 26, remind_days_before=2)
        contacts.add_important_date(luca, "birthday", 2, 29)
        upkeep.set_cadence(anna, 30)
        upkeep.set_cadence(marco, None)  # no keep-in-touch at all
        upkeep.snooze_cadence(luca, 10, today=today)
        upkeep.set_default_cadence("circle", "work", "1m")
        upkeep.set_default_cadence("tag", "fintech", "2w")
        upkeep.set_default_cadence("tag", "design", 90)

        forum = events.create_event("Fintech Forum", kind="convention", status="attended",
                                    starts_at=now.subtract(days=20), ends_at=now.subtract(days=19),
                                    timezone="Europe/Rome", venue="MiCo", city="Milano", goal="meet 3 buyers",
                                    link="https://forum.example/?a=b")
        week = events.create_event("Design Week", kind="trade fair", status="planned",
                                   starts_at=now.add(days=30), timezone="Europe/Rome", city="Torino")
        events.create_event("Someday idea")
        events.set_attendee(forum, anna, "met", role="speaker")
        events.set_attendee(forum, marco, "to meet")
        events.set_attendee(forum, luca, "met")
        events.set_attendee(forum, tina, "met")
        events.set_attendee(week, sara, "to meet")
        contacts.update_contact(anna, met_at_id=forum)

        meeting = timeline.log_interaction([anna, marco, tina], "meeting", now.subtract(days=20),
                                           summary="=Coffee at the forum", notes="talked | launch",
                                           initiated_by="me", event_id=forum)
        timeline.log_interaction([luca], "call", now.subtract(days=3), summary="Catch-up", initiated_by="them")
        timeline.log_milestone([sara], "promotion", note="Head of design", occurred_at=now.subtract(days=2))
        timeline.log_interaction([tina], "note", now.subtract(days=1), summary="only Tina")
        # news netui wrote (a job change seen in an export): it does not count as contact
        timeline.log_interaction([sara], "note", now.subtract(days=1), summary="New job: Head of design at Acme",
                                 counts_as_contact=False)

        followups.create_followup(anna, today + dt.timedelta(days=2), action="-send the deck", channel="email",
                                  source_interaction_id=meeting, source_event_id=forum)
        snoozed = followups.create_followup(marco, today - dt.timedelta(days=1), action="Ask about Beta",
                                            due_by_default=True)  # a capture's default day
        followups.snooze_followup(snoozed, 5, today=today)
        done = followups.create_followup(luca, today - dt.timedelta(days=4), action="Call back", channel="phone")
        followups.complete_followup(done)

        giving.record_favour(anna, "gave", "advice", note="pricing advice", on=today - dt.timedelta(days=6))
        giving.record_favour(luca, "received", "job lead", note="a lead at Gamma", on=today - dt.timedelta(days=5),
                             followup_due=3)
        giving.introduce(anna, luca, reason="both in payments", on=today - dt.timedelta(days=4), status="made")
        giving.introduce(marco, sara, reason="design help")  # proposed

        first = today - dt.timedelta(days=28)
        weekly = appointments.create_appointment(
            "Standup", [anna, sara], f"{first.isoformat()} 09:30", freq="weekly", weekdays=(first.weekday(),),
            timezone="Europe/Rome", notes="bring numbers")
        appointments.mark_done(weekly, first, notes="fine")
        appointments.skip_occurrence(weekly, first + dt.timedelta(days=7))
        appointments.create_appointment("Lunch", [luca], f"{first.isoformat()} 13:00", freq="monthly", count=6,
                                        timezone="Europe/Rome")
        lifecycle.trash_contact(tina)
    finally:
        handle.close()
    return {"anna": anna, "marco": marco, "luca": luca, "sara": sara, "tina": tina}


def dump(path: Path) -> dict[str, list]:
    """Every table's content that an export carries (living people, and what goes with them),
    without the stamps of when rows were written."""
    handle = db.open_database(path)
    try:
        living = {c for (c,) in Contact.select(Contact.id).where(Contact.trashed_at.is_null()).tuples()}

        def rows(query, keep=lambda row: True):
            return sorted((tuple(row) for row in query.tuples() if keep(row)), key=repr)

        linked = {i for i, c in InteractionParticipant.select(InteractionParticipant.interaction,
                                                              InteractionParticipant.contact).tuples() if c in living}
        return {
            "contacts": rows(Contact.select(
                Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name, Contact.company, Contact.role,
                Contact.city, Contact.country, Contact.circle, Contact.how_met, Contact.met_at, Contact.introduced_by,
                Contact.cadence_days, Contact.starred, Contact.notes, Contact.created_at, Contact.cadence_off,
                Contact.cadence_snoozed_until, Contact.last_contacted_at, Contact.favour_balance,
            ).where(Contact.trashed_at.is_null())),
            "channels": rows(Channel.select(Channel.contact, Channel.kind, Channel.value, Channel.label),
                             lambda r: r[0] in living),
            "tags": rows(ContactTag.select(ContactTag.contact, Tag.name).join(Tag), lambda r: r[0] in living),
            "facts": rows(Fact.select(Fact.contact, Fact.label, Fact.value), lambda r: r[0] in living),
            "dates": rows(ImportantDate.select(ImportantDate.contact, ImportantDate.label, ImportantDate.month,
                                               ImportantDate.day, ImportantDate.year, ImportantDate.remind_days_before),
                          lambda r: r[0] in living),
            "interactions": rows(Interaction.select(
                Interaction.id, Interaction.kind, Interaction.occurred_at, Interaction.summary, Interaction.notes,
                Interaction.initiated_by, Interaction.event, Interaction.milestone, Interaction.counts_as_contact),
                lambda r: r[0] in linked),
            "participants": rows(InteractionParticipant.select(InteractionParticipant.interaction,
                                                               InteractionParticipant.contact),
                                 lambda r: r[1] in living),
            "events": rows(Event.select(Event.id, Event.title, Event.kind, Event.starts_at, Event.ends_at,
                                        Event.timezone, Event.venue, Event.city, Event.link, Event.status, Event.goal,
                                        Event.notes)),
            "attendees": rows(EventAttendee.select(EventAttendee.event, EventAttendee.contact, EventAttendee.status,
                                                   EventAttendee.role), lambda r: r[1] in living),
            "followups": rows(FollowUp.select(FollowUp.id, FollowUp.contact, FollowUp.due_on, FollowUp.channel,
                                              FollowUp.action, FollowUp.source_interaction, FollowUp.source_event,
                                              FollowUp.done_at, FollowUp.snoozed_until, FollowUp.due_by_default)),
            "cadences": rows(CadenceDefault.select(CadenceDefault.scope, CadenceDefault.name, CadenceDefault.days)),
            "appointments": rows(Appointment.select(Appointment.id, Appointment.title, Appointment.rule,
                                                    Appointment.timezone, Appointment.duration_minutes,
                                                    Appointment.notes)),
            "appointment people": rows(AppointmentParticipant.select(AppointmentParticipant.appointment,
                                                                     AppointmentParticipant.contact)),
            "occurrences": rows(AppointmentOccurrence.select(AppointmentOccurrence.appointment,
                                                             AppointmentOccurrence.occurs_on,
                                                             AppointmentOccurrence.status,
                                                             AppointmentOccurrence.interaction)),
            "introductions": rows(Introduction.select(Introduction.id, Introduction.person_a, Introduction.person_b,
                                                      Introduction.reason, Introduction.introduced_on,
                                                      Introduction.status, Introduction.outcome,
                                                      Introduction.interaction)),
            "favours": rows(Favour.select(Favour.id, Favour.contact, Favour.direction, Favour.kind,
                                          Favour.occurred_on, Favour.note, Favour.introduction, Favour.followup)),
        }
    finally:
        handle.close()


def table(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(), newline="")))


def count(path: Path, model) -> int:
    handle = db.open_database(path)
    try:
        return model.select().count()
    finally:
        handle.close()


@pytest.fixture
def network(frozen, tmp_path):
    path = tmp_path / "first.db"
    ids = build_network(path, frozen)
    return path, ids


@pytest.fixture
def exported(network, tmp_path):
    path, ids = network
    folder = tmp_path / "everything"
    ok(netui("export", "csv", "--what", "all", "--out", folder, db_path=path))
    return path, folder, ids


def test_import_of_the_folder_restores_every_table_and_exports_the_same_bytes(exported, tmp_path):
    first, folder, ids = exported
    assert sorted(p.name for p in folder.iterdir()) == FILES
    second = tmp_path / "second.db"
    out = ok(netui("import", folder, db_path=second))
    assert out.startswith("netui CSV: 4 new, 0 updated, 0 unchanged, 0 skipped")
    assert "  interactions.csv: 6 added, 0 already there" in out  # the one only with Tina stays behind
    original, restored = dump(first), dump(second)
    for table in original:
        assert restored[table] == original[table], table
    # what the files hold is really there: a few spot checks beyond "equal to the original"
    assert len(restored["attendees"]) == 4 and {r[2] for r in restored["attendees"]} == {"met", "to meet"}
    assert sorted(len([p for p in restored["participants"] if p[0] == i]) for i, *_r in restored["interactions"])[-1] == 2
    assert {r[4] for r in restored["dates"]} == {1988, None}
    assert {r[2] for r in restored["favours"]} == {"gave", "received"}
    assert any(r[8] is not None for r in restored["followups"]) and any(r[8] is None for r in restored["followups"])

    again = tmp_path / "again"
    ok(netui("export", "csv", "--what", "all", "--out", again, db_path=second))
    assert sorted(p.name for p in again.iterdir()) == FILES
    for name in FILES:
        assert (again / name).read_bytes() == (folder / name).read_bytes(), name
    # the restored network is searchable by what its interactions say
    assert "Anna Rossi" in ok(netui("search", "launch", db_path=second))


def test_importing_the_folder_again_adds_nothing(exported, tmp_path):
    _first, folder, _ids = exported
    second = tmp_path / "second.db"
    ok(netui("import", folder, db_path=second))
    before = dump(second)
    out = ok(netui("import", folder, db_path=second))
    assert out.startswith("netui CSV: 0 new, 0 updated, 4 unchanged, 0 skipped")
    assert "  events.csv: 0 added, 3 already there" in out
    assert dump(second) == before


def test_a_dry_run_of_the_folder_says_what_it_would_add_and_writes_nothing(exported, tmp_path):
    _first, folder, _ids = exported
    second = tmp_path / "second.db"
    out = ok(netui("import", folder, "--dry-run", db_path=second))
    assert "(dry run: nothing written)" in out and "  favours.csv: 4 added, 0 already there" in out
    assert count(second, Contact) == 0 and count(second, Favour) == 0


# wishes.csv: people to meet at events of events.csv, nothing without it (tests/cli/test_cli_event_want.py)
@pytest.mark.parametrize("name", [name for name in FILES if name not in ("contacts.csv", "wishes.csv")])
def test_each_file_of_the_folder_imports_on_its_own(exported, tmp_path, name):
    first, folder, _ids = exported
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(folder / name, alone / name)
    target = tmp_path / f"{name}.db"
    out = ok(netui("import", alone / name, db_path=target))
    assert f"  {name}: " in out
    original, restored = dump(first), dump(target)
    table = {"followups.csv": "followups", "events.csv": "events", "favours.csv": "favours",
             "interactions.csv": "interactions", "introductions.csv": "introductions",
             "appointments.csv": "appointments", "cadences.csv": "cadences"}[name]
    assert len(restored[table]) == len(original[table])  # (interactions only with Tina are not exported)
    if table == "events":  # the attendees come with their status, created by name
        assert sorted((r[2], r[3]) for r in restored["attendees"]) == [("met", ""), ("met", "speaker"),
                                                                        ("to meet", ""), ("to meet", "")]
    if table != "cadences":
        people = {f"{r[1]} {r[2]}" for r in restored["contacts"]}
        assert people and people <= {"Anna Rossi", "Marco Bianchi", "Luca Verdi", "Sara Neri"}
    # exporting that table again gives the file back
    out_file = tmp_path / f"again-{name}"
    ok(netui("export", "csv", "--what", table, "--out", out_file, db_path=target))
    if table in ("cadences", "events"):  # no links to other files to lose
        assert out_file.read_bytes() == (folder / name).read_bytes()


def test_the_contacts_file_imports_on_its_own_with_its_introducers(exported, tmp_path):
    first, folder, ids = exported
    target = tmp_path / "contacts-only.db"
    ok(netui("import", folder / "contacts.csv", db_path=target))
    again = tmp_path / "again.csv"
    ok(netui("export", "csv", "--out", again, db_path=target))
    assert again.read_bytes() == (folder / "contacts.csv").read_bytes()
    assert [r for r in dump(target)["contacts"] if r[0] == ids["marco"]][0][11] == ids["anna"]


def test_a_broken_line_in_events_csv_names_the_file_and_line_and_writes_nothing(exported, tmp_path):
    _first, folder, _ids = exported
    events_file = folder / "events.csv"
    lines = events_file.read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b",planned,", b",maybe,")
    assert b",maybe," in lines[2]
    events_file.write_bytes(b"\r\n".join(lines))
    target = tmp_path / "target.db"
    result = netui("import", folder, db_path=target)
    assert result.returncode == 2
    assert f"{events_file} line 3: status: 'maybe' is not an event status" in result.stderr
    assert "Nothing was imported." in result.stderr and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    for model in (Contact, Event, Interaction, FollowUp, Favour, Appointment, CadenceDefault):
        assert count(target, model) == 0, model


def test_a_link_to_a_row_the_folder_lacks_is_refused(exported, tmp_path):
    _first, folder, ids = exported
    interactions_file = folder / "interactions.csv"
    text = interactions_file.read_text(encoding="utf-8")
    interactions_file.write_bytes(text.replace(f",{ids['luca']},", ",999,", 1).encode())
    target = tmp_path / "target.db"
    result = netui("import", folder, db_path=target)
    assert result.returncode == 2
    assert "interactions.csv line" in result.stderr
    assert "nobody in contacts.csv has the id 999. Nothing was imported." in result.stderr  # two sentences
    assert count(target, Contact) == 0


def test_an_instant_on_31_february_is_named_as_the_impossible_day(exported, tmp_path):
    _first, folder, _ids = exported
    interactions_file = folder / "interactions.csv"
    lines = interactions_file.read_bytes().decode("utf-8").split("\r\n")
    moment = lines[2].split(",")[1]
    lines[2] = lines[2].replace(moment, "2026-02-31T18:00:00Z", 1)
    interactions_file.write_bytes("\r\n".join(lines).encode("utf-8"))
    result = netui("import", folder, db_path=tmp_path / "target.db")
    assert result.returncode == 2
    assert (f"{interactions_file} line 3: occurred_at: 2026-02-31 is not a date: February 2026 has 28 days. "
            "Nothing was imported.") in result.stderr


def test_export_all_with_a_tag_holds_only_their_people_and_what_goes_with_them(network, tmp_path):
    path, ids = network
    folder = tmp_path / "fintech"
    ok(netui("export", "csv", "--what", "all", "--tag", "fintech", "--out", folder, db_path=path))
    people = [row[:2] for row in csv.reader(io.StringIO((folder / "contacts.csv").read_text(), newline=""))][1:]
    assert people == [["Anna", "Rossi"], ["Marco", "Bianchi"]]  # Tina has the tag too, but she is in the trash
    interactions = table(folder / "interactions.csv")
    assert len(interactions) == 3  # the meeting, the introduction of Anna, the standup with her; not Tina's note
    assert {row["participants"] for row in interactions} == {"Anna Rossi | Marco Bianchi", "Anna Rossi"}
    chosen = {"Anna Rossi", "Marco Bianchi"}
    for name, columns in (("events.csv", ("people_to_meet", "people_met", "met_first_here")),
                          ("followups.csv", ("contact",)), ("favours.csv", ("contact",)),
                          ("appointments.csv", ("participants",))):
        rows = table(folder / name)
        assert rows, name
        for row in rows:
            for column in columns:
                named = {item.split("=")[-1] for item in row[column].split(" | ") if item}
                assert named <= chosen, (name, column, named)
    assert "Fintech Forum" in (folder / "events.csv").read_text()
    assert "Design Week" not in (folder / "events.csv").read_text()
    assert "pricing advice" in (folder / "favours.csv").read_text()
    assert len((folder / "introductions.csv").read_text().splitlines()) == 1  # Anna→Luca, Marco→Sara: not both chosen
    assert "design" not in (folder / "cadences.csv").read_text()
    # and the filtered folder is a way back too
    target = tmp_path / "fintech.db"
    ok(netui("import", folder, db_path=target))
    again = tmp_path / "again"
    ok(netui("export", "csv", "--what", "all", "--out", again, db_path=target))
    for name in FILES:
        assert (again / name).read_bytes() == (folder / name).read_bytes(), name


def test_a_single_table_export_follows_the_filter(network, tmp_path):
    path, _ids = network
    out = tmp_path / "followups.csv"
    ok(netui("export", "csv", "--what", "followups", "--city", "Roma", "--out", out, db_path=path))
    rows = out.read_text().splitlines()
    assert len(rows) == 3 and all("Luca Verdi" in row for row in rows[1:])


def test_the_calendar_follows_the_filter(network, tmp_path):
    path, _ids = network
    out = tmp_path / "design.ics"
    ok(netui("export", "ics", "--tag", "design", "--out", out, db_path=path))
    text = out.read_text()
    assert "Design Week" in text and "Standup with Sara Neri" in text
    assert "Fintech Forum" not in text and "Anna" not in text and "Lunch" not in text


@pytest.mark.parametrize("argv, flag", [
    (("export", "person", "Anna Rossi", "--json", "--tag", "fintech"), "--tag"),
    (("export", "person", "Anna Rossi", "--json", "--city", "Milano"), "--city"),
    (("export", "vcard", "--what", "events", "--out", "x.vcf"), "--what"),
])
def test_a_filter_where_it_cannot_apply_is_refused(network, tmp_path, argv, flag):
    path, _ids = network
    result = netui(*argv, db_path=path)
    assert result.returncode == 2
    assert flag in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == "" and not (Path.cwd() / "x.vcf").exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table_name=st.sampled_from(sorted(netui_tables.TABLES)), body=st.text(max_size=400),
       cells=st.lists(st.text(alphabet=st.sampled_from("0123456789-:TZ+=|, \\\"'\nabcz"), max_size=30), max_size=22))
def test_reading_any_table_gives_records_or_one_sentence_naming_the_file_and_line(table_name, body, cells):
    header = ",".join(netui_tables.TABLES[table_name])
    for text in (body, f"{header}\r\n{body}", header + "\r\n" + ",".join(cells) + "\r\n"):
        try:
            netui_tables.read(table_name, text, "x.csv")
        except ValidationError as error:
            assert error.message.startswith("x.csv line ") and "\n" not in error.message.strip(" \n")[:20]


def test_two_look_alike_contacts_stay_two_when_restored(frozen, tmp_path):
    first = tmp_path / "first.db"
    handle = db.open_database(first)
    try:
        contacts.create_contact("Ada Byron", city="London", emails=["ada@example.org"])
        contacts.create_contact("Ada Byron", city="Turin", emails=["ada@example.org"])
    finally:
        handle.close()
    folder = tmp_path / "everything"
    ok(netui("export", "csv", "--what", "all", "--out", folder, db_path=first))
    second = tmp_path / "second.db"
    assert ok(netui("import", folder, db_path=second)).startswith("netui CSV: 2 new, 0 updated, 0 unchanged")
    assert dump(second)["contacts"] == dump(first)["contacts"]
