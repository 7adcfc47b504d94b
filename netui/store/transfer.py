"""Copying a whole network from one database to another (`netui copy --from SRC --to DST`):
a file onto a team's PostgreSQL server, a server's network back into a file, or file to file.

The source is read through a connection of its own, never bound to the models and never
written to (a file opens read-only; `db.open_to_read`), in one consistent snapshot. The
destination is opened as netui opens any database (created and brought to the newest schema)
and written through netui.store.bulk in one transaction: every table's rows with their ids,
the stored derived values (contact.last_contacted_at, favour_balance) as they are -- the
triggers that compute them are suspended while the rows go in -- then the search index
rebuilt. A destination holding any row is refused before anything is written; a failure half
way rolls everything back (a file created for the copy is removed again).

Values cross between the backends through each model field: read with `python_value` (a
file's 0/1 and "YYYY-MM-DD" text become booleans and dates), written with `db_value`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from netui.errors import NetuiError, StorageError, ValidationError
from netui.i18n import _, ngettext
from netui.store import bulk, db, models, postgres, search, sqlite, statistics
from netui.store.location import ServerAddress, is_server_address

# Every table of a network, in an order where a row's links point to rows already written
# (a contact's introducer, another contact, is set once all contacts are in); the search
# index is not copied but rebuilt from them.
TABLES = tuple(model for model in models.ALL_MODELS if model is not models.ContactSearch)
READ_BATCH_ROWS = 5000
# Fields whose raw values mean the same on both backends (text and whole numbers).
_SAME_ON_BOTH = (AutoField, CharField, ForeignKeyField, IntegerField, TextField)


class CopyFailed(StorageError):
    """The copy stopped half way; the destination was left as it was."""


@dataclass(frozen=True)
class CopyReport:
    """What `copy_network` copied: rows per table name, and the contacts the search index holds."""

    source: Path | ServerAddress
    destination: Path | ServerAddress
    rows: dict[str, int]
    indexed: int

    def count(self, model) -> int:
        return self.rows.get(model._meta.table_name, 0)


def location_of(text: str | os.PathLike | ServerAddress) -> Path | ServerAddress:
    """A --from or --to value: a PostgreSQL address, or a file's path."""
    if isinstance(text, ServerAddress):
        return text
    if isinstance(text, str) and is_server_address(text):
        return ServerAddress(text)
    return Path(text).expanduser()


def copy_network(source, destination, progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy the whole network at `source` into the empty database at `destination` (each a
    file's path or a PostgreSQL address), ids and all; `progress(table, rows)` is told as
    each table is written. Leaves the destination bound to the models, closed.

    Raises DatabaseOpenError for a source or destination netui cannot use, ValidationError
    for a destination that holds anything (or is the source), CopyFailed when writing failed
    (nothing of the copy is left)."""
    source, destination = location_of(source), location_of(destination)
    if _same(source, destination):
        raise ValidationError("to", _("{path} is the database copied from; choose another one to copy to.",
                                      path=destination))
    reader = db.open_to_read(source)
    try:
        created = isinstance(destination, Path) and not destination.exists()
        with reader.atomic("DEFERRED"):  # one snapshot of every table, taking no write lock
            target = db.open_database(destination)
            try:
                rows, indexed = _write_everything(reader, destination, _engine_errors(source, destination), progress)
            except BaseException:
                target.close()
                if created:
                    _remove_file(destination)
                raise
            target.close()
    finally:
        reader.close()
    return CopyReport(source, destination, rows, indexed)


def _write_everything(reader, destination, errors, progress) -> tuple[dict[str, int], int]:
    written: dict[str, int] = {}
    try:
        with bulk.loading():
            bulk.lock_tables(TABLES)
            _refuse_non_empty(destination)
            with bulk.triggers_suspended(TABLES), bulk.indexes_rebuilt_after(TABLES):
                for model in TABLES:
                    written[model._meta.table_name] = _copy_table(reader, model)
                    if progress:
                        progress(model._meta.table_name, written[model._meta.table_name])
            # The planner's statistics first: the index is built by joins over the tables just
            # filled, which PostgreSQL would plan as if they were still empty (nested scans).
            statistics.analyze()
            indexed = search.rebuild_index()
    except NetuiError:
        raise
    except errors as error:
        raise CopyFailed(_("Copying into {path} failed ({error}), so nothing was copied.",
                           path=destination, error=_first_line(error))) from error
    return written, indexed


def _refuse_non_empty(destination) -> None:
    """ValidationError naming what the destination holds (its people first), if anything."""
    nouns = {
        models.Contact: lambda n: ngettext("{n} contact", "{n} contacts", n),
        models.Event: lambda n: ngettext("{n} event", "{n} events", n),
        models.Interaction: lambda n: ngettext("{n} interaction", "{n} interactions", n),
    }
    for model in (*nouns, *(model for model in TABLES if model not in nouns)):
        if not model.select().exists():
            continue
        count = model.select().count()
        if model in nouns:
            held = nouns[model](count)
        else:
            held = ngettext("{n} row in its table {table}", "{n} rows in its table {table}", count,
                            table=model._meta.table_name)
        raise ValidationError("to", _(
            "{path} already holds a network ({held}), so nothing was copied: copy into a new file "
            "or an empty database.", path=destination, held=held))


def _copy_table(reader, model) -> int:
    """Every row of `model`'s table from `reader` into the bound database; returns how many."""
    fields = model._meta.sorted_fields
    # A link to a row of the same table (a contact's introducer) may point forward: written
    # empty first, then set once every row is in.
    later = [index for index, field in enumerate(fields)
             if isinstance(field, ForeignKeyField) and field.rel_model is model]
    converters = [None if isinstance(field, _SAME_ON_BOTH) else field.python_value for field in fields]
    query = model.select(*fields).order_by(*fields[:1] if model._meta.primary_key else fields)
    count = 0
    links: dict[int, list[tuple]] = {index: [] for index in later}
    for batch in _batches(reader, query):
        rows = [tuple(value if convert is None or value is None else convert(value)
                      for convert, value in zip(converters, row)) for row in batch]
        for index in later:
            links[index] += [(row[index], row[0]) for row in rows if row[index] is not None]
            rows = [(*row[:index], None, *row[index + 1:]) for row in rows]
        bulk.insert_rows(model, fields, rows)
        count += len(rows)
    for index, pairs in links.items():
        bulk.update_column(model, fields[index], pairs)
    return count


def _batches(reader, query):
    """The rows of `query` read on `reader`, a batch at a time. A server sends them as they are
    fetched (a named cursor): a plain one would hold a million interactions in memory at once."""
    sql, parameters = reader.get_sql_context().sql(query).query()
    if isinstance(reader, postgres.NetuiPostgres):
        cursor = reader.connection().cursor(name="netui_copy")
    else:
        cursor = reader.cursor()
    try:
        cursor.execute(sql, parameters)
        while batch := cursor.fetchmany(READ_BATCH_ROWS):
            yield batch
    finally:
        cursor.close()


def _first_line(error: Exception) -> str:
    """An engine's message without the DETAIL and HINT lines PostgreSQL adds."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _engine_errors(*places) -> tuple[type[Exception], ...]:
    """What the engines raise (psycopg's only when a server is involved: it loads only then)."""
    on_server = any(isinstance(place, ServerAddress) for place in places)
    return sqlite.ENGINE_ERRORS + (postgres.engine_errors() if on_server else ())


def _same(source, destination) -> bool:
    if isinstance(source, Path) and isinstance(destination, Path):
        return source.resolve() == destination.resolve()
    return source == destination


def _remove_file(path: Path) -> None:
    """A file created for a copy that failed: gone again, with SQLite's side files."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        path.with_name(name).unlink(missing_ok=True)
