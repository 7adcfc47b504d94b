"""Missing details: the people who have no e-mail, phone, company, how-we-met or city, and
filling one in (`netui missing` and the sweep screen) — the quickest way to make an imported
LinkedIn list useful.

People in the trash are left out. "how-met" is missing when nothing says how you met: no
how-we-met text, no event you met them at and nobody who introduced them. The people come in
name order a page at a time (keyset paging on Contact.sort_name), so a list of thousands is
never read whole. A detail filled in goes through the contact's own rules (an e-mail or a
phone is checked as the contact form checks it: netui.rules).
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from netui.errors import ValidationError
from netui.i18n import N_, _
from netui.store.models import Channel, Contact, database
from netui.text import fold_key, full_name

# The details looked for, in the order they are shown; the words `--what` takes.
DETAILS = ("email", "phone", "company", "how-met", "city")
# What each is called on screen (translated where shown).
DETAIL_NAMES = {"email": N_("e-mail"), "phone": N_("phone"), "company": N_("company"),
                "how-met": N_("how we met"), "city": N_("city")}
PAGE_SIZE = 50
# The contact fields the text details are written to.
_FIELDS = {"company": "company", "how-met": "how_met", "city": "city"}


@dataclass(frozen=True)
class MissingPerson:
    contact_id: int
    name: str
    company: str
    city: str
    missing: tuple[str, ...]  # which of the chosen details they lack, in DETAILS order
    key: tuple[str, int]  # where they stand in the name order (for paging on from them)


@dataclass(frozen=True)
class MissingCounts:
    details: tuple[str, ...]
    per_detail: dict[str, int]  # how many people lack each chosen detail
    people: int  # how many lack at least one of them


def detail_name(detail: str) -> str:
    """'e-mail', 'how we met': a detail as people read it, in the interface's language."""
    return _(DETAIL_NAMES[detail])


def parse_details(text: str | None) -> tuple[str, ...]:
    """The details named in `text` ("email,phone"; their names, "e-mail" or "how we met", do
    too), in DETAILS order; all of them when `text` is empty. An unknown word: ValidationError."""
    words = [word for word in (text or "").split(",") if word.strip()]
    if not words:
        return DETAILS
    chosen = set()
    for word in words:
        found = [d for d in DETAILS if fold_key(word) in (fold_key(d), fold_key(detail_name(d)),
                                                          fold_key(DETAIL_NAMES[d]), d.replace("-", "_"))]
        if not found:
            raise ValidationError("what", _("'{word}' is not a detail netui looks for; choose among: {choices}.",
                                            word=word.strip(), choices=", ".join(DETAILS)))
        chosen.add(found[0])
    return tuple(d for d in DETAILS if d in chosen)


def _lacks(detail: str):
    """The condition 'the contact lacks this detail', as a Peewee expression."""
    if detail in ("email", "phone"):
        return Contact.id.not_in(Channel.select(Channel.contact).where(Channel.kind == detail))
    if detail == "how-met":
        return ((fn.TRIM(Contact.how_met) == "") & Contact.met_at.is_null() & Contact.introduced_by.is_null())
    return fn.TRIM(getattr(Contact, _FIELDS[detail])) == ""


def _lacking_any(details: tuple[str, ...]):
    condition = _lacks(details[0])
    for detail in details[1:]:
        condition |= _lacks(detail)
    return Contact.trashed_at.is_null() & condition


def count_missing(details: tuple[str, ...]) -> MissingCounts:
    """How many (living) people lack each detail, and at least one of them."""
    living = Contact.select().where(Contact.trashed_at.is_null())
    per_detail = {detail: living.where(_lacks(detail)).count() for detail in details}
    return MissingCounts(details, per_detail, Contact.select().where(_lacking_any(details)).count())


def _wanted(details: tuple[str, ...], key: tuple[str, int] | None, inclusive: bool) -> list:
    """The conditions: living, lacking one of `details`, and at `key` or after it in name order."""
    conditions = [_lacking_any(details)]
    if key is not None:
        name, contact_id = key
        same_name = (Contact.sort_name == name) & (Contact.id >= contact_id if inclusive else Contact.id > contact_id)
        conditions.append((Contact.sort_name > name) | same_name)
    return conditions


def people_left(details: tuple[str, ...], key: tuple[str, int] | None = None) -> int:
    """How many people lacking a detail come at `key` or after it in the name order."""
    return Contact.select().where(*_wanted(details, key, inclusive=True)).count()


def missing_people(details: tuple[str, ...], after: tuple[str, int] | None = None, limit: int = PAGE_SIZE,
                   inclusive: bool = False) -> list[MissingPerson]:
    """The next `limit` people lacking at least one of `details`, in name order, after `after`
    (from it, when `inclusive`); each with the details they lack."""
    rows = list(
        Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name, Contact.company,
                       Contact.city, Contact.how_met, Contact.met_at, Contact.introduced_by)
        .where(*_wanted(details, after, inclusive))
        .order_by(Contact.sort_name, Contact.id)
        .limit(limit)
    )
    kinds = {(contact_id, kind) for contact_id, kind in Channel.select(Channel.contact, Channel.kind).where(
        Channel.contact.in_([row.id for row in rows]), Channel.kind.in_(("email", "phone"))).tuples()}

    def lacks(row, detail: str) -> bool:
        if detail in ("email", "phone"):
            return (row.id, detail) not in kinds
        if detail == "how-met":
            return not (row.how_met.strip() or row.met_at_id or row.introduced_by_id)
        return not getattr(row, _FIELDS[detail]).strip()

    return [MissingPerson(row.id, full_name(row.first_name, row.last_name), row.company, row.city,
                          tuple(d for d in details if lacks(row, d)), (row.sort_name, row.id))
            for row in rows]


def fill_detail(contact_id: int, detail: str, value: str) -> str:
    """Give the person this detail (an e-mail or phone is added to their channels, checked as
    the contact form checks it); the value as stored. Nothing typed: ValidationError."""
    from netui import contacts  # here: `netui --help` reads DETAILS and must stay light

    value = value.strip()
    if detail not in DETAILS:
        raise ValidationError("what", _("'{word}' is not a detail netui looks for; choose among: {choices}.",
                                        word=detail, choices=", ".join(DETAILS)))
    if not value:
        raise ValidationError(detail, _("Type their {detail}, or skip them.", detail=detail_name(detail)))
    with database.atomic():
        if detail in ("email", "phone"):
            channel_id = contacts.add_channel(contact_id, detail, value)
            return Channel.get_by_id(channel_id).value
        contacts.update_contact(contact_id, **{_FIELDS[detail]: value})
        return getattr(contacts.get_contact(contact_id), _FIELDS[detail])
