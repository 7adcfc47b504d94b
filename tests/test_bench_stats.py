"""Closing a database keeps the query planner's statistics fresh (netui.db: ANALYZE / PRAGMA
optimize on close), which the scale benchmarks rely on: without sqlite_stat1, sorting a big
network by favour balance is several times slower."""

from __future__ import annotations

import sqlite3

from netui import db, demo


def stats(path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        if not connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()[0]:
            return {}
        return dict(connection.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'contact'").fetchall())
    finally:
        connection.close()


def test_closing_a_populated_database_leaves_statistics(tmp_path, frozen):
    path = tmp_path / "network.db"
    handle = db.open_database(path)
    demo.generate_network(people=150)
    assert not stats(path)  # nothing analyzed while open
    handle.close()
    analyzed = stats(path)
    assert int(analyzed["contact_favour_balance"].split()[0]) == 150
    assert "contact_sort_name" in analyzed


def test_closing_a_small_or_read_only_database_writes_nothing(tmp_path, frozen):
    path = tmp_path / "small.db"
    handle = db.open_database(path)
    demo.generate_network(people=20)  # too few people for statistics to matter
    handle.close()
    assert not stats(path)
    handle = db.open_database(path, read_only=True)
    assert db.is_read_only()
    handle.close()  # never fails, writes nothing
    assert not stats(path)


def test_read_only_close_of_a_big_database_does_not_analyze(tmp_path, frozen):
    path = tmp_path / "network.db"
    handle = db.open_database(path)
    demo.generate_network(people=150)
    handle.close()
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE IF EXISTS sqlite_stat1")
    connection.commit()
    connection.close()
    handle = db.open_database(path, read_only=True)
    handle.close()
    assert not stats(path)
