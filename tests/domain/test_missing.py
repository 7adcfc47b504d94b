"""Missing details (netui.missing): who lacks what, the trash left out, paging in name order
from a person, the details as typed, and filling one in with the contact form's rules."""

from __future__ import annotations

import pytest

from netui import contacts, events, lifecycle, missing
from netui.errors import ValidationError


@pytest.fixture
def people(database):
    return {
        "anna": contacts.create_contact("Anna Verdi", company="Acme", city="Roma", phones=["+39 06 1234567"]),
        "bruno": contacts.create_contact("Bruno Neri", city="Milano", how_met="a fair", emails=["b@neri.it"]),
        "carla": contacts.create_contact("Carla Blu", company="Acme", city="Roma", how_met="work",
                                         emails=["carla@acme.it"], phones=["+39 06 7654321"]),
    }


def test_counts_and_who_lacks_what(people):
    counts = missing.count_missing(missing.DETAILS)
    assert counts.per_detail == {"email": 1, "phone": 1, "company": 1, "how-met": 1, "city": 0}
    assert counts.people == 2
    assert [(p.name, p.missing) for p in missing.missing_people(missing.DETAILS)] == [
        ("Anna Verdi", ("email", "how-met")), ("Bruno Neri", ("phone", "company"))]


def test_the_trash_is_left_out(people):
    lifecycle.trash_contact(people["anna"])
    assert missing.count_missing(("email",)).people == 0
    assert missing.missing_people(missing.DETAILS)[0].name == "Bruno Neri"


def test_how_we_met_is_known_from_an_event_or_an_introducer(people, frozen):
    event_id = events.create_event("Web Marketing Festival", starts_at=frozen.subtract(days=30))
    contacts.update_contact(people["anna"], met_at_id=event_id)
    assert missing.count_missing(("how-met",)).people == 0
    contacts.update_contact(people["anna"], met_at_id=None, introduced_by_id=people["carla"])
    assert missing.count_missing(("how-met",)).people == 0
    contacts.update_contact(people["anna"], introduced_by_id=None, how_met="   ")
    assert missing.count_missing(("how-met",)).people == 1


def test_pages_in_name_order_from_a_person(database):
    ids = [contacts.create_contact(f"Person {n:02d}") for n in range(7)]
    first = missing.missing_people(("email",), limit=3)
    assert [p.contact_id for p in first] == ids[:3]
    after = missing.missing_people(("email",), after=first[-1].key, limit=3)
    assert [p.contact_id for p in after] == ids[3:6]
    assert [p.contact_id for p in missing.missing_people(("email",), after=after[0].key, inclusive=True,
                                                         limit=1)] == [ids[3]]
    assert missing.people_left(("email",), after[0].key) == 4


@pytest.mark.parametrize("typed, details", [
    (None, missing.DETAILS), ("", missing.DETAILS),
    ("city,email", ("email", "city")), ("E-mail, how we met", ("email", "how-met")), ("how_met", ("how-met",)),
])
def test_details_as_typed(typed, details):
    assert missing.parse_details(typed) == details


def test_details_in_italian(italian):
    assert missing.parse_details("telefono,città") == ("phone", "city")


def test_an_unknown_detail_lists_the_choices():
    with pytest.raises(ValidationError) as refused:
        missing.parse_details("email,fax")
    assert refused.value.message == ("'fax' is not a detail netui looks for; "
                                     "choose among: email, phone, company, how-met, city.")


def test_fill_in_a_detail(people):
    assert missing.fill_detail(people["anna"], "email", " anna@acme.it ") == "anna@acme.it"
    assert missing.fill_detail(people["bruno"], "phone", "+39  02 555 1234") == "+39 02 555 1234"
    assert missing.fill_detail(people["bruno"], "company", "  Neri   Srl ") == "Neri Srl"
    assert missing.fill_detail(people["anna"], "how-met", "at school") == "at school"
    assert contacts.get_contact(people["anna"]).emails == ["anna@acme.it"]
    assert missing.count_missing(missing.DETAILS).people == 0


@pytest.mark.parametrize("detail, typed, sentence", [
    ("email", "anna at acme", "'anna at acme' is not an e-mail address (like name@example.com)."),
    ("phone", "call me", "'call me' is not a phone number (digits, spaces, + ( ) - . / only)."),
    ("company", "   ", "Type their company, or skip them."),
])
def test_bad_values_are_refused_and_nothing_changes(people, detail, typed, sentence):
    before = missing.count_missing(missing.DETAILS)
    with pytest.raises(ValidationError) as refused:
        missing.fill_detail(people["anna"] if detail != "company" else people["bruno"], detail, typed)
    assert refused.value.message == sentence
    assert missing.count_missing(missing.DETAILS) == before
