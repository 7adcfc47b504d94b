"""Writing a planned demo network (netui.demo.records.Plan) into the bound database, table by
table, through the store's bulk interface: ids given in advance, instants formatted once per
day, the search index's rows built from the plan, the indexes built after their rows and the
last-contacted trigger replaced by the value computed here. Call it inside
`netui.store.bulk.loading()`."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass

from netui import when
from netui.demo.records import Plan
from netui.store import bulk, search, statistics
from netui.store.models import (
    ATTENDEE_STATUSES,
    CIRCLES,
    EVENT_KINDS,
    EVENT_STATUSES,
    INTERACTION_KINDS,
    Channel,
    Contact,
    ContactTag,
    Event,
    EventAttendee,
    Fact,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionParticipant,
    Tag,
    UTC_TEXT_FORMAT,
)
from netui.text import fold, fold_key, full_name


@dataclass(frozen=True)
class _Ids:
    """The ids the plan's rows get: the next free ones of each table, in plan order."""

    contact_base: int
    event_base: int
    interaction_base: int
    contact: list[int]
    event: list[int]
    interaction: range

    @classmethod
    def next_free(cls, plan: Plan) -> _Ids:
        contact_base, event_base = bulk.next_id(Contact), bulk.next_id(Event)
        interaction_base = bulk.next_id(Interaction)
        return cls(contact_base, event_base, interaction_base,
                   [contact_base + i for i in range(len(plan.contacts))],
                   [event_base + i for i in range(len(plan.events))],
                   range(interaction_base, interaction_base + len(plan.interactions)))


@dataclass
class _Table:
    """Rows for one table: a list for bulk.insert_rows, or (`streamed`) an iterator of
    `count` rows for bulk.insert_stream, instants given as unix seconds."""

    model: type
    fields: list
    rows: object
    count: int
    streamed: bool = False


def write(plan: Plan, progress: Callable[[int, int], None]) -> None:
    """Write every row of the plan; `progress(rows_done, rows_total)` after each batch."""
    ids = _Ids.next_free(plan)
    tables = _people_tables(plan, ids) + _activity_tables(plan, ids)
    check_plan(plan)
    index_rows = _index_rows(plan, ids.contact)
    total = sum(table.count for table in tables) + len(index_rows)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        progress(done, total)

    with bulk.indexes_rebuilt_after([table.model for table in tables]):
        for table in tables:
            if not table.streamed:
                bulk.insert_rows(table.model, table.fields, table.rows, advance)
            elif table.model is InteractionParticipant:  # the contact rows hold what it computes
                with bulk.triggers_suspended([InteractionParticipant], or_fired=True):
                    bulk.insert_stream(table.model, table.fields, table.count, table.rows, advance)
            else:
                bulk.insert_stream(table.model, table.fields, table.count, table.rows, advance)
        search.write_rows(index_rows, advance)
    # The query planner's statistics, as the store keeps them on close: a big network opens
    # with its first page read down the right index at once.
    statistics.analyze()


def _listed(model, fields: list, rows: list) -> _Table:
    return _Table(model, fields, rows, len(rows))


def _people_tables(plan: Plan, ids: _Ids) -> list[_Table]:
    """Events, contacts and what belongs to a contact alone (channels, tags, facts, dates)."""
    tag_ids, new_tags = _tag_ids(plan)
    contact_id, event_id = ids.contact, ids.event
    return [
        _listed(Event, [Event.id, Event.title, Event.kind, Event.starts_at, Event.ends_at, Event.timezone,
                        Event.venue, Event.city, Event.link, Event.status, Event.goal, Event.notes,
                        Event.created_at, Event.updated_at],
                [(event_id[i], e.title, e.kind, _utc(e.starts), _utc(e.ends), e.timezone, e.venue, e.city,
                  e.link, e.status, e.goal, e.notes, _utc(e.created), _utc(e.updated))
                 for i, e in enumerate(plan.events)]),
        _listed(Contact, [Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name, Contact.company,
                          Contact.role, Contact.city, Contact.country, Contact.circle, Contact.how_met,
                          Contact.met_at, Contact.introduced_by, Contact.cadence_days, Contact.starred,
                          Contact.notes, Contact.created_at, Contact.updated_at, Contact.last_contacted_at],
                _contact_rows(plan, ids)),
        _listed(Channel, [Channel.contact, Channel.kind, Channel.value, Channel.label],
                [(contact_id[p], kind, value, label) for p, kind, value, label in plan.channels]),
        _listed(Tag, [Tag.id, Tag.name], new_tags),
        _listed(ContactTag, [ContactTag.contact, ContactTag.tag],
                [(contact_id[i], tag_ids[t]) for i, p in enumerate(plan.contacts) for t in p.tags]),
        _listed(Fact, [Fact.contact, Fact.label, Fact.value],
                [(contact_id[p], label, value) for p, label, value in plan.facts]),
        _listed(ImportantDate, [ImportantDate.contact, ImportantDate.label, ImportantDate.month,
                                ImportantDate.day, ImportantDate.year, ImportantDate.remind_days_before],
                [(contact_id[p], label, month, day, year, remind)
                 for p, label, month, day, year, remind in plan.dates]),
    ]


def _tag_ids(plan: Plan) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Each tag's id (an existing tag keeps its own) and the rows of the new tags."""
    tag_names = sorted({tag for person in plan.contacts for tag in person.tags})
    existing_tags = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(tag_names)).tuples()) \
        if tag_names else {}
    next_tag = bulk.next_id(Tag)
    tag_ids, new_tags = {}, []
    for name in tag_names:
        if name in existing_tags:
            tag_ids[name] = existing_tags[name]
        else:
            tag_ids[name] = next_tag
            new_tags.append((next_tag, name))
            next_tag += 1
    return tag_ids, new_tags


def _contact_rows(plan: Plan, ids: _Ids) -> list[tuple]:
    # Each person's newest interaction: the value the last-contacted trigger would compute
    # row by row (it is suspended while the participants are written).
    newest = [0] * len(plan.contacts)
    for x in plan.interactions:
        for p in x.participants:
            if x.occurred > newest[p]:
                newest[p] = x.occurred
    contact_id, event_id, utc = ids.contact, ids.event, _utc
    return [
        (contact_id[i], p.first, p.last, _sort_name(p.first, p.last), p.company, p.role, p.city,
         plan.country_names[p.country], p.circle, p.how_met,
         None if p.met_at is None else event_id[p.met_at],
         None if p.introduced_by is None else contact_id[p.introduced_by],
         p.cadence, int(p.starred), p.notes, utc(p.created), utc(p.updated), utc(newest[i]) if newest[i] else None)
        for i, p in enumerate(plan.contacts)
    ]


def _activity_tables(plan: Plan, ids: _Ids) -> list[_Table]:
    """Interactions and their participants (the two big tables: rows made batch by batch as
    they are written), who goes to which event, follow-ups."""
    contact_id, event_id, interaction_id = ids.contact, ids.event, ids.interaction
    contact_base, event_base, interaction_base = ids.contact_base, ids.event_base, ids.interaction_base
    return [
        _Table(Interaction, [Interaction.id, Interaction.kind, Interaction.occurred_at, Interaction.summary,
                             Interaction.notes, Interaction.initiated_by, Interaction.event,
                             Interaction.created_at],
               ((interaction_base + i, x.kind, x.occurred, x.summary, x.notes, x.initiated_by,
                 None if x.event is None else event_base + x.event, x.created)
                for i, x in enumerate(plan.interactions)),
               len(plan.interactions), streamed=True),
        _Table(InteractionParticipant, [InteractionParticipant.interaction, InteractionParticipant.contact],
               ((interaction_base + i, contact_base + p)
                for i, x in enumerate(plan.interactions) for p in x.participants),
               sum(len(x.participants) for x in plan.interactions), streamed=True),
        _listed(EventAttendee, [EventAttendee.event, EventAttendee.contact, EventAttendee.status,
                                EventAttendee.role],
                [(event_id[e], contact_id[p], status, role) for e, p, status, role in plan.attendees]),
        _listed(FollowUp, [FollowUp.contact, FollowUp.due_on, FollowUp.channel, FollowUp.action,
                           FollowUp.source_interaction, FollowUp.source_event, FollowUp.done_at,
                           FollowUp.snoozed_until, FollowUp.created_at],
                [(contact_id[p], when.plain_date(due), channel, action,
                  None if source is None else interaction_id[source],
                  None if source_event is None else event_id[source_event],
                  None if done is None else _utc(done), None if snoozed is None else when.plain_date(snoozed),
                  _utc(created))
                 for p, due, channel, action, source, source_event, done, snoozed, created in plan.followups]),
    ]


def _index_rows(plan: Plan, contact_id: list[int]) -> list[tuple]:
    """The search index's rows, exactly what `search.rebuild_index` would write from the tables
    (the same columns, text joined in the same order, folded), built from the plan. Rebuilding
    it in SQL reads every person's interactions back and folds a million lines one long string
    at a time: most of the time a big network took. Here each distinct line is folded once
    (folding works character by character, so a joined text folds as its folded lines joined)."""
    folded: dict[str, str] = {}

    def fold_(text: str) -> str:
        value = folded.get(text)
        if value is None:
            value = folded[text] = fold(text)
        return value

    interactions: list[list[str]] = [[] for _ in plan.contacts]
    get = folded.get
    for x in plan.interactions:  # ids follow this order
        text = x.summary + " " + x.notes
        line = get(text)
        if line is None:
            line = folded[text] = fold(text)
        for p in x.participants:
            interactions[p].append(line)
    facts: list[list[str]] = [[] for _ in plan.contacts]
    for p, label, value in plan.facts:  # ids follow this order
        facts[p].append(fold_(f"{label} {value}"))
    return [
        (contact_id[i], fold_(f"{p.first} {p.last}"), fold_(p.company), fold_(p.role),
         fold_(f"{p.city} {plan.country_names[p.country]}"), fold_(" ".join(sorted(p.tags))),
         fold_(f"{p.how_met}\n{p.notes}"), "\n".join(facts[i]), "\n".join(interactions[i]))
        for i, p in enumerate(plan.contacts)
    ]


def _utc(seconds: int) -> str:
    """The instant `seconds` after the epoch exactly as UTCDateTimeField stores it (UTC text,
    which the field writes unchanged), from two tables: the day's text and the time of day's.
    A 1,000,000-interaction network has two million instants to write; strftime (or a
    pendulum DateTime) for each would take seconds."""
    day, second = divmod(seconds, 86400)
    text = _DAY_TEXT.get(day)
    if text is None:
        text = _DAY_TEXT[day] = time.strftime(UTC_TEXT_FORMAT.split(" ")[0] + " ", time.gmtime(day * 86400))
    return text + _time_of_day()[second]


_DAY_TEXT: dict[int, str] = {}


@functools.cache
def _time_of_day() -> tuple[str, ...]:
    return tuple(f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60))


@functools.cache
def _sort_name(first: str, last: str) -> str:
    return fold_key(full_name(first, last))  # names repeat: a big network has few distinct ones


def check_plan(plan: Plan) -> None:
    """What the domain functions would refuse is never generated (a bug here, not user input)."""
    assert all(p.circle in CIRCLES for p in plan.contacts)
    assert all(e.kind in EVENT_KINDS and e.status in EVENT_STATUSES for e in plan.events)
    assert all(x.kind in INTERACTION_KINDS and x.participants for x in plan.interactions)
    assert all(status in ATTENDEE_STATUSES for _, _, status, _ in plan.attendees)
