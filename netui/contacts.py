"""Contacts: create, update, read, list, find by name, trash, restore, purge, merge.

Also the details hung on a contact: channels, tags, facts and important dates.
Functions take and return plain values and dataclasses, never Peewee rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pendulum
from peewee import fn

from netui import chains, followups, giving, upkeep, when
from netui.store import search
from netui.store import db
from netui.errors import AmbiguousNameError, NotFoundError, ValidationError
from netui.i18n import N_, _
from netui.labels import code_for, codes_as_typed, label
from netui.store.models import (
    CHANNEL_KINDS,
    CIRCLES,
    Appointment,
    AppointmentParticipant,
    Channel,
    Contact,
    ContactTag,
    Event,
    EventAttendee,
    Fact,
    Favour,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionParticipant,
    Introduction,
    Tag,
    UTCDateTimeField,
    database,
)
from netui.text import fold_key, full_name

# "balance": the biggest favour balance (given minus received, netui.giving) first.
SORTS = ("name", "last_contacted", "company", "balance")
# How a person coming in (a capture line, an imported row) is recognised as someone already
# known, strongest first, with the words the user sees. Capture looks each up with an index,
# import with one read of the whole network; both follow this order. The reasons are kept in
# English (code compares them); whoever shows one translates it: _(reason).
MATCH_REASONS = {"email": N_("same e-mail"), "linkedin": N_("same LinkedIn profile"), "phone": N_("same phone number")}
# The weak matches, tried when no channel above is shared: only guesses (see `vetoed`).
SAME_NAME_AND_COMPANY = N_("same name and company")
SAME_NAME = N_("same name")
# The identifiers that tell two people apart: when both sides have one and none is shared,
# they are two people, whatever their names (`vetoed`). Phones are not among them: an office
# line is shared, a number changes hands.
TELLING_KINDS = ("linkedin", "email")
TEXT_FIELDS = ("first_name", "last_name", "company", "role", "city", "country", "how_met", "notes")
EDITABLE_FIELDS = TEXT_FIELDS + (
    "circle", "met_at_id", "introduced_by_id", "cadence_days", "starred",
)
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]{2,}$")
_LINKEDIN_PROFILE = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com/in/([^/?#\s]+)(?:[/?#]\S*)?", re.IGNORECASE
)
_PHONE = re.compile(r"^\+?[0-9 ().\-/]+$")
_TAG = re.compile(r"^[^\s,#]+$")


# --- what callers get back ---------------------------------------------------------------


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    kind: str
    value: str
    label: str


@dataclass(frozen=True)
class FactInfo:
    id: int
    label: str
    value: str


@dataclass(frozen=True)
class ImportantDateInfo:
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


@dataclass(frozen=True)
class ContactSummary:
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


@dataclass(frozen=True)
class ContactDetail:
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
    open_followups: list[followups.FollowUpInfo] = field(default_factory=list)
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


def split_name(name: str) -> tuple[str, str]:
    """'Giulia Rossi' -> ('Giulia', 'Rossi'); 'Maria De Luca' -> ('Maria', 'De Luca')."""
    words = name.split()
    if not words:
        return "", ""
    return words[0], " ".join(words[1:])


def validate_email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValidationError("email", _("'{value}' is not an e-mail address (like name@example.com).", value=value))
    return value


def validate_phone(value: str) -> str:
    value = " ".join(value.split())
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE.match(value) or not 5 <= digits <= 17:
        raise ValidationError(
            "phone", _("'{value}' is not a phone number (digits, spaces, + ( ) - . / only).", value=value)
        )
    return value


def validate_channel(kind: str, value: str) -> tuple[str, str]:
    kind = kind.strip().lower()
    if kind not in CHANNEL_KINDS:
        raise ValidationError(
            "channel", _("'{kind}' is not a channel; use one of: {kinds}.", kind=kind, kinds=", ".join(CHANNEL_KINDS))
        )
    if kind == "email":
        return kind, validate_email(value)
    if kind == "phone":
        return kind, validate_phone(value)
    value = value.strip()
    if not value:
        raise ValidationError(kind, _("The {kind} value is empty.", kind=label(kind)))
    return kind, value


def linkedin_profile(value: str) -> str | None:
    """`https://www.linkedin.com/in/<slug>` for a LinkedIn profile URL (any subdomain, http or
    https or none, trailing path or query), slug in lower case; None for anything else."""
    match = _LINKEDIN_PROFILE.fullmatch(value.strip())
    return f"https://www.linkedin.com/in/{match.group(1).lower()}" if match else None


# --- who is who: the one rule for recognising someone known -------------------------------


def identity_key(kind: str, value: str) -> str:
    """What two values of an e-mail or LinkedIn channel share when they are the same: the
    e-mail without case, the LinkedIn profile whatever way its URL was written."""
    if kind == "linkedin":
        return linkedin_profile(value) or value.strip().casefold()
    return value.strip().casefold()


def telling_identifiers(channels: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """{kind: identity keys} of the channels (kind, value) that tell people apart."""
    found: dict[str, set[str]] = {}
    for kind, value in channels:
        if kind in TELLING_KINDS:
            key = identity_key(kind, value)
            if key:
                found.setdefault(kind, set()).add(key)
    return found


def vetoed(incoming: dict[str, set[str]], known: dict[str, set[str]]) -> bool:
    """Whether a weak match (same name and company, same name alone) is refused: a strong
    identifier differs -- both sides have a LinkedIn profile and share none, or both have
    an e-mail and share none. Two "Marco Rossi" at one company with two profiles are two
    people. The one rule import and quick capture both follow (`weak_matches`)."""
    return any(incoming.get(kind) and known.get(kind) and incoming[kind].isdisjoint(known[kind])
               for kind in TELLING_KINDS)


def weak_matches(candidates: Iterable[int], incoming: dict[str, set[str]], known_of) -> list[int]:
    """The candidates of a weak match, in the order given, less those `vetoed` by a strong
    identifier; `known_of(id)` gives a candidate's telling_identifiers."""
    return [candidate for candidate in candidates if not vetoed(incoming, known_of(candidate))]


def validate_circle(value: str) -> str:
    circle = code_for(value, CIRCLES)  # "work", or its label in the interface's language
    if circle is None:
        raise ValidationError(
            "circle", _("'{value}' is not a circle; use one of: {circles}.", value=value, circles=codes_as_typed(CIRCLES))
        )
    return circle


def validate_cadence(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise ValidationError("cadence_days", _("'{value}' is not a number of days.", value=value)) from None
    if days <= 0:
        raise ValidationError("cadence_days", _("The keep-in-touch cadence must be at least 1 day."))
    return days


def normalise_tag(name: str) -> str:
    tag = name.strip().lstrip("#").strip().lower()
    if not tag or not _TAG.match(tag):
        raise ValidationError("tag", _("'{name}' is not a tag (one word, no spaces or commas).", name=name))
    return tag


def clean_fields(changes: dict) -> dict:
    """Validated, tidied contact fields (raises ValidationError naming the field)."""
    return _clean_fields(changes)


def _clean_fields(changes: dict) -> dict:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], _("Contacts have no field '{field}'.", field=sorted(unknown)[0]))
    clean = {}
    for name, value in changes.items():
        if name in TEXT_FIELDS:
            value = "" if value is None else str(value)
            clean[name] = value if name in ("notes", "how_met") else " ".join(value.split())
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
            chains.check_introducer(contact.id, contact.introduced_by_id)
        contact.sort_name = fold_key(full_name(contact.first_name, contact.last_name))
        contact.updated_at = when.now()
        contact.save()
        search.reindex_contacts([contact_id])


def _touch(contact_id: int) -> None:
    Contact.update(updated_at=when.now()).where(Contact.id == contact_id).execute()


def add_channel(contact_id: int, kind: str, value: str, label: str = "") -> int:
    kind, value = validate_channel(kind, value)
    with database.atomic():
        _get_row(contact_id)
        existing = Channel.get_or_none(
            Channel.contact == contact_id, Channel.kind == kind, Channel.value.collate("NOCASE") == value
        )
        if existing:
            return existing.id
        channel = Channel.create(contact=contact_id, kind=kind, value=value, label=label.strip())
        _touch(contact_id)
    return channel.id


_DETAIL_NOT_FOUND = {
    "channel": N_("There is no channel #{id}."),
    "fact": N_("There is no fact #{id}."),
    "important date": N_("There is no important date #{id}."),
}


def _remove_detail(model, detail_id: int, noun: str, reindex: bool) -> None:
    """Delete one channel / fact / important date and mark its contact as changed."""
    with database.atomic():
        row = model.get_or_none(model.id == detail_id)
        if row is None:
            raise NotFoundError(_(_DETAIL_NOT_FOUND[noun], id=detail_id))
        row.delete_instance()
        _touch(row.contact_id)
        if reindex:
            search.reindex_contacts([row.contact_id])


def remove_channel(channel_id: int) -> None:
    _remove_detail(Channel, channel_id, "channel", reindex=False)


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
    label, value = " ".join(label.split()), value.strip()
    if not label:
        raise ValidationError("fact", _("A fact needs a label, e.g. 'children'."))
    if not value:
        raise ValidationError("fact", _("The fact '{label}' needs a value.", label=label))
    with database.atomic():
        _get_row(contact_id)
        fact = Fact.create(contact=contact_id, label=label, value=value)
        _touch(contact_id)
        search.reindex_contacts([contact_id])
    return fact.id


def remove_fact(fact_id: int) -> None:
    _remove_detail(Fact, fact_id, "fact", reindex=True)


def parse_important_date(text: str) -> tuple[int | None, int, int]:
    """'1990-04-15' -> (1990, 4, 15); '--04-15' or '04-15' (year unknown) -> (None, 4, 15)."""
    match = re.fullmatch(r"\s*(?:(\d{4})|-)?-?(\d{1,2})-(\d{1,2})\s*", text)
    if not match:
        raise ValidationError("date", _("'{text}' is not a date; write YYYY-MM-DD, or --MM-DD without a year.", text=text.strip()))
    year = int(match.group(1)) if match.group(1) else None
    month, day = int(match.group(2)), int(match.group(3))
    when.make_date(year, month, day, "date")
    return year, month, day


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
    if year is not None and not 1800 <= year <= 2200:
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


def remove_important_date(date_id: int) -> None:
    _remove_detail(ImportantDate, date_id, "important date", reindex=False)


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
    if circle:
        query = query.where(Contact.circle == validate_circle(circle))
    # fold_key is registered on the connection by netui.store.db: "lodz" and "ŁÓDŹ" find "Łódź".
    if city:
        query = query.where(fn.fold_key(Contact.city) == fold_key(city))
    if company:
        query = query.where(fn.fold_key(Contact.company) == fold_key(company))
    if tag:
        tagged = (
            ContactTag.select(ContactTag.contact)
            .join(Tag)
            .where(Tag.name == normalise_tag(tag))
        )
        query = query.where(Contact.id.in_(tagged))
    return query


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
    if sort == "company":
        return query.order_by(Contact.company == "", fn.lower(Contact.company), Contact.sort_name, Contact.id)
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
    return _filtered(**filters).count()


def summaries_for(contact_ids: Sequence[int]) -> list[ContactSummary]:
    """Summaries of these contacts, in the order given (missing ids are skipped)."""
    if not contact_ids:
        return []
    rows = {row.id: row for row in Contact.select().where(Contact.id.in_(list(contact_ids)))}
    return _summaries([rows[i] for i in contact_ids if i in rows])


def _summaries(rows: list[Contact]) -> list[ContactSummary]:
    statuses = upkeep.status_for([row.id for row in rows])
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


_FILTER_TOKEN = re.compile(
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


@dataclass(frozen=True)
class ContactPages:
    """A list of contacts that may be long: how many, and a way to fetch any page of it."""

    count: int
    ids: tuple[int, ...] | None  # the matches of a search, best first (or in `sort` order); None: all
    filters: dict
    capped: bool = False  # the search found more than it keeps: type more to narrow it
    sort: str = "name"

    def page(self, offset: int, limit: int) -> list[ContactSummary]:
        if self.ids is not None:
            return summaries_for(self.ids[offset : offset + limit])
        return list_contacts(self.sort, limit=limit, offset=offset, **self.filters)


def find_contacts(typed: str, max_matches: int = 1000) -> ContactPages:
    """What the contact list shows for what was typed in the search box: filters
    (circle:, tag: or #tag, city:, company:), `sort:` and full-text words, all optional.
    Search matches come best first unless a `sort:` is given."""
    text, filters = split_filters(typed)
    sort = _sort_word(filters.pop("sort", None))
    if not text:
        return ContactPages(count_contacts(**filters), None, filters, sort=sort or "name")
    ids = search.search_ids(text, limit=max_matches)
    capped = len(ids) >= max_matches
    if (filters or sort) and ids:
        query = _ordered(_filtered(**filters).select(Contact.id).where(Contact.id.in_(ids)), sort or "name")
        allowed = [c.id for c in query]
        ids = allowed if sort else [i for i in ids if i in set(allowed)]
    return ContactPages(len(ids), tuple(ids), filters, capped, sort=sort or "name")


def _sort_word(word: str | None) -> str | None:
    if word is None:
        return None
    sort = SORT_WORDS.get(word.lower())
    if sort is None:
        raise ValidationError("sort", _("Cannot sort by '{word}'; use sort:name, sort:last, sort:company or sort:balance.", word=word))
    return sort


def search_contacts(text: str, limit: int = 50, offset: int = 0) -> list[ContactSummary]:
    """Contacts whose name, company, role, city, tags, notes, facts or interaction notes match."""
    return summaries_for(search.search_ids(text, limit=limit, offset=offset))


# How a name is looked for, most precise first: the first that finds anyone decides.
# Their names alone; then who they are (name, company, role, city, tags: "giulia lumen");
# only when that finds nobody, everything written about them (notes, facts, timeline).
RESOLVE_TIERS = (("name",), search.IDENTITY_COLUMNS, None)


def resolve_contact(text: str) -> int:
    """The one living contact `text` names: '#12', an exact full name, or a search.

    The search goes tier by tier (RESOLVE_TIERS): a query that matches one person's name
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
    for columns in RESOLVE_TIERS:
        if matches:
            break
        matches = search.search_ids(text, limit=21, columns=columns)
    if not matches:
        raise NotFoundError(_("No contact matches '{text}'.", text=text))
    if len(matches) > 1:
        raise AmbiguousNameError(text, summaries_for(matches[:20]))
    return matches[0]


# --- trash, purge, merge -----------------------------------------------------------------


def trash_contact(contact_id: int) -> None:
    """Move to the trash: hidden from lists and search until restored or purged."""
    with database.atomic():
        contact = _get_row(contact_id)
        if contact.trashed_at is None:
            contact.trashed_at = when.now()
            contact.save()
        search.drop_contacts([contact_id])


def restore_contact(contact_id: int) -> None:
    with database.atomic():
        contact = _get_row(contact_id)
        contact.trashed_at = None
        contact.save()
        search.reindex_contacts([contact_id])


def purge_contact(contact_id: int) -> None:
    """Erase a person for good (the right to erasure): their row and, by cascade, channels,
    tags, facts, dates, follow-ups, event attendance, favours and introductions; the
    interactions and appointments that were only with them (shared ones stay, without them);
    tags nobody else has; their search entry. Then the bytes go too: deleted rows are zeroed
    (secure_delete), the search index is rewritten without them and the write-ahead log is
    emptied into the file, so their name cannot be read in the raw database file."""
    with database.atomic():
        _purge_rows(contact_id)
        search.erase_deleted()
    if not database.in_transaction():
        db.checkpoint()


def _purge_rows(contact_id: int) -> None:
    _get_row(contact_id)
    theirs = InteractionParticipant.select(InteractionParticipant.interaction).where(
        InteractionParticipant.contact == contact_id)
    only_theirs = (
        InteractionParticipant.select(InteractionParticipant.interaction)
        .where(InteractionParticipant.interaction.in_(theirs))
        .group_by(InteractionParticipant.interaction)
        .having(fn.COUNT(InteractionParticipant.contact) == 1)
    )
    Interaction.delete().where(Interaction.id.in_(only_theirs)).execute()
    # An introduction's timeline entry names both people: it goes with the introduction, and
    # the other person's search entry is rewritten without it. The favour it recorded for the
    # other person stays theirs, with the purged name taken out of its note.
    introductions = list(Introduction.select(Introduction.id, Introduction.interaction).where(
        (Introduction.person_a == contact_id) | (Introduction.person_b == contact_id)).tuples())
    if introductions:
        row = _get_row(contact_id)
        name = re.compile(re.escape(full_name(row.first_name, row.last_name)), re.IGNORECASE)
        for favour in Favour.select().where(Favour.introduction.in_([i for i, _interaction in introductions])):
            if name.search(favour.note):
                Favour.update(note=name.sub(_("someone (erased)"), favour.note)).where(Favour.id == favour.id).execute()
    introduced = [interaction for _introduction, interaction in introductions if interaction is not None]
    if introduced:
        others = {c for (c,) in InteractionParticipant.select(InteractionParticipant.contact).where(
            InteractionParticipant.interaction.in_(introduced), InteractionParticipant.contact != contact_id).tuples()}
        Interaction.delete().where(Interaction.id.in_(introduced)).execute()
        search.reindex_contacts(others)
    their_appointments = AppointmentParticipant.select(AppointmentParticipant.appointment).where(
        AppointmentParticipant.contact == contact_id)
    only_with_them = (
        AppointmentParticipant.select(AppointmentParticipant.appointment)
        .where(AppointmentParticipant.appointment.in_(their_appointments))
        .group_by(AppointmentParticipant.appointment)
        .having(fn.COUNT(AppointmentParticipant.contact) == 1)
    )
    Appointment.delete().where(Appointment.id.in_(only_with_them)).execute()
    tag_ids = [link.tag_id for link in ContactTag.select(ContactTag.tag).where(ContactTag.contact == contact_id)]
    Contact.delete().where(Contact.id == contact_id).execute()
    if tag_ids:
        Tag.delete().where(Tag.id.in_(tag_ids), Tag.id.not_in(ContactTag.select(ContactTag.tag))).execute()
    search.drop_contacts([contact_id])


def purge_trash(older_than_days: int = 0) -> int:
    """Purge every trashed contact trashed at least this many days ago; returns how many."""
    cutoff = when.now().subtract(days=older_than_days)
    ids = [c.id for c in Contact.select(Contact.id).where(Contact.trashed_at <= cutoff)]
    if not ids:
        return 0
    with database.atomic():
        for contact_id in ids:
            _purge_rows(contact_id)
        search.erase_deleted()
    if not database.in_transaction():
        db.checkpoint()
    return len(ids)


# What merge_contacts writes into the notes for a value of the other contact it did not keep.
_MERGED_FIELD = {
    "company": N_("company (merged): {value}"),
    "role": N_("role (merged): {value}"),
    "city": N_("city (merged): {value}"),
    "country": N_("country (merged): {value}"),
}


def merge_contacts(keep_id: int, other_id: int) -> None:
    """Fold `other` into `keep`: nothing of either is lost, then `other` is removed."""
    if keep_id == other_id:
        raise ValidationError("merge", _("Cannot merge a contact with itself."))
    with database.atomic():
        keep, other = _get_row(keep_id), _get_row(other_id)
        other_name = full_name(other.first_name, other.last_name)
        if fold_key(other_name) != fold_key(full_name(keep.first_name, keep.last_name)):
            also_known = _("also known as (merged): {name}", name=other_name)
            keep.notes = f"{keep.notes}\n{also_known}".strip()
        for name in TEXT_FIELDS:
            mine, theirs = getattr(keep, name), getattr(other, name)
            if not mine:
                setattr(keep, name, theirs)
            elif theirs and theirs != mine and name in ("notes", "how_met"):
                setattr(keep, name, f"{mine}\n\n{theirs}")
            elif theirs and theirs != mine and name not in ("first_name", "last_name"):
                # Two different companies/cities: keep ours, remember theirs in the notes.
                merged = _(_MERGED_FIELD[name], value=theirs)
                keep.notes = f"{keep.notes}\n{merged}".strip()
        if keep.circle == "other":
            keep.circle = other.circle
        keep.met_at_id = keep.met_at_id or other.met_at_id
        introducer = keep.introduced_by_id or other.introduced_by_id
        keep.introduced_by_id = None if introducer in (keep_id, other_id) else introducer
        keep.cadence_days = keep.cadence_days or other.cadence_days
        keep.starred = keep.starred or other.starred
        keep.created_at = min(keep.created_at, other.created_at)
        keep.sort_name = fold_key(full_name(keep.first_name, keep.last_name))
        keep.updated_at = when.now()
        keep.save()

        for channel in Channel.select().where(Channel.contact == other_id):
            duplicate = Channel.select().where(
                Channel.contact == keep_id, Channel.kind == channel.kind,
                Channel.value.collate("NOCASE") == channel.value,
            ).exists()
            if not duplicate:
                Channel.update(contact=keep_id).where(Channel.id == channel.id).execute()
        tag_ids = [link.tag_id for link in ContactTag.select().where(ContactTag.contact == other_id)]
        for tag_id in tag_ids:
            ContactTag.insert(contact=keep_id, tag=tag_id).on_conflict_ignore().execute()
        known_facts = {(f.label, f.value) for f in Fact.select().where(Fact.contact == keep_id)}
        for fact in Fact.select().where(Fact.contact == other_id):
            if (fact.label, fact.value) not in known_facts:
                Fact.update(contact=keep_id).where(Fact.id == fact.id).execute()
        known_dates = {
            (d.label.lower(), d.month, d.day)
            for d in ImportantDate.select().where(ImportantDate.contact == keep_id)
        }
        for date in ImportantDate.select().where(ImportantDate.contact == other_id):
            if (date.label.lower(), date.month, date.day) not in known_dates:
                ImportantDate.update(contact=keep_id).where(ImportantDate.id == date.id).execute()
        shared = InteractionParticipant.select(InteractionParticipant.interaction).where(
            InteractionParticipant.contact == keep_id
        )
        (InteractionParticipant.update(contact=keep_id)
         .where(InteractionParticipant.contact == other_id,
                InteractionParticipant.interaction.not_in(shared))
         .execute())
        for link in EventAttendee.select().where(EventAttendee.contact == other_id):
            mine = EventAttendee.get_or_none(EventAttendee.event == link.event_id, EventAttendee.contact == keep_id)
            if mine is None:
                EventAttendee.update(contact=keep_id).where(
                    EventAttendee.event == link.event_id, EventAttendee.contact == other_id
                ).execute()
            elif link.status == "met" or (link.role and not mine.role):
                EventAttendee.update(
                    status="met" if "met" in (mine.status, link.status) else mine.status,
                    role=mine.role or link.role,
                ).where(EventAttendee.event == link.event_id, EventAttendee.contact == keep_id).execute()
        FollowUp.update(contact=keep_id).where(FollowUp.contact == other_id).execute()
        Contact.update(introduced_by=keep_id).where(Contact.introduced_by == other_id).execute()
        Contact.update(introduced_by=None).where(Contact.id == keep_id, Contact.introduced_by == keep_id).execute()
        if chains.makes_circle(keep_id, keep.introduced_by_id):  # their introducer came through `other`
            Contact.update(introduced_by=None).where(Contact.id == keep_id).execute()
        giving.move_to(other_id, keep_id)
        Contact.delete().where(Contact.id == other_id).execute()
        search.drop_contacts([other_id])
        search.reindex_contacts([keep_id])


def save_contact(contact_id: int | None, values: dict) -> int:
    """Create (contact_id None) or update a contact from a form's fields, in one transaction.

    `values` holds contact fields plus "email" and "phone" (the first of each kind: an empty
    value removes it) and "tags" (space- or comma-separated). Returns the contact id.
    """
    values = dict(values)
    email = (values.pop("email", "") or "").strip()
    phone = (values.pop("phone", "") or "").strip()
    tags = (values.pop("tags", "") or "").replace(",", " ").split()
    with database.atomic():
        if contact_id is None:
            return create_contact(
                emails=[email] if email else [], phones=[phone] if phone else [], tags=tags, **values
            )
        update_contact(contact_id, **values)
        for kind, value in (("email", email), ("phone", phone)):
            first = (
                Channel.select().where(Channel.contact == contact_id, Channel.kind == kind)
                .order_by(Channel.id).first()
            )
            if first and not value:
                first.delete_instance()
            elif first and value != first.value:
                first.value = validate_channel(kind, value)[1]
                first.save()
            elif not first and value:
                add_channel(contact_id, kind, value)
        set_tags(contact_id, tags)
    return contact_id
