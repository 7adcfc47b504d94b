"""Privacy: purge erases a person everywhere, down to the bytes of the database file; export
person gives everything stored about one person (the rights to erasure and of access)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing

import pytest

from netui import appointments, cli, contacts, db, events, followups, search, timeline
from netui.errors import NotFoundError
from netui.models import Appointment, Interaction, Tag

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
    assert search.search_ids("zebulon") == [person]
    onlooker = sqlite3.connect(str(path))  # another program with the file open, like the app
    onlooker.execute("SELECT count(*) FROM contact").fetchone()
    try:
        contacts.purge_contact(person)

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
    contacts.trash_contact(first)
    contacts.trash_contact(second)
    assert contacts.purge_trash() == 2
    assert [s.id for s in contacts.list_contacts()] == [keep]
    handle.close()
    data = path.read_bytes().lower()
    assert b"zorblatt" not in data and b"quentin" not in data
