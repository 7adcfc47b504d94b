"""Guards for search on PostgreSQL: what a user types becomes a condition the GIN index over
contact_search's tsvectors answers (netui.store.migrations.postgres), never a scan of every
row's text; checked in the plans PostgreSQL makes, not timed."""

from __future__ import annotations

import pytest

from netui import contacts
from netui.store import search
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
    """The tsvectors are generated from the folded text: rewriting it rewrites them."""
    giulia = search.search_ids("giulia")
    assert len(giulia) == 1
    contacts.update_contact(giulia[0], first_name="Giuly")
    assert search.search_ids("giulia") == [] and search.search_ids("giuly") == giulia
