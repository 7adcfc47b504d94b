"""Full-text search over contacts: the FTS5 index and the queries against it.

The index holds folded text (netui.text.fold), so "caffe" finds "Caffè" and "odegaard"
finds "Ødegaard". Every domain write that changes what a contact's text is calls
`reindex_contacts`; purge calls `drop_contacts`.

On PostgreSQL (a team's network) the same rows of folded text become a tsvector per column
(the words only: the text is not kept) and a GIN index (netui.store.migrations.postgres); the
FTS5 query a user's text becomes is read
into a condition on those, and ranked by the same bm25 (see "on PostgreSQL" below): the same
words, matches and order as in a file.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from peewee import SQL, OperationalError, fn

from netui.store import bulk
from netui.store.models import Contact, ContactSearch, database, on_postgres
from netui.text import LazyPattern, fold, fold_key

# Column filters a user may type ("city:milano"); the rest of the grammar (quotes, OR, NOT,
# -exclusion, parentheses) is peewee's web-search parser.
SEARCH_COLUMNS = ("name", "company", "role", "city", "tags", "notes", "facts", "interactions")
# A match in the name counts most, one in an old interaction's notes least.
COLUMN_WEIGHTS = (10.0, 4.0, 3.0, 3.0, 3.0, 1.0, 1.0, 0.5)
# The columns that say who someone is (their name, job, city, tags), not what was written
# about them: naming a person looks here before it looks at notes and timelines.
IDENTITY_COLUMNS = ("name", "company", "role", "city", "tags")
_QUOTED = LazyPattern(r'("[^"]*"?)')
_BARE_WORD = LazyPattern(r'(?<![^\s(])(-?)([^\s"()*-][^\s"()*]*)(?=[\s()]|$)')
_OPERATORS = {"AND", "OR", "NOT"}
_CONTROL_CHARACTERS = LazyPattern(r"[\x00-\x1f\x7f]")
# Nobody types more into a search box; longer text is a paste, searched by its start.
MAX_QUERY_CHARACTERS = 500
MAX_PLAIN_WORDS = 32
# A search word this short is the start of a name: "g" lists the people whose name begins
# with g (netui.contacts.find_contacts), it does not rank every word beginning with g.
SHORT_PREFIX_LETTERS = 2


# Text made of these characters is its own fold (netui.text.fold): printable ASCII, tabs and line
# breaks. A GLOB finding a character outside them in SQLite's C (`[^...]`: any other) decides
# whether fold() is called at all: most of a network's text is plain ASCII, and a call into
# Python for each of a contact's eight values was 40% of indexing them (0.2 s of CPU for a
# 30,000-row LinkedIn import).
_NOT_OWN_FOLD = "'*[^\t\n\r -~]*'"


def _folded(text: str) -> str:
    """SQL for fold(text), calling into Python only for text that is not its own fold."""
    return f"CASE WHEN {text} GLOB {_NOT_OWN_FOLD} THEN fold({text}) ELSE {text} END"


# One row of the index per living contact, built in SQL (fold() is registered on the
# connection by netui.store.db): a whole network is indexed in one statement. The lines of tags,
# facts and interactions are folded one by one (joined by spaces and line breaks, that is their
# text folded whole: fold works character by character, and a combining accent never crosses
# a space or a line break).
_INDEX_ROWS = f"""
INSERT INTO contact_search (rowid, name, company, role, city, tags, notes, facts, interactions)
SELECT c.id,
       {_folded("c.first_name || ' ' || c.last_name")},
       {_folded("c.company")},
       {_folded("c.role")},
       {_folded("c.city || ' ' || c.country")},
       coalesce((SELECT group_concat(name, ' ') FROM (
            SELECT {_folded("t.name")} AS name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE ct.contact_id = c.id ORDER BY t.name)), ''),
       {_folded("c.how_met || char(10) || c.notes")},
       coalesce((SELECT group_concat(line, char(10)) FROM (
            SELECT {_folded("f.label || ' ' || f.value")} AS line FROM fact f
            WHERE f.contact_id = c.id ORDER BY f.id)), ''),
       coalesce((SELECT group_concat(line, char(10)) FROM (
            SELECT {_folded("i.summary || ' ' || i.notes")} AS line FROM interaction_participant p
            JOIN interaction i ON i.id = p.interaction_id
            WHERE p.contact_id = c.id ORDER BY i.id)), '')
FROM contact c
WHERE c.trashed_at IS NULL
"""


# The same rows on PostgreSQL (fold() is a function of the schema there:
# netui.store.migrations.postgres); `= ANY(%s)` takes a list of ids.
_POSTGRES_INDEX_ROWS = """
INSERT INTO contact_search (rowid, name, company, role, city, tags, notes, facts, interactions)
SELECT c.id,
       fold(c.first_name || ' ' || c.last_name),
       fold(c.company),
       fold(c.role),
       fold(c.city || ' ' || c.country),
       fold(coalesce((SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM contact_tag ct
            JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')),
       fold(c.how_met || chr(10) || c.notes),
       fold(coalesce((SELECT string_agg(f.label || ' ' || f.value, chr(10) ORDER BY f.id) FROM fact f
            WHERE f.contact_id = c.id), '')),
       fold(coalesce((SELECT string_agg(i.summary || ' ' || i.notes, chr(10) ORDER BY i.id)
            FROM interaction_participant p JOIN interaction i ON i.id = p.interaction_id
            WHERE p.contact_id = c.id), ''))
FROM contact c
WHERE c.trashed_at IS NULL
"""


_deferral = threading.local()


@contextmanager
def reindex_once():
    """Inside this block, reindexing is collected and done once at the end (bulk writes such
    as an import touch each contact several times). Use it inside the block's transaction."""
    if getattr(_deferral, "pending", None) is not None:  # already collecting
        yield
        return
    _deferral.pending = set()
    try:
        yield
        pending = _deferral.pending
    finally:
        _deferral.pending = None
    reindex_contacts(pending)


# On PostgreSQL, reindexing this many contacts at once (an import) gathers statistics first.
_ANALYZE_BEFORE_REINDEXING = 1000


def reindex_contacts(contact_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these contacts from the tables (trashed ones are dropped)."""
    pending = getattr(_deferral, "pending", None)
    if pending is not None:
        pending.update(contact_ids)
        return
    ids = sorted(set(contact_ids))
    if not ids:
        return
    if on_postgres():
        with database.atomic():
            if len(ids) >= _ANALYZE_BEFORE_REINDEXING:
                # Rows an import just wrote are unknown to the planner until autovacuum comes
                # by: the index rows' joins planned for empty tables took 3.4 s for 5,000 people.
                database.execute_sql("ANALYZE contact, contact_tag, tag, fact, interaction_participant, interaction")
            database.execute_sql("DELETE FROM contact_search WHERE rowid = ANY(%s)", (ids,))
            database.execute_sql(f"{_POSTGRES_INDEX_ROWS} AND c.id = ANY(%s)", (ids,))
        return
    with database.atomic():
        for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))  # plain SQL: no query objects for 100,000 ids
            database.execute_sql(f"DELETE FROM contact_search WHERE rowid IN ({marks})", chunk)
            database.execute_sql(f"{_INDEX_ROWS} AND c.id IN ({marks})", chunk)


def write_rows(rows: Sequence[tuple], progress=None) -> None:
    """Write index rows a bulk load built itself (inside its transaction, for contacts not in
    the index yet): each row the contact id, then the text of each of SEARCH_COLUMNS, in that
    order, folded (netui.text.fold) -- exactly what `rebuild_index` would write from the tables.
    `progress(rows_written)` is called after each batch."""
    columns = [ContactSearch.rowid, *(getattr(ContactSearch, name) for name in SEARCH_COLUMNS)]
    bulk.insert_rows(ContactSearch, columns, rows, progress)


def drop_contacts(contact_ids: Iterable[int]) -> None:
    ids = list(contact_ids)
    pending = getattr(_deferral, "pending", None)
    if pending is not None:
        pending.difference_update(ids)
    ContactSearch.delete().where(ContactSearch.rowid.in_(ids)).execute()


def erase_deleted() -> None:
    """Rewrite the index as one segment holding only living rows. FTS5 deletes lazily: a
    deleted row's words (and those of its earlier versions) stay in older index segments
    until they are merged; after a purge none of them may remain in the file.

    On PostgreSQL the purged people's rows are deleted already (drop_contacts); this deletes
    any row left of someone no longer in the contact table too. What SQL cannot reach: PostgreSQL
    deletes by marking, so the dead row versions (their tsvectors: the words) and their GIN index
    entries stay in the pages until VACUUM (autovacuum, soon after; not possible inside the
    purge's transaction) frees them, and their bytes until the space is written over -- as they
    stay in the server's write-ahead log and its backups."""
    if on_postgres():
        database.execute_sql("DELETE FROM contact_search AS s WHERE NOT EXISTS "
                             "(SELECT 1 FROM contact AS c WHERE c.id = s.rowid)")
        return
    database.execute_sql("INSERT INTO contact_search(contact_search) VALUES('optimize')")


def rebuild_index() -> int:
    """Rebuild the whole index from the tables; returns how many contacts it holds."""
    with database.atomic():
        ContactSearch.delete().execute()
        database.execute_sql(_POSTGRES_INDEX_ROWS if on_postgres() else _INDEX_ROWS)
    return index_size()


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


def search_ids(text: str, limit: int = 50, offset: int = 0, columns: Sequence[str] | None = None,
               where=None) -> list[int]:
    """Ids of the non-trashed contacts matching `text`, best match first. Never raises on
    what a user types: text FTS5 cannot parse (deep nesting, long NOT chains) is searched
    as plain words instead.

    `columns` (names from SEARCH_COLUMNS) restricts every word to those columns: ("name",)
    finds people by their name only, whatever their notes say. A column filter the user
    typed ("notes:giulia") then matches only where both agree. `where`: a condition on
    Contact every match must meet too (the search box's filters).

    Ranking costs about a microsecond per match: a prefix matching most of the network
    takes tens of milliseconds at 100,000 people (see `match_ids`). On PostgreSQL some 4-10
    microseconds (each match's row read, its eight tsvectors tested, ts_rank_cd for each column
    holding the words): 15-60 ms for the 3,000-4,500 matches of "giu" or "giulia", 150-450 ms
    for the 35,000-42,000 of "mil" ... "milano", at 100,000 people."""
    if on_postgres():
        return _run(text, columns, lambda query: _postgres_ranked_ids(query, limit, offset, where))
    return _run(text, columns, lambda query: _matching_ids(query, limit, offset, where))


def match_ids(text: str, columns: Sequence[str] | None = None, where=None) -> list[int]:
    """The same matches as `search_ids`, all of them, unranked (in id order): a few times
    cheaper than ranking them, and cheaper still when `columns` leaves out the notes, facts and
    interactions, where most of the words are."""
    def unranked(query: str) -> list[int]:
        if on_postgres():
            with index_plans():
                return ids_of(_postgres_matches(query, ContactSearch.rowid, where).order_by(ContactSearch.rowid))
        # One text of ids, split in Python: twice as fast as a row per id for 30,000 of them.
        rows = ContactSearch.select(fn.group_concat(ContactSearch.rowid)).where(ContactSearch.match(query))
        if where is not None:  # the filters read the contact's row: join it only then
            rows = rows.join(Contact, on=(Contact.id == ContactSearch.rowid)).where(where)
        found = ids_of(rows)[0]
        return list(map(int, found.split(","))) if found else []
    return _run(text, columns, unranked)


def ids_of(query) -> list[int]:
    """The first column of a query's rows, read straight from the cursor: peewee's own row
    handling costs several microseconds a row, more than SQLite's work for an id."""
    return [row[0] for row in database.execute(query).fetchall()]


def count_matches(text: str, where=None) -> int:
    """How many contacts `search_ids` would find, without ranking them."""
    def count(query: str) -> list[int]:
        if on_postgres():
            with index_plans():
                return ids_of(_postgres_matches(query, fn.COUNT(ContactSearch.rowid), where))
        rows = ContactSearch.select(fn.COUNT(ContactSearch.rowid)).where(ContactSearch.match(query))
        if where is not None:
            rows = rows.join(Contact, on=(Contact.id == ContactSearch.rowid)).where(where)
        return ids_of(rows)
    found = _run(text, None, count)
    return found[0] if found else 0


def _run(text: str, columns: Sequence[str] | None, execute) -> list[int]:
    text = _CONTROL_CHARACTERS.sub(" ", text)[:MAX_QUERY_CHARACTERS]
    try:
        query = fts_query(text)
        return execute(_within(query, columns)) if query else []
    except (OperationalError, RecursionError, _TooComplex):
        words = re.findall(r"\w+", fold(text))[:MAX_PLAIN_WORDS]
        query = " AND ".join(f'"{w}"*' for w in words)
        return execute(_within(query, columns)) if words else []


def short_prefix(text: str) -> str | None:
    """The start of a name when `text` is one word of at most SHORT_PREFIX_LETTERS letters or
    digits ("g", "gi"), folded and lower-case as Contact.sort_name is; else None."""
    word = fold_key(text)
    return word if re.fullmatch(rf"\w{{1,{SHORT_PREFIX_LETTERS}}}", word) else None


def _within(query: str, columns: Sequence[str] | None) -> str:
    """FTS5's column filter around a whole query: `{name company} : (...)`."""
    return f"{{{' '.join(columns)}}} : ({query})" if columns else query


def _matching_ids(query: str, limit: int, offset: int, where=None) -> list[int]:
    rows = (
        ContactSearch.select(ContactSearch.rowid)
        .join(Contact, on=(Contact.id == ContactSearch.rowid))
        .where(ContactSearch.match(query), Contact.trashed_at.is_null(), *(() if where is None else (where,)))
        .order_by(ContactSearch.bm25(*COLUMN_WEIGHTS), Contact.sort_name, Contact.id)
        .limit(limit)
        .offset(offset)
    )
    return ids_of(rows)


# --- on PostgreSQL ---------------------------------------------------------------------------
#
# The same FTS5 query (fts_query, _within) is read into a condition on contact_search's
# tsvectors, one per column (netui.store.migrations.postgres): a phrase is a tsquery of its
# words (`'giulia' <-> 'ros':*`), matched against each column it may be found in; AND, OR,
# NOT and parentheses become SQL's. The words are the same as FTS5's (search_words, in the
# database, for the index and the query alike), and so are the matches.


class _TooComplex(ValueError):
    """A query nested too deeply to hand to the server (or not as fts_query writes them): it
    is searched as plain words, as when FTS5's parser overflows. Caught before any statement
    runs: on PostgreSQL a failed statement would abort the caller's transaction."""


class _Phrase(NamedTuple):
    text: str  # folded, as typed (the database splits it into words)
    prefix: bool  # the last word is a prefix
    columns: tuple[str, ...]  # where it may be found


class _Part(NamedTuple):
    """A piece of a query read: its condition on a row, the condition's parameters, and the
    phrases in it (their numbers in _PostgresQuery.phrases)."""

    sql: str
    parameters: list
    phrases: tuple[int, ...]


_FTS5_TOKEN = LazyPattern(r'\s*(?:"(?P<phrase>[^"]*)"(?P<star>\*?)|\{(?P<columns>[^}]*)\}|(?P<punctuation>[():])'
                         r'|(?P<word>[^\s"(){}:]+))')
_MAX_DEPTH = 32
_NEVER = _Part("FALSE", [], ())


class _PostgresQuery:
    """An FTS5 query, as fts_query and _within write it, read into a condition on the index's
    tsvectors (`condition`, `parameters`) and the phrases bm25 ranks by (`phrases`).

    FTS5's precedence: NOT binds tighter than AND, AND than OR; `column : x` and
    `{a b} : (x)` narrow the columns of every phrase in x (nested ones to those in both).

    `guards[i]`: what else a row must meet for phrase i's instances to count in its bm25, as in
    FTS5, which counts the instances of the phrases its iterators stand on at the row (fts5_expr.c,
    sqlite3Fts5ExprPoslist): under an OR, only the branches that match the row (in "giu OR (giu
    giulia)" a row without giulia counts giu once, not twice); to the right of a NOT, none."""

    def __init__(self, query: str) -> None:
        self.tokens = []
        for match in _FTS5_TOKEN.finditer(query):
            if match.group("phrase") is not None:
                self.tokens.append(("phrase", match.group("phrase"), bool(match.group("star"))))
            elif match.group("columns") is not None:
                self.tokens.append(("columns", tuple(match.group("columns").replace('"', " ").split()), False))
            elif match.group("punctuation"):
                self.tokens.append((match.group("punctuation"), None, False))
            elif match.group("word") in _OPERATORS:
                self.tokens.append((match.group("word"), None, False))
            else:
                self.tokens.append(("phrase", match.group("word"), False))
        self.position = 0
        self.phrases: list[_Phrase] = []
        self.found: list[_Part] = []  # each phrase's own condition
        self.guards: list[list[_Part]] = []
        whole = self._any(SEARCH_COLUMNS, 0)
        if self.position != len(self.tokens):
            raise _TooComplex(query)  # not what fts_query writes
        # Each phrase's tsquery, worked out once by the server, goes into the statements as a
        # value: written as search_query(...) at each of its uses, the planner worked it out
        # there each time (25 times for one word: 5-25 ms of every keystroke).
        self.words = _tsqueries({_Words(p.text, p.prefix) for p in self.phrases if _phrase_found(p)[1]})
        self.condition, self.parameters = whole.sql, self._values(whole.parameters)
        self.found = [part._replace(parameters=self._values(part.parameters)) for part in self.found]
        self.guards = [[part._replace(parameters=self._values(part.parameters)) for part in parts]
                       for parts in self.guards]

    def _values(self, parameters: list) -> list:
        return [self.words[value] if isinstance(value, _Words) else value for value in parameters]

    def _peek(self, kind: str) -> bool:
        return self.position < len(self.tokens) and self.tokens[self.position][0] == kind

    def _any(self, columns, depth: int) -> _Part:
        if depth > _MAX_DEPTH:
            raise _TooComplex("nested too deeply")
        parts = [self._all(columns, depth)]
        while self._peek("OR"):
            self.position += 1
            parts.append(self._all(columns, depth))
        if len(parts) == 1:
            return parts[0]
        for part in parts:  # a branch's phrases count where the branch matches
            for number in part.phrases:
                if part != self.found[number]:  # a phrase alone counts where it is found anyway
                    self.guards[number].append(part)
        return _joined(parts, " OR ")

    def _all(self, columns, depth: int) -> _Part:
        parts = [self._but_not(columns, depth)]
        while self._peek("AND") or self._peek("phrase") or self._peek("(") or self._peek("columns"):
            if self._peek("AND"):
                self.position += 1
            parts.append(self._but_not(columns, depth))
        return parts[0] if len(parts) == 1 else _joined(parts, " AND ")

    def _but_not(self, columns, depth: int) -> _Part:
        parts = [self._single(columns, depth)]
        while self._peek("NOT"):
            self.position += 1
            excluded = self._single(columns, depth)
            for number in excluded.phrases:  # never counted: a matching row is not where they match
                self.guards[number].append(_NEVER)
            parts.append(excluded._replace(sql="NOT " + excluded.sql))
        return parts[0] if len(parts) == 1 else _joined(parts, " AND ")

    def _single(self, columns, depth: int) -> _Part:
        if self.position >= len(self.tokens):
            raise _TooComplex("ends early")
        kind, value, star = self.tokens[self.position]
        self.position += 1
        if kind == "phrase" and self._peek(":"):  # "city": milano
            kind, value = "columns", (value,)
        if kind == "columns":
            if not self._peek(":"):
                raise _TooComplex("a column set without its colon")
            self.position += 1
            return self._single(tuple(c for c in columns if c in value), depth + 1)
        if kind == "(":
            condition = self._any(columns, depth + 1)
            if not self._peek(")"):
                raise _TooComplex("unbalanced parentheses")
            self.position += 1
            return condition
        if kind != "phrase":
            raise _TooComplex(f"{kind} where a phrase belongs")
        phrase = _Phrase(value, star, columns)
        found = _Part(*_phrase_found(phrase), (len(self.phrases),))
        self.phrases.append(phrase)
        self.found.append(found)
        self.guards.append([])
        return found


def _joined(parts: Sequence[_Part], operator: str) -> _Part:
    return _Part("(" + operator.join(p.sql for p in parts) + ")", [v for p in parts for v in p.parameters],
                 tuple(n for p in parts for n in p.phrases))


class _Words(NamedTuple):
    """Where a phrase's tsquery goes among a statement's parameters, until the server has made
    it (search_query in netui.store.migrations.postgres: the same words as the index's)."""

    text: str
    prefix: bool


def _tsqueries(phrases: set[_Words]) -> dict[_Words, str]:
    """Each phrase's tsquery, as text, made by the server in one statement."""
    if not phrases:
        return {}
    ordered = sorted(phrases)
    made = database.execute_sql(
        "SELECT search_query(t, p)::text FROM unnest(%s::text[], %s::boolean[]) WITH ORDINALITY AS u(t, p, n) "
        "ORDER BY n", ([w.text for w in ordered], [w.prefix for w in ordered])).fetchall()
    return {words: row[0] for words, row in zip(ordered, made)}


def _phrase_found(phrase: _Phrase, table: str = "") -> tuple[str, list]:
    """The condition a row holds `phrase` in one of its columns, and its parameters."""
    if not phrase.columns or not re.search(r"[^\W_]", phrase.text):  # no words: FTS5 finds nobody
        return "FALSE", []
    tests = [f'{table}"{column}_words" @@ %s::tsquery' for column in phrase.columns]
    return "(" + " OR ".join(tests) + ")", [_Words(phrase.text, phrase.prefix)] * len(phrase.columns)


def _postgres_matches(query: str, selected, where=None):
    """contact_search's rows matching the FTS5 query, `selected` of each."""
    parsed = _PostgresQuery(query)
    rows = ContactSearch.select(selected).where(SQL(parsed.condition, parsed.parameters))
    if where is not None:
        rows = rows.join(Contact, on=(Contact.id == ContactSearch.rowid)).where(where)
    return rows


_WEIGHTS = dict(zip(SEARCH_COLUMNS, COLUMN_WEIGHTS))
# ts_rank_cd of a one-phrase query, every weight 1 and no normalisation, is the number of times
# the phrase occurs in the tsvector: FTS5's instances, which bm25 counts.
_INSTANCES = "ts_rank_cd('{1,1,1,1}', \"%s_words\", %%s::tsquery)"


def _postgres_ranked_ids(query: str, limit: int, offset: int, where=None) -> list[int]:
    """Ranked as SQLite ranks (`_matching_ids`), by FTS5's bm25 (fts5_aux.c, fts5Bm25Function)
    from the same numbers, with the same operations in the same order: each phrase's instances
    in the row weighted by COLUMN_WEIGHTS (counted where FTS5 counts them: _PostgresQuery's
    guards), how many rows hold it (its idf), the row's words and the average row's; so the
    same network gives the same order, ties by sort_name, then id.

    One statement, set-based: the matching rows are read once, through the GIN index; the
    network's numbers of rows and words come from contact_search_totals (kept by triggers); a
    phrase's rows are those matches when it is the whole query, else counted through the index;
    only the rows scoring at least the page's last are joined to their contact for the
    tie-break. Differences: a tsvector keeps 256 positions of a word and none past the
    16,383rd, so a word repeated more often in a column, or a phrase deep in a long timeline,
    counts less than in FTS5; ln() is the server's C library's log(), FTS5's the client's."""
    parsed = _PostgresQuery(query)
    ranked = [number for number, found in enumerate(parsed.found)
              if found.sql != "FALSE" and _NEVER not in parsed.guards[number]]
    if not ranked:  # a row matches through a phrase outside every NOT: there is none
        return []
    frequencies = []
    for number in ranked:
        phrase = parsed.phrases[number]
        terms = [f'CASE WHEN "{column}_words" @@ %s::tsquery '
                 f"THEN {_WEIGHTS[column]}::float8 * {_INSTANCES % column} ELSE 0::float8 END"
                 for column in phrase.columns]
        frequency, parameters = " + ".join(terms), []
        guards = parsed.guards[number]
        if guards:
            frequency = f"CASE WHEN {' AND '.join(g.sql for g in guards)} THEN {frequency} ELSE 0::float8 END"
            parameters += [v for g in guards for v in g.parameters]
        parameters += [parsed.words[_Words(phrase.text, phrase.prefix)]] * 2 * len(phrase.columns)
        frequencies.append(SQL(f"({frequency}) AS f{number}", parameters))
    # A phrase's rows (its idf), the same phrase in the same columns counted once.
    held, held_parameters, counted = [], [], {}
    for number in ranked:
        phrase = parsed.phrases[number]
        if phrase in counted:
            continue
        counted[phrase] = f"h{number}"
        if where is None and parsed.found[number].sql == parsed.condition:  # the phrase is the query
            held.append(f"(SELECT count(*) FROM matched) AS h{number}")
        else:
            held.append(f"(SELECT count(*) FROM contact_search WHERE {parsed.found[number].sql}) AS h{number}")
            held_parameters += parsed.found[number].parameters
    # FTS5: idf = log((N - n + 0.5) / (n + 0.5)), 1e-6 where that is not positive; each
    # phrase's share idf * (f * (k1 + 1)) / (f + k1 * (1 - b + b * D / avgdl)), summed in order.
    ratios = {n: f"((n - {counted[parsed.phrases[n]]} + 0.5::float8) / ({counted[parsed.phrases[n]]} + 0.5::float8))"
              for n in ranked}
    idfs = ", ".join(f"CASE WHEN {ratios[n]} > 1 THEN ln({ratios[n]}) ELSE 1e-6::float8 END AS idf{n}" for n in ranked)
    score = " + ".join(f"idf{n} * ((f{n} * 2.2::float8) / (f{n} + 1.2::float8 * "
                       f"(0.25::float8 + 0.75::float8 * word_count / average)))" for n in ranked)
    living = where is not None
    matches = ContactSearch.select(ContactSearch.rowid, SQL('"word_count"'), *frequencies)
    if living:  # the filters read the contact's row: every match is joined to it
        matches = matches.join(Contact, on=(Contact.id == ContactSearch.rowid)).where(
            where, Contact.trashed_at.is_null()).select_extend(Contact.sort_name.alias("sort_name"))
    matches = matches.where(SQL(parsed.condition, parsed.parameters))
    matched_sql, matched_parameters = matches.sql()
    wanted = offset + limit
    statement = f"""
        WITH matched AS MATERIALIZED ({matched_sql}),
        totals AS MATERIALIZED (SELECT sum("rows")::float8 AS n, sum("words")::float8 AS words FROM contact_search_totals),
        held AS MATERIALIZED (SELECT {", ".join(held)}),
        idf AS MATERIALIZED (SELECT {idfs}, words / n AS average FROM totals, held WHERE words > 0),
        scored AS (SELECT rowid, -({score}) AS score{", sort_name" if living else ""} FROM matched, idf)
        """
    if living:
        statement += "SELECT rowid FROM scored ORDER BY score, sort_name, rowid LIMIT %s OFFSET %s"
    else:
        # The page's rows and those tied with its last, then their contacts for the tie-break.
        statement += """, top AS (SELECT rowid, score FROM scored ORDER BY score FETCH FIRST %s ROWS WITH TIES)
        SELECT top.rowid FROM top JOIN contact AS c ON c.id = top.rowid WHERE c.trashed_at IS NULL
        ORDER BY top.score, c.sort_name, c.id LIMIT %s OFFSET %s"""
    values = [*matched_parameters, *held_parameters, *([limit, offset] if living else [wanted, limit, offset])]
    with index_plans():
        return [row[0] for row in database.execute_sql(statement, values).fetchall()]


@contextmanager
def index_plans():
    """On PostgreSQL, the statements inside are planned to read contact_search through its GIN
    index (bitmap scans only: no sequential scan, no plain index scan). The planner's guess for
    a prefix in eight tsvectors is thousands of rows too many (2,000 a column, whatever the
    prefix): it chose to read and test every row of the table, in parallel, 150-300 ms at
    100,000 people, or (sequential scans off) every row down the primary key, where the GIN
    index finds the 800 holding "rossi" in a millisecond. And no JIT compiling (the estimate
    crosses its threshold; compiling took longer than the query). And each run planned for its
    own words (a custom plan): psycopg prepares a statement run five times -- every one-word
    search is the same statement -- and the server then chose a generic plan, planned for no
    words in particular, where each tsquery was worked out for every row instead of once
    (search_query, 16 times a row: 10-14 s for "mil" at 100,000 people instead of 0.3-0.7 s).
    Elsewhere: nothing."""
    if not on_postgres():
        yield
        return
    nested = database.in_transaction()
    with database.atomic():
        database.execute_sql("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off; "
                             "SET LOCAL plan_cache_mode = force_custom_plan")
        yield
        if nested:  # back as they were for the rest of the caller's transaction
            database.execute_sql("SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT; "
                                 "SET LOCAL jit TO DEFAULT; SET LOCAL plan_cache_mode TO DEFAULT")


def _prefix_word(match: re.Match) -> str:
    sign, word = match.group(1), match.group(2)
    if word in _OPERATORS or not re.search(r"\w", word):
        return match.group(0)
    return f"{sign}{word}*"


def index_size() -> int:
    return ContactSearch.select(fn.COUNT(ContactSearch.rowid)).scalar() or 0


# A set this small is put in order by one query naming its ids; a bigger one by walking an
# index in order and keeping the ids in the set (a page needs few rows: the set is dense).
_NAMED_IDS = 500
_FIRST_STEP = 256
_LAST_STEP = 16384


class Tier(NamedTuple):
    """Part of an OrderedIds: the contacts in `ids`, or (ids None) the first `size` living
    contacts meeting `condition`; with ids, every one of them meets `condition` too (None: no
    condition), so that the walk over them starts at the first (a name range)."""

    ids: set | None
    condition: object = None
    size: int | None = None


class OrderedIds(Sequence):
    """The ids of some contacts in an order, worked out only as far as someone asks.

    `tiers`: disjoint Tiers, each shown whole before the next. `ordered`: a query of Contact
    ids in the order wanted, over every contact (the tiers say who is in). Thread-safe:
    workers fetch pages."""

    def __init__(self, tiers: Sequence[Tier], ordered) -> None:
        self._tiers = [t._replace(size=len(t.ids) if t.size is None else t.size) for t in tiers]
        self._tiers = [t for t in self._tiers if t.size]
        self._ordered = ordered
        self._size = sum(t.size for t in self._tiers)
        self._found: list[int] = []
        self._tier = 0
        self._offset = 0  # rows of the current tier's walk read so far
        self._in_tier = 0  # ids of the current tier found so far
        self._step = _FIRST_STEP
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index):
        if isinstance(index, slice):
            stop = index.stop if index.stop is not None and index.stop >= 0 else self._size
            self._fill(min(stop, self._size))
            return tuple(self._found[index])
        self._fill(index + 1 if index >= 0 else self._size)
        return self._found[index]

    def __iter__(self):
        self._fill(self._size)
        return iter(tuple(self._found))

    def _fill(self, wanted: int) -> None:
        with self._lock:
            while len(self._found) < wanted and self._tier < len(self._tiers):
                self._read_more()

    def _read_more(self) -> None:
        ids, condition, size = self._tiers[self._tier]
        query = self._ordered if condition is None else self._ordered.where(condition)
        if ids is not None and size <= _NAMED_IDS:
            self._found += ids_of(query.where(Contact.id.in_(list(ids))))
            self._next_tier()
            return
        if ids is None:
            query = query.where(Contact.trashed_at.is_null())
        step = min(self._step, size - self._in_tier) if ids is None else self._step
        rows = ids_of(query.limit(step).offset(self._offset))
        kept = rows if ids is None else [i for i in rows if i in ids]
        self._found += kept
        self._offset += len(rows)
        self._in_tier += len(kept)
        self._step = min(self._step * 2, _LAST_STEP)
        if len(rows) < step or self._in_tier >= size:  # the walk's end, or all of them found
            self._next_tier()

    def _next_tier(self) -> None:
        self._tier += 1
        self._offset, self._step, self._in_tier = 0, _FIRST_STEP, 0
