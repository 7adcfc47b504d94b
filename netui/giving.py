"""Give & take: favours given and received, and introductions between two contacts.

A **favour** is given to or received from one contact: a kind (FAVOUR_KINDS), the day it
happened (never in the future), a note, and optionally a follow-up with them ("Thank them for
the advice", "Check the job lead helped"). A contact's **balance** is favours given minus
favours received: positive, you have helped them more; negative, you owe them. It is stored
in Contact.favour_balance, kept by the database's triggers (migration v0003), so the contact
list sorts on it and "people I owe" reads it with an index.

An **introduction** puts person A in touch with person B, with the reason. Its status only
moves forward: proposed → made → met → outcome. Steps may be skipped (you may learn only later
that they met), never taken back. Reaching "made" — when it is created as made or later, or
when a step skips past it — records, once, a favour given (kind "introduction") to each of the
two and logs one interaction (a message) with both, so both timelines show it; it also offers
a follow-up with each of them, created only when accepted (`accept_introduction_offer`), like
the congratulation offer of netui.timeline. "outcome" closes the introduction (with a line
saying what came of it); until then it is open, and the same two people cannot have a second
open one.

Functions take and return plain values and frozen dataclasses; every write is one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pendulum
from peewee import Case, fn

from netui import followups, team, timeline, when
from netui.errors import NotFoundError, ValidationError
from netui.i18n import _
from netui.labels import label as code_label
from netui.store.models import (
    FAVOUR_DIRECTIONS,
    FAVOUR_KINDS,
    INTRODUCTION_STATUSES,
    Contact,
    Favour,
    FollowUp,
    Interaction,
    Introduction,
    database,
)
from netui.text import full_name

__all__ = [
    "FAVOUR_DIRECTIONS", "FAVOUR_KINDS", "INTRODUCTION_STATUSES", "ASK_HOW_IT_WENT_DAYS",
    "FavourInfo", "Balance", "PersonBalance", "IntroductionInfo", "IntroductionOffer",
    "validate_direction", "validate_kind", "validate_status",
    "record_favour", "delete_favour", "get_favour", "favours_of", "balance", "people_i_owe",
    "helped_recently", "introduce", "set_introduction_status", "introduction_offer",
    "accept_introduction_offer", "delete_introduction", "get_introduction", "introductions_of",
    "move_to",
]

# An introduction made offers to ask both people how it went this many days later.
ASK_HOW_IT_WENT_DAYS = 14
# The interaction an introduction made is logged as (you wrote to both).
INTRODUCTION_INTERACTION_KIND = "message"
_MADE = INTRODUCTION_STATUSES.index("made")
_CLOSED = "outcome"


# --- what callers get back ---------------------------------------------------------------


@dataclass(frozen=True)
class FavourInfo:
    id: int
    contact_id: int
    contact_name: str
    direction: str  # "gave" or "received"
    kind: str  # one of FAVOUR_KINDS
    occurred_on: dt.date
    note: str
    introduction_id: int | None
    followup_id: int | None
    created_at: pendulum.DateTime


@dataclass(frozen=True)
class Balance:
    contact_id: int
    given: int
    received: int
    balance: int  # given - received


@dataclass(frozen=True)
class PersonBalance:
    """A row of "people I owe": their balance and the last favour between you."""

    contact_id: int
    name: str
    company: str
    given: int
    received: int
    balance: int
    last_on: dt.date | None
    last_direction: str
    last_kind: str
    last_note: str


@dataclass(frozen=True)
class IntroductionInfo:
    id: int
    person_a_id: int
    person_a_name: str
    person_b_id: int
    person_b_name: str
    reason: str
    introduced_on: dt.date  # the day it was made (while proposed: the day it was proposed)
    status: str  # one of INTRODUCTION_STATUSES
    outcome: str
    interaction_id: int | None  # the timeline entry logged with both when it was made
    created_at: pendulum.DateTime
    updated_at: pendulum.DateTime

    @property
    def is_open(self) -> bool:
        return self.status != _CLOSED

    def other(self, contact_id: int) -> tuple[int, str]:
        """The other person of the two (id, name), seen from `contact_id`."""
        if contact_id == self.person_a_id:
            return self.person_b_id, self.person_b_name
        return self.person_a_id, self.person_a_name


@dataclass(frozen=True)
class IntroductionOffer:
    """What making an introduction proposes: a follow-up with each of the two (contact_ids[n]
    gets actions[n]); nothing is created until accept_introduction_offer(offer) is called."""

    introduction_id: int
    interaction_id: int | None
    contact_ids: tuple[int, ...]
    actions: tuple[str, ...]
    due_on: dt.date


# --- validation --------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(str(text).strip().lower().replace("-", " ").replace("_", " ").split())


def validate_direction(direction: str) -> str:
    value = _words(direction)
    if value not in FAVOUR_DIRECTIONS:
        raise ValidationError("direction", _("'{value}' is not a direction; use gave or received.", value=direction))
    return value


def validate_kind(kind: str) -> str:
    """'job-lead', 'Job lead' -> 'job lead'; anything not in FAVOUR_KINDS is a ValidationError."""
    value = _words(kind)
    if value not in FAVOUR_KINDS:
        raise ValidationError(
            "kind", _("'{value}' is not a kind of favour; use one of: {kinds}.", value=kind, kinds=", ".join(FAVOUR_KINDS)))
    return value


def validate_status(status: str) -> str:
    value = _words(status)
    if value not in INTRODUCTION_STATUSES:
        raise ValidationError(
            "status", _("'{value}' is not a status of an introduction; use one of: {statuses}.",
                        value=status, statuses=", ".join(INTRODUCTION_STATUSES)))
    return value


def _past_day(on: dt.date | str | None, field: str = "on") -> dt.date:
    """A day that has come: today by default, a date, or text ("yesterday", "2026-11-20")."""
    today = when.today()
    if on is None:
        return today
    day = when.plain_date(on) if isinstance(on, dt.date) else when.parse_date(on, field)
    if day > today:
        raise ValidationError(field, _("{day} is in the future: record what has happened.", day=day.isoformat()))
    return day


def _due_day(due: dt.date | str | int, field: str = "followup_due") -> dt.date:
    """A follow-up's day: a date, text ("friday", "in 2 weeks") or a number of days from today."""
    if isinstance(due, bool):
        raise ValidationError(field, _("Say when the follow-up is due."))
    if isinstance(due, int):
        if due < 0:
            raise ValidationError(field, _("A follow-up is due today or later."))
        return when.today() + dt.timedelta(days=due)
    if isinstance(due, dt.date):
        return when.plain_date(due)
    return when.parse_date(due, field, future=True)


def _living(contact_ids) -> dict[int, str]:
    """Names of these contacts; NotFoundError if one is missing or in the trash."""
    ids = list(dict.fromkeys(contact_ids))
    found = {
        c.id: full_name(c.first_name, c.last_name)
        for c in Contact.select(Contact.id, Contact.first_name, Contact.last_name)
        .where(Contact.id.in_(ids), Contact.trashed_at.is_null())
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(_("There is no contact #{id} (or it is in the trash).", id=missing[0]))
    return found


# --- favours -----------------------------------------------------------------------------


def default_followup_action(direction: str, kind: str) -> str:
    """'Thank them for the advice' (received), 'Check the job lead helped' (given)."""
    if validate_direction(direction) == "received":
        return _("Thank them") if kind == "other" else _("Thank them for the {kind}", kind=code_label(kind))
    return _("Check it helped") if kind == "other" else _("Check the {kind} helped", kind=code_label(kind))


def record_favour(
    contact_id: int,
    direction: str,
    kind: str,
    note: str = "",
    on: dt.date | str | None = None,
    followup_due: dt.date | str | int | None = None,
    followup_action: str | None = None,
) -> int:
    """Record a favour given to or received from a contact; returns its id.

    `on` is the day (default today; text like "yesterday" is read; the future is refused).
    With `followup_due` (a date, text like "friday" or "in 2 weeks", or a number of days) a
    follow-up with them is added too, its action `followup_action` or "Thank them for the …"
    (received) / "Check the … helped" (given).
    """
    direction = validate_direction(direction)
    kind = validate_kind(kind)
    day = _past_day(on)
    due = _due_day(followup_due) if followup_due is not None else None
    with database.atomic():
        _living([contact_id])
        followup_id = None
        if due is not None:
            action = (followup_action or "").strip() or default_followup_action(direction, kind)
            followup_id = followups.create_followup(contact_id, due, action)
        return _create_favour(contact_id, direction, kind, day, note, followup_id=followup_id)


def _create_favour(contact_id, direction, kind, day, note, introduction_id=None, followup_id=None) -> int:
    return Favour.create(
        contact=contact_id, direction=direction, kind=kind, occurred_on=day, note=note.strip(),
        introduction=introduction_id, followup=followup_id, created_at=when.now(), logged_by=team.current_user(),
    ).id


def delete_favour(favour_id: int) -> None:
    """Delete a favour, and the follow-up it asked for if that is still open (a done one stays)."""
    with database.atomic():
        row = Favour.get_or_none(Favour.id == favour_id)
        if row is None:
            raise NotFoundError(_("There is no favour #{id}.", id=favour_id))
        row.delete_instance()
        if row.followup_id:
            FollowUp.delete().where(FollowUp.id == row.followup_id, FollowUp.done_at.is_null()).execute()


def _favour_query():
    return Favour.select(Favour, Contact.id, Contact.first_name, Contact.last_name).join(Contact)


def _favour_info(row: Favour) -> FavourInfo:
    return FavourInfo(
        id=row.id, contact_id=row.contact_id, contact_name=full_name(row.contact.first_name, row.contact.last_name),
        direction=row.direction, kind=row.kind, occurred_on=row.occurred_on, note=row.note,
        introduction_id=row.introduction_id, followup_id=row.followup_id, created_at=row.created_at,
    )


def get_favour(favour_id: int) -> FavourInfo:
    row = _favour_query().where(Favour.id == favour_id).get_or_none()
    if row is None:
        raise NotFoundError(_("There is no favour #{id}.", id=favour_id))
    return _favour_info(row)


def favours_of(contact_id: int, limit: int | None = None, offset: int = 0) -> list[FavourInfo]:
    """The favours between you and this contact, newest first."""
    query = (
        _favour_query().where(Favour.contact == contact_id)
        .order_by(Favour.occurred_on.desc(), Favour.id.desc())
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [_favour_info(row) for row in query]


def _counts(contact_ids) -> dict[int, tuple[int, int]]:
    """(given, received) per contact id, in one query."""
    given = fn.SUM(Case(None, [(Favour.direction == "gave", 1)], 0))
    received = fn.SUM(Case(None, [(Favour.direction == "received", 1)], 0))
    rows = (
        Favour.select(Favour.contact, given, received)
        .where(Favour.contact.in_(list(contact_ids))).group_by(Favour.contact).tuples()
    )
    return {contact_id: (int(g or 0), int(r or 0)) for contact_id, g, r in rows}


def balance(contact_id: int) -> Balance:
    """Favours given to and received from this contact, and given minus received."""
    if not Contact.select().where(Contact.id == contact_id).exists():
        raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    given, received = _counts([contact_id]).get(contact_id, (0, 0))
    return Balance(contact_id, given, received, given - received)


def people_i_owe(limit: int = 50) -> list[PersonBalance]:
    """Living people who did you more favours than you did them, the most owed first (then by
    name), with the last favour between you. Reads the indexed stored balance."""
    if limit < 1:
        raise ValidationError("limit", _("Ask for at least 1 person."))
    rows = list(
        Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.company, Contact.favour_balance)
        .where(Contact.favour_balance < 0, Contact.trashed_at.is_null())
        .order_by(Contact.favour_balance, Contact.sort_name, Contact.id)
        .limit(limit)
    )
    ids = [row.id for row in rows]
    counts = _counts(ids)
    last: dict[int, Favour] = {}
    for favour in (
        Favour.select().where(Favour.contact.in_(ids))
        .order_by(Favour.contact, Favour.occurred_on.desc(), Favour.id.desc())
    ):
        last.setdefault(favour.contact_id, favour)
    found = []
    for row in rows:
        given, received = counts.get(row.id, (0, 0))
        newest = last.get(row.id)
        found.append(PersonBalance(
            contact_id=row.id, name=full_name(row.first_name, row.last_name), company=row.company,
            given=given, received=received, balance=row.favour_balance,
            last_on=newest.occurred_on if newest else None, last_direction=newest.direction if newest else "",
            last_kind=newest.kind if newest else "", last_note=newest.note if newest else "",
        ))
    return found


def helped_recently(days: int = 90, limit: int = 50) -> list[FavourInfo]:
    """Favours you gave at most `days` days ago (today included), the most recent first;
    people in the trash are left out."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValidationError("days", _("Look back at least 1 day."))
    if limit < 1:
        raise ValidationError("limit", _("Ask for at least 1 favour."))
    since = when.today() - dt.timedelta(days=days)
    query = (
        _favour_query()
        .where(Favour.direction == "gave", Favour.occurred_on >= since, Contact.trashed_at.is_null())
        .order_by(Favour.occurred_on.desc(), Favour.id.desc())
        .limit(limit)
    )
    return [_favour_info(row) for row in query]


# --- introductions -----------------------------------------------------------------------


def _intro_row(introduction_id: int) -> Introduction:
    row = Introduction.get_or_none(Introduction.id == introduction_id)
    if row is None:
        raise NotFoundError(_("There is no introduction #{id}.", id=introduction_id))
    return row


def _summary(name_a: str, name_b: str, reason: str) -> str:
    first_line = (reason.strip().splitlines() or [""])[0]
    if first_line:
        return _("Introduced {a} to {b}: {reason}", a=name_a, b=name_b, reason=first_line)
    return _("Introduced {a} to {b}", a=name_a, b=name_b)


def _rest_of_reason(reason: str) -> str:
    """What the summary does not say of the reason: its lines after the first (the timeline,
    the brief and the contact screen showed a one-line reason twice, as summary and note)."""
    return "\n".join(reason.strip().splitlines()[1:]).strip()


def introduce(
    person_a_id: int,
    person_b_id: int,
    reason: str = "",
    on: dt.date | str | None = None,
    status: str = "proposed",
) -> int:
    """Introduce A to B (or plan to: status "proposed"); returns the introduction's id.

    `on` is the day (default today; the future is refused). Created with status "made" (or
    later), it records what making it records (see set_introduction_status); the follow-up it
    offers is `introduction_offer(id)`. Refused: the same person twice, and a second open
    introduction of the same two people (whichever way round).
    """
    status = validate_status(status)
    day = _past_day(on)
    if person_a_id == person_b_id:
        raise ValidationError("person_b", _("Introduce them to someone else: it takes two different people."))
    with database.atomic():
        names = _living([person_a_id, person_b_id])
        same_pair = (
            ((Introduction.person_a == person_a_id) & (Introduction.person_b == person_b_id))
            | ((Introduction.person_a == person_b_id) & (Introduction.person_b == person_a_id))
        )
        already = Introduction.select().where(same_pair, Introduction.status != _CLOSED).first()
        if already is not None:
            raise ValidationError("person_b", _(
                "{a} and {b} already have an open introduction (#{id}, {status}); move that one on instead.",
                a=names[person_a_id], b=names[person_b_id], id=already.id, status=code_label(already.status)))
        stamp = when.now()
        row = Introduction.create(
            person_a=person_a_id, person_b=person_b_id, reason=reason.strip(), introduced_on=day,
            status="proposed", outcome="", created_at=stamp, updated_at=stamp, logged_by=team.current_user(),
        )
        if status != "proposed":
            _advance(row, status, "", day)
    return row.id


def set_introduction_status(
    introduction_id: int, status: str, outcome: str = "", on: dt.date | str | None = None,
) -> IntroductionOffer | None:
    """Move an introduction forward: proposed → made → met → outcome (steps may be skipped;
    going back is refused). `outcome` (what came of it) goes with the status "outcome"; given
    again at that status, it replaces the text.

    Reaching "made" (`on`: the day, default today) records a favour given to each of the two,
    logs one interaction with both, and returns the follow-up offer; otherwise returns None.
    """
    status = validate_status(status)
    outcome = outcome.strip()
    if outcome and status != _CLOSED:
        raise ValidationError("outcome", _("An outcome goes with the status 'outcome'."))
    day = _past_day(on)
    with database.atomic():
        row = _intro_row(introduction_id)
        old, new = INTRODUCTION_STATUSES.index(row.status), INTRODUCTION_STATUSES.index(status)
        if new < old:
            a, b = _living_or_not([row.person_a_id, row.person_b_id])
            raise ValidationError("status", _(
                "The introduction of {a} to {b} is already '{current}'; it cannot go back to '{wanted}'.",
                a=a, b=b, current=code_label(row.status), wanted=code_label(status)))
        if new == old:
            if status == _CLOSED and outcome and outcome != row.outcome:
                row.outcome, row.updated_at = outcome, when.now()
                row.save()
            return None
        made = _advance(row, status, outcome, day)
    return introduction_offer(introduction_id) if made else None


def _advance(row: Introduction, status: str, outcome: str, day: dt.date) -> bool:
    """Move `row` to `status`; if that passes "made" for the first time, record the favours and
    the interaction. Returns True when it did."""
    old, new = INTRODUCTION_STATUSES.index(row.status), INTRODUCTION_STATUSES.index(status)
    made = old < _MADE <= new and row.interaction_id is None
    if made:
        names = _living([row.person_a_id, row.person_b_id])
        a, b = names[row.person_a_id], names[row.person_b_id]
        moment = when.now() if day == when.today() else when.parse_when(day.isoformat())
        row.interaction = timeline.log_interaction(
            [row.person_a_id, row.person_b_id], INTRODUCTION_INTERACTION_KIND, moment,
            summary=_summary(a, b, row.reason), notes=_rest_of_reason(row.reason), initiated_by="me",
        )
        for person, other in ((row.person_a_id, b), (row.person_b_id, a)):
            note = _("Introduced to {other}", other=other) + (f": {row.reason}" if row.reason else "")
            _create_favour(person, "gave", "introduction", day, note, introduction_id=row.id)
        row.introduced_on = day
    row.status = status
    if outcome:
        row.outcome = outcome
    row.updated_at = when.now()
    row.save()
    return made


def _living_or_not(ids) -> list[str]:
    names = {
        c.id: full_name(c.first_name, c.last_name)
        for c in Contact.select(Contact.id, Contact.first_name, Contact.last_name).where(Contact.id.in_(ids))
    }
    return [names.get(i, f"#{i}") for i in ids]


def introduction_offer(introduction_id: int, days: int = ASK_HOW_IT_WENT_DAYS) -> IntroductionOffer:
    """The follow-ups an introduction made proposes: ask each of the two, `days` days from today,
    how it went with the other. Refused while the introduction is only proposed."""
    row = _intro_row(introduction_id)
    if INTRODUCTION_STATUSES.index(row.status) < _MADE:
        raise ValidationError("status", _("Make the introduction first: it is only proposed."))
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValidationError("days", _("A follow-up is due today or later."))
    a, b = _living_or_not([row.person_a_id, row.person_b_id])
    return IntroductionOffer(
        introduction_id=row.id, interaction_id=row.interaction_id,
        contact_ids=(row.person_a_id, row.person_b_id),
        actions=(_("Ask how the introduction with {other} went", other=b),
                 _("Ask how the introduction with {other} went", other=a)),
        due_on=when.today() + dt.timedelta(days=days),
    )


def accept_introduction_offer(offer: IntroductionOffer, due_on: dt.date | str | int | None = None) -> list[int]:
    """Create the follow-ups an introduction offered (one per person, linked to its interaction);
    `due_on` moves them to another day. Returns their ids."""
    due = offer.due_on if due_on is None else _due_day(due_on, "due_on")
    source = offer.interaction_id
    with database.atomic():
        if source is not None and not Interaction.select().where(Interaction.id == source).exists():
            source = None  # the interaction was deleted since: the follow-ups still make sense
        return [
            followups.create_followup(contact_id, due, action, source_interaction_id=source)
            for contact_id, action in zip(offer.contact_ids, offer.actions)
        ]


def delete_introduction(introduction_id: int) -> None:
    """Delete an introduction with what making it recorded: its favours and its interaction."""
    with database.atomic():
        row = _intro_row(introduction_id)
        Favour.delete().where(Favour.introduction == row.id).execute()
        row.delete_instance()
        if row.interaction_id:
            timeline.delete_interaction(row.interaction_id)


def _intro_query():
    a, b = Contact.alias(), Contact.alias()
    return (
        Introduction.select(
            Introduction.id, Introduction.person_a, Introduction.person_b, Introduction.reason,
            Introduction.introduced_on, Introduction.status, Introduction.outcome, Introduction.interaction,
            Introduction.created_at, Introduction.updated_at,
            a.first_name, a.last_name, b.first_name, b.last_name,
        )
        .join(a, on=(Introduction.person_a == a.id)).switch(Introduction)
        .join(b, on=(Introduction.person_b == b.id))
    )


def _intro_infos(query) -> list[IntroductionInfo]:
    return [
        IntroductionInfo(
            id=r[0], person_a_id=r[1], person_a_name=full_name(r[10], r[11]), person_b_id=r[2],
            person_b_name=full_name(r[12], r[13]), reason=r[3], introduced_on=r[4], status=r[5],
            outcome=r[6], interaction_id=r[7], created_at=r[8], updated_at=r[9],
        )
        for r in query.tuples()
    ]


def get_introduction(introduction_id: int) -> IntroductionInfo:
    found = _intro_infos(_intro_query().where(Introduction.id == introduction_id))
    if not found:
        raise NotFoundError(_("There is no introduction #{id}.", id=introduction_id))
    return found[0]


def introductions_of(contact_id: int) -> list[IntroductionInfo]:
    """Introductions this contact is part of (as A or as B), newest first."""
    query = _intro_query().where((Introduction.person_a == contact_id) | (Introduction.person_b == contact_id))
    return _intro_infos(query.order_by(Introduction.introduced_on.desc(), Introduction.id.desc()))


def recent_introductions(limit: int = 100) -> list[IntroductionInfo]:
    """Every introduction, the open ones first (oldest status first), then the newest."""
    order = (Introduction.status == _CLOSED, Introduction.introduced_on.desc(), Introduction.id.desc())
    return _intro_infos(_intro_query().order_by(*order).limit(limit))


def next_status(status: str) -> str | None:
    """The status after this one (None after the last)."""
    index = INTRODUCTION_STATUSES.index(status)
    return INTRODUCTION_STATUSES[index + 1] if index + 1 < len(INTRODUCTION_STATUSES) else None


# --- merging -----------------------------------------------------------------------------


def move_to(other_id: int, keep_id: int) -> None:
    """Give `keep_id` the favours and introductions of `other_id` (netui.contacts merges two
    contacts; the balance triggers follow). An introduction between the two becomes pointless
    and is removed (its favours stay, given to `keep_id`)."""
    with database.atomic():
        Favour.update(contact=keep_id).where(Favour.contact == other_id).execute()
        Introduction.update(person_a=keep_id).where(Introduction.person_a == other_id).execute()
        Introduction.update(person_b=keep_id).where(Introduction.person_b == other_id).execute()
        Introduction.delete().where(Introduction.person_a == Introduction.person_b).execute()
