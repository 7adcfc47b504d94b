"""Guards for search on PostgreSQL: what a user types becomes a condition the GIN index over
contact_search's tsvectors answers (netui.store.migrations.postgres), never a scan of every
row's text; checked in the plans PostgreSQL makes, not timed."""

from __future__ import annotations

import os
import re

import pytest

from netui import contacts
from netui.store import db, search
from netui.store.models import ContactSearch, database


@pytest.fixture
def network(postgres_database):
    for name, company in [("Giulia Rossi", "Acme"), ("Bruno Neri", "Banca Sella"), ("Anna Gialli", "Acme")]:
        contacts.create_contact(name, company=company, city="Milano", notes="met at the fair")
    return postgres_database


def plan(query) -> str:
    """PostgreSQL's plan for a query, as if the table were big (no sequential scans unless
    nothing else can answer it)."""
    sql, parameters = query.sql()
    with database.atomic():
        database.execute_sql("SET LOCAL enable_seqscan = off")
        return "\n".join(row[0] for row in database.execute_sql(f"EXPLAIN {sql}", parameters).fetchall())


@pytest.mark.parametrize("text", ["giu", "giulia rossi", '"giulia rossi"', "city:mil", "acme OR sella",
                                  "giulia -rossi", "(acme OR sella) gi", "name:gi notes:fair", "caffè"])
@pytest.mark.parametrize("columns", [None, ("name",), search.IDENTITY_COLUMNS])
def test_every_search_reads_the_gin_index(network, text, columns):
    query = search._within(search.fts_query(text), columns)
    shown = plan(search._postgres_matches(query, ContactSearch.rowid))
    if "One-Time Filter: false" in shown:  # columns no phrase may be found in: nothing to read
        assert columns and ":" in text
        return
    assert "contact_search_words" in shown and "Seq Scan" not in shown, shown


def test_the_index_words_follow_the_text(network):
    """The tsvectors are made from the folded text each writer gives: rewriting it rewrites them."""
    giulia = search.search_ids("giulia")
    assert len(giulia) == 1
    contacts.update_contact(giulia[0], first_name="Giuly")
    assert search.search_ids("giulia") == [] and search.search_ids("giuly") == giulia


SEARCH_WORDS = [f"{column}_words" for column in search.SEARCH_COLUMNS]


def test_the_index_keeps_the_words_not_the_text(network):
    """Ranking reads the row of every match: a row is the contact's id, their number of words and
    the words of each column, read first; the folded text the words were made of is not kept (it
    was half of each row: at 100,000 people the table outgrew the server's default cache)."""
    contacts.create_contact("Carla Lunga", notes="a very long note " * 400, city="Torino")
    columns = [row[0] for row in database.execute_sql(
        "SELECT attname FROM pg_attribute WHERE attrelid = 'contact_search'::regclass AND attnum > 0 "
        "AND NOT attisdropped ORDER BY attnum").fetchall()]
    assert columns[:2 + len(SEARCH_WORDS)] == ["rowid", "word_count", *SEARCH_WORDS]
    texts = database.execute_sql(
        f"SELECT {', '.join(search.SEARCH_COLUMNS)} FROM contact_search").fetchall()
    assert len(texts) == 4 and {value for row in texts for value in row} == {""}
    # What is left of a row beside its words: its header, the id, the count, eight empty texts.
    beside = database.execute_sql(
        f"SELECT max(pg_column_size(s.*) - {' - '.join(f'pg_column_size({w})' for w in SEARCH_WORDS)}) "
        "FROM contact_search AS s").fetchone()[0]
    assert beside <= 64
    counted = database.execute_sql("SELECT word_count FROM contact_search ORDER BY word_count DESC").fetchall()
    assert counted[0][0] == 2 + 4 * 400 + 1 and search.search_ids("lunga") and search.search_ids("torino")


def test_an_index_row_is_replaced_never_updated(network):
    """A row's text is gone once its words are made: an UPDATE could no longer count them again,
    and is refused (the writers delete a contact's row and insert it anew)."""
    from peewee import DatabaseError

    with pytest.raises(DatabaseError, match="replaced"), database.atomic():
        database.execute_sql("UPDATE contact_search SET notes = 'other words'")
    assert search.search_ids("fair") and not search.search_ids("other")


def test_version_10_keeps_the_words_the_search_finds(postgres_cluster):
    """A network written before version 10 (the text kept, the words generated from it) finds
    the same people in the same order after it, from the same words."""
    from netui.store.migrations import MIGRATIONS

    name = f"v9_{os.getpid()}"
    postgres_cluster.admin(f"CREATE DATABASE {name}")
    queries = ["giu", "milano", "acme", "fair", "rossi giulia", "city:mil"]
    handle = db.open_database(postgres_cluster.address(name), migrations=MIGRATIONS[:9])
    try:
        for first, last, company in [("Giulia", "Rossi", "Acme"), ("Giuliano", "Neri", "Banca Sella"),
                                     ("Anna", "Gialli", "Acme Milano")]:
            contacts.create_contact(f"{first} {last}", company=company, city="Milano", notes="met at the fair")
        before = [search.search_ids(q) for q in queries]
        words = handle.execute_sql(f"SELECT rowid, word_count, {', '.join(SEARCH_WORDS)} FROM contact_search "
                                   "ORDER BY rowid").fetchall()
    finally:
        handle.close()
    handle = db.open_database(postgres_cluster.address(name))
    try:
        assert db.schema_version(handle) == db.latest_version() >= 10
        assert [search.search_ids(q) for q in queries] == before and all(before)
        assert handle.execute_sql(f"SELECT rowid, word_count, {', '.join(SEARCH_WORDS)} FROM contact_search "
                                  "ORDER BY rowid").fetchall() == words
        contacts.create_contact("Giulio Bianchi", city="Milano")  # written after: words only
        assert len(search.search_ids("giu")) == 3
        assert handle.execute_sql("SELECT count(*) FROM contact_search WHERE name <> ''").fetchone()[0] == 0
    finally:
        handle.close()
        postgres_cluster.drop(name)


def test_every_keystroke_is_planned_for_its_own_words(network):
    """Every one-word search is the same statement: psycopg prepares it once it has run five
    times, and the server then chose a generic plan, which works the words' tsquery out for
    every row instead of once (10-14 s a keystroke at 100,000 people). Each run is planned
    for its words."""
    for text in ["gia", "giu", "giul", "giuli", "giulia", "ros", "ross", "rossi", "acm", "acme", "mil", "fai"]:
        search.search_ids(text)
    plans = database.execute_sql("SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                                 "WHERE statement LIKE '%%WITH matched AS%%'").fetchall()
    assert plans and sum(c for _g, c in plans) >= 5 and all(g == 0 for g, _c in plans), plans


# --- a keystroke's statements on a network of some size ----------------------------------------


def statements_planned(database_handle, work) -> list[tuple[str, str]]:
    """(statement, its plan) for every statement `work()` runs, each explained where it ran:
    in the same transaction, under the same settings (search.index_plans)."""
    seen = []
    kind = type(database_handle)
    original = kind.execute_sql

    def explained(self, sql, params=None, *args, **kwargs):
        if sql.lstrip().startswith("SELECT") or sql.lstrip().startswith("WITH"):
            shown = original(self, f"EXPLAIN {sql}", params).fetchall()
            seen.append((sql, "\n".join(row[0] for row in shown)))
        return original(self, sql, params, *args, **kwargs)

    kind.execute_sql = explained
    try:
        work()
    finally:
        kind.execute_sql = original
    return seen


def whole_index(plan: str) -> bool:
    """Does the plan read every row of contact_search: a sequential scan, or down an index
    with nothing to narrow it (the primary key, in id order)?"""
    return bool(re.search(r"(Seq Scan|Index Scan using \w+|Index Only Scan using \w+) on contact_search\b(?!_)", plan))


@pytest.fixture(scope="module")
def demo_network_name(postgres_cluster):
    """A demo network of 2,000 people, written once for the module (writing it is seconds):
    the tests that only read bind to it, a test that writes takes a copy."""
    from conftest import FROZEN_NOW, travel  # here: the module's other tests do not stop the clock
    from netui import demo

    name = postgres_cluster.new_database()
    handle = db.open_database(postgres_cluster.address(name))
    with travel(FROZEN_NOW):
        demo.generate_network(people=2000)  # analyzed as a load leaves it: the planner knows its size
    handle.close()
    yield name
    postgres_cluster.drop(name)


@pytest.fixture
def demo_network(postgres_cluster, demo_network_name, frozen):
    handle = db.open_database(postgres_cluster.address(demo_network_name))
    yield handle
    handle.close()


@pytest.fixture
def demo_network_copy(postgres_cluster, demo_network_name, frozen):
    name = postgres_cluster.copy_of(demo_network_name)
    handle = db.open_database(postgres_cluster.address(name))
    yield handle
    handle.close()
    postgres_cluster.drop(name)


@pytest.mark.parametrize("text", ["g", "ma", "giu", "giulia", "giulia rossi", '"giulia rossi"', "city:mil",
                                  "giu OR milano", "rossi -milano"])
def test_a_keystroke_never_reads_every_row(demo_network, text):
    """What a keystroke runs (the contact list's first page) reads indexes only: the short
    prefixes the contact table's sort_name, a longer word the GIN index; bm25's totals come from
    contact_search_totals, not a count of the index's rows; and no statement scans contact_search
    or contact whole (the planner's own choice for a prefix was a scan of every row)."""
    planned = statements_planned(demo_network, lambda: contacts.search_contacts(text))
    plans = "\n".join(plan for _sql, plan in planned)
    assert planned and not re.search(r"Seq Scan on contact\b(?!_)", plans) and not whole_index(plans), plans
    if search.short_prefix(text) is None:
        assert "contact_search_words" in plans and "contact_search_totals" in plans, plans
    else:
        assert "contact_search" not in plans and "sort_name" in plans, plans


def test_a_filtered_keystroke_never_reads_every_row(demo_network):
    """With a filter, the server may start from either side -- the GIN index, or the contacts
    the filter keeps, each looked up in the index by id -- but never from every row."""
    planned = statements_planned(demo_network, lambda: contacts.find_contacts("circle:work giu").page(0, 50))
    searches = [plan for sql, plan in planned if "contact_search" in sql]
    assert searches and not any(whole_index(p) for p in searches), "\n\n".join(searches)


def test_the_totals_follow_every_change_of_the_index(demo_network_copy):
    """bm25's numbers of rows and words (contact_search_totals) are those of the index after
    writes, a trash, a purge, a rebuild; the writers' rows are folded into few."""
    from netui import lifecycle

    def totals():
        return demo_network_copy.execute_sql('SELECT sum("rows"), sum("words") FROM contact_search_totals').fetchone()

    def counted():
        return demo_network_copy.execute_sql("SELECT count(*), sum(word_count) FROM contact_search").fetchone()

    assert totals() == counted() and counted()[0] == 2000
    anna = contacts.create_contact("Anna Contata", company="Acme", notes="many words in a note " * 5)
    contacts.update_contact(anna, notes="fewer")
    giulia = search.search_ids("giulia")[0]
    lifecycle.trash_contact(giulia)
    assert totals() == counted()
    lifecycle.purge_contact(giulia)
    search.rebuild_index()
    assert totals() == counted() and counted()[0] == 2000
    assert demo_network_copy.execute_sql("SELECT count(*) FROM contact_search_totals").fetchone()[0] <= 2
