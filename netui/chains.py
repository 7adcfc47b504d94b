"""Introduced-by chains: who brought whom into your network ("contacts bring contacts").

Each contact has at most one introducer (Contact.introduced_by). From anyone you can walk up
the chain to the first person (who has no introducer) and down the tree of everyone they
brought in, directly and through others; "top connectors" ranks people by how many they
brought in directly.

The one rule for setting an introducer lives here (`check_introducer`): nobody introduces
themselves and no chain goes round in a circle (A introduced by B introduced by A, or longer).
netui.contacts applies it too. A circle already in a database (older data, a file edited by
hand) never makes a walk hang: the recursive queries use UNION, which drops a row already
found, so each person is visited once.

Trashed people stay in the structure (the chain runs through them, flagged `trashed`), but
top_connectors lists and counts only living people.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from netui import when
from netui.errors import NotFoundError, ValidationError
from netui.i18n import _
from netui.store.models import Contact, database
from netui.text import full_name


@dataclass(frozen=True)
class ChainPerson:
    id: int
    name: str
    company: str = ""
    trashed: bool = False


@dataclass(frozen=True)
class BroughtIn:
    """A person and everyone they brought in (children sorted by name); `downstream` counts
    everyone below them, at any depth."""

    person: ChainPerson
    children: tuple[BroughtIn, ...] = ()
    downstream: int = 0


@dataclass(frozen=True)
class Connector:
    id: int
    name: str
    company: str
    direct: int  # living people they introduced themselves
    downstream: int  # living people they brought in directly or through others


# --- the rule ----------------------------------------------------------------------------


def check_introducer(contact_id: int, introducer_id: int | None) -> None:
    """Raise ValidationError("introduced_by", ...) if `introducer_id` introducing `contact_id`
    would make a circle (themselves, or someone their own chain leads back to)."""
    if introducer_id is None:
        return
    if introducer_id == contact_id:
        raise ValidationError(
            "introduced_by", _("{name} cannot have introduced themselves.", name=_name_of(contact_id)))
    chain = _chain_ids(introducer_id)
    if contact_id not in chain:
        return
    names = _names(chain[: chain.index(contact_id) + 1])
    steps = [names[introducer_id]] + [names[i] for i in chain[1 : chain.index(contact_id) + 1]]
    # "B was introduced by C, who was introduced by A."
    path = _("{a} was introduced by {b}", a=steps[0], b=steps[1])
    for person in steps[2:]:
        path += _(", who was introduced by {name}", name=person)
    raise ValidationError(
        "introduced_by",
        _("{person} cannot have been introduced by {introducer}: that would make a circle ({path}).",
          person=names[contact_id], introducer=names[introducer_id], path=path),
    )


def set_introduced_by(contact_id: int, introducer_id: int | None) -> None:
    """Say who introduced `contact_id` (None: nobody). Refuses circles (see check_introducer)."""
    with database.atomic():
        for person in (contact_id, introducer_id):
            if person is not None and not Contact.select().where(Contact.id == person).exists():
                raise NotFoundError(_("There is no contact #{id}.", id=person))
        check_introducer(contact_id, introducer_id)
        Contact.update(introduced_by=introducer_id, updated_at=when.now()).where(Contact.id == contact_id).execute()


def makes_circle(contact_id: int, introducer_id: int | None) -> bool:
    """True when check_introducer would refuse this introducer."""
    return introducer_id is not None and (introducer_id == contact_id or contact_id in _chain_ids(introducer_id))


# --- walking -----------------------------------------------------------------------------


def chain_up(contact_id: int) -> list[ChainPerson]:
    """The person, who introduced them, who introduced that one... up to the first person
    (who has no introducer). Stops before repeating anyone if the data holds a circle."""
    ids = _chain_ids(contact_id)
    people = _people(ids)
    return [people[i] for i in ids]


def brought_in(contact_id: int) -> BroughtIn:
    """Everyone this person brought into the network, directly and through others, as a tree
    (each level sorted by name). One recursive query, whatever the size of the network."""
    root = _people([contact_id])[contact_id]
    rows = list(_descendants(contact_id).tuples())
    children: dict[int, list[int]] = {}
    people: dict[int, ChainPerson] = {}
    sort_keys: dict[int, str] = {}
    for person_id, parent_id, first, last, company, trashed_at, sort_name in rows:
        if person_id == contact_id:  # a circle in old data leads back to the root: stop there
            continue
        children.setdefault(parent_id, []).append(person_id)
        people[person_id] = ChainPerson(person_id, full_name(first, last), company, trashed_at is not None)
        sort_keys[person_id] = sort_name
    people[contact_id] = root
    # Build bottom-up without recursion (a chain may be thousands deep).
    order, stack = [], [contact_id]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, ()))
    built: dict[int, BroughtIn] = {}
    for node in reversed(order):
        kids = tuple(sorted((built.pop(k) for k in children.get(node, ())),
                            key=lambda b: (sort_keys[b.person.id], b.person.id)))
        built[node] = BroughtIn(people[node], kids, sum(1 + k.downstream for k in kids))
    return built[contact_id]


def downstream_count(contact_id: int) -> int:
    """How many living people this person brought in, directly or through others."""
    query = _descendants(contact_id)
    return sum(1 for row in query.tuples() if row[0] != contact_id and row[5] is None)


def top_connectors(limit: int = 10) -> list[Connector]:
    """Living people ranked by how many living people they introduced directly (then by name),
    with everyone downstream of them counted too."""
    if limit < 1:
        raise ValidationError("limit", _("Ask for at least 1 person."))
    introducer = Contact.alias()
    count = fn.COUNT(Contact.id)
    rows = (
        introducer.select(introducer.id, introducer.first_name, introducer.last_name, introducer.company,
                          count.alias("direct"))
        .join(Contact, on=(Contact.introduced_by == introducer.id))
        .where(Contact.trashed_at.is_null(), introducer.trashed_at.is_null(), Contact.id != introducer.id)
        .group_by(introducer.id)
        .order_by(count.desc(), introducer.sort_name, introducer.id)
        .limit(limit)
        .tuples()
    )
    return [
        Connector(person_id, full_name(first, last), company, direct, downstream_count(person_id))
        for person_id, first, last, company, direct in rows
    ]


# --- internals ---------------------------------------------------------------------------


def _chain_ids(contact_id: int) -> list[int]:
    """[contact, their introducer, ...] up to the first person; each person once."""
    base = Contact.select(Contact.id).where(Contact.id == contact_id).cte("up", recursive=True, columns=("id",))
    above = Contact.alias()
    step = above.select(above.introduced_by).join(base, on=(above.id == base.c.id)).where(
        above.introduced_by.is_null(False))
    cte = base.union(step)  # UNION, not UNION ALL: a circle ends when it comes back round
    links = dict(
        Contact.select(Contact.id, Contact.introduced_by)
        .join(cte, on=(Contact.id == cte.c.id)).with_cte(cte).tuples()
    )
    if contact_id not in links:
        raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    chain, seen, current = [], set(), contact_id
    while current is not None and current in links and current not in seen:
        chain.append(current)
        seen.add(current)
        current = links[current]
    return chain


def _descendants(contact_id: int):
    """(id, introducer id, first name, last name, company, trashed_at, sort_name) of everyone
    below `contact_id` (the root itself too, if old data holds a circle through it)."""
    base = Contact.select(Contact.id).where(Contact.introduced_by == contact_id).cte(
        "down", recursive=True, columns=("id",))
    below = Contact.alias()
    step = below.select(below.id).join(base, on=(below.introduced_by == base.c.id))
    cte = base.union(step)  # UNION: each person once, so a circle cannot loop
    return (
        Contact.select(Contact.id, Contact.introduced_by, Contact.first_name, Contact.last_name,
                       Contact.company, Contact.trashed_at, Contact.sort_name)
        .join(cte, on=(Contact.id == cte.c.id)).with_cte(cte)
    )


def _people(ids: list[int]) -> dict[int, ChainPerson]:
    found = {
        c.id: ChainPerson(c.id, full_name(c.first_name, c.last_name), c.company, c.trashed_at is not None)
        for c in Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.company,
                                Contact.trashed_at).where(Contact.id.in_(ids))
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(_("There is no contact #{id}.", id=missing[0]))
    return found


def _names(ids: list[int]) -> dict[int, str]:
    return {person_id: person.name for person_id, person in _people(ids).items()}


def _name_of(contact_id: int) -> str:
    return _names([contact_id])[contact_id]
