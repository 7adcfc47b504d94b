"""Likely duplicates: pairs of living contacts that may be one person, each with its reason,
and the pairs the user said are not (they are not offered again).

The reasons, strongest first:
- the same e-mail, LinkedIn profile or phone number (the identity keys of netui.rules: an
  e-mail without case, a LinkedIn URL however written, a phone's last 9 digits). A key that
  more than MAX_SHARED_KEY people share names a place, not a person (an office switchboard,
  info@...), and is left out;
- the same name once accents and case are folded ("Nicolò Ødegaard" ~ "Nicolo Odegaard");
- a close spelling: the folded names differ by one letter missing or added, or two neighbouring
  letters swapped ("Giulia Rosi" ~ "Giulia Rossi", "Guilia" ~ "Giulia"). One letter *changed* is
  not enough: "Marco Rossi" and "Mario Rossi", "Paolo" and "Paola", "Rossi" and "Russo" are
  usually different people, and a network of Italian names has many such pairs. Names shorter
  than MIN_CLOSE_LENGTH letters are not compared this way.
The name reasons follow rules.vetoed, as import and capture do: when both have an e-mail (or a
LinkedIn profile) and they share none, they are two people. A close spelling is weaker still:
two people at two different companies ("Luca Gallo" at Pixel, "Lucia Gallo" at Borsa Verde)
are not offered.

Trashed contacts are left out. The work is a few queries and, for close spellings, one
rapidfuzz scan (C code, with a cut-off) per distinct name against the names one letter longer
or as long: no Python loop over pairs, quick on thousands of contacts.

`looks_like` answers the same question for one person about to be added (the contact form,
the capture preview and `netui add` ask it before saving).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import process
from rapidfuzz.distance import OSA, Hamming

from netui import contacts, rules, timeline, when
from netui.errors import ValidationError
from netui.i18n import N_, _
from peewee import fn

from netui.store.models import Channel, Contact, NotDuplicate, database
from netui.text import fold_key, full_name

SAME_EMAIL, SAME_LINKEDIN, SAME_PHONE = (rules.MATCH_REASONS[k] for k in ("email", "linkedin", "phone"))
SAME_NAME = rules.SAME_NAME  # once accents and case are folded
CLOSE_SPELLING = N_("close spelling")
# Strongest first: a pair is shown with the first reason it has.
REASONS = (SAME_EMAIL, SAME_LINKEDIN, SAME_PHONE, SAME_NAME, CLOSE_SPELLING)
# Reasons strong enough that `netui add` refuses to add a twin without --anyway.
STRONG_REASONS = (SAME_EMAIL, SAME_LINKEDIN, SAME_PHONE, SAME_NAME)

MAX_SHARED_KEY = 3  # more people with one e-mail/phone: a switchboard, not a person
MAX_SAME_NAME = 20  # more people with one name: the name tells nobody apart
MIN_CLOSE_LENGTH = 6  # folded "first last" shorter than this is not compared by spelling
_KEY_KINDS = {"email": SAME_EMAIL, "linkedin": SAME_LINKEDIN, "phone": SAME_PHONE}


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    company: str


@dataclass(frozen=True)
class DuplicatePair:
    """Two contacts that may be one person (first.id < second.id) and why (an N_ text: show
    it with _())."""

    first: Person
    second: Person
    reason: str

    @property
    def strong(self) -> bool:
        return self.reason in STRONG_REASONS


@dataclass(frozen=True)
class Likeness:
    """A living contact that a person about to be added looks like, and why."""

    person: Person
    reason: str

    @property
    def strong(self) -> bool:
        return self.reason in STRONG_REASONS

    def text(self) -> str:
        """'#12 Giulia Rossi (same e-mail)'."""
        return _("#{id} {name} ({reason})", id=self.person.id, name=self.person.name, reason=_(self.reason))


def key_of(kind: str, value: str) -> str:
    """What two channels of one person share: rules.phone_key for phones, else rules.identity_key."""
    return rules.phone_key(value) if kind == "phone" else rules.identity_key(kind, value)


# --- the network, read once ------------------------------------------------------------------


class _Network:
    """Every living contact's name, company and identity keys (three queries)."""

    def __init__(self) -> None:
        rows = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.company)
                .where(Contact.trashed_at.is_null()).order_by(Contact.id).tuples())
        self.people: dict[int, Person] = {}
        self.company: dict[int, str] = {}
        self.by_name: dict[str, list[int]] = {}
        for contact_id, first, last, company in rows:
            name = full_name(first, last)
            self.people[contact_id] = Person(contact_id, name, company)
            self.company[contact_id] = fold_key(company)
            folded = _name_key(name)
            if folded:
                self.by_name.setdefault(folded, []).append(contact_id)
        self.by_key: dict[tuple[str, str], list[int]] = {}
        self.telling: dict[int, dict[str, set[str]]] = {}
        channels = (Channel.select(Channel.contact, Channel.kind, Channel.value).join(Contact)
                    .where(Contact.trashed_at.is_null(), Channel.kind.in_(list(_KEY_KINDS))).tuples())
        for contact_id, kind, value in channels:
            key = key_of(kind, value)
            if not key:
                continue
            ids = self.by_key.setdefault((kind, key), [])
            if contact_id not in ids:
                ids.append(contact_id)
            if kind in rules.TELLING_KINDS:
                self.telling.setdefault(contact_id, {}).setdefault(kind, set()).add(key)
        self.not_same = {(a, b) for a, b in NotDuplicate.select(NotDuplicate.first, NotDuplicate.second).tuples()}
        self._by_length: dict[int, list[str]] | None = None

    def vetoed(self, a: int, b: int, reason: str) -> bool:
        """Whether a pair by name is two people: rules.vetoed, or for a close spelling two
        different companies."""
        return (rules.vetoed(self.telling.get(a, {}), self.telling.get(b, {}))
                or (reason == CLOSE_SPELLING and _other_company(self.company[a], self.company[b])))

    def close_names(self, folded: str, longer_only: bool = False) -> list[str]:
        """The folded names one letter missing, added or two neighbours swapped away from
        `folded` (not itself); with longer_only, only those as long (sorting after it) or one
        longer, so that a scan over every name finds each pair once."""
        if len(folded) < MIN_CLOSE_LENGTH:
            return []
        if self._by_length is None:
            self._by_length = {}
            for name in self.by_name:
                self._by_length.setdefault(len(name), []).append(name)
        lengths = (len(folded), len(folded) + 1) if longer_only else (len(folded) - 1, len(folded), len(folded) + 1)
        found = []
        for length in lengths:
            names = self._by_length.get(length, [])
            for other, _distance, _index in process.extract(
                    folded, names, scorer=OSA.distance, score_cutoff=1, limit=None):
                if other == folded or (longer_only and length == len(folded) and other < folded):
                    continue
                # One letter changed (same length, one position differs) is another name.
                if len(other) != len(folded) or Hamming.distance(other, folded) == 2:
                    found.append(other)
        return found


_network_lock = threading.Lock()
# (what the tables were when read, the second the read began (UTC text, as stored), the network)
_network_read: tuple[tuple, str, _Network] | None = None


def _network_now() -> _Network:
    """The network for looks_like, read again only when a contact or a channel may have changed
    since it was last read: the capture preview asks on every keystroke, and reading 100,000
    names takes seconds. Counts and the largest ids tell additions and deletions; the newest
    `updated_at` (whole seconds) tells edits, so a read is trusted only once the newest change
    is older than the second the read began (an edit later in that same second would not move it)."""
    global _network_read
    began = Contact.updated_at.db_value(when.now())
    contacts_now = Contact.select(fn.COUNT(Contact.id), fn.MAX(Contact.id), fn.MAX(Contact.updated_at).coerce(False),
                                  fn.COUNT(Contact.trashed_at)).tuples().get()
    channels_now = Channel.select(fn.COUNT(Channel.id), fn.MAX(Channel.id)).tuples().get()
    stamp = (database.database, contacts_now, channels_now)
    with _network_lock:  # workers ask at once: one of them reads, the others wait for it
        if _network_read is None or _network_read[0] != stamp or (contacts_now[2] or "") >= _network_read[1]:
            _network_read = (stamp, began, _Network())
        return _network_read[2]


def read_network_ahead() -> None:
    """Read the network looks_like compares with now (in a worker, when the capture screen
    opens), so that the first preview does not wait for it."""
    _network_now()


# --- pairs in the network ----------------------------------------------------------------------


def find_duplicates(limit: int | None = None) -> list[DuplicatePair]:
    """The likely duplicate pairs among living contacts, strongest reason first, then by name;
    the pairs the user said are not the same person are left out."""
    network = _Network()
    found: dict[tuple[int, int], str] = {}

    def offer(ids: Iterable[int], reason: str, veto: bool) -> None:
        for a, b in combinations(sorted(set(ids)), 2):
            if (a, b) in found or (a, b) in network.not_same or (veto and network.vetoed(a, b, reason)):
                continue
            found[(a, b)] = reason

    for kind, reason in _KEY_KINDS.items():
        for (key_kind, _key), ids in network.by_key.items():
            if key_kind == kind and 2 <= len(ids) <= MAX_SHARED_KEY:
                offer(ids, reason, veto=False)
    for ids in network.by_name.values():
        if 2 <= len(ids) <= MAX_SAME_NAME:
            offer(ids, SAME_NAME, veto=True)
    for folded, ids in network.by_name.items():
        for other in network.close_names(folded, longer_only=True):
            for a in ids:
                for b in network.by_name[other]:
                    offer([a, b], CLOSE_SPELLING, veto=True)
    pairs = [DuplicatePair(network.people[a], network.people[b], reason) for (a, b), reason in found.items()]
    pairs.sort(key=lambda p: (REASONS.index(p.reason), fold_key(p.first.name), p.first.id, p.second.id))
    return pairs[:limit] if limit is not None else pairs


def looks_like(name: str, company: str = "", channels: Iterable[tuple[str, str]] = (),
               exclude_id: int | None = None) -> list[Likeness]:
    """The living contacts that a person about to be saved (name, company, channels as (kind,
    value)) looks like, each once with its strongest reason: strong ones first. `exclude_id`:
    the contact being edited."""
    network = _network_now()
    channels = [(kind, value) for kind, value in channels if kind in _KEY_KINDS and value.strip()]
    incoming = rules.telling_identifiers(channels)
    reasons: dict[int, str] = {}
    for kind, value in channels:
        ids = network.by_key.get((kind, key_of(kind, value)), [])
        if len(ids) <= MAX_SHARED_KEY:
            for contact_id in ids:
                reasons.setdefault(contact_id, _KEY_KINDS[kind])
    folded, company = _name_key(name), fold_key(company)
    named = [(i, SAME_NAME) for i in network.by_name.get(folded, [])]
    named += [(i, CLOSE_SPELLING) for other in network.close_names(folded) for i in network.by_name[other]]
    for contact_id, reason in named:
        if rules.vetoed(incoming, network.telling.get(contact_id, {})):
            continue
        if reason == SAME_NAME or not _other_company(company, network.company[contact_id]):
            reasons.setdefault(contact_id, reason)
    reasons.pop(exclude_id, None)
    found = [Likeness(network.people[i], reason) for i, reason in reasons.items()]
    return sorted(found, key=lambda f: (REASONS.index(f.reason), f.person.id))


def _name_key(name: str) -> str:
    """The folded name two people are compared by, without what follows a comma: LinkedIn
    puts credentials in the last name ("Bo Chen, PhD" is Bo Chen)."""
    return fold_key(name.split(",", 1)[0])


def _other_company(mine: str, theirs: str) -> bool:
    return bool(mine and theirs and mine != theirs)


# --- the two records of a pair, side by side ------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One record of a pair as the duplicates screen shows it."""

    detail: contacts.ContactDetail
    interactions: int
    open_followups: int


def sides(first_id: int, second_id: int) -> tuple[Side, Side]:
    """Both records, with how many interactions and open follow-ups each has."""
    details = {d.id: d for d in contacts.details_for([first_id, second_id])}
    return tuple(Side(details[i], timeline.count_interactions(i), len(details[i].open_followups))
                 for i in (first_id, second_id))


# --- "not the same person" ---------------------------------------------------------------------


def mark_not_same(first_id: int, second_id: int) -> None:
    """Remember that these two are different people: find_duplicates stops offering them."""
    if first_id == second_id:
        raise ValidationError("merge", _("A contact is always the same person as themselves."))
    with database.atomic():
        contacts.get_contact(first_id), contacts.get_contact(second_id)  # NotFoundError for a wrong id
        a, b = sorted((first_id, second_id))
        NotDuplicate.insert(first=a, second=b, created_at=when.now()).on_conflict_ignore().execute()


def move_not_same(other_id: int, keep_id: int) -> None:
    """A merge folds `other` into `keep`: whom other was not, keep is not either."""
    rows = NotDuplicate.select(NotDuplicate.first, NotDuplicate.second).where(
        (NotDuplicate.first == other_id) | (NotDuplicate.second == other_id)).tuples()
    for first, second in list(rows):
        someone = second if first == other_id else first
        if someone != keep_id:
            a, b = sorted((keep_id, someone))
            NotDuplicate.insert(first=a, second=b, created_at=when.now()).on_conflict_ignore().execute()
