"""Privacy: purge erases a person everywhere, down to the bytes of the database file; export
person gives everything stored about one person (the rights to erasure and of access)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing

import pytest

from netui import appointments, cli, contacts, events, followups, giving, lifecycle, timeline
from netui.store import db, search
from netui.errors import NotFoundError
from netui.store.models import Appointment, Interaction, Tag

SECRETS = ("Zebulon", "Quixotry", "zebulon.q@hidden-mail.example", "marmalade-smuggling", "Xanthippe",
           "kayakmonologue", "tennisquixo")


def _make_person() -> tuple[int, int, int]:
    """Someone with everything netui can hold about a person, and one other contact."""
    person = contacts.create_contact(
        "Zebulon Quixotry", emails=["zebulon.q@hidden-mail.example"], phones=["+39 333 7654321"],
        tags=["zq-only-tag", "shared"], notes="Knows all about marmalade-smuggling", company="Quixotry Ltd")
    other = contacts.create_contact("Anna Bell", tags=["shared"])
    contacts.add_fact(person, "children", "Xanthippe")
    contacts.add_important_date(person, "birthday", month=4, day=15, year=1980)
    alone = timeline.log_interaction([person], "call", summary="kayakmonologue")
    shared = timeline.log_interaction([person, other], "meeting", summary="lunch together", notes="both there")
    followups.create_followup(person, dt.date(2026, 12, 5), action="send the Xanthippe photos")
    event = events.create_event("Summit")
    events.set_attendee(event, person, "met")
    appointments.create_appointment("tennisquixo", [person], "2026-12-01 18:00")
    appointments.create_appointment("Team lunch", [person, other], "2026-12-02 12:00")
    giving.introduce(person, other, reason="they both row", status="made")
    giving.record_favour(person, "gave", "advice", note="helped with the Xanthippe school")
    # Edit the notes a few times: every version goes through the search index.
    for round_ in range(3):
        contacts.update_contact(person, notes=f"Knows all about marmalade-smuggling ({round_})")
    return person, other, shared


def test_purge_leaves_no_trace_in_the_file_or_its_log(tmp_path):
    """After a purge, the raw database file and its -wal hold none of the person's words,
    even while another process (an open app) keeps the file open."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    person, other, shared = _make_person()
    assert set(search.search_ids("zebulon")) == {person, other}  # the introduction names him
    onlooker = sqlite3.connect(str(path))  # another program with the file open, like the app
    onlooker.execute("SELECT count(*) FROM contact").fetchone()
    try:
        lifecycle.purge_contact(person)

        with pytest.raises(NotFoundError):
            contacts.get_contact(person)
        survivor = timeline.get_interaction(shared)
        assert [p.id for p in survivor.participants] == [other]
        assert Interaction.select().count() == 1  # the call only with them is gone
        assert [a.title for a in Appointment.select()] == ["Team lunch"]
        assert sorted(t.name for t in Tag.select()) == ["shared"]
        assert search.search_ids("zebulon") == [] and search.search_ids("lunch") == [other]
        handle.close()
        for file in (path, path.with_name(path.name + "-wal")):
            if file.exists():
                data = file.read_bytes().lower()
                for secret in SECRETS:
                    assert secret.lower().encode() not in data, f"{secret!r} found in {file.name}"
    finally:
        onlooker.close()
    with closing(sqlite3.connect(str(path))) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_purge_trash_scrubs_once_for_all(tmp_path):
    """Emptying the trash erases every trashed person from the file in one go."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    first = contacts.create_contact("Quentin Zorblatt", notes="zorblattnotes")
    second = contacts.create_contact("Quilla Zorblatt")
    keep = contacts.create_contact("Anna Bell")
    lifecycle.trash_contact(first)
    lifecycle.trash_contact(second)
    assert lifecycle.purge_trash() == 2
    assert [s.id for s in contacts.list_contacts()] == [keep]
    handle.close()
    data = path.read_bytes().lower()
    assert b"zorblatt" not in data and b"quentin" not in data


# --- the CLI: export person (right of access), purge (right to erasure) ------------------


def test_export_person_json_holds_everything_about_them(tmp_path, capsys, frozen):
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    person, other, shared = _make_person()
    handle.close()
    assert cli.main(["--db", str(path), "export", "person", "Zebulon Quixotry", "--json"]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert err == ""
    assert record["format"] == "netui person record" and record["format_version"] == 1
    contact = record["contact"]
    assert (contact["id"], contact["name"], contact["company"]) == (person, "Zebulon Quixotry", "Quixotry Ltd")
    assert contact["notes"] == "Knows all about marmalade-smuggling (2)"
    assert {c["kind"]: c["value"] for c in record["channels"]} == {
        "email": "zebulon.q@hidden-mail.example", "phone": "+39 333 7654321"}
    assert record["tags"] == ["shared", "zq-only-tag"]
    assert [(f["label"], f["value"]) for f in record["facts"]] == [("children", "Xanthippe")]
    assert [(d["label"], d["year"], d["month"], d["day"]) for d in record["important_dates"]] == [
        ("birthday", 1980, 4, 15)]
    summaries = {i["summary"]: [p["name"] for p in i["other_participants"]] for i in record["interactions"]}
    assert summaries["kayakmonologue"] == [] and summaries["lunch together"] == ["Anna Bell"]
    assert [f["action"] for f in record["followups"]] == ["send the Xanthippe photos"]
    assert [(e["event_title"], e["status"]) for e in record["events"]] == [("Summit", "met")]
    assert sorted((a["title"], [p["name"] for p in a["other_participants"]]) for a in record["appointments"]) == [
        ("Team lunch", ["Anna Bell"]), ("tennisquixo", [])]
    assert [(f["direction"], f["kind"]) for f in record["favours"]] == [("gave", "introduction"), ("gave", "advice")]
    assert [(i["person_a_name"], i["person_b_name"], i["status"]) for i in record["introductions"]] == [
        ("Zebulon Quixotry", "Anna Bell", "made")]

    out_file = tmp_path / "zebulon.json"
    assert cli.main(["--db", str(path), "export", "person", "#1", "--json", "--out", str(out_file)]) == 0
    assert json.loads(out_file.read_text())["contact"]["id"] == person
    assert out_file.stat().st_mode & 0o777 == 0o600


def test_purge_cli_confirms_then_erases_also_from_the_trash(tmp_path, capsys, monkeypatch):
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    person = contacts.create_contact("Zebulon Quixotry", notes="marmalade-smuggling")
    lifecycle.trash_contact(person)
    handle.close()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert cli.main(["--db", str(path), "purge", "Zebulon Quixotry"]) == 2
    assert capsys.readouterr().err == ("netui: netui purge erases Zebulon Quixotry for good: add --yes to confirm "
                                       "(there is no terminal to ask on).\n")
    assert cli.main(["--db", str(path), "export", "person", "#1", "--json"]) == 0  # still there, in the trash
    capsys.readouterr()
    assert cli.main(["--db", str(path), "purge", "Zebulon Quixotry", "--yes"]) == 0
    assert capsys.readouterr().out.startswith("Erased Zebulon Quixotry (#1) for good.")
    assert b"marmalade" not in path.read_bytes() and b"Zebulon" not in path.read_bytes()
    assert cli.main(["--db", str(path), "purge", "#1", "--yes"]) == 2
    assert capsys.readouterr().err == "netui: There is no contact #1.\n"


def test_the_log_checkpoint_after_a_purge_never_freezes_on_a_reader(tmp_path):
    """Another connection in the middle of a read: the purge still returns at once; the log is
    emptied later (here: when that reader has finished and the next checkpoint runs)."""
    import time

    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    person = contacts.create_contact("Zebulon Quixotry")
    reader = sqlite3.connect(str(path), isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM contact").fetchone()
        started = time.perf_counter()
        lifecycle.purge_contact(person)
        assert time.perf_counter() - started < 3
        reader.execute("COMMIT")
        assert db.checkpoint() is True
    finally:
        reader.close()
        handle.close()
    assert b"zebulon" not in path.read_bytes().lower()


def test_captured_lines_not_saved_yet_are_in_the_record_and_go_with_the_purge(tmp_path, capsys, frozen):
    """A quick-capture line typed and not saved yet is the user's own words about someone: their
    access record shows it, and purging them erases it (applied later, it would bring them back),
    down to the file's bytes. Lines about anyone else stay waiting."""
    from netui import capture

    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    person = contacts.create_contact("Zebulon Quixotry", emails=["zebulon.q@hidden-mail.example"],
                                     company="Quixotry Ltd")
    contacts.create_contact("Anna Bell")
    fair = capture.event_for_today("Fiera")
    capture.journal("Zebulon Quixotry !1w quokkalunch plans", fair)  # by name
    capture.journal("Zeb Q zebulon.q@hidden-mail.example kayakmonologue")  # by his e-mail
    capture.journal("Anna Bell !2d met at the bar")  # someone else
    capture.journal("Zebulon Quixotry @Otherco")  # another Zebulon Quixotry: another company
    handle.close()

    assert cli.main(["--db", str(path), "export", "person", "Zebulon Quixotry", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [(line["line"], line["event_title"]) for line in record["captured_lines_not_saved_yet"]] == [
        ("Zebulon Quixotry !1w quokkalunch plans", "Fiera"),
        ("Zeb Q zebulon.q@hidden-mail.example kayakmonologue", None)]

    assert cli.main(["--db", str(path), "purge", "Zebulon Quixotry", "--yes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Erased Zebulon Quixotry (#1) for good.")
    assert out.endswith("The 2 captured lines naming them that were not saved yet were erased too.\n")
    handle = db.open_database(path)
    assert [line.line for line in capture.waiting_lines()] == ["Anna Bell !2d met at the bar", "Zebulon Quixotry @Otherco"]
    handle.close()
    data = path.read_bytes()
    assert b"quokkalunch" not in data and b"kayakmonologue" not in data


def test_taking_a_capture_back_keeps_the_other_lines_naming_that_person(database, frozen):
    """Undo of a capture that made someone new purges the person it made; a line the user typed
    about the same name and left waiting is still theirs."""
    from netui import capture

    waiting = capture.journal("Mara Vinci !1w call her back about the kayakmonologue")
    result = capture.capture("Mara Vinci @Acme")
    assert result.created
    capture.undo_capture(result.undo)
    assert [line.id for line in capture.waiting_lines()] == [waiting]
    assert contacts.count_contacts() == 0
