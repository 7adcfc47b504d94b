"""Writing many rows fast, for the demo network and imports (inside the caller's transaction).

Peewee's insert_many builds a query node per value, which makes tens of thousands of rows
take seconds; here one prepared statement per batch writes the same values, each converted
by its model field (`db_value`), so what is stored is what Peewee would store.

A load of a whole network (the demo) also asks the backend to get out of its way, each a
context manager: `loading()` (one write transaction, a big page cache, no foreign-key checks
while it runs), `indexes_rebuilt_after(models)` (indexes built once after the rows, not row
by row) and `triggers_suspended(models)` (the caller writes what the triggers would compute).
What these do is SQLite's (PRAGMAs, sqlite_master, DDL inside the transaction); a failure
rolls the schema back with the rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from netui.store.models import UTCDateTimeField, database

BATCH_ROWS = 5000
STREAM_BATCH_ROWS = 50_000
# SQLite's page cache during `loading()` (KiB): what a 1,000,000-interaction network's
# indexes need to be filled without spilling pages to the log again and again.
LOAD_CACHE_KIB = 512 * 1024
_PLAIN_FIELDS = (AutoField, CharField, ForeignKeyField, IntegerField, TextField)
_PLAIN_TYPES = {str, int, type(None)}


def next_id(model) -> int:
    """The id the next row of `model` gets; rows written after it in the same write
    transaction can be given consecutive ids from here."""
    return (model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0) + 1


def insert_rows(model, fields: Sequence, rows: Sequence[tuple], progress=None) -> None:
    """INSERT `rows` (tuples of Python values, in the order of `fields`) into `model`'s table."""
    statement = _insert_statement(model, fields)
    # Text, numbers and ids given as str/int are stored as they are (converting them one by one
    # is most of the time a big import takes); a column holding anything else -- instants,
    # dates, booleans -- goes through its field's db_value.
    plain = [isinstance(f, _PLAIN_FIELDS) for f in fields]
    cursor = database.cursor()
    for start in range(0, len(rows), BATCH_ROWS):
        batch = rows[start : start + BATCH_ROWS]
        columns = list(zip(*batch))
        for index, (field, column) in enumerate(zip(fields, columns)):
            if plain[index] and set(map(type, column)) <= _PLAIN_TYPES:
                continue
            to_db = field.db_value
            columns[index] = [None if value is None else to_db(value) for value in column]
        cursor.executemany(statement, zip(*columns))
        if progress:
            progress(len(batch))


def insert_stream(model, fields: Sequence, count: int, rows: Iterable[tuple],
                  progress: Callable[[int], None] | None = None) -> None:
    """INSERT `count` rows taken from the iterator `rows`, made as they are written (a million
    rows never sit in memory at once). Values go in as they are, except instants
    (UTCDateTimeField), given here as whole unix seconds: the database formats them as the
    field stores them, which is much faster than formatting them in Python."""
    instants = ["datetime(?, 'unixepoch')" if isinstance(f, UTCDateTimeField) else "?" for f in fields]
    statement = _insert_statement(model, fields, instants)
    rows = iter(rows)
    cursor = database.cursor()
    for start in range(0, count, STREAM_BATCH_ROWS):
        size = min(STREAM_BATCH_ROWS, count - start)
        cursor.executemany(statement, itertools.islice(rows, size))
        if progress:
            progress(size)


def _insert_statement(model, fields: Sequence, values: Sequence[str] | None = None) -> str:
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    return f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join(values or "?" * len(fields))})'


@contextmanager
def loading(cache_kib: int = LOAD_CACHE_KIB):
    """One write transaction (its write lock taken at the start) for a big load: a page cache
    big enough to hold the indexes being filled (SQLite's default 2 MB spills pages to the
    log again and again) and the foreign-key checks off -- the caller writes only rows that
    refer to rows it writes -- then the connection's own settings again, whatever happens.
    (SQLite changes foreign_keys only outside a transaction.)"""
    cache = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    keys = database.execute_sql("PRAGMA foreign_keys").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-int(cache_kib)}")
    database.execute_sql("PRAGMA foreign_keys = 0")
    try:
        with database.atomic("IMMEDIATE"):
            yield
    finally:
        database.execute_sql(f"PRAGMA foreign_keys = {int(keys)}")
        database.execute_sql(f"PRAGMA cache_size = {int(cache)}")


@contextmanager
def indexes_rebuilt_after(models: Sequence):
    """Inside a write transaction: the indexes of these tables are dropped while the block
    writes their rows, and created again from their own stored SQL afterwards -- one sort per
    index instead of a million inserts at random places. A failure rolls them back into place
    with everything else (DDL is transactional in SQLite)."""
    tables = [m._meta.table_name for m in models]
    marks = ", ".join("?" * len(tables))
    indexes = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY rowid", tables).fetchall()
    for name, _ in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        database.execute_sql(sql)


@contextmanager
def triggers_suspended(models: Sequence):
    """Inside a write transaction: the triggers on these tables do not fire while the block
    inserts rows -- the caller writes what they would have computed (fired for each of a
    million rows, one costs more than the rest of the write). They are created again
    afterwards from their own stored SQL; a failure rolls them back into place."""
    tables = [m._meta.table_name for m in models]
    marks = ", ".join("?" * len(tables))
    triggers = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) "
        f"ORDER BY rowid", tables).fetchall()
    for name, _ in triggers:
        database.execute_sql(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in triggers:
        database.execute_sql(sql)
