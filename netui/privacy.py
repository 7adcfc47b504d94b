"""The rights of the people in your network: access (everything stored about one person, as
JSON) and erasure (netui.lifecycle.purge_contact, which also scrubs the file's bytes).

PERSON_TABLES is the one list of the tables that hold a person: the access record answers from
each of them, and a purge checks that none still names the person it erased.

`person_record` reads the tables directly, every column of every row that concerns the person,
so that nothing stored about them is left out of the answer — a column added to the schema
later shows up without touching this module.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from functools import reduce

from peewee import Model

from netui import __version__, contacts, rules, when
from netui.capture_line import parse_capture_line
from netui.errors import NotFoundError, ValidationError
from netui.i18n import _
from netui.store import journal
from netui.store.models import (
    Appointment,
    CapturePending,
    AppointmentOccurrence,
    AppointmentParticipant,
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
    NotDuplicate,
    Tag,
)
from netui.text import fold_key, full_name

RECORD_FORMAT = "netui person record"  # i18n: not text (a JSON value machines read)
RECORD_VERSION = 1

# Every table that holds a person, with the columns that name them (by contact id). A table
# added to the schema with a column naming a contact belongs here (tests check it): the access
# record must show it, and a purge must leave nothing in it.
PERSON_TABLES = (
    (Contact, ("id", "introduced_by")),
    (Channel, ("contact",)),
    (ContactTag, ("contact",)),
    (Fact, ("contact",)),
    (ImportantDate, ("contact",)),
    (InteractionParticipant, ("contact",)),
    (FollowUp, ("contact",)),
    (EventAttendee, ("contact",)),
    (AppointmentParticipant, ("contact",)),
    (Favour, ("contact",)),
    (Introduction, ("person_a", "person_b")),
    (NotDuplicate, ("first", "second")),  # "not the same person as ..." (netui.duplicates)
    (EventWish, ("contact",)),  # someone to meet at an event, once they are this contact
)


def resolve_anyone(text: str) -> int:
    """Like contacts.resolve_contact, but also finds a person in the trash ('#12' or their
    exact name), since a purge or an access request may concern them too."""
    text = text.strip()
    if re.fullmatch(r"#\d+", text):
        if Contact.get_or_none(Contact.id == int(text[1:])) is None:
            raise NotFoundError(_("There is no contact {text}.", text=text))
        return int(text[1:])
    try:
        return contacts.resolve_contact(text)
    except NotFoundError:
        from netui.text import fold_key

        trashed = [c.id for c in Contact.select(Contact.id).where(
            Contact.sort_name == fold_key(text), Contact.trashed_at.is_null(False)).order_by(Contact.id)]
        if len(trashed) == 1:
            return trashed[0]
        raise


def person_record(contact_id: int) -> dict:
    """Everything netui stores about one person, JSON-ready (see the README for the shape)."""
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    names = _names()
    titles = {e.id: e.title for e in Event.select(Event.id, Event.title)}
    record = {
        "format": RECORD_FORMAT,
        "format_version": RECORD_VERSION,
        "netui_version": __version__,
        "exported_at": _value(when.now()),
        "contact": {**_row(contact), "name": full_name(contact.first_name, contact.last_name),
                    "met_at_title": titles.get(contact.met_at_id),
                    "introduced_by_name": names.get(contact.introduced_by_id)},
        "people_they_introduced": [
            {"id": c.id, "name": names[c.id]} for c in Contact.select(Contact.id)
            .where(Contact.introduced_by == contact_id).order_by(Contact.id)],
        "channels": _rows(Channel.select().where(Channel.contact == contact_id).order_by(Channel.id), "contact"),
        "tags": [t.name for t in Tag.select(Tag.name).join(ContactTag)
                 .where(ContactTag.contact == contact_id).order_by(Tag.name)],
        "facts": _rows(Fact.select().where(Fact.contact == contact_id).order_by(Fact.id), "contact"),
        "important_dates": _rows(
            ImportantDate.select().where(ImportantDate.contact == contact_id).order_by(ImportantDate.id), "contact"),
        "interactions": _interactions(contact_id, names, titles),
        "followups": _rows(FollowUp.select().where(FollowUp.contact == contact_id).order_by(FollowUp.id), "contact"),
        "events": [
            {**_row(link, "contact"), "event_title": titles.get(link.event_id)}
            for link in EventAttendee.select().where(EventAttendee.contact == contact_id).order_by(EventAttendee.event)
        ],
        "wished_for_at": [
            {**_row(wish, "contact"), "event_title": titles.get(wish.event_id)}
            for wish in EventWish.select().where(EventWish.contact == contact_id).order_by(EventWish.id)
        ],
        "appointments": _appointments(contact_id, names),
        "favours": _rows(Favour.select().where(Favour.contact == contact_id).order_by(Favour.id), "contact"),
        "introductions": [
            {**_row(intro), "person_a_name": names.get(intro.person_a_id), "person_b_name": names.get(intro.person_b_id)}
            for intro in Introduction.select().where(
                (Introduction.person_a == contact_id) | (Introduction.person_b == contact_id)).order_by(Introduction.id)
        ],
        "captured_lines_not_saved_yet": [
            {**_row(line), "event_title": titles.get(line.event_id)} for line in captured_lines_naming([contact_id])
        ],
    }
    return record


def captured_lines_naming(contact_ids: list[int]) -> list[CapturePending]:
    """The quick-capture lines typed and not saved into the network yet (netui.store.journal)
    that name one of these people, in the trash or not: said to be them, or carrying one of
    their e-mails, LinkedIn profiles or phones, or their name (and their company, when the line
    gives one). Such a line is the user's own words about the person: the access record shows
    it, and a purge erases it -- applied later, it would bring them back."""
    waiting = journal.waiting()
    if not waiting or not contact_ids:
        return []
    people = {row.id: row for row in Contact.select(Contact.id, Contact.sort_name, Contact.company)
              .where(Contact.id.in_(contact_ids))}
    channels: dict[int, list[tuple[str, str]]] = {}
    for contact_id, kind, value in (Channel.select(Channel.contact, Channel.kind, Channel.value)
                                    .where(Channel.contact.in_(list(people)),
                                           Channel.kind.in_(("email", "linkedin", "phone"))).tuples()):
        channels.setdefault(contact_id, []).append((kind, value))
    naming = []
    for line in waiting:
        said = _read(line)  # once a line, whoever it is compared with
        if any(_line_names(line, said, person, channels.get(person.id, ())) for person in people.values()):
            naming.append(line)
    return naming


def _read(line: CapturePending):
    """What capture reads in the line; None for a line it does not read any more (the language changed)."""
    try:
        return parse_capture_line(line.line, when.today())
    except ValidationError:
        return None


def _line_names(line: CapturePending, said, person: Contact, channels) -> bool:
    if line.choice == str(person.id):
        return True
    if said is None:  # its words, then
        return person.sort_name in fold_key(line.line)
    typed = {"email": said.emails, "linkedin": said.linkedin, "phone": said.phones}
    if any(rules.same_channel(kind, stored, value) for kind, stored in channels for value in typed[kind]):
        return True
    return fold_key(said.name) == person.sort_name and (
        not said.company or fold_key(said.company) == fold_key(person.company))


def tables_naming(contact_ids: list[int]) -> list[str]:
    """The tables of PERSON_TABLES where a row still names one of these contacts."""
    found = []
    for model, columns in PERSON_TABLES:
        for start in range(0, len(contact_ids), 500):
            chunk = contact_ids[start : start + 500]
            if model.select().where(reduce(operator.or_, (getattr(model, c).in_(chunk) for c in columns))).exists():
                found.append(model._meta.table_name)
                break
    return found


# --- internals ---------------------------------------------------------------------------


def _names() -> dict[int, str]:
    return {i: full_name(f, l) for i, f, l in Contact.select(Contact.id, Contact.first_name, Contact.last_name).tuples()}


def _interactions(contact_id: int, names: dict[int, str], titles: dict[int, str]) -> list[dict]:
    theirs = InteractionParticipant.select(InteractionParticipant.interaction).where(
        InteractionParticipant.contact == contact_id)
    found = list(Interaction.select().where(Interaction.id.in_(theirs)).order_by(Interaction.occurred_at, Interaction.id))
    others: dict[int, list[int]] = {}
    for interaction_id, other in (InteractionParticipant.select(InteractionParticipant.interaction,
                                                                InteractionParticipant.contact)
                                  .where(InteractionParticipant.interaction.in_(theirs),
                                         InteractionParticipant.contact != contact_id).tuples()):
        others.setdefault(interaction_id, []).append(other)
    return [
        {**_row(i), "event_title": titles.get(i.event_id),
         "other_participants": [{"id": o, "name": names.get(o)} for o in sorted(others.get(i.id, []))]}
        for i in found
    ]


def _appointments(contact_id: int, names: dict[int, str]) -> list[dict]:
    theirs = AppointmentParticipant.select(AppointmentParticipant.appointment).where(
        AppointmentParticipant.contact == contact_id)
    found = []
    for appointment in Appointment.select().where(Appointment.id.in_(theirs)).order_by(Appointment.id):
        others = [p.contact_id for p in AppointmentParticipant.select().where(
            AppointmentParticipant.appointment == appointment.id, AppointmentParticipant.contact != contact_id)]
        found.append({
            **_row(appointment),
            "other_participants": [{"id": o, "name": names.get(o)} for o in sorted(others)],
            "occurrences": _rows(AppointmentOccurrence.select().where(
                AppointmentOccurrence.appointment == appointment.id).order_by(AppointmentOccurrence.occurs_on),
                "appointment"),
        })
    return found


def _rows(query, *skip: str) -> list[dict]:
    return [_row(row, *skip) for row in query]


def _row(row: Model, *skip: str) -> dict:
    """Every stored column of a row (foreign keys as `<name>_id`), JSON-ready."""
    data = {}
    for field in row._meta.sorted_fields:
        if field.name in skip:
            continue
        name = field.column_name if field.column_name.endswith("_id") or field.name == "id" else field.name
        data[name] = _value(row.__data__.get(field.name))
    return data


def _value(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
