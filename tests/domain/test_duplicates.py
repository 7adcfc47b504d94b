"""netui.duplicates: likely pairs with their reason, "not the same person", looks_like."""

from __future__ import annotations

import pytest

from netui import contacts, demo, duplicates, lifecycle
from netui.errors import ValidationError


def pairs_by_name():
    return {(p.first.name, p.second.name): p.reason for p in duplicates.find_duplicates()}


def test_same_email_phone_and_linkedin_each_make_a_pair(database):
    contacts.create_contact("Anna Bell", emails=["anna@bell.it"])
    contacts.create_contact("A. Bell", emails=["ANNA@Bell.it "])
    contacts.create_contact("Carlo Dini", phones=["+39 333 123 4567"])
    contacts.create_contact("Carlo D.", phones=["0039 3331234567"])
    contacts.create_contact("Elena Fo", channels=[("linkedin", "https://linkedin.com/in/ElenaFo/", "")])
    contacts.create_contact("E. Fo", channels=[("linkedin", "www.linkedin.com/in/elenafo?trk=x", "")])
    assert pairs_by_name() == {
        ("Anna Bell", "A. Bell"): duplicates.SAME_EMAIL,
        ("Carlo Dini", "Carlo D."): duplicates.SAME_PHONE,
        ("Elena Fo", "E. Fo"): duplicates.SAME_LINKEDIN,
    }


def test_same_name_once_accents_case_and_special_letters_are_folded(database):
    first = contacts.create_contact("Nicolò Ødegaard", company="Acme")
    second = contacts.create_contact("nicolo odegaard")
    [pair] = duplicates.find_duplicates()
    assert (pair.first.id, pair.second.id, pair.reason) == (first, second, duplicates.SAME_NAME)
    assert pair.first.company == "Acme" and pair.strong


def test_credentials_after_a_comma_in_the_last_name_are_the_same_name(database):
    """LinkedIn's export puts credentials in the last name: "Bo Chen, PhD" is Bo Chen."""
    first = contacts.create_contact("Bo Chen")
    second = contacts.create_contact("Bo Chen, PhD", company="Globex")
    [pair] = duplicates.find_duplicates()
    assert (pair.first.id, pair.second.id, pair.reason) == (first, second, duplicates.SAME_NAME)
    assert [(found.person.id, found.reason) for found in duplicates.looks_like("Bo Chen, MBA")] == [
        (first, duplicates.SAME_NAME), (second, duplicates.SAME_NAME)]


def test_close_spelling_one_letter_missing_or_two_swapped(database):
    contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Giulia Rosi")
    contacts.create_contact("Guilia Bianchi")
    contacts.create_contact("Giulia Bianchi")
    assert pairs_by_name() == {
        ("Guilia Bianchi", "Giulia Bianchi"): duplicates.CLOSE_SPELLING,  # lower id first
        ("Giulia Rossi", "Giulia Rosi"): duplicates.CLOSE_SPELLING,
    }
    assert not duplicates.find_duplicates()[0].strong


def test_one_letter_changed_is_another_person(database):
    """The judgment call: Marco/Mario, Paolo/Paola, Rossi/Russo are usually different people."""
    for name in ("Marco Rossi", "Mario Rossi", "Paolo Neri", "Paola Neri", "Luigi Russo", "Luigi Rosso"):
        contacts.create_contact(name)
    assert duplicates.find_duplicates() == []


def test_different_emails_or_companies_tell_people_apart(database):
    contacts.create_contact("Marco Rossi", emails=["marco@acme.it"])
    contacts.create_contact("Marco Rossi", emails=["mrossi@banca.it"])
    contacts.create_contact("Luca Gallo", company="Pixel")
    contacts.create_contact("Lucia Gallo", company="Borsa Verde")
    assert duplicates.find_duplicates() == []


def test_trashed_contacts_are_left_out(database):
    contacts.create_contact("Anna Bell", emails=["anna@bell.it"])
    twin = contacts.create_contact("Anna Bell", emails=["anna@bell.it"])
    lifecycle.trash_contact(twin)
    assert duplicates.find_duplicates() == []


def test_a_key_many_people_share_is_a_switchboard_not_a_person(database):
    for name in ("Anna Bell", "Bruno Neri", "Carla Verdi", "Dario Fo"):
        contacts.create_contact(name, phones=["+39 02 1234 5678"])
    assert duplicates.find_duplicates() == []


def test_strongest_reason_first_and_limit(database):
    contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Giulia Rosi")
    contacts.create_contact("Anna Bell", emails=["a@b.it"])
    contacts.create_contact("Anna Bell", emails=["a@b.it"])
    found = duplicates.find_duplicates()
    assert [p.reason for p in found] == [duplicates.SAME_EMAIL, duplicates.CLOSE_SPELLING]
    assert len(duplicates.find_duplicates(limit=1)) == 1


def test_not_the_same_person_is_not_offered_again(database):
    first = contacts.create_contact("Giulia Rossi")
    second = contacts.create_contact("Giulia Rosi")
    duplicates.mark_not_same(second, first)
    duplicates.mark_not_same(first, second)  # twice is once
    assert duplicates.find_duplicates() == []


def test_not_the_same_as_themselves_is_refused(database):
    first = contacts.create_contact("Giulia Rossi")
    with pytest.raises(ValidationError):
        duplicates.mark_not_same(first, first)


def test_not_the_same_survives_a_merge(database):
    giulia = contacts.create_contact("Giulia Rossi", emails=["g@x.it"])
    twin = contacts.create_contact("G. Rossi", emails=["g@x.it"])
    other = contacts.create_contact("Giulia Rosi")
    duplicates.mark_not_same(twin, other)
    lifecycle.merge_contacts(giulia, twin)
    assert duplicates.find_duplicates() == []


def test_the_demo_network_gives_no_close_spelling_pairs_between_different_people(database, frozen):
    demo.generate_network(people=400, now=frozen)
    close = [p for p in duplicates.find_duplicates() if p.reason == duplicates.CLOSE_SPELLING]
    assert len(close) <= 2


def test_looks_like_says_who_and_why(database):
    giulia = contacts.create_contact("Giulia Rossi", emails=["giulia@lumen.it"])
    nicolo = contacts.create_contact("Nicolò Ødegaard")
    found = duplicates.looks_like("G. R.", channels=[("email", "Giulia@Lumen.it")])
    assert [(f.person.id, f.reason, f.strong) for f in found] == [(giulia, duplicates.SAME_EMAIL, True)]
    assert found[0].text() == f"#{giulia} Giulia Rossi (same e-mail)"
    assert [f.person.id for f in duplicates.looks_like("Nicolo Odegaard")] == [nicolo]
    [close] = duplicates.looks_like("Giulia Rosi")
    assert (close.person.id, close.reason, close.strong) == (giulia, duplicates.CLOSE_SPELLING, False)
    assert duplicates.looks_like("Giulia Rossi", channels=[("email", "other@x.it")]) == []
    assert duplicates.looks_like("Giulia Rossi", exclude_id=giulia) == []
    assert duplicates.looks_like("Marco Bianchi") == []


def test_the_capture_preview_of_a_new_person_names_a_look_alike(database):
    from netui import capture

    giulia = contacts.create_contact("Giulia Rossi", phones=["+39 333 123 4567"])
    found = capture.preview("Giulia Verdi 3331234567")
    assert found.match is None  # capture does not match by phone: a new contact, but said
    assert [(f.person.id, f.reason) for f in found.looks_like] == [(giulia, duplicates.SAME_PHONE)]
    assert capture.preview("Giulia Rossi").looks_like == ()  # matched: it updates her, no warning
