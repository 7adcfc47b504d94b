"""The storage seam (netui.store): the interface the domain calls instead of SQL of its own --
bulk loading with indexes and triggers out of the way, the planner's statistics, change
notification -- and the rule that no SQLite-only SQL lives outside netui/store."""

from __future__ import annotations

import ast
import sqlite3
from contextlib import closing
from pathlib import Path

import pendulum
import pytest

from netui.store import bulk, db, search, statistics
from netui.store.models import Contact, Interaction, InteractionParticipant, database
from netui.text import fold, fold_key

PACKAGE = Path(__file__).resolve().parents[2] / "netui"
STORE = PACKAGE / "store"


def schema_objects(kind: str, table: str) -> list[tuple[str, str]]:
    return database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name = ? "
                                "AND sql IS NOT NULL ORDER BY name", (kind, table)).fetchall()


def add_contact(contact_id: int, first: str, last: str = "") -> None:
    Contact.create(id=contact_id, first_name=first, last_name=last, sort_name=fold_key(f"{first} {last}".strip()),
                   created_at=pendulum.datetime(2026, 1, 1), updated_at=pendulum.datetime(2026, 1, 1))


INTERACTION_FIELDS = [Interaction.id, Interaction.kind, Interaction.occurred_at, Interaction.summary,
                      Interaction.notes, Interaction.created_at]


# --- bulk loading ----------------------------------------------------------------------------


def test_bulk_load_puts_indexes_and_triggers_back(database):
    """Inside loading(), the indexes and triggers of the tables named are gone while the rows
    go in; afterwards the schema is what it was and the connection's settings too."""
    indexes = {table: schema_objects("index", table) for table in ("contact", "interaction_participant")}
    triggers = schema_objects("trigger", "interaction_participant")
    assert indexes["contact"] and triggers
    seen_inside = {}
    with bulk.loading():
        with bulk.indexes_rebuilt_after([Contact, InteractionParticipant]):
            seen_inside["indexes"] = schema_objects("index", "contact")
            with bulk.triggers_suspended([InteractionParticipant]):
                seen_inside["triggers"] = schema_objects("trigger", "interaction_participant")
                seen_inside["foreign_keys"] = database.execute_sql("PRAGMA foreign_keys").fetchone()[0]
                add_contact(1, "Giulia", "Rossi")
    assert seen_inside == {"indexes": [], "triggers": [], "foreign_keys": 0}
    assert {table: schema_objects("index", table) for table in indexes} == indexes
    assert schema_objects("trigger", "interaction_participant") == triggers
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == -2000
    assert Contact.select().count() == 1


def test_a_failed_bulk_load_leaves_nothing(database):
    """A failure inside the load rolls back the rows and the dropped indexes and triggers."""
    indexes, triggers = schema_objects("index", "contact"), schema_objects("trigger", "interaction_participant")
    with pytest.raises(RuntimeError):
        with bulk.loading():
            with bulk.indexes_rebuilt_after([Contact]), bulk.triggers_suspended([InteractionParticipant]):
                add_contact(1, "Giulia", "Rossi")
                raise RuntimeError("disk on fire")
    assert Contact.select().count() == 0
    assert schema_objects("index", "contact") == indexes
    assert schema_objects("trigger", "interaction_participant") == triggers
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_suspended_triggers_do_not_fire_and_work_again_after(database):
    with bulk.loading():
        add_contact(1, "Giulia", "Rossi")
        bulk.insert_stream(Interaction, INTERACTION_FIELDS, 2, iter([
            (1, "call", 1_700_000_000, "", "", 1_700_000_000), (2, "call", 1_750_000_000, "", "", 1_750_000_000)]))
        with bulk.triggers_suspended([InteractionParticipant]):
            bulk.insert_stream(InteractionParticipant, [InteractionParticipant.interaction,
                                                        InteractionParticipant.contact], 1, iter([(1, 1)]))
    assert Contact.get_by_id(1).last_contacted_at is None  # the trigger did not fire
    InteractionParticipant.create(interaction=2, contact=1)
    assert Contact.get_by_id(1).last_contacted_at == pendulum.from_timestamp(1_750_000_000)


def test_streamed_instants_are_stored_as_the_field_stores_them(database):
    """insert_stream takes instants as unix seconds; they read back as the same instants,
    stored as UTCDateTimeField writes them."""
    moment = pendulum.datetime(2026, 11, 29, 9, 30, 5)
    bulk.insert_stream(Interaction, INTERACTION_FIELDS, 1, iter([(7, "note", int(moment.timestamp()), "", "", 0)]))
    row = Interaction.get_by_id(7)
    assert row.occurred_at == moment
    assert row.created_at == pendulum.from_timestamp(0)
    stored = database.execute_sql("SELECT occurred_at FROM interaction WHERE id = 7").fetchone()[0]
    assert stored == Interaction.occurred_at.db_value(moment)


def test_insert_stream_reports_progress_by_batch(database, monkeypatch):
    monkeypatch.setattr(bulk, "STREAM_BATCH_ROWS", 2)
    seen = []
    bulk.insert_stream(Interaction, INTERACTION_FIELDS, 5, ((i, "note", 0, "", "", 0) for i in range(1, 100)),
                       seen.append)
    assert seen == [2, 2, 1]
    assert Interaction.select().count() == 5  # `count` rows, not the whole iterator


def test_search_rows_written_by_a_load_are_found(database):
    add_contact(1, "Nicolò", "D'Amico")
    search.write_rows([(1, fold("Nicolò D'Amico"), "", "", "", "", "", "", "")])
    assert search.search_ids("nicolo") == [1]
    assert search.index_size() == 1


# --- statistics ------------------------------------------------------------------------------


def test_analyze_gathers_the_planner_statistics(database):
    with database.atomic():
        for n in range(1, 21):
            add_contact(n, f"Person {n}")
    statistics.analyze()
    rows = database.execute_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'contact'").fetchall()
    assert rows and int(rows[0][0].split()[0]) == 20


def test_statistics_are_refreshed_when_a_connection_closes(tmp_path):
    """A network of 100 people or more with no statistics gets them as its connection closes."""
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    with database.atomic():
        for n in range(1, 121):
            add_contact(n, f"Person {n}")
    handle.close()
    with closing(sqlite3.connect(str(path))) as connection:
        stat = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'contact' LIMIT 1").fetchone()
    assert stat and int(stat[0].split()[0]) == 120


# --- change notification ---------------------------------------------------------------------


def test_data_version_moves_when_another_connection_writes(database, tmp_path):
    before = db.data_version()
    assert db.data_version() == before  # reading changes nothing
    add_contact(1, "Giulia", "Rossi")
    assert db.data_version() == before  # nor do this connection's own writes
    with closing(sqlite3.connect(str(database.path))) as other:
        other.execute("UPDATE contact SET notes = 'changed elsewhere' WHERE id = 1")
        other.commit()
    assert db.data_version() != before



def test_a_worker_closing_its_connection_does_not_look_like_another_writer(database, monkeypatch):
    """The app reloads its screen when data_version moves; a worker thread's connection
    closing (after a search, a timeline) writes no statistics, so nothing moves."""
    import threading

    from netui.store.session import worker_connection

    monkeypatch.setattr(statistics, "ANALYZE_FROM_PEOPLE", 1)  # statistics due: the first close would ANALYZE
    for number in range(1, 4):
        add_contact(number, f"Person{number}")
    before = db.data_version()

    def search_in_a_worker() -> None:
        with worker_connection():
            Contact.select().count()

    worker = threading.Thread(target=search_in_a_worker)
    worker.start()
    worker.join()
    assert db.data_version() == before
    database.close()  # the main thread's connection still keeps the statistics fresh
    with closing(sqlite3.connect(str(database.path))) as reader:
        assert reader.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'contact'").fetchone()[0] > 0

# --- the seam holds ---------------------------------------------------------------------------


def _non_portable_uses(path: Path) -> list[str]:
    """What a module outside netui/store must not hold: execute_sql, sqlite3 or playhouse
    imports, the full-text index model, or SQL text naming PRAGMAs, sqlite_master or MATCH
    (docstrings aside: they may explain what happens in the store)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("execute_sql", "register_function"):
            found.append(f"{node.attr} (line {node.lineno})")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"import {n} (line {node.lineno})" for n in names if n.split(".")[0] in ("sqlite3", "playhouse")]
        elif isinstance(node, ast.Name) and node.id == "ContactSearch":
            found.append(f"ContactSearch (line {node.lineno})")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += [f"{word.strip()} in a string (line {node.lineno})"
                      for word in ("PRAGMA ", "sqlite_master", " MATCH ") if word in node.value]
    return found


def test_no_sqlite_only_sql_outside_the_store():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if STORE in path.parents:
            continue
        found = _non_portable_uses(path)
        if found:
            offenders[str(path.relative_to(PACKAGE.parent))] = found
    assert offenders == {}


def test_the_seam_checker_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""PRAGMA in a docstring is fine."""\nimport sqlite3\n'
                      'def f(database):\n    return database.execute_sql("PRAGMA user_version")\n')
    assert _non_portable_uses(sample) == ["import sqlite3 (line 2)", "execute_sql (line 4)",
                                          "PRAGMA in a string (line 4)"]
