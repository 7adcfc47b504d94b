"""Copying a whole network between databases (netui.store.transfer, issue 19): a file onto a
throwaway PostgreSQL server and back into a file, every row and every exported byte the same;
a destination holding anything refused and left alone; a copy failing half way leaving
nothing; the source never written; backup and restore on a server pointing to pg_dump."""

from __future__ import annotations

import hashlib

import peewee
import pytest

from netui import appointments, demo, duplicates, events, giving, timeline, upkeep, wishes
from netui.errors import ValidationError
from netui.exchange import exporting
from netui.store import backup, bulk, db, search, transfer
from netui.store.migrations import MIGRATIONS
from netui.store.models import Contact, Event, Favour, Interaction

TABLES = transfer.TABLES


def rich_network(path):
    """A demo network of 40 people in a file, with a row in every table the demo leaves empty
    (favours move favour_balance, introductions, an appointment done, a default cadence, a
    wish, a pair marked not the same) and an introducer added after the person introduced."""
    handle = db.open_database(path)
    demo.generate_network(people=40)
    people = [row.id for row in Contact.select(Contact.id).order_by(Contact.id)]
    giving.record_favour(people[0], "gave", "advice", note="CV read", on="2026-10-01")
    giving.record_favour(people[0], "gave", "job lead", on="2026-10-02", followup_due="2026-12-20")
    giving.record_favour(people[1], "received", "reference letter", on="2026-09-15")
    giving.introduce(people[2], people[3], reason="both in fintech", on="2026-11-01", status="made")
    giving.introduce(people[4], people[5], reason="same city", on="2026-11-02")
    appointment = appointments.create_appointment("Coffee", [people[6], people[7]], "2026-10-05 09:00",
                                                  count=10)
    appointments.mark_done(appointment, "2026-10-05", notes="talked about the trip")
    upkeep.set_default_cadence("circle", "work", 45)
    duplicates.mark_not_same(people[8], people[9])
    event = events.create_event("Fintech Summit", kind="convention", starts_at="2026-12-10 09:00")
    wishes.add_wish(event, "Sara Conti", company="Lumen", why="payments")
    # Introduced by someone added after them: a link to a row further on in the same table.
    Contact.update(introduced_by=people[-1]).where(Contact.id == people[0]).execute()
    handle.close()


def every_row() -> dict[str, list[tuple]]:
    """Every table of the bound database, as Python values, in a stable order."""
    rows = {}
    for model in TABLES:
        fields = model._meta.sorted_fields
        query = model.select(*fields).order_by(*fields).tuples()
        rows[model._meta.table_name] = [tuple(row) for row in query]
    return rows


def exported(tmp_path, name):
    """Every CSV table of the bound database (export csv --what all), file name -> bytes."""
    folder = tmp_path / name
    exporting.export_csv(folder, what="all")
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_network_goes_to_postgresql_and_back_with_every_row_and_byte(postgres_cluster, tmp_path, frozen):
    first, last = tmp_path / "first.db", tmp_path / "last.db"
    server = postgres_cluster.address(postgres_cluster.new_database())
    rich_network(first)
    db.open_database(first)
    original, original_csv = every_row(), exported(tmp_path, "first")
    db.close_database()
    before = digest(first)

    to_server = transfer.copy_network(first, server)
    back = transfer.copy_network(server, last)

    assert digest(first) == before  # the source is read, never written
    assert to_server.rows == back.rows == {table: len(rows) for table, rows in original.items()}
    assert all(to_server.rows[table] for table in ("contact", "favour", "introduction", "appointment_occurrence",
                                                   "cadence_default", "not_duplicate", "event_wish"))
    assert to_server.indexed == back.indexed == len(original["contact"])
    for place, name in ((server, "server"), (last, "last")):
        db.open_database(place)
        try:
            assert every_row() == original, place  # ids, derived values, dates, flags, instants
            assert exported(tmp_path, name) == original_csv, place
            assert search.index_size() == len(original["contact"])
        finally:
            db.close_database()


def test_a_copy_has_the_numbers_the_first_screen_shows(postgres_cluster, tmp_path, frozen):
    """The copy writes contact and event_attendee with their triggers off; the numbers they
    keep (the list's title, each event's people to meet and met) are counted again, the trash
    left out, on the server and back in a file."""
    from netui import contacts, lifecycle
    from netui.store import totals

    first, last = tmp_path / "first.db", tmp_path / "last.db"
    server = postgres_cluster.address(postgres_cluster.new_database())
    db.open_database(first)
    demo.generate_network(people=40)
    lifecycle.trash_contact(Contact.select(Contact.id).limit(1).scalar())
    shown = [(e.id, e.to_meet, e.met) for e in events.upcoming_events() + events.past_events()]
    assert sum(met for _id, _to_meet, met in shown)
    db.close_database()
    transfer.copy_network(first, server)
    transfer.copy_network(server, last)
    for place in (server, last):
        db.open_database(place)
        try:
            assert totals.living_contacts() == contacts.find_contacts("").count == 39, place
            assert [(e.id, e.to_meet, e.met) for e in events.upcoming_events() + events.past_events()] == shown
            contacts.create_contact("Nina Nuova")  # and goes on from there
            assert totals.living_contacts() == 40, place
        finally:
            db.close_database()


def test_a_copy_keeps_the_stored_balances_and_last_contacts_and_goes_on_from_there(postgres_cluster, tmp_path,
                                                                                   frozen):
    source = tmp_path / "source.db"
    server = postgres_cluster.address(postgres_cluster.new_database())
    rich_network(source)
    transfer.copy_network(source, server)
    handle = db.open_database(server)
    try:
        owed = Contact.select().where(Contact.favour_balance != 0).count()
        assert owed >= 2  # copied as stored: the triggers did not run while the rows went in
        someone = Contact.select().order_by(Contact.id.desc()).get()
        new_id = Contact.create(first_name="Nina", last_name="Nuova", sort_name="nuova nina",
                                created_at="2026-11-29 09:00:00", updated_at="2026-11-29 09:00:00").id
        assert new_id > someone.id  # the ids go on after the copied ones
        timeline.log_interaction([new_id], "call", summary="first call", occurred_at=frozen)
        giving.record_favour(new_id, "gave", "advice", on="2026-11-28")
        nina = Contact.get_by_id(new_id)
        # The triggers are back after the copy: they keep the new person's values.
        assert nina.last_contacted_at is not None and nina.favour_balance == 1
    finally:
        handle.close()


def test_a_destination_holding_anything_is_refused_and_left_as_it_was(postgres_cluster, tmp_path, frozen):
    source = tmp_path / "source.db"
    rich_network(source)
    server = postgres_cluster.address(postgres_cluster.new_database())
    handle = db.open_database(server)
    events.create_event("Our own meetup", kind="meetup", starts_at="2026-12-01 18:00")
    handle.close()
    with pytest.raises(ValidationError, match=r"already holds a network \(1 event\)"):
        transfer.copy_network(source, server)
    handle = db.open_database(server)
    try:
        assert [event.title for event in Event.select()] == ["Our own meetup"]
        assert all(not model.select().exists() for model in TABLES if model is not Event)
    finally:
        handle.close()

    occupied = tmp_path / "occupied.db"
    handle = db.open_database(occupied)
    Contact.create(first_name="Ada", sort_name="ada", created_at="2026-11-01 10:00:00",
                   updated_at="2026-11-01 10:00:00")
    handle.close()
    before = every_row_of(occupied)
    with pytest.raises(ValidationError, match=f"{occupied} already holds a network \\(1 contact\\)"):
        transfer.copy_network(source, occupied)
    assert every_row_of(occupied) == before

    tagged = tmp_path / "tagged.db"
    handle = db.open_database(tagged)
    upkeep.set_default_cadence("circle", "work", 30)
    handle.close()
    with pytest.raises(ValidationError, match=r"already holds a network \(1 row in its table cadence_default\)"):
        transfer.copy_network(source, tagged)


def every_row_of(path):
    handle = db.open_database(path)
    try:
        return every_row()
    finally:
        handle.close()


@pytest.mark.parametrize("where", ["server", "new file"])
def test_a_copy_failing_half_way_leaves_the_destination_as_it_was(postgres_cluster, tmp_path, monkeypatch, frozen,
                                                                  where):
    source = tmp_path / "source.db"
    rich_network(source)
    destination = (postgres_cluster.address(postgres_cluster.new_database()) if where == "server"
                   else tmp_path / "new.db")
    insert_rows = bulk.insert_rows

    def failing(model, fields, rows, progress=None):
        insert_rows(model, fields, rows, progress)
        if model is Interaction:  # events, contacts, channels... are in by now
            raise peewee.OperationalError("the disk went away")

    monkeypatch.setattr(bulk, "insert_rows", failing)
    with pytest.raises(transfer.CopyFailed, match="failed \\(the disk went away\\), so nothing was copied"):
        transfer.copy_network(source, destination)
    monkeypatch.undo()
    if where == "new file":
        assert not destination.exists()
        return
    handle = db.open_database(destination)
    try:
        assert all(not model.select().exists() for model in TABLES)
        # The triggers suspended for the copy are back in place with the rest.
        person = Contact.create(first_name="Ada", sort_name="ada", created_at="2026-11-01 10:00:00",
                                updated_at="2026-11-01 10:00:00")
        giving.record_favour(person.id, "received", "advice", on="2026-11-02")
        assert Contact.get_by_id(person.id).favour_balance == -1
    finally:
        handle.close()


def test_the_source_must_be_a_network_and_not_the_destination(tmp_path, frozen):
    source = tmp_path / "source.db"
    with pytest.raises(db.DatabaseOpenError, match="there is no netui network there to copy"):
        transfer.copy_network(source, tmp_path / "copy.db")
    assert not source.exists() and not (tmp_path / "copy.db").exists()
    rich_network(source)
    with pytest.raises(ValidationError, match="is the database copied from"):
        transfer.copy_network(source, tmp_path / "." / "source.db")


def test_a_source_of_an_older_netui_is_refused_not_upgraded(tmp_path, frozen):
    source = tmp_path / "old.db"
    db.open_database(source, migrations=MIGRATIONS[:-1]).close()
    before = digest(source)
    with pytest.raises(db.DatabaseOpenError, match=f"older netui \\(schema version {len(MIGRATIONS) - 1}\\); "
                                                   "open it once with this netui"):
        transfer.copy_network(source, tmp_path / "copy.db")
    assert digest(source) == before and not (tmp_path / "copy.db").exists()


def test_backup_and_restore_of_a_team_network_say_to_use_pg_dump(postgres_database, tmp_path):
    address = postgres_database.path
    with pytest.raises(ValidationError, match="pg_dump") as refused:
        backup.backup_now(tmp_path / "copy.db")
    assert "netui copy" in str(refused.value)
    assert not (tmp_path / "copy.db").exists()
    events.create_event("Our own meetup", kind="meetup", starts_at="2026-12-01 18:00")
    assert backup.rolling_backup() is None  # the app's daily copy: quietly not made on a server
    file_backup = tmp_path / "a.db"
    db.open_database(file_backup).close()
    with pytest.raises(ValidationError, match="pg_restore"):
        backup.restore(file_backup, address)


def test_a_captured_line_not_saved_yet_goes_with_the_copy(tmp_path, frozen):
    """A line typed at quick capture and not saved into the network yet is the user's; the copy
    carries it, and netui saves it at the copy's first open as it would have at the source's."""
    from netui import capture, contacts

    source, copied = tmp_path / "source.db", tmp_path / "copy.db"
    handle = db.open_database(source)
    fair = capture.event_for_today("Fiera")
    capture.journal("Giulia Rossi @Lumen !2d met at the stand", fair)
    handle.close()
    report = transfer.copy_network(source, copied)
    assert report.rows["capture_pending"] == 1
    handle = db.open_database(copied)
    applied, left = capture.recover()
    assert ([r.name for r in applied], [r.event_title for r in applied], left) == (["Giulia Rossi"], ["Fiera"], [])
    assert contacts.count_contacts() == 1
    handle.close()
