"""Bringing people in from files: reading a file, and matching and writing what it holds.

A *reader* (netui.exchange.formats.*, listed in READERS) turns a file's text into a
`ReadResult` (netui.exchange.records): the people it holds as `IncomingPerson`s (plain values,
nothing looked up yet) and the rows or cards it skipped, each with where it was ("line 12",
"card 3") and why; `read_file` picks the reader the content asks for. `plan_import` then matches every
incoming person against the database (same e-mail, LinkedIn URL or phone; else the same name
and company, unless a LinkedIn profile or e-mail on both sides differs: see _Known): a
new person, an update (empty fields filled, channels and tags added; differing non-empty
values listed as conflicts, never overwritten) or unchanged. `apply_import` writes the plan
in one transaction — everything or nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

import pendulum

from netui.errors import NetuiError, ValidationError
from netui.i18n import N_, _
from netui.text import fold_key
from netui import chains, contacts, followups, i18n, rules, timeline, when
from netui.exchange.formats import google, linkedin, netui_csv, netui_tables, outlook, vcard
from netui.exchange.formats.text import decode
from netui.exchange.records import DEFAULT_REMIND_DAYS, IncomingPerson, ReadResult, Skipped, without_garbage_collection
from netui.store import bulk, search
from netui.store.models import (
    Channel, Contact, ContactTag, Fact, ImportantDate, Interaction, InteractionParticipant, Tag, database)


# --- matching against the network --------------------------------------------------------


phone_key = rules.phone_key  # the rule lives in netui.rules (netui.duplicates uses it too)


class _Known:
    """Every living contact's e-mails, LinkedIn URLs, phones and name (+company), read once per
    import (one query each), so matching thousands of rows is a dictionary look-up.

    A shared e-mail, LinkedIn profile or phone is that person. Failing one, the same name and
    company (or, for a row without a company, the same name as the only such person without
    one) is a weak match, refused when a strong identifier differs (rules.vetoed: the rule
    quick capture follows too)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], int] = {}
        self.by_name: dict[tuple[str, str], list[int]] = {}  # the people a weak match may be
        self.telling: dict[int, dict[str, set[str]]] = {}  # id -> rules.telling_identifiers
        self.companies: dict[str, str] = {}  # company -> fold_key(company): a file repeats a few hundred
        rows = (
            Channel.select(Channel.kind, Channel.value, Channel.contact)
            .join(Contact)
            .where(Contact.trashed_at.is_null(), Channel.kind.in_(["email", "linkedin", "phone"]))
            .tuples()
        )
        for kind, value, contact_id in rows:
            self.remember(kind, value, contact_id)
        for contact_id, sort_name, company in (
            Contact.select(Contact.id, Contact.sort_name, Contact.company)
            .where(Contact.trashed_at.is_null())
            .order_by(Contact.id)
            .tuples()
        ):
            self._remember_name(self._name_key(sort_name, company), contact_id)

    @staticmethod
    def key(kind: str, value: str) -> tuple[str, str]:
        if kind == "phone":
            return kind, phone_key(value)
        return kind, rules.identity_key(kind, value)

    def remember(self, kind: str, value: str, contact_id: int, key: tuple[str, str] | None = None) -> None:
        key = self.key(kind, value) if key is None else key
        if key[1]:
            self.by_key.setdefault(key, contact_id)
            if kind in rules.TELLING_KINDS:
                self.telling.setdefault(contact_id, {}).setdefault(kind, set()).add(key[1])

    def _name_key(self, sort_name: str, company: str) -> tuple[str, str]:
        # A row with a company may be the person of that name at that company; a row without
        # one only a person who has none either.
        if not company:
            return "name only", sort_name
        folded = self.companies.get(company)
        if folded is None:
            folded = self.companies[company] = fold_key(company)
        return "name+company", f"{sort_name}|{folded}"

    def _remember_name(self, key: tuple[str, str], contact_id: int) -> None:
        ids = self.by_name.setdefault(key, [])
        if contact_id not in ids:
            ids.append(contact_id)

    def keys_of(self, person: IncomingPerson, channels: list[tuple[str, str, str]] | None = None) -> _Keys:
        """What `find` and `remember_person` look a person up by, worked out once for both:
        (kind, value, key) of each channel that identifies them, and their name's key."""
        channels = person.channels() if channels is None else channels
        return _Keys([(kind, value, self.key(kind, value)) for kind, value, _label in channels if kind in MATCH_REASONS],
                     self._name_key(fold_key(person.name), person.company))

    def remember_person(self, person: IncomingPerson, contact_id: int, keys: _Keys | None = None) -> None:
        keys = keys or self.keys_of(person)
        for kind, value, key in keys.channels:
            self.remember(kind, value, contact_id, key)
        self._remember_name(keys.name, contact_id)

    def _telling_of(self, contact_id: int) -> dict[str, set[str]]:
        return self.telling.get(contact_id, {})

    def find(self, person: IncomingPerson, keys: _Keys | None = None) -> tuple[int, str] | None:
        keys = keys or self.keys_of(person)
        for kind, reason in MATCH_REASONS.items():
            for key in (key for k, _v, key in keys.channels if k == kind):
                found = self.by_key.get(key)
                if found is not None:
                    return found, reason
        candidates = self.by_name.get(keys.name)
        if not candidates:
            return None
        allowed = rules.weak_matches(
            candidates, rules.telling_identifiers((k, v) for k, v, _key in keys.channels), self._telling_of)
        if person.company and allowed:  # the first one, as ever
            return allowed[0], rules.SAME_NAME_AND_COMPANY
        if len(allowed) == 1:  # a name alone shared by two people identifies neither
            return allowed[0], SAME_NAME_ONLY
        return None


class _Keys(NamedTuple):
    channels: list[tuple[str, str, tuple[str, str]]]  # (kind, value, _Known.key) of those in MATCH_REASONS
    name: tuple[str, str]  # the key of by_name


# The channels that identify a person, strongest first (the rule lives in netui.contacts).
MATCH_REASONS = rules.MATCH_REASONS
SAME_NAME_ONLY = N_("same name (no company, e-mail or phone to tell apart)")


# --- the plan ----------------------------------------------------------------------------

SCALAR_FIELDS = ("company", "role", "city", "country", "how_met", "notes")


@dataclass(frozen=True)
class Conflict:
    field: str
    kept: str
    incoming: str


@dataclass
class PlannedUpdate:
    person: IncomingPerson
    contact_id: int  # negative: a person new in this same file (see ImportPlan.new)
    name: str
    reason: str
    fills: dict[str, str] = field(default_factory=dict)
    channels: list[tuple[str, str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, int | None, int, int]] = field(default_factory=list)
    connected_on: dt.date | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    # A newer LinkedIn export says they changed job: (old role at company, new role at company)
    job_change: tuple[str, str] | None = None

    @property
    def changes_anything(self) -> bool:
        return bool(self.fills or self.channels or self.tags or self.facts or self.dates or self.connected_on
                    or self.job_change)


@dataclass
class ImportPlan:
    format_name: str
    new: list[IncomingPerson] = field(default_factory=list)
    updated: list[PlannedUpdate] = field(default_factory=list)
    unchanged: list[PlannedUpdate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # rows not imported, and why
    # Problems with one value of a row that is imported (kept in the notes, or ignored), or
    # with the file's header: not counted as skipped.
    notes: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        return _("{format}: {new} new, {updated} updated, {unchanged} unchanged, {skipped} skipped",
                 format=self.format_name, new=len(self.new), updated=len(self.updated),
                 unchanged=len(self.unchanged), skipped=len(self.skipped))


def _check(person: IncomingPerson, channels: list[tuple[str, str, str]]) -> str | None:
    """Why the person cannot be saved as they are (their `channels()` given), or None."""
    if not person.name:
        return _("no name")
    try:
        for kind, value, _label in channels:
            rules.validate_channel(kind, value)
        for tag in person.tags:
            rules.normalise_tag(tag)
        if person.circle:
            rules.validate_circle(person.circle)
        rules.validate_cadence(person.cadence_days)
        for _label, year, month, day in person.important_dates:
            when.make_date(year, month, day)
    except ValidationError as error:
        return error.message
    return None


@without_garbage_collection
def plan_import(read: ReadResult) -> ImportPlan:
    """Match every incoming person against the network (and earlier rows of the same file)."""
    plan = ImportPlan(read.format_name, notes=list(read.notes))
    known = _Known()
    pending: dict[int, IncomingPerson] = {}  # new people of this file, by a negative id
    imported: set[str] = set()  # where the people imported are ("line 12", "card 3")
    for person in read.people:
        channels = person.channels()
        problem = _check(person, channels)
        if problem:
            plan.skipped.append(Skipped(person.where, _("{name}: {problem}", name=person.name or _("nameless"),
                                                        problem=problem)))
            continue
        imported.add(person.where)
        keys = known.keys_of(person, channels)
        found = known.find(person, keys)
        if found is not None and found[0] < 0 and _told_apart(person, pending[found[0]]):
            found = None  # two rows the file itself says are two people (netui's CSV: two ids)
        if found is None:
            placeholder = -(len(pending) + 1)
            pending[placeholder] = person
            plan.new.append(person)
            known.remember_person(person, placeholder, keys)
            continue
        contact_id, reason = found
        if contact_id < 0:  # the same person twice in one file: fold into the first row
            first = pending[contact_id]
            update = _compare(person, _incoming_as_current(first), contact_id, first.name, reason)
            _fold(first, update)
            plan.unchanged.append(update)
            continue
        current = contacts.get_contact(contact_id)
        update = _compare(person, current, contact_id, current.name, reason)
        if read.format_name == linkedin.FORMAT_NAME:  # their own current profile, however matched
            _job_change(update)
        (plan.updated if update.changes_anything or update.conflicts else plan.unchanged).append(update)
        known.remember_person(person, contact_id, keys)
    # A reader's problem with one value of a row that is imported is a note on that row: only
    # rows not imported count as skipped.
    skipped_rows = plan.skipped
    plan.skipped = []
    for problem in read.skipped:
        (plan.notes if problem.where in imported else plan.skipped).append(problem)
    plan.skipped += skipped_rows
    return plan


def _told_apart(person: IncomingPerson, earlier: IncomingPerson) -> bool:
    """Rows of netui's own CSV with different ids are different contacts, however alike."""
    ids = (getattr(person, "file_id", None), getattr(earlier, "file_id", None))
    return None not in ids and ids[0] != ids[1]


def _incoming_as_current(person: IncomingPerson):
    """An IncomingPerson seen through the same attributes as a ContactDetail."""
    return SimpleNamespace(
        **{name: getattr(person, name) for name in SCALAR_FIELDS},
        channels=[SimpleNamespace(kind=k, value=v, label=label) for k, v, label in person.channels()],
        tags=list(person.tags), facts=[SimpleNamespace(label=a, value=b) for a, b in person.facts],
        important_dates=[SimpleNamespace(label=d[0], month=d[2], day=d[3]) for d in person.important_dates],
        last_contacted=None,
    )


def _compare(person: IncomingPerson, current, contact_id: int, name: str, reason: str) -> PlannedUpdate:
    # reason: an N_()-marked matching rule (compared in English above), shown translated
    update = PlannedUpdate(person, contact_id, name, _(reason))
    for name_ in SCALAR_FIELDS:
        mine, theirs = (getattr(current, name_) or "").strip(), (getattr(person, name_) or "").strip()
        if theirs and not mine:
            update.fills[name_] = theirs
        elif theirs and fold_key(theirs) != fold_key(mine) and not (name_ == "notes" and theirs in mine):
            update.conflicts.append(Conflict(name_, mine, theirs))
    have = {(c.kind, _Known.key(c.kind, c.value)[1]) for c in current.channels}
    for kind, value, label in person.channels():
        key = (kind, _Known.key(kind, value)[1])
        if key not in have:
            update.channels.append((kind, value, label))
            have.add(key)
    tags = set(current.tags)
    update.tags = [t for t in dict.fromkeys(rules.normalise_tag(t) for t in person.tags) if t not in tags]
    facts = {(f.label.casefold(), f.value) for f in current.facts}
    update.facts = [f for f in person.facts if (f[0].casefold(), f[1]) not in facts]
    dates = {(d.label.casefold(), d.month, d.day) for d in current.important_dates}
    update.dates = [d for d in person.important_dates if (d[0].casefold(), d[2], d[3]) not in dates]
    return update


def _job_change(update: PlannedUpdate) -> None:
    """In a newer LinkedIn export, a different company or position is news, not a conflict:
    the export is the person's own current profile, whichever e-mail, phone, profile or name
    matched the row. The new job is applied, the old one kept in the timeline ("New job: ...",
    noted as news: it does not reset the keep-in-touch cadence), and a congratulation
    follow-up added."""
    changed = [c for c in update.conflicts if c.field in ("company", "role")]
    if not changed:
        return
    old = {c.field: c.kept for c in changed}
    new = {c.field: c.incoming for c in changed}
    person = update.person
    update.fills.update(new)
    update.conflicts = [c for c in update.conflicts if c not in changed]
    if set(new) == {"role"} and _same_position(old["role"], new["role"]):
        return  # the same job said in more (or fewer) words: "Director of Engineering, Payments"

    def describe(role: str, company: str) -> str:
        if role and company:  # written into the timeline in the user's language
            return _("{role} at {company}", role=role, company=company)
        return role or company

    update.job_change = (
        describe(old.get("role", person.role), old.get("company", person.company)),
        describe(new.get("role", person.role), new.get("company", person.company)),
    )


def _same_position(one: str, other: str) -> bool:
    """At the same company, is one position the other with words added at its end (case,
    accents and punctuation aside)? Then it is the same job, not news to congratulate on."""
    words = [[w for w in re.split(r"\W+", fold_key(text)) if w] for text in (one, other)]
    shorter, longer = sorted(words, key=len)
    return bool(shorter) and longer[:len(shorter)] == shorter


def _fold(first: IncomingPerson, later: PlannedUpdate) -> None:
    """Add a later row's extra details to the first row of the same person in one file."""
    for name_, value in later.fills.items():
        setattr(first, name_, value)
    for kind, value, label in later.channels:
        first.add_channel(kind, value, label)
    first.tags += later.tags
    first.facts += later.facts
    first.important_dates += later.dates


# --- applying ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    plan: ImportPlan
    written: bool
    # The ids plan.new got, in order; and, for files that give people ids (netui's own CSV),
    # the contact each file id became: created or matched (netui.exchange.table_import uses them).
    new_ids: tuple[int, ...] = ()
    contact_ids: dict[int, int] = field(default_factory=dict)
    # A folder of netui's tables: what each other file added (netui.exchange.table_import.TableResult).
    tables: tuple = ()


class ImportCancelled(NetuiError):
    """Raised by a progress callback to stop an import; its transaction is rolled back."""

    def __init__(self) -> None:
        super().__init__(_("The import was cancelled; nothing was written."))


PROGRESS_STEP = 1000  # people written between two progress reports


@without_garbage_collection
def apply_import(plan: ImportPlan, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Write the plan in one transaction: every new person and every update, or nothing.

    `progress(done, total)` is called as people are written; raising from it (ImportCancelled)
    stops the import and rolls everything back."""
    report = progress or (lambda done, total: None)
    total = len(plan.new) + len(plan.updated)
    moments: dict[dt.date, str] = {}  # LinkedIn connection days, each converted once
    new_ids: list[int] = []
    with database.atomic(), search.reindex_once():
        keep_ids = _keeps_file_ids(plan.new)
        # A new person's only interaction is their LinkedIn connection, and their last-contacted
        # moment is written with them: the trigger that works it out row by row (most of the time
        # a big LinkedIn import took) stays out of the way -- suspended once for every batch (each
        # suspension is two schema changes, after which SQLite prepares every statement again);
        # so does the one counting living contacts, one UPDATE a person (they are counted once
        # when it comes back: netui.store.totals).
        with _indexes_deferred_for(len(plan.new)), bulk.triggers_suspended(_TRIGGERS_SUSPENDED, or_fired=True):
            for start in range(0, len(plan.new), PROGRESS_STEP):
                new_ids += _create_new_people(plan.new[start : start + PROGRESS_STEP], moments, keep_ids)
                report(min(start + PROGRESS_STEP, len(plan.new)), total)
        for done, update in enumerate(plan.updated, start=1):
            _apply_update(update)
            if done % 100 == 0 or done == len(plan.updated):
                report(len(plan.new) + done, total)
        contact_ids = _link_file_ids(plan, new_ids)
    return ImportReport(plan, written=True, new_ids=tuple(new_ids), contact_ids=contact_ids)


# The tables new people are written to; their indexes are built once after the rows when the
# people outnumber those already there (a first import: one sort per index, not 30,000 inserts
# at random places each), and kept up row by row otherwise (rebuilding 100,000 people's
# indexes for a few new ones would cost more).
_NEW_PEOPLE_TABLES = (Contact, Channel, Fact, ImportantDate, ContactTag, Interaction, InteractionParticipant)
# The tables whose triggers new people are written without (the import writes what they work out).
_TRIGGERS_SUSPENDED = (Contact, InteractionParticipant)
DEFERRED_INDEXES_FROM = 1000  # new people: fewer are written as fast either way (the crash test imports 1,500)


def _indexes_deferred_for(new_people: int):
    if new_people < DEFERRED_INDEXES_FROM or Contact.select().count() > new_people:
        return contextlib.nullcontext()
    return bulk.indexes_rebuilt_after(_NEW_PEOPLE_TABLES)


# --- netui's own CSV: the ids it gives people --------------------------------------------


def _keeps_file_ids(people: list[IncomingPerson]) -> bool:
    """Into an empty database, people keep the ids their file gives them (netui's own CSV),
    so that exporting again writes the same ids."""
    ids = [getattr(person, "file_id", None) for person in people]
    return bool(ids) and None not in ids and len(set(ids)) == len(ids) and not Contact.select().exists()


def _link_file_ids(plan: ImportPlan, new_ids: list[int]) -> dict[int, int]:
    """The contact each file id became; and who introduced whom (netui's own CSV and vCards by
    file id, a Google "Referred by" by name), given to the new people and to the people already
    there who had no introducer (a name never makes a circle)."""
    pairs = list(zip(plan.new, new_ids)) + [
        (update.person, update.contact_id if update.contact_id > 0 else new_ids[-update.contact_id - 1])
        for update in plan.updated + plan.unchanged
    ]
    found = {person.file_id: contact_id for person, contact_id in pairs if getattr(person, "file_id", None)}
    for person, contact_id in pairs:
        introducer = found.get(getattr(person, "introduced_by_file_id", None))
        if introducer is None and person.introduced_by_name:  # by name: anyone, so a circle is possible
            introducer = _one_person_called(person.introduced_by_name)
            if introducer is not None and chains.makes_circle(contact_id, introducer):
                introducer = None
        if introducer is not None and introducer != contact_id:
            Contact.update(introduced_by=introducer).where(
                Contact.id == contact_id, Contact.introduced_by.is_null()).execute()
    return found


def _one_person_called(name: str) -> int | None:
    """The one living contact with this full name (case and accents aside), or None."""
    ids = [row.id for row in Contact.select(Contact.id).where(
        Contact.sort_name == fold_key(name), Contact.trashed_at.is_null()).limit(2)]
    return ids[0] if len(ids) == 1 else None


def _apply_update(update: PlannedUpdate) -> None:
    if update.fills:
        contacts.update_contact(update.contact_id, **update.fills)
    if update.job_change:
        _record_job_change(update)
    for kind, value, label in update.channels:
        contacts.add_channel(update.contact_id, kind, value, label)
    if update.tags:
        contacts.add_tags(update.contact_id, update.tags)
    _add_details(update.contact_id, update.facts, update.dates, update.person.connected_on)


def _create_new_people(people: list[IncomingPerson], moments: dict[dt.date, str], keep_ids: bool = False) -> list[int]:
    """Create every new person with their channels, tags, facts, dates and LinkedIn
    connection, validated exactly as contacts.create_contact does, with one prepared
    statement per table (30,000 LinkedIn connections import in seconds, not minutes).
    Returns their ids: the ids their file gives them with `keep_ids`, else the next free ones."""
    if not people:
        return []
    stamp = Contact.created_at.db_value(when.now())  # converted once, not once a row
    first_id = bulk.next_id(Contact)
    ids = [person.file_id for person in people] if keep_ids else list(range(first_id, first_id + len(people)))
    contact_fields = ("first_name", "last_name", "company", "role", "city", "country", "circle", "how_met",
                      "cadence_days", "starred", "notes")
    in_order = operator.itemgetter(*contact_fields)  # a clean_fields dict's values, as contact_fields
    contact_rows, channels, tag_links, facts, dates, meetings = [], [], [], [], [], []
    for contact_id, person in zip(ids, people):
        met = person.connected_on
        if met is not None:
            if met not in moments:  # thousands of people share a connection day: convert each once
                moments[met] = Interaction.occurred_at.db_value(_connection_moment(met))
            meetings.append((contact_id, moments[met]))
        clean = contacts.clean_fields(dict(
            first_name=person.first_name, last_name=person.last_name, company=person.company,
            role=person.role, city=person.city, country=person.country, notes=person.notes,
            how_met=person.how_met, circle=person.circle or "other", cadence_days=person.cadence_days,
            starred=person.starred))
        added = getattr(person, "created_at", None)  # netui's own CSV says when they were added
        contact_rows.append((contact_id, fold_key(person.name), Contact.created_at.db_value(added) if added else stamp,
                             stamp, *in_order(clean),
                             getattr(person, "cadence_off", False), getattr(person, "cadence_snoozed_until", None),
                             moments[met] if met is not None else None))
        for kind, value, label in person.channels():
            kind, value = rules.validate_channel(kind, value)
            channels.append((contact_id, kind, value, label.strip()))
        if person.tags:
            tag_links += [(contact_id, tag) for tag in dict.fromkeys(rules.normalise_tag(t) for t in person.tags)]
        if person.facts:
            facts += [(contact_id, " ".join(label.split()), value.strip()) for label, value in person.facts]
        reminders = person.date_reminders
        for index, (label, year, month, day) in enumerate(person.important_dates):
            remind = reminders[index] if index < len(reminders) else DEFAULT_REMIND_DAYS
            dates.append((contact_id, " ".join(label.split()), month, day, year, remind))

    bulk.insert_rows(Contact, [Contact.id, Contact.sort_name, Contact.created_at, Contact.updated_at,
                               *(getattr(Contact, name) for name in contact_fields), Contact.cadence_off,
                               Contact.cadence_snoozed_until, Contact.last_contacted_at], contact_rows)
    bulk.insert_rows(Channel, [Channel.contact, Channel.kind, Channel.value, Channel.label], channels)
    bulk.insert_rows(Fact, [Fact.contact, Fact.label, Fact.value], facts)
    bulk.insert_rows(ImportantDate, [ImportantDate.contact, ImportantDate.label, ImportantDate.month,
                                     ImportantDate.day, ImportantDate.year, ImportantDate.remind_days_before], dates)
    names = sorted({tag for _id, tag in tag_links})
    tag_ids = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(names)).tuples()) if names else {}
    missing = [name for name in names if name not in tag_ids]
    next_tag = bulk.next_id(Tag)
    tag_ids.update((name, next_tag + i) for i, name in enumerate(missing))
    bulk.insert_rows(Tag, [Tag.id, Tag.name], [(tag_ids[name], name) for name in missing])
    bulk.insert_rows(ContactTag, [ContactTag.contact, ContactTag.tag], [(c, tag_ids[t]) for c, t in tag_links])
    first_interaction = bulk.next_id(Interaction)
    bulk.insert_rows(Interaction, [Interaction.id, Interaction.kind, Interaction.occurred_at, Interaction.summary,
                                   Interaction.notes, Interaction.created_at],
                     [(first_interaction + i, "social", moment, CONNECTED_SUMMARY, "", stamp)
                      for i, (_c, moment) in enumerate(meetings)])
    # (the caller has suspended the trigger working out last contact: their moment is written above)
    bulk.insert_rows(InteractionParticipant, [InteractionParticipant.interaction, InteractionParticipant.contact],
                     [(first_interaction + i, c) for i, (c, _moment) in enumerate(meetings)])
    search.reindex_contacts(ids)
    return ids


def _connection_moment(day: dt.date):
    """LinkedIn gives a day: noon local time that day (never in the future)."""
    moment = pendulum.datetime(day.year, day.month, day.day, when.DATE_ONLY_HOUR, tz=when.local_zone())
    return min(moment, when.now())


def _add_details(contact_id: int, facts, dates, connected_on: dt.date | None, reminders=None) -> None:
    """Facts, important dates (with their reminder days when the file has them, netui's own
    CSV does) and LinkedIn's connection date, in the order the file gives them."""
    for label, value in facts:
        contacts.add_fact(contact_id, label, value)
    for index, (label, year, month, day) in enumerate(dates):
        remind = reminders[index] if reminders and index < len(reminders) else DEFAULT_REMIND_DAYS
        contacts.add_important_date(contact_id, label, month, day, year, remind_days_before=remind)
    if connected_on is not None:
        already = (
            Interaction.select().join(InteractionParticipant)
            .where(InteractionParticipant.contact == contact_id, Interaction.summary.in_(_connected_summaries()))
            .exists()
        )
        if not already:
            timeline.log_interaction([contact_id], "social", _connection_moment(connected_on),
                                     summary=_(CONNECTED_SUMMARY))


# Written in the user's language (an interaction netui logs for them); an earlier import may
# have written it in another language, so every language's wording counts as "already logged".
CONNECTED_SUMMARY = N_("Connected on LinkedIn")
CONGRATULATE_AFTER_DAYS = 2


@functools.lru_cache(maxsize=1)
def _connected_summaries() -> tuple[str, ...]:
    """CONNECTED_SUMMARY in every language netui speaks."""
    return tuple(dict.fromkeys(
        [CONNECTED_SUMMARY] + [i18n.load_catalogue(code).gettext(CONNECTED_SUMMARY) for code in i18n.LANGUAGES]))


def _record_job_change(update: PlannedUpdate) -> None:
    before, after = update.job_change
    interaction_id = timeline.log_interaction(
        [update.contact_id], "note", when.now(), summary=_("New job: {job}", job=after),
        notes=_("Was {job}; seen in a LinkedIn export.", job=before), counts_as_contact=False)
    followups.create_followup(
        update.contact_id, when.today() + dt.timedelta(days=CONGRATULATE_AFTER_DAYS),
        action=_("Congratulate on the new job ({job})", job=after), channel="linkedin",
        source_interaction_id=interaction_id)


# --- files -------------------------------------------------------------------------------

# (looks_like, read) for every format a contacts file may be in, most specific first.
READERS = (
    (netui_csv.looks_like, netui_csv.read),
    (linkedin.looks_like, linkedin.read),
    (google.looks_like, google.read),
    (outlook.looks_like, outlook.read),
    (vcard.looks_like, vcard.read),
)


@without_garbage_collection
def read_file(path: Path) -> ReadResult:
    """Read a file in whichever format its content shows; ValidationError if none fits."""
    if path.is_dir():
        raise ValidationError("file", _("{path} is a folder: import a folder of netui tables on the command line "
                                        "(netui import FOLDER).", path=path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError("file", _("{path}: cannot read the file ({reason}).", path=path, reason=error.strerror)) from None
    text = decode(data, str(path))
    if netui_tables.table_of(text):
        raise ValidationError("file", _("{path} is one of netui's tables (not contacts): import it on the command "
                                        "line (netui import FILE).", path=path))
    for looks_like, read in READERS:
        if looks_like(text):
            if read is netui_csv.read:  # its notes may hold CRs that decode() would normalise
                text = data.decode("utf-8-sig", errors="replace")
            try:
                return read(text)
            except ValidationError as error:  # "line 3: ...": say which file too
                if error.message.startswith(str(path)):
                    raise
                raise ValidationError(error.field, f"{path}: {error.message}") from None  # i18n: not text
    if text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise ValidationError(
            "file", _("{path}: is an iCalendar file, not a format netui imports (netui writes them with "
                      "netui export ics; it imports netui CSV, LinkedIn Connections.csv, Google Contacts CSV, "
                      "Outlook CSV and vCard).", path=path))
    raise ValidationError(
        "file", _("{path}: netui does not recognise this file (it imports netui CSV, LinkedIn "
                  "Connections.csv, Google Contacts CSV, Outlook CSV and vCard files).", path=path))
