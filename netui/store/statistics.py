"""The query planner's statistics: kept fresh so that a big network's first page is read down
the right index at once.

`analyze()` gathers them now (after a bulk load); `refresh_before_close(connection)` is what
the SQLite connection does as it closes (netui.store.sqlite.NetuiDatabase). Both are SQLite's
(ANALYZE, PRAGMA optimize, sqlite_stat1/4); another backend has its own (PostgreSQL: ANALYZE,
autovacuum).
"""

from __future__ import annotations

import sqlite3

from netui.store.models import database

# A network at least this big gets a whole ANALYZE when its size changed a lot.
ANALYZE_FROM_PEOPLE = 100


def analyze() -> None:
    """Gather the planner's statistics for every table now, on the bound connection."""
    database.execute_sql("ANALYZE")


def refresh_before_close(connection: sqlite3.Connection) -> None:
    """Before a connection closes, keep the query planner's statistics (sqlite_stat1) fresh,
    as SQLite advises. Without them, the contact list's first page at 1,000,000 people took
    0.4 s (SQLite took the index on trashed_at, where every row is NULL, then sorted them
    all) instead of 1 ms down the sort_name index. ANALYZE when the contacts have none yet,
    or have become twice as many or half as many since (the PRAGMA optimize of SQLite before
    3.46 never analyzes a table that was not analyzed before); else PRAGMA optimize. A whole
    ANALYZE (0.8 s at 100,000 people and 1,000,000 interactions here): a sampled one
    (analysis_limit) took a column that is NULL in every row for a selective one. A network
    smaller than ANALYZE_FROM_PEOPLE with no statistics yet gets none: PRAGMA optimize would
    analyze each table whose indexes the planner looked at on this connection (an insert into
    contact looks at the tables pointing to it, for their foreign keys, once contact has
    triggers: schema 11). Never fails and never waits long for a lock: a busy or read-only
    file keeps its old statistics."""
    try:
        if connection.in_transaction:
            return
        connection.execute("PRAGMA busy_timeout = 200")
        people = connection.execute("SELECT max(rowid) FROM contact").fetchone()[0] or 0
        known = _contacts_analyzed(connection)
        if people < ANALYZE_FROM_PEOPLE and not known:
            return  # too small for statistics to matter
        if people >= ANALYZE_FROM_PEOPLE and not known / 2 <= people <= known * 2:
            connection.execute("ANALYZE")
        else:
            connection.execute("PRAGMA optimize")
        # A build with STAT4 keeps sampled index keys (names...) there: a purged person's
        # name must not survive in it. sqlite_stat1 holds only counts.
        if _has_table(connection, "sqlite_stat4"):
            connection.execute("DELETE FROM sqlite_stat4")
    except sqlite3.Error:
        pass


def _contacts_analyzed(connection: sqlite3.Connection) -> int:
    """How many contacts the statistics were gathered over (0: none yet)."""
    if not _has_table(connection, "sqlite_stat1"):
        return 0
    row = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'contact' LIMIT 1").fetchone()
    return int(row[0].split()[0]) if row and row[0] else 0


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    return bool(connection.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0])
