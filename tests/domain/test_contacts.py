"""Contacts: create, validate, update, read, list, trash/restore/purge, resolve and merge."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from netui import contacts, events, followups, lifecycle, rules, timeline
from netui.store import search
from netui.errors import AmbiguousNameError, NotFoundError, ValidationError
from netui.store.models import (
    Channel,
    Contact,
    ContactSearch,
    ContactTag,
    EventAttendee,
    Fact,
    FollowUp,
    ImportantDate,
    InteractionParticipant,
)

from conftest import FROZEN_NOW, travel


def names(summaries) -> list[str]:
    return [s.name for s in summaries]


def found(text: str) -> list[int]:
    return [s.id for s in contacts.search_contacts(text)]


# --- create --------------------------------------------------------------------------------


def test_create_splits_name_at_first_word(database):
    """A multi-word surname stays whole: 'Maria De Luca' is Maria + 'De Luca'."""
    contact = contacts.get_contact(contacts.create_contact("  Maria   De Luca "))
    assert (contact.first_name, contact.last_name) == ("Maria", "De Luca")
    assert contact.name == "Maria De Luca"


def test_create_stores_channels(database):
    """E-mails, phones and other channels given at creation are all kept, with labels."""
    cid = contacts.create_contact(
        "Giulia Rossi",
        emails=[" giulia@example.com "],
        phones=["+39 333  123 4567"],
        channels=[("LinkedIn", "linkedin.com/in/giulia", " work ")],
    )
    contact = contacts.get_contact(cid)
    assert contact.emails == ["giulia@example.com"]
    assert contact.phones == ["+39 333 123 4567"]
    linkedin = [c for c in contact.channels if c.kind == "linkedin"]
    assert [(c.value, c.label) for c in linkedin] == [("linkedin.com/in/giulia", "work")]


def test_create_normalises_and_deduplicates_tags(database):
    """'#Fintech' and 'fintech' are one tag, stored lower-case without '#'."""
    cid = contacts.create_contact("Giulia Rossi", tags=["#Fintech", "fintech", "Rowing"])
    assert contacts.get_contact(cid).tags == ["fintech", "rowing"]
    other = contacts.create_contact("Marco Neri", tags=["FINTECH"])
    assert contacts.get_contact(other).tags == ["fintech"]
    assert contacts.all_tags() == [("fintech", 2), ("rowing", 1)]


def test_create_defaults(database, frozen):
    """A new contact is in circle 'other', not starred, stamped with the current instant."""
    contact = contacts.get_contact(contacts.create_contact("Ada"))
    assert (contact.first_name, contact.last_name) == ("Ada", "")
    assert contact.circle == "other"
    assert contact.starred is False
    assert contact.created_at == FROZEN_NOW
    assert contact.updated_at == FROZEN_NOW
    assert contact.trashed_at is None


# --- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"name": ""}, "name", "name"),
        ({"name": "   "}, "name", "name"),
        ({"name": "Ada", "emails": ["ada.example.com"]}, "email", "ada.example.com"),
        ({"name": "Ada", "emails": ["ada@example"]}, "email", "e-mail"),
        ({"name": "Ada", "phones": ["call me maybe"]}, "phone", "call me maybe"),
        ({"name": "Ada", "phones": ["12"]}, "phone", "phone"),
        ({"name": "Ada", "circle": "colleagues"}, "circle", "work"),
        ({"name": "Ada", "cadence_days": 0}, "cadence_days", "at least 1 day"),
        ({"name": "Ada", "cadence_days": -5}, "cadence_days", "at least 1 day"),
        ({"name": "Ada", "cadence_days": "often"}, "cadence_days", "often"),
        ({"name": "Ada", "nickname": "Ace"}, "nickname", "nickname"),
        ({"name": "Ada", "tags": ["two words"]}, "tag", "two words"),
        ({"name": "Ada", "tags": ["a,b"]}, "tag", "a,b"),
        ({"name": "Ada", "tags": ["#"]}, "tag", "tag"),
        ({"name": "Ada", "channels": [("fax", "123", "")]}, "channel", "fax"),
    ],
)
def test_create_rejects_bad_values(database, kwargs, field, words):
    """Bad input names the offending field, says what is wrong, and creates nothing."""
    with pytest.raises(ValidationError) as caught:
        contacts.create_contact(**kwargs)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert contacts.count_contacts() == 0
    assert search.index_size() == 0


def test_circle_is_case_insensitive(database):
    """'Work' is accepted as the circle 'work'."""
    cid = contacts.create_contact("Ada", circle=" Work ")
    assert contacts.get_contact(cid).circle == "work"


def test_important_date_31_february_refused(database):
    """31 February cannot be saved as an important date; the error names the date field."""
    cid = contacts.create_contact("Ada")
    with pytest.raises(ValidationError) as caught:
        contacts.add_important_date(cid, "birthday", month=2, day=31)
    assert caught.value.field == "date"
    assert "February" in str(caught.value)
    assert contacts.get_contact(cid).important_dates == []


# Regression: a year-less date used to be reported as "2000-02-31 is not a date: February 2000
# has 29 days." - a year the user never gave.
def test_important_date_without_year_error_does_not_invent_a_year(database):
    """The message for a bad year-less date talks about the date the user gave, not 2000."""
    cid = contacts.create_contact("Ada")
    with pytest.raises(ValidationError) as caught:
        contacts.add_important_date(cid, "birthday", month=2, day=31)
    assert "2000" not in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date("--02-31")
    assert "2000" not in str(caught.value)


def test_parse_important_date_refuses_impossible_day(database):
    """'2026-02-31' is refused with a message saying how many days February 2026 has."""
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date("2026-02-31")
    assert caught.value.field == "date"
    assert "February 2026 has 28 days" in str(caught.value)


@pytest.mark.parametrize("text", ["13-01", "2026-13-01", "yesterday", ""])
def test_parse_important_date_refuses_non_dates(database, text):
    """Text that is not a date (or has month 13) is refused on the date field."""
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date(text)
    assert caught.value.field == "date"


def test_29_february_without_year_is_accepted(database):
    """A birthday on 29 February with unknown year is real and can be saved."""
    assert rules.parse_important_date("--02-29") == (None, 2, 29)
    assert rules.parse_important_date("02-29") == (None, 2, 29)
    cid = contacts.create_contact("Ada")
    contacts.add_important_date(cid, "birthday", month=2, day=29)
    [date] = contacts.get_contact(cid).important_dates
    assert (date.year, date.month, date.day, date.text) == (None, 2, 29, "--02-29")


def test_29_february_2025_refused(database):
    """2025 is not a leap year: 2025-02-29 is refused both as text and as numbers."""
    with pytest.raises(ValidationError) as caught:
        rules.parse_important_date("2025-02-29")
    assert "February 2025 has 28 days" in str(caught.value)
    cid = contacts.create_contact("Ada")
    with pytest.raises(ValidationError):
        contacts.add_important_date(cid, "birthday", month=2, day=29, year=2025)
    assert contacts.get_contact(cid).important_dates == []
    assert rules.parse_important_date("2024-02-29") == (2024, 2, 29)


def test_important_date_needs_label_and_sane_reminder(database):
    """An important date without label, or with a negative reminder, is refused."""
    cid = contacts.create_contact("Ada")
    with pytest.raises(ValidationError) as caught:
        contacts.add_important_date(cid, "  ", month=4, day=15)
    assert caught.value.field == "label"
    with pytest.raises(ValidationError) as caught:
        contacts.add_important_date(cid, "birthday", month=4, day=15, remind_days_before=-1)
    assert caught.value.field == "remind_days_before"
    with pytest.raises(ValidationError) as caught:
        contacts.add_important_date(cid, "birthday", month=13, day=1)
    assert caught.value.field == "date"


# --- update --------------------------------------------------------------------------------


def test_update_changes_only_given_fields_and_bumps_updated_at(database):
    """Editing the company leaves every other field alone and moves updated_at forward."""
    with travel(FROZEN_NOW):
        cid = contacts.create_contact(
            "Giulia Rossi", company="Acme", role="CTO", city="Milano", circle="work",
            cadence_days=30, notes="met at the fair",
        )
    before = contacts.get_contact(cid)
    later = FROZEN_NOW.add(hours=3)
    with travel(later):
        contacts.update_contact(cid, company="  Banca   Sella ")
    after = contacts.get_contact(cid)
    assert after.company == "Banca Sella"
    assert after.updated_at == later
    assert after.created_at == before.created_at == FROZEN_NOW
    unchanged = ("first_name", "last_name", "role", "city", "circle", "cadence_days", "notes")
    assert {f: getattr(after, f) for f in unchanged} == {f: getattr(before, f) for f in unchanged}


def test_update_refuses_emptying_the_name(database):
    """A contact cannot be left without a name; nothing is changed by the refused edit."""
    cid = contacts.create_contact("Giulia Rossi", company="Acme")
    with pytest.raises(ValidationError) as caught:
        contacts.update_contact(cid, first_name="", last_name=" ", company="Other")
    assert caught.value.field == "name"
    contact = contacts.get_contact(cid)
    assert (contact.name, contact.company) == ("Giulia Rossi", "Acme")
    # Emptying one half is fine.
    contacts.update_contact(cid, first_name="")
    assert contacts.get_contact(cid).name == "Rossi"


def test_update_renames_and_resorts(database):
    """A renamed contact moves to its new place in the name-sorted list."""
    a = contacts.create_contact("Anna Rossi")
    contacts.create_contact("Bruno Neri")
    contacts.update_contact(a, first_name="Zoe")
    assert names(contacts.list_contacts()) == ["Bruno Neri", "Zoe Rossi"]


def test_update_validates(database):
    """Update applies the same checks as create, and refuses self-introduction."""
    cid = contacts.create_contact("Ada")
    with pytest.raises(ValidationError) as caught:
        contacts.update_contact(cid, cadence_days=0)
    assert caught.value.field == "cadence_days"
    with pytest.raises(ValidationError) as caught:
        contacts.update_contact(cid, age=40)
    assert caught.value.field == "age"
    with pytest.raises(ValidationError) as caught:
        contacts.update_contact(cid, introduced_by_id=cid)
    assert caught.value.field == "introduced_by"
    with pytest.raises(NotFoundError):
        contacts.update_contact(9999, company="Acme")


# --- read ----------------------------------------------------------------------------------


def test_get_contact_returns_all_details(database, frozen):
    """The detail view holds channels, tags, facts, dates and only the open follow-ups."""
    cid = contacts.create_contact("Giulia Rossi", emails=["g@example.com"], tags=["fintech"])
    contacts.add_channel(cid, "phone", "+39 02 1234567", "office")
    contacts.add_tags(cid, ["rowing"])
    contacts.add_fact(cid, "children", "Luca and Marta")
    contacts.add_important_date(cid, "birthday", month=4, day=15, year=1990)
    contacts.add_important_date(cid, "name day", month=1, day=3)
    open_id = followups.create_followup(cid, dt.date(2026, 12, 5), action="send the deck")
    done_id = followups.create_followup(cid, dt.date(2026, 12, 1), action="call")
    followups.complete_followup(done_id)

    contact = contacts.get_contact(cid)
    assert contact.emails == ["g@example.com"]
    assert [(c.kind, c.value, c.label) for c in contact.channels if c.kind == "phone"] == [
        ("phone", "+39 02 1234567", "office")
    ]
    assert contact.tags == ["fintech", "rowing"]
    assert [(f.label, f.value) for f in contact.facts] == [("children", "Luca and Marta")]
    assert [(d.label, d.text) for d in contact.important_dates] == [
        ("name day", "--01-03"), ("birthday", "1990-04-15"),
    ]
    assert [(f.id, f.action) for f in contact.open_followups] == [(open_id, "send the deck")]
    assert contact.last_contacted is None


def test_get_contact_missing(database):
    """Asking for a contact that does not exist says so."""
    with pytest.raises(NotFoundError):
        contacts.get_contact(42)


def test_get_contact_last_contacted_and_introducer(database):
    """Last contacted is the latest interaction; introducer and event names are shown."""
    bruno = contacts.create_contact("Bruno Neri")
    event_id = events.create_event("Fintech Summit")
    cid = contacts.create_contact("Giulia Rossi", introduced_by_id=bruno, met_at_id=event_id)
    timeline.log_interaction([cid], "call", occurred_at=pendulum.datetime(2026, 10, 1, 9, tz="UTC"))
    timeline.log_interaction([cid], "meeting", occurred_at=pendulum.datetime(2026, 11, 2, 9, tz="UTC"))
    contact = contacts.get_contact(cid)
    assert contact.last_contacted == pendulum.datetime(2026, 11, 2, 9, tz="UTC")
    assert contact.introduced_by_name == "Bruno Neri"
    assert contact.met_at_title == "Fintech Summit"


# --- list ----------------------------------------------------------------------------------


def test_list_sorts_by_name_ignoring_accents_and_case(database):
    """'Élodie' sorts between 'Edoardo' and 'Fabio', not after 'Z'."""
    for name in ("Fabio Verdi", "Élodie Martin", "edoardo Bianchi", "Zeno Neri", "Anna Rossi"):
        contacts.create_contact(name)
    assert names(contacts.list_contacts()) == [
        "Anna Rossi", "edoardo Bianchi", "Élodie Martin", "Fabio Verdi", "Zeno Neri",
    ]


def test_list_sorts_by_company_with_empty_last(database):
    """Sorting by company is case-insensitive, and people without a company come last."""
    contacts.create_contact("Anna Rossi")
    contacts.create_contact("Bruno Neri", company="Beta Srl")
    contacts.create_contact("Carla Verdi", company="alpha spa")
    contacts.create_contact("Dario Blu", company="Beta Srl")
    assert names(contacts.list_contacts("company")) == [
        "Carla Verdi", "Bruno Neri", "Dario Blu", "Anna Rossi",
    ]


def test_list_sorts_by_last_contacted_never_last(database, frozen):
    """Most recently contacted first; people never contacted come last."""
    never = contacts.create_contact("Anna Rossi")
    old = contacts.create_contact("Bruno Neri")
    recent = contacts.create_contact("Carla Verdi")
    timeline.log_interaction([old], "call", occurred_at=pendulum.datetime(2026, 1, 10, 12, tz="UTC"))
    timeline.log_interaction([recent], "call", occurred_at=pendulum.datetime(2026, 6, 1, 12, tz="UTC"))
    timeline.log_interaction([old], "email", occurred_at=pendulum.datetime(2026, 3, 1, 12, tz="UTC"))
    listed = contacts.list_contacts("last_contacted")
    assert [s.id for s in listed] == [recent, old, never]
    assert [s.last_contacted for s in listed] == [
        pendulum.datetime(2026, 6, 1, 12, tz="UTC"), pendulum.datetime(2026, 3, 1, 12, tz="UTC"), None,
    ]


def test_list_rejects_unknown_sort(database):
    """An unknown sort key is refused, naming the ones that exist."""
    with pytest.raises(ValidationError) as caught:
        contacts.list_contacts("age")
    assert caught.value.field == "sort"
    assert "last_contacted" in str(caught.value)


@pytest.fixture
def crowd(database):
    """Five contacts spread over circles, tags, cities and companies."""
    return {
        "anna": contacts.create_contact("Anna Rossi", circle="work", city="Milano", company="Acme", tags=["fintech"]),
        "bruno": contacts.create_contact("Bruno Neri", circle="work", city="Torino", company="ACME"),
        "carla": contacts.create_contact("Carla Verdi", circle="friends", city="milano", tags=["Fintech", "rowing"]),
        "dario": contacts.create_contact("Dario Blu", circle="family", city="Roma", company="Banca"),
        "elena": contacts.create_contact("Elena Gialli", circle="work", city="Milano", company="Acme"),
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"circle": "work"}, ["Anna Rossi", "Bruno Neri", "Elena Gialli"]),
        ({"circle": "WORK"}, ["Anna Rossi", "Bruno Neri", "Elena Gialli"]),
        ({"tag": "#FINTECH"}, ["Anna Rossi", "Carla Verdi"]),
        ({"tag": "rowing"}, ["Carla Verdi"]),
        ({"city": "MILANO "}, ["Anna Rossi", "Carla Verdi", "Elena Gialli"]),
        ({"company": "acme"}, ["Anna Rossi", "Bruno Neri", "Elena Gialli"]),
        ({"circle": "work", "city": "milano", "tag": "fintech"}, ["Anna Rossi"]),
        ({"circle": "school"}, []),
        ({"tag": "unknown"}, []),
    ],
)
def test_list_and_count_filters(crowd, filters, expected):
    """Every filter narrows the list; count_contacts agrees with the list."""
    assert names(contacts.list_contacts(**filters)) == expected
    assert contacts.count_contacts(**filters) == len(expected)


def test_filter_by_unknown_circle_is_refused(crowd):
    """Filtering by a circle that does not exist is an error, not an empty list."""
    with pytest.raises(ValidationError) as caught:
        contacts.list_contacts(circle="colleagues")
    assert caught.value.field == "circle"


# Regression: the filters used SQLite's lower(), which folds ASCII only, so "évora" did not
# find "Évora".
def test_city_and_company_filters_are_case_insensitive_beyond_ascii(database):
    """'évora' finds people in 'Évora'; 'ölkrug gmbh' finds company 'Ölkrug GmbH'."""
    cid = contacts.create_contact("Ana Sousa", city="Évora", company="Ölkrug GmbH")
    contacts.create_contact("Jan Kowalski", city="Łódź")
    assert [s.id for s in contacts.list_contacts(city="évora")] == [cid]
    assert [s.id for s in contacts.list_contacts(city="ÉVORA")] == [cid]
    assert [s.id for s in contacts.list_contacts(company="ölkrug gmbh")] == [cid]
    assert names(contacts.list_contacts(city="lodz")) == ["Jan Kowalski"]
    assert contacts.count_contacts(city="ŁÓDŹ") == 1


def test_list_paging(crowd):
    """limit/offset return consecutive slices of the sorted list."""
    everyone = names(contacts.list_contacts())
    assert len(everyone) == 5
    pages = [names(contacts.list_contacts(limit=2, offset=o)) for o in (0, 2, 4)]
    assert pages == [everyone[0:2], everyone[2:4], everyone[4:]]
    assert contacts.list_contacts(limit=2, offset=10) == []
    assert contacts.count_contacts() == 5


# --- keep-in-touch -------------------------------------------------------------------------


def _overdue(contact_id: int) -> bool:
    [summary] = [s for s in contacts.list_contacts() if s.id == contact_id]
    return summary.overdue


@pytest.mark.parametrize(("days_ago", "overdue"), [(31, True), (29, False)])
def test_overdue_after_cadence_since_last_interaction(database, days_ago, overdue):
    """With a 30-day cadence, 31 days of silence is overdue, 29 is not."""
    with travel(FROZEN_NOW.subtract(days=90)):
        cid = contacts.create_contact("Anna Rossi", cadence_days=30)
    with travel(FROZEN_NOW):
        timeline.log_interaction([cid], "call", occurred_at=FROZEN_NOW.subtract(days=days_ago))
        assert _overdue(cid) is overdue
        assert contacts.summaries_for([cid])[0].overdue is overdue


@pytest.mark.parametrize(("days_ago", "overdue"), [(31, True), (29, False)])
def test_overdue_without_interactions_counts_from_creation(database, days_ago, overdue):
    """Someone never contacted is due `cadence` days after they were added."""
    with travel(FROZEN_NOW.subtract(days=days_ago)):
        cid = contacts.create_contact("Anna Rossi", cadence_days=30)
    with travel(FROZEN_NOW):
        assert _overdue(cid) is overdue


def test_never_overdue_without_cadence(database):
    """A contact with no cadence is never flagged, however long the silence."""
    with travel(FROZEN_NOW.subtract(days=900)):
        cid = contacts.create_contact("Anna Rossi")
    with travel(FROZEN_NOW):
        assert _overdue(cid) is False


# --- trash, restore, purge -----------------------------------------------------------------


def test_trash_hides_everywhere_and_restore_brings_back(database):
    """A trashed contact is gone from list, search and resolve, but listed in the trash."""
    cid = contacts.create_contact("Giulia Rossi", company="Acme")
    keep = contacts.create_contact("Bruno Neri")
    lifecycle.trash_contact(cid)

    assert [s.id for s in contacts.list_contacts()] == [keep]
    assert contacts.count_contacts() == 1
    assert found("giulia") == []
    assert found("acme") == []
    with pytest.raises(NotFoundError):
        contacts.resolve_contact(f"#{cid}")
    with pytest.raises(NotFoundError):
        contacts.resolve_contact("Giulia Rossi")
    trash = contacts.list_contacts(trashed=True)
    assert [(s.id, s.trashed) for s in trash] == [(cid, True)]
    assert contacts.count_contacts(trashed=True) == 1
    assert contacts.get_contact(cid).trashed_at is not None

    lifecycle.restore_contact(cid)
    assert sorted(s.id for s in contacts.list_contacts()) == sorted([cid, keep])
    assert found("acme") == [cid]
    assert contacts.resolve_contact("giulia rossi") == cid
    assert contacts.list_contacts(trashed=True) == []
    assert contacts.get_contact(cid).trashed_at is None


def _rows_for(contact_id: int) -> dict[str, int]:
    """How many rows of each detail table still point at this contact."""
    return {
        "contact": Contact.select().where(Contact.id == contact_id).count(),
        "channel": Channel.select().where(Channel.contact == contact_id).count(),
        "tag": ContactTag.select().where(ContactTag.contact == contact_id).count(),
        "fact": Fact.select().where(Fact.contact == contact_id).count(),
        "date": ImportantDate.select().where(ImportantDate.contact == contact_id).count(),
        "followup": FollowUp.select().where(FollowUp.contact == contact_id).count(),
        "participant": InteractionParticipant.select().where(InteractionParticipant.contact == contact_id).count(),
        "attendee": EventAttendee.select().where(EventAttendee.contact == contact_id).count(),
        "search": ContactSearch.select().where(ContactSearch.rowid == contact_id).count(),
    }


def test_purge_erases_person_and_their_private_interactions(database, frozen):
    """Purge leaves no trace of the person; interactions shared with others survive."""
    anna = contacts.create_contact("Anna Rossi", emails=["anna@example.com"], tags=["fintech"])
    bruno = contacts.create_contact("Bruno Neri")
    contacts.add_fact(anna, "children", "Luca")
    contacts.add_important_date(anna, "birthday", month=4, day=15)
    followups.create_followup(anna, dt.date(2026, 12, 5), action="send deck")
    events.set_attendee(events.create_event("Summit"), anna, "met")
    solo = timeline.log_interaction([anna], "call", summary="private chat about kayaks")
    shared = timeline.log_interaction([anna, bruno], "meeting", summary="lunch together")
    assert _rows_for(anna)["search"] == 1

    lifecycle.purge_contact(anna)

    assert set(_rows_for(anna).values()) == {0}
    with pytest.raises(NotFoundError):
        contacts.get_contact(anna)
    with pytest.raises(NotFoundError):
        timeline.get_interaction(solo)
    survivor = timeline.get_interaction(shared)
    assert [p.id for p in survivor.participants] == [bruno]
    assert [i.id for i in timeline.contact_timeline(bruno)] == [shared]
    assert found("anna") == [] and found("kayaks") == []
    assert found("lunch") == [bruno]
    assert contacts.list_contacts(trashed=True) == []
    # The tag itself is no longer counted for anyone.
    assert contacts.all_tags() == []


def test_purge_missing_contact(database):
    """Purging an id that does not exist is reported."""
    with pytest.raises(NotFoundError):
        lifecycle.purge_contact(123)


def test_purge_trash_removes_only_trashed(database):
    """Emptying the trash purges every trashed contact and no living one."""
    with travel(FROZEN_NOW.subtract(days=10)):
        old = contacts.create_contact("Anna Rossi")
        lifecycle.trash_contact(old)
    with travel(FROZEN_NOW):
        new = contacts.create_contact("Bruno Neri")
        lifecycle.trash_contact(new)
        living = contacts.create_contact("Carla Verdi")

        assert lifecycle.purge_trash(older_than_days=7) == 1
        assert [s.id for s in contacts.list_contacts(trashed=True)] == [new]
        assert lifecycle.purge_trash() == 1
        assert contacts.list_contacts(trashed=True) == []
        assert [s.id for s in contacts.list_contacts()] == [living]
        assert lifecycle.purge_trash() == 0


# --- resolve -------------------------------------------------------------------------------


@pytest.fixture
def people(database):
    return {
        "nicolo": contacts.create_contact("Nicolò D'Amico"),
        "rossi": contacts.create_contact("Giulia Rossi"),
        "bianchi": contacts.create_contact("Giulia Bianchi"),
        "anna": contacts.create_contact("Anna Rossi"),
        "annar": contacts.create_contact("Anna Rossini"),
    }


def test_resolve_by_hash_id(people):
    """'#id' names that contact, and a missing id is NotFound."""
    assert contacts.resolve_contact(f" #{people['bianchi']} ") == people["bianchi"]
    with pytest.raises(NotFoundError):
        contacts.resolve_contact("#999")


def test_resolve_exact_name_ignores_accents_and_case(people):
    """'nicolo d'amico' is Nicolò D'Amico."""
    assert contacts.resolve_contact("nicolo d'amico") == people["nicolo"]
    assert contacts.resolve_contact("NICOLÒ  D'AMICO") == people["nicolo"]


def test_resolve_exact_name_beats_prefix_matches(people):
    """'Anna Rossi' is Anna Rossi, even though 'Anna Rossini' also starts that way."""
    assert contacts.resolve_contact("anna rossi") == people["anna"]


def test_resolve_unique_search_hit(people):
    """A partial name that matches one person resolves to them."""
    assert contacts.resolve_contact("giu ros") == people["rossi"]
    assert contacts.resolve_contact("bianchi") == people["bianchi"]


def test_resolve_not_found(people):
    """A name matching nobody, or an empty one, is NotFound."""
    with pytest.raises(NotFoundError):
        contacts.resolve_contact("Zebedeo")
    with pytest.raises(NotFoundError):
        contacts.resolve_contact("   ")


def test_resolve_ambiguous_lists_candidates(people):
    """'giulia' matches two people: the error lists both so the user can pick."""
    with pytest.raises(AmbiguousNameError) as caught:
        contacts.resolve_contact("giulia")
    assert sorted(c.id for c in caught.value.candidates) == sorted([people["rossi"], people["bianchi"]])
    assert "2 contacts" in str(caught.value)


def test_errors_in_italian_name_what_was_typed(database, italian):
    """The same refusals, read in Italian: the value typed is named, the plural agrees."""
    with pytest.raises(ValidationError) as caught:
        contacts.create_contact("Giulia Rossi", emails=["giulia.lumen.it"])
    assert caught.value.message == "'giulia.lumen.it' non è un indirizzo e-mail (come nome@esempio.it)."
    with pytest.raises(ValidationError, match="non è una cerchia"):
        contacts.create_contact("Giulia Rossi", circle="colleghi")
    with pytest.raises(NotFoundError, match="^Non esiste il contatto #999.$"):
        contacts.get_contact(999)


def test_resolve_ambiguous_in_italian(people, italian):
    with pytest.raises(AmbiguousNameError) as caught:
        contacts.resolve_contact("giulia")
    assert str(caught.value) == "2 contatti corrispondono a 'giulia'; usa un nome più preciso o '#id'."


def test_resolve_ambiguous_exact_duplicates(people):
    """Two people with the very same name cannot be resolved by name."""
    twin = contacts.create_contact("Giulia Rossi")
    with pytest.raises(AmbiguousNameError) as caught:
        contacts.resolve_contact("Giulia Rossi")
    assert sorted(c.id for c in caught.value.candidates) == sorted([people["rossi"], twin])


# --- merge ---------------------------------------------------------------------------------


@pytest.fixture
def merged(database, frozen):
    """Two records of the same person, each with details of its own, merged into `keep`."""
    keep = contacts.create_contact(
        "Giulia Rossi", company="Acme", emails=["giulia@acme.com"], tags=["fintech"],
        notes="prefers mornings",
    )
    other = contacts.create_contact(
        "Giuly Rossi", company="Banca Sella", role="CTO", city="Torino", circle="work",
        cadence_days=45, starred=True,
        emails=["GIULIA@Acme.com", "giuly@gmail.com"], phones=["+39 333 1234567"],
        tags=["Fintech", "rowing"], notes="likes jazz",
    )
    bruno = contacts.create_contact("Bruno Neri")
    carla = contacts.create_contact("Carla Verdi", introduced_by_id=other)
    contacts.add_fact(keep, "children", "Luca")
    contacts.add_fact(other, "children", "Luca")
    contacts.add_fact(other, "dog", "Rex")
    contacts.add_important_date(keep, "birthday", month=4, day=15)
    contacts.add_important_date(other, "Birthday", month=4, day=15)
    contacts.add_important_date(other, "anniversary", month=6, day=1)
    both = timeline.log_interaction([keep, other], "meeting", summary="lunch")
    alone = timeline.log_interaction([other], "call", notes="talked about kayaks")
    trio = timeline.log_interaction([other, bruno], "video", summary="demo")
    summit = events.create_event("Fintech Summit")
    events.set_attendee(summit, keep, "to meet")
    events.set_attendee(summit, other, "met")
    fair = events.create_event("Trade Fair")
    events.set_attendee(fair, other, "to meet", role="speaker")
    followup = followups.create_followup(other, dt.date(2026, 12, 5), action="send deck")

    lifecycle.merge_contacts(keep, other)
    return dict(
        keep=keep, other=other, bruno=bruno, carla=carla, both=both, alone=alone, trio=trio,
        summit=summit, fair=fair, followup=followup, detail=contacts.get_contact(keep),
    )


def test_merge_unions_channels_without_duplicates(merged):
    """Both records' channels end up on keep; the same e-mail in another case is kept once."""
    detail = merged["detail"]
    assert sorted(e.lower() for e in detail.emails) == ["giulia@acme.com", "giuly@gmail.com"]
    assert detail.phones == ["+39 333 1234567"]


def test_merge_unions_tags_facts_and_dates(merged):
    """Tags, facts and important dates of both are kept, each once."""
    detail = merged["detail"]
    assert detail.tags == ["fintech", "rowing"]
    assert sorted((f.label, f.value) for f in detail.facts) == [("children", "Luca"), ("dog", "Rex")]
    assert sorted((d.label.lower(), d.month, d.day) for d in detail.important_dates) == [
        ("anniversary", 6, 1), ("birthday", 4, 15),
    ]


def test_merge_moves_interactions(merged):
    """Other's interactions are now keep's; one they shared lists keep once."""
    keep, bruno = merged["keep"], merged["bruno"]
    assert sorted(i.id for i in timeline.contact_timeline(keep)) == sorted(
        [merged["both"], merged["alone"], merged["trio"]]
    )
    assert [p.id for p in timeline.get_interaction(merged["both"]).participants] == [keep]
    assert [p.id for p in timeline.get_interaction(merged["alone"]).participants] == [keep]
    assert sorted(p.id for p in timeline.get_interaction(merged["trio"]).participants) == sorted([keep, bruno])
    assert timeline.count_interactions(keep) == 3


def test_merge_event_attendance_met_wins(merged):
    """At an event where one record was 'met' and the other 'to meet', keep is 'met'."""
    statuses = {summary.id: status for summary, status in events.events_of_contact(merged["keep"])}
    assert statuses == {merged["summit"]: "met", merged["fair"]: "to meet"}
    fair = events.get_event(merged["fair"])
    assert [(a.contact_id, a.role) for a in fair.attendees] == [(merged["keep"], "speaker")]


def test_merge_moves_followups_and_introductions(merged):
    """Other's follow-ups are keep's, and people other introduced are now introduced by keep."""
    assert [f.id for f in merged["detail"].open_followups] == [merged["followup"]]
    assert contacts.get_contact(merged["carla"]).introduced_by_id == merged["keep"]
    assert contacts.get_contact(merged["carla"]).introduced_by_name == "Giulia Rossi"


def test_merge_fills_empty_fields_and_keeps_differences_in_notes(merged):
    """Empty fields take other's values; a different company and name survive in the notes."""
    detail = merged["detail"]
    assert detail.name == "Giulia Rossi"
    assert detail.company == "Acme"
    assert (detail.role, detail.city) == ("CTO", "Torino")
    assert detail.circle == "work"
    assert detail.cadence_days == 45
    assert detail.starred is True
    for kept in ("prefers mornings", "likes jazz", "Banca Sella", "Giuly Rossi"):
        assert kept in detail.notes


def test_merge_removes_other_and_updates_search(merged):
    """Other is gone for good, from the table and the index; keep is found by other's details."""
    other, keep = merged["other"], merged["keep"]
    with pytest.raises(NotFoundError):
        contacts.get_contact(other)
    assert _rows_for(other)["search"] == 0
    assert search.index_size() == contacts.count_contacts() == 3
    for text in ("sella", "giuly", "kayak", "rowing", "torino", "rex"):
        assert found(text) == [keep], text
    assert contacts.resolve_contact(f"#{keep}") == keep
    with pytest.raises(NotFoundError):
        contacts.resolve_contact(f"#{other}")


def test_merge_with_itself_refused(database):
    """A contact cannot be merged into itself; nothing is lost."""
    cid = contacts.create_contact("Giulia Rossi")
    with pytest.raises(ValidationError) as caught:
        lifecycle.merge_contacts(cid, cid)
    assert caught.value.field == "merge"
    assert contacts.get_contact(cid).name == "Giulia Rossi"


def test_merge_missing_contact(database):
    """Merging with an id that does not exist is NotFound and changes nothing."""
    cid = contacts.create_contact("Giulia Rossi")
    with pytest.raises(NotFoundError):
        lifecycle.merge_contacts(cid, 999)
    assert contacts.get_contact(cid).notes == ""


def test_merge_drops_self_introduction(database):
    """If other introduced keep, after the merge keep is not 'introduced by' themselves."""
    other = contacts.create_contact("Giuly Rossi")
    keep = contacts.create_contact("Giulia Rossi", introduced_by_id=other)
    lifecycle.merge_contacts(keep, other)
    assert contacts.get_contact(keep).introduced_by_id is None


def test_split_filters_takes_out_circle_tag_city_and_company():
    """What the search box understands as filters; the rest is searched as text."""
    assert contacts.split_filters('circle:work #fintech city:"New York" giulia') == (
        "giulia", {"circle": "work", "tag": "fintech", "city": "New York"})
    assert contacts.split_filters("tag:design company:Acme") == ("", {"tag": "design", "company": "Acme"})
    assert contacts.split_filters("giulia rossi") == ("giulia rossi", {})
    assert contacts.split_filters("a#b") == ("a#b", {})  # not a tag: no space before '#'


def test_find_contacts_combines_filters_and_words(database):
    """The contact list's search: filters narrow, words rank, both together intersect."""
    work = contacts.create_contact("Giulia Rossi", circle="work", city="Milano", tags=["fintech"])
    friend = contacts.create_contact("Giulia Bianchi", circle="friends", city="Milano")
    contacts.create_contact("Marco Verdi", circle="work", city="Roma")
    everyone = contacts.find_contacts("")
    assert (everyone.count, everyone.ids) == (3, None)
    assert [s.name for s in everyone.page(0, 10)] == ["Giulia Bianchi", "Giulia Rossi", "Marco Verdi"]
    in_milano = contacts.find_contacts("city:milano")
    assert {s.id for s in in_milano.page(0, 10)} == {work, friend}
    assert contacts.find_contacts("giulia circle:work").ids == (work,)
    assert contacts.find_contacts("#fintech giulia").ids == (work,)
    assert contacts.find_contacts("giulia").count == 2
    with pytest.raises(ValidationError):
        contacts.find_contacts("circle:colleagues")


def test_the_search_box_takes_a_sort(database):
    from netui import giving

    anna = contacts.create_contact("Anna Verdi", company="Zeta")
    bruno = contacts.create_contact("Bruno Neri", company="Alfa")
    carla = contacts.create_contact("Carla Blu")
    giving.record_favour(carla, "gave", "advice")
    giving.record_favour(carla, "gave", "job lead")
    giving.record_favour(anna, "received", "advice")
    pages = contacts.find_contacts("sort:balance")
    assert [s.id for s in pages.page(0, 10)] == [carla, bruno, anna] and pages.sort == "balance"
    assert [s.id for s in contacts.find_contacts("sort:company").page(0, 10)] == [bruno, anna, carla]
    # With words, the matches come in that order instead of best first.
    assert list(contacts.find_contacts("zeta OR alfa sort:balance").ids) == [bruno, anna]  # Alfa is Bruno's
    # One letter is the start of a name (Anna), not of any word: Alfa, Bruno's company, is not.
    assert list(contacts.find_contacts("a sort:balance").ids) == [anna]
    with pytest.raises(ValidationError) as error:
        contacts.find_contacts("sort:height")
    assert error.value.field == "sort"
