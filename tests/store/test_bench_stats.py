"""Closing a database keeps the query planner's statistics fresh (netui.store.db: ANALYZE / PRAGMA
optimize on close), which the first screen of a big network relies on: without sqlite_stat1,
its first page at 1,000,000 people is read through the wrong index and sorted (0.4 s, not 1 ms)."""

from __future__ import annotations

import sqlite3

from netui.store import bulk, db
from netui.store.models import Contact, database


def stats(path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        if not connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()[0]:
            return {}
        return dict(connection.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'contact'").fetchall())
    finally:
        connection.close()


def add_people(count: int) -> None:
    """`count` plain contacts, written in bulk (no demo network: that analyzes on its own)."""
    first = (Contact.select(Contact.id).count() or 0) + 1
    fields = [Contact.first_name, Contact.last_name, Contact.sort_name, Contact.company, Contact.role,
              Contact.city, Contact.country, Contact.circle, Contact.how_met, Contact.notes,
              Contact.starred, Contact.created_at, Contact.updated_at]
    rows = [(f"Person{n}", "Bench", f"person{n} bench", "", "", "", "", "other", "", "", 0,
             "2026-01-01 10:00:00", "2026-01-01 10:00:00") for n in range(first, first + count)]
    with database.atomic():
        bulk.insert_rows(Contact, fields, rows)


def test_closing_a_populated_database_leaves_statistics(tmp_path, frozen):
    path = tmp_path / "network.db"
    handle = db.open_database(path)
    add_people(150)
    assert not stats(path)  # nothing analyzed while open
    handle.close()
    analyzed = stats(path)
    assert analyzed["contact_trashed_at"] == "150 150"  # exact: every row is NULL there
    assert "contact_sort_name" in analyzed


def test_statistics_follow_a_network_that_doubles(tmp_path, frozen):
    path = tmp_path / "network.db"
    handle = db.open_database(path)
    add_people(150)
    handle.close()
    handle = db.open_database(path)
    add_people(20)  # not twice as many: the statistics stay
    handle.close()
    assert stats(path)["contact_trashed_at"] == "150 150"
    handle = db.open_database(path)
    add_people(200)
    handle.close()
    assert stats(path)["contact_trashed_at"] == "370 370"


def test_closing_a_small_or_read_only_database_writes_nothing(tmp_path, frozen):
    path = tmp_path / "small.db"
    handle = db.open_database(path)
    add_people(20)  # too few people for statistics to matter
    handle.close()
    assert not stats(path)
    handle = db.open_database(path)
    add_people(150)
    handle.close()
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE sqlite_stat1")
    connection.commit()
    connection.close()
    handle = db.open_database(path, read_only=True)
    assert db.is_read_only()
    handle.close()  # never fails, writes nothing
    assert not stats(path)
