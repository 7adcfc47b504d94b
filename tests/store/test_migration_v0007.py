"""Schema version 7 (indexes for the contact list's orders): a version 6 file with data
upgrades keeping every row, and each order the list and the search box use is then read
from an index instead of sorting the whole table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netui import contacts, demo
from netui.store import db
from netui.store.migrations import MIGRATIONS
from netui.store.models import Contact

INDEXES = ("contact_balance_sort_name", "contact_company_sort_name", "contact_last_contacted_sort_name")


def _indexes(handle) -> set[str]:
    return {row[0] for row in handle.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _rows(handle, columns: str = "*") -> list[tuple]:
    return handle.execute_sql(f"SELECT {columns} FROM contact ORDER BY id").fetchall()


def _columns(handle) -> str:
    return ", ".join(f'"{row[1]}"' for row in handle.execute_sql("PRAGMA table_info(contact)").fetchall())


@pytest.fixture
def version_6_file(tmp_path, frozen) -> Path:
    path = tmp_path / "netui.db"
    handle = db.open_database(path, migrations=MIGRATIONS[:6])
    try:
        assert db.schema_version(handle) == 6
        demo.generate_network(40, seed=7, now=frozen)
        assert not set(INDEXES) & _indexes(handle)
    finally:
        handle.close()
    return path


def test_version_6_file_upgrades_to_7_keeping_every_row(version_6_file, tmp_path):
    before_copy = tmp_path / "before.db"
    shutil.copyfile(version_6_file, before_copy)
    handle = db.open_database(before_copy, migrations=MIGRATIONS[:6])
    before, columns = _rows(handle), _columns(handle)
    handle.close()
    handle = db.open_database(version_6_file)
    try:
        assert db.schema_version(handle) == db.latest_version() >= 7
        assert set(INDEXES) <= _indexes(handle)
        assert _rows(handle, columns) == before  # later versions' columns aside
    finally:
        handle.close()
    assert sorted(version_6_file.parent.glob(f"{version_6_file.name}.v6-*.bak"))


@pytest.mark.parametrize("sort, index", [("balance", "contact_balance_sort_name"),
                                         ("company", "contact_company_sort_name"),
                                         ("last_contacted", "contact_last_contacted_sort_name"),
                                         ("name", "contact_sort_name")])
def test_every_list_order_is_read_from_an_index(database, sort, index):
    query = contacts._ordered(Contact.select(Contact.id), sort).limit(50)
    sql, params = query.sql()
    plan = " ".join(row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert index in plan and "TEMP B-TREE" not in plan, plan


def test_orders_are_unchanged_by_the_indexes(database, frozen):
    demo.generate_network(60, seed=3, now=frozen)
    for sort in contacts.SORTS:
        listed = [s.id for s in contacts.list_contacts(sort)]
        rows = [(c.id, c.favour_balance, c.company, c.sort_name, c.last_contacted_at) for c in Contact.select()]
        if sort == "balance":
            expected = sorted(rows, key=lambda r: (-r[1], r[3], r[0]))
        elif sort == "company":
            expected = sorted(rows, key=lambda r: (r[2] == "", r[2].lower(), r[3], r[0]))
        elif sort == "name":
            expected = sorted(rows, key=lambda r: (r[3], r[0]))
        else:
            expected = sorted(rows, key=lambda r: (r[4] is None, -(r[4].timestamp() if r[4] else 0), r[3], r[0]))
        assert listed == [r[0] for r in expected], sort
