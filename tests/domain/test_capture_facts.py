"""A fact in the quick-capture line: `+label: value`. What the parser reads, that no line
without such a word changes meaning, and that capture saves it on the person and undo takes it
back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netui import capture, contacts
from netui.capture_line import parse_capture_line

TODAY = dt.date(2026, 12, 3)


def parse(line: str):
    return parse_capture_line(line, TODAY)


def test_facts_run_to_the_next_token_commas_included():
    line = parse('Giulia Rossi @Lumen "CMO" +kids: Leo (7), Mia (4) +hobby: sailing #fintech !2d met at PyCon')
    assert line.facts == (("kids", "Leo (7), Mia (4)"), ("hobby", "sailing"))
    assert (line.name, line.company, line.role, line.tags) == ("Giulia Rossi", "Lumen", "CMO", ("fintech",))
    assert line.due == TODAY + dt.timedelta(days=2)
    assert line.note == "met at PyCon"


@pytest.mark.parametrize("line, facts, note", [
    ("Giulia +pet:cat; likes jazz", (("pet", "cat"),), "likes jazz"),   # glued value, ; ends it
    ("Giulia +allergy: nuts giulia@lumen.it then", (("allergy", "nuts"),), "then"),  # an e-mail ends it
    ('Giulia +school: Liceo Volta "CTO"', (("school", "Liceo Volta"),), ""),  # a quote ends it
    ("Giulia met +kids: #x at the stand", (), "+kids: at the stand"),   # no value: note text as typed
    ("Giulia +kids:", (), "+kids:"),
    ("Giulia +best-friend: Marco", (("best-friend", "Marco"),), ""),
    ("Giulia +figli: Leo e Mia", (("figli", "Leo e Mia"),), ""),
])
def test_fact_forms(line, facts, note):
    parsed = parse(line)
    assert (parsed.facts, parsed.note) == (facts, note)


@pytest.mark.parametrize("line", ["Giulia +39 333 1234567 +1: ok", "Giulia + kids: Leo", "Giulia kids: Leo",
                                  "Giulia re: the deck", "Giulia a+b: c", "Giulia +:x"])
def test_words_that_are_not_facts(line):
    assert parse(line).facts == ()


WORDS = st.sampled_from(["Giulia", "Rossi", "kids", "kids:", "re:", "Leo,", "and", "Mia", "@Lumen", "#ai", "!2d",
                         '"CMO"', "+39", "333", "1234567", "a@b.co", "+", "+1:", ":", ";", "(7)", "note:"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12))
def test_a_line_without_a_plus_label_word_reads_as_before(words):
    """Only a word `+label:` is new syntax: adding a fact to any line leaves the rest as it was."""
    line = " ".join(["Giulia", *words])
    before = parse(line)
    assert before.facts == ()
    after = parse(line + " +hobby: chess")
    assert after.facts == (("hobby", "chess"),)
    assert after.name == before.name and after.tags == before.tags and after.emails == before.emails


def test_capture_saves_the_facts_and_undo_removes_them(frozen, database):
    known = contacts.create_contact("Giulia Rossi", company="Lumen")
    contacts.add_fact(known, "hobby", "sailing")
    result = capture.capture_line("Giulia Rossi @Lumen +kids: Leo and Mia +hobby: Sailing")
    assert result.contact_id == known and not result.created
    facts = [(f.label, f.value) for f in contacts.get_contact(known).facts]
    assert facts == [("hobby", "sailing"), ("kids", "Leo and Mia")]  # the same fact is not repeated
    assert [s.id for s in contacts.find_contacts("Mia").page(0, 10)] == [known]
    capture.undo_capture(result.undo)
    assert [(f.label, f.value) for f in contacts.get_contact(known).facts] == [("hobby", "sailing")]
    assert contacts.find_contacts("Mia").page(0, 10) == []


def test_a_new_person_gets_the_facts_and_undo_removes_them_all(frozen, database):
    result = capture.capture_line("Marco Bianchi +pet: a dog, Birba")
    assert result.created
    assert [(f.label, f.value) for f in contacts.get_contact(result.contact_id).facts] == [("pet", "a dog, Birba")]
    capture.undo_capture(result.undo)
    assert contacts.find_contacts("Birba").page(0, 10) == []
