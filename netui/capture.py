"""Quick capture: one typed line saves a person met at an event, with a follow-up.

`capture_line(line, event_id)` parses the line (netui.capture_line), then in ONE transaction:
creates the contact or updates the one it matches (same e-mail, same LinkedIn URL, or same
name and company), marks them met at the event, logs the interaction "Met at <event>" with
the line's note, and creates a follow-up (the line's !date, or the configured default). It
returns what it did and what `undo_capture` needs to take it back exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from netui import config, contacts, events, followups, search, timeline, when
from netui.capture_line import CaptureLine, parse_capture_line
from netui.i18n import N_, _
from netui.models import (
    Channel,
    Contact,
    ContactTag,
    EventAttendee,
    FollowUp,
    Interaction,
    InteractionParticipant,
    Tag,
    database,
)
from netui.text import fold_key, full_name

# Contact fields a capture may fill in or change on someone already known.
UPDATABLE_FIELDS = ("company", "role", "notes", "met_at_id", "how_met")


@dataclass(frozen=True)
class _EventRef:
    id: int
    title: str


@dataclass(frozen=True)
class CaptureMatch:
    contact_id: int
    name: str
    reason: str  # "same e-mail", "same LinkedIn profile", "same name and company" (English; shown as _(reason))


@dataclass(frozen=True)
class CapturePreview:
    """What Enter would save: the parsed line, the follow-up day and who it matches."""

    line: CaptureLine
    due: dt.date
    match: CaptureMatch | None


@dataclass
class CaptureUndo:
    """Everything needed to take one capture back."""

    contact_id: int
    created_contact: bool
    previous_fields: dict = field(default_factory=dict)
    added_channel_ids: list[int] = field(default_factory=list)
    added_tag_ids: list[int] = field(default_factory=list)
    new_tag_names: list[str] = field(default_factory=list)  # tags that did not exist before
    interaction_id: int | None = None
    followup_id: int | None = None
    event_id: int | None = None
    previous_attendance: tuple[str, str] | None = None  # (status, role) before, if listed
    # Capturing someone twice at one event adds to that meeting instead of repeating it:
    created_interaction: bool = True
    previous_interaction_notes: str = ""
    created_followup: bool = True
    previous_followup_due: dt.date | None = None


@dataclass(frozen=True)
class CaptureResult:
    contact_id: int
    name: str
    created: bool
    due: dt.date
    event_title: str | None
    undo: CaptureUndo

    @property
    def verb(self) -> str:
        """The verb "added" or "updated", kept in English: shown as _(verb)."""
        return N_("added") if self.created else N_("updated")


def find_match(line: CaptureLine) -> CaptureMatch | None:
    """The living contact this line is about, if any: e-mail, then LinkedIn, then name+company."""
    # Capture does not match by phone number yet (import does; phones are not indexed for it).
    given = {"email": line.emails, "linkedin": line.linkedin}
    for kind, reason in contacts.MATCH_REASONS.items():
        for value in given.get(kind, ()):
            row = (
                Contact.select(Contact.id, Contact.first_name, Contact.last_name)
                .join(Channel)
                .where(Channel.kind == kind, Channel.value.collate("NOCASE") == value,
                       Contact.trashed_at.is_null())
                .order_by(Contact.id)
                .first()
            )
            if row:
                return CaptureMatch(row.id, full_name(row.first_name, row.last_name), reason)
    if line.company:
        row = (
            Contact.select(Contact.id, Contact.first_name, Contact.last_name)
            .where(Contact.sort_name == fold_key(line.name),
                   fn.fold_key(Contact.company) == fold_key(line.company),
                   Contact.trashed_at.is_null())
            .order_by(Contact.id)
            .first()
        )
        if row:
            return CaptureMatch(row.id, full_name(row.first_name, row.last_name), contacts.SAME_NAME_AND_COMPANY)
    return None


def preview(line: str, today: dt.date | None = None) -> CapturePreview:
    """Parse the line and say what would happen; raises ValidationError for a bad line."""
    day = today or when.today()
    parsed = parse_capture_line(line, day)
    return CapturePreview(parsed, _due(parsed, day), find_match(parsed))


def _due(parsed: CaptureLine, today: dt.date) -> dt.date:
    return parsed.due or today + dt.timedelta(days=config.load().capture_followup_days)


def capture_line(line: str, event_id: int | None = None) -> CaptureResult:
    """Save one captured person (see the module docstring); all or nothing, durable on return."""
    today = when.today()
    with database.atomic():
        found = preview(line, today)
        parsed = found.line
        event = _EventRef(event_id, events.event_title(event_id)) if event_id else None
        known_tags = {t.name for t in Tag.select(Tag.name).where(Tag.name.in_(list(parsed.tags)))}
        new_tags = [t for t in parsed.tags if t not in known_tags]
        if found.match is None:
            contact_id = _create(parsed, event)
            undo = CaptureUndo(contact_id, created_contact=True, new_tag_names=new_tags)
        else:
            contact_id = found.match.contact_id
            undo = CaptureUndo(contact_id, created_contact=False, new_tag_names=new_tags)
            _update(contact_id, parsed, event, undo)
        if event:
            undo.event_id = event.id
            listed = EventAttendee.get_or_none(EventAttendee.event == event.id, EventAttendee.contact == contact_id)
            undo.previous_attendance = (listed.status, listed.role) if listed else None
            events.mark_met(event.id, contact_id)
        _record_meeting(contact_id, parsed, event, found.due, undo)
    return CaptureResult(contact_id, parsed.name if undo.created_contact else found.match.name,
                         undo.created_contact, found.due, event.title if event else None, undo)


def _record_meeting(contact_id: int, parsed: CaptureLine, event, due: dt.date, undo: CaptureUndo) -> None:
    """Log "Met at <event>" and the follow-up; at an event where they were already
    captured, add the note to that meeting and move its follow-up instead."""
    earlier = None
    if event:
        earlier = (
            Interaction.select().join(InteractionParticipant)
            .where(InteractionParticipant.contact == contact_id, Interaction.event == event.id)
            .order_by(Interaction.id.desc()).first()
        )
    if earlier is None:
        summary = _("Met at {event}", event=event.title) if event else _("Met (quick capture)")
        undo.interaction_id = timeline.log_interaction(
            [contact_id], "event" if event else "meeting", when.now(), summary=summary,
            notes=parsed.note, event_id=event.id if event else None,
        )
    else:
        undo.interaction_id, undo.created_interaction = earlier.id, False
        undo.previous_interaction_notes = earlier.notes
        if parsed.note:
            timeline.update_notes(earlier.id, "\n".join(n for n in (earlier.notes, parsed.note) if n))
    open_one = (
        FollowUp.select().where(FollowUp.contact == contact_id, FollowUp.source_event == event.id,
                                FollowUp.done_at.is_null()).first()
        if event else None
    )
    if open_one is None:
        action = _("Follow up after {event}", event=event.title) if event else _("Follow up after meeting")
        undo.followup_id = followups.create_followup(
            contact_id, due, action=action, source_event_id=event.id if event else None,
            source_interaction_id=undo.interaction_id,
        )
    else:
        undo.followup_id, undo.created_followup = open_one.id, False
        undo.previous_followup_due = open_one.due_on
        followups.reschedule_followup(open_one.id, due)


def _channels(parsed: CaptureLine) -> list[tuple[str, str, str]]:
    return (
        [("email", e, "") for e in parsed.emails]
        + [("phone", p, "") for p in parsed.phones]
        + [("linkedin", u, "") for u in parsed.linkedin]
    )


def _create(parsed: CaptureLine, event) -> int:
    return contacts.create_contact(
        first_name=parsed.first_name, last_name=parsed.last_name, company=parsed.company,
        role=parsed.role, circle="events" if event else "other",
        how_met=_("Met at {event}", event=event.title) if event else "", met_at_id=event.id if event else None,
        channels=_channels(parsed), tags=parsed.tags,
    )


def _update(contact_id: int, parsed: CaptureLine, event, undo: CaptureUndo) -> None:
    """Fill in what the line adds to someone already known, remembering what it was."""
    row = Contact.get_by_id(contact_id)
    changes = {}
    if parsed.company and parsed.company != row.company:
        changes["company"] = parsed.company
    if parsed.role and parsed.role != row.role:
        changes["role"] = parsed.role
    if event and row.met_at_id is None:
        changes["met_at_id"] = event.id
    if event and not row.how_met:
        changes["how_met"] = _("Met at {event}", event=event.title)
    undo.previous_fields = {name: getattr(row, name) for name in changes}
    if changes:
        contacts.update_contact(contact_id, **changes)
    known = {(c.kind, c.value.lower()) for c in Channel.select().where(Channel.contact == contact_id)}
    for kind, value, label in _channels(parsed):
        if (kind, value.lower()) not in known:
            undo.added_channel_ids.append(contacts.add_channel(contact_id, kind, value, label))
    had = {link.tag_id for link in ContactTag.select().where(ContactTag.contact == contact_id)}
    contacts.add_tags(contact_id, parsed.tags)
    undo.added_tag_ids = [
        link.tag_id for link in ContactTag.select().where(ContactTag.contact == contact_id) if link.tag_id not in had
    ]


def undo_capture(undo: CaptureUndo) -> None:
    """Take a capture back exactly: remove what it created, restore what it changed."""
    with database.atomic():
        if undo.followup_id and undo.created_followup:
            followups.delete_followup(undo.followup_id)
        elif undo.followup_id:
            followups.reschedule_followup(undo.followup_id, undo.previous_followup_due)
        if undo.interaction_id and undo.created_interaction:
            timeline.delete_interaction(undo.interaction_id)
        elif undo.interaction_id:
            timeline.update_notes(undo.interaction_id, undo.previous_interaction_notes)
        if undo.event_id:
            if undo.previous_attendance is None:
                events.remove_attendee(undo.event_id, undo.contact_id)
            else:
                status, role = undo.previous_attendance
                events.set_attendee(undo.event_id, undo.contact_id, status, role)
        if undo.created_contact:
            contacts.purge_contact(undo.contact_id)
            _drop_unused_tags(undo.new_tag_names)
            return
        if undo.previous_fields:
            restored = {getattr(Contact, name): value for name, value in undo.previous_fields.items()}
            Contact.update(restored).where(Contact.id == undo.contact_id).execute()
        if undo.added_channel_ids:
            Channel.delete().where(Channel.id.in_(undo.added_channel_ids)).execute()
        if undo.added_tag_ids:
            ContactTag.delete().where(ContactTag.contact == undo.contact_id,
                                      ContactTag.tag.in_(undo.added_tag_ids)).execute()
        _drop_unused_tags(undo.new_tag_names)
        search.reindex_contacts([undo.contact_id])


def _drop_unused_tags(names: list[str]) -> None:
    if names:
        Tag.delete().where(Tag.name.in_(names), Tag.id.not_in(ContactTag.select(ContactTag.tag))).execute()


def todays_events(today: dt.date | None = None) -> list[events.EventSummary]:
    """Events happening today (local day), for capture to offer."""
    day = today or when.today()
    return [e for e in events.upcoming_events() + events.past_events(limit=20)
            if e.starts_at and _local_day(e.starts_at) <= day <= _local_day(e.ends_at or e.starts_at)]


def _local_day(instant) -> dt.date:
    return when.plain_date(instant.in_timezone(when.local_zone()))


def event_for_today(title: str) -> int:
    """The event called `title` (see events.resolve_event), or a new one starting now."""
    from netui.errors import NotFoundError

    try:
        return events.resolve_event(title)
    except NotFoundError:
        return events.create_event(title, starts_at=when.now(), status="attended")
