"""What the search box lists for short, long and broad text (netui.contacts.find_contacts):
the order a person sees, the count, the filters, and the same people for an export."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from netui import contacts
from netui.errors import ValidationError
from netui.store import search


@pytest.fixture
def people(database):
    made = {}
    for name, extra in [
        ("Giulia Rossi", {"circle": "work"}),
        ("Gianni Bianchi", {"circle": "friends"}),
        ("Anna Gialli", {"circle": "work"}),
        ("Bruno Neri", {"company": "Gialla Srl"}),
        ("Carla Verdi", {"notes": "met Gianna at the fair"}),
        ("Élodie Martin", {}),
        ("Giorgio Gatti", {"circle": "work", "tags": ["fintech"]}),
    ]:
        made[name] = contacts.create_contact(name, **extra)
    return made


def names(pages) -> list[str]:
    return [s.name for s in pages.page(0, 50)]


def test_one_letter_lists_names_beginning_so_whole_names_first(people):
    pages = contacts.find_contacts("g")
    # Whole name begins with g (by name), then another word of the name (Anna Gialli);
    # Gialla (a company) and Gianna (in notes) are not names: a longer word finds them.
    assert names(pages) == ["Gianni Bianchi", "Giorgio Gatti", "Giulia Rossi", "Anna Gialli"]
    assert (pages.count, pages.capped) == (4, False)
    assert "Bruno Neri" in names(contacts.find_contacts("gialla"))
    assert "Carla Verdi" in names(contacts.find_contacts("gianna"))


def test_one_letter_folds_accents_and_case(people):
    assert names(contacts.find_contacts("E")) == ["Élodie Martin"]
    assert names(contacts.find_contacts("é")) == ["Élodie Martin"]


def test_short_text_with_filters_counts_every_match(people):
    pages = contacts.find_contacts("circle:work g")
    assert names(pages) == ["Giorgio Gatti", "Giulia Rossi", "Anna Gialli"] and pages.count == 3
    assert names(contacts.find_contacts("#fintech g")) == ["Giorgio Gatti"]
    assert names(contacts.find_contacts("g sort:name")) == ["Anna Gialli", "Gianni Bianchi", "Giorgio Gatti",
                                                           "Giulia Rossi"]


def test_more_whole_names_than_the_list_counts_are_the_list(people):
    pages = contacts.find_contacts("gi", max_matches=2)
    assert (pages.count, pages.capped) == (2, True)
    assert names(pages) == ["Gianni Bianchi", "Giorgio Gatti"]


def test_an_export_gets_every_match_of_what_the_list_shows(people):
    everyone = contacts.find_contacts("g", max_matches=10**9)
    assert set(everyone.ids) == set(search.match_ids("g", ("name",)))
    assert len(list(everyone.ids)) == len(everyone.ids) == 4


def test_a_broad_word_comes_by_name_in_tiers(people, monkeypatch):
    """More matches than RANK_LIMIT: whole names beginning so, other names, who they are
    (company), what was written about them (notes); each by name."""
    monkeypatch.setattr(contacts, "RANK_LIMIT", 2)
    pages = contacts.find_contacts("gi")  # short: names only
    assert "Bruno Neri" not in names(pages)
    broad = contacts.find_contacts("gia")
    assert names(broad) == ["Gianni Bianchi", "Anna Gialli", "Bruno Neri", "Carla Verdi"]
    assert set(broad.ids) == set(search.search_ids("gia", limit=100))
    # Words the name range cannot start (an OR): the names by name, then the rest.
    either = contacts.find_contacts("gia OR giorgio")
    assert names(either) == ["Anna Gialli", "Gianni Bianchi", "Giorgio Gatti", "Bruno Neri", "Carla Verdi"]


def test_few_matches_keep_their_ranking(people):
    assert list(contacts.find_contacts("gialli").ids) == search.search_ids("gialli")
    assert contacts.find_contacts("giulia rossi").ids == (people["Giulia Rossi"],)


def test_ordered_ids_read_only_as_far_as_asked(people):
    ordered = contacts._ordered(contacts.Contact.select(contacts.Contact.id), "name")
    ids = search.OrderedIds([search.Tier({people["Giulia Rossi"]}), search.Tier({people["Anna Gialli"],
                                                                               people["Bruno Neri"]})], ordered)
    assert len(ids) == 3
    assert ids[0] == people["Giulia Rossi"]
    assert ids[1:] == (people["Anna Gialli"], people["Bruno Neri"])
    assert list(ids) == [people["Giulia Rossi"], people["Anna Gialli"], people["Bruno Neri"]]
    assert ids[-1] == people["Bruno Neri"]


_PIECES = st.sampled_from(['"', "*", "-", "(", ")", ":", "OR", "NOT", "city:", "name:", "#", "circle:work",
                           "sort:last", "\x00", "\u0301", "\U0010ffff", "🙂", "g", "gi", "giu", "é", "王", "'"])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=6), st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=6).map(" ".join),
                      st.lists(_PIECES, max_size=6).map("".join)))
@example(text="\u0301")  # nothing left once folded
@example(text="g\U0010ffff")
def test_whatever_is_typed_lists_without_raising(people, text):
    try:
        pages = contacts.find_contacts(text, max_matches=3)
    except ValidationError:  # a filter with a wrong value: one sentence under the box
        return
    shown = pages.page(0, 50)
    assert len(shown) == min(pages.count, 50) and (pages.ids is None or pages.count <= 3)
    assert {s.id for s in shown} <= set(people.values())
