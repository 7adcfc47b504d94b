"""Writing many rows fast, for the demo network and imports (inside the caller's transaction).

Peewee's insert_many builds a query node per value, which makes tens of thousands of rows
take seconds; here one prepared statement per batch writes the same values, each converted
by its model field (`db_value`), so what is stored is what Peewee would store.
"""

from __future__ import annotations

from collections.abc import Sequence

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from netui.store.models import database

BATCH_ROWS = 5000
_PLAIN_FIELDS = (AutoField, CharField, ForeignKeyField, IntegerField, TextField)
_PLAIN_TYPES = {str, int, type(None)}


def next_id(model) -> int:
    """The id the next row of `model` gets; rows written after it in the same write
    transaction can be given consecutive ids from here."""
    return (model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0) + 1


def insert_rows(model, fields: Sequence, rows: Sequence[tuple], progress=None) -> None:
    """INSERT `rows` (tuples of Python values, in the order of `fields`) into `model`'s table."""
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    statement = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
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
