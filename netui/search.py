"""Full-text search over contacts: the FTS5 index and the queries against it.

The index holds folded text (netui.text.fold), so "caffe" finds "Caffè" and "odegaard"
finds "Ødegaard". Every domain write that changes what a contact's text is calls
`reindex_contacts`; purge calls `drop_contacts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peewee import JOIN, OperationalError, fn

from netui.models import (
    Contact,
    ContactSearch,
    ContactTag,
    Fact,
    Interaction,
    InteractionParticipant,
    Tag,
    database,
)
from netui.text import fold

# Column filters a user may type ("city:milano"); the rest of the grammar (quotes, OR, NOT,
# -exclusion, parentheses) is peewee's web-search parser.
SEARCH_COLUMNS = ("name", "company", "role", "city", "tags", "notes", "facts", "interactions")
_QUOTED = re.compile(r'("[^"]*"?)')
_BARE_WORD = re.compile(r'(?<![^\s(])(-?)([^\s"()*-][^\s"()*]*)(?=[\s()]|$)')
_OPERATORS = {"AND", "OR", "NOT"}
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Nobody types more into a search box; longer text is a paste, searched by its start.
MAX_QUERY_CHARACTERS = 500
MAX_PLAIN_WORDS = 32


def reindex_contacts(contact_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these contacts from the tables (trashed ones are dropped)."""
    ids = sorted(set(contact_ids))
    if not ids:
        return
    with database.atomic():
        ContactSearch.delete().where(ContactSearch.rowid.in_(ids)).execute()
        rows = []
        for contact in Contact.select().where(Contact.id.in_(ids), Contact.trashed_at.is_null()):
            rows.append(_index_row(contact))
        if rows:
            ContactSearch.insert_many(rows).execute()


def drop_contacts(contact_ids: Iterable[int]) -> None:
    ids = list(contact_ids)
    ContactSearch.delete().where(ContactSearch.rowid.in_(ids)).execute()


def rebuild_index() -> int:
    """Rebuild the whole index from the tables; returns how many contacts it holds."""
    with database.atomic():
        ContactSearch.delete().execute()
        ids = [c.id for c in Contact.select(Contact.id).where(Contact.trashed_at.is_null())]
        for start in range(0, len(ids), 500):
            reindex_contacts(ids[start : start + 500])
    return len(ids)


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query where every word matches as a prefix.

    Returns None when the text holds nothing to search for.
    """
    folded = fold(text)
    pieces = _QUOTED.split(folded)
    for position in range(0, len(pieces), 2):  # even pieces are outside quotes
        pieces[position] = _BARE_WORD.sub(_prefix_word, pieces[position])
    query = ContactSearch.web_query("".join(pieces))
    return None if query in ("", '""') else query


def search_ids(text: str, limit: int = 50, offset: int = 0) -> list[int]:
    """Ids of the non-trashed contacts matching `text`, best match first. Never raises on
    what a user types: text FTS5 cannot parse (deep nesting, long NOT chains) is searched
    as plain words instead."""
    text = _CONTROL_CHARACTERS.sub(" ", text)[:MAX_QUERY_CHARACTERS]
    try:
        query = fts_query(text)
        return _matching_ids(query, limit, offset) if query else []
    except (OperationalError, RecursionError):
        words = re.findall(r"\w+", fold(text))[:MAX_PLAIN_WORDS]
        return _matching_ids(" AND ".join(f'"{w}"*' for w in words), limit, offset) if words else []


def _matching_ids(query: str, limit: int, offset: int) -> list[int]:
    rows = (
        ContactSearch.select(ContactSearch.rowid)
        .join(Contact, on=(Contact.id == ContactSearch.rowid))
        .where(ContactSearch.match(query), Contact.trashed_at.is_null())
        .order_by(ContactSearch.rank(), Contact.sort_name)
        .limit(limit)
        .offset(offset)
        .tuples()
    )
    return [row[0] for row in rows]


def _prefix_word(match: re.Match) -> str:
    sign, word = match.group(1), match.group(2)
    if word in _OPERATORS or not re.search(r"\w", word):
        return match.group(0)
    return f"{sign}{word}*"


def _index_row(contact: Contact) -> dict:
    tags = (
        Tag.select(Tag.name)
        .join(ContactTag)
        .where(ContactTag.contact == contact.id)
        .tuples()
    )
    facts = Fact.select(Fact.label, Fact.value).where(Fact.contact == contact.id).tuples()
    interactions = (
        Interaction.select(Interaction.summary, Interaction.notes)
        .join(InteractionParticipant, JOIN.INNER)
        .where(InteractionParticipant.contact == contact.id)
        .tuples()
    )
    return {
        ContactSearch.rowid: contact.id,
        ContactSearch.name: fold(f"{contact.first_name} {contact.last_name}"),
        ContactSearch.company: fold(contact.company),
        ContactSearch.role: fold(contact.role),
        ContactSearch.city: fold(f"{contact.city} {contact.country}"),
        ContactSearch.tags: fold(" ".join(name for (name,) in tags)),
        ContactSearch.notes: fold(f"{contact.how_met}\n{contact.notes}"),
        ContactSearch.facts: fold("\n".join(f"{label} {value}" for label, value in facts)),
        ContactSearch.interactions: fold(
            "\n".join(f"{summary} {notes}" for summary, notes in interactions)
        ),
    }


def index_size() -> int:
    return ContactSearch.select(fn.COUNT(ContactSearch.rowid)).scalar() or 0
