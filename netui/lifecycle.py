"""The life of a contact after it is made: trash and restore, purge (the right to erasure) and
merge (two records of one person become one).

What "everything about a person" means is netui.privacy.PERSON_TABLES, the one list of the
tables that hold a person: a purge checks against it that nothing naming them is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import fn

from netui import chains, duplicates, giving, privacy, when
from netui.contacts import TEXT_FIELDS, _get_row
from netui.errors import ValidationError
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.store import db, journal, search
from netui.store.models import (
    equal_ignoring_case,
    Appointment,
    AppointmentParticipant,
    Channel,
    Contact,
    ContactTag,
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

# What merge_contacts writes into the notes for a value of the other contact it did not keep.
_MERGED_FIELD = {
    "company": N_("company (merged): {value}"),
    "role": N_("role (merged): {value}"),
    "city": N_("city (merged): {value}"),
    "country": N_("country (merged): {value}"),
}


# What happens to a value of the merged-away contact that differs from the kept one.
IN_NOTES = N_("written in the kept notes")
JOINED = N_("added after the kept text")
DROPPED = N_("not kept")
_FIELD_WORDS = {
    "name": N_("name"), "company": N_("company"), "role": N_("role"), "city": N_("city"),
    "country": N_("country"), "how_met": N_("how we met"), "notes": N_("notes"), "circle": N_("circle"),
    "cadence_days": N_("keep in touch (days)"), "met_at": N_("met at"), "introduced_by": N_("introduced by"),
}


@dataclass(frozen=True)
class MergeDifference:
    """A field where the two records differ: the kept record's value stays; `fate` says what
    became of the other's (IN_NOTES, JOINED or DROPPED; show it with _())."""

    field: str  # a key of _FIELD_WORDS
    kept: str
    dropped: str
    fate: str

    @property
    def label(self) -> str:
        return _(_FIELD_WORDS[self.field])


# --- trash --------------------------------------------------------------------------------


def trash_contact(contact_id: int) -> None:
    """Move to the trash: hidden from lists and search until restored or purged."""
    with database.atomic():
        contact = _get_row(contact_id)
        if contact.trashed_at is None:
            contact.trashed_at = when.now()
            contact.save()
        search.drop_contacts([contact_id])


def in_trash(contact_id: int) -> bool:
    """Is this person in the trash now (not restored, not erased for good)?"""
    return Contact.select().where(Contact.id == contact_id, Contact.trashed_at.is_null(False)).exists()


def restore_contact(contact_id: int) -> None:
    with database.atomic():
        contact = _get_row(contact_id)
        contact.trashed_at = None
        contact.save()
        search.reindex_contacts([contact_id])


# --- purge --------------------------------------------------------------------------------


def purge_contact(contact_id: int, *, captured_lines: bool = True) -> int:
    """Erase a person for good (the right to erasure): their row and, by cascade, channels,
    tags, facts, dates, follow-ups, event attendance, favours and introductions; the
    interactions and appointments that were only with them (shared ones stay, without them);
    tags nobody else has; their search entry; the captured lines not saved yet that name them
    (privacy.captured_lines_naming), unless `captured_lines` is False (a capture taken back
    purges the person it made: the user's other lines stay theirs). Then the bytes go too:
    deleted rows are zeroed (secure_delete), the search index is rewritten without them and the
    write-ahead log is emptied into the file, so their name cannot be read in the raw database
    file. Returns how many captured lines were erased."""
    with database.atomic():
        erased = _erase_captured_lines([contact_id]) if captured_lines else 0
        _purge_rows(contact_id)
        _check_erased([contact_id])
        search.erase_deleted()
    if not database.in_transaction():
        db.checkpoint()
    return erased


def purge_trash(older_than_days: int = 0) -> int:
    """Purge every trashed contact trashed at least this many days ago (with the captured lines
    naming them, as purge_contact); returns how many people."""
    cutoff = when.now().subtract(days=older_than_days)
    ids = [c.id for c in Contact.select(Contact.id).where(Contact.trashed_at <= cutoff)]
    if not ids:
        return 0
    with database.atomic():
        _erase_captured_lines(ids)
        for contact_id in ids:
            _purge_rows(contact_id)
        _check_erased(ids)
        search.erase_deleted()
    if not database.in_transaction():
        db.checkpoint()
    return len(ids)


def erased_lines_text(erased: int) -> str:
    """The sentence a purge adds when it erased captured lines not saved yet ('' for none)."""
    if not erased:
        return ""
    return ngettext("The captured line naming them that was not saved yet was erased too.",
                    "The {n} captured lines naming them that were not saved yet were erased too.", erased)


def _erase_captured_lines(contact_ids: list[int]) -> int:
    lines = privacy.captured_lines_naming(contact_ids)
    for line in lines:
        journal.remove(line.id)
    return len(lines)


def _check_erased(contact_ids: list[int]) -> None:
    """Refuse (and so roll back) a purge that left a row naming one of them in a table of
    privacy.PERSON_TABLES: a table added later without a cascade must not keep a trace."""
    left = privacy.tables_naming(contact_ids)
    if left:
        raise AssertionError(f"a purge left rows naming the person in: {', '.join(left)}")


def _purge_rows(contact_id: int) -> None:
    _get_row(contact_id)
    Interaction.delete().where(
        Interaction.id.in_(_only_with(contact_id, InteractionParticipant.interaction, InteractionParticipant.contact))
    ).execute()
    _drop_introductions_of(contact_id)
    Appointment.delete().where(
        Appointment.id.in_(_only_with(contact_id, AppointmentParticipant.appointment, AppointmentParticipant.contact))
    ).execute()
    tag_ids = [link.tag_id for link in ContactTag.select(ContactTag.tag).where(ContactTag.contact == contact_id)]
    Contact.delete().where(Contact.id == contact_id).execute()
    if tag_ids:
        Tag.delete().where(Tag.id.in_(tag_ids), Tag.id.not_in(ContactTag.select(ContactTag.tag))).execute()
    search.drop_contacts([contact_id])


def _only_with(contact_id: int, shared, participant):
    """The interactions (or appointments) `shared` whose only participant is this contact: they
    go with them; one with someone else stays, for the others."""
    theirs = shared.model.select(shared).where(participant == contact_id)
    return (shared.model.select(shared).where(shared.in_(theirs))
            .group_by(shared).having(fn.COUNT(participant) == 1))


def _drop_introductions_of(contact_id: int) -> None:
    """An introduction's timeline entry names both people: it goes with the introduction, and
    the other person's search entry is rewritten without it. The favour it recorded for the
    other person stays theirs, with the purged name taken out of its note."""
    introductions = list(Introduction.select(Introduction.id, Introduction.interaction).where(
        (Introduction.person_a == contact_id) | (Introduction.person_b == contact_id)).tuples())
    if introductions:
        row = _get_row(contact_id)
        name = re.compile(re.escape(full_name(row.first_name, row.last_name)), re.IGNORECASE)
        for favour in Favour.select().where(Favour.introduction.in_([i for i, _interaction in introductions])):
            if name.search(favour.note):
                Favour.update(note=name.sub(_("someone (erased)"), favour.note)).where(Favour.id == favour.id).execute()
    introduced = [interaction for _introduction, interaction in introductions if interaction is not None]
    if introduced:
        others = {c for (c,) in InteractionParticipant.select(InteractionParticipant.contact).where(
            InteractionParticipant.interaction.in_(introduced), InteractionParticipant.contact != contact_id).tuples()}
        Interaction.delete().where(Interaction.id.in_(introduced)).execute()
        search.reindex_contacts(others)


# --- merge --------------------------------------------------------------------------------


def merge_differences(keep_id: int, other_id: int) -> list[MergeDifference]:
    """What merge_contacts(keep_id, other_id) would not keep as it is: every field where both
    records have a value and they differ (changes nothing)."""
    _refuse_self_merge(keep_id, other_id)
    return _differences(_get_row(keep_id), _get_row(other_id))


def merge_contacts(keep_id: int, other_id: int) -> list[MergeDifference]:
    """Fold `other` into `keep`: nothing of either is lost, then `other` is removed. Keep's
    fields win, other's fill the empty ones; other's differing company, role, city, country
    and name are written into keep's notes, its notes and how-we-met added after keep's.
    Channels, tags, facts, important dates, interactions, appointments, follow-ups, event
    attendance, favours and introductions (either side) all move to keep, once each; the
    people other introduced are now introduced by keep; "not the same person as" moves too.
    Returns the differences (merge_differences, as they were before the merge)."""
    _refuse_self_merge(keep_id, other_id)
    with database.atomic():
        keep, other = _get_row(keep_id), _get_row(other_id)
        differences = _differences(keep, other)
        _merge_fields(keep, other)
        _move_details(keep_id, other_id)
        _move_links(keep_id, other_id)
        Contact.update(introduced_by=keep_id).where(Contact.introduced_by == other_id).execute()
        Contact.update(introduced_by=None).where(Contact.id == keep_id, Contact.introduced_by == keep_id).execute()
        if chains.makes_circle(keep_id, keep.introduced_by_id):  # their introducer came through `other`
            Contact.update(introduced_by=None).where(Contact.id == keep_id).execute()
        giving.move_to(other_id, keep_id)
        duplicates.move_not_same(other_id, keep_id)
        Contact.delete().where(Contact.id == other_id).execute()
        search.drop_contacts([other_id])
        search.reindex_contacts([keep_id])
    return differences


def _refuse_self_merge(keep_id: int, other_id: int) -> None:
    if keep_id == other_id:
        raise ValidationError("merge", _("Cannot merge a contact with itself."))


def _differences(keep: Contact, other: Contact) -> list[MergeDifference]:
    def name_of(contact_id):
        row = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
        return full_name(row.first_name, row.last_name) if row else ""

    def title_of(event):
        return event.title if event else ""

    found = []
    names = full_name(keep.first_name, keep.last_name), full_name(other.first_name, other.last_name)
    if fold_key(names[0]) != fold_key(names[1]):
        found.append(MergeDifference("name", names[0], names[1], IN_NOTES))
    for name in ("company", "role", "city", "country", "how_met", "notes"):
        mine, theirs = getattr(keep, name), getattr(other, name)
        if mine and theirs and mine != theirs:
            found.append(MergeDifference(name, mine, theirs, JOINED if name in ("how_met", "notes") else IN_NOTES))
    def circle_of(row):
        return label(row.circle) if row.circle != "other" else ""

    introducers = [i if i not in (keep.id, other.id) else None for i in (keep.introduced_by_id, other.introduced_by_id)]
    pairs = [("circle", circle_of(keep), circle_of(other)),
             ("cadence_days", str(keep.cadence_days or ""), str(other.cadence_days or "")),
             ("met_at", title_of(keep.met_at), title_of(other.met_at)),
             ("introduced_by", name_of(introducers[0]), name_of(introducers[1]))]
    found += [MergeDifference(field, mine, theirs, DROPPED) for field, mine, theirs in pairs
              if mine and theirs and mine != theirs]
    return found


def _merge_fields(keep: Contact, other: Contact) -> None:
    """Keep's fields, completed by other's; what differs is remembered in keep's notes."""
    other_name = full_name(other.first_name, other.last_name)
    if fold_key(other_name) != fold_key(full_name(keep.first_name, keep.last_name)):
        also_known = _("also known as (merged): {name}", name=other_name)
        keep.notes = f"{keep.notes}\n{also_known}".strip()
    for name in TEXT_FIELDS:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if not mine:
            setattr(keep, name, theirs)
        elif theirs and theirs != mine and name in ("notes", "how_met"):
            setattr(keep, name, f"{mine}\n\n{theirs}")
        elif theirs and theirs != mine and name not in ("first_name", "last_name"):
            # Two different companies/cities: keep ours, remember theirs in the notes.
            merged = _(_MERGED_FIELD[name], value=theirs)
            keep.notes = f"{keep.notes}\n{merged}".strip()
    if keep.circle == "other":
        keep.circle = other.circle
    keep.met_at_id = keep.met_at_id or other.met_at_id
    introducer = keep.introduced_by_id or other.introduced_by_id
    keep.introduced_by_id = None if introducer in (keep.id, other.id) else introducer
    keep.cadence_days = keep.cadence_days or other.cadence_days
    keep.starred = keep.starred or other.starred
    keep.created_at = min(keep.created_at, other.created_at)
    keep.sort_name = fold_key(full_name(keep.first_name, keep.last_name))
    keep.updated_at = when.now()
    keep.save()


def _move_details(keep_id: int, other_id: int) -> None:
    """Other's channels, tags, facts and dates go to keep, less those keep already has."""
    for channel in Channel.select().where(Channel.contact == other_id):
        duplicate = Channel.select().where(
            Channel.contact == keep_id, Channel.kind == channel.kind,
            equal_ignoring_case(Channel.value, channel.value),
        ).exists()
        if not duplicate:
            Channel.update(contact=keep_id).where(Channel.id == channel.id).execute()
    tag_ids = [link.tag_id for link in ContactTag.select().where(ContactTag.contact == other_id)]
    for tag_id in tag_ids:
        ContactTag.insert(contact=keep_id, tag=tag_id).on_conflict_ignore().execute()
    known_facts = {(f.label, f.value) for f in Fact.select().where(Fact.contact == keep_id)}
    for fact in Fact.select().where(Fact.contact == other_id):
        if (fact.label, fact.value) not in known_facts:
            Fact.update(contact=keep_id).where(Fact.id == fact.id).execute()
    known_dates = {
        (d.label.lower(), d.month, d.day)
        for d in ImportantDate.select().where(ImportantDate.contact == keep_id)
    }
    for date in ImportantDate.select().where(ImportantDate.contact == other_id):
        if (date.label.lower(), date.month, date.day) not in known_dates:
            ImportantDate.update(contact=keep_id).where(ImportantDate.id == date.id).execute()


def _move_links(keep_id: int, other_id: int) -> None:
    """Other's interactions, appointments, events and follow-ups become keep's (once each)."""
    shared = InteractionParticipant.select(InteractionParticipant.interaction).where(
        InteractionParticipant.contact == keep_id
    )
    (InteractionParticipant.update(contact=keep_id)
     .where(InteractionParticipant.contact == other_id,
            InteractionParticipant.interaction.not_in(shared))
     .execute())
    keeps = AppointmentParticipant.select(AppointmentParticipant.appointment).where(
        AppointmentParticipant.contact == keep_id)
    (AppointmentParticipant.update(contact=keep_id)
     .where(AppointmentParticipant.contact == other_id, AppointmentParticipant.appointment.not_in(keeps))
     .execute())
    for link in EventAttendee.select().where(EventAttendee.contact == other_id):
        mine = EventAttendee.get_or_none(EventAttendee.event == link.event_id, EventAttendee.contact == keep_id)
        if mine is None:
            EventAttendee.update(contact=keep_id).where(
                EventAttendee.event == link.event_id, EventAttendee.contact == other_id
            ).execute()
        elif link.status == "met" or (link.role and not mine.role):
            EventAttendee.update(
                status="met" if "met" in (mine.status, link.status) else mine.status,
                role=mine.role or link.role,
            ).where(EventAttendee.event == link.event_id, EventAttendee.contact == keep_id).execute()
    FollowUp.update(contact=keep_id).where(FollowUp.contact == other_id).execute()
    EventWish.update(contact=keep_id).where(EventWish.contact == other_id).execute()
