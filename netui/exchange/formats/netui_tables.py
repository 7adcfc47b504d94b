"""netui's own tables besides contacts: what `netui export csv --what all` writes next to
contacts.csv, and what `netui import` reads back (pure: no database, no clock).

Files
-----
A folder written by `--what all` holds `contacts.csv` (netui.exchange.formats.netui_csv) and one file
per table below, `<table>.csv`. They are written the way contacts.csv is (UTF-8, CRLF, quoted
only where needed, formula cells with a leading apostrophe, ``|`` between the items of a cell
and ``\\``, ``|``, ``=`` escaped inside an item) and recognised by their header line, exactly
the column names below in this order.

How rows refer to each other
----------------------------
Every row of a table has the `id` it has in the database that wrote the file. People are named
by their contact id (contacts.csv's `id` column) in the `*_id` / `*_ids` columns; the column
next to them holds the same people's names, in the same order, for reading and for importing
one file on its own (then people are found by name). Other rows are named by their id:
`event_id`, `source_interaction_id`... An empty cell is no link.

Instants are ISO 8601 in UTC (``2026-11-20T17:00:00Z``), event times in the event's own time
zone with its offset (``2026-03-12T09:00:00+01:00``); days are ``YYYY-MM-DD``.

Tables
------
interactions   id, occurred_at, kind (meeting, call, video, email, message, social, event,
               note, milestone), milestone (for kind milestone: new job, promotion, award,
               book, child), initiated_by (me, them or empty), participants (names),
               participant_ids, event (its title), event_id, summary, notes, counts_as_contact
               (no: news netui wrote, such as a job change, that does not reset the cadence)
events         id, title, kind, status, starts_at, ends_at, timezone, venue, city, link, goal,
               notes, to_meet and met (how many; not read back), people_to_meet and
               people_met (names, ``role=name`` for someone with a role there),
               people_to_meet_ids and people_met_ids, met_first_here and met_first_here_ids
               (the people whose "met at" is this event), country (files of an older netui
               have no such column: read as empty)
followups      id, contact, contact_id, due_on, snoozed_until, channel, action, done_at
               (empty while open), source_interaction_id, source_event_id, due_by_default (yes: the
               day was netui's default, which a new capture may move; no: a day someone chose)
favours        id, contact, contact_id, direction (gave, received), kind, occurred_on, note,
               introduction_id, followup_id
introductions  id, person_a, person_a_id, person_b, person_b_id, reason, introduced_on,
               status (proposed, made, met, outcome), outcome, interaction_id
appointments   id, title, rule (DTSTART and RRULE lines, as iCalendar writes them),
               timezone, duration_minutes, participants, participant_ids, notes, occurrences
               (the ones marked: ``2026-11-02=done:45`` -- done, with the interaction it
               logged -- or ``2026-11-09=skipped``)
cadences       scope (circle or tag), name, days: keep-in-touch defaults
wishes         id, event (its title), event_id, name, company, why, contact and contact_id (the
               contact they became once met, or added to write to; empty while not a contact):
               people to meet at an event who are not contacts yet

Reading is strict: the first cell that is not what its column holds is a ValidationError
naming the file, the line and the column, and nothing of the file is returned.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from dateutil import rrule as rr

from netui import events, giving, upkeep, when
from netui.errors import ValidationError
from netui.exchange.formats.netui_csv import (
    BOM,
    _instant_in,
    _instant_utc,
    _labelled,
    _split_label,
    _to_bytes,
    escape,
    join_values,
    restore,
    split_values,
    unescape,
)
from netui.exchange.formats.text import MalformedCsv, line_where, malformed, reader_records
from netui.i18n import _
from netui.store.models import (
    ATTENDEE_STATUSES,
    CADENCE_SCOPES,
    CHANNEL_KINDS,
    CIRCLES,
    INITIATORS,
    INTERACTION_KINDS,
    MILESTONE_KIND,
    MILESTONES,
    OCCURRENCE_STATUSES,
)

INTERACTION_COLUMNS = (
    "id", "occurred_at", "kind", "milestone", "initiated_by", "participants", "participant_ids", "event",
    "event_id", "summary", "notes", "counts_as_contact",
)
EVENT_COLUMNS = (
    "id", "title", "kind", "status", "starts_at", "ends_at", "timezone", "venue", "city", "link", "goal", "notes",
    "to_meet", "met", "people_to_meet", "people_to_meet_ids", "people_met", "people_met_ids", "met_first_here",
    "met_first_here_ids", "country",
)
# Headers files written by an older netui have (read as if the missing columns were empty).
OLDER_COLUMNS = {"events": EVENT_COLUMNS[:-1]}  # before the event's country (schema version 5)
FOLLOWUP_COLUMNS = (
    "id", "contact", "contact_id", "due_on", "snoozed_until", "channel", "action", "done_at",
    "source_interaction_id", "source_event_id", "due_by_default",
)
FAVOUR_COLUMNS = (
    "id", "contact", "contact_id", "direction", "kind", "occurred_on", "note", "introduction_id", "followup_id",
)
INTRODUCTION_COLUMNS = (
    "id", "person_a", "person_a_id", "person_b", "person_b_id", "reason", "introduced_on", "status", "outcome",
    "interaction_id",
)
APPOINTMENT_COLUMNS = (
    "id", "title", "rule", "timezone", "duration_minutes", "participants", "participant_ids", "notes",
    "occurrences",
)
CADENCE_COLUMNS = ("scope", "name", "days")
WISH_COLUMNS = ("id", "event", "event_id", "name", "company", "why", "contact", "contact_id")

# Every table, in the order a folder is written and restored (a table's links point to the
# tables before it, except events' and interactions' links to each other, resolved after).
TABLES = {
    "interactions": INTERACTION_COLUMNS,
    "events": EVENT_COLUMNS,
    "followups": FOLLOWUP_COLUMNS,
    "introductions": INTRODUCTION_COLUMNS,
    "favours": FAVOUR_COLUMNS,
    "appointments": APPOINTMENT_COLUMNS,
    "cadences": CADENCE_COLUMNS,
    "wishes": WISH_COLUMNS,
}
_HEADERS = {",".join(columns): table for table, columns in (*TABLES.items(), *OLDER_COLUMNS.items())}


# --- records: what a table's row holds, as written and as read ---------------------------------


@dataclass(frozen=True)
class Ref:
    """A person as a table names them: their contact id (None in a hand-made file) and name."""

    id: int | None
    name: str


@dataclass(frozen=True)
class InteractionRecord:
    id: int | None
    occurred_at: pendulum.DateTime
    kind: str
    milestone: str
    initiated_by: str | None
    participants: tuple[Ref, ...]
    event_id: int | None
    event_title: str
    summary: str
    notes: str
    counts_as_contact: bool = True
    line: int = 0


@dataclass(frozen=True)
class AttendeeRecord:
    person: Ref
    status: str  # one of ATTENDEE_STATUSES
    role: str


@dataclass(frozen=True)
class EventRecord:
    id: int | None
    title: str
    kind: str
    status: str
    starts_at: pendulum.DateTime | None
    ends_at: pendulum.DateTime | None
    timezone: str
    venue: str
    city: str
    link: str
    goal: str
    notes: str
    attendees: tuple[AttendeeRecord, ...]
    met_first_here: tuple[Ref, ...]
    line: int = 0
    country: str = ""


@dataclass(frozen=True)
class FollowUpRecord:
    id: int | None
    person: Ref
    due_on: dt.date
    snoozed_until: dt.date | None
    channel: str
    action: str
    done_at: pendulum.DateTime | None
    source_interaction_id: int | None
    source_event_id: int | None
    due_by_default: bool = False
    line: int = 0


@dataclass(frozen=True)
class FavourRecord:
    id: int | None
    person: Ref
    direction: str
    kind: str
    occurred_on: dt.date
    note: str
    introduction_id: int | None
    followup_id: int | None
    line: int = 0


@dataclass(frozen=True)
class IntroductionRecord:
    id: int | None
    person_a: Ref
    person_b: Ref
    reason: str
    introduced_on: dt.date
    status: str
    outcome: str
    interaction_id: int | None
    line: int = 0


@dataclass(frozen=True)
class OccurrenceRecord:
    occurs_on: dt.date
    status: str  # one of OCCURRENCE_STATUSES
    interaction_id: int | None


@dataclass(frozen=True)
class AppointmentRecord:
    id: int | None
    title: str
    rule: str
    timezone: str
    duration_minutes: int
    participants: tuple[Ref, ...]
    notes: str
    occurrences: tuple[OccurrenceRecord, ...]
    line: int = 0


@dataclass(frozen=True)
class CadenceRecord:
    scope: str  # one of CADENCE_SCOPES
    name: str
    days: int
    line: int = 0


@dataclass(frozen=True)
class WishRecord:
    """Someone to meet at an event who is not a contact yet (person: the contact they became)."""

    id: int | None
    event_title: str
    event_id: int | None
    name: str
    company: str
    why: str
    person: Ref | None
    line: int = 0


# --- writing -------------------------------------------------------------------------------------


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _names(people: Sequence[Ref]) -> str:
    return join_values([escape(p.name) for p in people])


def _ids(people: Sequence[Ref]) -> str:
    return join_values([_number(p.id) for p in people])


def _interaction_cells(item: InteractionRecord) -> list[str]:
    return [
        _number(item.id), _instant_utc(item.occurred_at), item.kind, item.milestone, item.initiated_by or "",
        _names(item.participants), _ids(item.participants), item.event_title or "", _number(item.event_id),
        item.summary, item.notes, _yes_no(item.counts_as_contact),
    ]


def _event_cells(event: EventRecord) -> list[str]:
    groups: dict[str, list[AttendeeRecord]] = {status: [] for status in ATTENDEE_STATUSES}
    for attendee in event.attendees:
        groups[attendee.status].append(attendee)
    to_meet, met = groups["to meet"], groups["met"]
    return [
        _number(event.id), event.title, event.kind, event.status, _instant_in(event.starts_at, event.timezone),
        _instant_in(event.ends_at, event.timezone), event.timezone, event.venue, event.city, event.link,
        event.goal, event.notes, str(len(to_meet)), str(len(met)),
        join_values([_labelled(a.role, a.person.name) for a in to_meet]), _ids([a.person for a in to_meet]),
        join_values([_labelled(a.role, a.person.name) for a in met]), _ids([a.person for a in met]),
        _names(event.met_first_here), _ids(event.met_first_here), event.country,
    ]


def _followup_cells(item: FollowUpRecord) -> list[str]:
    return [
        _number(item.id), item.person.name, _number(item.person.id), _day(item.due_on), _day(item.snoozed_until),
        item.channel, item.action, _instant_utc(item.done_at), _number(item.source_interaction_id),
        _number(item.source_event_id), _yes_no(item.due_by_default),
    ]


def _wish_cells(item: WishRecord) -> list[str]:
    person = item.person
    return [
        _number(item.id), item.event_title, _number(item.event_id), item.name, item.company, item.why,
        person.name if person else "", _number(person.id) if person else "",
    ]


def _favour_cells(item: FavourRecord) -> list[str]:
    return [
        _number(item.id), item.person.name, _number(item.person.id), item.direction, item.kind,
        _day(item.occurred_on), item.note, _number(item.introduction_id), _number(item.followup_id),
    ]


def _introduction_cells(item: IntroductionRecord) -> list[str]:
    return [
        _number(item.id), item.person_a.name, _number(item.person_a.id), item.person_b.name,
        _number(item.person_b.id), item.reason, _day(item.introduced_on), item.status, item.outcome,
        _number(item.interaction_id),
    ]


def _occurrence_item(item: OccurrenceRecord) -> str:
    value = item.status if item.interaction_id is None else f"{item.status}:{item.interaction_id}"
    return f"{item.occurs_on.isoformat()}={value}"


def _appointment_cells(item: AppointmentRecord) -> list[str]:
    occurrences = sorted(item.occurrences, key=lambda o: o.occurs_on)
    return [
        _number(item.id), item.title, item.rule, item.timezone, str(item.duration_minutes),
        _names(item.participants), _ids(item.participants), item.notes,
        join_values([_occurrence_item(o) for o in occurrences]),
    ]


def _cadence_cells(item: CadenceRecord) -> list[str]:
    return [item.scope, item.name, str(item.days)]


_CELLS = {
    "interactions": _interaction_cells,
    "events": _event_cells,
    "followups": _followup_cells,
    "favours": _favour_cells,
    "wishes": _wish_cells,
    "introductions": _introduction_cells,
    "appointments": _appointment_cells,
    "cadences": _cadence_cells,
}


def write(table: str, records: Sequence, excel: bool = False) -> bytes:
    """The table's file: its header, then one row per record, in the order given."""
    cells = _CELLS[table]
    return _to_bytes(TABLES[table], [cells(record) for record in records], excel)


# --- reading -------------------------------------------------------------------------------------


def table_of(text: str) -> str | None:
    """Which table the file's header line says it is ("events"...), or None."""
    first_line = text.removeprefix(BOM).split("\n", 1)[0].rstrip("\r")
    return _HEADERS.get(first_line)


class _Bad(Exception):
    """A cell that is not what its column holds: (column, reason)."""

    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column = column
        self.reason = reason


class _Row:
    def __init__(self, cells: dict[str, str], line: int):
        self.cells = cells
        self.line = line

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def line_text(self, column: str) -> str:
        """A one-line value: runs of spaces and line breaks become one space."""
        return " ".join(self.text(column).split())

    def required(self, column: str) -> str:
        value = self.line_text(column)
        if not value:
            raise _Bad(column, _("it is empty"))
        return value

    def given(self, column: str, required: bool) -> str:
        """The cell, stripped; empty is an error when the column is `required`."""
        value = self.text(column).strip()
        if not value and required:
            raise _Bad(column, _("it is empty"))
        return value

    def number(self, column: str, required: bool = False) -> int | None:
        value = self.given(column, required)
        return _positive(column, value) if value else None

    def day(self, column: str, required: bool = False) -> dt.date | None:
        value = self.given(column, required)
        return _day_of(column, value) if value else None

    def instant(self, column: str, required: bool = False) -> pendulum.DateTime | None:
        value = self.given(column, required)
        if not value:
            return None
        try:
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                return pendulum.instance(moment.astimezone(dt.timezone.utc)).in_timezone("UTC")
        except (ValueError, OverflowError):  # not a date, or beyond year 1 to 9999 in UTC
            _impossible_day(column, value)
        raise _Bad(column, _("'{value}' is not a date and time with its offset, like 2026-11-20T17:00:00Z.",
                             value=value))

    def choice(self, column: str, choices: Sequence[str], allow_empty: bool = False) -> str:
        value = self.line_text(column)
        if (allow_empty and not value) or value in choices:
            return value
        raise _Bad(column, _("'{value}' is not one of: {choices}.", value=value, choices=", ".join(choices)))

    def yes_no(self, column: str, default: bool) -> bool:
        """yes or no; empty (or a file written before the column existed) is the default."""
        value = self.choice(column, ("yes", "no"), allow_empty=True)
        return default if not value else value == "yes"

    def person(self, name_column: str, id_column: str) -> Ref:
        people = self.people(name_column, id_column)
        if len(people) != 1:
            raise _Bad(id_column, _("name one person here"))
        return people[0]

    def people(self, name_column: str, id_column: str, labelled: bool = False) -> list:
        """The people of a pair of columns (names, ids) as Refs; with `labelled`, (Ref, label)."""
        names = [_unlabel(item) if labelled else ("", unescape(item)) for item in split_values(self.text(name_column))]
        ids = [_positive(id_column, item) for item in split_values(self.text(id_column))]
        if ids and len(ids) != len(names):
            raise _Bad(id_column, _("{ids} ids for {names} names in {column}", ids=len(ids), names=len(names),
                                    column=name_column))
        found = []
        for index, (label, name) in enumerate(names):
            name = " ".join(name.split())
            if not name and not ids:
                raise _Bad(name_column, _("a name is empty"))
            ref = Ref(ids[index] if ids else None, name)
            found.append((ref, label) if labelled else ref)
        return found


def _unlabel(item: str) -> tuple[str, str]:
    return _split_label(item) or ("", unescape(item))


def _positive(column: str, value: str) -> int:
    value = value.strip()
    if not value.isdigit() or not value.isascii() or int(value) < 1:
        raise _Bad(column, _("'{value}' is not an id (a whole number from 1).", value=value))
    return int(value)


def _day_of(column: str, value: str) -> dt.date:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise _Bad(column, _("'{value}' is not a day written YYYY-MM-DD.", value=value))


def _validated(column: str, check, value):
    """A domain validator's answer, its ValidationError as this column's problem."""
    try:
        return check(value)
    except ValidationError as error:
        raise _Bad(column, error.message) from None


def _read_interaction(row: _Row) -> InteractionRecord:
    kind = row.choice("kind", INTERACTION_KINDS + (MILESTONE_KIND,))
    milestone = row.choice("milestone", MILESTONES, allow_empty=True)
    people = row.people("participants", "participant_ids")
    if not people:
        raise _Bad("participants", _("an interaction needs at least one person"))
    initiated = row.choice("initiated_by", INITIATORS, allow_empty=True)
    return InteractionRecord(
        id=row.number("id"), occurred_at=row.instant("occurred_at", required=True), kind=kind, milestone=milestone,
        initiated_by=initiated or None, participants=tuple(people), event_id=row.number("event_id"),
        event_title=row.line_text("event"), summary=row.line_text("summary"), notes=row.text("notes").strip(),
        counts_as_contact=row.yes_no("counts_as_contact", default=True), line=row.line,
    )


def _read_event(row: _Row) -> EventRecord:
    zone = _validated("timezone", events.validate_timezone, row.text("timezone") or "UTC")
    starts, ends = row.instant("starts_at"), row.instant("ends_at")
    if starts and ends and ends < starts:
        raise _Bad("ends_at", _("The event ends before it starts."))
    attendees = [
        AttendeeRecord(ref, status, " ".join(role.split()))
        for status, names, ids in (("to meet", "people_to_meet", "people_to_meet_ids"),
                                   ("met", "people_met", "people_met_ids"))
        for ref, role in row.people(names, ids, labelled=True)
    ]
    return EventRecord(
        id=row.number("id"), title=row.required("title"),
        kind=_validated("kind", events.validate_kind, row.text("kind") or "other"),
        status=_validated("status", events.validate_status, row.text("status") or "idea"),
        starts_at=starts, ends_at=ends, timezone=zone, venue=row.line_text("venue"), city=row.line_text("city"),
        link=row.line_text("link"), goal=row.text("goal").strip(), notes=row.text("notes").strip(),
        attendees=tuple(attendees), met_first_here=tuple(row.people("met_first_here", "met_first_here_ids")),
        line=row.line, country=row.line_text("country"),
    )


def _read_followup(row: _Row) -> FollowUpRecord:
    return FollowUpRecord(
        id=row.number("id"), person=row.person("contact", "contact_id"), due_on=row.day("due_on", required=True),
        snoozed_until=row.day("snoozed_until"), channel=row.choice("channel", CHANNEL_KINDS, allow_empty=True),
        action=row.text("action").strip(), done_at=row.instant("done_at"),
        source_interaction_id=row.number("source_interaction_id"), source_event_id=row.number("source_event_id"),
        due_by_default=row.yes_no("due_by_default", default=False), line=row.line,
    )


def _read_wish(row: _Row) -> WishRecord:
    person = row.person("contact", "contact_id") if row.text("contact") or row.text("contact_id") else None
    return WishRecord(
        id=row.number("id"), event_title=row.line_text("event"), event_id=row.number("event_id", required=True),
        name=" ".join(row.required("name").split()), company=row.line_text("company"), why=row.text("why").strip(),
        person=person, line=row.line,
    )


def _read_favour(row: _Row) -> FavourRecord:
    return FavourRecord(
        id=row.number("id"), person=row.person("contact", "contact_id"),
        direction=_validated("direction", giving.validate_direction, row.text("direction")),
        kind=_validated("kind", giving.validate_kind, row.text("kind") or "other"),
        occurred_on=row.day("occurred_on", required=True), note=row.text("note").strip(),
        introduction_id=row.number("introduction_id"), followup_id=row.number("followup_id"), line=row.line,
    )


def _read_introduction(row: _Row) -> IntroductionRecord:
    person_a, person_b = row.person("person_a", "person_a_id"), row.person("person_b", "person_b_id")
    if person_a == person_b:
        raise _Bad("person_b", _("Introduce them to someone else: it takes two different people."))
    status = _validated("status", giving.validate_status, row.text("status") or "proposed")
    outcome = row.text("outcome").strip()
    if outcome and status != "outcome":
        raise _Bad("outcome", _("An outcome goes with the status 'outcome'."))
    return IntroductionRecord(
        id=row.number("id"), person_a=person_a, person_b=person_b, reason=row.text("reason").strip(),
        introduced_on=row.day("introduced_on", required=True), status=status, outcome=outcome,
        interaction_id=row.number("interaction_id"), line=row.line,
    )


def _read_rule(text: str) -> str:
    rule = text.strip().replace("\r\n", "\n")
    try:
        parsed = rr.rrulestr(rule)
    except (ValueError, TypeError):
        parsed = None
    if not isinstance(parsed, rr.rrule) or "DTSTART" not in rule:
        raise _Bad("rule", _("this is not a DTSTART line and an RRULE line (as iCalendar writes them)"))
    return rule


def _read_occurrence(item: str) -> OccurrenceRecord:
    pair = _split_label(item)
    if pair is None:
        raise _Bad("occurrences", _("'{item}' is not YYYY-MM-DD=done or YYYY-MM-DD=skipped.", item=unescape(item)))
    day = _day_of("occurrences", pair[0])
    status, _colon, interaction = pair[1].partition(":")
    if status not in OCCURRENCE_STATUSES:
        raise _Bad("occurrences", _("'{item}' is not YYYY-MM-DD=done or YYYY-MM-DD=skipped.", item=unescape(item)))
    return OccurrenceRecord(day, status, _positive("occurrences", interaction) if interaction else None)


def _read_appointment(row: _Row) -> AppointmentRecord:
    people = row.people("participants", "participant_ids")
    if not people:
        raise _Bad("participants", _("An appointment needs at least one person."))
    minutes = row.number("duration_minutes", required=True)
    if not 1 <= minutes <= 24 * 60:
        raise _Bad("duration_minutes", _("The duration is 1 to 1440 minutes."))
    occurrences = [_read_occurrence(item) for item in split_values(row.text("occurrences"))]
    if len({o.occurs_on for o in occurrences}) != len(occurrences):
        raise _Bad("occurrences", _("a day is there twice"))
    return AppointmentRecord(
        id=row.number("id"), title=row.required("title"), rule=_read_rule(row.text("rule")),
        timezone=_validated("timezone", events.validate_timezone, row.text("timezone") or "UTC"),
        duration_minutes=minutes, participants=tuple(people), notes=row.text("notes").strip(),
        occurrences=tuple(occurrences), line=row.line,
    )


def _read_cadence(row: _Row) -> CadenceRecord:
    scope = row.choice("scope", CADENCE_SCOPES)
    name = row.required("name").lower()
    if scope == "circle" and name not in CIRCLES:
        raise _Bad("name", _("'{name}' is not a circle; use one of: {circles}.", name=name, circles=", ".join(CIRCLES)))
    days = row.number("days", required=True)
    return CadenceRecord(scope, name, _validated("days", upkeep.parse_cadence, days), line=row.line)


_READERS = {
    "interactions": _read_interaction,
    "events": _read_event,
    "followups": _read_followup,
    "favours": _read_favour,
    "wishes": _read_wish,
    "introductions": _read_introduction,
    "appointments": _read_appointment,
    "cadences": _read_cadence,
}


_DAY_FIRST = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _impossible_day(column: str, value: str) -> None:
    """An instant written right on a day that does not exist (31 February): say so, in the words
    every date error uses (when.make_date), rather than that it is not an instant."""
    day = _DAY_FIRST.match(value)
    if day:
        try:
            when.make_date(int(day.group(1)), int(day.group(2)), int(day.group(3)), column, written=day.group(0))
        except ValidationError as error:
            raise _Bad(column, error.message) from None


def problem(name: str, line: int, text: str) -> ValidationError:
    """The error for a problem on a line of a file: "events.csv line 3: status: ..."."""
    return ValidationError("file", _("{file} {where}: {problem}", file=name, where=line_where(line), problem=text))


def read(table: str, text: str, name: str) -> list:
    """The records of one table's file; `name` (the file) is for the error a bad cell raises."""
    columns = TABLES[table]
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), strict=True)
    try:
        header = next(reader, [])
    except csv.Error as error:
        bad = malformed(error, 1, reader.line_num)
        raise problem(name, bad.line, bad.reason) from None
    if [cell.strip() for cell in header] not in (list(columns), list(OLDER_COLUMNS.get(table, ()))):
        raise problem(name, 1, _("the first line should be {header}", header=",".join(columns)))
    columns = tuple(cell.strip() for cell in header)
    records, seen = [], {}
    try:
        for start, cells in reader_records(reader):
            record = _read_row(table, name, start, cells, columns)
            key = getattr(record, "id", None) if table != "cadences" else (record.scope, record.name)
            if key is not None:
                if key in seen:
                    raise problem(name, start, _("the same row as line {line}", line=seen[key]))
                seen[key] = start
            records.append(record)
    except MalformedCsv as bad:
        raise problem(name, bad.line, bad.reason) from None
    return records


def _read_row(table: str, name: str, start: int, cells: list[str], columns: Sequence[str]):
    """The record of one row of file `name` (whose header is `columns`), starting on line
    `start`; a cell that is not what its column holds is the error naming the file, the line
    and the column."""
    if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns):]):
        raise problem(name, start, _("{count} cells but the header has {width}", count=len(cells),
                                     width=len(columns)))
    row = _Row({column: restore(cell) for column, cell in zip(columns, cells)}, start)
    try:
        return _READERS[table](row)
    except _Bad as bad:
        raise problem(name, start, f"{bad.column}: {bad.reason}") from None  # i18n: not text
