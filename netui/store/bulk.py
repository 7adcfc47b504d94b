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
import sqlite3
import threading
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
    mark = database.param  # the driver's placeholder
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

# The rules of netui's CSV (netui.exchange.formats.netui_csv, which documents them), partly as
# SQL: an export writes a hundred thousand rows, and building each cell in Python took most of
# its time. SQLite joins each person's values into a cell (escaped) and the cells into a line
# (neutralised), with two control characters between them instead of commas and line ends;
# Python finds the commas, quotes and line breaks by searching the whole text, quotes only the
# cells around them, and puts the commas and line ends in with bytes operations over the whole
# file. Testing every cell for quotes in SQL took four instr() calls a cell, each comparing at
# every byte of the text.
_FORMULA_STARTS = "=+-@\t\r\n'"  # a cell starting with one of these gets an apostrophe
_FORMULA_CODES = ", ".join(str(ord(char)) for char in _FORMULA_STARTS)  # as unicode() gives them
_ESCAPED_CHARS = ("\\", "|", "=")  # a value inside a multi-value cell gets a backslash before these
_CELL_MARK, _LINE_MARK = "\x1f", "\x1e"  # unit and record separators: between cells, between lines
# Each person's values of a table, one row per person (temp.netui_export_<name>, keyed by their
# id), made by one statement over the whole table and looked up by the lines' statement.
_CELL_TABLES = {"own_channels": ("emails", "phones", "linkedin", "websites"), "other_channels": ("cell",),
                "tags": ("cell",), "dates": ("cell",), "facts": ("cell",)}


def _literal(text: str) -> str:
    """`text` as an SQL string literal (line breaks and backslashes stay as they are)."""
    return "'" + text.replace("'", "''") + "'"


def _escaped(value: str) -> str:
    """A value or label inside a multi-value cell: \\ | = get a backslash (only when present)."""
    holds = " OR ".join(f"instr({value}, {_literal(char)})" for char in _ESCAPED_CHARS)
    replaced = f"replace(replace(replace({value}, '\\', '\\\\'), '|', '\\|'), '=', '\\=')"
    return f"CASE WHEN {holds} THEN {replaced} ELSE {value} END"


def _neutralised(value: str) -> str:
    """The cell with an apostrophe in front when it starts like a formula; NULL stays NULL (an
    empty cell). Every such start sorts before 'A', so most cells pass with one comparison (a
    number sorts before any text, and unicode() reads its text)."""
    return (f"CASE WHEN {value} < 'A' AND unicode({value}) IN ({_FORMULA_CODES}) THEN '''' || {value} "
            f"ELSE {value} END")


def _cell_statements(kinds: Sequence[str], separator: str, default_remind: int, within: str) -> list[str]:
    """The statements filling the temp.netui_export_<name> tables: each person's values of a
    table joined into one cell, in netui_csv's order within the cell. Each reads its table once,
    in the order of its contact_id index (named: another index would give another order): the
    facts and the four channel columns need no sort (within a person the index gives the rows by
    id, and FILTERs put unlabelled channels before labelled ones; every channel is read, the
    FILTERs testing its kind: a WHERE on the kind too cost 14 VM instructions a person, and one
    with only other channels just gets a row of empty cells); tags, dates and the rare other
    channels are sorted first. The order within a cell relies on group_concat taking the rows in
    the order they come, and on SQLite's sort for GROUP BY keeping the order of equal keys (what
    SQLite does; the tests compare every byte with the row-by-row writer)."""
    between = _literal(separator)
    labelled = f"{_escaped('label')} || '=' || {_escaped('value')}"
    columns = []
    for kind in kinds:
        bare = f"group_concat({_escaped('value')}, {between}) FILTER (WHERE kind = {_literal(kind)} AND label = '')"
        named = f"group_concat({labelled}, {between}) FILTER (WHERE kind = {_literal(kind)} AND label <> '')"
        columns.append(f"CASE WHEN {bare} IS NULL THEN {named} WHEN {named} IS NULL THEN {bare} "
                       f"ELSE {bare} || {between} || {named} END")
    own = ", ".join(_literal(kind) for kind in kinds)
    other = (f"CASE WHEN label <> '' THEN kind || ':' || {_escaped('label')} ELSE kind END || '=' || "
             f"{_escaped('value')}")
    only = f" AND contact_id {within}" if within else ""
    date = (f"{_escaped('label')} || '=' || CASE WHEN year THEN printf('%04d', year) ELSE '-' END || "
            f"printf('-%02d-%02d', month, day) || CASE WHEN remind_days_before <> {int(default_remind)} "
            "THEN ' remind ' || remind_days_before ELSE '' END")
    fact = f"CASE WHEN label = '' THEN {_escaped('value')} ELSE {labelled} END"
    return [
        f"INSERT INTO temp.netui_export_own_channels SELECT contact_id, {', '.join(columns)} "
        f"FROM channel INDEXED BY channel_contact_id WHERE 1{only} GROUP BY contact_id",
        f"INSERT INTO temp.netui_export_other_channels SELECT contact_id, group_concat(item, {between}) FROM "
        f"(SELECT contact_id, {other} AS item FROM channel WHERE kind NOT IN ({own}){only} "
        "ORDER BY contact_id, label <> '', kind, id) GROUP BY contact_id",
        f"INSERT INTO temp.netui_export_tags SELECT contact_id, group_concat({_escaped('name')}, {between}) FROM "
        "(SELECT contact_tag.contact_id, tag.name FROM contact_tag JOIN tag ON tag.id = contact_tag.tag_id "
        f"WHERE 1{only.replace('contact_id', 'contact_tag.contact_id')} "
        "ORDER BY contact_tag.contact_id, tag.name) GROUP BY contact_id",
        f"INSERT INTO temp.netui_export_dates SELECT contact_id, group_concat({date}, {between}) FROM "
        f"(SELECT contact_id, label, month, day, year, remind_days_before FROM important_date WHERE 1{only} "
        "ORDER BY contact_id, month, day, coalesce(year, 0), label, remind_days_before) GROUP BY contact_id",
        f"INSERT INTO temp.netui_export_facts SELECT contact_id, group_concat({fact}, {between}) "
        f"FROM fact INDEXED BY fact_contact_id WHERE 1{only} GROUP BY contact_id",
    ]


def _lines_statement(within: str, exported: str, keyed: bool = False) -> str:
    """Every line of the contacts whose id is `within` (SQL after `id`: every living one when
    empty), by sort name then id, its cells between unit separators, the lines between record
    separators (netui_csv's columns, each cell neutralised, none quoted), as one UTF-8 value --
    the text's own bytes (netui's databases are UTF-8), not decoded into a str -- and the number
    of lines; `keyed`: then their sort names too, the same way (to merge two halves by).
    `exported` (SQL after `id`, every living contact when empty): the contacts in the file, whom
    an introducer must be among."""
    cell = _neutralised
    only = f" AND c.id {within}" if within else ""
    # The introducer's id only when they are in the file too (the file names people by its ids):
    # the set of exported ids is built once, not looked up per row.
    among = f" AND id {exported}" if exported else ""
    introducer = (f"CASE WHEN c.introduced_by_id IN (SELECT id FROM contact WHERE trashed_at IS NULL{among}) "
                  "THEN c.introduced_by_id END")
    cells = [*(cell(f"c.{name}") for name in ("first_name", "last_name", "company", "role", "city", "country",
                                               "circle")),
             cell("tags.cell"), *(cell(f"own.{name}") for name in _CELL_TABLES["own_channels"]),
             cell("other.cell"), cell("c.how_met"), f"CASE WHEN c.cadence_off THEN 'none' ELSE {cell('c.cadence_days')} END",
             "CASE WHEN c.starred THEN 'yes' ELSE 'no' END", cell("dates.cell"), cell("facts.cell"), cell("c.notes"),
             "c.id", introducer, cell("c.cadence_snoozed_until"),
             "substr(c.created_at, 1, 10) || 'T' || substr(c.created_at, 12, 8) || 'Z'"]
    joins = " ".join(f"LEFT JOIN temp.netui_export_{name} {name.split('_')[0]} ON {name.split('_')[0]}.id = c.id"
                     for name in _CELL_TABLES)
    # One printf per line (%s writes NULL as nothing): a chain of || copies the growing line at every step.
    line = f"printf({_literal(_CELL_MARK.join(['%s'] * len(cells)))}, {', '.join(cells)})"
    mark = _literal(_LINE_MARK)
    keys = (f", CAST(group_concat(sort_name, {mark}) AS BLOB)", ", c.sort_name") if keyed else ("", "")
    return (f"SELECT CAST(group_concat(line, {mark}) AS BLOB), count(*){keys[0]} FROM "
            f"(SELECT {line} AS line{keys[1]} FROM contact c NOT INDEXED {joins} WHERE c.trashed_at IS NULL"
            f"{only} ORDER BY +c.sort_name, c.id)")


# The values the lines write as text; SQL's printf ends a value at a NUL character (char(0)),
# where the csv module writes it whole: a contact holding one is written row by row.
_TEXT_COLUMNS = {"contact": ("first_name", "last_name", "company", "role", "city", "country", "circle", "how_met",
                             "notes", "cadence_snoozed_until"),
                 "channel": ("kind", "value", "label"), "fact": ("label", "value"), "important_date": ("label",)}


def _nul_statement(within: str) -> str:
    """Whether a value of the contacts whose id is `within` (every one when empty) holds a NUL
    character: one scan of each table, one instr() a value (0.2 s of CPU at 100,000 contacts).
    A tag is looked at once, however many people have it."""
    def only(column: str) -> str:
        return f" AND {column} {within}" if within else ""

    def holds(columns: Sequence[str]) -> str:
        return "(" + " OR ".join(f"instr({column}, char(0))" for column in columns) + ")"

    tables = [f"EXISTS (SELECT 1 FROM {table} WHERE {holds(columns)}"
              f"{only('id' if table == 'contact' else 'contact_id')})" for table, columns in _TEXT_COLUMNS.items()]
    tables.append(f"EXISTS (SELECT 1 FROM tag WHERE instr(name, char(0)) AND id IN "
                  f"(SELECT tag_id FROM contact_tag WHERE 1{only('contact_id')}))")
    return "SELECT " + " OR ".join(tables)


def _quoted_lines(lines: bytes, count: int, columns: int, line_end: str) -> bytes | None:
    """The lines with their commas and line ends, a cell holding a comma, a double quote or a
    line break put in double quotes (one inside doubled), as the csv module's QUOTE_MINIMAL
    writes it (netui_csv) -- a cell of the lines has no other reason to be quoted (a line has
    several cells, so none is a lone empty one). Python looks only at those cells, found by
    searching the whole text for each such character (a few tens of thousands in 100,000
    lines), not at each line. None when a value itself holds a separator (the lines and cells
    cannot be told apart then)."""
    line_mark, cell_mark = _LINE_MARK.encode(), _CELL_MARK.encode()
    if not count:
        return b""
    if lines.count(line_mark) != count - 1 or lines.count(cell_mark) != count * (columns - 1):
        return None
    find, rfind = lines.find, lines.rfind
    quoted = []
    # What the csv module quotes for (its line end's characters too): bytes no UTF-8
    # sequence of another character holds.
    for char in {b",", b'"', b"\r", b"\n", *(c.encode() for c in line_end)}:
        at = find(char)
        while at >= 0:
            quoted.append(at)
            at = find(char, at + 1)
    quoted.sort()
    parts, written, end = [], 0, -1
    for at in quoted:
        if at < end:  # in the cell just quoted
            continue
        start = max(rfind(cell_mark, 0, at), rfind(line_mark, 0, at)) + 1
        ends = [found for found in (find(cell_mark, at), find(line_mark, at)) if found >= 0]
        end = min(ends) if ends else len(lines)
        parts += (lines[written:start], b'"', lines[start:end].replace(b'"', b'""'), b'"')
        written = end
    parts.append(lines[written:])
    end_bytes = line_end.encode()
    return b"".join(parts).replace(cell_mark, b",").replace(line_mark, end_bytes) + end_bytes


def contact_csv_lines(ids: Sequence[int] | None, kinds: Sequence[str], separator: str,
                      default_remind: int, line_end: str, columns: int,
                      twin: sqlite3.Connection | None = None) -> bytes | None:
    """The lines of netui's contacts CSV after its header (`columns` cells each), UTF-8, one per
    living contact (those of `ids` when given), by sort name then id, each ended by `line_end`:
    every cell escaped, neutralised and quoted as netui_csv writes it, `introduced_by` empty
    unless the introducer is exported too. `kinds` are the channel kinds with a column of their
    own (in column order), `separator` joins the values of a cell, `default_remind` is the
    reminder an important date writes no ` remind N` for.

    The same statements whatever the number of contacts: one per table of values
    (`_cell_statements`), then one for the lines (`_lines_statement`), which SQLite hands over
    as one value, not a row per contact for Python to finish and join.

    `twin`: a second connection reading the snapshot this thread's connection reads
    (`read_snapshot`). Everyone's lines, from SPLIT_FROM living contacts on, are then built in
    two halves by id at once, one on each connection and thread (SQLite's work is most of an
    export's, and Python's sqlite3 lets go of the interpreter while SQLite works), each half's
    lines by name, merged by name in Python (`_merged`).

    None on PostgreSQL (this SQL is SQLite's: group_concat's order, FILTER, printf, unicode),
    when a value holds a unit or record separator (control characters no one types) and when
    one holds a NUL character (SQL's printf would end it there): then the export is written
    row by row (netui.exchange.exporting), the writer these bytes are tested against."""
    if on_postgres():
        return None
    with database.atomic("DEFERRED"):  # one snapshot (a savepoint inside the caller's transaction)
        middle = _middle_id() if ids is None and twin is not None else None
        if middle is not None:
            built = _in_two_halves(twin, middle, kinds, separator, default_remind)
        elif ids is None:
            built = _built(database.execute_sql, "", "", (), kinds, separator, default_remind)
        else:
            within = "IN (SELECT value FROM json_each(?1))"
            built = _built(database.execute_sql, within, within, (json.dumps(list(ids)),), kinds, separator,
                           default_remind)
    if built is None:
        return None
    return _quoted_lines(built[0] or b"", built[1], columns, line_end)


# From how many living contacts a whole export is built in two halves on two connections: below,
# opening the second connection and a thread costs about what the halving saves.
SPLIT_FROM = 2000
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


def _middle_id() -> int | None:
    """The id splitting the living contacts in two halves (the lower one below it); None
    when there are fewer than SPLIT_FROM."""
    count = database.execute_sql("SELECT count(*) FROM contact WHERE trashed_at IS NULL").fetchone()[0]
    if count < max(SPLIT_FROM, 2):
        return None
    return database.execute_sql("SELECT id FROM contact WHERE trashed_at IS NULL ORDER BY id LIMIT 1 OFFSET ?",
                                (count // 2,)).fetchone()[0]


def _built(execute: Callable, within: str, exported: str, parameters: tuple, kinds: Sequence[str],
           separator: str, default_remind: int, keyed: bool = False) -> tuple | None:
    """On one connection (`execute` runs a statement on it): the lines of the contacts whose id
    is `within` (`_lines_statement`'s row), through temporary tables of each person's values
    dropped afterwards; None when a value holds a NUL character."""
    if execute(_nul_statement(within), parameters).fetchone()[0]:
        return None
    try:
        for name, cells in _CELL_TABLES.items():
            execute(f"CREATE TEMP TABLE netui_export_{name} (id INTEGER PRIMARY KEY, "
                    f"{', '.join(f'{cell} TEXT' for cell in cells)})")
        for statement in _cell_statements(kinds, separator, default_remind, within):
            execute(statement, parameters)
        return execute(_lines_statement(within, exported, keyed), parameters).fetchone()
    finally:
        for name in _CELL_TABLES:
            execute(f"DROP TABLE IF EXISTS temp.netui_export_{name}")


def _in_two_halves(twin: sqlite3.Connection, middle: int, kinds: Sequence[str], separator: str,
                   default_remind: int) -> tuple | None:
    """Everyone's lines and their number, the contacts below `middle` built on this thread's
    connection while `twin` builds the others on a thread of its own; None when a value holds a
    NUL character."""
    within = "BETWEEN ?1 AND ?2"
    halves: list = [None, None]
    failed: list[BaseException] = []

    def upper() -> None:
        try:
            halves[1] = _built(twin.execute, within, "", (middle, _HIGHEST), kinds, separator, default_remind, True)
        except BaseException as error:  # raised again on the caller's thread
            failed.append(error)

    helper = threading.Thread(target=upper, name="netui-export-half", daemon=True)
    helper.start()
    try:
        halves[0] = _built(database.execute_sql, within, "", (_LOWEST, middle - 1), kinds, separator,
                           default_remind, True)
    except BaseException:
        twin.interrupt()  # the other half is not wanted any more
        raise
    finally:
        helper.join()
    if failed:
        raise failed[0]
    if halves[0] is None or halves[1] is None:
        return None
    return _merged(*halves)


def _merged(lower: tuple, upper: tuple) -> tuple | None:
    """Two halves' lines (each by sort name then id, every id of `lower` below those of
    `upper`) as one text by sort name then id, and their number: Python's sort is stable, so
    equal names keep `lower`'s first, each half's in id order. It compares the sort names'
    UTF-8 bytes as SQLite's BINARY collation does. None when a value holds a record separator
    (the lines cannot be told apart then)."""
    mark = _LINE_MARK.encode()
    if not lower[1] or not upper[1]:
        return upper[:2] if lower[1] == 0 else lower[:2]
    lines = lower[0].split(mark) + upper[0].split(mark)
    keys = lower[2].split(mark) + upper[2].split(mark)
    count = lower[1] + upper[1]
    if len(lines) != count or len(keys) != count:
        return None
    order = sorted(range(count), key=keys.__getitem__)
    return mark.join(map(lines.__getitem__, order)), count


# How long the second connection waits to take the write lock (`read_snapshot`) before the
# export does without it: a writer in the middle of its transaction holds it.
_TWIN_WAIT_SECONDS = 0.5


@contextmanager
def read_snapshot(twin: bool = False):
    """One read transaction on this thread's connection (DEFERRED: it takes no write lock and
    holds up no writer; a savepoint inside the caller's transaction), and, when `twin`, a second
    connection to the same file reading the very same snapshot, yielded (None when none can be
    promised: on PostgreSQL, for a database in memory or read-only, inside a transaction already
    open here, whose reads or writes another connection may not see, or while a writer holds
    the write lock past _TWIN_WAIT_SECONDS).

    The same snapshot: a third connection takes the write lock (BEGIN IMMEDIATE), both readers
    begin their read transactions (a first read each), then the lock is let go -- no writer
    can commit in between, and neither reader sees what one commits afterwards."""
    pair = _twin_reader() if twin else None
    try:
        with database.atomic("DEFERRED"):
            yield None if pair is None else _same_snapshot(*pair)
    finally:
        for connection in pair or ():
            connection.close()  # the lock's: already let go (closing would roll it back)


def _twin_reader() -> tuple[sqlite3.Connection, sqlite3.Connection] | None:
    """A second connection to this thread's database file, and a third taking the write lock
    (BEGIN IMMEDIATE), which it holds; None when the export must do without."""
    if on_postgres() or getattr(database.obj, "read_only", True) or database.in_transaction():
        return None
    connection = database.connection()
    if connection.in_transaction:
        return None
    path = next((row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not path:  # in memory
        return None
    twin = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    lock = sqlite3.connect(path, isolation_level=None, timeout=_TWIN_WAIT_SECONDS)
    try:
        lock.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        lock.close()
        twin.close()
        return None
    return twin, lock


def _same_snapshot(twin: sqlite3.Connection, lock: sqlite3.Connection) -> sqlite3.Connection:
    """Both readers' read transactions begun while `lock` holds the write lock, then let go."""
    try:
        database.execute_sql("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        twin.execute("BEGIN")
        twin.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    finally:
        lock.execute("ROLLBACK")
    return twin
