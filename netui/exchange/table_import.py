"""Importing netui's own tables: a folder written by `netui export csv --what all`, or one of its
files besides contacts.csv, brought back in one transaction -- everything or nothing.

1. Every file is read strictly (contacts.csv by netui.exchange.formats.netui_csv, the others by
   netui.exchange.formats.netui_tables): a cell that is not what its column holds stops the import with
   the file, the line and the column, and nothing is written.
2. The links between the files are checked first: a row naming a person contacts.csv does not
   hold, or a row of another file of the folder that is not there, is an error too. A link to a
   file that is not imported (one file imported on its own) is left out, and counted.
3. People. With contacts.csv they are matched as every contacts import matches them
   (netui.exchange.importing: same e-mail, LinkedIn URL or phone, same name and company...) and the new
   ones created -- into an empty database with the ids of the file. Without contacts.csv (one
   table on its own), each person the file names is the living contact with exactly that name,
   or a new contact with that name; a name several contacts share is an error.
4. Every other row is added unless it is already there, and each id of the files is mapped to
   the row it became, so links follow. Into an empty table rows keep the ids of the file, so
   exporting again writes the same files, byte for byte. Already there (not added again; links
   to it lead to the row found):

   event         same title and start (the file's attendees it lacks are added to it)
   interaction   same moment, kind, summary and people
   follow-up     same person, due day and action
   introduction  same two people and day, or an open one of the same two when the file's is open
   favour        same person, direction, kind, day and note
   appointment   same title, rule and people (the marked occurrences it lacks are added)
   cadence       a default for the same circle or tag: the database's is kept
   met at        someone already met at an event keeps it; someone without gets the file's

`import_file` is what `netui import` calls: netui's tables come here, any other file goes to
netui.exchange.importing (this module sits above it: it uses importing's plan and writer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from netui.store import bulk, search
from netui.exchange import importing
from netui import when
from netui.rules import split_name
from netui.errors import NetuiError, ValidationError
from netui.exchange.formats import netui_csv, netui_tables
from netui.exchange.formats.netui_tables import Ref
from netui.exchange.formats.text import line_where
from netui.exchange.records import ReadResult
from netui.i18n import _, ngettext
from netui.store.models import (
    Appointment,
    AppointmentOccurrence,
    AppointmentParticipant,
    CadenceDefault,
    Contact,
    Event,
    EventAttendee,
    EventWish,
    Favour,
    FollowUp,
    Interaction,
    InteractionParticipant,
    Introduction,
    database,
)
from netui.text import fold_key

CONTACTS_FILE = "contacts.csv"
FORMAT_NAME = "netui tables"

def file_name(table: str) -> str:
    return f"{table}.csv"


@dataclass(frozen=True)
class TableResult:
    """What one table file did: rows added, rows already there, links to files not imported."""

    file: str
    added: int
    already: int
    links_left_out: int = 0


def holds_tables(path: Path) -> bool:
    """A folder (of netui's tables), or a file whose header is one of netui's tables."""
    if path.is_dir():
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    return netui_tables.table_of(head.decode("utf-8-sig", errors="replace")) is not None


# --- reading ---------------------------------------------------------------------------------


@dataclass
class _Files:
    contacts: ReadResult | None = None
    contacts_path: Path | None = None
    tables: dict[str, list] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError("file", _("{path}: cannot read the file ({reason}).", path=path,
                                        reason=error.strerror)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError("file", _("{path}: is not UTF-8 text (byte {offset}); netui writes its tables in "
                                        "UTF-8.", path=path, offset=error.start)) from None


def _read_all(path: Path) -> _Files:
    files = _Files()
    if path.is_dir():
        found = [name for name in (CONTACTS_FILE, *map(file_name, netui_tables.TABLES)) if (path / name).is_file()]
        if not found:
            raise ValidationError("file", _("{path}: the folder holds none of netui's tables ({names}).", path=path,
                                            names=", ".join((CONTACTS_FILE, *map(file_name, netui_tables.TABLES)))))
        for name in found:
            _read_one(files, path / name, None if name == CONTACTS_FILE else name.removesuffix(".csv"))
    else:
        text = _text(path)
        _read_one(files, path, netui_tables.table_of(text), text)
    return files


def _read_one(files: _Files, path: Path, table: str | None, text: str | None = None) -> None:
    text = _text(path) if text is None else text
    if table is None:
        if not netui_csv.looks_like(text):
            raise ValidationError("file", _("{path}: is not netui's contacts CSV (its first line should be {header}).",
                                            path=path, header=netui_csv.HEADER_LINE))
        try:
            result = netui_csv.read(text, strict=True)
        except ValidationError as error:  # "line 3: ...": say which file too
            raise ValidationError(error.field, f"{path} {error.message}") from None  # i18n: not text
        if result.skipped:
            first = result.skipped[0]
            raise ValidationError("file", f"{path} {first.where}: {first.reason}")  # i18n: not text
        files.contacts, files.contacts_path = result, path
        return
    files.tables[table] = netui_tables.read(table, text, str(path))
    files.paths[table] = path


# --- checking the links --------------------------------------------------------------------------


# Links from a table's rows to rows of another table: (table, attribute, column, target table).
_ROW_LINKS = (
    ("interactions", "event_id", "event_id", "events"),
    ("followups", "source_interaction_id", "source_interaction_id", "interactions"),
    ("followups", "source_event_id", "source_event_id", "events"),
    ("introductions", "interaction_id", "interaction_id", "interactions"),
    ("favours", "introduction_id", "introduction_id", "introductions"),
    ("favours", "followup_id", "followup_id", "followups"),
    ("wishes", "event_id", "event_id", "events"),
)


def _people_of(table: str, record) -> list[tuple[str, Ref]]:
    """(column, person) for every person a record names."""
    if table in ("interactions", "appointments"):
        return [("participant_ids", ref) for ref in record.participants]
    if table == "events":
        return ([(("people_met_ids" if a.status == "met" else "people_to_meet_ids"), a.person) for a in record.attendees]
                + [("met_first_here_ids", ref) for ref in record.met_first_here])
    if table in ("followups", "favours"):
        return [("contact_id", record.person)]
    if table == "introductions":
        return [("person_a_id", record.person_a), ("person_b_id", record.person_b)]
    if table == "wishes" and record.person is not None:
        return [("contact_id", record.person)]
    return []


def _check(files: _Files) -> None:
    """Every link to a person or to a row of a file that is imported leads somewhere."""
    people = {p.file_id for p in files.contacts.people if p.file_id} if files.contacts else None
    ids = {table: {r.id for r in records if getattr(r, "id", None)} for table, records in files.tables.items()}
    for table, records in files.tables.items():
        name = str(files.paths[table])
        for record in records:
            if people is not None:
                for column, ref in _people_of(table, record):
                    if ref.id is None:
                        raise netui_tables.problem(name, record.line, _(
                            "{column}: no id (in a folder, people are named by their id in contacts.csv)",
                            column=column))
                    if ref.id not in people:
                        raise netui_tables.problem(name, record.line, _(
                            "{column}: nobody in contacts.csv has the id {id}", column=column, id=ref.id))
            for source, attribute, column, target in _ROW_LINKS:
                value = getattr(record, attribute, None) if source == table else None
                if value is not None and target in ids and value not in ids[target]:
                    raise netui_tables.problem(name, record.line, _(
                        "{column}: {file} has no row with the id {id}", column=column, file=file_name(target), id=value))
            if table == "appointments" and "interactions" in ids:
                for occurrence in record.occurrences:
                    if occurrence.interaction_id is not None and occurrence.interaction_id not in ids["interactions"]:
                        raise netui_tables.problem(name, record.line, _(
                            "{column}: {file} has no row with the id {id}", column="occurrences",
                            file=file_name("interactions"), id=occurrence.interaction_id))


# --- people ----------------------------------------------------------------------------------


def _people(files: _Files) -> tuple[importing.ImportReport, Callable[[Ref], int]]:
    """Bring the people in; and the function giving the contact a file's Ref names."""
    if files.contacts is not None:
        plan = importing.plan_import(files.contacts)
        if plan.skipped or plan.notes:
            first = (plan.skipped or plan.notes)[0]
            raise ValidationError("file", f"{files.contacts_path} {first.where}: {first.reason}")  # i18n: not text
        report = importing.apply_import(plan)
        return report, lambda ref: report.contact_ids[ref.id]
    return _people_by_name(files)


def _people_by_name(files: _Files) -> tuple[importing.ImportReport, Callable[[Ref], int]]:
    """A table on its own: each person it names is the living contact of that exact name, or new."""
    living: dict[str, list[int]] = {}
    for contact_id, sort_name in (Contact.select(Contact.id, Contact.sort_name)
                                  .where(Contact.trashed_at.is_null()).tuples()):
        living.setdefault(sort_name, []).append(contact_id)
    plan = importing.ImportPlan(FORMAT_NAME)
    keys: dict[object, object] = {}  # a Ref's key -> a contact id, or the index of a new person
    for table, records in files.tables.items():
        for record in records:
            for _column, ref in _people_of(table, record):
                key = _key(ref)
                if key in keys:
                    continue
                found = living.get(fold_key(ref.name), [])
                where = line_where(record.line)
                if len(found) > 1:
                    raise netui_tables.problem(str(files.paths[table]), record.line, _(
                        "{n} contacts are called {name}: import the whole folder, whose contacts.csv tells them "
                        "apart", n=len(found), name=ref.name))
                if found:
                    keys[key] = found[0]
                    person = netui_csv.NetuiPerson(where=where, file_id=ref.id)
                    person.first_name, person.last_name = split_name(ref.name)
                    plan.unchanged.append(importing.PlannedUpdate(person, found[0], ref.name, _("same name")))
                else:
                    keys[key] = ("new", len(plan.new))
                    person = netui_csv.NetuiPerson(where=where, file_id=ref.id)
                    person.first_name, person.last_name = split_name(ref.name)
                    plan.new.append(person)
    report = importing.apply_import(plan)

    def contact_of(ref: Ref) -> int:
        found = keys[_key(ref)]
        return report.new_ids[found[1]] if isinstance(found, tuple) else found

    return report, contact_of


def _key(ref: Ref) -> object:
    return ref.id if ref.id is not None else ("name", fold_key(ref.name))


# --- the other tables ------------------------------------------------------------------------


class _Restore:
    """Writes the tables' rows, in an order where links point to rows already written."""

    def __init__(self, files: _Files, contact_of: Callable[[Ref], int]):
        self.files = files
        self.contact_of = contact_of
        self.maps: dict[str, dict[int, int]] = {table: {} for table in netui_tables.TABLES}
        self.left_out = 0
        self.stamp = when.now()
        self.touched: set[int] = set()  # contacts whose search text changes

    def run(self) -> list[TableResult]:
        results = []
        for table, write in (
            ("events", self.events), ("wishes", self.wishes), ("interactions", self.interactions),
            ("followups", self.followups),
            ("introductions", self.introductions), ("favours", self.favours),
            ("appointments", self.appointments), ("cadences", self.cadences),
        ):
            if table in self.files.tables:
                self.left_out = 0
                added, already = write(self.files.tables[table])
                results.append(TableResult(self.files.paths[table].name, added, already, self.left_out))
        search.reindex_contacts(self.touched)
        return results

    def link(self, table: str, value: int | None) -> int | None:
        """The row a file's link leads to; None (counted) when that file is not imported."""
        if value is None:
            return None
        if table not in self.files.tables:
            self.left_out += 1
            return None
        return self.maps[table][value]

    def problem(self, table: str, record, text: str) -> ValidationError:
        return netui_tables.problem(str(self.files.paths[table]), record.line, text)

    def ids(self, model, records) -> Callable[[object], int]:
        """New rows' ids: the file's, into an empty table whose every row has one; else the next free ones."""
        keep = all(r.id is not None for r in records) and not model.select().exists()
        counter = iter(range(bulk.next_id(model), 10**12))
        return (lambda record: record.id) if keep else (lambda record: next(counter))

    # -- events

    def events(self, records) -> tuple[int, int]:
        found = {(title, Event.starts_at.db_value(starts)): event_id
                 for event_id, title, starts in Event.select(Event.id, Event.title, Event.starts_at).tuples()}
        listed = {(e, c) for e, c in EventAttendee.select(EventAttendee.event, EventAttendee.contact).tuples()}
        new_id = self.ids(Event, records)
        rows, attendees, added, met_here = [], [], 0, []
        for record in records:
            key = (record.title, Event.starts_at.db_value(record.starts_at))
            event_id = found.get(key)
            if event_id is None:
                event_id = found[key] = new_id(record)
                added += 1
                rows.append((event_id, record.title, record.kind, record.starts_at, record.ends_at, record.timezone,
                             record.venue, record.city, record.country, record.link, record.status, record.goal,
                             record.notes, self.stamp, self.stamp))
            if record.id is not None:
                self.maps["events"][record.id] = event_id
            met_here += [(event_id, ref) for ref in record.met_first_here]
            for attendee in record.attendees:
                contact_id = self.contact_of(attendee.person)
                if (event_id, contact_id) not in listed:
                    listed.add((event_id, contact_id))
                    attendees.append((event_id, contact_id, attendee.status, attendee.role))
        bulk.insert_rows(Event, [Event.id, Event.title, Event.kind, Event.starts_at, Event.ends_at, Event.timezone,
                                 Event.venue, Event.city, Event.country, Event.link, Event.status, Event.goal,
                                 Event.notes, Event.created_at, Event.updated_at], rows)
        bulk.insert_rows(EventAttendee, [EventAttendee.event, EventAttendee.contact, EventAttendee.status,
                                         EventAttendee.role], attendees)
        for event_id, ref in met_here:  # "met at": given to whoever has none yet
            Contact.update(met_at=event_id).where(Contact.id == self.contact_of(ref), Contact.met_at.is_null()).execute()
        return added, len(records) - added

    # -- people to meet who are not contacts yet

    def wishes(self, records) -> tuple[int, int]:
        found = {(e, fold_key(n), fold_key(c)) for e, n, c in
                 EventWish.select(EventWish.event, EventWish.name, EventWish.company).tuples()}
        new_id = self.ids(EventWish, records)
        rows = []
        for record in records:
            event_id = self.link("events", record.event_id)
            key = (event_id, fold_key(record.name), fold_key(record.company))
            if event_id is None or key in found:
                continue
            found.add(key)
            contact_id = self.contact_of(record.person) if record.person is not None else None
            rows.append((new_id(record), event_id, record.name, record.company, record.why, contact_id, self.stamp))
        bulk.insert_rows(EventWish, [EventWish.id, EventWish.event, EventWish.name, EventWish.company, EventWish.why,
                                     EventWish.contact, EventWish.created_at], rows)
        return len(rows), len(records) - len(rows)

    # -- interactions

    def interactions(self, records) -> tuple[int, int]:
        moments = sorted({Interaction.occurred_at.db_value(r.occurred_at) for r in records})
        found: dict[tuple, int] = {}
        for start in range(0, len(moments), 500):
            rows = list(Interaction.select(Interaction.id, Interaction.occurred_at, Interaction.kind,
                                           Interaction.summary)
                        .where(Interaction.occurred_at.in_(moments[start:start + 500])).tuples())
            people: dict[int, set[int]] = {}
            for interaction_id, contact_id in (InteractionParticipant
                                               .select(InteractionParticipant.interaction, InteractionParticipant.contact)
                                               .where(InteractionParticipant.interaction.in_([r[0] for r in rows]))
                                               .tuples()):
                people.setdefault(interaction_id, set()).add(contact_id)
            for interaction_id, moment, kind, summary in rows:
                key = (Interaction.occurred_at.db_value(moment), kind, summary, frozenset(people.get(interaction_id, ())))
                found.setdefault(key, interaction_id)
        new_id = self.ids(Interaction, records)
        rows, links, added = [], [], 0
        for record in records:
            contact_ids = list(dict.fromkeys(self.contact_of(ref) for ref in record.participants))
            key = (Interaction.occurred_at.db_value(record.occurred_at), record.kind, record.summary,
                   frozenset(contact_ids))
            interaction_id = found.get(key)
            if interaction_id is None:
                interaction_id = found[key] = new_id(record)
                added += 1
                rows.append((interaction_id, record.kind, record.occurred_at, record.summary, record.notes,
                             record.initiated_by, self.link("events", record.event_id), self.stamp, record.milestone,
                             record.counts_as_contact))
                links += [(interaction_id, contact_id) for contact_id in contact_ids]
                self.touched.update(contact_ids)
            if record.id is not None:
                self.maps["interactions"][record.id] = interaction_id
        bulk.insert_rows(Interaction, [Interaction.id, Interaction.kind, Interaction.occurred_at, Interaction.summary,
                                       Interaction.notes, Interaction.initiated_by, Interaction.event,
                                       Interaction.created_at, Interaction.milestone, Interaction.counts_as_contact],
                         rows)
        bulk.insert_rows(InteractionParticipant, [InteractionParticipant.interaction, InteractionParticipant.contact],
                         links)
        return added, len(records) - added

    # -- follow-ups

    def followups(self, records) -> tuple[int, int]:
        found = {(c, FollowUp.due_on.db_value(d), a): i for i, c, d, a in
                 FollowUp.select(FollowUp.id, FollowUp.contact, FollowUp.due_on, FollowUp.action).tuples()}
        new_id = self.ids(FollowUp, records)
        rows, added = [], 0
        for record in records:
            contact_id = self.contact_of(record.person)
            key = (contact_id, FollowUp.due_on.db_value(record.due_on), record.action)
            followup_id = found.get(key)
            if followup_id is None:
                followup_id = found[key] = new_id(record)
                added += 1
                rows.append((followup_id, contact_id, record.due_on, record.channel, record.action,
                             self.link("interactions", record.source_interaction_id),
                             self.link("events", record.source_event_id), record.done_at, record.snoozed_until,
                             self.stamp, record.due_by_default))
            if record.id is not None:
                self.maps["followups"][record.id] = followup_id
        bulk.insert_rows(FollowUp, [FollowUp.id, FollowUp.contact, FollowUp.due_on, FollowUp.channel, FollowUp.action,
                                    FollowUp.source_interaction, FollowUp.source_event, FollowUp.done_at,
                                    FollowUp.snoozed_until, FollowUp.created_at, FollowUp.due_by_default], rows)
        return added, len(records) - added

    # -- introductions

    def introductions(self, records) -> tuple[int, int]:
        by_day: dict[tuple, int] = {}
        open_pairs: dict[frozenset, int] = {}
        for intro_id, a, b, day, status in Introduction.select(
                Introduction.id, Introduction.person_a, Introduction.person_b, Introduction.introduced_on,
                Introduction.status).tuples():
            by_day.setdefault((frozenset((a, b)), Introduction.introduced_on.db_value(day)), intro_id)
            if status != "outcome":
                open_pairs.setdefault(frozenset((a, b)), intro_id)
        new_id = self.ids(Introduction, records)
        rows, added = [], 0
        for record in records:
            a, b = self.contact_of(record.person_a), self.contact_of(record.person_b)
            if a == b:
                raise self.problem("introductions", record, _(
                    "person_b: {a} and {b} are the same contact here", a=record.person_a.name, b=record.person_b.name))
            pair = frozenset((a, b))
            day_key = (pair, Introduction.introduced_on.db_value(record.introduced_on))
            intro_id = by_day.get(day_key) or (open_pairs.get(pair) if record.status != "outcome" else None)
            if intro_id is None:
                intro_id = by_day[day_key] = new_id(record)
                if record.status != "outcome":
                    open_pairs[pair] = intro_id
                added += 1
                rows.append((intro_id, a, b, record.reason, record.introduced_on, record.status, record.outcome,
                             self.link("interactions", record.interaction_id), self.stamp, self.stamp))
            if record.id is not None:
                self.maps["introductions"][record.id] = intro_id
        bulk.insert_rows(Introduction, [Introduction.id, Introduction.person_a, Introduction.person_b,
                                        Introduction.reason, Introduction.introduced_on, Introduction.status,
                                        Introduction.outcome, Introduction.interaction, Introduction.created_at,
                                        Introduction.updated_at], rows)
        return added, len(records) - added

    # -- favours

    def favours(self, records) -> tuple[int, int]:
        found = {(c, d, k, Favour.occurred_on.db_value(o), n): i for i, c, d, k, o, n in Favour.select(
            Favour.id, Favour.contact, Favour.direction, Favour.kind, Favour.occurred_on, Favour.note).tuples()}
        new_id = self.ids(Favour, records)
        rows, added = [], 0
        for record in records:
            contact_id = self.contact_of(record.person)
            key = (contact_id, record.direction, record.kind, Favour.occurred_on.db_value(record.occurred_on),
                   record.note)
            if key not in found:
                found[key] = new_id(record)
                added += 1
                rows.append((found[key], contact_id, record.direction, record.kind, record.occurred_on, record.note,
                             self.link("introductions", record.introduction_id),
                             self.link("followups", record.followup_id), self.stamp))
        bulk.insert_rows(Favour, [Favour.id, Favour.contact, Favour.direction, Favour.kind, Favour.occurred_on,
                                  Favour.note, Favour.introduction, Favour.followup, Favour.created_at], rows)
        return added, len(records) - added

    # -- appointments

    def appointments(self, records) -> tuple[int, int]:
        people: dict[int, set[int]] = {}
        for appointment_id, contact_id in AppointmentParticipant.select(
                AppointmentParticipant.appointment, AppointmentParticipant.contact).tuples():
            people.setdefault(appointment_id, set()).add(contact_id)
        found = {(title, rule, frozenset(people.get(i, ()))): i
                 for i, title, rule in Appointment.select(Appointment.id, Appointment.title, Appointment.rule).tuples()}
        marked = set(AppointmentOccurrence.select(AppointmentOccurrence.appointment, AppointmentOccurrence.occurs_on)
                     .tuples())
        marked = {(a, AppointmentOccurrence.occurs_on.db_value(day)) for a, day in marked}
        new_id = self.ids(Appointment, records)
        rows, links, occurrences, added = [], [], [], 0
        for record in records:
            contact_ids = list(dict.fromkeys(self.contact_of(ref) for ref in record.participants))
            key = (record.title, record.rule, frozenset(contact_ids))
            appointment_id = found.get(key)
            if appointment_id is None:
                appointment_id = found[key] = new_id(record)
                added += 1
                rows.append((appointment_id, record.title, record.rule, record.timezone, record.duration_minutes,
                             record.notes, self.stamp))
                links += [(appointment_id, contact_id) for contact_id in contact_ids]
            for occurrence in record.occurrences:
                day = AppointmentOccurrence.occurs_on.db_value(occurrence.occurs_on)
                if (appointment_id, day) not in marked:
                    marked.add((appointment_id, day))
                    occurrences.append((appointment_id, occurrence.occurs_on, occurrence.status,
                                        self.link("interactions", occurrence.interaction_id)))
        bulk.insert_rows(Appointment, [Appointment.id, Appointment.title, Appointment.rule, Appointment.timezone,
                                       Appointment.duration_minutes, Appointment.notes, Appointment.created_at], rows)
        bulk.insert_rows(AppointmentParticipant, [AppointmentParticipant.appointment, AppointmentParticipant.contact],
                         links)
        bulk.insert_rows(AppointmentOccurrence, [AppointmentOccurrence.appointment, AppointmentOccurrence.occurs_on,
                                                 AppointmentOccurrence.status, AppointmentOccurrence.interaction],
                         occurrences)
        return added, len(records) - added

    # -- cadences

    def cadences(self, records) -> tuple[int, int]:
        found = set(CadenceDefault.select(CadenceDefault.scope, CadenceDefault.name).tuples())
        rows = []
        for record in records:
            if (record.scope, record.name) not in found:
                found.add((record.scope, record.name))
                rows.append((record.scope, record.name, record.days))
        bulk.insert_rows(CadenceDefault, [CadenceDefault.scope, CadenceDefault.name, CadenceDefault.days], rows)
        return len(rows), len(records) - len(rows)


# --- the whole import --------------------------------------------------------------------------


def import_tables(path: Path, dry_run: bool = False) -> importing.ImportReport:
    """Import a folder of netui's tables, or one table file, in one transaction; with `dry_run`
    everything is done and then rolled back, so the report says exactly what would happen."""
    try:
        files = _read_all(Path(path).expanduser())
        _check(files)
        with database.atomic() as transaction:
            with search.reindex_once():
                report, contact_of = _people(files)
                results = _Restore(files, contact_of).run()
            if dry_run:
                transaction.rollback()
    except ValidationError as error:
        raise ValidationError(error.field, _("{problem} Nothing was imported.", problem=_sentence(error.message))) from None
    except NetuiError as error:
        raise ValidationError("file", _("{problem} Nothing was imported.", problem=_sentence(str(error)))) from None
    return importing.ImportReport(report.plan, written=not dry_run, new_ids=report.new_ids,
                                  contact_ids=report.contact_ids, tables=tuple(results))


def import_file(path: Path, dry_run: bool = False) -> importing.ImportReport:
    """Import a file (any format importing.read_file knows), or netui's tables: a folder written by
    `netui export csv --what all` or one of its files besides contacts.csv."""
    if holds_tables(Path(path)):
        return import_tables(Path(path), dry_run=dry_run)
    plan = importing.plan_import(importing.read_file(Path(path)))
    return importing.ImportReport(plan, written=False) if dry_run else importing.apply_import(plan)


def _sentence(text: str) -> str:
    """The text ended as a sentence, so that another may follow it."""
    return text if text.endswith((".", "!", "?")) else text + "."


def describe(results: Iterable[TableResult]) -> list[str]:
    """One line per table file: what it added."""
    lines = []
    for result in results:
        line = _("{file}: {added} added, {already} already there", file=result.file, added=result.added,
                 already=result.already)
        if result.links_left_out:
            line += "; " + ngettext("{n} link to a file not imported left out",
                                    "{n} links to files not imported left out", result.links_left_out)
        lines.append(line)
    return lines
