"""`via NAME` (or `tramite NAME`) on a capture line: the parser keeps the words, capture finds
whom they name and sets them as the introducer; unknown or several people: said in the
preview, and every word stays in the note. `via` elsewhere (a street, a note, a fact, a
capitalised Via) does not break a line."""

from __future__ import annotations

import datetime as dt

import pytest

from netui import capture, chains, contacts
from netui.capture_line import parse_capture_line
from netui.errors import ValidationError

TODAY = dt.date(2026, 12, 3)


def parse(line: str):
    return parse_capture_line(line, TODAY)


@pytest.mark.parametrize("line, name, company, via, note", [
    ("Giulia Rossi @Lumen via Marco Bianchi #fintech met at the stand",
     "Giulia Rossi", "Lumen", ("Marco", "Bianchi"), "met at the stand"),
    ("Giulia Rossi via Marco Bianchi, kids Leo", "Giulia Rossi", "", ("Marco", "Bianchi"), "kids Leo"),
    ("Giulia Rossi tramite Marco Bianchi !2d", "Giulia Rossi", "", ("Marco", "Bianchi"), ""),
    ("Giulia Rossi @Lumen \"CEO\" nice chat via Marco", "Giulia Rossi", "Lumen", ("Marco",), "nice chat"),
])
def test_the_parser_keeps_the_words_after_via(line, name, company, via, note):
    parsed = parse(line)
    assert (parsed.name, parsed.company, parsed.via, parsed.note) == (name, company, via, note)
    assert parsed.via_word in ("via", "tramite")


@pytest.mark.parametrize("line, name, company, note", [
    ("Giulia Rossi @Banca Via Roma", "Giulia Rossi", "Banca Via Roma", ""),  # a capital: a street
    ("via Roma", "via Roma", "", ""),  # the first word: a name
    ("Giulia Rossi, lives in Via Verdi 3", "Giulia Rossi", "", "lives in Via Verdi 3"),
    ("Giulia Rossi, met via", "Giulia Rossi", "", "met via"),  # nothing after it: text
])
def test_via_where_it_is_not_an_introducer(line, name, company, note):
    parsed = parse(line)
    assert (parsed.name, parsed.company, parsed.note, parsed.via) == (name, company, note, ())


def test_unused_words_go_back_between_the_note_words_around_them():
    parsed = parse("Giulia Rossi, great talk via Marco Bianchi, see you soon")
    assert (parsed.note, parsed.via) == ("great talk see you soon", ("Marco", "Bianchi"))
    assert parsed.note_keeping(0) == "great talk via Marco Bianchi see you soon"
    assert parsed.note_keeping(1) == "great talk Bianchi see you soon"


def test_a_fact_keeps_via_in_its_value():
    parsed = parse("Giulia Rossi +hobby: walking the via Francigena; via Marco")
    assert parsed.facts == (("hobby", "walking the via Francigena"),)
    assert parsed.via == ("Marco",)


def test_note_keeping_puts_the_unused_words_back_where_they_were():
    parsed = parse("Giulia Rossi, great talk via Marco Bianchi yesterday #ai")
    assert (parsed.note, parsed.via) == ("great talk", ("Marco", "Bianchi", "yesterday"))
    assert parsed.note_keeping(2) == "great talk yesterday"  # "Marco Bianchi" named someone
    assert parsed.note_keeping(1) == "great talk Bianchi yesterday"
    assert parsed.note_keeping(0) == "great talk via Marco Bianchi yesterday"  # nobody: all of it


@pytest.fixture
def marco(database) -> int:
    return contacts.create_contact("Marco Bianchi", company="Acme")


def test_capture_sets_the_introducer_of_someone_new(marco):
    found = capture.preview("Giulia Rossi @Lumen via Marco Bianchi met at the stand", today=TODAY)
    assert found.introducer.contact_id == marco and found.introducer.name == "Marco Bianchi"
    assert found.line.note == "met at the stand"
    result = capture.capture_line("Giulia Rossi @Lumen via Marco Bianchi met at the stand")
    assert result.introducer.contact_id == marco
    assert contacts.get_contact(result.contact_id).introduced_by_id == marco


def test_the_longest_words_that_name_someone_win_and_the_rest_is_note(marco):
    found = capture.preview("Giulia Rossi via Marco great chat", today=TODAY)
    assert found.introducer.contact_id == marco and found.introducer.typed == "Marco"
    assert found.line.note == "great chat"


def test_a_word_inside_a_name_does_not_name_them(database):
    contacts.create_contact("Theo Ricci")
    found = capture.preview("Giulia Rossi, met via the conference", today=TODAY)
    assert found.introducer.contact_id is None
    assert found.line.note == "met via the conference"


def test_an_unknown_name_is_said_and_stays_in_the_note(marco):
    found = capture.preview("Giulia Rossi, met via LinkedIn", today=TODAY)
    assert found.introducer.contact_id is None
    assert capture.introducer_text(found.introducer) == (
        "No contact is called 'LinkedIn': nobody was set as the introducer; the words stay in the note.")
    result = capture.capture_line("Giulia Rossi, met via LinkedIn")
    assert contacts.get_contact(result.contact_id).introduced_by_id is None


def test_several_people_of_that_name_are_listed_and_nobody_is_set(marco):
    contacts.create_contact("Marco Bianchi", company="Beta")
    found = capture.preview("Giulia Rossi via Marco Bianchi", today=TODAY)
    assert found.introducer.contact_id is None and len(found.introducer.candidates) == 2
    assert "Several people are called 'Marco Bianchi'" in capture.introducer_text(found.introducer)
    assert found.line.note == "via Marco Bianchi"


def test_updating_someone_known_sets_it_and_undo_takes_it_back(marco):
    giulia = contacts.create_contact("Giulia Rossi", emails=["giulia@lumen.it"])
    result = capture.capture_line("Giulia Rossi giulia@lumen.it via Marco Bianchi")
    assert not result.created and contacts.get_contact(giulia).introduced_by_id == marco
    capture.undo_capture(result.undo)
    assert contacts.get_contact(giulia).introduced_by_id is None


def test_a_circle_or_themselves_is_refused_and_nothing_is_saved(marco):
    giulia = contacts.create_contact("Giulia Rossi", introduced_by_id=marco)
    with pytest.raises(ValidationError) as caught:
        capture.capture_line("Marco Bianchi @Acme via Giulia Rossi")
    assert caught.value.field == "introduced_by" and "circle" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        capture.capture_line("Marco Bianchi @Acme via Marco Bianchi")
    assert "themselves" in str(caught.value)
    assert contacts.get_contact(marco).introduced_by_id is None
    assert [c.id for c in chains.chain_up(giulia)] == [giulia, marco]
