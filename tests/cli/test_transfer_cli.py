"""export and import from the command line: round trips, private files, dry runs, bad files."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import icalendar
import pendulum
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import travel
from netui import cli, contacts, demo, followups
from netui.store import db
from netui.exchange import table_import

DATA = Path(__file__).resolve().parents[1] / "data"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_own_csv_export_import_export_gives_the_same_bytes(tmp_path, capsys, frozen):
    first_db, second_db = tmp_path / "a.db", tmp_path / "b.db"
    handle = db.open_database(first_db)
    demo.generate_network(60)
    contacts.create_contact("Nadia '=cmd' Kraus", company="=HYPERLINK(\"x\")", phones=["+39 333 123 4567"],
                            notes="line one\nline two | with a bar")
    handle.close()
    assert run(capsys, "--db", first_db, "export", "csv", "--out", tmp_path / "a.csv")[0] == 0
    code, out, _ = run(capsys, "--db", second_db, "import", tmp_path / "a.csv")
    assert code == 0 and out.startswith("netui CSV: 61 new, 0 updated, 0 unchanged, 0 skipped")
    assert run(capsys, "--db", second_db, "export", "csv", "--out", tmp_path / "b.csv")[0] == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_exported_files_are_private_and_readable_by_their_libraries(tmp_path, capsys, frozen):
    path = tmp_path / "x.db"
    handle = db.open_database(path)
    demo.generate_network(30)
    handle.close()
    for fmt, name in (("csv", "x.csv"), ("vcard", "x.vcf"), ("ics", "x.ics")):
        assert run(capsys, "--db", path, "export", fmt, "--out", tmp_path / name)[0] == 0
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    cards = list(vobject.readComponents((tmp_path / "x.vcf").read_text()))
    assert len(cards) == 30
    calendar = icalendar.Calendar.from_ical((tmp_path / "x.ics").read_bytes())
    assert any(c.name == "VEVENT" for c in calendar.walk())


def test_export_filters_by_tag_and_city(tmp_path, capsys):
    path = tmp_path / "x.db"
    handle = db.open_database(path)
    contacts.create_contact("Giulia Rossi", city="Milano", tags=["fintech"])
    contacts.create_contact("Marco Bianchi", city="Roma", tags=["fintech"])
    contacts.create_contact("Anna Verdi", city="Milano")
    handle.close()
    run(capsys, "--db", path, "export", "csv", "--tag", "fintech", "--city", "Milano", "--out", tmp_path / "f.csv")
    lines = (tmp_path / "f.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("Giulia,Rossi")


def test_dry_run_writes_nothing_and_says_so(tmp_path, capsys):
    linkedin = DATA / "linkedin_excel_cp1252.csv"
    path = tmp_path / "x.db"
    code, out, _ = run(capsys, "--db", path, "import", linkedin, "--dry-run")
    assert code == 0 and "dry run: nothing written" in out and "skipped: only a date" in out
    handle = db.open_database(path)
    try:
        assert contacts.count_contacts() == 0
    finally:
        handle.close()
    code, out, _ = run(capsys, "--db", path, "import", linkedin)
    handle = db.open_database(path)
    try:
        assert contacts.count_contacts() > 0
    finally:
        handle.close()


def test_a_file_that_is_not_importable_is_refused_with_its_name(tmp_path, capsys):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("shopping list\nmilk\n")
    code, out, err = run(capsys, "--db", tmp_path / "x.db", "import", bogus)
    assert code == 2 and str(bogus) in err and "does not recognise" in err
    code, out, err = run(capsys, "--db", tmp_path / "x.db", "import", tmp_path / "missing.csv")
    assert code == 2 and "cannot read" in err


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path, capsys):
    google = DATA / "google_old_layout.csv"
    path = tmp_path / "x.db"
    run(capsys, "--db", path, "import", google)
    code, out, _ = run(capsys, "--db", path, "import", google)
    assert " 0 new, 0 updated," in out


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), people=st.integers(1, 25))
def test_for_any_generated_network_export_then_import_loses_nothing(seed, people, frozen):
    from netui.exchange import exporting
    from netui.store.models import Channel, ContactTag, Fact, ImportantDate

    def counts():
        return (contacts.count_contacts(), Channel.select().count(), ContactTag.select().count(),
                Fact.select().count(), ImportantDate.select().count())

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        handle = db.open_database(folder / "a.db")
        demo.generate_network(people, seed=seed)
        before = counts()
        exporting.export_csv(folder / "a.csv")
        handle.close()
        handle = db.open_database(folder / "b.db")
        table_import.import_file(folder / "a.csv")
        assert counts() == before
        exporting.export_csv(folder / "b.csv")
        handle.close()
        assert (folder / "a.csv").read_bytes() == (folder / "b.csv").read_bytes()


def test_ics_export_carries_recurring_appointments_with_their_rules(tmp_path, capsys, frozen):
    """Read back by icalendar, each appointment repeats as netui says: the same occurrences."""
    import datetime as dt

    from dateutil.rrule import rrulestr

    from netui import appointments

    path = tmp_path / "x.db"
    handle = db.open_database(path)
    marco = contacts.create_contact("Marco Bianchi")
    tennis = appointments.create_appointment("Tennis", [marco], "2026-12-01 18:00", freq="weekly",
                                             weekdays="tue,thu", until="2026-12-31", timezone="Europe/Rome",
                                             duration_minutes=90)
    appointments.create_appointment("Lunch", [marco], "2027-01-31 12:30", freq="monthly", count=4,
                                    timezone="Europe/Rome")
    expected = {
        title: [o.starts_at for o in appointments.occurrences_between(dt.date(2026, 11, 1), dt.date(2028, 1, 1))
                if o.title == title]
        for title in ("Tennis", "Lunch")
    }
    handle.close()
    assert run(capsys, "--db", path, "export", "ics", "--out", tmp_path / "x.ics")[0] == 0
    calendar = icalendar.Calendar.from_ical((tmp_path / "x.ics").read_bytes())
    found = {str(c["SUMMARY"]): c for c in calendar.walk("VEVENT")}
    tennis_event, lunch_event = found["Tennis with Marco Bianchi"], found["Lunch with Marco Bianchi"]
    assert str(tennis_event["UID"]) == f"appointment-{tennis}@netui"
    assert tennis_event["DTSTART"].params["TZID"] == "Europe/Rome"
    assert tennis_event["DTEND"].dt - tennis_event["DTSTART"].dt == dt.timedelta(minutes=90)
    assert tennis_event["RRULE"]["BYDAY"] == ["TU", "TH"]
    assert tennis_event["RRULE"]["UNTIL"][0].tzinfo is not None  # UTC, as RFC 5545 wants with a TZID
    for event, title in ((tennis_event, "Tennis"), (lunch_event, "Lunch")):
        start = event["DTSTART"].dt
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        assert [pendulum.instance(moment) for moment in rule] == expected[title], title
    # Monthly on the 31st skips the months without one (RFC 5545): Jan, Mar, May, Jul.
    assert [moment.month for moment in expected["Lunch"]] == [1, 3, 5, 7]
    assert len(expected["Tennis"]) == 10  # Tue and Thu from 1 to 31 December 2026


def test_open_followups_are_exported_on_29_february(tmp_path, capsys):
    """The open follow-ups go out whatever today is, 29 February too (9999 has no 29 February)."""
    path = tmp_path / "x.db"
    with travel(pendulum.datetime(2028, 2, 29, 10, tz="Europe/Rome")):
        handle = db.open_database(path)
        followups.create_followup(contacts.create_contact("Giulia Rossi"), "2028-03-10", "Send the deck")
        handle.close()
        assert run(capsys, "--db", path, "export", "csv", "--what", "followups", "--out", tmp_path / "f.csv")[0] == 0
        assert run(capsys, "--db", path, "export", "ics", "--out", tmp_path / "f.ics")[0] == 0
    assert "Send the deck" in (tmp_path / "f.csv").read_text(encoding="utf-8")
    assert "Send the deck" in (tmp_path / "f.ics").read_text(encoding="utf-8")


def test_a_vcard_version_asked_for_is_the_export_s_not_netui_s(tmp_path, capsys):
    # `--version` after `export vcard` is the vCard's version: it once printed netui's own
    # version, exited 0 and wrote no file (the top-level options were read first, alone).
    path = tmp_path / "x.db"
    handle = db.open_database(path)
    contacts.create_contact("Giulia Rossi", emails=["giulia@example.com"])
    handle.close()
    for number, order in enumerate((["--version", "4.0", "--out"], ["--version=4.0", "--out"])):
        out_file = tmp_path / f"c{number}.vcf"
        code, out, err = run(capsys, "--db", path, "export", "vcard", *order, out_file)
        assert code == 0 and "0.1" not in out, (out, err)
        assert "VERSION:4.0" in out_file.read_text() and "Giulia" in out_file.read_text()
    code, out, err = run(capsys, "--db", path, "export", "vcard", "--out", tmp_path / "c3.vcf", "--version", "4.0")
    assert code == 0 and "VERSION:4.0" in (tmp_path / "c3.vcf").read_text()
    try:
        code = cli.main(["--version"])
    except SystemExit as ended:
        code = ended.code
    assert code == 0 and capsys.readouterr().out.startswith("netui ")
