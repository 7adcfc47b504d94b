"""lifecycle.merge_contacts as `netui merge` and the duplicates screen use it: everything of
both records kept, the kept record's fields winning, the differences listed."""

from __future__ import annotations

import datetime as dt

import pytest

from netui import (appointments, contacts, duplicates, events, followups, giving, lifecycle, privacy,
                   timeline, when)
from netui.errors import NotFoundError, ValidationError


@pytest.fixture
def twins(database, frozen):
    keep = contacts.create_contact("Giulia Rossi", company="Lumen", city="Milano", circle="work",
                                   emails=["giulia@lumen.it"], notes="prefers mornings")
    other = contacts.create_contact("Giulia Rosi", company="Banca Sella", role="CTO", city="Torino",
                                    circle="friends", how_met="rowing club", emails=["giuly@gmail.com"],
                                    phones=["+39 333 1234567"], tags=["rowing"], notes="likes jazz")
    marco = contacts.create_contact("Marco Bianchi")
    anna = contacts.create_contact("Anna Neri", introduced_by_id=other)
    return dict(keep=keep, other=other, marco=marco, anna=anna)


def test_differences_list_every_field_not_kept_as_it_was(twins):
    keep, other = twins["keep"], twins["other"]
    before = contacts.get_contact(keep)
    preview = lifecycle.merge_differences(keep, other)
    assert contacts.get_contact(keep) == before  # a preview changes nothing
    shown = {(d.field, d.kept, d.dropped, d.fate) for d in preview}
    assert shown == {
        ("name", "Giulia Rossi", "Giulia Rosi", lifecycle.IN_NOTES),
        ("company", "Lumen", "Banca Sella", lifecycle.IN_NOTES),
        ("city", "Milano", "Torino", lifecycle.IN_NOTES),
        ("notes", "prefers mornings", "likes jazz", lifecycle.JOINED),
        ("circle", "work", "friends", lifecycle.DROPPED),
    }
    assert lifecycle.merge_contacts(keep, other) == preview
    assert [d.label for d in preview][:2] == ["name", "company"]


def test_kept_fields_win_empty_ones_are_filled_and_dropped_text_lands_in_the_notes(twins):
    keep = twins["keep"]
    lifecycle.merge_contacts(keep, twins["other"])
    detail = contacts.get_contact(keep)
    assert (detail.name, detail.company, detail.city, detail.circle) == ("Giulia Rossi", "Lumen", "Milano", "work")
    assert (detail.role, detail.how_met) == ("CTO", "rowing club")
    for kept_text in ("prefers mornings", "likes jazz", "Giulia Rosi", "Banca Sella", "Torino"):
        assert kept_text in detail.notes
    assert sorted(c.value for c in detail.channels) == ["+39 333 1234567", "giulia@lumen.it", "giuly@gmail.com"]
    assert detail.tags == ["rowing"]


def test_everything_hung_on_the_other_moves_to_the_kept(twins):
    keep, other, marco = twins["keep"], twins["other"], twins["marco"]
    contacts.add_fact(other, "kids", "Leo")
    contacts.add_important_date(other, "birthday", month=4, day=15)
    lunch = timeline.log_interaction([other, marco], "meeting", summary="lunch")
    due = followups.create_followup(other, when.today() + dt.timedelta(days=6), action="send deck")
    giving.record_favour(other, "gave", "advice")
    made = giving.introduce(other, marco, "both row", status="made")
    received = giving.introduce(twins["anna"], other, "fintech")
    summit = events.create_event("Fintech Summit")
    events.set_attendee(summit, other, "met")
    tennis = appointments.create_appointment("Tennis", [other], "2026-12-01 18:00")
    lifecycle.merge_contacts(keep, other)
    detail = contacts.get_contact(keep)
    assert [(f.label, f.value) for f in detail.facts] == [("kids", "Leo")]
    assert [d.label for d in detail.important_dates] == ["birthday"]
    assert sorted(p.id for p in timeline.get_interaction(lunch).participants) == sorted([keep, marco])
    assert [f.id for f in detail.open_followups] == [due]
    assert sorted(f.kind for f in giving.favours_of(keep)) == ["advice", "introduction"]
    intro_ids = {i.id for i in giving.introductions_of(keep)}
    assert {made, received} <= intro_ids  # both sides of an introduction
    assert [status for _event, status in events.events_of_contact(keep)] == ["met"]
    assert [p.id for p in appointments.get_appointment(tennis).participants] == [keep]
    assert contacts.get_contact(twins["anna"]).introduced_by_id == keep  # who other introduced
    assert privacy.tables_naming([other]) == []
    with pytest.raises(NotFoundError):
        contacts.get_contact(other)


def test_no_self_introduction_after_a_merge(twins):
    keep, other = twins["keep"], twins["other"]
    contacts.update_contact(keep, introduced_by_id=other)
    lifecycle.merge_contacts(keep, other)
    assert contacts.get_contact(keep).introduced_by_id is None


def test_merging_someone_with_themselves_is_one_sentence_and_changes_nothing(twins):
    keep = twins["keep"]
    before = contacts.get_contact(keep)
    for attempt in (lifecycle.merge_contacts, lifecycle.merge_differences):
        with pytest.raises(ValidationError) as caught:
            attempt(keep, keep)
        assert caught.value.message == "Cannot merge a contact with itself."
    assert contacts.get_contact(keep) == before


def test_a_merged_pair_is_no_longer_a_duplicate(twins):
    contacts.add_channel(twins["other"], "email", "Giulia@Lumen.it")
    assert [p.reason for p in duplicates.find_duplicates()] == [duplicates.SAME_EMAIL]
    lifecycle.merge_contacts(twins["keep"], twins["other"])
    assert duplicates.find_duplicates() == []
