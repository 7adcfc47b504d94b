"""Half of a big export's contacts CSV lines, built in a process of its own (issue 18).

SQLite's work is most of an export of a hundred thousand contacts, and one process uses one
core: netui.store.bulk builds half of the lines on its own connection while this script,
run by `python -I -S` (the standard library only: it starts in ~20 ms), builds the other half
on a connection of its own reading the same snapshot. Two threads in one process do not do:
SQLite's memory statistics take one global lock per allocation, and two connections in one
process were slower together than one after the other.

How the two talk, on the child's standard input and output:
1. the child opens the file, begins a read transaction and reads (its snapshot is taken), and
   writes `ready` and a line end -- the parent holds the write lock until then, so that no
   writer commits between the two snapshots;
2. the parent writes the job as JSON (the statements and their parameters) and closes the
   input (closing it without a job: nothing to do);
3. the child writes one JSON line (the number of lines, the sizes of what follows), then the
   lines with their cells already quoted, then the sort keys, and exits 0. On failure it
   writes why on its standard error and exits 1.

The quoting lives here too (`quoted_cells`), so that each half is quoted by its own process;
netui.store.bulk uses it for a whole export as well.
"""

from __future__ import annotations

import json
import sqlite3
import sys

CELL_MARK, LINE_MARK = b"\x1f", b"\x1e"  # unit and record separators: between cells, between lines
READY = b"ready\n"


def quoted_cells(lines: bytes, count: int, columns: int, line_end: str) -> bytes | None:
    """`count` lines of `columns` cells (cells between CELL_MARKs, lines between LINE_MARKs)
    with their commas, a cell holding a comma, a double quote or a line break put in double
    quotes (one inside doubled), as the csv module's QUOTE_MINIMAL writes it -- a cell of the
    lines has no other reason to be quoted (a line has several cells, so none is a lone empty
    one); the lines are left between LINE_MARKs. Python looks only at those cells, found by
    searching the whole text for each such character (a few tens of thousands in 100,000
    lines), not at each line. None when a value itself holds a separator (the lines and cells
    cannot be told apart then), as one holding a NUL character does (bulk._NUL_MARK)."""
    if not count:
        return b""
    if lines.count(LINE_MARK) != count - 1 or lines.count(CELL_MARK) != count * (columns - 1):
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
    parts, written, end, size = [], 0, -1, len(lines)
    add = parts.append
    for at in quoted:  # (plain comparisons, not max/min: ~20,000 cells in a big export)
        if at < end:  # in the cell just quoted
            continue
        start, line_start = rfind(CELL_MARK, 0, at), rfind(LINE_MARK, 0, at)
        start = (start if start > line_start else line_start) + 1
        end, line_end_at = find(CELL_MARK, at), find(LINE_MARK, at)
        if end < 0 or 0 <= line_end_at < end:
            end = size if line_end_at < 0 else line_end_at
        add(lines[written:start])
        add(b'"' + lines[start:end].replace(b'"', b'""') + b'"')
        written = end
    add(lines[written:])
    return b"".join(parts).replace(CELL_MARK, b",")


def built(execute, job: dict) -> tuple[bytes | None, int, bytes]:
    """On one connection (`execute` runs a statement on it): the job's temporary tables made,
    filled and dropped, and its lines (quoted, None when they cannot be told apart), their
    number and their sort keys (between LINE_MARKs)."""
    parameters = job["parameters"]
    try:
        for statement in job["setup"]:
            execute(statement)
        for statement in job["statements"]:
            execute(statement, parameters)
        lines, count, keys = execute(job["lines"], parameters).fetchone()
    finally:
        for statement in job["teardown"]:
            execute(statement)
    return quoted_cells(lines or b"", count, job["columns"], job["line_end"]), count, keys or b""


def main(path: str) -> int:
    output = sys.stdout.buffer
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot is taken
    output.write(READY)
    output.flush()
    job = sys.stdin.buffer.read()
    if not job:
        return 0
    lines, count, keys = built(connection.execute, json.loads(job))
    head = {"count": count, "lines": -1 if lines is None else len(lines), "keys": len(keys)}
    output.write(json.dumps(head).encode() + b"\n")
    output.write(lines or b"")
    output.write(keys)
    output.flush()
    connection.execute("ROLLBACK")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1]))
    except Exception as error:  # the parent builds this half itself; it says nothing to the user
        sys.stderr.write(f"export half: {error!r}\n")
        sys.exit(1)
