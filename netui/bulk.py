"""Writing many rows fast, for the demo network and imports (inside the caller's transaction).

Peewee's insert_many builds a query node per value, which makes tens of thousands of rows
take seconds; here one prepared statement per batch writes the same values, each converted
by its model field (`db_value`), so what is stored is what Peewee would store.
"""

from __future__ import annotations

from collections.abc import Sequence

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from netui.models import database

BATCH_ROWS = 5000
_PLAIN_FIELDS = (AutoField, CharField, ForeignKeyField, IntegerField, TextField)
_PLAIN_TYPES = (str, int)


def next_id(model) -> int:
    """The id the next row of `model` gets; rows written after it in the same write
    transaction can be given consecutive ids from here."""
    return (model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0) + 1


def insert_rows(model, fields: Sequence, rows: Sequence[tuple], progress=None) -> None:
    """INSERT `rows` (tuples of Python values, in the order of `fields`) into `model`'s table."""
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    statement = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    converters = tuple(f.db_value for f in fields)
    # Text, numbers and ids given as str/int are stored as they are: converting them is
    # most of the time a big import takes. Instants, dates and booleans go through db_value.
    plain = tuple(isinstance(f, _PLAIN_FIELDS) for f in fields)
    cursor = database.cursor()
    for start in range(0, len(rows), BATCH_ROWS):
        batch = rows[start : start + BATCH_ROWS]
        cursor.executemany(statement, [
            tuple(
                value if value is None or (is_plain and type(value) in _PLAIN_TYPES) else to_db(value)
                for to_db, is_plain, value in zip(converters, plain, row)
            )
            for row in batch
        ])
        if progress:
            progress(len(batch))
