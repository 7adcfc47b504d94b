"""The number of living contacts the contact list's title shows ("12 people") is kept by the
schema (netui.store.totals), not counted at each start: it must agree with the people there
are after every kind of write, on a file and on a team's PostgreSQL database."""

from __future__ import annotations

import pytest

from netui import capture, contacts, demo, lifecycle
from netui.exchange import importing
from netui.exchange.records import IncomingPerson, ReadResult
from netui.store import totals
from netui.store.models import Contact, database as bound


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
