"""The timeline (netui.timeline): logging interactions and reading them back in order.

Moments are written relative to the stopped clock (`frozen`): an interaction is something
that has happened, so it must lie before "now" whatever day the tests run on.
"""

from __future__ import annotations

import pytest

from netui import contacts, events, lifecycle, timeline
from netui.errors import NotFoundError, ValidationError


@pytest.fixture
def people(database):
    """Three living contacts, by first name."""
    return {
        "giulia": contacts.create_contact("Giulia Rossi", company="Acme"),
        "marco": contacts.create_contact("Marco Bianchi"),
        "anna": contacts.create_contact("Anna Verdi"),
    }


# --- logging -------------------------------------------------------------------------------


def test_log_interaction_with_one_person(frozen, people):
    """A logged call shows up with its kind, time, summary and the one participant."""
    nine_days_ago = frozen.subtract(days=9)
    interaction_id = timeline.log_interaction(
        [people["giulia"]], "call", nine_days_ago, summary="  Talked   about Q1 ",
        notes="  budget is tight  ", initiated_by="them",
    )
    info = timeline.get_interaction(interaction_id)
    assert info.kind == "call"
    assert info.occurred_at == nine_days_ago
    assert info.summary == "Talked about Q1"
    assert info.notes == "budget is tight"
    assert info.initiated_by == "them"
    assert [(p.id, p.name) for p in info.participants] == [(people["giulia"], "Giulia Rossi")]


def test_log_interaction_with_several_people_lists_all_by_name(frozen, people):
    """A group meeting lists every participant once, by full name, sorted by name."""
    interaction_id = timeline.log_interaction(
        [people["marco"], people["giulia"], people["anna"], people["marco"]], "meeting"
    )
    info = timeline.get_interaction(interaction_id)
    assert [p.name for p in info.participants] == ["Anna Verdi", "Giulia Rossi", "Marco Bianchi"]
    for person in people.values():
        assert [i.id for i in timeline.contact_timeline(person)] == [interaction_id]


def test_log_interaction_defaults_to_now(frozen, people):
    """Without a time, the interaction happened now."""
    interaction_id = timeline.log_interaction([people["anna"]], "note")
    assert timeline.get_interaction(interaction_id).occurred_at == frozen


def test_log_interaction_parses_typed_time(frozen, people):
    """A typed time is read in the local zone (Rome) and stored in UTC."""
    interaction_id = timeline.log_interaction([people["giulia"]], "meeting", "yesterday 18:00")
    assert timeline.get_interaction(interaction_id).occurred_at == frozen.subtract(days=1).at(18, 0)


def test_log_interaction_normalises_kind(frozen, people):
    """Kinds are case-insensitive and trimmed."""
    interaction_id = timeline.log_interaction([people["giulia"]], "  Video ")
    assert timeline.get_interaction(interaction_id).kind == "video"


@pytest.mark.parametrize("kind", ["lunch", "", "calls"])
def test_log_interaction_refuses_unknown_kind(people, kind):
    """An unknown kind is refused on field 'kind' and nothing is logged."""
    with pytest.raises(ValidationError) as caught:
        timeline.log_interaction([people["giulia"]], kind)
    assert caught.value.field == "kind"
    assert "meeting" in str(caught.value)  # the message lists the valid kinds
    assert timeline.count_interactions() == 0


def test_log_interaction_refuses_no_participants(people):
    """An interaction with nobody is refused."""
    with pytest.raises(ValidationError) as caught:
        timeline.log_interaction([], "call")
    assert caught.value.field == "participants"
    assert timeline.count_interactions() == 0


def test_log_interaction_refuses_bad_time(frozen, people):
    """An unreadable time is refused with a ValidationError; nothing is logged."""
    with pytest.raises(ValidationError):
        timeline.log_interaction([people["giulia"]], "call", "2026-02-31")
    assert timeline.count_interactions() == 0


def test_log_interaction_refuses_bad_initiator(people):
    """Who started it must be 'me' or 'them'."""
    with pytest.raises(ValidationError) as caught:
        timeline.log_interaction([people["giulia"]], "call", initiated_by="boss")
    assert caught.value.field == "initiated_by"


def test_log_interaction_refuses_unknown_contact(people):
    """An id that is no contact is refused and nothing is logged, even for the others."""
    with pytest.raises(NotFoundError) as caught:
        timeline.log_interaction([people["giulia"], 999], "call")
    assert "#999" in str(caught.value)
    assert timeline.count_interactions() == 0
    assert timeline.contact_timeline(people["giulia"]) == []


def test_log_interaction_refuses_trashed_contact(people):
    """A contact in the trash cannot take part in a new interaction."""
    lifecycle.trash_contact(people["marco"])
    with pytest.raises(NotFoundError):
        timeline.log_interaction([people["giulia"], people["marco"]], "meeting")
    assert timeline.count_interactions() == 0


def test_log_interaction_refuses_unknown_event(people):
    """Linking to an event that does not exist is refused."""
    with pytest.raises(NotFoundError):
        timeline.log_interaction([people["giulia"]], "event", event_id=42)
    assert timeline.count_interactions() == 0


def test_interaction_shows_event_title(frozen, people):
    """When logged at an event, the interaction carries the event's title."""
    event_id = events.create_event("Web Summit", starts_at="2026-11-10 09:00", timezone="Europe/Lisbon")
    with_event = timeline.log_interaction([people["giulia"]], "event", event_id=event_id)
    without = timeline.log_interaction([people["giulia"]], "call")
    assert timeline.get_interaction(with_event).event_title == "Web Summit"
    assert timeline.get_interaction(with_event).event_id == event_id
    assert timeline.get_interaction(without).event_title is None
    titles = {i.id: i.event_title for i in timeline.contact_timeline(people["giulia"])}
    assert titles == {with_event: "Web Summit", without: None}


def test_logged_interaction_is_searchable(frozen, people):
    """Words in an interaction's notes find its participants."""
    timeline.log_interaction([people["anna"]], "call", notes="talked about sailing in Sardinia")
    assert [s.id for s in contacts.search_contacts("sardinia")] == [people["anna"]]


# --- reading in order ----------------------------------------------------------------------


def test_contact_timeline_newest_first_only_theirs(frozen, people):
    """A contact's timeline is newest first and holds only their interactions."""
    old = timeline.log_interaction([people["giulia"]], "email", frozen.subtract(days=300))
    new = timeline.log_interaction([people["giulia"], people["marco"]], "meeting", frozen.subtract(days=28))
    middle = timeline.log_interaction([people["giulia"]], "call", frozen.subtract(days=180))
    timeline.log_interaction([people["anna"]], "call", frozen.subtract(days=150))
    assert [i.id for i in timeline.contact_timeline(people["giulia"])] == [new, middle, old]
    assert [i.id for i in timeline.contact_timeline(people["marco"])] == [new]


def test_global_timeline_newest_first_ties_by_id_desc(frozen, people):
    """Everything, newest first; interactions at the same instant: the later-logged first."""
    same = frozen.subtract(days=9)
    first = timeline.log_interaction([people["giulia"]], "call", same)
    oldest = timeline.log_interaction([people["marco"]], "call", frozen.subtract(days=28))
    second = timeline.log_interaction([people["anna"]], "call", same)
    newest = timeline.log_interaction([people["giulia"]], "note", frozen.subtract(days=4))
    assert [i.id for i in timeline.global_timeline()] == [newest, second, first, oldest]


def test_ordering_is_chronological_not_by_typed_zone(frozen, people):
    """Times typed with different offsets sort by the real instant."""
    # 10:00 in New York is later than 14:00 in Rome on the same day.
    day = frozen.subtract(days=9).date()
    rome = timeline.log_interaction([people["giulia"]], "call", f"{day}T14:00+01:00")
    new_york = timeline.log_interaction([people["giulia"]], "call", f"{day}T10:00-05:00")
    assert [i.id for i in timeline.contact_timeline(people["giulia"])] == [new_york, rome]


def test_paging_covers_every_row_exactly_once(frozen, people):
    """Walking pages with limit/offset returns every interaction once, in timeline order."""
    ids = []
    for n in range(13):
        # a few ties on purpose: several interactions share a minute
        ids.append(timeline.log_interaction([people["giulia"]], "note", frozen.subtract(days=5 - n // 3)))
    expected = [i.id for i in timeline.global_timeline(limit=100)]
    assert sorted(expected) == sorted(ids)

    for reader in (timeline.global_timeline,
                   lambda limit, offset: timeline.contact_timeline(people["giulia"], limit, offset)):
        seen = []
        offset = 0
        while True:
            page = reader(limit=5, offset=offset)
            if not page:
                break
            assert len(page) <= 5
            seen += [i.id for i in page]
            offset += 5
        assert seen == expected
    assert timeline.global_timeline(limit=5, offset=13) == []


def test_count_interactions(frozen, people):
    """Counts all interactions, or those a given contact took part in."""
    timeline.log_interaction([people["giulia"], people["marco"]], "meeting")
    timeline.log_interaction([people["giulia"]], "call")
    assert timeline.count_interactions() == 2
    assert timeline.count_interactions(people["giulia"]) == 2
    assert timeline.count_interactions(people["marco"]) == 1
    assert timeline.count_interactions(people["anna"]) == 0


# --- deleting ------------------------------------------------------------------------------


def test_delete_interaction(frozen, people):
    """A deleted interaction disappears from every timeline; the contacts remain."""
    keep = timeline.log_interaction([people["giulia"]], "call", frozen.subtract(days=28))
    gone = timeline.log_interaction([people["giulia"], people["marco"]], "meeting", frozen.subtract(days=27))
    timeline.delete_interaction(gone)
    assert [i.id for i in timeline.global_timeline()] == [keep]
    assert timeline.contact_timeline(people["marco"]) == []
    assert timeline.count_interactions(people["marco"]) == 0
    assert contacts.get_contact(people["marco"]).name == "Marco Bianchi"
    with pytest.raises(NotFoundError):
        timeline.get_interaction(gone)


def test_delete_unknown_interaction(people):
    """Deleting an interaction that does not exist says so."""
    with pytest.raises(NotFoundError):
        timeline.delete_interaction(12345)


def test_deleted_interaction_no_longer_found_by_search(frozen, people):
    """Search forgets the words of a deleted interaction."""
    interaction_id = timeline.log_interaction([people["anna"]], "call", notes="sailing regatta")
    timeline.delete_interaction(interaction_id)
    assert contacts.search_contacts("regatta") == []


# --- last contacted ------------------------------------------------------------------------


def _summary(contact_id):
    return next(s for s in contacts.list_contacts() if s.id == contact_id)


def test_last_contacted_is_the_newest_interaction_of_any_kind(frozen, people):
    """Last contacted is the latest interaction, whatever its kind and logging order."""
    assert contacts.last_contacted(people["giulia"]) is None
    assert _summary(people["giulia"]).last_contacted is None
    newest = frozen.subtract(days=9)
    timeline.log_interaction([people["giulia"]], "note", newest)
    timeline.log_interaction([people["giulia"]], "email", frozen.subtract(days=59))  # older, logged later
    assert contacts.last_contacted(people["giulia"]) == newest
    assert _summary(people["giulia"]).last_contacted == newest
    assert contacts.get_contact(people["giulia"]).last_contacted == newest
    # Others untouched
    assert _summary(people["marco"]).last_contacted is None


def test_logging_resets_last_contacted_and_overdue(frozen, people):
    """Logging anything newer moves last contacted and clears the keep-in-touch flag."""
    contacts.update_contact(people["marco"], cadence_days=30)
    timeline.log_interaction([people["marco"]], "call", frozen.subtract(days=89))
    assert _summary(people["marco"]).overdue is True
    timeline.log_interaction([people["marco"], people["anna"]], "message", "yesterday 18:00")
    yesterday_evening = frozen.subtract(days=1).at(18, 0)
    assert contacts.last_contacted(people["marco"]) == yesterday_evening
    assert _summary(people["marco"]).last_contacted == yesterday_evening
    assert _summary(people["marco"]).overdue is False
    assert _summary(people["anna"]).last_contacted == yesterday_evening


def test_last_contacted_falls_back_after_delete(frozen, people):
    """Deleting the newest interaction brings last contacted back to the previous one."""
    previous = frozen.subtract(days=28)
    timeline.log_interaction([people["giulia"]], "call", previous)
    newest = timeline.log_interaction([people["giulia"]], "call", frozen.subtract(days=9))
    timeline.delete_interaction(newest)
    assert contacts.last_contacted(people["giulia"]) == previous
    assert _summary(people["giulia"]).last_contacted == previous


def test_list_sorted_by_last_contacted(frozen, people):
    """Sorting by last contacted puts the most recent first and never-contacted last."""
    timeline.log_interaction([people["anna"]], "call", frozen.subtract(days=28))
    timeline.log_interaction([people["marco"]], "call", frozen.subtract(days=9))
    order = [s.id for s in contacts.list_contacts(sort="last_contacted")]
    assert order == [people["marco"], people["anna"], people["giulia"]]


def test_an_interaction_in_the_future_is_refused(frozen, database):
    """'tomorrow' is a plan, not something that happened: say so and log nothing."""
    from netui import contacts

    giulia = contacts.create_contact("Giulia Rossi")
    with pytest.raises(ValidationError) as caught:
        timeline.log_interaction([giulia], "call", "tomorrow")
    assert caught.value.field == "when" and "future" in caught.value.message
    assert timeline.count_interactions() == 0
    timeline.log_interaction([giulia], "call", "now")  # a clock a little off is fine
    assert timeline.count_interactions() == 1
