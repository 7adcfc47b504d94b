"""The contacts CSV built by the database (issue 18): the same bytes as the row-by-row writer on
a network full of awkward values, a number of statements that does not grow with the number
of contacts exported, work inside SQLite that grows in step with it (no per-row lookup
that scans a table), and Python's own work that does not grow with it (only the cells to
quote are looked at); random hostile values give the same bytes through both writers."""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import sqlite_steps

import netui
from netui.exchange import exporting
from netui.exchange.formats import netui_csv
from netui.store import bulk
from netui.store.models import Channel, Contact, ContactTag, Fact, ImportantDate, Tag, database

STAMP = "2026-11-20 17:00:00"
AWKWARD = ("=HYPERLINK(\"http://x\")", "+39 333 1", "-1+1", "@SUM(A1)", "\ttab", "\rcr", "\nnewline",
           "'quoted'", "a, b", 'say "hi"', "two\r\nlines", "Zoë Ünal", "🙂 emoji", "שלום", "back\\slash",
           "pipe | bar", "eq=ual", "", " spaced ", "=, \"both\"")


def _person(number: int, **values) -> Contact:
    first = values.pop("first_name", f"First{number}")
    last = values.pop("last_name", f"Last{number}")
    row = dict(first_name=first, last_name=last, sort_name=values.pop("sort_name", f"{last} {first}".lower()),
               company="", role="", city="", country="", circle="other", how_met="", notes="",
               starred=False, created_at=STAMP, updated_at=STAMP)
    row.update(values)
    return Contact.create(**row)


def _tag(name: str) -> Tag:
    return Tag.get_or_create(name=name)[0]


def awkward_network() -> list[Contact]:
    """Everyone a CSV can trip on: formula-looking cells, commas, quotes, line breaks, unicode,
    empty fields, labelled and unlabelled channels of every kind (and one netui does not know),
    tags and facts needing backslashes, dates with and without a year, introducers in and out."""
    people = []
    for number, text in enumerate(AWKWARD):
        people.append(_person(
            number, first_name=text, last_name=AWKWARD[-1 - number], company=text, role=text[::-1], city=text,
            country=text, how_met=text, notes=f"{text}\n{text}", starred=number % 2 == 0,
            cadence_days=(None, 30, 0, -5)[number % 4], cadence_off=number % 5 == 0,
            cadence_snoozed_until=f"2027-01-{1 + number:02d}" if number % 3 == 0 else None))
    twins = [_person(100, first_name="Same", last_name="Name"), _person(101, first_name="Same", last_name="Name")]
    people += twins
    kinds = ("email", "phone", "linkedin", "website", "x", "instagram", "facebook", "other", "mastodon")
    for number, person in enumerate(people):
        for offset in range(number % 7):
            kind = kinds[(number + offset) % len(kinds)]
            label = ("", "work", "a=b", "p|q", "=f", "")[offset % 6]
            Channel.create(contact=person, kind=kind, value=AWKWARD[(number * 3 + offset) % len(AWKWARD)] or "v",
                           label=label)
        for tag in ("zeta", "Alpha", "mid|dle", "e=q", "ünïcode", "+plus")[: number % 6]:
            ContactTag.create(contact=person, tag=_tag(tag))
        for offset in range(number % 4):
            Fact.create(contact=person, label=("", "kids", "a|b", "=x")[offset], value=AWKWARD[(number + offset) % 20])
        for offset in range(number % 5):
            ImportantDate.create(contact=person, label=("birthday", "b=day", "", "anniversary", "name|day")[offset],
                                 month=1 + (number + offset) % 12, day=1 + number % 28,
                                 year=(None, 1990, 2001, 0, None)[offset], remind_days_before=(7, 3, 7, 0, 14)[offset])
    trashed = _person(200, first_name="Gone", trashed_at=STAMP)
    Channel.create(contact=trashed, kind="email", value="gone@example.com", label="")
    people[1].introduced_by = people[2].id
    people[3].introduced_by = trashed.id
    people[4].introduced_by = twins[0].id
    for person in (people[1], people[3], people[4]):
        person.save()
    return people


def reference(ids=None, excel: bool = False) -> bytes:
    """What the row-by-row writer makes of the same contacts."""
    return netui_csv.write_contacts(exporting.csv_contacts(ids), excel=excel)


@pytest.fixture(params=["one process", "two halves"])
def halves(request, monkeypatch):
    """Every export built on one connection, or (SPLIT_FROM lowered) everyone's in two halves,
    one in a second process, as a big network's is."""
    if request.param == "two halves":
        monkeypatch.setattr(bulk, "SPLIT_FROM", 2)
    return request.param


@pytest.mark.parametrize("excel", [False, True])
def test_everyone_exported_byte_for_byte_as_the_row_by_row_writer(database, tmp_path, excel, halves):
    awkward_network()
    [path] = exporting.export_csv(tmp_path / "contacts.csv", excel=excel)
    data = path.read_bytes()
    assert data == reference(excel=excel)
    assert b"Gone" not in data  # the trashed contact is left out
    assert data.count(b"\r\n") >= len(AWKWARD) + 3


@pytest.mark.parametrize("query", ["#alpha", "#mid|dle", "city:Zoë Ünal", "Same", "emoji", "nobody-matches-this"])
def test_the_contacts_a_list_shows_exported_as_the_row_by_row_writer(database, tmp_path, query):
    awkward_network()
    [path] = exporting.export_csv(tmp_path / "contacts.csv", query=query)
    assert path.read_bytes() == reference(exporting.chosen_ids(query))


def test_an_introducer_is_written_only_when_exported_too(database):
    people = awkward_network()
    chosen = [people[1].id, people[3].id, people[4].id, people[-1].id]  # people[-1]: the second twin
    data = netui_csv.contacts_file(exporting.contact_lines(chosen)).decode()
    rows = {row["id"]: row["introduced_by"] for row in csv.DictReader(io.StringIO(data, newline=""))}
    # people[2] is not exported, the trashed introducer never is, the first twin is not chosen
    assert rows == {str(people[1].id): "", str(people[3].id): "", str(people[4].id): "", str(people[-1].id): ""}
    both = netui_csv.contacts_file(exporting.contact_lines([people[1].id, people[2].id])).decode()
    rows = {row["id"]: row["introduced_by"] for row in csv.DictReader(io.StringIO(both, newline=""))}
    assert rows[str(people[1].id)] == str(people[2].id)


def _statements_during(action) -> int:
    statements = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return len(statements)


def _network_of(size: int) -> None:
    introducer = None
    for number in range(size):
        person = _person(number, first_name=f"P{number}", city="Roma" if number % 2 else "Milano",
                         introduced_by=introducer)
        introducer = person.id
        Channel.create(contact=person, kind="email", value=f"p{number}@example.com", label="work" if number % 3 else "")
        Channel.create(contact=person, kind="phone", value=f"+39 {number}", label="")
        ContactTag.create(contact=person, tag=_tag(("fintech", "rome")[number % 2]))
        Fact.create(contact=person, label="kids", value=str(number))
        ImportantDate.create(contact=person, label="birthday", month=1 + number % 12, day=1, year=None)


@pytest.mark.parametrize("query", ["", "city:Roma"])
def test_an_export_runs_as_many_statements_for_500_contacts_as_for_50(database, tmp_path, query):
    counts = []
    for size in (50, 500):
        Contact.delete().execute()
        _network_of(size)
        counts.append(_statements_during(lambda: exporting.export_csv(tmp_path / "contacts.csv", query=query)))
    assert counts[0] == counts[1]
    # the transaction and its savepoint, the contacts chosen, and for the lines: five tables of
    # each person's values made (one statement each) and dropped, one statement of the lines
    assert counts[0] <= 22


@pytest.mark.parametrize("query", ["", "city:Roma"])
def test_the_database_works_ten_times_as_much_for_ten_times_the_contacts(database, tmp_path, query):
    # Each line is built from its contact's own rows, found by index, and whether its introducer
    # is exported too is looked up in a set made once: a lookup that scanned the contacts for each
    # one (an unindexed or correlated IN) would make 1,000 contacts a hundred times the work of 100.
    steps = []
    for size in (100, 1000):
        Contact.delete().execute()
        _network_of(size)
        steps.append(sqlite_steps(lambda: exporting.export_csv(tmp_path / "contacts.csv", query=query), every=1000))
    assert steps[1] <= 12 * steps[0]


def test_no_statement_of_an_export_runs_a_query_per_contact(database, tmp_path):
    # Each table of values is read once for everyone (issue 18): a correlated subquery per
    # contact and table, each with its own sort, was most of a 100k export's time. The channels
    # and facts are read in their index's order (no sort at all); only tags, dates and the
    # other channels are sorted, once each. The one lookup per contact is whether their
    # introducer is exported too: by id, only for those who have one.
    awkward_network()
    statements: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        exporting.export_csv(tmp_path / "contacts.csv")
    finally:
        connection.set_trace_callback(None)
    made = [s for s in statements if s.startswith("CREATE TEMP TABLE")]
    reads = [s for s in statements if s.startswith(("INSERT INTO temp.", "SELECT CAST"))]
    assert len(made) == 5 and len(reads) == 6
    for statement in made:
        database.execute_sql(statement)
    try:
        steps = {statement: database.execute_sql("EXPLAIN QUERY PLAN " + statement).fetchall() for statement in reads}
    finally:
        for statement in made:
            database.execute_sql("DROP TABLE temp." + statement.split()[3])
    plans = {statement: [row[3] for row in rows] for statement, rows in steps.items()}
    for statement, rows in steps.items():
        for correlated in (row for row in rows if "CORRELATED" in row[3]):
            inside = [row[3] for row in rows if row[1] == correlated[0]]
            assert inside == ["SEARCH i USING INTEGER PRIMARY KEY (rowid=?)"], (statement[:60], plans[statement])
        assert sum("TEMP B-TREE" in step for step in plans[statement]) <= 2, (statement[:60], plans[statement])
    unsorted = [plan for statement, plan in plans.items()
                if statement.startswith(("INSERT INTO temp.netui_export_own_channels", "INSERT INTO temp.netui_export_facts"))]
    assert len(unsorted) == 2
    for plan in unsorted:
        assert plan and all("TEMP B-TREE" not in step for step in plan) and "USING INDEX" in plan[0]


@pytest.mark.parametrize("separator", ["\x1f", "\x1e", "\x00"])
def test_a_value_holding_a_separator_of_the_fast_writer_is_still_exported_exactly(database, tmp_path, separator,
                                                                                   halves):
    # The database builds the lines with unit and record separators between cells and lines; a
    # value holding one (a control character no one types, but a file may bring) sends the
    # export to the row-by-row writer: the same file as ever. So does a NUL character, where
    # SQL's printf would end the value.
    people = awkward_network()
    people[5].notes = f"before{separator}after"
    people[5].save()
    Fact.create(contact=people[6], label="odd", value=f"x{separator}y")
    [path] = exporting.export_csv(tmp_path / "contacts.csv")
    data = path.read_bytes()
    assert data == reference()
    assert f"before{separator}after".encode() in data


def _nul_in(place: str, people: list[Contact]) -> None:
    person = people[7]
    if place.startswith("contact."):
        Contact.update(**{place.split(".")[1]: "be\x00fore"}).where(Contact.id == person.id).execute()
    elif place == "email":
        Channel.create(contact=person, kind="email", value="a\x00b@example.com", label="")
    elif place == "email label":
        Channel.create(contact=person, kind="email", value="a@example.com", label="wo\x00rk")
    elif place == "other kind":
        Channel.create(contact=person, kind="sig\x00nal", value="+39 1", label="")
    elif place == "tag":
        ContactTag.create(contact=person, tag=_tag("na\x00me"))
    elif place == "date":
        ImportantDate.create(contact=person, label="birth\x00day", month=1, day=2)
    elif place == "fact":
        Fact.create(contact=person, label="kids\x00", value="Leo")


@pytest.mark.parametrize("place", ["contact.first_name", "contact.notes", "contact.how_met",
                                   "contact.cadence_snoozed_until", "email", "email label", "other kind", "tag",
                                   "date", "fact"])
def test_a_nul_character_anywhere_is_written_whole_as_the_row_by_row_writer_does(database, tmp_path, place):
    # SQL's printf ends a value at a NUL character: such a value is written as two record
    # separators by the database, which sends the export to the row-by-row writer (no scan of
    # every table of its own: one instr() a value in the statements that read it anyway).
    _nul_in(place, awkward_network())
    [path] = exporting.export_csv(tmp_path / "contacts.csv")
    data = path.read_bytes()
    assert data == reference()
    assert data.count(b"\x00") == 1


# --- random hostile values: the fast path against the row-by-row writer ---------------------

# Characters a CSV, a multi-value cell or the fast writer's separators can trip on (NUL: SQL's
# printf ends a value there), among any other (no lone surrogate: UTF-8 has no bytes for one).
_TRIPS = list(',"\r\n\t=+-@\'|\\ ;:\x1f\x1e\x1d\x1c\x00') + ["é", "🙂", "ß"]
HOSTILE = st.text(alphabet=st.one_of(st.sampled_from(_TRIPS), st.characters(blacklist_categories=("Cs",))),
                  max_size=10)
_KINDS = ("email", "phone", "linkedin", "website", "x", "instagram", "facebook", "other", "mastodon")
_PERSON = st.fixed_dictionaries({
    "fields": st.fixed_dictionaries({name: HOSTILE for name in (
        "first_name", "last_name", "company", "role", "city", "country", "how_met", "notes")}),
    "cadence_days": st.one_of(st.none(), st.integers(-5, 400)),
    "cadence_off": st.booleans(), "starred": st.booleans(),
    "channels": st.lists(st.tuples(st.sampled_from(_KINDS), HOSTILE, st.one_of(st.just(""), HOSTILE)), max_size=5),
    "tags": st.lists(HOSTILE.filter(bool), max_size=3, unique=True),
    "facts": st.lists(st.tuples(st.one_of(st.just(""), HOSTILE), HOSTILE), max_size=3),
    "dates": st.lists(st.tuples(HOSTILE, st.integers(1, 12), st.integers(1, 28), st.one_of(st.none(), st.integers(0, 2100)),
                                st.integers(0, 30)), max_size=3),
    "introduced_by": st.one_of(st.none(), st.integers(0, 3)),
})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(people=st.lists(_PERSON, min_size=1, max_size=4))
def test_random_hostile_values_export_as_the_row_by_row_writer(database, people):
    for model in (Channel, ContactTag, Fact, ImportantDate, Contact, Tag):
        model.delete().execute()
    made = []
    for number, person in enumerate(people):
        made.append(_person(number, **person["fields"], cadence_days=person["cadence_days"],
                            cadence_off=person["cadence_off"], starred=person["starred"]))
        for kind, value, label in person["channels"]:
            Channel.create(contact=made[-1], kind=kind, value=value, label=label)
        for tag in person["tags"]:
            ContactTag.get_or_create(contact=made[-1], tag=_tag(tag))
        for label, value in person["facts"]:
            Fact.create(contact=made[-1], label=label, value=value)
        for label, month, day, year, remind in person["dates"]:
            ImportantDate.create(contact=made[-1], label=label, month=month, day=day, year=year,
                                 remind_days_before=remind)
    for person, contact in zip(people, made):
        if person["introduced_by"] is not None and person["introduced_by"] < len(made):
            contact.introduced_by = made[person["introduced_by"]].id
            contact.save()
    assert exporting.contact_lines() == netui_csv.contact_lines(exporting.csv_contacts())
    with patched(bulk, "SPLIT_FROM", 1), bulk.export_snapshot(split=True) as second:  # everyone in two halves
        assert second is not None
        assert exporting.contact_lines(None, second) == netui_csv.contact_lines(exporting.csv_contacts())
    chosen = [contact.id for contact in made[::2]]
    assert exporting.contact_lines(chosen) == netui_csv.contact_lines(exporting.csv_contacts(chosen))


@contextmanager
def patched(owner, name, value):
    """`owner.name` set to `value` inside (monkeypatch is per test, not per hypothesis example)."""
    before = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, before)


@settings(max_examples=300, deadline=None)
@given(rows=st.integers(2, 5).flatmap(
    lambda columns: st.lists(st.lists(HOSTILE.filter(lambda t: "\x1e" not in t and "\x1f" not in t),
                                      min_size=columns, max_size=columns), min_size=1, max_size=6)))
def test_the_lines_are_quoted_as_the_csv_module_quotes_them(rows):
    # The fast writer's lines, cells between unit separators and lines between record
    # separators, get the csv module's quotes (QUOTE_MINIMAL) and its CRLF line ends.
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    lines = "\x1e".join("\x1f".join(row) for row in rows).encode("utf-8")
    assert bulk._quoted_lines(lines, len(rows), len(rows[0]), "\r\n") == buffer.getvalue().encode("utf-8")


def _python_lines_run(action) -> int:
    """How many lines of netui's own Python code ran during `action`."""
    ran = 0
    package = str(Path(netui.__file__).parent)

    def local(frame, event, arg):
        nonlocal ran
        if event == "line":
            ran += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        action()
    finally:
        sys.settrace(previous)
    return ran


def test_python_does_the_same_work_for_1000_contacts_as_for_100(database, tmp_path):
    # SQLite builds every line; Python only quotes the cells holding a comma, a quote or a line
    # break, found by searching the whole text (issue 18): no Python loop over the lines, whose
    # cost (the csv module on a line, splitting, testing) was a fifth of a 100k export.
    counts = []
    for size in (100, 1000):
        Contact.delete().execute()
        _network_of(size)
        Contact.update(notes="a, b").where(Contact.first_name.in_(["P1", "P2", "P3"])).execute()
        counts.append(_python_lines_run(lambda: exporting.export_csv(tmp_path / "contacts.csv")))
    assert counts[1] <= counts[0] + 20, counts


# --- two halves in two processes reading one snapshot ------------------------------------------


def _database_path() -> Path:
    return Path(database.connection().execute("PRAGMA database_list").fetchone()[2])


def test_a_big_export_builds_half_of_the_lines_in_a_second_process(database, tmp_path, monkeypatch):
    # SQLite's work is most of a big export's and one process uses one core (issue 18): from
    # SPLIT_FROM living contacts on, the contacts with the upper half of the ids are built in a
    # process of its own while this one builds the others, and the two are merged by name.
    monkeypatch.setattr(bulk, "SPLIT_FROM", 2)
    people = awkward_network()
    built_there = []
    result = bulk.SecondHalf.result

    def recorded(second):
        built_there.append((second.process.pid, result(second)))
        return built_there[-1][1]

    monkeypatch.setattr(bulk.SecondHalf, "result", recorded)
    [path] = exporting.export_csv(tmp_path / "contacts.csv")
    assert path.read_bytes() == reference()
    [(pid, (lines, count, keys))] = built_there
    living = len(people) - 1
    assert pid != __import__("os").getpid() and count == living - living // 2 and lines


def test_a_writer_committing_while_a_split_export_runs_shows_in_neither_half(database, tmp_path, monkeypatch):
    # Both halves read one snapshot: the write lock is held from before this connection's first
    # read until the second process has taken its own, so nothing commits in between, and
    # neither sees what commits afterwards.
    monkeypatch.setattr(bulk, "SPLIT_FROM", 2)
    people = awkward_network()
    before = reference()
    middle_id = bulk._middle_id

    def writer_commits_meanwhile():
        middle = middle_id()
        writer = sqlite3.connect(_database_path(), isolation_level=None, timeout=5)
        try:  # commits once the lock is let go (the second process has its snapshot by then)
            writer.execute("UPDATE contact SET notes = 'changed meanwhile' WHERE id IN (?, ?)",
                           (people[0].id, people[-1].id))
            writer.execute("INSERT INTO fact (contact_id, label, value) VALUES (?, 'new', 'meanwhile')",
                           (people[-1].id,))
        finally:
            writer.close()
        return middle

    monkeypatch.setattr(bulk, "_middle_id", writer_commits_meanwhile)
    [path] = exporting.export_csv(tmp_path / "contacts.csv")
    assert path.read_bytes() == before
    monkeypatch.setattr(bulk, "_middle_id", middle_id)
    [path] = exporting.export_csv(tmp_path / "again.csv")
    assert path.read_bytes().count(b"meanwhile") == 3


def test_a_second_process_that_fails_leaves_its_half_to_this_one(database, tmp_path, monkeypatch):
    # Should the second process fail (here: it is handed a job it cannot read), this connection
    # builds that half too: the same file, and no process left behind.
    monkeypatch.setattr(bulk, "SPLIT_FROM", 2)
    awkward_network()
    started = []

    def garbled(second, job):
        started.append(second)
        second.process.stdin.write(b"{not json")
        second.process.stdin.close()

    monkeypatch.setattr(bulk.SecondHalf, "start", garbled)
    [path] = exporting.export_csv(tmp_path / "contacts.csv")
    assert path.read_bytes() == reference()
    [second] = started
    assert second.process.returncode == 1


def test_a_split_export_holds_the_write_lock_only_while_the_second_process_begins(database, tmp_path,
                                                                                   monkeypatch):
    # While this connection and the second process take their snapshots no writer may commit
    # (a writer trying at once is refused); afterwards writers go on (the previous test commits
    # while the halves are built), and the process has ended once the file is written.
    monkeypatch.setattr(bulk, "SPLIT_FROM", 2)
    awkward_network()
    opened, refused = [], []
    open_ = bulk.SecondHalf.open.__func__

    def writer_tries_meanwhile(cls, path, lock):
        try:
            _write_now(path)
        except sqlite3.OperationalError as error:
            refused.append(str(error))
        opened.append(open_(cls, path, lock))
        return opened[-1]

    monkeypatch.setattr(bulk.SecondHalf, "open", classmethod(writer_tries_meanwhile))
    [path] = exporting.export_csv(tmp_path / "contacts.csv")
    assert path.read_bytes() == reference()
    assert refused == ["database is locked"]
    [second] = opened
    assert second is not None and second.process.poll() == 0
    _write_now(_database_path())  # let go


def _write_now(path):
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("ROLLBACK")
    finally:
        writer.close()


def test_a_small_network_or_a_chosen_few_start_no_second_process(database, tmp_path, monkeypatch):
    # Starting a process costs about what halving a small export saves; a query's contacts are
    # built on this connection too.
    _network_of(30)
    started = []
    monkeypatch.setattr(bulk.SecondHalf, "open", classmethod(lambda cls, path, lock: started.append(path)))
    exporting.export_csv(tmp_path / "contacts.csv")
    monkeypatch.setattr(bulk, "SPLIT_FROM", 2)
    exporting.export_csv(tmp_path / "contacts.csv", query="city:Roma")
    assert started == []
    exporting.export_csv(tmp_path / "contacts.csv")
    assert len(started) == 1
