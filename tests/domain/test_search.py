"""Full-text search: folding of accents and special letters, prefix matching, what is indexed,
keeping the index in step with every write, query syntax, and robustness to any input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from netui import contacts, events, lifecycle, timeline
from netui.store import search
from netui.store.models import database


def found(text: str, **kwargs) -> list[int]:
    return [s.id for s in contacts.search_contacts(text, **kwargs)]


def found_set(text: str) -> set[int]:
    return set(found(text))


# --- folding -------------------------------------------------------------------------------


_FOLDING = [
    ({"name": "Anna Rossi", "company": "Caffè Nero"}, "caffe"),
    ({"name": "Anna Rossi", "company": "Caffe Roma"}, "caffè"),
    ({"name": "Nicolò D'Amico"}, "nicolo"),
    ({"name": "Nicolò D'Amico"}, "NICOLÒ"),
    ({"name": "Nicolò D'Amico"}, "Nicolo"),
    ({"name": "Martin Ødegaard"}, "odegaard"),
    ({"name": "Jan Kowalski", "city": "Łódź"}, "lodz"),
    ({"name": "Jan Kowalski", "city": "Łódź"}, "ŁÓDŹ"),
    ({"name": "Hans Müller", "company": "Straße Bau"}, "strasse"),
    ({"name": "Hans Müller"}, "muller"),
    ({"name": "Zoë Æsir"}, "aesir"),
    ({"name": "Zoë Æsir"}, "zoe"),
    ({"name": "王伟"}, "王伟"),
    ({"name": "王伟"}, "王"),
]


@pytest.mark.parametrize(("fields", "query"), _FOLDING, ids=[query for _, query in _FOLDING])
def test_diacritics_and_special_letters_fold(database, fields, query):
    """People are found whether or not the query carries the accents of the stored text."""
    cid = contacts.create_contact(**fields)
    contacts.create_contact("Bruno Neri", company="Acme", city="Roma")
    assert found(query) == [cid]


# --- as you type ---------------------------------------------------------------------------


@pytest.fixture
def giulias(database):
    return {
        "rossi": contacts.create_contact("Giulia Rossi", company="Acme", city="Milano"),
        "bianchi": contacts.create_contact("Giulia Bianchi", company="Banca Sella", city="Torino"),
        "marco": contacts.create_contact("Marco Rossini", notes="cousin of giulia, lives in milano"),
    }


def test_prefix_matches_as_you_type(giulias):
    """Each word typed so far matches the start of a word: 'giu' finds both Giulias."""
    assert found_set("g") >= {giulias["rossi"], giulias["bianchi"]}
    assert found_set("giu") == {giulias["rossi"], giulias["bianchi"], giulias["marco"]}
    assert found("giu ros") != [] and giulias["bianchi"] not in found("giu ros")
    assert found_set("giu ros") == {giulias["rossi"], giulias["marco"]}
    assert found("giu bia") == [giulias["bianchi"]]
    assert found("giulia bianchix") == []


def test_words_must_all_match(giulias):
    """Several words narrow the result: every word must be found somewhere."""
    assert found("giulia torino") == [giulias["bianchi"]]
    assert found("acme sella") == []


def test_limit_and_offset(giulias):
    """Search results come one page at a time without repeats."""
    everyone = found("giu")
    assert len(everyone) == 3
    assert found("giu", limit=2) + found("giu", limit=2, offset=2) == everyone


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "-", "*", "()", '""', "AND", "OR NOT"])
def test_blank_query_returns_nothing(giulias, text):
    """A query with nothing to look for returns no one (not everyone, not an error)."""
    assert search.fts_query(text) is None
    assert search.search_ids(text) == []
    assert contacts.search_contacts(text) == []


def test_fts_query_folds_and_prefixes(database):
    """The FTS query carries folded text; each bare word is a prefix search."""
    query = search.fts_query("Caffè nic")
    assert "Caffe" in query and "è" not in query
    assert query.count("*") == 2


# --- what is searchable --------------------------------------------------------------------


def test_finds_by_every_indexed_field(database):
    """Company, role, city, country, tags, notes, how-met, facts and interactions are all searchable."""
    cid = contacts.create_contact(
        "Giulia Rossi", company="Acme Robotics", role="Head of Procurement", city="Bergamo",
        country="Italia", tags=["fintech"], notes="plays the cello", how_met="sailing course",
    )
    contacts.add_fact(cid, "children", "Luca and Marta")
    timeline.log_interaction([cid], "call", summary="quarterly check", notes="talked about kayaks")
    contacts.create_contact("Bruno Neri", company="Other", notes="nothing in common")
    for text in ("robotics", "procurement", "bergamo", "italia", "fintech", "cello", "sailing",
                 "marta", "children", "kayak", "quarterly"):
        assert found(text) == [cid], text


# --- the index follows every write ---------------------------------------------------------


def test_index_follows_update(database):
    """After a change of company, the old company no longer finds them; the new one does."""
    cid = contacts.create_contact("Giulia Rossi", company="Acme")
    assert found("acme") == [cid]
    contacts.update_contact(cid, company="Banca Sella", first_name="Giuly")
    assert found("acme") == []
    assert found("sella") == [cid]
    assert found("giuly") == [cid]
    assert found("giulia") == []


def test_index_follows_tags(database):
    """Adding, replacing and removing tags changes what finds the contact."""
    cid = contacts.create_contact("Giulia Rossi", tags=["fintech"])
    contacts.add_tags(cid, ["rowing"])
    assert found("rowing") == [cid]
    contacts.set_tags(cid, ["sailing"])
    assert found("fintech") == [] and found("rowing") == []
    assert found("sailing") == [cid]
    contacts.remove_tag(cid, "#Sailing")
    assert found("sailing") == []
    assert contacts.get_contact(cid).tags == []


def test_index_follows_facts(database):
    """A removed fact no longer finds the contact."""
    cid = contacts.create_contact("Giulia Rossi")
    fact = contacts.add_fact(cid, "children", "Luca and Marta")
    assert found("marta") == [cid]
    contacts.remove_fact(fact)
    assert found("marta") == []
    assert found("giulia") == [cid]


def test_index_follows_interactions(database):
    """Logging an interaction makes its notes searchable for every participant; deleting it undoes that."""
    a = contacts.create_contact("Giulia Rossi")
    b = contacts.create_contact("Bruno Neri")
    interaction = timeline.log_interaction([a, b], "meeting", notes="talked about kayaks")
    assert found_set("kayak") == {a, b}
    timeline.delete_interaction(interaction)
    assert found("kayak") == []


def test_index_follows_trash_restore_purge(database):
    """Trashed people vanish from search, come back on restore, and are gone after purge."""
    cid = contacts.create_contact("Giulia Rossi", company="Acme")
    other = contacts.create_contact("Bruno Neri", company="Acme")
    lifecycle.trash_contact(cid)
    assert found("acme") == [other]
    lifecycle.restore_contact(cid)
    assert found_set("acme") == {cid, other}
    lifecycle.trash_contact(cid)
    lifecycle.purge_contact(cid)
    assert found("acme") == [other]
    assert search.index_size() == 1
    # A rebuild must not bring the purged person back either.
    search.rebuild_index()
    assert found("acme") == [other]


def test_index_follows_merge(database):
    """After a merge, other is not found any more and keep is found by other's details."""
    keep = contacts.create_contact("Giulia Rossi", company="Acme")
    other = contacts.create_contact("Giuly Rossi", company="Banca Sella", tags=["rowing"])
    timeline.log_interaction([other], "call", notes="talked about kayaks")
    lifecycle.merge_contacts(keep, other)
    for text in ("sella", "rowing", "kayak", "giuly", "acme", "giulia"):
        assert found(text) == [keep], text
    assert search.index_size() == 1


def test_trashed_contact_edits_do_not_leak_into_search(database):
    """Editing someone in the trash does not put them back in search results."""
    cid = contacts.create_contact("Giulia Rossi")
    lifecycle.trash_contact(cid)
    contacts.update_contact(cid, company="Acme")
    contacts.add_fact(cid, "children", "Marta")
    assert found("acme") == [] and found("marta") == [] and found("giulia") == []


# --- query syntax --------------------------------------------------------------------------


def test_quoted_phrase_is_exact(giulias):
    """'"Giulia Rossi"' matches that phrase only, not 'Giulia Rossini' nor scattered words."""
    assert found('"Giulia Rossi"') == [giulias["rossi"]]
    assert found_set("giulia rossi") == {giulias["rossi"], giulias["marco"]}


def test_minus_excludes(giulias):
    """'giulia -rossi' leaves out everyone matching 'rossi'."""
    assert found("giulia -rossi") == [giulias["bianchi"]]
    assert found("giulia -milano") == [giulias["bianchi"]]


def test_column_filter(giulias):
    """'city:milano' only looks at the city, not at notes that mention Milano."""
    assert found("city:milano") == [giulias["rossi"]]
    assert found_set("milano") == {giulias["rossi"], giulias["marco"]}
    assert found("company:sel") == [giulias["bianchi"]]
    assert found("city:mil giulia") == [giulias["rossi"]]


def test_or_and_parentheses(giulias):
    """OR widens, parentheses group."""
    assert found_set("acme OR sella") == {giulias["rossi"], giulias["bianchi"]}
    assert found("(acme OR sella) torino") == [giulias["bianchi"]]


def test_unbalanced_syntax_still_searches(giulias):
    """Half-typed syntax (an open quote or parenthesis) still finds people."""
    assert found('"giulia bianchi') == [giulias["bianchi"]]
    assert found("(bianchi") == [giulias["bianchi"]]
    assert found("bianchi)") == [giulias["bianchi"]]


# --- rebuild -------------------------------------------------------------------------------


def test_rebuild_index_counts_living_contacts_and_restores_search(database):
    """Rebuilding re-creates a lost index from the tables, leaving out the trash."""
    a = contacts.create_contact("Giulia Rossi", company="Acme", tags=["fintech"])
    b = contacts.create_contact("Bruno Neri", company="Acme")
    trashed = contacts.create_contact("Carla Acme")
    contacts.add_fact(a, "children", "Marta")
    lifecycle.trash_contact(trashed)
    search.drop_contacts([a, b])  # simulate an index that lost its rows
    assert found("acme") == []

    assert search.rebuild_index() == 2
    assert search.index_size() == 2
    assert found_set("acme") == {a, b}
    assert found("marta") == [a]
    assert found("fintech") == [a]
    assert found("carla") == []


def test_rebuild_empty_database(database):
    """Rebuilding with no contacts is fine and finds nothing."""
    assert search.rebuild_index() == 0
    assert found("anyone") == []


# --- robustness ----------------------------------------------------------------------------


@pytest.fixture
def populated(database) -> set[int]:
    """A few living contacts (and one trashed) to search against; returns the living ids."""
    ids = {
        contacts.create_contact("Giulia Rossi", company="Caffè Nero", city="Milano", tags=["fintech"]),
        contacts.create_contact("Nicolò D'Amico", role="NEAR expert", notes='says "AND" a lot'),
        contacts.create_contact("王伟", city="Łódź"),
    }
    gone = contacts.create_contact("Trash Person", company="Caffè Nero")
    lifecycle.trash_contact(gone)
    event = events.create_event("Summit")
    timeline.log_interaction(list(ids), "event", notes="OR NOT (maybe)", event_id=event)
    return ids


_SYNTAX = st.sampled_from(
    ['"', "*", "-", "(", ")", "^", ":", "NEAR", "NEAR(", "AND", "OR", "NOT", "city:", "name:",
     "{name city}:", "{", "}", "+", "'", ",", "\\", "\x00", "\x1b", "🙂", "👩‍👩‍👧", "giu", "rossi",
     "caffè", "王", "-giu", '"giulia', "*giu", "giu*", "col:", ":giu", "a(", "NOT a ", "(a OR "]
)
_QUERIES = st.one_of(
    st.text(),
    st.lists(st.one_of(_SYNTAX, st.text(max_size=5)), max_size=12).map(" ".join),
    st.lists(st.one_of(_SYNTAX, st.text(max_size=3)), max_size=12).map("".join),
    # very long input: one piece repeated hundreds of times
    st.builds(lambda piece, times: piece * times, st.one_of(_SYNTAX, st.text(min_size=1, max_size=8)),
              st.integers(20, 800)),
)

# Inputs that used to make search raise (see test_hostile_queries_do_not_raise).
_NUL = "giu\x00"
_DEEP_PARENTHESES = "a(" * 40
_LONG_NOT_CHAIN = "a " + "NOT a " * 150
_VERY_LONG_NOT_CHAIN = "a " + "NOT a " * 1000
_EXPANDING = "㍿" * 500  # folds to one 6,000-byte word: more than a PostgreSQL tsquery word holds


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_QUERIES)
@example(text='NEAR("giu" rossi, 2) AND ^caffe OR (- "*" : ^)')
@example(text="x" * 10_000)
@example(text=_NUL)
@example(text=_DEEP_PARENTHESES)
@example(text=_LONG_NOT_CHAIN)
def test_any_text_is_a_safe_query(populated, text):
    """Whatever is typed into the search box, search returns a list and never raises."""
    results = contacts.search_contacts(text)
    assert isinstance(results, list)
    assert {s.id for s in results} <= populated


# Regressions: search_ids used to raise on these inputs:
#  - a NUL character went through fts_query into the MATCH string; SQLite stopped the string
#    there and raised OperationalError("unterminated string");
#  - 34 or more nested "(" after a word ("a(a(a(...") survive peewee's web_query (it caps depth
#    at 32) but overflowed FTS5's own parser: OperationalError("fts5: parser stack overflow");
#  - a chain of ~100 "NOT x" nested one level per NOT: "fts5: parser stack overflow"; at ~1000
#    peewee's fts_parser._render itself hit RecursionError.
@pytest.mark.parametrize(
    "text",
    [_NUL, _DEEP_PARENTHESES, _LONG_NOT_CHAIN, _VERY_LONG_NOT_CHAIN, _EXPANDING],
    ids=["nul", "deep-parentheses", "not-chain-150", "not-chain-1000", "expanding"],
)
def test_hostile_queries_do_not_raise(populated, text):
    """Pasted or mistyped junk is searched (or ignored), never a crash."""
    assert isinstance(contacts.search_contacts(text), list)


def test_hostile_queries_inside_a_transaction_leave_it_working(populated):
    """A search inside a write's transaction (a name resolved while saving) never fails a
    statement: on PostgreSQL one failed statement would abort the whole transaction."""
    with database.atomic():
        for text in (_NUL, _DEEP_PARENTHESES, _LONG_NOT_CHAIN, _EXPANDING, "giulia OR " + _EXPANDING[:300]):
            contacts.search_contacts(text)
        assert [s.name for s in contacts.search_contacts("giulia OR " + _EXPANDING[:300])] == ["Giulia Rossi"]
        assert contacts.resolve_contact("giulia") in populated


def test_nul_character_in_query_does_not_hide_the_match(populated):
    """A stray NUL (e.g. from a paste) next to a name still finds that person."""
    assert [s.name for s in contacts.search_contacts("giulia\x00")] == ["Giulia Rossi"]


@pytest.mark.parametrize(
    "text", ["giulia\x1b", "giulia\t", "giu\u200b", "((giulia))", "giulia)))", "🙂 giulia"]
)
def test_control_and_odd_characters_around_a_name(populated, text):
    """Escape sequences, zero-width spaces, stray brackets or emoji do not stop a match."""
    assert [s.name for s in contacts.search_contacts(text)] == ["Giulia Rossi"]


def test_a_match_in_the_name_ranks_above_one_in_the_notes(database):
    """Typing a name finds that person first, not someone whose notes mention it."""
    mentioned = contacts.create_contact("Marco Bianchi", notes="Giulia's colleague, ask Giulia about it")
    named = contacts.create_contact("Giulia Zanetti")
    assert contacts.search_contacts("giulia")[0].id == named
    assert {s.id for s in contacts.search_contacts("giulia")} == {named, mentioned}
