"""Schema version 11 (numbers kept: living contacts, each event's attendees): a version 10
network, on a file and on a team's PostgreSQL database, upgrades with them filled from its
rows (the trash left out), and the first screen reads them from then on."""

from __future__ import annotations

import os

import pytest

from netui import contacts, demo, events, lifecycle
from netui.store import db, totals
from netui.store.migrations import MIGRATIONS
from netui.store.models import Contact, EventAttendee


def event_count() -> int:
    from netui.store.models import Event

    return Event.select().count()


@pytest.fixture(params=["file", "server"])
def place(request, tmp_path):
    if request.param == "file":
        yield tmp_path / "netui.db"
        return
    cluster = request.getfixturevalue("postgres_cluster")
    name = f"v10_{os.getpid()}"  # empty: the template holds the newest schema
    cluster.admin(f"CREATE DATABASE {name}")
    yield cluster.address(name)
    cluster.drop(name)


def test_version_10_network_upgrades_with_its_number_of_living_people(place, frozen):
    handle = db.open_database(place, migrations=MIGRATIONS[:10])
    demo.generate_network(60, seed=11, now=frozen)
    for contact_id in Contact.select(Contact.id).order_by(Contact.id).limit(3).tuples():
        lifecycle.trash_contact(contact_id[0])
    assert db.schema_version(handle) == 10
    handle.close()

    handle = db.open_database(place)
    try:
        assert db.schema_version(handle) == db.latest_version() >= 11
        assert totals.living_contacts() == contacts.find_contacts("").count == 57
        shown = events.upcoming_events() + events.past_events()
        assert sum(e.met for e in shown) and len(shown) == event_count()
        for event in shown:  # each event's numbers filled from its rows, the trash left out
            assert (event.to_meet, event.met) == tuple(
                EventAttendee.select().join(Contact).where(EventAttendee.event == event.id, EventAttendee.status == s,
                                                           Contact.trashed_at.is_null()).count()
                for s in ("to meet", "met"))
        lifecycle.restore_contact(Contact.select(Contact.id).where(Contact.trashed_at.is_null(False)).scalar())
        assert totals.living_contacts() == 58
    finally:
        handle.close()
