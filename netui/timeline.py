"""The timeline: interactions (meetings, calls, messages, ...) with one or more contacts.

A contact's "last contacted" is derived from here (Contact.last_contacted_at, kept by the
database's triggers), so logging anything with someone — a milestone of theirs included —
resets their keep-in-touch clock. The one exception is news netui writes down on its own
(`counts_as_contact=False`: "New job: ..." seen in a LinkedIn export, "To meet at <event>"):
it shows in the timeline but is not contact, so it resets nothing.

Milestones (a new job, a promotion, an award, a book, a child) are interactions of kind
"milestone"; logging one offers a congratulation follow-up (netui.followups.accept_offer).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

import pendulum

from netui.store import search
from netui import team, when
from netui.errors import NotFoundError, ValidationError
from netui.records import Record
from netui.i18n import N_, _
from netui.labels import code_for, codes_as_typed
from netui.store.models import (
    INITIATORS,
    INTERACTION_KINDS,
    MILESTONE_KIND,
    MILESTONES,
    Contact,
    Event,
    Interaction,
    InteractionParticipant,
    database,
)
from netui.text import fold_key, full_name


# Clocks differ a little between devices; anything later than this is a mistake.
FUTURE_TOLERANCE_MINUTES = 5


class Participant(Record):
    id: int
    name: str


class InteractionInfo(Record):
    id: int
    kind: str
    occurred_at: pendulum.DateTime
    summary: str
    notes: str
    initiated_by: str | None
    event_id: int | None
    event_title: str | None
    participants: tuple[Participant, ...]
    milestone: str = ""  # kind "milestone": what it was (new job, promotion...)
    counts_as_contact: bool = True  # False: news netui noted, not being in touch
    logged_by: str = ""  # the team member who logged it ('': not recorded, netui.team)

    @property
    def text_lines(self) -> list[str]:
        """What it was about, as lines to show: the summary, then the lines of the notes
        ("kids Leo and Mia"), without blank lines or a line said twice; without a summary the
        notes' first line comes first."""
        lines: list[str] = []
        seen: set[str] = set()
        for line in [self.summary, *self.notes.splitlines()]:
            key = fold_key(line)
            if key and key not in seen:
                seen.add(key)
                lines.append(line.strip())
        return lines


class CongratulationOffer(Record):
    """What logging a milestone proposes: one follow-up per person; nothing is created until
    netui.followups.accept_offer(offer) is called (the user said yes)."""

    interaction_id: int
    milestone: str
    contact_ids: tuple[int, ...]
    action: str
    due_on: dt.date


class MonthCount(Record):
    month: dt.date  # the first day of the (local) month
    count: int


CONGRATULATE_WITHIN_DAYS = 2
# What log_milestone writes on the user's behalf (in the current language): the timeline
# summary's title and the congratulation follow-up's action, per milestone of MILESTONES.
_MILESTONE_TITLES = {
    "new job": N_("New job"), "promotion": N_("Promotion"), "award": N_("Award"),
    "book": N_("Book"), "child": N_("Child"),
}
_CONGRATULATIONS = {
    "new job": N_("Congratulate on the new job"),
    "promotion": N_("Congratulate on the promotion"),
    "award": N_("Congratulate on the award"),
    "book": N_("Congratulate on the book"),
    "child": N_("Congratulate on the child"),
}


def validate_kind(kind: str) -> str:
    value = code_for(kind, INTERACTION_KINDS)  # "call", or its label in the interface's language
    if value is None:
        raise ValidationError(
            "kind",
            _("'{kind}' is not a kind of interaction; use one of: {kinds}.", kind=kind, kinds=codes_as_typed(INTERACTION_KINDS)),
        )
    return value


def _people(contact_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        raise ValidationError("participants", _("An interaction needs at least one person."))
    return ids


def validate_milestone(milestone: str) -> str:
    """'new-job', 'New job' -> 'new job'; anything not in MILESTONES is a ValidationError."""
    value = " ".join(milestone.strip().lower().replace("-", " ").replace("_", " ").split())
    if value not in MILESTONES:
        raise ValidationError(
            "milestone",
            _("'{milestone}' is not a milestone; use one of: {milestones}.", milestone=milestone,
              milestones=", ".join(MILESTONES)),
        )
    return value


def log_milestone(
    contact_ids: Iterable[int],
    milestone: str,
    note: str = "",
    occurred_at: dt.datetime | str | None = None,
) -> CongratulationOffer:
    """Record their news (kind "milestone") and return the congratulation follow-up it offers."""
    ids = _people(contact_ids)
    milestone = validate_milestone(milestone)
    title = _(_MILESTONE_TITLES[milestone]) if milestone in _MILESTONE_TITLES else milestone.capitalize()
    summary = f"{title}: {note.strip()}" if note.strip() else title
    interaction_id = _record(ids, MILESTONE_KIND, occurred_at, summary.splitlines()[0], note, None, None, milestone)
    return CongratulationOffer(
        interaction_id=interaction_id, milestone=milestone, contact_ids=tuple(ids),
        action=_(_CONGRATULATIONS[milestone]) if milestone in _CONGRATULATIONS else milestone, due_on=when.today() + dt.timedelta(days=CONGRATULATE_WITHIN_DAYS),
    )


def monthly_activity(contact_id: int, months: int = 12, today: dt.date | None = None) -> list[MonthCount]:
    """Interactions with this contact per local calendar month, the oldest month first and the
    current one last (`months` entries, zeros included): a sparkline's data."""
    if months < 1:
        raise ValidationError("months", _("Show at least 1 month."))
    zone = when.local_zone()
    day = today or when.today()
    first = pendulum.date(day.year, day.month, 1).subtract(months=months - 1)
    start = pendulum.datetime(first.year, first.month, 1, tz=zone).in_timezone("UTC")
    counts = {pendulum.date(first.year, first.month, 1).add(months=n): 0 for n in range(months)}
    moments = (
        Interaction.select(Interaction.occurred_at).join(InteractionParticipant)
        .where(InteractionParticipant.contact == contact_id, Interaction.occurred_at >= start)
    )
    for row in moments:
        local = row.occurred_at.in_timezone(zone)
        key = pendulum.date(local.year, local.month, 1)
        if key in counts:
            counts[key] += 1
    return [MonthCount(dt.date(m.year, m.month, 1), n) for m, n in counts.items()]


def log_interaction(
    contact_ids: Iterable[int],
    kind: str,
    occurred_at: dt.datetime | str | None = None,
    summary: str = "",
    notes: str = "",
    initiated_by: str | None = None,
    event_id: int | None = None,
    counts_as_contact: bool = True,
) -> int:
    """Record an interaction with these contacts (default: now); returns its id.

    `counts_as_contact=False`: news about them, not contact with them (see the module doc)."""
    ids = _people(contact_ids)
    return _record(ids, validate_kind(kind), occurred_at, summary, notes, initiated_by, event_id,
                   counts_as_contact=counts_as_contact)


def _record(ids, kind, occurred_at, summary, notes, initiated_by, event_id, milestone="",
            counts_as_contact: bool = True) -> int:
    if occurred_at is None:
        moment = when.now()
    elif isinstance(occurred_at, str):
        moment = when.parse_when(occurred_at)
    else:
        moment = pendulum.instance(occurred_at)
    if moment > when.now().add(minutes=FUTURE_TOLERANCE_MINUTES):
        raise ValidationError(
            "when", _("That is in the future: log what has happened (plan what is next with a follow-up).")
        )
    if initiated_by is not None and initiated_by not in INITIATORS:
        raise ValidationError("initiated_by", _("Who started it: one of {initiators}.", initiators=", ".join(INITIATORS)))
    with database.atomic():
        living = {
            c.id for c in Contact.select(Contact.id).where(Contact.id.in_(ids), Contact.trashed_at.is_null())
        }
        missing = [i for i in ids if i not in living]
        if missing:
            raise NotFoundError(_("There is no contact #{id} (or it is in the trash).", id=missing[0]))
        if event_id is not None and not Event.select().where(Event.id == event_id).exists():
            raise NotFoundError(_("There is no event #{id}.", id=event_id))
        interaction = Interaction.create(
            kind=kind, occurred_at=moment, summary=" ".join(summary.split()), notes=notes.strip(),
            initiated_by=initiated_by, event=event_id, created_at=when.now(), milestone=milestone,
            counts_as_contact=counts_as_contact, logged_by=team.current_user(),
        )
        InteractionParticipant.insert_many(
            [{"interaction": interaction.id, "contact": i} for i in ids]
        ).execute()
        search.reindex_contacts(ids)
    return interaction.id


def update_notes(interaction_id: int, notes: str) -> None:
    """Replace an interaction's notes (and what search finds for its people)."""
    with database.atomic():
        if not Interaction.update(notes=notes.strip()).where(Interaction.id == interaction_id).execute():
            raise NotFoundError(_("There is no interaction #{id}.", id=interaction_id))
        search.reindex_contacts(_participant_ids(interaction_id))


def delete_interaction(interaction_id: int) -> None:
    with database.atomic():
        participants = _participant_ids(interaction_id)
        deleted = Interaction.delete().where(Interaction.id == interaction_id).execute()
        if not deleted:
            raise NotFoundError(_("There is no interaction #{id}.", id=interaction_id))
        search.reindex_contacts(participants)


def _participant_ids(interaction_id: int) -> list[int]:
    return [
        link.contact_id
        for link in InteractionParticipant.select().where(InteractionParticipant.interaction == interaction_id)
    ]


def contact_timeline(contact_id: int, limit: int = 50, offset: int = 0) -> list[InteractionInfo]:
    """Interactions with this contact, newest first, one page at a time."""
    query = (
        Interaction.select()
        .join(InteractionParticipant)
        .where(InteractionParticipant.contact == contact_id)
    )
    return _page(query, limit, offset)


def global_timeline(limit: int = 50, offset: int = 0) -> list[InteractionInfo]:
    """Every interaction, newest first, one page at a time."""
    return _page(Interaction.select(), limit, offset)


def get_interaction(interaction_id: int) -> InteractionInfo:
    found = _infos(list(Interaction.select().where(Interaction.id == interaction_id)))
    if not found:
        raise NotFoundError(_("There is no interaction #{id}.", id=interaction_id))
    return found[0]


def count_interactions(contact_id: int | None = None) -> int:
    if contact_id is None:
        return Interaction.select().count()
    return InteractionParticipant.select().where(InteractionParticipant.contact == contact_id).count()


def _page(query, limit: int, offset: int) -> list[InteractionInfo]:
    rows = list(
        query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit).offset(offset)
    )
    return _infos(rows)


def _infos(rows: Sequence[Interaction]) -> list[InteractionInfo]:
    """Build InteractionInfos with two queries for the whole page, not two per row."""
    ids = [row.id for row in rows]
    people: dict[int, list[Participant]] = defaultdict(list)
    links = (
        InteractionParticipant.select(InteractionParticipant.interaction, Contact.id, Contact.first_name, Contact.last_name)
        .join(Contact)
        .where(InteractionParticipant.interaction.in_(ids))
        .order_by(Contact.sort_name)
    )
    for link in links:
        people[link.interaction_id].append(
            Participant(link.contact.id, full_name(link.contact.first_name, link.contact.last_name))
        )
    event_ids = {row.event_id for row in rows if row.event_id}
    titles = {e.id: e.title for e in Event.select(Event.id, Event.title).where(Event.id.in_(list(event_ids)))}
    return [
        InteractionInfo(
            id=row.id, kind=row.kind, occurred_at=row.occurred_at, summary=row.summary,
            notes=row.notes, initiated_by=row.initiated_by, event_id=row.event_id,
            event_title=titles.get(row.event_id), participants=tuple(people[row.id]),
            milestone=row.milestone, counts_as_contact=row.counts_as_contact, logged_by=row.logged_by,
        )
        for row in rows
    ]
