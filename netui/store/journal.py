"""The quick-capture journal (schema version 9): a captured line written down the moment
Enter is pressed, as a database acknowledges a commit once its log is on disk.

`write` is the whole of that moment: one prepared INSERT and one durable commit, with no
query built on the way (peewee's query builder cost more than the row). netui.capture then
`take_out`s the row and applies the line in one transaction, so a line is applied exactly
once; a row left over (a crash, a line that needs the user) is `waiting`.
"""

from __future__ import annotations

import datetime as dt

from netui.store.models import UTC_TEXT_FORMAT, CapturePending, database, on_postgres

_COLUMNS = '"line", "event_id", "choice", "typed_at", "typed_by"'
_SQLITE_INSERT = f'INSERT INTO "capture_pending" ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)'
_POSTGRES_INSERT = f'INSERT INTO "capture_pending" ({_COLUMNS}) VALUES (%s, %s, %s, %s, %s) RETURNING "id"'


def write(line: str, event_id: int | None, choice: str, typed_at: dt.datetime, typed_by: str,
          replacing: int | None = None) -> int:
    """Write one line down, durably (synchronous=FULL; on a server, its synchronous commit):
    BEGIN, one INSERT, COMMIT. Returns its id. `replacing`: a row of the same line as it was
    before the user changed it, deleted in the same transaction. Inside a transaction already,
    the line is part of it (durable when it commits)."""
    values = (line, event_id, choice, typed_at.astimezone(dt.timezone.utc).strftime(UTC_TEXT_FORMAT), typed_by)
    if replacing is None and not database.in_transaction() and not on_postgres():
        # The usual Enter on a file: the statements themselves, on netui's cursor (a read-only
        # file or a full disk still say so in a sentence); peewee's transaction and query
        # machinery cost four times the INSERT.
        cursor = database.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            cursor.execute(_SQLITE_INSERT, values)
            cursor.execute("COMMIT")
        except BaseException:
            if cursor.connection.in_transaction:
                cursor.execute("ROLLBACK")
            raise
        return cursor.lastrowid
    with database.atomic():
        if replacing is not None:
            remove(replacing)
        if on_postgres():
            return database.execute_sql(_POSTGRES_INSERT, values).fetchone()[0]
        return database.execute_sql(_SQLITE_INSERT, values).lastrowid


def take_out(pending_id: int) -> CapturePending | None:
    """Delete the row and hand it back, in one statement (DELETE ... RETURNING), inside the
    transaction that applies it: if applying fails, the rollback puts it back. None when it is
    gone already (applied or dropped). On a server the deletion locks the row: another member's
    netui taking the same line waits, then finds it gone."""
    found = database.execute_sql(f'DELETE FROM "capture_pending" WHERE "id" = {database.param} RETURNING {_COLUMNS}',
                                 (pending_id,)).fetchall()
    if not found:
        return None
    line, event_id, choice, typed_at, typed_by = found[0]
    return CapturePending(id=pending_id, line=line, event_id=event_id, choice=choice,
                          typed_at=CapturePending.typed_at.python_value(typed_at), typed_by=typed_by)


def remove(pending_id: int) -> None:
    CapturePending.delete().where(CapturePending.id == pending_id).execute()


def waiting() -> list[CapturePending]:
    """The lines not applied yet, oldest first."""
    return list(CapturePending.select().order_by(CapturePending.id))


def any_waiting() -> bool:
    """Is a line waiting? One indexed read of one row: cheap enough for every start."""
    return database.execute_sql('SELECT 1 FROM "capture_pending" LIMIT 1').fetchone() is not None
