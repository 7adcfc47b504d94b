"""Taking the data anywhere: CSV (netui's own, Excel-safe), vCard and iCalendar files.

Every file is written readable by its owner only (mode 0600): it holds personal data.

Which contacts: a search-box query (`--query`, `--tag`, `--city` on the command line) chooses
them, everyone living when empty, and every table and format follows it: the interactions
with them (with only them among the participants), the events they are listed for, met at,
or that their interactions and follow-ups come from (with only them as attendees), their
follow-ups, favours and appointments, the introductions between two of them, the default
cadences of their circles and tags; the iCalendar file holds their events, open follow-ups,
dates and appointments. A link to a row the export leaves out (an introducer not chosen) is
written empty, so the folder imports back on its own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import namedtuple
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from icalendar import vRecur

from netui import appointments, contacts, events, followups, when
from netui.store import bulk, db
from netui.errors import ValidationError
from netui.exchange.formats import ics, netui_csv, netui_tables, vcard
from netui.exchange.formats.netui_tables import Ref
from netui.exchange.records import no_garbage_collection
from netui.i18n import _
from netui.store.models import (
    Appointment,
    AppointmentOccurrence,
    AppointmentParticipant,
    CadenceDefault,
    Channel,
    Contact,
    ContactTag,
    Event,
    EventAttendee,
    EventWish,
    Fact,
    Favour,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionParticipant,
    Introduction,
    Tag,
    database,
)
from netui.text import fold_key, full_name

CSV_TABLES = ("contacts", *netui_tables.TABLES)
FORMATS = ("csv", "vcard", "ics")


def write_private(path: Path, data: bytes | Sequence[bytes]) -> Path:
    """Write `data` (or its parts, one after the other) to `path` with mode 0600, all at once
    (a temporary file, then a rename)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValidationError("out", _("{path} is a folder; give a file name.", path=path))
    db.check_folder(path, "out")
    temporary = path.with_name(f".{path.name}.partial")
    try:
        descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.writelines([data] if isinstance(data, bytes) else data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ValidationError("out", _("{path}: cannot write the file ({reason}).", path=path, reason=error.strerror)) from None
    return path


def chosen_ids(query: str = "") -> list[int]:
    """The contacts a search-box query shows (all when empty)."""
    pages = contacts.find_contacts(query, max_matches=10**9)
    return list(pages.ids) if pages.ids is not None else contacts.ids_in_view(**pages.filters)


def chosen_contacts(query: str = "") -> list[contacts.ContactDetail]:
    """The contacts a search-box query shows (all when empty), with every detail, by name."""
    return sorted(contacts.details_for(chosen_ids(query)), key=lambda d: (fold_key(d.name), d.id))


class CsvContact(NamedTuple):
    """What one row of netui's contacts CSV holds: the fields `netui_csv.contact_row` reads."""

    id: int
    first_name: str
    last_name: str
    company: str
    role: str
    city: str
    country: str
    circle: str
    how_met: str
    cadence_days: int | None
    starred: bool
    notes: str
    introduced_by_id: int | None
    cadence_off: bool
    cadence_snoozed_until: str | None  # as stored: "YYYY-MM-DD"
    created_at: str  # as stored: UTC "YYYY-MM-DD HH:MM:SS"
    tags: list[str]
    channels: list
    important_dates: list
    facts: list


# Rows as read (the owner's id first), with the attributes contact_row reads: tuples are made
# far faster than the frozen dataclasses of netui.contacts, and exports make hundreds of
# thousands of them.
_ChannelRow = namedtuple("_ChannelRow", "contact_id id kind value label")
_FactRow = namedtuple("_FactRow", "contact_id id label value")
_DateRow = namedtuple("_DateRow", "contact_id id label month day year remind_days_before")


def _by_contact(query, make=None) -> dict[int, list]:
    """The rows of `query` (contact id first) grouped by contact, in the query's order."""
    groups: dict[int, list] = {}
    for row in database.execute(query).fetchall():  # raw rows: no per-value conversion
        item = make(row) if make else row[1]
        found = groups.get(row[0])
        if found is None:
            groups[row[0]] = [item]
        else:
            found.append(item)
    return groups


def contact_lines(ids: Sequence[int] | None = None, second: bulk.SecondHalf | None = None) -> bytes:
    """These contacts' lines of netui's CSV (every living one's when None), by name, UTF-8,
    built by the database in one statement (netui_csv.contacts_file puts the header on).
    Several times faster than `csv_contacts` and `netui_csv.write_contacts`, which write the
    same bytes a person at a time and are what the tests hold this to -- and what writes them
    where the database does not build them (a team's network on PostgreSQL). `second`: a
    process reading the same snapshot (bulk.export_snapshot), to build half of them in."""
    lines = bulk.contact_csv_lines(ids, tuple(netui_csv.KIND_COLUMNS), netui_csv.SEPARATOR,
                                   netui_csv.DEFAULT_REMIND_DAYS, netui_csv.LINE_END, len(netui_csv.CONTACT_COLUMNS),
                                   second)
    return netui_csv.contact_lines(csv_contacts(ids)) if lines is None else lines


def csv_contacts(ids: Sequence[int] | None = None) -> list[CsvContact]:
    """These contacts (every living one when None), by name, with what the CSV needs. Each
    table is read once, whole, as plain rows (no per-contact query, no model objects). An
    introducer who is not among them is left out (the file names people by their ids).
    `netui_csv.write_contacts` writes them: the reference `contact_lines` is tested against."""
    people = Contact.select(
        Contact.sort_name, Contact.id, Contact.first_name, Contact.last_name, Contact.company, Contact.role,
        Contact.city, Contact.country, Contact.circle, Contact.how_met, Contact.cadence_days, Contact.starred,
        Contact.notes, Contact.introduced_by, Contact.cadence_off, Contact.cadence_snoozed_until, Contact.created_at,
    ).where(Contact.trashed_at.is_null())
    rows = database.execute(people).fetchall()
    if ids is not None:
        asked = set(ids)
        rows = [row for row in rows if row[1] in asked]
    rows.sort()  # by sort name, then id
    exported = {row[1] for row in rows}
    rows = [row if row[13] is None or row[13] in exported else (*row[:13], None, *row[14:]) for row in rows]
    # Read in rowid order (a plain scan, the fastest), then put each person's in kind order.
    channels = _by_contact(
        Channel.select(Channel.contact, Channel.id, Channel.kind, Channel.value, Channel.label).order_by(Channel.id),
        _ChannelRow._make)
    for owned in channels.values():
        if len(owned) > 1:
            owned.sort(key=lambda channel: channel.kind)
    tags = _by_contact(ContactTag.select(ContactTag.contact, Tag.name).join(Tag).order_by(Tag.name))
    facts = _by_contact(Fact.select(Fact.contact, Fact.id, Fact.label, Fact.value).order_by(Fact.id), _FactRow._make)
    dates = _by_contact(
        ImportantDate.select(ImportantDate.contact, ImportantDate.id, ImportantDate.label, ImportantDate.month,
                             ImportantDate.day, ImportantDate.year, ImportantDate.remind_days_before),
        _DateRow._make)
    none: list = []
    return [
        CsvContact(*row[1:14], bool(row[14]), *row[15:], tags.get(row[1], none), channels.get(row[1], none),
                   dates.get(row[1], none), facts.get(row[1], none))
        for row in rows
    ]


def export_csv(out: Path, what: str = "contacts", query: str = "", excel: bool = False) -> list[Path]:
    """Write netui's CSV. `what` is one table, or "all": then `out` is a folder that gets every
    table (contacts.csv and one file per table of netui_tables), which `netui import` reads back.
    `query` chooses the contacts, and every table follows it (see the module docstring)."""
    if what not in CSV_TABLES + ("all",):
        raise ValidationError("what", _("'{what}' is not a table; use one of: {tables}, all.", what=what, tables=", ".join(CSV_TABLES)))
    tables = CSV_TABLES if what == "all" else (what,)
    if what == "all":
        folder = Path(out).expanduser()
        db.check_folder(folder, "out")  # the folder itself is made; the one it goes in must exist
        try:
            folder.mkdir(exist_ok=True, mode=0o700)
        except OSError as error:
            raise ValidationError("out", _("{path}: cannot make the folder ({reason}).",
                                           path=folder, reason=error.strerror)) from None
        targets = {table: folder / f"{table}.csv" for table in tables}
    else:
        targets = {what: Path(out)}
    written = []
    # One consistent snapshot of every table; a read, so it must not take the write lock
    # (netui's transactions are IMMEDIATE by default) and hold up other writers meanwhile. A big
    # network's contacts are built half in a second process reading that snapshot.
    with bulk.export_snapshot(split="contacts" in targets and not query) as second, no_garbage_collection():
        scope = Scope(chosen_ids(query) if query else None)
        for table, path in targets.items():
            if table == "contacts":
                data = (netui_csv.contacts_header(excel), contact_lines(scope.chosen, second))
            else:
                data = netui_tables.write(table, scope.records(table), excel=excel)
            written.append(write_private(path, data))
    return written


class Scope:
    """The rows of every table that go with the chosen contacts (every living one when None),
    as netui_tables records; links to rows left out are written empty."""

    def __init__(self, chosen: Sequence[int] | None = None):
        self.chosen = None if chosen is None else list(chosen)
        self._people: tuple[dict[int, str], dict[int, tuple]] | None = None
        self._cache: dict[str, list] = {}

    def _read_people(self) -> tuple[dict[int, str], dict[int, tuple]]:
        """The chosen living contacts' names, and their order (by name, then id); read once."""
        if self._people is None:
            allowed = None if self.chosen is None else set(self.chosen)
            names, order = {}, {}
            for contact_id, first, last, sort_name in Contact.select(
                    Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name) \
                    .where(Contact.trashed_at.is_null()).tuples():
                if allowed is None or contact_id in allowed:
                    names[contact_id] = full_name(first, last)
                    order[contact_id] = (sort_name, contact_id)
            self._people = names, order
        return self._people

    @property
    def names(self) -> dict[int, str]:
        return self._read_people()[0]

    @property
    def order(self) -> dict[int, tuple]:
        return self._read_people()[1]

    @property
    def everyone(self) -> bool:
        return self.chosen is None

    def records(self, table: str) -> list:
        if table not in self._cache:
            self._cache[table] = getattr(self, f"_{table}")()
        return self._cache[table]

    def ids(self, table: str) -> set[int]:
        return {record.id for record in self.records(table)}

    def refs(self, contact_ids) -> tuple[Ref, ...]:
        """The chosen ones of these contacts, by name."""
        names, order = self._read_people()
        kept = sorted(order[c] for c in set(contact_ids) if c in names)
        return tuple(Ref(c, names[c]) for _sort, c in kept)

    def _by(self, query) -> dict[int, list[int]]:
        """(row id, contact id) pairs grouped by row."""
        found: dict[int, list[int]] = {}
        for row_id, contact_id in query.tuples():
            found.setdefault(row_id, []).append(contact_id)
        return found

    # -- the tables

    def _interactions(self) -> list[netui_tables.InteractionRecord]:
        people = self._by(InteractionParticipant.select(InteractionParticipant.interaction, InteractionParticipant.contact))
        titles = dict(Event.select(Event.id, Event.title).tuples())
        found = []
        query = Interaction.select(
            Interaction.id, Interaction.occurred_at, Interaction.kind, Interaction.milestone, Interaction.initiated_by,
            Interaction.event, Interaction.summary, Interaction.notes, Interaction.counts_as_contact,
        ).order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        for interaction_id, moment, kind, milestone, initiated, event_id, summary, notes, counts in query.tuples():
            refs = self.refs(people.get(interaction_id, ()))
            if refs:
                found.append(netui_tables.InteractionRecord(
                    interaction_id, moment, kind, milestone, initiated, refs, event_id, titles.get(event_id, ""),
                    summary, notes, bool(counts)))
        return found

    def _events(self) -> list[netui_tables.EventRecord]:
        attendees: dict[int, list[tuple[int, str, str]]] = {}
        for event_id, contact_id, status, role in EventAttendee.select(
                EventAttendee.event, EventAttendee.contact, EventAttendee.status, EventAttendee.role).tuples():
            if contact_id in self.names:
                attendees.setdefault(event_id, []).append((contact_id, status, role))
        met_here = self._by(Contact.select(Contact.met_at, Contact.id).where(Contact.met_at.is_null(False)))
        wanted = None
        if not self.everyone:
            wanted = set(attendees) | {e for e, people in met_here.items() if any(c in self.names for c in people)}
            wanted |= {r.event_id for r in self.records("interactions") if r.event_id}
            wanted |= {r.source_event_id for r in self.records("followups") if r.source_event_id}
        query = Event.select(
            Event.id, Event.title, Event.kind, Event.status, Event.starts_at, Event.ends_at, Event.timezone,
            Event.venue, Event.city, Event.link, Event.goal, Event.notes, Event.country,
        ).order_by(Event.starts_at.is_null(), Event.starts_at, Event.id)
        found = []
        for row in query.tuples():
            if wanted is not None and row[0] not in wanted:
                continue
            listed = sorted(attendees.get(row[0], ()), key=lambda a: self.order[a[0]])
            found.append(netui_tables.EventRecord(
                *row[:-1], country=row[-1], attendees=tuple(netui_tables.AttendeeRecord(Ref(c, self.names[c]), status, role)
                                      for c, status, role in listed),
                met_first_here=self.refs(met_here.get(row[0], ()))))
        return found

    def _wishes(self) -> list[netui_tables.WishRecord]:
        """People to meet at the events written; one who became a contact left out is left out."""
        wanted = self.ids("events")
        titles = dict(Event.select(Event.id, Event.title).tuples())
        found = []
        for wish_id, event_id, name, company, why, contact_id in EventWish.select(
                EventWish.id, EventWish.event, EventWish.name, EventWish.company, EventWish.why,
                EventWish.contact).order_by(EventWish.id).tuples():
            if event_id not in wanted or (contact_id is not None and contact_id not in self.names):
                continue
            person = Ref(contact_id, self.names[contact_id]) if contact_id is not None else None
            found.append(netui_tables.WishRecord(wish_id, titles.get(event_id, ""), event_id, name, company, why,
                                                 person))
        return found

    def _followups(self) -> list[netui_tables.FollowUpRecord]:
        interactions = self.ids("interactions")
        query = FollowUp.select(
            FollowUp.id, FollowUp.contact, FollowUp.due_on, FollowUp.snoozed_until, FollowUp.channel,
            FollowUp.action, FollowUp.done_at, FollowUp.source_interaction, FollowUp.source_event,
            FollowUp.due_by_default,
        ).order_by(FollowUp.due_on, FollowUp.id)
        return [
            netui_tables.FollowUpRecord(
                followup_id, Ref(contact_id, self.names[contact_id]), due, snoozed, channel, action, done,
                source if source in interactions else None, event, bool(by_default))
            for followup_id, contact_id, due, snoozed, channel, action, done, source, event, by_default
            in query.tuples()
            if contact_id in self.names
        ]

    def _introductions(self) -> list[netui_tables.IntroductionRecord]:
        interactions = self.ids("interactions")
        query = Introduction.select(
            Introduction.id, Introduction.person_a, Introduction.person_b, Introduction.reason,
            Introduction.introduced_on, Introduction.status, Introduction.outcome, Introduction.interaction,
        ).order_by(Introduction.introduced_on, Introduction.id)
        return [
            netui_tables.IntroductionRecord(
                intro_id, Ref(a, self.names[a]), Ref(b, self.names[b]), reason, day, status, outcome,
                interaction if interaction in interactions else None)
            for intro_id, a, b, reason, day, status, outcome, interaction in query.tuples()
            if a in self.names and b in self.names
        ]

    def _favours(self) -> list[netui_tables.FavourRecord]:
        introductions, follow_ups = self.ids("introductions"), self.ids("followups")
        query = Favour.select(
            Favour.id, Favour.contact, Favour.direction, Favour.kind, Favour.occurred_on, Favour.note,
            Favour.introduction, Favour.followup,
        ).order_by(Favour.occurred_on, Favour.id)
        return [
            netui_tables.FavourRecord(
                favour_id, Ref(contact_id, self.names[contact_id]), direction, kind, day, note,
                intro if intro in introductions else None, followup if followup in follow_ups else None)
            for favour_id, contact_id, direction, kind, day, note, intro, followup in query.tuples()
            if contact_id in self.names
        ]

    def _appointments(self) -> list[netui_tables.AppointmentRecord]:
        interactions = self.ids("interactions")
        people = self._by(AppointmentParticipant.select(AppointmentParticipant.appointment,
                                                        AppointmentParticipant.contact))
        marks: dict[int, list[netui_tables.OccurrenceRecord]] = {}
        for appointment_id, day, status, interaction in AppointmentOccurrence.select(
                AppointmentOccurrence.appointment, AppointmentOccurrence.occurs_on, AppointmentOccurrence.status,
                AppointmentOccurrence.interaction).tuples():
            marks.setdefault(appointment_id, []).append(netui_tables.OccurrenceRecord(
                day, status, interaction if interaction in interactions else None))
        query = Appointment.select(
            Appointment.id, Appointment.title, Appointment.rule, Appointment.timezone, Appointment.duration_minutes,
            Appointment.notes,
        ).order_by(Appointment.title, Appointment.id)
        found = []
        for appointment_id, title, rule, zone, minutes, notes in query.tuples():
            refs = self.refs(people.get(appointment_id, ()))
            if refs:
                found.append(netui_tables.AppointmentRecord(
                    appointment_id, title, rule, zone, minutes, refs, notes,
                    tuple(sorted(marks.get(appointment_id, ()), key=lambda o: o.occurs_on))))
        return found

    def _cadences(self) -> list[netui_tables.CadenceRecord]:
        query = CadenceDefault.select(CadenceDefault.scope, CadenceDefault.name, CadenceDefault.days) \
            .order_by(CadenceDefault.scope, CadenceDefault.name)
        wanted = None
        if not self.everyone:
            ids = list(self.names)
            circles = {c for (c,) in Contact.select(Contact.circle).where(Contact.id.in_(ids)).distinct().tuples()}
            tags = {t for (t,) in Tag.select(Tag.name).join(ContactTag)
                    .where(ContactTag.contact.in_(ids)).distinct().tuples()}
            wanted = {("circle", c) for c in circles} | {("tag", t) for t in tags}
        return [netui_tables.CadenceRecord(scope, name, days) for scope, name, days in query.tuples()
                if wanted is None or (scope, name) in wanted]


def _open_followups(people: set[int] | None = None) -> list[followups.FollowUpInfo]:
    found = followups.due_followups(dt.date(9999, 12, 31))  # every open one (not today's date in 9999: 29 February)
    return found if people is None else [f for f in found if f.contact_id in people]


def export_vcard(out: Path, query: str = "", version: str = "3.0") -> Path:
    if version not in ("3.0", "4.0"):
        raise ValidationError("version", _("vCard version '{version}': use 3.0 or 4.0.", version=version))
    return write_private(out, vcard.write(chosen_contacts(query), version).encode("utf-8"))


def export_ics(out: Path, query: str = "") -> Path:
    """Events, open follow-ups, birthdays and other dates as yearly events, and recurring
    appointments with their rules; with a `query`, those of the contacts it chooses (their
    events as the CSV export chooses them, with only them named in an appointment)."""
    people = set(chosen_ids(query)) if query else None
    all_events = events.upcoming_events() + events.past_events(limit=10**9)
    if people is not None:
        wanted = Scope(sorted(people)).ids("events")
        all_events = [e for e in all_events if e.id in wanted]
    dates = [
        (full_name(c.first_name, c.last_name), d.label, d.year, d.month, d.day, d.remind_days_before)
        for d, c in (
            (d, d.contact) for d in ImportantDate.select(ImportantDate, Contact).join(Contact)
            .where(Contact.trashed_at.is_null()).order_by(ImportantDate.month, ImportantDate.day)
        )
        if people is None or c.id in people
    ]
    data = ics.write([events.get_event(e.id) for e in all_events], _open_followups(people), dates, when.now(),
                     appointments=_ics_appointments(people))
    return write_private(out, data)


def _ics_appointments(people: set[int] | None = None) -> list[tuple]:
    """Every recurring appointment (those with one of `people`, naming only them) as the
    iCalendar writer takes it, with its rule."""
    found = []
    for info in appointments.list_appointments():
        participants = [p for p in info.participants if people is None or p.id in people]
        if people is not None and not participants:
            continue
        names = ", ".join(p.name for p in participants)
        summary = _("{title} with {names}", title=info.title, names=names) if names else info.title
        found.append((f"appointment-{info.id}@netui", summary, info.starts_at, vRecur.from_ical(info.rrule),
                      info.duration_minutes))
    return found


def export(format: str, out: Path, what: str = "contacts", query: str = "", excel: bool = False,
           version: str = "3.0") -> list[Path]:
    """Write one export, as `netui export` and the export screen ask for it; the files written.

    csv: `what` is a table or "all" (`excel` adds the BOM); vcard: `version` 3.0 or 4.0; ics:
    events, open follow-ups, important dates and appointments. Every format takes the contacts
    a search-box `query` shows (everyone when empty) and what goes with them."""
    if format == "csv":
        return export_csv(Path(out), what, query, excel=excel)
    if format == "vcard":
        return [export_vcard(Path(out), query, version)]
    if format == "ics":
        return [export_ics(Path(out), query)]
    raise ValidationError("format", _("'{format}' is not an export format; use one of: {formats}.", format=format, formats=", ".join(FORMATS)))
