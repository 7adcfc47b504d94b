"""People to meet at an event who are not contacts yet (netui.wishes): added, met by a
capture or by name, missed, written to afterwards; kept through merge, purge and undo."""

from __future__ import annotations

import datetime as dt

import pytest

from netui import capture, contacts, events, followups, lifecycle, privacy, wishes
from netui.errors import ValidationError


@pytest.fixture
def festival(database, frozen):
    """An event that started an hour ago (people captured there are met)."""
    return events.create_event("Web Marketing Festival", starts_at=frozen.subtract(hours=1), kind="convention")


@pytest.fixture
def coming(database, frozen):
    return events.create_event("Fintech Summit", starts_at="in 5 days 09:00", kind="congress")


def test_parse_wish_reads_name_company_and_why():
    assert wishes.parse_wish("Sara Conti @Lumen Digital — her talk on payments") == (
        "Sara Conti", "Lumen Digital", "her talk on payments")
    assert wishes.parse_wish("  Sara   Conti ") == ("Sara Conti", "", "")
    assert wishes.parse_wish("Luca Neri @Acme - speaker") == ("Luca Neri", "Acme", "speaker")
    with pytest.raises(ValidationError) as error:
        wishes.parse_wish(" @Acme")
    assert error.value.field == "name"


def test_a_wish_is_not_a_contact(coming):
    wish_id = wishes.add_wish(coming, "Sara Conti", "Lumen", "her talk")
    assert contacts.list_contacts() == []
    [wish] = wishes.wishes_of(coming)
    assert (wish.id, wish.name, wish.company, wish.why, wish.contact_id, wish.met) == (
        wish_id, "Sara Conti", "Lumen", "her talk", None, False)
    [listed] = wishes.listed_people(coming)
    assert listed.wish_id == wish_id and listed.contact_id is None


def test_bad_wishes_are_refused_in_one_sentence(coming):
    wishes.add_wish(coming, "Sara Conti", "Lumen")
    with pytest.raises(ValidationError, match="already on the list"):
        wishes.add_wish(coming, "sara conti", "lumen")
    contacts.create_contact("Marco Bianchi", company="Acme")
    with pytest.raises(ValidationError, match="already one of your contacts"):
        wishes.add_wish(coming, "Marco Bianchi", "Acme")
    with pytest.raises(ValidationError):
        wishes.add_wish(coming, "   ")
    assert len(wishes.wishes_of(coming)) == 1


def test_capturing_the_wished_person_links_the_new_contact_met(festival):
    wish_id = wishes.add_wish(festival, "Nicolò Ødegaard", "Lumen", "payments")
    result = capture.capture_line("nicolo odegaard @lumen #fintech", festival)
    wish = wishes.get_wish(wish_id)
    assert wish.contact_id == result.contact_id and wish.met
    detail = events.get_event(festival)
    assert [(p.contact_id, p.status) for p in detail.attendees] == [(result.contact_id, "met")]
    done = wishes.outcome(festival)
    assert done.over and [p.contact_id for p in done.met] == [result.contact_id] and done.missed == []


def test_another_company_is_not_the_wished_person(festival):
    wish_id = wishes.add_wish(festival, "Sara Conti", "Lumen")
    capture.capture_line("Sara Conti @Acme", festival)
    assert wishes.get_wish(wish_id).contact_id is None


def test_undoing_the_capture_keeps_the_wish(festival):
    wish_id = wishes.add_wish(festival, "Sara Conti", "Lumen")
    result = capture.capture_line("Sara Conti @Lumen", festival)
    capture.undo_capture(result.undo)
    assert wishes.get_wish(wish_id).contact_id is None and contacts.list_contacts() == []


def test_met_by_name_creates_the_contact(festival):
    wishes.add_wish(festival, "Sara Conti", "Lumen", "her talk")
    contact_id = wishes.met_by_name(festival, "sara conti")
    person = contacts.get_contact(contact_id)
    assert (person.name, person.company, person.met_at_id) == ("Sara Conti", "Lumen", festival)
    assert wishes.met_by_name(festival, "Nobody Here") is None


def test_missed_people_get_a_contact_and_a_followup(festival, frozen):
    wish_id = wishes.add_wish(festival, "Luca Neri", "Acme", "the speaker")
    listed_contact = contacts.create_contact("Anna Bianchi")
    events.set_attendee(festival, listed_contact, "to meet")
    events.set_event_status(festival, "attended")
    done = wishes.outcome(festival)
    assert done.over and {p.name for p in done.missed} == {"Luca Neri", "Anna Bianchi"}
    contact_id, followup_id = wishes.write_to_missed(wish_id)
    person = contacts.get_contact(contact_id)
    assert (person.name, person.company, person.met_at_id) == ("Luca Neri", "Acme", None)
    assert "Web Marketing Festival" in person.how_met
    item = followups.get_followup(followup_id)
    assert item.contact_id == contact_id and item.source_event_id == festival
    assert item.due_on == frozen.date() + dt.timedelta(days=2)
    assert "Luca Neri" in item.action
    # still missed (not met), now a contact, listed once
    assert [p.name for p in wishes.outcome(festival).missed].count("Luca Neri") == 1


def test_a_coming_event_has_nobody_missed(coming):
    wishes.add_wish(coming, "Sara Conti")
    assert not wishes.outcome(coming).over


def test_purge_merge_and_event_deletion(festival):
    wish_id = wishes.add_wish(festival, "Sara Conti", "Lumen")
    contact_id = wishes.meet_wish(wish_id)
    twin = contacts.create_contact("Sara C.")
    lifecycle.merge_contacts(twin, contact_id)
    assert wishes.get_wish(wish_id).contact_id == twin
    assert privacy.person_record(twin)["wished_for_at"][0]["name"] == "Sara Conti"
    lifecycle.purge_contact(twin)
    assert wishes.wishes_of(festival) == []  # the wish named the purged person
    wishes.add_wish(festival, "Luca Neri")
    events.delete_event(festival)
    from netui.store.models import EventWish
    assert EventWish.select().count() == 0
