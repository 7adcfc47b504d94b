"""Who knows whom in the team: the warm path to an introduction (issue 19).

`who_knows(query)`: the people a query names (a company, a person, a city: the contacts
whose name, company, role, city or tags match: `people_named`), then, per
member, how many of them they have history with (interactions they logged that count as
contact), how warm that is (netui.upkeep's warmth without a cadence, from their last
contact) and when it was. `known_in_team` says the same of one contact.

On a file where at most one member has logged anything, entries not recorded ('', written
before schema version 8) are that member's, or mine when nobody has: "the one user of a
file". On a team's they stay "not recorded".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from peewee import fn

from netui import contacts, upkeep, when
from netui.errors import ValidationError
from netui.store import search
from netui.i18n import _
from netui.store.models import Contact, Interaction, InteractionParticipant, UTCDateTimeField
from netui.team import current_user, member_label
from netui.text import full_name

CLOSEST_SHOWN = 3  # the people a member knows best among the matches, as examples
_CHUNK = 5000  # contact ids per query (SQLite's limit on a statement's variables)
_instant = UTCDateTimeField()


@dataclass(frozen=True)
class KnownPerson:
    contact_id: int
    name: str
    last_contact: pendulum.DateTime
    interactions: int


@dataclass(frozen=True)
class MemberHistory:
    """One member's history with a set of people."""

    member: str  # a user name; '' when not recorded (several members logged, this entry by nobody known)
    people: int  # how many of the people they have history with
    interactions: int
    last_contact: pendulum.DateTime
    warmth: str  # netui.upkeep's warm / cooling / cold, from the days since last_contact
    closest: tuple[KnownPerson, ...]  # up to CLOSEST_SHOWN of those people, most recent first

    @property
    def label(self) -> str:
        return member_label(self.member)


@dataclass(frozen=True)
class WhoKnows:
    query: str
    matched: int  # the people the query names
    members: list[MemberHistory]  # warmest first: the latest contact first, then more people


def who_knows(query: str, today: dt.date | None = None) -> WhoKnows:
    """Which members have history with the people `query` names (see the module docstring)."""
    if not query.strip():
        raise ValidationError("query", _("Say whom to look for: a company, a person or a city."))
    ids = people_named(query)
    return WhoKnows(query.strip(), len(ids), histories(ids, today))


def people_named(typed: str) -> list[int]:
    """Living contacts the text names by who they are (name, company, role, city, tags; not
    what was written about them), with the search box's filters (city:, company:, #tag...)."""
    text, filters = contacts.split_filters(typed)
    filters.pop("sort", None)
    if not text:
        return contacts.ids_in_view(**filters)
    found = search.match_ids(text, search.IDENTITY_COLUMNS, Contact.trashed_at.is_null())
    if filters:
        within = set(contacts.ids_in_view(**filters))
        found = [i for i in found if i in within]
    return found


def known_in_team(contact_id: int, today: dt.date | None = None) -> list[MemberHistory]:
    """Who in the team has history with this contact, warmest first."""
    return histories([contact_id], today)


def histories(contact_ids: Sequence[int], today: dt.date | None = None) -> list[MemberHistory]:
    """Per member, their history with these contacts, warmest first."""
    pairs: dict[tuple[str, int], list] = {}  # (member, contact) -> [interactions, last contact]
    ids = list(dict.fromkeys(contact_ids))
    for start in range(0, len(ids), _CHUNK):
        rows = _history_query(ids[start:start + _CHUNK])
        for member, contact_id, count, last in rows:
            pairs[(member, contact_id)] = [count, _instant.python_value(last)]
    if not pairs:
        return []
    unrecorded = _unrecorded_belongs_to()
    merged: dict[tuple[str, int], list] = {}
    for (member, contact_id), (count, last) in pairs.items():
        key = (unrecorded if member == "" and unrecorded is not None else member, contact_id)
        if key in merged:
            merged[key] = [merged[key][0] + count, max(merged[key][1], last)]
        else:
            merged[key] = [count, last]
    names = _names({contact_id for _member, contact_id in merged})
    by_member: dict[str, list[KnownPerson]] = {}
    for (member, contact_id), (count, last) in merged.items():
        by_member.setdefault(member, []).append(KnownPerson(contact_id, names.get(contact_id, ""), last, count))
    day = today or when.today()
    found = []
    for member, people in by_member.items():
        people.sort(key=lambda p: (-p.last_contact.timestamp(), -p.interactions, p.name, p.contact_id))
        last = people[0].last_contact
        silent = (day - when.plain_date(last.in_timezone(when.local_zone()))).days
        found.append(MemberHistory(
            member=member, people=len(people), interactions=sum(p.interactions for p in people),
            last_contact=last, warmth=upkeep.warmth_after(silent), closest=tuple(people[:CLOSEST_SHOWN]),
        ))
    found.sort(key=lambda h: (-h.last_contact.timestamp(), -h.people, -h.interactions, h.member))
    return found


def _history_query(contact_ids: list[int]):
    """(member, contact, interactions, last contact) for these contacts. Read from their
    participations (the contact_id index), grouped by contact first: grouped by member first,
    SQLite walked every interaction in the logged_by index's order, testing each against the
    list -- 2.5 s instead of 0.08 s for a city of 1,400 people among 5,000 (at 20,000 people, a
    city of 5,500: 0.3 s in all)."""
    return (
        InteractionParticipant.select(Interaction.logged_by, InteractionParticipant.contact,
                                      fn.COUNT(Interaction.id), fn.MAX(Interaction.occurred_at))
        .join(Interaction, on=(InteractionParticipant.interaction == Interaction.id))
        .where(InteractionParticipant.contact.in_(contact_ids),
               Interaction.counts_as_contact == True)  # noqa: E712 -- peewee's comparison
        .group_by(InteractionParticipant.contact, Interaction.logged_by)
        .tuples()
    )


def _unrecorded_belongs_to() -> str | None:
    """Whose the entries not recorded ('') are: on a file where at most one member has logged
    anything, that member's (mine when nobody has); None on a team's, where nobody knows."""
    # Two seeks in the logged_by index (a GROUP BY would read every entry of a one-person file).
    first = (Interaction.select(Interaction.logged_by).where(Interaction.logged_by > "")
             .order_by(Interaction.logged_by).limit(1).scalar())
    if first is None:
        return current_user()
    other = Interaction.select(Interaction.id).where(Interaction.logged_by > first).limit(1).exists()
    return None if other else first


def _names(contact_ids) -> dict[int, str]:
    ids = list(contact_ids)
    found = {}
    for start in range(0, len(ids), _CHUNK):
        for row in (Contact.select(Contact.id, Contact.first_name, Contact.last_name)
                    .where(Contact.id.in_(ids[start:start + _CHUNK]))):
            found[row.id] = full_name(row.first_name, row.last_name)
    return found
