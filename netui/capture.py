"""Quick capture: one typed line saves a person met at an event, with a follow-up.

`capture_line(line, event_id)` parses the line (netui.capture_line), then in ONE transaction:
creates the contact or updates the one it matches, marks them met at the event, logs the
interaction "Met at <event>" with the line's note, and creates a follow-up (the line's !date,
or the configured default). It returns what it did and what `undo_capture` needs to take it
back exactly.

Who the line is about: the same e-mail or LinkedIn URL; else the same name and company; else,
for a line without a company, the same name (case and accents aside) -- one such person is
that person, two or more are `CapturePreview.candidates` for the user to choose from
(`choice`). The weak matches (by name) follow rules.vetoed, as import does: a LinkedIn
profile or e-mail on both sides that differs means someone else.

Again at the same event: the meeting gets the new note and the follow-up stays where it was
unless the line gives a !date -- only a day nobody chose (the default) moves to the new default.
At an event that has not started yet the person is listed "to meet", not met: the timeline
notes "To meet at <event>" (news, not contact) and the default follow-up counts from the
event's first day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field, replace

from peewee import fn

from netui import chains, config, contacts, duplicates, events, followups, lifecycle, rules, team, timeline, when, wishes
from netui.store import journal as written_down, search
from netui.capture_line import CaptureLine, parse_capture_line
from netui.errors import AmbiguousNameError, NetuiError, NotFoundError
from netui.i18n import N_, _, ngettext
from netui.store.models import (
    equal_ignoring_case,
    Channel,
    Contact,
    ContactTag,
    Event,
    EventAttendee,
    Fact,
    FollowUp,
    Interaction,
    InteractionParticipant,
    Tag,
    database,
)
from netui.text import fold_key, full_name

# Contact fields a capture may fill in or change on someone already known.
UPDATABLE_FIELDS = ("company", "role", "notes", "met_at_id", "how_met", "introduced_by_id")
# The most words after `via` tried as the introducer's name (the longest that names someone wins).
VIA_NAME_WORDS = 4


NEW_PERSON = "new"  # a `choice`: someone new, whoever shares the name
# Lower-case words inside names ("Maria de los Angeles", "Ludwig van der Berg").
NAME_PARTICLES = frozenset(("de", "di", "da", "del", "della", "dei", "degli", "dal", "van", "von", "der", "den",
                            "ten", "ter", "la", "le", "lo", "los", "las", "du", "des", "dos", "das", "do", "e",
                            "y", "i", "bin", "ibn", "al", "el", "zu", "af", "av", "st"))
CHOSEN = N_("chosen")  # the match reason when the user said who it is


@dataclass(frozen=True)
class CaptureEvent:
    """The event a capture is at; `upcoming`: it has not started yet (people are "to meet")."""

    id: int
    title: str
    starts_on: dt.date | None  # its first local day
    upcoming: bool


@dataclass(frozen=True)
class CaptureMatch:
    contact_id: int
    name: str
    reason: str  # "same e-mail", "same LinkedIn profile", "same name and company" (English; shown as _(reason))
    company: str = ""


@dataclass(frozen=True)
class CaptureIntroducer:
    """Who `via NAME` on the line names: `contact_id` when one person has that name; else
    `candidates` (several have it) or none (nobody has), and the words stay in the note."""

    typed: str  # the words tried, as typed
    contact_id: int | None = None
    name: str = ""
    candidates: tuple[str, ...] = ()  # "Name · company (#id)" of the people it may be


def introducer_text(found: CaptureIntroducer) -> str:
    """One sentence on the line's `via NAME`, for the preview and `netui capture`."""
    if found.contact_id:
        return _("Introduced by {name}.", name=found.name)
    if found.candidates:
        return _("Several people are called '{typed}' ({people}): nobody was set as the introducer; "
                 "'via {typed}' stays in the note. Set it later with netui edit --introduced-by, or e on the contact.",
                 typed=found.typed, people="; ".join(found.candidates))
    return _("No contact is called '{typed}': nobody was set as the introducer; the words stay in the note.",
             typed=found.typed)


@dataclass(frozen=True)
class CapturePreview:
    """What Enter would save: the parsed line, the follow-up day and who it matches. A name
    alone shared by several people matches none of them: they are the `candidates`, and
    capture_line needs a `choice`."""

    line: CaptureLine
    due: dt.date
    match: CaptureMatch | None
    candidates: tuple[CaptureMatch, ...] = ()
    event: CaptureEvent | None = None
    # A new contact that looks like someone known (netui.duplicates.looks_like): said before saving.
    looks_like: tuple = ()
    introducer: CaptureIntroducer | None = None  # the line's `via NAME`, if it has one
    # Someone on the event's list who is not a contact yet (the line then spells them as the list does).
    wish: wishes.WishInfo | None = None

    @property
    def needs_choice(self) -> bool:
        return self.match is None and len(self.candidates) > 1

    @property
    def name_may_hold_the_note(self) -> bool:
        """Does the name run on into what reads like a note ("Marco Rossi met again at the bar":
        the name ends only at a token or a comma)? Four words or more, a lower-case one after
        the first two that is not a name's particle (de, van, ...)."""
        words = self.line.name.split()
        return len(words) >= 4 and any(word[0].islower() and word.casefold() not in NAME_PARTICLES
                                       for word in words[2:])


class SeveralPeopleError(AmbiguousNameError):
    """A name alone that several people have: `candidates` (ContactSummary) to choose from."""

    def __init__(self, name: str, candidates: list) -> None:
        super().__init__(name, candidates)
        message = ngettext(
            "{n} contact is called '{name}': add @Company or an e-mail to the line, or choose who it is.",
            "{n} contacts are called '{name}': add @Company or an e-mail to the line, or choose who it is.",
            len(candidates), name=name)
        self.args = (message,)


@dataclass
class CaptureUndo:
    """Everything needed to take one capture back."""

    contact_id: int
    created_contact: bool
    previous_fields: dict = field(default_factory=dict)
    added_channel_ids: list[int] = field(default_factory=list)
    added_tag_ids: list[int] = field(default_factory=list)
    new_tag_names: list[str] = field(default_factory=list)  # tags that did not exist before
    added_fact_ids: list[int] = field(default_factory=list)
    interaction_id: int | None = None
    followup_id: int | None = None
    event_id: int | None = None
    previous_attendance: tuple[str, str] | None = None  # (status, role) before, if listed
    linked_wish_id: int | None = None  # the person to meet there (not a contact yet) they turned out to be
    # Capturing someone twice at one event adds to that meeting instead of repeating it:
    created_interaction: bool = True
    previous_interaction_notes: str = ""
    created_followup: bool = True
    # An open follow-up the capture moved: (due_on, snoozed_until, due_by_default) before.
    previous_followup: tuple[dt.date, dt.date | None, bool] | None = None


@dataclass(frozen=True)
class CaptureResult:
    contact_id: int
    name: str
    created: bool
    due: dt.date
    event_title: str | None
    undo: CaptureUndo
    to_meet: bool = False  # the event has not started: listed "to meet", not met
    event_starts_on: dt.date | None = None
    introducer: CaptureIntroducer | None = None  # the line's `via NAME`, found or not

    @property
    def verb(self) -> str:
        """The verb "added" or "updated", kept in English: shown as _(verb)."""
        return N_("added") if self.created else N_("updated")


def find_match(line: CaptureLine) -> CaptureMatch | None:
    """The living contact this line is about, if one: e-mail, then LinkedIn, then the name
    (see the module docstring); None also when several people share the name alone."""
    return _recognise(line)[0]


def _recognise(line: CaptureLine) -> tuple[CaptureMatch | None, tuple[CaptureMatch, ...]]:
    """(the match, or None; the candidates when a name alone is shared by several people)."""
    # Capture does not match by phone number yet (import does; phones are not indexed for it).
    given = {"email": line.emails, "linkedin": line.linkedin}
    for kind, reason in rules.MATCH_REASONS.items():
        for value in given.get(kind, ()):
            row = (
                Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.company)
                .join(Channel)
                .where(Channel.kind == kind, equal_ignoring_case(Channel.value, value),
                       Contact.trashed_at.is_null())
                .order_by(Contact.id)
                .first()
            )
            if row:
                return _match(row, reason), ()
    same_name = Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.company).where(
        Contact.sort_name == fold_key(line.name), Contact.trashed_at.is_null())
    if line.company:
        same_name = same_name.where(fn.fold_key(Contact.company) == fold_key(line.company))
    rows = {row.id: row for row in same_name.order_by(Contact.id)}
    if not rows:
        return None, ()
    known = _telling_identifiers(list(rows))
    allowed = rules.weak_matches(
        list(rows), rules.telling_identifiers(_channels_of(line)), lambda i: known.get(i, {}))
    if line.company:
        return (_match(rows[allowed[0]], rules.SAME_NAME_AND_COMPANY), ()) if allowed else (None, ())
    if len(allowed) == 1:
        return _match(rows[allowed[0]], rules.SAME_NAME), ()
    return None, tuple(_match(rows[i], rules.SAME_NAME) for i in allowed)


def _match(row: Contact, reason: str) -> CaptureMatch:
    return CaptureMatch(row.id, full_name(row.first_name, row.last_name), reason, row.company)


def _telling_identifiers(contact_ids: list[int]) -> dict[int, dict[str, set[str]]]:
    """rules.telling_identifiers of each of these people (one query)."""
    channels: dict[int, list[tuple[str, str]]] = {}
    for contact_id, kind, value in (
        Channel.select(Channel.contact, Channel.kind, Channel.value)
        .where(Channel.contact.in_(contact_ids), Channel.kind.in_(rules.TELLING_KINDS))
        .tuples()
    ):
        channels.setdefault(contact_id, []).append((kind, value))
    return {contact_id: rules.telling_identifiers(found) for contact_id, found in channels.items()}


def _chosen(choice) -> tuple[CaptureMatch | None, tuple[CaptureMatch, ...]]:
    if choice == NEW_PERSON:
        return None, ()
    row = Contact.get_or_none(Contact.id == choice, Contact.trashed_at.is_null())
    if row is None:
        raise NotFoundError(_("There is no contact #{id} (or it is in the trash).", id=choice))
    return _match(row, CHOSEN), ()


def _event(event_id: int | None, at=None) -> CaptureEvent | None:
    """The event, as it is at the instant `at` (default: now): started or not."""
    if not event_id:
        return None
    row = Event.get_or_none(Event.id == event_id)
    if row is None:
        raise NotFoundError(_("There is no event #{id}.", id=event_id))
    starts = row.starts_at
    return CaptureEvent(row.id, row.title, _local_day(starts) if starts else None,
                        upcoming=events.not_started(starts, at))


def preview(line: str, today: dt.date | None = None, event_id: int | None = None,
            choice: int | str | None = None, alike: bool = True, at=None) -> CapturePreview:
    """Parse the line and say what would happen (at that event; for that `choice`: a contact
    id or NEW_PERSON); raises ValidationError for a bad line. `alike=False` leaves
    `looks_like` empty: it reads every name in the network (seconds at 100,000 people) and
    only the preview shows it; saving does not need it. `at`: the instant the line was typed
    (default: now), for a line applied later (the journal)."""
    day = today or when.today()
    parsed = parse_capture_line(line, day)
    introducer, used = _introducer(parsed)
    parsed = dataclasses.replace(parsed, note=parsed.note_keeping(used))
    event = _event(event_id, at)
    match, candidates = _recognise(parsed) if choice is None else _chosen(choice)
    if match and introducer and introducer.contact_id:  # nobody introduces themselves, no circles
        chains.check_introducer(match.contact_id, introducer.contact_id)
    kept = _kept_day(_open_followup(match.contact_id, event)) if match and parsed.due is None else None
    similar = () if match or candidates or not alike else tuple(
        duplicates.looks_like(parsed.name, parsed.company, _channels_of(parsed)))
    wish = wishes.find_wish(event.id, parsed.name, parsed.company) if event else None
    if wish and match is None and not candidates:
        parsed = _spelled_as(parsed, wish)
    return CapturePreview(parsed, kept or _due(parsed, day, event), match, candidates, event,
                          looks_like=similar, introducer=introducer, wish=wish)


def _introducer(parsed: CaptureLine) -> tuple[CaptureIntroducer | None, int]:
    """Who the line's `via` words name, and how many of them the name used (0: nobody found).
    The longest run of first words (up to VIA_NAME_WORDS) that is someone's full name, or
    the start of one person's name only, names them; several people: nobody, with them listed."""
    if not parsed.via:
        return None, 0
    words = parsed.via[:VIA_NAME_WORDS]
    for size in range(len(words), 0, -1):
        typed = " ".join(words[:size])
        ids = [row.id for row in Contact.select(Contact.id).where(
            Contact.sort_name == fold_key(typed), Contact.trashed_at.is_null()).order_by(Contact.id)]
        ids = ids or _named_by_whole_words(typed)
        if len(ids) == 1:
            return CaptureIntroducer(typed, ids[0], contacts.get_contact(ids[0]).name), size
        if ids:
            people = contacts.summaries_for(ids[:5])
            return CaptureIntroducer(typed, candidates=tuple(
                f"{p.name} · {p.company} (#{p.id})" if p.company else f"{p.name} (#{p.id})" for p in people)), 0
    return CaptureIntroducer(" ".join(words)), 0


def _due(parsed: CaptureLine, today: dt.date, event: CaptureEvent | None = None) -> dt.date:
    """The line's !date, or the default days after today (after the event's first day, for an
    event that has not started)."""
    if parsed.due:
        return parsed.due
    start = max(today, event.starts_on) if event and event.upcoming and event.starts_on else today
    return start + dt.timedelta(days=config.load().capture_followup_days)


def _open_followup(contact_id: int, event: CaptureEvent | None) -> FollowUp | None:
    """The open follow-up an earlier capture of this person at this event created."""
    if event is None:
        return None
    return (FollowUp.select().where(FollowUp.contact == contact_id, FollowUp.source_event == event.id,
                                    FollowUp.done_at.is_null()).order_by(FollowUp.id).first())


def _kept_day(open_one: FollowUp | None) -> dt.date | None:
    """The day an open follow-up keeps when a line gives none: a day someone chose (a !date,
    the user's own, a snooze) stays; None for the default, which moves."""
    if open_one is None or (open_one.due_by_default and open_one.snoozed_until is None):
        return None
    snoozed = open_one.snoozed_until
    return snoozed if snoozed and snoozed > open_one.due_on else open_one.due_on


def check(line: str, today: dt.date | None = None, event_id: int | None = None,
          choice: int | str | None = None, at=None) -> CapturePreview:
    """The preview of a line that can be saved as it is: ValidationError for a bad line,
    SeveralPeopleError for a name alone that several people have (and no `choice`). Its
    `looks_like` is left empty (see `preview`): Enter does not wait for it."""
    found = preview(line, today, event_id, choice, alike=False, at=at)
    if found.needs_choice:
        raise SeveralPeopleError(found.line.name, contacts.summaries_for([c.contact_id for c in found.candidates]))
    return found


def capture_line(line: str, event_id: int | None = None, choice: int | str | None = None,
                 at=None) -> CaptureResult:
    """Save one captured person (see the module docstring); all or nothing, durable on return.

    `choice`: who it is when the user said so (a contact id, or NEW_PERSON); without one, a
    name alone that several people have raises SeveralPeopleError and saves nothing. `at`:
    the instant the line was typed (a journaled line applied later; default: now) -- its day
    counts the follow-up, the meeting is logged then."""
    today = _local_day(at) if at else when.today()
    # The search index row is written once, at the end, not after each of the writes below.
    with database.atomic(), search.reindex_once():
        found = check(line, today, event_id, choice, at=at)
        parsed, event = found.line, found.event
        introducer_id = found.introducer.contact_id if found.introducer else None
        known_tags = {t.name for t in Tag.select(Tag.name).where(Tag.name.in_(list(parsed.tags)))} if parsed.tags else set()
        new_tags = [t for t in parsed.tags if t not in known_tags]
        wish = found.wish  # someone on the event's list who was not a contact yet
        if found.match is None:
            contact_id = _create(parsed, event, introducer_id)
            undo = CaptureUndo(contact_id, created_contact=True, new_tag_names=new_tags)
        else:
            contact_id = found.match.contact_id
            undo = CaptureUndo(contact_id, created_contact=False, new_tag_names=new_tags)
            _update(contact_id, parsed, event, undo, introducer_id)
        undo.added_fact_ids = _add_facts(contact_id, parsed)
        if event:
            undo.event_id = event.id
            listed = None if undo.created_contact else EventAttendee.get_or_none(  # someone new is on no list
                EventAttendee.event == event.id, EventAttendee.contact == contact_id)
            undo.previous_attendance = (listed.status, listed.role) if listed else None
            if not event.upcoming:
                events.mark_met(event.id, contact_id)
            elif listed is None:  # not met yet: on the list of people to meet there
                events.set_attendee(event.id, contact_id, "to meet")
            if wish is not None:
                wishes.link_wish(wish.id, contact_id)
                undo.linked_wish_id = wish.id
        _record_meeting(contact_id, parsed, event, found.due, undo, at)
    return CaptureResult(contact_id, parsed.name if undo.created_contact else found.match.name,
                         undo.created_contact, found.due, event.title if event else None, undo,
                         to_meet=bool(event and event.upcoming), event_starts_on=event.starts_on if event else None,
                         introducer=found.introducer)


# --- the journal: Enter writes the line down first (netui.store.journal) -----------------------


class LineGone(NotFoundError):
    """A waiting line that is not waiting any more: applied (or dropped) meanwhile, by another
    netui on this network."""


@dataclass(frozen=True)
class WaitingLine:
    """A line written down and not applied yet, and why it waits for the user (`problem`)."""

    id: int
    line: str
    event_id: int | None
    choice: int | str | None
    typed_at: object  # a UTC pendulum DateTime
    typed_by: str
    problem: NetuiError | None = None


def journal(line: str, event_id: int | None = None, choice: int | str | None = None,
            replacing: int | None = None) -> int:
    """Enter: the line written down durably before anything is made of it -- one INSERT, one
    commit -- with its event, the user's `choice`, the instant and the user. From then on it
    cannot be lost: `apply` makes the person of it, or it waits (`recover`). A bad line
    (ValidationError: no name, !2026-02-31) is refused first, reading nothing. `replacing`: the
    id of a waiting line this one takes the place of (the user changed it), in the same
    transaction. Returns the waiting line's id."""
    at = when.now()
    parse_capture_line(line, _local_day(at))
    return written_down.write(line, event_id, "" if choice is None else str(choice), at,
                              team.current_user(), replacing)


def apply(pending_id: int, choice: int | str | None = None) -> CaptureResult:
    """Make the person of a waiting line (capture_line, as typed: at its event, its instant, as
    its user) and delete the line, in ONE transaction: applied exactly once. `choice` (who it
    is) overrides the line's own. SeveralPeopleError or any other NetuiError leave it waiting;
    LineGone: it was applied or dropped meanwhile."""
    with database.atomic():
        row = written_down.take_out(pending_id)  # deleted first: put back if what follows fails
        if row is None:
            raise LineGone(_("This line is not waiting any more: another netui saved it."))
        with team.acting_as(row.typed_by):
            return capture_line(row.line, row.event_id, choice if choice is not None else _said(row.choice),
                                at=row.typed_at)


def capture(line: str, event_id: int | None = None, choice: int | str | None = None) -> CaptureResult:
    """Enter, whole: `journal` then `apply`. When applying fails the line is not kept: the
    caller still has it (a command line; see the capture screen for a line kept waiting)."""
    pending_id = journal(line, event_id, choice)
    try:
        return apply(pending_id)
    except NetuiError:
        discard(pending_id)
        raise


def discard(pending_id: int) -> None:
    """Drop a waiting line (the user took it back)."""
    with database.atomic():
        written_down.remove(pending_id)


def waiting_lines() -> list[WaitingLine]:
    """The lines written down and not applied yet, oldest first."""
    return [_waiting(row) for row in written_down.waiting()]


def any_waiting() -> bool:
    return written_down.any_waiting()


def recover(skip=lambda pending_id: False) -> tuple[list[CaptureResult], list[WaitingLine]]:
    """Apply every line left waiting (netui stopped between Enter and applying it; a line left
    for later), each in its own transaction. Those that need the user -- a name several people
    have, an event deleted since -- stay waiting: (what was applied, what waits and why).
    `skip(id)`: a line this process is applying itself (its capture screen's)."""
    applied, left = [], []
    for row in written_down.waiting():
        if skip(row.id):
            continue
        try:
            applied.append(apply(row.id))
        except LineGone:
            continue
        except NetuiError as problem:
            left.append(_waiting(row, problem))
    return applied, left


def waiting_text(line: WaitingLine) -> str:
    """'"Franco Neri !1w", typed 3 hours ago: 2 contacts are called ...' (the CLI, the app)."""
    text = _("\"{line}\", typed {ago}", line=line.line, ago=when.humanize(line.typed_at))
    return f"{text}: {line.problem}" if line.problem else text  # i18n: not text (joins two sentences)


def _said(choice: str) -> int | str | None:
    """A stored choice as capture_line takes it: '' nobody said, NEW_PERSON, or a contact id."""
    return None if not choice else choice if choice == NEW_PERSON else int(choice)


def _waiting(row, problem: NetuiError | None = None) -> WaitingLine:
    return WaitingLine(row.id, row.line, row.event_id, _said(row.choice), row.typed_at, row.typed_by, problem)


def _record_meeting(contact_id: int, parsed: CaptureLine, event: CaptureEvent | None, due: dt.date,
                    undo: CaptureUndo, at=None) -> None:
    """Log "Met at <event>" (at an event not started yet: "To meet at <event>", news, not
    contact) and the follow-up; at an event where they were already captured, add the note
    to that entry, and move its follow-up only to a !date or from a default day."""
    met = not (event and event.upcoming)
    earlier = None
    if event and not undo.created_contact:  # someone new has no entry and no follow-up yet
        earlier = (
            Interaction.select().join(InteractionParticipant)
            .where(InteractionParticipant.contact == contact_id, Interaction.event == event.id,
                   Interaction.counts_as_contact == met)
            .order_by(Interaction.id.desc()).first()
        )
    if earlier is None:
        if not met:
            undo.interaction_id = timeline.log_interaction(
                [contact_id], "note", at or when.now(), summary=_("To meet at {event}", event=event.title),
                notes=parsed.note, event_id=event.id, counts_as_contact=False)
        else:
            summary = _("Met at {event}", event=event.title) if event else _("Met (quick capture)")
            undo.interaction_id = timeline.log_interaction(
                [contact_id], "event" if event else "meeting", at or when.now(), summary=summary,
                notes=parsed.note, event_id=event.id if event else None,
            )
    else:
        undo.interaction_id, undo.created_interaction = earlier.id, False
        undo.previous_interaction_notes = earlier.notes
        if parsed.note:
            timeline.update_notes(earlier.id, "\n".join(n for n in (earlier.notes, parsed.note) if n))
    open_one = None if undo.created_contact else _open_followup(contact_id, event)
    if open_one is None:
        action = _("Follow up after {event}", event=event.title) if event else _("Follow up after meeting")
        undo.followup_id = followups.create_followup(
            contact_id, due, action=action, source_event_id=event.id if event else None,
            source_interaction_id=undo.interaction_id, due_by_default=parsed.due is None,
        )
        return
    undo.followup_id, undo.created_followup = open_one.id, False
    if parsed.due is None and _kept_day(open_one) is not None:
        return  # a day someone chose stays
    undo.previous_followup = (open_one.due_on, open_one.snoozed_until, open_one.due_by_default)
    followups.reschedule_followup(open_one.id, due, due_by_default=parsed.due is None)


def _channels_of(parsed: CaptureLine) -> list[tuple[str, str]]:
    return [(kind, value) for kind, value, _label in _channels(parsed)]


def _channels(parsed: CaptureLine) -> list[tuple[str, str, str]]:
    return (
        [("email", e, "") for e in parsed.emails]
        + [("phone", p, "") for p in parsed.phones]
        + [("linkedin", u, "") for u in parsed.linkedin]
    )


def _named_by_whole_words(typed: str) -> list[int]:
    """Living people whose name has each typed word as a whole word ("Marco" names Marco
    Bianchi; "the" does not name Theo): at most 6."""
    wanted = set(fold_key(typed).split())
    found = []
    for row in Contact.select(Contact.id, Contact.sort_name).where(
            Contact.id.in_(search.search_ids(typed, limit=50, columns=("name",))), Contact.trashed_at.is_null()):
        if wanted <= set(row.sort_name.split()):
            found.append(row.id)
    return found[:6]

def _spelled_as(parsed: CaptureLine, wish: wishes.WishInfo) -> CaptureLine:
    """The line's person with the name (and company) as the wish wrote them ("nicolo
    odegaard" typed fast at the event is the "Nicolò Ødegaard" on the list)."""
    first, last = rules.split_name(wish.name)
    return replace(parsed, first_name=first, last_name=last, company=wish.company or parsed.company)



def _create(parsed: CaptureLine, event: CaptureEvent | None, introducer_id: int | None) -> int:
    met = event if event and not event.upcoming else None  # not met yet at an event to come
    return contacts.create_contact(
        introduced_by_id=introducer_id,
        first_name=parsed.first_name, last_name=parsed.last_name, company=parsed.company,
        role=parsed.role, circle="events" if event else "other",
        how_met=_("Met at {event}", event=met.title) if met else "", met_at_id=met.id if met else None,
        channels=_channels(parsed), tags=parsed.tags,
    )


def _add_facts(contact_id: int, parsed: CaptureLine) -> list[int]:
    """The line's facts (`+kids: Leo`) the person does not have yet; their ids."""
    if not parsed.facts:
        return []
    had = {(label.casefold(), value.casefold())
           for label, value in Fact.select(Fact.label, Fact.value).where(Fact.contact == contact_id).tuples()}
    added = []
    for label, value in parsed.facts:
        if (label.casefold(), value.casefold()) not in had:
            had.add((label.casefold(), value.casefold()))
            added.append(contacts.add_fact(contact_id, label, value))
    return added


def _update(contact_id: int, parsed: CaptureLine, event: CaptureEvent | None, undo: CaptureUndo,
            introducer_id: int | None) -> None:
    """Fill in what the line adds to someone already known, remembering what it was."""
    row = Contact.get_by_id(contact_id)
    event = event if event and not event.upcoming else None  # met there only once it began
    changes = {}
    if parsed.company and parsed.company != row.company:
        changes["company"] = parsed.company
    if parsed.role and parsed.role != row.role:
        changes["role"] = parsed.role
    if event and row.met_at_id is None:
        changes["met_at_id"] = event.id
    if event and not row.how_met:
        changes["how_met"] = _("Met at {event}", event=event.title)
    if introducer_id and introducer_id != row.introduced_by_id:
        changes["introduced_by_id"] = introducer_id
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
        elif undo.followup_id and undo.previous_followup:
            due, snoozed, by_default = undo.previous_followup
            followups.reschedule_followup(undo.followup_id, due, due_by_default=by_default, snoozed_until=snoozed)
        if undo.interaction_id and undo.created_interaction:
            timeline.delete_interaction(undo.interaction_id)
        elif undo.interaction_id:
            timeline.update_notes(undo.interaction_id, undo.previous_interaction_notes)
        if undo.linked_wish_id:  # before the contact goes: the wish is kept, unlinked
            wishes.link_wish(undo.linked_wish_id, None)
        if undo.event_id:
            if undo.previous_attendance is None:
                events.remove_attendee(undo.event_id, undo.contact_id)
            else:
                status, role = undo.previous_attendance
                events.set_attendee(undo.event_id, undo.contact_id, status, role, restoring=True)
        if undo.created_contact:
            lifecycle.purge_contact(undo.contact_id, captured_lines=False)  # the user's other lines stay
            _drop_unused_tags(undo.new_tag_names)
            return
        if undo.previous_fields:
            restored = {getattr(Contact, name): value for name, value in undo.previous_fields.items()}
            Contact.update(restored).where(Contact.id == undo.contact_id).execute()
        if undo.added_channel_ids:
            Channel.delete().where(Channel.id.in_(undo.added_channel_ids)).execute()
        for fact_id in undo.added_fact_ids:
            contacts.remove_fact(fact_id)
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
