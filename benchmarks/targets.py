"""What the crash and concurrency scripts ask of a database after the fact, a file or a team's
PostgreSQL database alike (read from outside netui, as another program would)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def is_server(target) -> bool:
    from netui.store.location import is_server_address

    return is_server_address(str(target)) and not isinstance(target, Path)


def ensure_exists(target) -> None:
    """A new file gets netui's schema first; a server database the caller made already has it."""
    from netui.store import db

    if not is_server(target) and not Path(target).exists():
        db.open_database(target).close()


def rows(target, sql: str, parameters: tuple = ()) -> list[tuple]:
    """The rows of one query (written with ? placeholders) on a fresh connection."""
    if is_server(target):
        from netui.store.postgres import driver

        with driver().connect(str(target)) as connection:
            return connection.execute(sql.replace("?", "%s"), parameters).fetchall()
    with closing(sqlite3.connect(str(target), timeout=30)) as connection:
        return connection.execute(sql, parameters).fetchall()


def integrity(target) -> str:
    """"ok" when the database is sound: SQLite's integrity_check for a file; a server keeps
    its own pages (its WAL replays after a kill), so there it is "ok" when it answers."""
    if is_server(target):
        return "ok" if rows(target, "SELECT 1") == [(1,)] else "no answer"
    return rows(target, "PRAGMA integrity_check")[0][0]
