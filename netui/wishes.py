"""People to meet at an event who are not contacts yet: a name, a company, why.

A wish is typed "Name @Company — why" (the screen) or given as name, company and why (the
command line). It stays a wish, not a contact, until the person is met: capturing them at
the event (netui.capture) or marking the wished name met creates the contact, lists them as
met there and links the wish to them. Once the event is over the list says who was met and
who was missed; for someone missed, `write_to_missed` adds them as a contact (how met: the
event) with a follow-up to write to them.

Names are matched with accents and case folded (netui.text.fold_key): "Nicolò Ødegaard"
captured meets the wish "nicolo odegaard"; when both say a company, it must be the same.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from netui import config, contacts, events, followups, when
from netui.errors import NotFoundError, ValidationError
from netui.i18n import _
from netui.store.models import Contact, Event, EventAttendee, EventWish, database
from netui.text import fold_key, full_name

# "Name @Company — why": the why after an em dash, " -- " or " - ".
_WHY_SEPARATOR = re.compile(r"\s+(?:—|–|--|-)\s+|\s*—\s*")


@dataclass(frozen=True)
class WishInfo:
    id: int
    event_id: int
    name: str
    company: str
    why: str
    contact_id: int | None
    met: bool  # the linked contact is listed met at the event

    @property
    def label(self) -> str:
        """'Sara Conti @Lumen' (how it was typed, without the why)."""
        return f"{self.name} @{self.company}" if self.company else self.name


@dataclass(frozen=True)
class ListedPerson:
    """Someone on an event's "to meet" list, a contact or a wish, and how it went."""

    name: str
    company: str
    why: str  # a wish's why, a contact's role there
    contact_id: int | None
    wish_id: int | None
    met: bool
    attendee: bool = False  # a contact on the event's list (not a wish, nor one only written to)


@dataclass(frozen=True)
class Outcome:
    """Once the event is over (or done): who on the list was met, who was missed."""

    over: bool
    met: list[ListedPerson]
    missed: list[ListedPerson]


def parse_wish(text: str) -> tuple[str, str, str]:
    """(name, company, why) from "Sara Conti @Lumen — met her talk on payments"; the
    company and the why are optional. ValidationError on "name" without a name."""
    head, why = text, ""
    parts = _WHY_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) == 2:
        head, why = parts
    name, _at, company = head.partition("@")
    name, company = " ".join(name.split()), " ".join(company.split())
    if not name:
        raise ValidationError("name", _("Say who to meet: a name, e.g. 'Sara Conti @Lumen — her talk on payments'."))
    return name, company, why.strip()


def add_wish(event_id: int, name: str, company: str = "", why: str = "") -> int:
    """Put someone who is not a contact yet on the event's list; their id. Refused with one
    sentence: no name, the same name (and company) already there, or a contact of that name
    (list the contact instead)."""
    name, company, why = " ".join(name.split()), " ".join(company.split()), why.strip()
    if not name:
        raise ValidationError("name", _("Say who to meet: a name, e.g. 'Sara Conti @Lumen — her talk on payments'."))
    with database.atomic():
        event = _event_row(event_id)
        if _find(event_id, name, company) is not None:
            raise ValidationError("name", _("{name} is already on the list of {event}.", name=name, event=event.title))
        known = _contact_named(name, company)
        if known is not None:
            raise ValidationError("name", _(
                "{name} is already one of your contacts (#{id}): put the contact on the list instead.",
                name=name, id=known))
        row = EventWish.create(event=event_id, name=name, company=company, why=why, created_at=when.now())
    return row.id


def remove_wish(wish_id: int) -> None:
    with database.atomic():
        if not EventWish.delete().where(EventWish.id == wish_id).execute():
            raise NotFoundError(_("There is no person to meet #{id}.", id=wish_id))


def wishes_of(event_id: int) -> list[WishInfo]:
    """The event's wishes, in the order they were added."""
    met = {a.contact_id for a in EventAttendee.select(EventAttendee.contact)
           .where(EventAttendee.event == event_id, EventAttendee.status == "met")}
    return [_info(row, met) for row in EventWish.select().where(EventWish.event == event_id).order_by(EventWish.id)]


def get_wish(wish_id: int) -> WishInfo:
    row = EventWish.get_or_none(EventWish.id == wish_id)
    if row is None:
        raise NotFoundError(_("There is no person to meet #{id}.", id=wish_id))
    return next(w for w in wishes_of(row.event_id) if w.id == wish_id)


def _info(row: EventWish, met: set[int]) -> WishInfo:
    return WishInfo(row.id, row.event_id, row.name, row.company, row.why, row.contact_id,
                    row.contact_id is not None and row.contact_id in met)


def _event_row(event_id: int) -> Event:
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise NotFoundError(_("There is no event #{id}.", id=event_id))
    return event


def _same_company(wished: str, given: str) -> bool:
    return not wished or not given or fold_key(wished) == fold_key(given)


def _find(event_id: int, name: str, company: str = "", linked: bool | None = None) -> EventWish | None:
    """The event's wish for this name (folded), the company agreeing when both say one;
    `linked` False: only one not linked to a contact yet."""
    key = fold_key(name)
    query = EventWish.select().where(EventWish.event == event_id).order_by(EventWish.id)
    if linked is False:
        query = query.where(EventWish.contact.is_null())
    found = [w for w in query if fold_key(w.name) == key and _same_company(w.company, company)]
    exact = [w for w in found if company and fold_key(w.company) == fold_key(company)]
    return (exact or found or [None])[0]


def _contact_named(name: str, company: str) -> int | None:
    """A living contact with this (folded) name whose company agrees, or None."""
    key = fold_key(name)
    for row in Contact.select(Contact.id, Contact.company).where(Contact.sort_name == key,
                                                                 Contact.trashed_at.is_null()):
        if _same_company(row.company, company):
            return row.id
    return None


def find_wish(event_id: int, name: str, company: str = "") -> WishInfo | None:
    """The wish not met yet that this name (and company) is, or None."""
    row = _find(event_id, name, company, linked=False)
    return get_wish(row.id) if row else None


def link_wish(wish_id: int, contact_id: int | None) -> None:
    """The wish is this contact now (None: no longer linked, e.g. a capture taken back)."""
    with database.atomic():
        EventWish.update(contact=contact_id).where(EventWish.id == wish_id).execute()


def meet_wish(wish_id: int) -> int:
    """The wished-for person was met at the event: a new contact (name, company, circle
    events, met at the event), listed met there, the wish linked to them; their id. A wish
    linked already: its contact, marked met."""
    with database.atomic():
        wish = get_wish(wish_id)
        contact_id = wish.contact_id or _new_contact(wish, _("Met at {event}", event=events.event_title(wish.event_id)))
        events.mark_met(wish.event_id, contact_id)
        link_wish(wish_id, contact_id)
    return contact_id


def _new_contact(wish: WishInfo, how_met: str, met: bool = True) -> int:
    return contacts.create_contact(wish.name, company=wish.company, circle="events", how_met=how_met,
                                   met_at_id=wish.event_id if met else None, notes=wish.why)


def write_to_missed(wish_id: int, due: dt.date | str | None = None, action: str | None = None) -> tuple[int, int]:
    """Someone on the list you missed: add them as a contact (how met: the event) with a
    follow-up to write to them (due in the capture's default days unless `due`); (contact id,
    follow-up id). A wish linked already keeps its contact and gets the follow-up."""
    with database.atomic():
        wish = get_wish(wish_id)
        if wish.met:
            raise ValidationError("wish", _("You met {name} at the event already.", name=wish.name))
        title = events.event_title(wish.event_id)
        contact_id = wish.contact_id or _new_contact(wish, _("Missed at {event}", event=title), met=False)
        link_wish(wish_id, contact_id)
        followup_id = _write_to(contact_id, wish.name, wish.event_id, title, due, action)
    return contact_id, followup_id


def write_to_missed_contact(event_id: int, contact_id: int, due: dt.date | str | None = None,
                            action: str | None = None) -> int:
    """A contact on the list you missed: a follow-up to write to them; its id."""
    with database.atomic():
        name = _contact_name(contact_id)
        if not name:
            raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
        return _write_to(contact_id, name, event_id, events.event_title(event_id), due, action)


def _write_to(contact_id: int, name: str, event_id: int, title: str, due, action: str | None) -> int:
    day = due if due is not None else when.today() + dt.timedelta(days=config.load().capture_followup_days)
    return followups.create_followup(
        contact_id, day, action or _("Write to {name}: missed at {event}", name=name, event=title),
        source_event_id=event_id)


def is_over(detail: events.EventSummary, now=None) -> bool:
    """The event is over: marked attended or skipped, or its end (its start) has passed."""
    if detail.status in events.FINISHED_STATUSES:
        return True
    end = detail.ends_at or detail.starts_at
    return end is not None and end < (now or when.now())


def listed_people(event_id: int) -> list[ListedPerson]:
    """Everyone on the list: the contacts (to meet or met) and the wishes not linked to one of
    them, contacts first as events.get_event orders them."""
    detail = events.get_event(event_id)
    wished = wishes_of(event_id)
    became = {w.contact_id: w for w in wished if w.contact_id}
    people = [
        ListedPerson(p.name, p.company, p.role or (became[p.contact_id].why if p.contact_id in became else ""),
                     p.contact_id, became[p.contact_id].id if p.contact_id in became else None, p.status == "met",
                     attendee=True)
        for p in detail.attendees
    ]
    listed = {p.contact_id for p in detail.attendees}
    names = {w.contact_id: _contact_name(w.contact_id) for w in wished if w.contact_id and w.contact_id not in listed}
    for wish in wished:
        if wish.contact_id in listed or (wish.contact_id and not names.get(wish.contact_id)):
            continue  # shown as the contact they became (or that contact is in the trash)
        name = names.get(wish.contact_id) or wish.name
        people.append(ListedPerson(name, wish.company, wish.why, wish.contact_id, wish.id, wish.met))
    return people


def _contact_name(contact_id: int) -> str:
    row = Contact.get_or_none(Contact.id == contact_id, Contact.trashed_at.is_null())
    return full_name(row.first_name, row.last_name) if row else ""


def outcome(event_id: int, now=None) -> Outcome:
    """Who on the list was met and who was missed; `over` False while the event is to come
    (then everyone not met yet is still to meet, not missed)."""
    over = is_over(events.get_event(event_id), now)
    people = listed_people(event_id)
    return Outcome(over, [p for p in people if p.met], [p for p in people if not p.met])


def write_to_missed_named(event_id: int, name: str, due: dt.date | str | None = None,
                          action: str | None = None) -> tuple[int, int]:
    """`netui event missed EVENT NAME`: the follow-up `f` offers on the event screen, for the
    person missed whose name (accents and case folded) is `name`; (contact id, follow-up id).
    One sentence when the event is not over or nobody missed has that name."""
    done = outcome(event_id)
    if not done.over:
        raise ValidationError("event", _("{event} is not over yet: nobody was missed there (yet).",
                                         event=events.event_title(event_id)))
    wanted, _company = _name_and_company(name)
    found = [p for p in done.missed if fold_key(p.name) == fold_key(wanted)]
    if not found:
        names = ", ".join(p.name for p in done.missed) or _("nobody")
        raise NotFoundError(_("Nobody missed at {event} is called '{name}'; missed: {names}.",
                              event=events.event_title(event_id), name=name, names=names))
    person = found[0]
    if person.wish_id is not None and not person.attendee:
        return write_to_missed(person.wish_id, due, action)
    return person.contact_id, write_to_missed_contact(event_id, person.contact_id, due, action)


def met_by_name(event_id: int, name: str) -> int | None:
    """`event attend EVENT NAME --met` for a wished-for name: the contact they became, or
    None when no wish not met yet has that name."""
    wish = find_wish(event_id, *_name_and_company(name))
    return meet_wish(wish.id) if wish else None


def _name_and_company(text: str) -> tuple[str, str]:
    name, _at, company = text.partition("@")
    return " ".join(name.split()), " ".join(company.split())


def wish_json(wish: WishInfo) -> dict:
    return {"id": wish.id, "name": wish.name, "company": wish.company, "why": wish.why,
            "contact_id": wish.contact_id, "met": wish.met}
