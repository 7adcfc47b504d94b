"""Guards for the search box's speed (issue 18): counted, never timed.

A keystroke's work must not grow with the number of matches: one or two letters read a name
range of the contact table through its index and never rank (bm25) every match; the first
page of a one-letter search costs about the same number of SQLite steps at 1,500 people as
at 6,000. `max_matches` is made small here so that small networks reach the capped paths
a 100,000-person network reaches with the list's 1,000.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest
from conftest import FROZEN_NOW, travel
from support import sqlite_steps

from netui import contacts, demo
from netui.store import db, search
from netui.store.models import database

CAP = 100  # the list's max_matches, scaled down with the network


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """Two demo networks, small and four times bigger, written once."""
    made = {}
    for people in (1500, 6000):
        path = tmp_path_factory.mktemp("guards") / f"n{people}.db"
        with travel(FROZEN_NOW):
            handle = db.open_database(path)
            demo.generate_network(people=people, interactions=people, language="en")
            handle.close()
        made[people] = path
    return made


@contextmanager
def opened(templates, people, tmp_path):
    copy = tmp_path / f"copy{people}.db"
    shutil.copyfile(templates[people], copy)
    handle = db.open_database(copy)
    try:
        yield
    finally:
        handle.close()


def statements(action) -> list[str]:
    seen: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(seen.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return seen


def first_page(typed: str, cap: int = CAP):
    pages = contacts.find_contacts(typed, max_matches=cap)
    return pages, pages.page(0, 50)


def test_one_letter_costs_the_same_at_four_times_the_people(templates, tmp_path):
    costs = {}
    for people in (1500, 6000):
        with opened(templates, people, tmp_path):
            pages, shown = first_page("g")
            assert pages.capped and pages.count == CAP and len(shown) == 50
            costs[people] = sqlite_steps(lambda: first_page("g"))
            ranking_everything = sqlite_steps(lambda: search.search_ids("g", limit=1000))
    assert costs[6000] <= 1.5 * costs[1500] + 50, costs
    # What the search did before: rank every match of g* in every column.
    assert costs[6000] * 5 < ranking_everything, (costs, ranking_everything)


@pytest.mark.parametrize("typed", ["g", "gi", "E", "circle:work g", "#fintech m", "m sort:last", "é"])
def test_one_or_two_letters_never_rank_every_match(templates, tmp_path, typed):
    with opened(templates, 6000, tmp_path):
        run = statements(lambda: first_page(typed))
        assert run and not [sql for sql in run if "bm25" in sql.lower()]
        # Every text search it makes looks at the name column only.
        fts = [sql for sql in run if " MATCH " in sql.upper()]
        assert all("{name}" in sql for sql in fts), fts


def test_a_name_range_is_read_through_the_sort_name_index(templates, tmp_path):
    with opened(templates, 6000, tmp_path):
        ranged = [sql for sql in statements(lambda: first_page("gi")) if '"sort_name" >=' in sql]
        assert ranged
        for sql in ranged:
            plan = " ".join(row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql).fetchall())
            assert "INDEX contact_sort_name" in plan and "SCAN contact " not in plan + " ", plan


def test_longer_words_with_few_matches_keep_their_ranking(templates, tmp_path):
    with opened(templates, 6000, tmp_path):
        for typed in ("rossi", "giulia rossi", "lumen", "nicolo", "caffe milano"):
            pages = contacts.find_contacts(typed)
            assert search.count_matches(typed) <= contacts.RANK_LIMIT
            assert list(pages.ids[: pages.count]) == search.search_ids(typed, limit=1000), typed


def test_a_broad_word_is_listed_by_name_without_ranking(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(contacts, "RANK_LIMIT", 50)
    with opened(templates, 6000, tmp_path):
        run = statements(lambda: first_page("milan"))
        assert not [sql for sql in run if "bm25" in sql.lower()]
        pages, shown = first_page("milan")
        assert len(shown) == 50 and pages.count <= CAP


def test_a_picker_searching_one_letter_never_ranks_every_match(templates, tmp_path):
    """The pickers (log an interaction with..., introduce...) search on every key too."""
    with opened(templates, 6000, tmp_path):
        run = statements(lambda: contacts.search_contacts("g", limit=20))
        assert run and not [sql for sql in run if "bm25" in sql.lower()]
        assert len(contacts.search_contacts("g", limit=20)) == 20
