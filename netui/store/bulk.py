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
import select
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager

from peewee import AutoField, BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from netui.errors import OwnerRoleNeeded
from netui.i18n import _
from netui.store import export_half, totals
from netui.store.models import UTCDateTimeField, database, on_postgres

BATCH_ROWS = 5000
STREAM_BATCH_ROWS = 50_000
# SQLite's page cache during `loading()` (KiB): what a 1,000,000-interaction network's
# indexes need to be filled without spilling pages to the log again and again.
LOAD_CACHE_KIB = 512 * 1024
_PLAIN_FIELDS = (AutoField, CharField, ForeignKeyField, IntegerField, TextField)
_PLAIN_TYPES = {str, int, type(None)}
# Other fields and the values their db_value hands back as they are: an instant given as the
# text it is stored as (an import converts each connection day once), a flag given as a bool.
_STORED_AS_GIVEN = ((UTCDateTimeField, {str, type(None)}), (BooleanField, {bool, type(None)}))


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
    # is most of the time a big import takes), and so are instants given as stored text and flags
    # as bools (_STORED_AS_GIVEN); a column holding anything else -- pendulum instants, dates --
    # goes through its field's db_value.
    as_given = [_PLAIN_TYPES if isinstance(f, _PLAIN_FIELDS)
                else next((types for kind, types in _STORED_AS_GIVEN if isinstance(f, kind)), set()) for f in fields]
    cursor = database.cursor()
    for start in range(0, len(rows), BATCH_ROWS):
        batch = rows[start : start + BATCH_ROWS]
        columns = list(zip(*batch))
        for index, (field, column) in enumerate(zip(fields, columns)):
            if set(map(type, column)) <= as_given[index]:
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
    with _sqlite_objects_dropped("index", tables):
        yield


@contextmanager
def _sqlite_objects_dropped(kind: str, tables: Sequence[str]):
    """SQLite's indexes or triggers (`kind`) on these tables dropped inside, and made again
    afterwards from their own stored SQL (an index SQLite makes itself has none: kept)."""
    marks = ", ".join("?" * len(tables))
    made = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY rowid", (kind, *tables)).fetchall()
    for name, _sql in made:
        database.execute_sql(f'DROP {kind.upper()} "{name}"')
    yield
    for _name, sql in made:
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
    the moments); without it, the write is refused with a sentence saying whose role it needs.
    When contact's or event_attendee's triggers come back, the numbers they keep
    (netui.store.totals: living contacts, each event's attendees) are counted again."""
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
    else:
        with _sqlite_objects_dropped("trigger", tables):
            yield
    if "contact" in tables:  # the numbers those triggers keep (netui.store.totals)
        totals.recount_living_contacts()
    if "event_attendee" in tables:
        totals.recount_event_attendees()


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
# Unit and record separators: between cells, between lines.
_CELL_MARK, _LINE_MARK = export_half.CELL_MARK.decode(), export_half.LINE_MARK.decode()
# SQL's printf ends a value at a NUL character (the csv module writes it whole): a value holding
# one is written as two record separators instead, which sends the export to the row-by-row
# writer (`_quoted_lines` counts the separators) -- no scan of its own, one instr() a value.
_NUL_MARK = "char(30, 30)"
# Each person's values of a table, one row per person (temp.netui_export_<name>, keyed by their
# id), made by one statement over the whole table and looked up by the lines' statement.
_CELL_TABLES = {"own_channels": ("emails", "phones", "linkedin", "websites"), "other_channels": ("cell",),
                "tags": ("cell",), "dates": ("cell",), "facts": ("cell",)}


def _literal(text: str) -> str:
    """`text` as an SQL string literal (line breaks and backslashes stay as they are)."""
    return "'" + text.replace("'", "''") + "'"


def _escaped(value: str) -> str:
    """A value or label inside a multi-value cell: \\ | = get a backslash (only when present); one
    holding a NUL character becomes _NUL_MARK (replace() cannot look for a NUL)."""
    holds = " OR ".join(f"instr({value}, {_literal(char)})" for char in _ESCAPED_CHARS)
    replaced = f"replace(replace(replace({value}, '\\', '\\\\'), '|', '\\|'), '=', '\\=')"
    return f"CASE WHEN instr({value}, char(0)) THEN {_NUL_MARK} WHEN {holds} THEN {replaced} ELSE {value} END"


def _whole(value: str) -> str:
    """A value written as it is in a cell, or _NUL_MARK when it holds a NUL character."""
    return f"CASE WHEN instr({value}, char(0)) THEN {_NUL_MARK} ELSE {value} END"


def _neutralised(value: str) -> str:
    """The cell with an apostrophe in front when it starts like a formula; NULL stays NULL (an
    empty cell). Every such start sorts before 'A', so most cells pass with one comparison (a
    number sorts before any text, and unicode() reads its text)."""
    return (f"CASE WHEN {value} < 'A' AND unicode({value}) IN ({_FORMULA_CODES}) THEN '''' || {value} "
            f"ELSE {value} END")


def _cell_statements(kinds: Sequence[str], separator: str, default_remind: int, within: str) -> list[str]:
    """The statements filling the temp.netui_export_<name> tables: each person's values of a
    table joined into one cell, in netui_csv's order within the cell, for the people whose id is
    `within` (a condition, e.g. "BETWEEN ?1 AND ?2"; everyone's when empty). Each reads its table once,
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
    other = (f"CASE WHEN label <> '' THEN {_whole('kind')} || ':' || {_escaped('label')} ELSE {_whole('kind')} END "
             f"|| '=' || {_escaped('value')}")
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
    """The lines of the people whose id is `within` (a condition; everyone's when empty), by
    sort name then id, their cells between unit separators, the lines between record
    separators (netui_csv's columns, each cell neutralised, none quoted), as one UTF-8 value --
    the text's own bytes (netui's databases are UTF-8), not decoded into a str -- the number
    of lines; when `keyed`, by id instead, and their sort names the same way (NULL otherwise). `exported`: the
    condition on the ids of everyone in the file (an introducer is written only when among
    them), which a half of the file does not hold alone."""
    cell = _neutralised

    def text(name: str) -> str:  # a column of the contact's own
        return f"CASE WHEN instr(c.{name}, char(0)) THEN {_NUL_MARK} ELSE {cell(f'c.{name}')} END"

    among = f" AND i.id {exported}" if exported else ""
    # The introducer's id only when they are in the file too (the file names people by its ids):
    # looked up by id for those who have one (one in eight in the demo network), which costs
    # less than building the set of every exported id first (30 ms a half at 100,000).
    introducer = (f"CASE WHEN c.introduced_by_id IS NOT NULL AND EXISTS (SELECT 1 FROM contact i WHERE "
                  f"i.id = c.introduced_by_id AND i.trashed_at IS NULL{among}) THEN c.introduced_by_id END")
    cells = [*map(text, ("first_name", "last_name", "company", "role", "city", "country", "circle")),
             cell("tags.cell"), *(cell(f"own.{name}") for name in _CELL_TABLES["own_channels"]),
             cell("other.cell"), text("how_met"), f"CASE WHEN c.cadence_off THEN 'none' ELSE {cell('c.cadence_days')} END",
             "CASE WHEN c.starred THEN 'yes' ELSE 'no' END", cell("dates.cell"), cell("facts.cell"), text("notes"),
             "c.id", introducer, text("cadence_snoozed_until"),
             "substr(c.created_at, 1, 10) || 'T' || substr(c.created_at, 12, 8) || 'Z'"]
    joins = " ".join(f"LEFT JOIN temp.netui_export_{name} {name.split('_')[0]} ON {name.split('_')[0]}.id = c.id"
                     for name in _CELL_TABLES)
    # One printf per line (%s writes NULL as nothing): a chain of || copies the growing line at every step.
    line = f"printf({_literal(_CELL_MARK.join(['%s'] * len(cells)))}, {', '.join(cells)})"
    mark = _literal(_LINE_MARK)
    only = f" AND c.id {within}" if within else ""
    if keyed:  # in the table's own order, no sort: the merge sorts both halves' lines at once
        keys, order = (f"CAST(group_concat(sort_name, {mark}) AS BLOB)", ", c.sort_name"), "c.id"
    else:
        keys, order = ("NULL", ""), "+c.sort_name, c.id"
    return (f"SELECT CAST(group_concat(line, {mark}) AS BLOB), count(*), {keys[0]} FROM "
            f"(SELECT {line} AS line{keys[1]} FROM contact c NOT INDEXED {joins} WHERE c.trashed_at IS NULL"
            f"{only} ORDER BY {order})")


def _quoted_lines(lines: bytes, count: int, columns: int, line_end: str) -> bytes | None:
    """The lines with their commas and line ends, cells quoted as the csv module quotes them
    (export_half.quoted_cells); None when a value holds a separator."""
    quoted = export_half.quoted_cells(lines, count, columns, line_end)
    return _ended(quoted, line_end) if quoted else quoted


def _ended(quoted: bytes, line_end: str) -> bytes:
    """Quoted lines between record separators, each ended by `line_end` instead."""
    end = line_end.encode()
    return quoted.replace(export_half.LINE_MARK, end) + end


# From how many living contacts an export of everyone is built in two halves, one of them in a
# process of its own (export_half): below, starting it (~30 ms, the write lock held meanwhile)
# costs about what the halving saves.
SPLIT_FROM = 20_000
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


def _job(within: str, exported: str, parameters: tuple, kinds: Sequence[str], separator: str,
         default_remind: int, line_end: str, columns: int, keyed: bool = False) -> dict:
    """What export_half.built runs: the lines of the people whose id is `within`."""
    return {"setup": [f"CREATE TEMP TABLE netui_export_{name} (id INTEGER PRIMARY KEY, "
                      f"{', '.join(f'{cell} TEXT' for cell in cells)})" for name, cells in _CELL_TABLES.items()],
            "statements": _cell_statements(kinds, separator, default_remind, within),
            "lines": _lines_statement(within, exported, keyed),
            "teardown": [f"DROP TABLE IF EXISTS temp.netui_export_{name}" for name in _CELL_TABLES],
            "parameters": list(parameters), "columns": columns, "line_end": line_end}


def contact_csv_lines(ids: Sequence[int] | None, kinds: Sequence[str], separator: str,
                      default_remind: int, line_end: str, columns: int,
                      second: SecondHalf | None = None) -> bytes | None:
    """The lines of netui's contacts CSV after its header (`columns` cells each), UTF-8, one per
    living contact (those of `ids` when given), by sort name then id, each ended by `line_end`:
    every cell escaped, neutralised and quoted as netui_csv writes it, `introduced_by` empty
    unless the introducer is exported too. `kinds` are the channel kinds with a column of their
    own (in column order), `separator` joins the values of a cell, `default_remind` is the
    reminder an important date writes no ` remind N` for.

    The same statements whatever the number of contacts: one per table of values
    (`_cell_statements`), then one for the lines (`_lines_statement`), which SQLite hands over
    as one value, not a row per contact for Python to finish and join.

    `second` (from `export_snapshot`): a process reading this connection's snapshot. Everyone's
    lines, from SPLIT_FROM living contacts on, are then built in two halves by id at once, the
    upper one there, each in id order, and sorted by name together (`_merged`); should it fail,
    this connection builds that half too.

    None on PostgreSQL (this SQL is SQLite's: group_concat's order, FILTER, printf, unicode) and
    when a value holds a unit or record separator (control characters no one types) or a NUL
    character (printf would end the value there; the statements write it as two record
    separators): then the export is written row by row (netui.exchange.exporting), the writer
    these bytes are tested against."""
    if on_postgres():
        return None
    shape = (kinds, separator, default_remind, line_end, columns)
    with database.atomic("DEFERRED"):  # one snapshot (a savepoint inside the caller's transaction)
        middle = _middle_id() if ids is None and second is not None else None
        if middle is not None:
            between = "BETWEEN ?1 AND ?2"
            upper = _job(between, "", (middle, _HIGHEST), *shape, keyed=True)
            second.start(upper)
            lower = _cut(export_half.built(database.execute_sql,
                                           _job(between, "", (_LOWEST, middle - 1), *shape, keyed=True)))
            return _merged(lower, _cut(second.result() or export_half.built(database.execute_sql, upper)), line_end)
        if ids is None:
            job = _job("", "", (), *shape)
        else:
            chosen = "IN (SELECT value FROM json_each(?1))"
            job = _job(chosen, chosen, (json.dumps(list(ids)),), *shape)
        lines = export_half.built(database.execute_sql, job)[0]
    return lines and _ended(lines, line_end)


def _middle_id() -> int | None:
    """The id splitting the living contacts in two (this process builds those below it); None
    when there are fewer than SPLIT_FROM. This side's share is a little over half: the second
    process starts later and hands its lines over."""
    count = totals.living_contacts()  # kept by triggers: no count of 100,000 rows
    if count < max(SPLIT_FROM, 2):
        return None
    return database.execute_sql("SELECT id FROM contact WHERE trashed_at IS NULL ORDER BY id LIMIT 1 OFFSET ?",
                                (count * _SHARE_HERE // 100,)).fetchone()[0]


_SHARE_HERE = 54  # percent of the contacts this process builds when split


def _cut(half: tuple) -> tuple[list[bytes], list[bytes]] | None:
    """A half's quoted lines and sort names (export_half.built) cut into lists, line by line;
    None when a value holds a separator (then neither can be told apart)."""
    lines, count, keys = half
    if lines is None:
        return None
    if not count:
        return [], []
    mark = export_half.LINE_MARK
    lines, keys = lines.split(mark), keys.split(mark)
    return (lines, keys) if len(lines) == count == len(keys) else None


def _merged(lower: tuple | None, upper: tuple | None, line_end: str) -> bytes | None:
    """Two halves' lines and sort names (`_cut`), each by id (every id of `lower` below those
    of `upper`), as one text by sort name then id, each line ended: Python's sort is stable, so
    equal names keep their order by id. It compares the sort names' UTF-8 bytes, as SQLite's
    BINARY collation does. None when a value holds a separator."""
    if lower is None or upper is None:
        return None
    lines, keys = lower[0] + upper[0], lower[1] + upper[1]
    if not lines:
        return b""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    order.append(len(lines))
    lines.append(b"")  # the last line's end, without copying the whole text once more
    return line_end.encode().join(map(lines.__getitem__, order))


class SecondHalf:
    """export_half running in a process of its own: `open` starts it, and lets go of the write
    lock once it has taken its snapshot (on a thread of its own, meanwhile this one works);
    `start` gives it a job, `result` waits for what it built (None when it failed or never
    took its snapshot), `close` ends it."""

    # How long the process may take to take its snapshot (the write lock is held meanwhile).
    READY_SECONDS = 5.0

    def __init__(self, process: subprocess.Popen, lock: sqlite3.Connection):
        self.process = process
        self.ready = False
        self._waiting = threading.Thread(target=self._let_go_when_ready, args=(lock,), name="netui-export-half",
                                         daemon=True)
        self._waiting.start()

    @classmethod
    def open(cls, path: str, lock: sqlite3.Connection) -> SecondHalf | None:
        """The process started on `path`; `lock` (holding the write lock) is rolled back once it
        has its snapshot, or when it fails to. None (the lock let go) when it cannot start."""
        try:
            process = subprocess.Popen([sys.executable, "-I", "-S", export_half.__file__, path],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            lock.execute("ROLLBACK")
            return None
        return cls(process, lock)

    def _let_go_when_ready(self, lock: sqlite3.Connection) -> None:
        try:
            waited, _unused, _unused = select.select([self.process.stdout], [], [], self.READY_SECONDS)
            self.ready = bool(waited) and self.process.stdout.readline() == export_half.READY
        finally:
            lock.execute("ROLLBACK")
        if not self.ready and self.process.poll() is None:
            self.process.kill()  # late: its snapshot could be newer than ours

    def start(self, job: dict) -> None:
        try:
            self.process.stdin.write(json.dumps(job).encode())
            self.process.stdin.close()
        except OSError:  # it ended: `result` says so
            pass

    def result(self) -> tuple | None:
        """What export_half.built returned there, or None when it failed."""
        self._waiting.join()
        if not self.ready:
            return None
        try:
            head = json.loads(self.process.stdout.readline() or b"null")
            size = max(head["lines"], 0)
            body = self.process.stdout.read(size + head["keys"])  # before waiting: a full pipe would stop it
            if self.process.wait() != 0 or len(body) != size + head["keys"]:
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return (None if head["lines"] < 0 else body[:size]), head["count"], body[size:]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self._waiting.join()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream and not stream.closed:
                stream.close()


# How long the write lock is waited for (`export_snapshot`) before the export does without a
# second process: a writer in the middle of its transaction holds it.
_LOCK_WAIT_SECONDS = 0.5


@contextmanager
def export_snapshot(split: bool = False):
    """One read transaction on this thread's connection (DEFERRED: it takes no write lock and
    holds up no writer), and, when `split` and the network is big enough, a SecondHalf reading
    the very same snapshot, yielded (None when none is started or can be promised: on
    PostgreSQL, for a database in memory, inside a transaction already open here, whose writes
    another connection could not see, or while a writer holds the write lock past
    _LOCK_WAIT_SECONDS).

    The same snapshot: a third connection takes the write lock (BEGIN IMMEDIATE), this
    connection begins its read transaction (a first read), the second process begins its own,
    then the lock is let go -- no writer can commit in between, and neither sees what one
    commits afterwards. This connection goes on meanwhile (its snapshot is taken)."""
    locked = _write_lock() if split else None
    second = None
    try:
        with database.atomic("DEFERRED"):
            if locked is not None:
                path, lock = locked
                try:
                    database.execute_sql("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
                except BaseException:
                    lock.execute("ROLLBACK")
                    raise
                second = SecondHalf.open(path, lock)
            yield second
    finally:
        if second is not None:
            second.close()
        if locked is not None:
            locked[1].close()


def _write_lock() -> tuple[str, sqlite3.Connection] | None:
    """This database file's path and a connection of its own holding the write lock, when an
    export of everyone may be split; None otherwise."""
    if on_postgres() or database.in_transaction():
        return None
    connection = database.connection()
    path = next((row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not path or not sys.executable:  # in memory; or no Python to run the other half with
        return None
    if totals.living_contacts() < SPLIT_FROM:
        return None
    lock = sqlite3.connect(path, isolation_level=None, timeout=_LOCK_WAIT_SECONDS, check_same_thread=False)
    try:
        lock.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        lock.close()
        return None
    return path, lock
