"""A big first import (issue 18): its rows written in batches, the tables' indexes built once after
them, the garbage collector off while it runs -- and the database exactly as it would be
otherwise: the same schema, every person findable, nothing written when it fails."""

from __future__ import annotations

import gc

import pytest
from peewee import BooleanField
from support import statements

from netui import contacts
from netui.exchange import exporting, importing, table_import
from netui.store import search, sqlite, totals
from netui.exchange.records import IncomingPerson
from netui.store.models import (Channel, Contact, ContactSearch, ContactTag, Fact, InteractionParticipant, Tag,
                                 UTCDateTimeField)
from netui.text import fold

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def linkedin_file(folder, rows: int, first: int = 0):
    lines = ["Notes:", '"When exporting your connection data, you may notice that some of the email addresses '
             'are missing."', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for n in range(first, first + rows):
        email = f"person{n}@example.com" if n % 3 == 0 else ""
        lines.append(f"Person{n},Surname{n % 977},https://www.linkedin.com/in/person-{n},{email},"
                     f"Company {n % 541},Role {n % 97},{1 + n % 28:02d} {MONTHS[n % 12]} {2015 + n % 11}")
    path = folder / f"Connections-{first}-{rows}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def schema(database) -> list[tuple]:
    return database.execute_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").fetchall()


class StatementCounter:
    """Every execute and executemany netui's cursors run (one executemany writes many rows)."""

    def __init__(self, monkeypatch):
        self.calls: list[str] = []
        for name in ("execute", "executemany"):
            original = getattr(sqlite._Cursor, name)

            def counted(cursor, sql, *args, _original=original):
                self.calls.append(sql)
                return _original(cursor, sql, *args)

            monkeypatch.setattr(sqlite._Cursor, name, counted)

    def inserts(self) -> int:
        return sum(1 for sql in self.calls if sql.lstrip().upper().startswith("INSERT"))


def test_a_big_first_import_is_written_in_batches_and_leaves_the_schema_as_it_was(database, tmp_path, monkeypatch):
    before = schema(database)
    counter = StatementCounter(monkeypatch)
    report = table_import.import_file(linkedin_file(tmp_path, 2500))
    assert len(report.new_ids) == 2500
    # Seven tables and the search index, a batch per thousand people: not one INSERT per row.
    assert counter.inserts() < 60
    assert any(sql.startswith("DROP INDEX") for sql in counter.calls)  # built once, after the rows
    assert schema(database) == before
    assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert Contact.select().count() == 2500 and InteractionParticipant.select().count() == 2500
    assert search.search_ids("person2499") == [contacts.resolve_contact("Person2499 Surname545")]
    assert Channel.select().where(Channel.value == "person2498@example.com").count() == 0
    assert Channel.select().where(Channel.kind == "email").count() == 834


def test_the_statements_of_an_import_do_not_grow_with_its_rows(database, tmp_path, monkeypatch):
    counts = []
    for rows in (2000, 4000):
        Contact.delete().execute()
        counter = StatementCounter(monkeypatch)
        table_import.import_file(linkedin_file(tmp_path, rows, first=rows))
        counts.append(len(counter.calls))
    assert counts[1] < 2 * counts[0] and counts[1] < 200  # a few per batch of a thousand people


def test_a_small_import_into_a_bigger_network_keeps_the_indexes_up_row_by_row(database, tmp_path, monkeypatch):
    table_import.import_file(linkedin_file(tmp_path, 2500))
    counter = StatementCounter(monkeypatch)
    table_import.import_file(linkedin_file(tmp_path, 1100, first=5000))
    assert not any(sql.startswith("DROP INDEX") for sql in counter.calls)
    assert Contact.select().count() == 3600


def test_a_cancelled_big_import_leaves_nothing_not_even_a_dropped_index(database, tmp_path):
    before = schema(database)
    plan = importing.plan_import(importing.read_file(linkedin_file(tmp_path, 2500)))

    def cancel_after_the_first_batch(done, total):
        if done >= 1000:
            raise importing.ImportCancelled()

    with pytest.raises(importing.ImportCancelled):
        importing.apply_import(plan, cancel_after_the_first_batch)
    assert Contact.select().count() == 0
    assert schema(database) == before
    assert gc.isenabled()


def test_the_garbage_collector_is_back_after_reading_planning_writing_and_exporting(database, tmp_path):
    path = linkedin_file(tmp_path, 10)
    read = importing.read_file(path)
    assert gc.isenabled()
    plan = importing.plan_import(read)
    assert gc.isenabled()
    importing.apply_import(plan)
    assert gc.isenabled()
    exporting.export_csv(tmp_path / "out.csv")
    assert gc.isenabled()
    gc.disable()
    try:
        importing.read_file(path)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def index_rows(database) -> list[tuple]:
    return database.execute_sql("SELECT rowid, * FROM contact_search ORDER BY rowid").fetchall()


def test_new_peoples_search_rows_are_what_rebuilding_the_index_writes(database, tmp_path):
    from tests.exchange.test_export_speed_guards import awkward_network

    awkward_network()
    [exported] = exporting.export_csv(tmp_path / "contacts.csv")
    for model in (Contact, Tag, ContactSearch):
        model.delete().execute()
    report = table_import.import_file(exported)  # everyone new again: tags, facts, unicode, notes
    table_import.import_file(linkedin_file(tmp_path, 1200))  # connections: an interaction each
    assert len(report.new_ids) > 10 and Fact.select().count() > 10 and ContactTag.select().count() > 10
    written = index_rows(database)
    assert len(written) == Contact.select().count()
    search.rebuild_index()
    assert index_rows(database) == written


def test_indexing_plain_text_calls_no_python_and_accented_text_is_still_folded(database, tmp_path):
    """The search index folds a contact's text (netui.text.fold) in SQL; text that is its own
    fold (plain ASCII) never calls into Python -- eight calls a person were 40% of indexing a
    big import -- and text with accents or special letters is folded as before."""
    folded: list[str] = []

    def counted_fold(text):
        folded.append(text)
        return fold(text)

    database.connection().create_function("fold", 1, counted_fold, deterministic=True)
    report = table_import.import_file(linkedin_file(tmp_path, 1200))
    assert len(report.new_ids) == 1200 and folded == []
    giulia = contacts.create_contact("Nicolò Ødegaard", company="Caffè Ærø", notes="line one\nline two")
    assert set(folded) == {"Nicolò Ødegaard", "Caffè Ærø"}
    assert search.search_ids("odegaard") == search.search_ids("caffe aero") == [giulia]
    row = database.execute_sql("SELECT name, company, notes FROM contact_search WHERE rowid = ?", (giulia,)).fetchone()
    assert row == ("Nicolo Odegaard", "Caffe AEro", "\nline one\nline two")


def test_a_big_import_counts_living_contacts_once_not_once_a_person(database, tmp_path):
    """The trigger keeping the number of living contacts (netui.store.totals) is suspended
    while new people are written, and they are counted once after: the same number."""
    with statements() as seen:
        table_import.import_file(linkedin_file(tmp_path, 1200))
    dropped = seen.index('DROP TRIGGER "contact_living_insert"')
    written = next(n for n, sql in enumerate(seen) if sql.startswith('INSERT INTO "contact" '))
    made = next(n for n, sql in enumerate(seen) if sql.startswith('CREATE TRIGGER "contact_living_insert"'))
    assert dropped < written < made
    assert totals.living_contacts() == 1200
    contacts.create_contact("Giulia Rossi")  # the trigger is back
    assert totals.living_contacts() == 1201


def test_an_import_works_out_each_persons_channels_once_to_match_them(database, tmp_path, monkeypatch):
    """Checking, matching and remembering a row share one list of its channels (and their
    keys): once while planning, once while writing."""
    calls = []
    original = IncomingPerson.channels
    monkeypatch.setattr(IncomingPerson, "channels", lambda person: calls.append(person) or original(person))
    report = table_import.import_file(linkedin_file(tmp_path, 1200))
    assert len(report.new_ids) == 1200 and len(calls) == 2 * 1200


def test_values_stored_as_given_are_not_converted_one_by_one(database, tmp_path, monkeypatch):
    """A big import hands the bulk writer its instants as the text they are stored as and its
    flags as bools: no field converts them again, row after row (and they are stored the same)."""
    converted = []
    for field_class in (UTCDateTimeField, BooleanField):
        original = field_class.db_value
        monkeypatch.setattr(field_class, "db_value",
                            lambda field, value, _original=original: converted.append(value) or _original(field, value))
    table_import.import_file(linkedin_file(tmp_path, 1200))
    assert len(converted) < 1200  # once per connection day (and batch), not several times per person
    row = database.execute_sql("SELECT starred, cadence_off, typeof(created_at), last_contacted_at FROM contact "
                               "WHERE first_name = 'Person5'").fetchone()
    assert row[:3] == (0, 0, "text") and len(row[3]) == len("2026-01-06 11:00:00")
