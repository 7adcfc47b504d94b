"""Writing many rows fast, for the demo network and imports (inside the caller's transaction),
and reading them out fast: `contact_csv_lines`, netui's contacts CSV built by SQLite for exports.

Peewee's insert_many builds a query node per value, which makes tens of thousands of rows
take seconds; here one prepared statement per batch writes the same values, each converted
by its model field (`db_value`), so what is stored is what Peewee would store.

A load of a whole network (the demo) also asks the backend to get out of its way, each a
context manager: `loading()` (one write transaction, a big page cache, no foreign-key checks
while it runs), `indexes_rebuilt_after(models)` (indexes built once after the rows, not row
by row) and `triggers_suspended(models)` (the caller writes what the triggers would compute).
What these do is SQLite's (PRAGMAs, sqlite_master, DDL inside the transaction) or, for a
team's network, PostgreSQL's (pg_indexes, ALTER TABLE ... DISABLE TRIGGER USER, identity
sequences moved past the ids written); on both a failure rolls the schema back with the rows.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from netui.errors import OwnerRoleNeeded
from netui.i18n import _
from netui.store.models import UTCDateTimeField, database, on_postgres

BATCH_ROWS = 5000
STREAM_BATCH_ROWS = 50_000
# SQLite's page cache during `loading()` (KiB): what a 1,000,000-interaction network's
# indexes need to be filled without spilling pages to the log again and again.
LOAD_CACHE_KIB = 512 * 1024
_PLAIN_FIELDS = (AutoField, CharField, ForeignKeyField, IntegerField, TextField)
_PLAIN_TYPES = {str, int, type(None)}


def owns_tables(tables: Sequence[str]) -> bool:
    """Whether this connection's role owns these tables of a team's server (and so may drop
    their indexes and suspend their triggers); a member's role may only read and write rows."""
    return database.execute_sql(
        "SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) FROM pg_class c "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%s)",
        (list(tables),)).fetchone()[0] is not False


def next_id(model) -> int:
    """The id the next row of `model` gets; rows written after it in the same write
    transaction can be given consecutive ids from here. (On PostgreSQL the table is locked
    against other writers until the transaction ends: a file's write lock does that there.)"""
    if on_postgres():
        database.execute_sql(f'LOCK TABLE "{model._meta.table_name}" IN EXCLUSIVE MODE')
    return (model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0) + 1


def lock_tables(models: Sequence) -> None:
    """Inside a write transaction: nobody else writes to these tables until it ends -- what
    `loading()`'s write lock does for a file; on PostgreSQL, LOCK TABLE (reads go on)."""
    if on_postgres():
        tables = ", ".join(f'"{m._meta.table_name}"' for m in models)
        database.execute_sql(f"LOCK TABLE {tables} IN EXCLUSIVE MODE")


def update_column(model, field, pairs: Sequence[tuple]) -> None:
    """Set `field` of the rows of `model` given as (value, id) pairs, the value as the field
    stores it (one prepared UPDATE for them all)."""
    table = model._meta.table_name
    mark = "%s" if on_postgres() else "?"  # the driver's placeholder
    statement = f'UPDATE "{table}" SET "{field.column_name}" = {mark} WHERE "id" = {mark}'
    database.cursor().executemany(statement, [(field.db_value(value), row_id) for value, row_id in pairs])


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
        if on_postgres():
            _copy_rows(cursor, model, fields, zip(*columns))
        else:
            cursor.executemany(statement, zip(*columns))
        if progress:
            progress(len(batch))
    _ids_written(model, fields)


def insert_stream(model, fields: Sequence, count: int, rows: Iterable[tuple],
                  progress: Callable[[int], None] | None = None) -> None:
    """INSERT `count` rows taken from the iterator `rows`, made as they are written (a million
    rows never sit in memory at once). Values go in as they are, except instants
    (UTCDateTimeField), given here as whole unix seconds: the database formats them as the
    field stores them, which is much faster than formatting them in Python."""
    rows = iter(rows)
    cursor = database.cursor()
    if on_postgres():
        instants = [index for index, f in enumerate(fields) if isinstance(f, UTCDateTimeField)]
        for start in range(0, count, STREAM_BATCH_ROWS):
            size = min(STREAM_BATCH_ROWS, count - start)
            _copy_rows(cursor, model, fields, (_utc_texts(row, instants) for row in itertools.islice(rows, size)))
            if progress:
                progress(size)
        _ids_written(model, fields)
        return
    instants = ["datetime(?, 'unixepoch')" if isinstance(f, UTCDateTimeField) else "?" for f in fields]
    statement = _insert_statement(model, fields, instants)
    for start in range(0, count, STREAM_BATCH_ROWS):
        size = min(STREAM_BATCH_ROWS, count - start)
        cursor.executemany(statement, itertools.islice(rows, size))
        if progress:
            progress(size)


def _utc_texts(row: tuple, instants: list[int]) -> tuple:
    """The row with its unix-second instants as UTCDateTimeField stores them."""
    if not instants:
        return row
    row = list(row)
    for index in instants:
        if row[index] is not None:
            row[index] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(row[index]))
    return tuple(row)


def _copy_rows(cursor, model, fields: Sequence, rows: Iterable[tuple]) -> None:
    """PostgreSQL's COPY: rows streamed to the server in one statement (an INSERT per row
    made a 100,000-person demo take minutes)."""
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    with cursor.copy(f'COPY "{model._meta.table_name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def _ids_written(model, fields: Sequence) -> None:
    """On PostgreSQL, ids written by hand (next_id) do not move the table's identity sequence:
    move it past them, or the next row written one at a time would take an id in use."""
    if on_postgres() and any(f.column_name == "id" for f in fields):
        table = model._meta.table_name
        database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                             f"(SELECT coalesce(max(id), 0) + 1 FROM \"{table}\"), false)")


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
    (SQLite changes foreign_keys only outside a transaction.) On PostgreSQL: one transaction."""
    if on_postgres():
        with database.atomic():
            yield
        return
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
    if on_postgres() and not owns_tables(tables):
        yield  # a member's role may not drop indexes: they are kept up row by row instead
        return
    if on_postgres():
        indexes = database.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
            "JOIN pg_index x ON x.indexrelid = c.oid WHERE i.schemaname = current_schema() "
            "AND i.tablename = ANY(%s) AND NOT x.indisprimary AND NOT x.indisunique ORDER BY i.indexname",
            (tables,)).fetchall()
        for name, _sql in indexes:
            database.execute_sql(f'DROP INDEX "{name}"')
        yield
        for _name, sql in indexes:
            database.execute_sql(sql)
        return
    marks = ", ".join("?" * len(tables))
    indexes = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY rowid", tables).fetchall()
    for name, _sql in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        database.execute_sql(sql)


@contextmanager
def triggers_suspended(models: Sequence, or_fired: bool = False):
    """Inside a write transaction: the triggers on these tables do not fire while the block
    inserts rows -- the caller writes what they would have computed (fired for each of a
    million rows, one costs more than the rest of the write). They are created again
    afterwards from their own stored SQL; a failure rolls them back into place.

    On a team's server only the role owning the tables may suspend their triggers. For any
    other (a member's), `or_fired` says the block's rows may fire them instead -- slower, and
    right only where a trigger computes the same values again (last contacted: the latest of
    the moments); without it, the write is refused with a sentence saying whose role it needs."""
    tables = [m._meta.table_name for m in models]
    if on_postgres() and not owns_tables(tables):
        if not or_fired:
            raise OwnerRoleNeeded(_(
                "{path}: this needs the role that owns netui's tables there (the team's owner, "
                "e.g. netui_owner in the README), so nothing was changed: connect as that role.",
                path=database.path))
        yield
        return
    if on_postgres():
        for table in tables:
            database.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
        yield
        for table in tables:
            database.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
        return
    marks = ", ".join("?" * len(tables))
    triggers = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) "
        f"ORDER BY rowid", tables).fetchall()
    for name, _sql in triggers:
        database.execute_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        database.execute_sql(sql)


# --- reading a whole table out: netui's contacts CSV, built by SQLite -------------------------

# The rules of netui's CSV (netui.exchange.formats.netui_csv, which documents them), as SQL: an
# export writes a hundred thousand rows, and building each cell in Python took most of its time.
# Each test is the cheapest SQLite evaluates per value (measured at 100k contacts: unicode() and
# instr() cost less than the GLOB patterns they replaced, which try a class at every character).
_FORMULA_STARTS = "=+-@\t\r\n'"  # a cell starting with one of these gets an apostrophe
_FORMULA_CODES = ", ".join(str(ord(char)) for char in _FORMULA_STARTS)  # as unicode() gives them
_QUOTED_CHARS = (",", '"', "\r", "\n")  # a cell holding one of these is put in double quotes
_ESCAPED_CHARS = ("\\", "|", "=")  # a value inside a multi-value cell gets a backslash before these
_CELLS_JOINED = " || ',' || "


def _literal(text: str) -> str:
    """`text` as an SQL string literal (line breaks and backslashes stay as they are)."""
    return "'" + text.replace("'", "''") + "'"


def _holds_any(value: str, chars: Sequence[str]) -> str:
    return "(" + " OR ".join(f"instr({value}, {_literal(char)})" for char in chars) + ")"


def _escaped(value: str) -> str:
    """A value or label inside a multi-value cell: \\ | = get a backslash (only when present)."""
    replaced = f"replace(replace(replace({value}, '\\', '\\\\'), '|', '\\|'), '=', '\\=')"
    return f"CASE WHEN {_holds_any(value, _ESCAPED_CHARS)} THEN {replaced} ELSE {value} END"


def _cell(value: str) -> str:
    """The cell as the csv module writes it after neutralising: `value` (a column or an
    aggregate: it is named several times) with an apostrophe in front when it starts like a
    formula, then in double quotes (inner ones doubled) when it needs them."""
    doubled = f"replace({value}, '\"', '\"\"')"
    needs_quotes = _holds_any(value, _QUOTED_CHARS)
    return (f"CASE WHEN unicode({value}) IN ({_FORMULA_CODES}) THEN CASE WHEN {needs_quotes} "
            f"THEN '\"''' || {doubled} || '\"' ELSE '''' || {value} END "
            f"WHEN {needs_quotes} THEN '\"' || {doubled} || '\"' ELSE {value} END")


def _optional_cell(value: str) -> str:
    return f"CASE WHEN {value} IS NULL THEN '' ELSE {_cell(value)} END"


def _labelled() -> str:
    """`label=value` of a channel or fact row, or the value alone when it has no label."""
    return (f"CASE WHEN label = '' THEN {_escaped('value')} ELSE {_escaped('label')} || '=' || "
            f"{_escaped('value')} END")


def _channel_cells(kinds: Sequence[str], separator: str) -> str:
    """A contact's channel cells, comma-separated: one per kind in `kinds`, then every other
    kind as `kind=value` or `kind:label=value`; unlabelled first, then by kind and id."""
    own = ", ".join(f"'{kind}'" for kind in kinds)
    other = (f"CASE WHEN label <> '' THEN kind || ':' || {_escaped('label')} ELSE kind END || '=' || "
             f"{_escaped('value')}")
    cells = [f"group_concat(CASE kind WHEN '{kind}' THEN item END, '{separator}')" for kind in kinds]
    cells.append(f"group_concat(other, '{separator}')")
    joined = _CELLS_JOINED.join(_optional_cell(cell) for cell in cells)
    return (f"(SELECT {joined} FROM (SELECT kind, CASE WHEN kind IN ({own}) THEN {_labelled()} END AS item, "
            f"CASE WHEN kind NOT IN ({own}) THEN {other} END AS other FROM channel "
            f"WHERE contact_id = c.id ORDER BY label <> '', kind, id))")


def _list_cells(separator: str, default_remind: int) -> tuple[str, str, str]:
    """A contact's tags (by name), important dates (by month, day, year, label) and facts (in
    the order written), each one cell."""
    between = f"'{separator}'"
    tag_cell = _optional_cell(f"group_concat({_escaped('name')}, {between})")
    tags = (f"(SELECT {tag_cell} FROM "
            "(SELECT tag.name FROM contact_tag JOIN tag ON tag.id = contact_tag.tag_id "
            "WHERE contact_tag.contact_id = c.id ORDER BY tag.name))")
    date = (f"{_escaped('label')} || '=' || CASE WHEN year THEN printf('%04d', year) ELSE '-' END || "
            f"printf('-%02d-%02d', month, day) || CASE WHEN remind_days_before <> {int(default_remind)} "
            "THEN ' remind ' || remind_days_before ELSE '' END")
    date_cell = _optional_cell(f"group_concat({date}, {between})")
    dates = (f"(SELECT {date_cell} FROM (SELECT label, month, day, year, remind_days_before FROM important_date "
             "WHERE contact_id = c.id ORDER BY month, day, coalesce(year, 0), label, remind_days_before))")
    fact_cell = _optional_cell(f"group_concat({_labelled()}, {between})")
    facts = (f"(SELECT {fact_cell} FROM "
             "(SELECT label, value FROM fact WHERE contact_id = c.id ORDER BY id))")
    return tags, dates, facts


def contact_csv_lines(ids: Sequence[int] | None, kinds: Sequence[str], separator: str,
                      default_remind: int, line_end: str) -> bytes | None:
    """The lines of netui's contacts CSV after its header, UTF-8, one per living contact (those
    of `ids` when given), by sort name then id, each ended by `line_end`: every cell escaped,
    neutralised and quoted as netui_csv writes it, `introduced_by` empty unless the introducer
    is exported too -- one statement, SQLite doing all the per-row work and handing over one
    value (not a row per contact for Python to finish and join). `kinds` are
    the channel kinds with a column of their own (in column order), `separator` joins the
    values of a cell, `default_remind` is the reminder an important date writes no ` remind N`
    for. Ordering the values of a cell, and the lines, relies on group_concat taking the rows
    of its ordered subquery in order (what SQLite does; the tests compare every byte with the
    row-by-row writer).

    None on PostgreSQL: this SQL is SQLite's (group_concat's order, printf, typeof, unicode),
    and a team's export is written row by row (netui.exchange.exporting), the writer these
    bytes are tested against."""
    if on_postgres():
        return None
    tags, dates, facts = _list_cells(separator, default_remind)
    cadence = ("CASE WHEN c.cadence_off THEN 'none' WHEN c.cadence_days IS NULL THEN '' WHEN "
               "typeof(c.cadence_days) = 'integer' AND c.cadence_days >= 0 THEN c.cadence_days "
               f"ELSE {_cell('c.cadence_days')} END")
    chosen = "" if ids is None else " AND id IN (SELECT value FROM json_each(?1))"
    # The introducer's id only when they are in the file too (the file names people by its ids):
    # the set of exported ids is built once, not looked up per row.
    introducer = (f"CASE WHEN c.introduced_by_id IN (SELECT id FROM contact WHERE trashed_at IS NULL{chosen}) "
                  "THEN c.introduced_by_id ELSE '' END")
    cells = [*(_cell(f"c.{name}") for name in ("first_name", "last_name", "company", "role", "city", "country",
                                                 "circle")),
             tags, _channel_cells(kinds, separator), _cell("c.how_met"), cadence,
             "CASE WHEN c.starred THEN 'yes' ELSE 'no' END", dates, facts, _cell("c.notes"), "c.id", introducer,
             _optional_cell("c.cadence_snoozed_until"),
             "substr(c.created_at, 1, 10) || 'T' || substr(c.created_at, 12, 8) || 'Z'"]
    # One printf per line: a chain of || copies the growing line at every step.
    line = f"printf({_literal(','.join(['%s'] * len(cells)) + line_end.replace('%', '%%'))}, {', '.join(cells)})"
    # CAST: the text's own bytes (netui's databases are UTF-8), with no decoding into a str.
    sql = (f"SELECT CAST(group_concat(line, '') AS BLOB) FROM (SELECT {line} AS line FROM contact c "
           f"WHERE c.trashed_at IS NULL{chosen.replace(' id ', ' c.id ')} ORDER BY +c.sort_name, c.id)")
    parameters = () if ids is None else (json.dumps(list(ids)),)
    return database.execute_sql(sql, parameters).fetchone()[0] or b""
