"""Numbers the first screen shows are kept by the schema (netui.store.totals), not counted at
each start: the contact list's title ("12 people") and each event's people to meet and met.
They must agree with the rows after every kind of write, on a file and on a team's
PostgreSQL database."""

from __future__ import annotations

import pytest

from netui import capture, contacts, demo, events, lifecycle
from netui.exchange import importing
from netui.exchange.records import IncomingPerson, ReadResult
from netui.store import totals
from netui.store.models import Contact, EventAttendee, database as bound


def living() -> int:
    """What the title shows, checked against a count of the rows."""
    shown = contacts.find_contacts("").count
    assert shown == totals.living_contacts() == Contact.select().where(Contact.trashed_at.is_null()).count()
    return shown


def test_adding_trashing_restoring_purging_and_merging_keep_the_number(database, frozen):
    assert living() == 0
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen")
    twin = contacts.create_contact("Giulia Rosi", company="Lumen")
    marco = contacts.create_contact("Marco Bianchi")
    assert living() == 3
    lifecycle.trash_contact(marco)
    lifecycle.trash_contact(marco)  # twice: still one person fewer
    assert living() == 2
    contacts.update_contact(marco, company="Acme")  # an edit in the trash moves nothing
    assert living() == 2
    lifecycle.restore_contact(marco)
    assert living() == 3
    lifecycle.merge_contacts(giulia, twin)
    assert living() == 2
    lifecycle.trash_contact(marco)
    lifecycle.purge_contact(marco)  # from the trash: the number was already down
    assert living() == 1
    lifecycle.purge_contact(giulia)  # living, erased at once
    assert living() == 0
    assert lifecycle.purge_trash() == 0 and living() == 0


def test_a_capture_and_its_undo_keep_the_number(database, frozen):
    contacts.create_contact("Marco Bianchi")
    result = capture.capture_line("Giulia Rossi @Lumen #fintech")
    assert living() == 2
    capture.undo_capture(result.undo)
    assert living() == 1


@pytest.mark.parametrize("people", [3, importing.DEFERRED_INDEXES_FROM])
def test_an_import_keeps_the_number(database, frozen, people):
    """A small import and one writing enough new people to build the indexes after the rows."""
    contacts.create_contact("Marco Bianchi")
    incoming = [IncomingPerson(f"line {n + 2}", first_name="Person", last_name=f"Number{n}") for n in range(people)]
    importing.apply_import(importing.plan_import(ReadResult("test", incoming, [])))
    assert living() == people + 1


def test_the_demo_network_keeps_the_number(database, frozen):
    demo.generate_network(people=60)
    assert living() == 60
    lifecycle.trash_contact(Contact.select(Contact.id).limit(1).scalar())
    assert living() == 59


def test_a_bulk_write_with_its_triggers_suspended_counts_again(database, frozen):
    """What netui copy and the other whole-network writes do: rows written with contact's
    triggers off, the number counted when they come back."""
    from netui.store import bulk

    contacts.create_contact("Marco Bianchi")
    with bound.atomic(), bulk.triggers_suspended([Contact]):
        contacts.create_contact("Giulia Rossi")
        lifecycle.trash_contact(Contact.select(Contact.id).where(Contact.first_name == "Marco").scalar())
    assert living() == 1


def test_the_kept_number_stays_one_row_or_a_few(database, frozen):
    """On a team's server each change adds a row (+n, -n) and writers fold them: reading the
    number reads a few rows, not one per change ever made."""
    demo.generate_network(people=60)
    for contact_id in Contact.select(Contact.id).limit(5).tuples():
        lifecycle.trash_contact(contact_id[0])
        contacts.create_contact(f"New Person {contact_id[0]}")
    assert living() == 60
    assert bound.execute_sql('SELECT count(*) FROM "contact_totals"').fetchone()[0] <= 2


def counted(event_id: int) -> tuple[int, int]:
    """An event's (to meet, met) as its summary shows them, checked against the rows."""
    summary = events.get_event(event_id)
    rows = {status: EventAttendee.select().join(Contact).where(
        EventAttendee.event == event_id, EventAttendee.status == status, Contact.trashed_at.is_null()).count()
        for status in ("to meet", "met")}
    assert (summary.to_meet, summary.met) == (rows["to meet"], rows["met"])
    return summary.to_meet, summary.met


def test_an_events_people_to_meet_and_met_follow_every_change(database, frozen):
    fair = events.create_event("Book fair", kind="trade fair", starts_at="2026-11-10 10:00")
    summit = events.create_event("Summit", kind="convention", starts_at="2026-11-20 10:00")
    giulia, marco, anna = (contacts.create_contact(n) for n in ("Giulia Rossi", "Marco Bianchi", "Anna Neri"))
    assert counted(fair) == (0, 0)
    events.set_attendee(fair, giulia)
    events.set_attendee(fair, marco, "met")
    events.set_attendee(fair, anna, "met")
    assert counted(fair) == (1, 2)
    events.set_attendee(fair, giulia, "met")  # the status changes
    assert counted(fair) == (0, 3)
    lifecycle.trash_contact(marco)  # the trash is not counted...
    assert counted(fair) == (0, 2)
    lifecycle.restore_contact(marco)  # ...until restored
    assert counted(fair) == (0, 3)
    events.remove_attendee(fair, anna)
    assert counted(fair) == (0, 2)
    events.set_attendee(summit, marco)
    lifecycle.merge_contacts(giulia, marco)  # Marco's attendance moves to Giulia
    assert counted(fair) == (0, 1) and counted(summit) == (1, 0)
    lifecycle.purge_contact(giulia)
    assert counted(fair) == (0, 0) and counted(summit) == (0, 0)
    events.set_attendee(summit, anna, "met")
    events.delete_event(fair)
    assert counted(summit) == (0, 1)
    assert [e.met for e in events.past_events()] == [1]


def test_a_demo_networks_events_are_counted(database, frozen):
    demo.generate_network(people=60)
    shown = events.upcoming_events() + events.past_events()
    assert sum(e.met + e.to_meet for e in shown) > 0
    for event in shown:
        counted(event.id)
