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
from netui.store import totals
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
        marks = ", ".join("?" * len(tables))
        triggers = database.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) "
            f"ORDER BY rowid", tables).fetchall()
        for name, _sql in triggers:
            database.execute_sql(f'DROP TRIGGER "{name}"')
        yield
        for _name, sql in triggers:
            database.execute_sql(sql)
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
_CELL_MARK, _LINE_MARK = "\x1f", "\x1e"  # unit and record separators: between cells, between lines
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


def _cell_statements(kinds: Sequence[str], separator: str, default_remind: int, chosen: str) -> list[str]:
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
    other = (f"CASE WHEN label <> '' THEN {_whole('kind')} || ':' || {_escaped('label')} ELSE {_whole('kind')} END "
             f"|| '=' || {_escaped('value')}")
    only = f" AND contact_id IN ({chosen})" if chosen else ""
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


def _lines_statement(chosen: str) -> str:
    """Every line, by sort name then id, its cells between unit separators, the lines between
    record separators (netui_csv's columns, each cell neutralised, none quoted), as one UTF-8
    value -- the text's own bytes (netui's databases are UTF-8), not decoded into a str -- and
    the number of lines."""
    cell = _neutralised

    def text(name: str) -> str:  # a column of the contact's own
        return f"CASE WHEN instr(c.{name}, char(0)) THEN {_NUL_MARK} ELSE {cell(f'c.{name}')} END"

    only = f" AND id IN ({chosen})" if chosen else ""
    # The introducer's id only when they are in the file too (the file names people by its ids):
    # the set of exported ids is built once, not looked up per row.
    introducer = (f"CASE WHEN c.introduced_by_id IN (SELECT id FROM contact WHERE trashed_at IS NULL{only}) "
                  "THEN c.introduced_by_id END")
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
    return (f"SELECT CAST(group_concat(line, {_literal(_LINE_MARK)}) AS BLOB), count(*) FROM "
            f"(SELECT {line} AS line FROM contact c NOT INDEXED {joins} WHERE c.trashed_at IS NULL"
            f"{only.replace(' id ', ' c.id ')} ORDER BY +c.sort_name, c.id)")


def _quoted_lines(lines: bytes, count: int, columns: int, line_end: str) -> bytes | None:
    """The lines with their commas and line ends, a cell holding a comma, a double quote or a
    line break put in double quotes (one inside doubled), as the csv module's QUOTE_MINIMAL
    writes it (netui_csv) -- a cell of the lines has no other reason to be quoted (a line has
    several cells, so none is a lone empty one). Python looks only at those cells, found by
    searching the whole text for each such character (a few tens of thousands in 100,000
    lines), not at each line. None when a value itself holds a separator (the lines and cells
    cannot be told apart then), as one holding a NUL character does (_NUL_MARK)."""
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
                      default_remind: int, line_end: str, columns: int) -> bytes | None:
    """The lines of netui's contacts CSV after its header (`columns` cells each), UTF-8, one per
    living contact (those of `ids` when given), by sort name then id, each ended by `line_end`:
    every cell escaped, neutralised and quoted as netui_csv writes it, `introduced_by` empty
    unless the introducer is exported too. `kinds` are the channel kinds with a column of their
    own (in column order), `separator` joins the values of a cell, `default_remind` is the
    reminder an important date writes no ` remind N` for.

    The same statements whatever the number of contacts: one per table of values
    (`_cell_statements`), then one for the lines (`_lines_statement`), which SQLite hands over
    as one value, not a row per contact for Python to finish and join.

    None on PostgreSQL (this SQL is SQLite's: group_concat's order, FILTER, printf, unicode) and
    when a value holds a unit or record separator (control characters no one types) or a NUL
    character (printf would end the value there; the statements write it as two record
    separators): then the export is written row by row (netui.exchange.exporting), the writer
    these bytes are tested against."""
    if on_postgres():
        return None
    chosen = "" if ids is None else "SELECT value FROM json_each(?1)"
    parameters = () if ids is None else (json.dumps(list(ids)),)
    with database.atomic("DEFERRED"):  # one snapshot (a savepoint inside the caller's transaction)
        try:
            for name, cells in _CELL_TABLES.items():
                database.execute_sql(f"CREATE TEMP TABLE netui_export_{name} (id INTEGER PRIMARY KEY, "
                                     f"{', '.join(f'{cell} TEXT' for cell in cells)})")
            for statement in _cell_statements(kinds, separator, default_remind, chosen):
                database.execute_sql(statement, parameters)
            lines, count = database.execute_sql(_lines_statement(chosen), parameters).fetchone()
        finally:
            for name in _CELL_TABLES:
                database.execute_sql(f"DROP TABLE IF EXISTS temp.netui_export_{name}")
    return _quoted_lines(lines or b"", count, columns, line_end)
