"""Who reaches out: how many of your recent exchanges with someone you started, and the people
who never reach out or whom you have not answered (`netui reach`, the reach view, the brief).

An interaction's initiator (Interaction.initiated_by) is "me", "them" or unknown (None).
Logging sets it ("me" unless told otherwise, see `initiator_for`); a note is not an exchange
and has none; imports keep what the file says.

The rules, decided here once:

* The balance looks at the last RECENT (10) interactions with them whose initiator is known.
  It is *lopsided* when at least LOPSIDED_MIN_KNOWN (5) are known and one side started at
  least LOPSIDED_SHARE (80%) of them: "you reached out 8 of the last 10 times".
* *Never reach out*: you started every one of those last known ones, at least
  NEVER_MIN_KNOWN (3) of them.
* *Not answered*: the newest exchange with them (not a note, not news netui noted, not a
  milestone) was started by them, and it was a written one (e-mail, message, social): they
  reached out and nothing came from you since. A meeting, call or video they asked for was
  answered by taking part in it.

Contacts in the trash are left out of both lists.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pendulum
from peewee import fn

from netui.errors import ValidationError
from netui.i18n import _
from netui.labels import label
from netui.store.models import INITIATORS, MILESTONE_KIND, Contact, Interaction, InteractionParticipant
from netui.text import full_name

RECENT = 10
LOPSIDED_MIN_KNOWN = 5
LOPSIDED_SHARE = 0.8
NEVER_MIN_KNOWN = 3
# A note is something you wrote down, not an exchange: nobody started it.
NOT_AN_EXCHANGE = ("note",)
# What someone sends and waits an answer to; in a meeting, call, video or event you both took part.
WRITTEN_KINDS = ("email", "message", "social")
DEFAULT_INITIATOR = "me"


@dataclass(frozen=True)
class ReachBalance:
    """Of the last `known` interactions with a known initiator (at most RECENT), how many each
    side started; `lopsided` is "me" or "them" when one side started most (see the module doc)."""

    known: int
    by_me: int
    by_them: int
    lopsided: str | None


@dataclass(frozen=True)
class QuietPerson:
    """Someone who never reaches out: you started the last `started_by_you` exchanges."""

    contact_id: int
    name: str
    company: str
    started_by_you: int
    last_at: pendulum.DateTime


@dataclass(frozen=True)
class WaitingPerson:
    """Someone who reached out (`reached_out_at`, by `kind`) and has not heard from you since."""

    contact_id: int
    name: str
    company: str
    reached_out_at: pendulum.DateTime
    kind: str


@dataclass(frozen=True)
class ReachLists:
    never_reach_out: list[QuietPerson]
    not_answered: list[WaitingPerson]


def initiator_for(kind: str, given: str | None) -> str | None:
    """Who started an interaction of this kind (a code of INTERACTION_KINDS) being logged:
    `given`, else "me"; a note has no initiator, and saying one for it is refused."""
    if kind in NOT_AN_EXCHANGE:
        if given is not None:
            raise ValidationError("initiated_by", _("A note is not an exchange: nobody started it, so it takes "
                                                    "no initiator."))
        return None
    if given is None:
        return DEFAULT_INITIATOR
    if given not in INITIATORS:
        raise ValidationError("initiated_by", _("Who started it: one of {initiators}.",
                                                initiators=", ".join(label(i) for i in INITIATORS)))
    return given


def balance_of(initiators: list[str]) -> ReachBalance:
    """The balance of these initiators ("me"/"them"), newest first; only the first RECENT count."""
    recent = initiators[:RECENT]
    by_me = recent.count("me")
    by_them = recent.count("them")
    known = by_me + by_them
    lopsided = None
    if known >= LOPSIDED_MIN_KNOWN:
        if by_me >= LOPSIDED_SHARE * known:
            lopsided = "me"
        elif by_them >= LOPSIDED_SHARE * known:
            lopsided = "them"
    return ReachBalance(known=known, by_me=by_me, by_them=by_them, lopsided=lopsided)


def reach_balance(contact_id: int) -> ReachBalance:
    """Who started the last RECENT interactions with this person whose initiator is known."""
    query = (
        Interaction.select(Interaction.initiated_by)
        .join(InteractionParticipant)
        .where(InteractionParticipant.contact == contact_id, Interaction.initiated_by.in_(INITIATORS),
               Interaction.counts_as_contact == True)  # noqa: E712 (a peewee expression)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(RECENT)
    )
    return balance_of([initiator for (initiator,) in query.tuples()])


def reach_lists() -> ReachLists:
    """The people who never reach out (longest streak first) and those you have not answered
    (who reached out most recently first)."""
    return ReachLists(never_reach_out=_never_reach_out(), not_answered=_not_answered())


def _ranked(condition):
    """Each living contact's interactions meeting `condition`, newest first, numbered from 1
    per contact (the column "rank"), with the contact's name and company."""
    rank = fn.ROW_NUMBER().over(
        partition_by=[InteractionParticipant.contact],
        order_by=[Interaction.occurred_at.desc(), Interaction.id.desc()],
    )
    return (
        Interaction.select(InteractionParticipant.contact.alias("contact_id"), Contact.first_name,
                           Contact.last_name, Contact.company, Interaction.initiated_by, Interaction.kind,
                           Interaction.occurred_at, rank.alias("rank"))
        .join(InteractionParticipant)
        .join(Contact)
        .where(Contact.trashed_at.is_null(), Interaction.counts_as_contact == True, condition)  # noqa: E712
    )


def _rows(ranked, condition):
    """The ranked rows meeting `condition`: (contact id, name, company, initiator, kind, when)."""
    columns = ranked.c
    query = ranked.select_from(columns.contact_id, columns.first_name, columns.last_name, columns.company,
                               columns.initiated_by, columns.kind, columns.occurred_at).where(condition).order_by(
        columns.contact_id, columns.rank)
    instant = Interaction.occurred_at.python_value
    for contact_id, first, last, company, initiator, kind, occurred in query.tuples():
        yield contact_id, full_name(first, last), company, initiator, kind, instant(occurred)


def _never_reach_out() -> list[QuietPerson]:
    ranked = _ranked(Interaction.initiated_by.in_(INITIATORS))
    streaks: dict[tuple[int, str, str], list] = defaultdict(list)
    for contact_id, name, company, initiator, _kind, occurred in _rows(ranked, ranked.c.rank <= RECENT):
        streaks[(contact_id, name, company)].append((initiator, occurred))
    found = [QuietPerson(contact_id, name, company, started_by_you=len(items), last_at=items[0][1])
             for (contact_id, name, company), items in streaks.items()
             if len(items) >= NEVER_MIN_KNOWN and all(initiator == "me" for initiator, _at in items)]
    return sorted(found, key=lambda p: (-p.started_by_you, p.last_at, p.name))


def _not_answered() -> list[WaitingPerson]:
    ranked = _ranked(Interaction.kind.not_in((*NOT_AN_EXCHANGE, MILESTONE_KIND)))
    rows = _rows(ranked, (ranked.c.rank == 1) & (ranked.c.initiated_by == "them") & ranked.c.kind.in_(WRITTEN_KINDS))
    found = [WaitingPerson(contact_id, name, company, reached_out_at=occurred, kind=kind)
             for contact_id, name, company, _initiator, kind, occurred in rows]
    return sorted(found, key=lambda p: (-p.reached_out_at.timestamp(), p.name))
