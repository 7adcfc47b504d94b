"""Contacts: create, update, read, list, find by name, save a form.

Also the details hung on a contact: channels, tags, facts and important dates. The field rules
they follow are netui.rules; trash, restore, purge and merge are netui.lifecycle.
Functions take and return plain values and dataclasses, never Peewee rows.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import field
from functools import reduce

import pendulum
from peewee import SQL, fn

from netui import rules, team, upkeep, when
from netui.errors import AmbiguousNameError, NotFoundError, ValidationError
from netui.records import Record
from netui.i18n import _
from netui import labels
from netui.labels import code_for
from netui.rules import (
    CIRCLES,
    PLAUSIBLE_YEARS,
    normalise_tag,
    split_name,
    validate_cadence,
    validate_channel,
    validate_circle,
)
from netui.store import search, totals
from netui.store.models import (
    equal_ignoring_case,
    Channel,
    Contact,
    ContactTag,
    Event,
    Fact,
    ImportantDate,
    Tag,
    UTCDateTimeField,
    database,
)
from netui.text import LazyPattern, fold_key, full_name

# "balance": the biggest favour balance (given minus received, netui.giving) first.
SORTS = ("name", "last_contacted", "company", "balance")
TEXT_FIELDS = ("first_name", "last_name", "company", "role", "city", "country", "how_met", "notes")
EDITABLE_FIELDS = TEXT_FIELDS + (
    "circle", "met_at_id", "introduced_by_id", "cadence_days", "starred",
)


# --- what callers get back ---------------------------------------------------------------


class ChannelInfo(Record):
    id: int
    kind: str
    value: str
    label: str


class FactInfo(Record):
    id: int
    label: str
    value: str


class ImportantDateInfo(Record):
    id: int
    label: str
    month: int
    day: int
    year: int | None
    remind_days_before: int

    @property
    def text(self) -> str:
        """ISO form, with "--" for an unknown year: "1990-04-15" or "--04-15"."""
        year = f"{self.year:04d}" if self.year else "-"
        return f"{year}-{self.month:02d}-{self.day:02d}"


class ContactSummary(Record):
    """One row of a contact list."""

    id: int
    name: str
    company: str
    role: str
    city: str
    circle: str
    starred: bool
    cadence_days: int | None
    last_contacted: pendulum.DateTime | None
    overdue: bool  # past the keep-in-touch day (netui.upkeep)
    trashed: bool
    warmth: str = ""  # "warm", "cooling" or "cold" (netui.upkeep)
    favour_balance: int = 0  # favours given minus favours received (netui.giving)


class ContactDetail(Record):
    id: int
    first_name: str
    last_name: str
    company: str
    role: str
    city: str
    country: str
    circle: str
    how_met: str
    met_at_id: int | None
    met_at_title: str | None
    introduced_by_id: int | None
    introduced_by_name: str | None
    cadence_days: int | None
    starred: bool
    notes: str
    created_at: pendulum.DateTime
    updated_at: pendulum.DateTime
    trashed_at: pendulum.DateTime | None
    last_contacted: pendulum.DateTime | None
    channels: list[ChannelInfo] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    facts: list[FactInfo] = field(default_factory=list)
    important_dates: list[ImportantDateInfo] = field(default_factory=list)
    open_followups: list = field(default_factory=list)  # netui.followups.FollowUpInfo, loaded on first use
    favour_balance: int = 0  # favours given minus favours received (netui.giving)

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.last_name)

    @property
    def emails(self) -> list[str]:
        return [c.value for c in self.channels if c.kind == "email"]

    @property
    def phones(self) -> list[str]:
        return [c.value for c in self.channels if c.kind == "phone"]


# --- validation --------------------------------------------------------------------------


def clean_fields(changes: dict) -> dict:
    """Validated, tidied contact fields (raises ValidationError naming the field)."""
    return _clean_fields(changes)


_EDITABLE = frozenset(EDITABLE_FIELDS)  # (an import cleans every row's fields: tested once a name)
_TEXT = frozenset(TEXT_FIELDS)
_BLOCKS = frozenset(("notes", "how_met"))


def _clean_fields(changes: dict) -> dict:
    if not changes.keys() <= _EDITABLE:
        unknown = sorted(set(changes) - _EDITABLE)[0]
        raise ValidationError(unknown, _("Contacts have no field '{field}'.", field=unknown))
    clean = {}
    for name, value in changes.items():
        if name in _TEXT:
            value = "" if value is None else str(value)
            clean[name] = value if name in _BLOCKS else " ".join(value.split())
        elif name == "circle":
            clean[name] = validate_circle(value or "other")
        elif name == "cadence_days":
            clean[name] = validate_cadence(value)
        elif name == "starred":
            clean[name] = bool(value)
        elif name == "met_at_id":
            if value is not None and not Event.select().where(Event.id == value).exists():
                raise ValidationError("met_at", _("There is no event #{id}.", id=value))
            clean[name] = value
        elif name == "introduced_by_id":
            if value is not None and not Contact.select().where(Contact.id == value).exists():
                raise ValidationError("introduced_by", _("There is no contact #{id}.", id=value))
            clean[name] = value
    return clean


# --- create / update ---------------------------------------------------------------------


def create_contact(
    name: str | None = None,
    *,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    channels: Iterable[tuple[str, str, str]] = (),
    tags: Iterable[str] = (),
    **fields,
) -> int:
    """Create a contact and return its id. `name` is split into first and last name."""
    if name is not None:
        fields["first_name"], fields["last_name"] = split_name(name)
    fields.setdefault("circle", "other")
    clean = _clean_fields(fields)
    if not (clean.get("first_name") or clean.get("last_name")):
        raise ValidationError("name", _("A contact needs a name."))
    all_channels = [("email", e, "") for e in emails] + [("phone", p, "") for p in phones]
    all_channels += list(channels)
    checked_channels = [(*validate_channel(kind, value), label) for kind, value, label in all_channels]
    tag_names = [normalise_tag(t) for t in tags]
    stamp = when.now()
    with database.atomic():
        contact = Contact.create(
            **clean,
            sort_name=fold_key(full_name(clean.get("first_name", ""), clean.get("last_name", ""))),
            created_at=stamp,
            updated_at=stamp,
        )
        for kind, value, label in checked_channels:
            Channel.create(contact=contact, kind=kind, value=value, label=label.strip())
        _link_tags(contact.id, tag_names)
        search.reindex_contacts([contact.id])
    return contact.id


def update_contact(contact_id: int, **changes) -> None:
    """Change some fields of a contact (only those given)."""
    clean = _clean_fields(changes)
    with database.atomic():
        contact = _get_row(contact_id)
        for name, value in clean.items():
            setattr(contact, name, value)
        if not (contact.first_name or contact.last_name):
            raise ValidationError("name", _("A contact needs a name."))
        if "introduced_by_id" in clean:  # no one introduces themselves, no circles
            from netui import chains  # edits only: not loaded for the first screen
            chains.check_introducer(contact.id, contact.introduced_by_id)
        contact.sort_name = fold_key(full_name(contact.first_name, contact.last_name))
        contact.updated_at, contact.updated_by = when.now(), team.current_user()
        contact.save()
        search.reindex_contacts([contact_id])


def _touch(contact_id: int) -> None:
    Contact.update(updated_at=when.now(), updated_by=team.current_user()).where(Contact.id == contact_id).execute()


def add_channel(contact_id: int, kind: str, value: str, label: str = "") -> int:
    kind, value = validate_channel(kind, value)
    with database.atomic():
        _get_row(contact_id)
        existing = Channel.get_or_none(
            Channel.contact == contact_id, Channel.kind == kind, equal_ignoring_case(Channel.value, value)
        )
        if existing:
            return existing.id
        channel = Channel.create(contact=contact_id, kind=kind, value=value, label=label.strip())
        _touch(contact_id)
    return channel.id


def find_channel(contact_id: int, kind: str, value: str) -> ChannelInfo:
    """Their channel of this kind that `value` names (rules.same_channel: e-mails without
    case, phones by their digits...); ValidationError naming it when they have none."""
    kind = kind.strip().lower()
    for channel in Channel.select().where(Channel.contact == contact_id, Channel.kind == kind).order_by(Channel.id):
        if rules.same_channel(kind, channel.value, value):
            return ChannelInfo(channel.id, channel.kind, channel.value, channel.label)
    raise ValidationError(f"remove_{kind}", _("{name} has no {kind} '{value}'.", name=get_contact(contact_id).name,
                                               kind=labels.label(kind), value=value.strip()))


def remove_channel(contact_id: int, kind: str, value: str) -> ChannelInfo:
    """Remove their channel of this kind that `value` names (see find_channel); what was removed."""
    with database.atomic():
        found = find_channel(contact_id, kind, value)
        Channel.delete().where(Channel.id == found.id).execute()
        _touch(contact_id)
    return found


def set_tags(contact_id: int, tags: Iterable[str]) -> None:
    """Replace the contact's tags with these."""
    names = [normalise_tag(t) for t in tags]
    with database.atomic():
        _get_row(contact_id)
        ContactTag.delete().where(ContactTag.contact == contact_id).execute()
        _link_tags(contact_id, names)
        _touch(contact_id)
        search.reindex_contacts([contact_id])


def add_tags(contact_id: int, tags: Iterable[str]) -> None:
    names = [normalise_tag(t) for t in tags]
    with database.atomic():
        _get_row(contact_id)
        _link_tags(contact_id, names)
        _touch(contact_id)
        search.reindex_contacts([contact_id])


def remove_tag(contact_id: int, tag: str) -> None:
    name = normalise_tag(tag)
    with database.atomic():
        tag_row = Tag.get_or_none(Tag.name == name)
        if tag_row:
            ContactTag.delete().where(ContactTag.contact == contact_id, ContactTag.tag == tag_row).execute()
        _touch(contact_id)
        search.reindex_contacts([contact_id])


def _link_tags(contact_id: int, names: Sequence[str]) -> None:
    for name in dict.fromkeys(names):
        tag, _created = Tag.get_or_create(name=name)
        ContactTag.insert(contact=contact_id, tag=tag).on_conflict_ignore().execute()


def all_tags() -> list[tuple[str, int]]:
    """Every tag in use with its number of (non-trashed) contacts, by name."""
    rows = (
        Tag.select(Tag.name, fn.COUNT(ContactTag.contact))
        .join(ContactTag)
        .join(Contact)
        .where(Contact.trashed_at.is_null())
        .group_by(Tag.id)
        .order_by(Tag.name)
        .tuples()
    )
    return list(rows)


def add_fact(contact_id: int, label: str, value: str) -> int:
    label = rules.fact_label(label)
    value = rules.fact_value(label, value)
    with database.atomic():
        _get_row(contact_id)
        fact = Fact.create(contact=contact_id, label=label, value=value)
        _touch(contact_id)
        search.reindex_contacts([contact_id])
    return fact.id


def remove_fact(fact_id: int) -> None:
    """Delete one fact and mark its contact as changed."""
    with database.atomic():
        fact = Fact.get_or_none(Fact.id == fact_id)
        if fact is None:
            raise NotFoundError(_("There is no fact #{id}.", id=fact_id))
        fact.delete_instance()
        _touch(fact.contact_id)
        search.reindex_contacts([fact.contact_id])


def add_important_date(
    contact_id: int,
    label: str,
    month: int,
    day: int,
    year: int | None = None,
    remind_days_before: int = 7,
) -> int:
    label = " ".join(label.split())
    if not label:
        raise ValidationError("label", _("An important date needs a label, e.g. 'birthday'."))
    when.make_date(year, month, day, "date")
    if year is not None and year not in PLAUSIBLE_YEARS:
        raise ValidationError("date", _("{year} is not a plausible year.", year=year))
    if remind_days_before < 0:
        raise ValidationError("remind_days_before", _("Remind me a number of days before, 0 or more."))
    with database.atomic():
        _get_row(contact_id)
        row = ImportantDate.create(
            contact=contact_id, label=label, month=month, day=day, year=year,
            remind_days_before=remind_days_before,
        )
        _touch(contact_id)
    return row.id


# --- read --------------------------------------------------------------------------------


def _get_row(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    return contact


def last_contacted(contact_id: int) -> pendulum.DateTime | None:
    """The newest interaction with them (a column the database's triggers keep, see
    migration v0002)."""
    raw = Contact.select(Contact.last_contacted_at).where(Contact.id == contact_id).scalar()
    return UTCDateTimeField().python_value(raw)


def is_overdue(cadence_days, last, created_at, now: pendulum.DateTime | None = None) -> bool:
    """Due = last interaction (or, if none, the day they were added) + cadence.

    A quick check on one value; the list's overdue mark and the overdue queue follow
    netui.upkeep (calendar days, defaults per circle or tag, snoozes)."""
    if not cadence_days:
        return False
    start = last or created_at
    return start.add(days=cadence_days) < (now or when.now())


def get_contact(contact_id: int) -> ContactDetail:
    found = details_for([contact_id])
    if not found:
        raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    return found[0]


def details_for(contact_ids: Sequence[int]) -> list[ContactDetail]:
    """Every detail of these contacts, in the order given (missing ids skipped). A handful of
    queries per 500 contacts, whatever their number: exporting 100,000 people stays fast."""
    found: list[ContactDetail] = []
    ids = list(contact_ids)
    for start in range(0, len(ids), 500):
        found += _details_chunk(ids[start : start + 500])
    return found


def _grouped(rows, key) -> dict[int, list]:
    groups: dict[int, list] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


def _details_chunk(ids: list[int]) -> list[ContactDetail]:
    rows = {c.id: c for c in Contact.select().where(Contact.id.in_(ids))}
    if not rows:
        return []
    event_ids = {c.met_at_id for c in rows.values() if c.met_at_id}
    titles = {e.id: e.title for e in Event.select(Event.id, Event.title).where(Event.id.in_(list(event_ids)))}
    introducer_ids = {c.introduced_by_id for c in rows.values() if c.introduced_by_id}
    introducers = {
        c.id: full_name(c.first_name, c.last_name)
        for c in Contact.select(Contact.id, Contact.first_name, Contact.last_name)
        .where(Contact.id.in_(list(introducer_ids)))
    }
    channels = _grouped(Channel.select().where(Channel.contact.in_(ids)).order_by(Channel.kind, Channel.id),
                        lambda c: c.contact_id)
    tags = _grouped(
        ContactTag.select(ContactTag.contact, Tag.name).join(Tag).where(ContactTag.contact.in_(ids))
        .order_by(Tag.name).tuples(), lambda row: row[0])
    facts = _grouped(Fact.select().where(Fact.contact.in_(ids)).order_by(Fact.id), lambda f: f.contact_id)
    dates = _grouped(
        ImportantDate.select().where(ImportantDate.contact.in_(ids))
        .order_by(ImportantDate.month, ImportantDate.day, ImportantDate.id), lambda d: d.contact_id)
    from netui import followups  # the contact screen's: not loaded for the first screen
    open_followups = followups.open_for_contacts(ids)
    return [
        ContactDetail(
            id=c.id, first_name=c.first_name, last_name=c.last_name, company=c.company, role=c.role,
            city=c.city, country=c.country, circle=c.circle, how_met=c.how_met,
            met_at_id=c.met_at_id, met_at_title=titles.get(c.met_at_id),
            introduced_by_id=c.introduced_by_id, introduced_by_name=introducers.get(c.introduced_by_id),
            cadence_days=c.cadence_days, starred=c.starred, notes=c.notes, created_at=c.created_at,
            updated_at=c.updated_at, trashed_at=c.trashed_at, last_contacted=c.last_contacted_at,
            channels=[ChannelInfo(x.id, x.kind, x.value, x.label) for x in channels.get(c.id, [])],
            tags=[name for _id, name in tags.get(c.id, [])],
            facts=[FactInfo(f.id, f.label, f.value) for f in facts.get(c.id, [])],
            important_dates=[
                ImportantDateInfo(d.id, d.label, d.month, d.day, d.year, d.remind_days_before)
                for d in dates.get(c.id, [])
            ],
            open_followups=open_followups.get(c.id, []),
            favour_balance=c.favour_balance,
        )
        for c in (rows[i] for i in ids if i in rows)
    ]


def _filtered(circle=None, tag=None, city=None, company=None, trashed=False):
    query = Contact.select()
    query = query.where(Contact.trashed_at.is_null(False) if trashed else Contact.trashed_at.is_null())
    condition = _filter_condition(circle, tag, city, company)
    return query if condition is None else query.where(condition)


def _filter_condition(circle=None, tag=None, city=None, company=None):
    """The filters as one condition on Contact (None: no filter)."""
    conditions = []
    if circle:
        conditions.append(Contact.circle == validate_circle(circle))
    # fold_key is registered on the connection by netui.store.db: "lodz" and "ŁÓDŹ" find "Łódź".
    if city:
        conditions.append(fn.fold_key(Contact.city) == fold_key(city))
    if company:
        conditions.append(fn.fold_key(Contact.company) == fold_key(company))
    if tag:
        tagged = (
            ContactTag.select(ContactTag.contact)
            .join(Tag)
            .where(Tag.name == normalise_tag(tag))
        )
        conditions.append(Contact.id.in_(tagged))
    return reduce(operator.and_, conditions) if conditions else None


def list_contacts(
    sort: str = "name",
    *,
    circle: str | None = None,
    tag: str | None = None,
    city: str | None = None,
    company: str | None = None,
    trashed: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[ContactSummary]:
    """Contacts matching every filter given, sorted by name, last contacted, company or
    favour balance (the biggest first, then by name).

    `trashed=True` lists the trash instead of the living contacts.
    """
    if sort not in SORTS:
        raise ValidationError("sort", _("Cannot sort by '{sort}'; use one of: {sorts}.", sort=sort, sorts=", ".join(SORTS)))
    query = _ordered(_filtered(circle, tag, city, company, trashed), sort)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return _summaries(list(query))


def _ordered(query, sort: str):
    if sort == "name":
        return query.order_by(Contact.sort_name, Contact.id)
    if sort == "company":  # '' as a literal: the index of schema 7 holds this very expression
        return query.order_by(Contact.company == SQL("''"), fn.lower(Contact.company), Contact.sort_name, Contact.id)
    if sort == "balance":
        return query.order_by(Contact.favour_balance.desc(), Contact.sort_name, Contact.id)
    return query.order_by(Contact.last_contacted_at.desc(nulls="LAST"), Contact.sort_name, Contact.id)


def is_network_empty() -> bool:
    """True when there is nobody at all, not even in the trash and no events (a first run)."""
    return not Contact.select().exists() and not Event.select().exists()


def ids_in_view(**filters) -> list[int]:
    """Ids of the living contacts matching the filters, by name (no per-row work)."""
    return [c.id for c in _filtered(**filters).select(Contact.id).order_by(Contact.sort_name, Contact.id)]


def count_contacts(**filters) -> int:
    """How many living contacts match the filters; all of them (no filter) is a kept number,
    not a count (the list's title at every start: a million rows took ~0.1 s)."""
    if not any(filters.values()):
        return totals.living_contacts()
    return _filtered(**filters).count()


def summaries_for(contact_ids: Sequence[int]) -> list[ContactSummary]:
    """Summaries of these contacts, in the order given (missing ids are skipped)."""
    if not contact_ids:
        return []
    rows = {row.id: row for row in Contact.select().where(Contact.id.in_(list(contact_ids)))}
    return _summaries([rows[i] for i in contact_ids if i in rows])


def _summaries(rows: list[Contact]) -> list[ContactSummary]:
    statuses = upkeep.status_of(rows)
    return [_summary(row, statuses[row.id]) for row in rows]


def _summary(row: Contact, status: upkeep.KeepInTouch) -> ContactSummary:
    return ContactSummary(
        id=row.id,
        name=full_name(row.first_name, row.last_name),
        company=row.company,
        role=row.role,
        city=row.city,
        circle=row.circle,
        starred=row.starred,
        cadence_days=row.cadence_days,
        last_contacted=row.last_contacted_at,
        overdue=status.overdue,
        trashed=row.trashed_at is not None,
        warmth=status.warmth,
        favour_balance=row.favour_balance,
    )


_FILTER_TOKEN = LazyPattern(
    r'(?<!\S)(?:(circle|cerchia|tag|city|città|citta|company|azienda|sort|ordina):(?:"([^"]*)"|(\S+))|#([^\s#]+))',
    re.IGNORECASE,
)
# The search-box filters in Italian (both languages are read whatever the interface's).
_FILTER_ALIASES = {"cerchia": "circle", "città": "city", "citta": "city", "azienda": "company", "ordina": "sort"}
# What `sort:` takes in the search box: short words for SORTS.
SORT_WORDS = {"name": "name", "last": "last_contacted", "last_contacted": "last_contacted", "recent": "last_contacted",
              "company": "company", "balance": "balance", "given": "balance",
              "nome": "name", "ultimo": "last_contacted", "recenti": "last_contacted", "azienda": "company",
              "saldo": "balance"}


def split_filters(text: str) -> tuple[str, dict[str, str]]:
    """Take the filters out of what was typed in the search box.

    'circle:work #fintech city:"New York" giulia' -> ('giulia', {'circle': 'work',
    'tag': 'fintech', 'city': 'New York'}). The rest is the full-text query. `sort:` (name,
    last, company, balance) is taken too, under "sort"; find_contacts applies it.
    """
    filters: dict[str, str] = {}

    def take(match: re.Match) -> str:
        name = (match.group(1) or "tag").lower()
        name = _FILTER_ALIASES.get(name, name)
        value = match.group(2) if match.group(2) is not None else (match.group(3) or match.group(4))
        if name == "circle":  # circle:lavoro in Italian
            value = code_for(value, CIRCLES) or value
        filters[name] = value
        return " "

    rest = _FILTER_TOKEN.sub(take, text)
    return " ".join(rest.split()), filters


class ContactPages(Record):
    """A list of contacts that may be long: how many, and a way to fetch any page of it."""

    count: int
    # The matches of a search, best first (or in `sort` order): a tuple, or a sequence worked
    # out page by page as it is read (search.OrderedIds); None: all contacts (the filters').
    ids: Sequence[int] | None
    filters: dict
    capped: bool = False  # the search found more than `count`: type more to narrow it
    sort: str = "name"

    def page(self, offset: int, limit: int) -> list[ContactSummary]:
        if self.ids is not None:
            return summaries_for(self.ids[offset : min(offset + limit, self.count)])
        return list_contacts(self.sort, limit=limit, offset=offset, **self.filters)


# More matches than this are listed by name instead of ranked (bm25 costs ~2 µs a match).
RANK_LIMIT = 2000


def find_contacts(typed: str, max_matches: int = 1000) -> ContactPages:
    """What the contact list shows for what was typed in the search box: filters
    (circle:, tag: or #tag, city:, company:), `sort:` and full-text words, all optional.

    The work per keystroke stays small at any size of network (netui's README, "The search
    box"): one or two letters ("g", "gi") find the people with a name beginning so; longer
    text ranks every match, best first, when there are at most RANK_LIMIT; else they come by
    name: first those whose whole name begins with the text, then other name matches, then
    other matches by who they are (company, role, city, tags), then by what was written about
    them. When more whole names begin with the text than `max_matches`, those are the list.
    A `sort:` orders the same matches its way. At most `max_matches` are counted (`capped`
    says there are more)."""
    text, filters = split_filters(typed.replace("\0", ""))  # a NUL is no text (PostgreSQL refuses it)
    sort = _sort_word(filters.pop("sort", None))
    if not text:
        return ContactPages(count_contacts(**filters), None, filters, sort=sort or "name")
    ids = _matches(text, _filter_condition(**filters), sort, max_matches)
    count = min(len(ids), max_matches)
    return ContactPages(count, ids, filters, len(ids) > max_matches, sort=sort or "name")


def _matches(text: str, where, sort: str | None, max_matches: int) -> Sequence[int]:
    ordered = _ordered(Contact.select(Contact.id), sort or "name")  # the contacts, every one
    # No NUL (PostgreSQL's text refuses it; search ignores control characters); nothing left
    # once folded: no name begins so.
    key = fold_key(text.replace("\0", "")) or "\U0010ffff"
    # Names beginning with the key: in UTF-8 byte order, which SQLite compares, every one sorts
    # below the key followed by the last code point.
    begins = (Contact.sort_name >= key) & (Contact.sort_name < key + "\U0010ffff")
    if not sort:  # more whole names begin so than the list counts: those are enough
        wanted = begins if where is None else begins & where
        many = Contact.select(Contact.id).where(wanted, Contact.trashed_at.is_null()).limit(max_matches + 1).count()
        if many > max_matches:
            return search.OrderedIds([search.Tier(None, wanted, many)], ordered)
    short = search.short_prefix(text) is not None
    found = set(search.match_ids(text, ("name",) if short else search.IDENTITY_COLUMNS, where))
    # Every match, when ranking them may be cheap or the list may reach those found only in
    # notes, facts and timelines (one FTS query: a prefix common in notes costs its merge once).
    reach = max(RANK_LIMIT, max_matches)
    everyone = None if short or len(found) > reach else set(search.match_ids(text, where=where))
    if everyone is not None and len(everyone) <= RANK_LIMIT:
        ids = search.search_ids(text, limit=max_matches + 1, where=where)  # one more: are there more?
        if sort and ids:
            ids = search.ids_of(ordered.where(Contact.id.in_(ids[:max_matches]))) + ids[max_matches:]
        return tuple(ids)
    if sort:  # every order has an index (schema 7): walking it reads about a page of rows
        if everyone is None:
            everyone = found if short else set(search.match_ids(text, where=where))
        return search.OrderedIds([search.Tier(everyone)], ordered)
    named = found if short else found.intersection(search.match_ids(text, ("name",), where))
    first = named.intersection(search.ids_of(Contact.select(Contact.id).where(begins)))
    tiers = [search.Tier(first, begins), search.Tier(named - first), search.Tier(found - named)]
    if everyone is not None:  # the list reaches those found in notes, facts, timelines
        tiers.append(search.Tier(everyone - found))
    return search.OrderedIds(tiers, ordered)


def _sort_word(word: str | None) -> str | None:
    if word is None:
        return None
    sort = SORT_WORDS.get(word.lower())
    if sort is None:
        raise ValidationError("sort", _("Cannot sort by '{word}'; use sort:name, sort:last, sort:company or sort:balance.", word=word))
    return sort


def search_contacts(text: str, limit: int = 50, offset: int = 0) -> list[ContactSummary]:
    """Contacts whose name, company, role, city, tags, notes, facts or interaction notes match,
    best first; one or two letters find names beginning so, as the search box does (pickers
    search on every key: ranking every match of "g" would cost ~80 ms at 100,000 people)."""
    if search.short_prefix(text) is not None:
        return summaries_for(_matches(text, None, None, offset + limit)[offset : offset + limit])
    return summaries_for(search.search_ids(text, limit=limit, offset=offset))


def resolve_contact(text: str) -> int:
    """The one living contact `text` names: '#12', an exact full name, or a search.

    The search goes tier by tier, most precise first: a query that matches one person's name
    names them, even if others' notes mention it; notes and the timeline count only when no
    name, company, role, city or tag matches. Raises NotFoundError, or AmbiguousNameError
    listing the candidates of the first tier that matched.
    """
    text = text.strip()
    if re.fullmatch(r"#\d+", text):
        contact = Contact.get_or_none(Contact.id == int(text[1:]), Contact.trashed_at.is_null())
        if contact is None:
            raise NotFoundError(_("There is no contact {text}.", text=text))
        return contact.id
    if not text:
        raise NotFoundError(_("Give a contact's name."))
    exact = [
        c.id
        for c in Contact.select(Contact.id)
        .where(Contact.sort_name == fold_key(text), Contact.trashed_at.is_null())
        .order_by(Contact.id)
    ]
    matches = exact
    # The first tier that finds anyone decides: their names alone; then who they are (name,
    # company, role, city, tags: "giulia lumen"); only when that finds nobody, everything
    # written about them (notes, facts, timeline).
    for columns in (("name",), search.IDENTITY_COLUMNS, None):
        if matches:
            break
        matches = search.search_ids(text, limit=21, columns=columns)
    if not matches:
        raise NotFoundError(_("No contact matches '{text}'.", text=text))
    if len(matches) > 1:
        raise AmbiguousNameError(text, summaries_for(matches[:20]))
    return matches[0]


def save_contact(contact_id: int | None, values: dict) -> int:
    """Create (contact_id None) or update a contact from a form's fields, in one transaction.

    `values` holds contact fields, "tags" (space- or comma-separated) and, when the form shows
    them, "channels": every channel as (channel id or None for a new one, kind, value, label),
    in the form's order. A channel of theirs the rows leave out, or whose value was emptied, is
    removed; a new row left empty is ignored. An error in a row names the field "channel-N"
    (N its place in the rows). Returns the contact id.
    """
    values = dict(values)
    rows = values.pop("channels", None)
    tags = (values.pop("tags", "") or "").replace(",", " ").split()
    checked = _checked_rows(rows or [])
    with database.atomic():
        if contact_id is None:
            return create_contact(channels=[(kind, value, label) for _id, kind, value, label in checked],
                                  tags=tags, **values)
        update_contact(contact_id, **values)
        if rows is not None:
            _replace_channels(contact_id, checked)
        set_tags(contact_id, tags)
    return contact_id


def _checked_rows(rows) -> list[tuple[int | None, str, str, str]]:
    """The form's channel rows validated (ValidationError "channel-N" for row N); rows without a
    value left out."""
    checked = []
    for index, (channel_id, kind, value, label) in enumerate(rows):
        if not (value or "").strip():
            continue
        try:
            kind, value = validate_channel(kind, value)
        except ValidationError as error:
            raise ValidationError(f"channel-{index}", error.message) from None
        checked.append((channel_id, kind, value, " ".join((label or "").split())))
    return checked


def _replace_channels(contact_id: int, checked: list[tuple[int | None, str, str, str]]) -> None:
    kept = {channel_id for channel_id, *_rest in checked if channel_id is not None}
    Channel.delete().where(Channel.contact == contact_id, Channel.id.not_in(list(kept))).execute()
    for channel_id, kind, value, label in checked:
        if channel_id is None:
            Channel.create(contact=contact_id, kind=kind, value=value, label=label)
        else:
            Channel.update(kind=kind, value=value, label=label).where(
                Channel.id == channel_id, Channel.contact == contact_id).execute()
