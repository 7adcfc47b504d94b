"""netui's own CSV: contacts written and read back without loss, formulas neutralised,
the other tables (interactions, events, follow-ups) written and read back."""

from __future__ import annotations

import calendar
import csv
import dataclasses
import datetime as dt
import io
import string

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui import contacts, rules
from netui.store import db
from netui.contacts import ChannelInfo, ContactDetail, FactInfo, ImportantDateInfo
from netui.errors import ValidationError
from netui.exchange.formats import netui_csv, netui_tables
from netui.exchange.formats.netui_csv import CONTACT_COLUMNS, HEADER_LINE, looks_like, read, write_contacts
from netui.exchange.formats.netui_tables import Ref
from netui.exchange.records import IncomingPerson, Skipped
from netui.store.models import CIRCLES

STAMP = pendulum.datetime(2026, 11, 1, 9, 0, tz="UTC")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def detail(**values) -> ContactDetail:
    """A ContactDetail as get_contact returns it, built without a database."""
    base = dict(
        id=1, first_name="", last_name="", company="", role="", city="", country="",
        circle="other", how_met="", met_at_id=None, met_at_title=None, introduced_by_id=None,
        introduced_by_name=None, cadence_days=None, starred=False, notes="", created_at=STAMP,
        updated_at=STAMP, trashed_at=None, last_contacted=None,
    )
    base.update(values)
    return ContactDetail(**base)


def channel(kind: str, value: str, label: str = "", id: int = 0) -> ChannelInfo:
    return ChannelInfo(id, kind, value, label)


def cells_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def channels_read(person: IncomingPerson) -> list[tuple[str, str, str]]:
    """Every channel of an IncomingPerson as (kind, value, label), grouped by kind in netui's
    order, as an import adds them: unlabelled ones of the kinds with a list, then the others."""
    found = [("email", v, "") for v in person.emails] + [("phone", v, "") for v in person.phones]
    found += [("linkedin", v, "") for v in person.linkedin] + [("website", v, "") for v in person.websites]
    found += list(person.other_channels)
    return sorted(found, key=lambda c: c[0])  # stable: keeps the order within a kind


def channels_expected(person: ContactDetail) -> list[tuple[str, str, str]]:
    ordered = sorted(person.channels, key=lambda c: (c.kind, bool(c.label)))
    return [(c.kind, c.value, c.label) for c in ordered]


def assert_same(person: IncomingPerson, original: ContactDetail) -> None:
    for name in ("first_name", "last_name", "company", "role", "city", "country", "how_met",
                 "notes", "circle", "cadence_days", "starred"):
        assert getattr(person, name) == getattr(original, name), name
    assert person.tags == sorted(set(original.tags))
    assert channels_read(person) == channels_expected(original)
    assert person.facts == [(f.label, f.value) for f in original.facts]
    dates = sorted(original.important_dates, key=lambda d: (d.month, d.day, d.year or 0, d.label,
                                                            d.remind_days_before))
    assert person.important_dates == [(d.label, d.year, d.month, d.day) for d in dates]
    assert person.date_reminders == [d.remind_days_before for d in dates]


def assert_no_formula_cell(data: bytes) -> None:
    for row in cells_of(data):
        for cell in row:
            assert not cell.startswith(DANGEROUS), cell


GIULIA = detail(
    first_name="Giulia", last_name="Rossi-Bianchi", company="@home", role="Head of PR, Italy",
    city="Città di Castello", country="Italia", circle="work", how_met='Lumen "launch" party',
    cadence_days=30, starred=True,
    notes='=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"\r\nand | a bar',
    tags=["fintech", "pr"],
    channels=[
        channel("email", "giulia@lumen.it", "work", 1),
        channel("email", "giulia.rossi@gmail.com", "", 2),
        channel("email", "g=r@example.org", "home | old", 3),
        channel("phone", "+39 333 123 4567", "mobile", 4),
        channel("phone", "-06 1234 5678", "", 5),
        channel("linkedin", "https://www.linkedin.com/in/giulia-rossi", "", 6),
        channel("website", "https://lumen.it/?who=giulia&x=1", "", 7),
        channel("x", "@giulia", "", 8),
        channel("other", "+39 333 765 4321", "signal: old=new", 9),
    ],
    facts=[FactInfo(1, "children", "Marco | Sara"), FactInfo(2, "note\\path", "C:\\Users\\g"),
           FactInfo(3, "=sum", "'quoted'")],
    important_dates=[ImportantDateInfo(1, "birthday", 4, 15, None, 7),
                     ImportantDateInfo(2, "anniversary", 2, 29, 2016, 14)],
)
YUKI = detail(
    id=2, first_name="由紀", last_name="田中", company="'Quoted' Ltd", role="-minus",
    city="東京", notes="-minus", how_met="+plus", tags=["日本"],
    channels=[channel("email", "yuki@example.jp")],
)
MONONYM = detail(id=3, first_name="", last_name="Ødegaard", circle="friends")


# --- the file ------------------------------------------------------------------------------


def test_header_is_fixed_and_recognised():
    data = write_contacts([])
    assert data == (HEADER_LINE + "\r\n").encode()
    assert HEADER_LINE.startswith("first_name,last_name,company,role,city,country,circle,tags,emails")
    assert looks_like(data.decode()) and looks_like("\ufeff" + data.decode())
    assert not looks_like("First Name,Last Name,URL,Email Address\r\n")
    assert not looks_like("")
    assert read(data.decode()).people == [] and read(data.decode()).skipped == []


def test_one_row_per_contact_in_the_order_given():
    data = write_contacts([YUKI, GIULIA, MONONYM])
    rows = cells_of(data)
    assert rows[0] == list(CONTACT_COLUMNS)
    assert [row[1] for row in rows[1:]] == ["田中", "Rossi-Bianchi", "Ødegaard"]
    assert all(len(row) == len(CONTACT_COLUMNS) for row in rows)
    assert data.endswith(b"\r\n") and data.decode().count("\r\n") >= 4


def test_round_trip_keeps_every_field():
    result = read(write_contacts([GIULIA, YUKI, MONONYM]).decode("utf-8"))
    assert result.format_name == "netui CSV"
    assert result.skipped == []
    assert [p.name for p in result.people] == ["Giulia Rossi-Bianchi", "由紀 田中", "Ødegaard"]
    for person, original in zip(result.people, (GIULIA, YUKI, MONONYM)):
        assert isinstance(person, IncomingPerson)
        assert_same(person, original)
    giulia = result.people[0]
    assert giulia.emails == ["giulia.rossi@gmail.com"]
    assert ("email", "giulia@lumen.it", "work") in giulia.other_channels
    assert ("email", "g=r@example.org", "home | old") in giulia.other_channels
    assert giulia.phones == ["-06 1234 5678"]
    assert ("phone", "+39 333 123 4567", "mobile") in giulia.other_channels
    assert giulia.websites == ["https://lumen.it/?who=giulia&x=1"]
    assert giulia.important_dates == [("anniversary", 2016, 2, 29), ("birthday", None, 4, 15)]
    assert giulia.date_reminders == [14, 7]


def test_cells_are_readable_in_a_spreadsheet():
    row = dict(zip(CONTACT_COLUMNS, cells_of(write_contacts([GIULIA]))[1]))
    assert row["emails"] == "giulia.rossi@gmail.com | work=giulia@lumen.it | home \\| old=g\\=r@example.org"
    assert row["phones"] == "'-06 1234 5678 | mobile=+39 333 123 4567"
    assert row["websites"] == "https://lumen.it/?who\\=giulia&x\\=1"
    assert row["other_channels"] == "x=@giulia | other:signal: old\\=new=+39 333 765 4321"
    assert row["important_dates"] == "anniversary=2016-02-29 remind 14 | birthday=--04-15"
    assert row["facts"] == "children=Marco \\| Sara | note\\\\path=C:\\\\Users\\\\g | \\=sum='quoted'"
    assert row["tags"] == "fintech | pr"
    assert row["company"] == "'@home"
    assert row["notes"].startswith("'=HYPERLINK(")
    assert (row["starred"], row["cadence_days"], row["circle"]) == ("yes", "30", "work")
    yuki = dict(zip(CONTACT_COLUMNS, cells_of(write_contacts([YUKI]))[1]))
    assert (yuki["company"], yuki["role"], yuki["notes"], yuki["how_met"]) == (
        "''Quoted' Ltd", "'-minus", "'-minus", "'+plus")
    assert (yuki["starred"], yuki["cadence_days"]) == ("no", "")


def test_no_cell_can_be_evaluated_as_a_formula():
    data = write_contacts([GIULIA, YUKI, MONONYM])
    assert_no_formula_cell(data)
    tricky = detail(first_name="@Tab", last_name="-CR", company="+LF", role="@role",
                    city="=1+1", country="'", notes="\tTab", how_met="\r\nCR LF")
    data = write_contacts([tricky])
    assert_no_formula_cell(data)
    assert_same(read(data.decode()).people[0], tricky)


def test_phone_numbers_survive_the_round_trip():
    person = detail(first_name="Marco", channels=[channel("phone", "+39 333 123 4567"),
                                                   channel("phone", "+44 20 7946 0958")])
    data = write_contacts([person])
    assert b"'+39 333 123 4567 | +44 20 7946 0958" in data
    assert read(data.decode()).people[0].phones == ["+39 333 123 4567", "+44 20 7946 0958"]


def test_excel_variant_has_a_bom_and_reads_back_the_same():
    people = [GIULIA, YUKI, MONONYM]
    plain, excel = write_contacts(people), write_contacts(people, excel=True)
    assert excel.startswith(b"\xef\xbb\xbf") and not plain.startswith(b"\xef\xbb\xbf")
    assert excel[3:] == plain
    assert looks_like(excel.decode("utf-8"))
    assert read(excel.decode("utf-8")) == read(plain.decode("utf-8"))
    assert read(excel.decode("utf-8-sig")) == read(plain.decode("utf-8"))


def test_writing_is_deterministic_whatever_the_order_of_dates_and_tags():
    dates = [ImportantDateInfo(1, "b", 4, 15, None, 7), ImportantDateInfo(2, "a", 4, 15, None, 7)]
    one = detail(first_name="A", tags=["z", "a"], important_dates=dates)
    two = detail(first_name="A", tags=["a", "z"], important_dates=dates[::-1])
    assert write_contacts([one]) == write_contacts([two])


# --- reading what people (or spreadsheets) did to the file ---------------------------------


def csv_text(*rows: dict) -> str:
    """A netui CSV as a person might type it: the header, then these cells by column."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([row.get(name, "") for name in CONTACT_COLUMNS])
    return HEADER_LINE + "\r\n" + buffer.getvalue()


def test_bad_values_keep_the_rest_of_the_row():
    text = csv_text(
        {"first_name": "Anna", "circle": "colleagues", "cadence_days": "every week",
         "important_dates": "birthday=--02-30 | name day=--07-26", "emails": "anna@example.com",
         "starred": "maybe", "company": "Acme"},
        {"first_name": "Bo", "cadence_days": "0", "important_dates": "wedding=1492-10-12",
         "phones": "call me", "tags": "has space", "facts": "just text | likes=tea",
         "other_channels": "fax=123 | x=@bo"},
    )
    result = read(text)
    anna, bo = result.people
    assert (anna.first_name, anna.company, anna.circle, anna.cadence_days) == ("Anna", "Acme", "", None)
    assert anna.emails == ["anna@example.com"] and not anna.starred
    assert anna.important_dates == [("name day", None, 7, 26)]
    assert bo.important_dates == [] and bo.phones == [] and bo.tags == []
    assert bo.facts == [("likes", "tea")] and bo.other_channels == [("x", "@bo", "")]
    assert result.skipped == []  # both people are read: a bad value is a note on its row
    # what the user reads, one sentence a bad value, naming the line, the column and what became of it
    assert [f"{s.where}: {s.reason}" for s in result.notes] == [
        "line 2: kept in the notes: circle: 'colleagues' is not a circle; use one of: family, friends, school, "
        "university, work, neighbours, online, events, associations, other.",
        "line 2: ignored: cadence_days: 'every week' is not a number of days.",
        "line 2: ignored: starred: 'maybe' is not yes or no.",
        "line 2: kept in the notes: important_dates: birthday: --02-30 is not a date: February has at most 29 days.",
        "line 3: ignored: cadence_days: The keep-in-touch cadence must be at least 1 day.",
        "line 3: kept in the notes: tags: 'has space' is not a tag (one word, no spaces or commas).",
        "line 3: kept in the notes: phones: 'call me' is not a phone number (digits, spaces, + ( ) - . / only).",
        "line 3: kept in the notes: other_channels: 'fax' is not a channel; use one of: email, phone, linkedin, x, "
        "instagram, facebook, website, other.",
        "line 3: kept in the notes: important_dates: wedding: 1492 is not a plausible year.",
        "line 3: kept in the notes: facts: 'just text' is not label=value.",
    ]
    # nothing the file gives is lost: what cannot be read is in the notes, as other readers keep it
    assert anna.notes == "circle as exported: colleagues\nbirthday as exported: --02-30"
    assert bo.notes == ("tag as exported: has space\nphone as exported: call me\n"
                        "other_channels as exported: fax=123\nwedding as exported: 1492-10-12\n"
                        "facts as exported: just text")


def test_a_row_without_a_name_is_skipped_and_lines_are_physical():
    text = csv_text(
        {"first_name": "Anna", "notes": "one\ntwo\nthree"},
        {"company": "Nobody Inc", "emails": "x@example.com"},
        {"last_name": "Verdi"},
    )
    result = read(text)
    assert [p.name for p in result.people] == ["Anna", "Verdi"]
    assert [p.where for p in result.people] == ["line 2", "line 6"]
    assert result.skipped == [Skipped("line 5", "no name")]


def test_blank_lines_bom_and_hand_edited_spacing_are_accepted():
    text = "\ufeff" + csv_text({"first_name": " Anna ", "tags": "a|b |  c", "starred": "Yes",
                                "circle": "Friends", "emails": "a@example.com|b@example.com"})
    text += "\r\n,,,,\r\n\r\n"
    result = read(text)
    assert result.skipped == []
    (anna,) = result.people
    assert (anna.first_name, anna.tags, anna.starred, anna.circle) == ("Anna", ["a", "b", "c"], True, "friends")
    assert anna.emails == ["a@example.com", "b@example.com"]


def test_one_leading_apostrophe_is_removed_from_any_cell():
    result = read(csv_text({"first_name": "'Anna", "company": "''Quoted", "phones": "'+39 06 1234"}))
    (anna,) = result.people
    assert (anna.first_name, anna.company, anna.phones) == ("Anna", "'Quoted", ["+39 06 1234"])


def test_not_a_netui_file():
    result = read("First Name,Last Name,URL\r\nGiulia,Rossi,https://x\r\n")
    assert result.people == [] and result.skipped[0].where == "line 1"
    assert read("").people == [] and read("").skipped == [Skipped("line 1", "the file is empty: no header line")]


def test_unknown_columns_are_reported_and_columns_may_be_reordered():
    text = "notes,last_name,first_name,colour\r\nhi,Rossi,Giulia,blue\r\n"
    result = read(text)
    assert result.skipped == [] and result.notes == [Skipped("line 1", "colour: not a netui column, ignored")]
    (giulia,) = result.people
    assert (giulia.first_name, giulia.last_name, giulia.notes) == ("Giulia", "Rossi", "hi")


# --- through the database: export, import into an empty database, export ------------------


def import_people(people: list[IncomingPerson]) -> None:
    """What an import of a netui CSV into an empty database does (channels in the order the
    lists hold them: e-mails, phones, LinkedIn, web sites, then the others)."""
    for person in people:
        channels = [("email", v, "") for v in person.emails] + [("phone", v, "") for v in person.phones]
        channels += [("linkedin", v, "") for v in person.linkedin]
        channels += [("website", v, "") for v in person.websites] + list(person.other_channels)
        contact_id = contacts.create_contact(
            first_name=person.first_name, last_name=person.last_name, company=person.company,
            role=person.role, city=person.city, country=person.country, how_met=person.how_met,
            notes=person.notes, circle=person.circle or "other", cadence_days=person.cadence_days,
            starred=person.starred, channels=channels, tags=person.tags,
        )
        for label, value in person.facts:
            contacts.add_fact(contact_id, label, value)
        for (label, year, month, day), remind in zip(person.important_dates, person.date_reminders):
            contacts.add_important_date(contact_id, label, month, day, year, remind)


def export_all() -> bytes:
    summaries = contacts.list_contacts()
    return write_contacts([contacts.get_contact(s.id) for s in summaries])


def test_export_import_export_gives_the_same_bytes(frozen, database, tmp_path):
    giulia = contacts.create_contact(
        "Giulia Rossi", company="@home", role="Head of PR, Italy", city="Città di Castello",
        circle="work", cadence_days=30, starred=True, how_met="=1+1",
        notes='=HYPERLINK("x")\nline two | with bar', tags=["fintech", "+plus"],
        channels=[("email", "giulia@lumen.it", "work"), ("email", "giulia@gmail.com", ""),
                  ("phone", "+39 333 123 4567", ""), ("x", "@giulia", "old=new")],
    )
    contacts.add_fact(giulia, "children", "Marco | Sara")
    contacts.add_important_date(giulia, "birthday", 4, 15)
    contacts.add_important_date(giulia, "wedding", 6, 20, 2015, remind_days_before=30)
    contacts.create_contact("由紀 田中", emails=["yuki@example.jp"], notes="-minus")
    first = export_all()
    assert_no_formula_cell(first)

    other = db.open_database(tmp_path / "empty.db")
    try:
        result = read(first.decode("utf-8"))
        assert result.skipped == []
        import_people(result.people)
        assert export_all() == first
    finally:
        other.close()


# --- the property ---------------------------------------------------------------------------

LABEL_CHARS = st.characters(blacklist_categories=("Cs",))
ANY_TEXT = st.text(LABEL_CHARS, max_size=30)


def one_line(text: str) -> str:
    return " ".join(text.split())


single_line = ANY_TEXT.map(one_line)
stripped = ANY_TEXT.map(str.strip).filter(bool)


def _tag(text: str) -> str | None:
    try:
        return rules.normalise_tag(text)
    except ValidationError:
        return None


tags = st.lists(st.text(LABEL_CHARS, min_size=1, max_size=12).map(_tag).filter(bool), max_size=4)
local_part = st.text(alphabet=string.ascii_letters + string.digits + "=|\\'+-._!#$%&*/?^`{}~", min_size=1, max_size=12)
emails = st.builds(lambda local, domain: f"{local}@{domain}.it", local_part,
                   st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=10))
phones = st.builds(
    lambda lead, groups: one_line(lead + " ".join(groups)),
    st.sampled_from(["", "+", "+39 ", "("]),
    st.lists(st.text(alphabet=string.digits, min_size=2, max_size=4), min_size=2, max_size=4),
)
labels = st.one_of(st.just(""), stripped)


def _valid(kind: str, value: str) -> bool:
    try:
        return rules.validate_channel(kind, value) == (kind, value)
    except ValidationError:
        return False


channels = st.lists(
    st.one_of(
        st.tuples(st.just("email"), emails, labels),
        st.tuples(st.just("phone"), phones, labels),
        st.tuples(st.sampled_from(["linkedin", "website", "x", "instagram", "facebook", "other"]),
                  stripped, labels),
    ).filter(lambda c: _valid(c[0], c[1])),
    max_size=6,
)
facts = st.lists(st.tuples(single_line.filter(bool), stripped), max_size=3)


@st.composite
def important_dates(draw):
    year = draw(st.one_of(st.none(), st.integers(1800, 2200)))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year or 2000, month)[1]))  # 2000: a leap year
    return (draw(single_line.filter(bool)), year, month, day, draw(st.integers(0, 60)))


@st.composite
def contact_details(draw):
    first, last = draw(single_line), draw(single_line)
    if not (first or last):
        first = "X"
    return detail(
        first_name=first, last_name=last, company=draw(single_line), role=draw(single_line),
        city=draw(single_line), country=draw(single_line), circle=draw(st.sampled_from(CIRCLES)),
        how_met=draw(ANY_TEXT), notes=draw(ANY_TEXT),
        cadence_days=draw(st.one_of(st.none(), st.integers(1, 3650))), starred=draw(st.booleans()),
        tags=sorted(set(draw(tags))),
        channels=[ChannelInfo(i, *c) for i, c in enumerate(sorted(draw(channels), key=lambda c: c[0]))],
        facts=[FactInfo(i, *f) for i, f in enumerate(draw(facts))],
        important_dates=[ImportantDateInfo(i, label, month, day, year, remind)
                         for i, (label, year, month, day, remind)
                         in enumerate(draw(st.lists(important_dates(), max_size=3)))],
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(contact_details(), min_size=1, max_size=3), st.booleans())
def test_any_contact_survives_write_then_read(people, excel):
    people = [dataclasses.replace(person, id=index) for index, person in enumerate(people, start=1)]  # as in a file
    data = write_contacts(people, excel=excel)
    assert_no_formula_cell(data)
    result = read(data.decode("utf-8"))
    assert result.skipped == []
    assert len(result.people) == len(people)
    for person, original in zip(result.people, people):
        assert_same(person, original)


# --- the other tables (netui_tables) ------------------------------------------------------------


def test_interactions_table():
    items = [netui_tables.InteractionRecord(
        id=7, occurred_at=pendulum.datetime(2026, 11, 20, 18, 0, tz="Europe/Rome"), kind="meeting", milestone="",
        initiated_by="me", participants=(Ref(1, "Giulia Rossi"), Ref(2, "A|B")), event_id=3,
        event_title="Web Summit", summary="=coffee", notes="talked about\nthe | launch",
    )]
    data = netui_tables.write("interactions", items)
    assert_no_formula_cell(data)
    header, row = cells_of(data)
    assert header == list(netui_tables.INTERACTION_COLUMNS)
    assert row == ["7", "2026-11-20T17:00:00Z", "meeting", "", "me", "Giulia Rossi | A\\|B", "1 | 2", "Web Summit",
                   "3", "'=coffee", "talked about\nthe | launch", "yes"]
    assert netui_tables.write("interactions", items, excel=True).startswith(b"\xef\xbb\xbf")
    assert netui_tables.read("interactions", data.decode(), "interactions.csv") == [
        dataclasses.replace(items[0], occurred_at=items[0].occurred_at.in_timezone("UTC"), line=2)]


def test_events_table():
    event = netui_tables.EventRecord(
        id=3, title="+Fintech Forum", kind="convention", status="planned",
        starts_at=pendulum.datetime(2026, 3, 12, 8, 0, tz="UTC"), ends_at=None,
        timezone="Europe/Rome", venue="MiCo", city="Milano",
        link="https://example.org/?a=b", goal="meet investors", notes="",
        attendees=(netui_tables.AttendeeRecord(Ref(2, "Marco Bianchi"), "to meet", ""),
                   netui_tables.AttendeeRecord(Ref(1, "Giulia Rossi"), "met", "speaker")),
        met_first_here=(Ref(1, "Giulia Rossi"),),
    )
    data = netui_tables.write("events", [event])
    assert_no_formula_cell(data)
    header, row = cells_of(data)
    assert header == list(netui_tables.EVENT_COLUMNS)
    values = dict(zip(header, row))
    assert values["title"] == "'+Fintech Forum"
    assert values["starts_at"] == "2026-03-12T09:00:00+01:00" and values["ends_at"] == ""
    assert (values["people_met"], values["people_met_ids"]) == ("speaker=Giulia Rossi", "1")
    assert (values["people_to_meet"], values["people_to_meet_ids"]) == ("Marco Bianchi", "2")
    assert (values["met_first_here"], values["met_first_here_ids"]) == ("Giulia Rossi", "1")
    assert (values["to_meet"], values["met"], values["link"]) == ("1", "1", "https://example.org/?a=b")
    assert netui_tables.read("events", data.decode(), "events.csv") == [dataclasses.replace(event, line=2)]


def test_followups_table():
    item = netui_tables.FollowUpRecord(
        id=4, person=Ref(1, "Giulia Rossi"), due_on=dt.date(2026, 12, 3), snoozed_until=None, channel="email",
        action="-send the deck", done_at=pendulum.datetime(2026, 12, 2, 9, 30, tz="UTC"), source_interaction_id=7,
        source_event_id=None,
    )
    data = netui_tables.write("followups", [item])
    assert_no_formula_cell(data)
    header, row = cells_of(data)
    assert header == list(netui_tables.FOLLOWUP_COLUMNS)
    assert row == ["4", "Giulia Rossi", "1", "2026-12-03", "", "email", "'-send the deck",
                   "2026-12-02T09:30:00Z", "7", "", "no"]
    assert netui_tables.read("followups", data.decode(), "followups.csv") == [dataclasses.replace(item, line=2)]


@pytest.mark.parametrize("value", ["", "plain", "=1", "+1", "-1", "@a", "\tx", "\rx", "\nx", "'x", "''x"])
def test_neutralise_and_restore_are_inverse(value):
    written = netui_csv.neutralise(value)
    assert not written.startswith(DANGEROUS)
    assert netui_csv.restore(written) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_reading_any_text_never_fails(body):
    """Any text is read, or refused as a whole with one sentence naming the line."""
    for text in (body, HEADER_LINE + "\r\n" + body):
        try:
            result = read(text)
        except ValidationError as error:
            assert error.message.startswith("line ") and error.message.endswith("so the file cannot be read.")
            continue
        assert all(person.name for person in result.people)
        assert all(s.where.startswith("line ") for s in result.skipped + result.notes)


def test_line_ends_translated_to_lf_read_the_same():
    """A caller that turns CRLF into LF (netui.exchange.formats.text.decode does) reads the same people,
    as long as no value held a CR itself."""
    data = write_contacts([YUKI, MONONYM, detail(first_name="N", notes="a\nb\n\nc")]).decode()
    assert read(data.replace("\r\n", "\n")) == read(data)


def test_problems_are_reported_in_italian_with_the_line_and_the_column(italian):
    text = HEADER_LINE + "\r\nAnna,Rossi,,,,,,,,,,,,,,forse,,,\r\n,,Acme,,,,,,,,,,,,,,,,\r\n"
    result = read(text)
    assert [p.name for p in result.people] == ["Anna Rossi"]
    assert result.notes == [Skipped("riga 2", "ignorato: starred: 'forse' non è yes o no.")]
    assert result.skipped == [Skipped("riga 3", "senza nome")]
