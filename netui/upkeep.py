"""Keeping in touch: cadences, their defaults per circle or tag, snoozing, the overdue list, warmth.

**Cadence.** A contact's cadence is, in this order: their own (`Contact.cadence_days`); "none"
when it was set to none for them (`cadence_off`), whatever the defaults; the shortest default
of their tags; their circle's default; otherwise none.

**Due.** Due on = the local calendar day of the last interaction of any kind with them (or, if
there is none, the day they were added) + cadence days — so logging anything resets it. A
snooze moves it to the snoozed-until day when that is later. A contact is **overdue** once the
due day has passed (due yesterday: 1 day overdue; due today: not yet).

**Warmth** (the mark in the contact list), from the days since the last interaction:

- with a cadence: *warm* up to 75% of the cadence, *cooling* after that while not overdue,
  *cold* when overdue;
- without one: *warm* within 30 days, *cooling* within 90 days, *cold* after that;
- never contacted: counted from the day they were added, the same way.

`last_contacted_at` is one indexed column kept by SQLite triggers (migration v0002), so the
overdue list is one query whatever the size of the network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import pendulum
from peewee import Case, fn

from netui import when
from netui.errors import NotFoundError, ValidationError
from netui.records import Record
from netui.i18n import ngettext, N_, _
from netui.store.models import (
    CADENCE_SCOPES,
    CIRCLES,
    CadenceDefault,
    Contact,
    ContactTag,
    Tag,
    database,
)
from netui.text import full_name

WARM, COOLING, COLD = "warm", "cooling", "cold"
WARMTHS = (WARM, COOLING, COLD)
COOLING_SHARE = 0.75  # with a cadence: cooling after 75% of it
WARM_DAYS_WITHOUT_CADENCE = 30
COLD_DAYS_WITHOUT_CADENCE = 90
MAX_CADENCE_DAYS = 3650


class CadencePreset(Record):
    key: str  # what the CLI takes: 1w, 2w, 1m, 6w, 3m, 6m, 1y, none
    label: str  # English, marked with N_(): `shown()` is the label in the user's language
    days: int | None  # None: no keep-in-touch

    def shown(self) -> str:
        """The label in the current language ("1 mese")."""
        return _(self.label)


CADENCE_PRESETS: tuple[CadencePreset, ...] = (
    CadencePreset("1w", N_("1 week"), 7),
    CadencePreset("2w", N_("2 weeks"), 14),
    CadencePreset("1m", N_("1 month"), 30),
    CadencePreset("6w", N_("6 weeks"), 42),
    CadencePreset("3m", N_("3 months"), 90),
    CadencePreset("6m", N_("6 months"), 180),
    CadencePreset("1y", N_("1 year"), 365),
    CadencePreset("none", N_("none"), None),
)
DEFAULT = "default"  # set_cadence(id, "default"): follow the circle's / tags' defaults again
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


class KeepInTouch(Record):
    """Where one contact stands."""

    contact_id: int
    cadence_days: int | None  # the effective cadence
    source: str  # "contact", "tag:<name>", "circle:<name>", "none" (set to none), "" (no cadence)
    last_contacted: pendulum.DateTime | None
    due_on: dt.date | None
    snoozed_until: dt.date | None
    days_overdue: int  # 0 when not overdue
    warmth: str

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


class OverdueContact(Record):
    contact_id: int
    name: str
    cadence_days: int
    last_contacted: pendulum.DateTime | None
    due_on: dt.date
    days_overdue: int


class CadenceDefaultInfo(Record):
    scope: str
    name: str
    days: int


# --- reading what people type --------------------------------------------------------------


def parse_cadence(text: str | int | None) -> int | None:
    """Days from a preset key or label ("1m", "6 weeks"), "30", "30d", "2w", "3m", "1y";
    "none" (or None) -> None. Raises ValidationError (field "cadence")."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError("cadence", _("'{text}' is not a cadence.", text=text))
    if isinstance(text, int):
        return _checked_days(text)
    raw = " ".join(str(text).strip().lower().split())
    for preset in CADENCE_PRESETS:
        if raw in (preset.key, preset.label, preset.shown().lower()):
            return preset.days
    match = re.fullmatch(r"(\d+)\s*([dwmy]?)", raw)
    if not match:
        keys = ", ".join(p.key for p in CADENCE_PRESETS)
        raise ValidationError("cadence", _("'{text}' is not a cadence; use {keys} or a number of days.", text=text, keys=keys))
    return _checked_days(int(match.group(1)) * _UNIT_DAYS[match.group(2) or "d"])


def _checked_days(days: int) -> int:
    if not 1 <= days <= MAX_CADENCE_DAYS:
        raise ValidationError("cadence", _("A keep-in-touch cadence is 1 to {max} days, not {days}.", max=MAX_CADENCE_DAYS, days=days))
    return days


def cadence_label(days: int | None) -> str:
    """'1 month' for 30, 'every 45 days' for others, 'none' for None."""
    for preset in CADENCE_PRESETS:
        if preset.days == days:
            return preset.shown()
    return ngettext("every day", "every {n} days", days)


# --- writing -------------------------------------------------------------------------------


def set_cadence(contact_id: int, every: int | str | None) -> None:
    """Set one contact's cadence: days or a preset ("1m"); None or "none": no keep-in-touch for
    them even if a default applies; "default": follow their tags' / circle's default again."""
    if isinstance(every, str) and every.strip().lower() == DEFAULT:
        values = {"cadence_days": None, "cadence_off": False}
    else:
        days = parse_cadence(every)
        values = {"cadence_days": days, "cadence_off": days is None}
    with database.atomic():
        if not Contact.update(updated_at=when.now(), **values).where(Contact.id == contact_id).execute():
            raise NotFoundError(_("There is no contact #{id}.", id=contact_id))


def set_default_cadence(scope: str, name: str, every: int | str | None) -> None:
    """The default cadence of a circle or a tag (for people with no cadence of their own);
    None or "none" removes it."""
    scope = scope.strip().lower()
    if scope not in CADENCE_SCOPES:
        raise ValidationError("scope", _("'{scope}' is not a scope; use one of: {scopes}.", scope=scope, scopes=", ".join(CADENCE_SCOPES)))
    key = name.strip().lstrip("#").strip().lower()
    if scope == "circle" and key not in CIRCLES:
        raise ValidationError("circle", _("'{name}' is not a circle; use one of: {circles}.", name=name, circles=", ".join(CIRCLES)))
    if not key:
        raise ValidationError("tag", _("Name the tag the default is for."))
    days = parse_cadence(every)
    with database.atomic():
        CadenceDefault.delete().where(CadenceDefault.scope == scope, CadenceDefault.name == key).execute()
        if days is not None:
            CadenceDefault.create(scope=scope, name=key, days=days)


def default_cadences() -> list[CadenceDefaultInfo]:
    rows = CadenceDefault.select().order_by(CadenceDefault.scope, CadenceDefault.name)
    return [CadenceDefaultInfo(r.scope, r.name, r.days) for r in rows]


def snooze_cadence(contact_id: int, days: int, today: dt.date | None = None) -> dt.date:
    """Not overdue up to and including `days` days from today; returns that day."""
    if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
        raise ValidationError("days", _("Snooze for at least 1 day."))
    until = (today or when.today()) + dt.timedelta(days=days)
    with database.atomic():
        if not Contact.update(cadence_snoozed_until=until).where(Contact.id == contact_id).execute():
            raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    return until


# --- reading -------------------------------------------------------------------------------


def keep_in_touch(contact_id: int, today: dt.date | None = None) -> KeepInTouch:
    found = status_for([contact_id], today)
    if contact_id not in found:
        raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
    return found[contact_id]


def status_for(contact_ids: Iterable[int], today: dt.date | None = None) -> dict[int, KeepInTouch]:
    """Where each of these contacts stands, by id (three queries per 500 contacts)."""
    ids = list(dict.fromkeys(contact_ids))
    day, defaults = today or when.today(), _defaults()
    found: dict[int, KeepInTouch] = {}
    for start in range(0, len(ids), 500):
        rows = list(
            Contact.select(
                Contact.id, Contact.circle, Contact.cadence_days, Contact.cadence_off, Contact.created_at,
                Contact.last_contacted_at, Contact.cadence_snoozed_until,
            ).where(Contact.id.in_(ids[start : start + 500]))
        )
        found.update(_statuses(rows, day, defaults))
    return found


def status_of(rows: Sequence[Contact], today: dt.date | None = None) -> dict[int, KeepInTouch]:
    """Where each of these contacts, already read (a page of the list), stands, by id: no
    second read of the same rows."""
    day, defaults = today or when.today(), _defaults()
    found: dict[int, KeepInTouch] = {}
    for start in range(0, len(rows), 500):
        found.update(_statuses(rows[start : start + 500], day, defaults))
    return found


def _statuses(rows: Sequence[Contact], day: dt.date, defaults: dict) -> dict[int, KeepInTouch]:
    """At most 500 rows at a time (the tags are read for them in one query)."""
    tags = _tags_of([row.id for row in rows]) if any(scope == "tag" for scope, _name in defaults) else {}
    return {row.id: _status(row, *_effective(row, tags.get(row.id, ()), defaults), day) for row in rows}


def warmth_for(contact_ids: Iterable[int], today: dt.date | None = None) -> dict[int, str]:
    """"warm" / "cooling" / "cold" for each of these contacts (a page of the list at once)."""
    return {cid: status.warmth for cid, status in status_for(contact_ids, today).items()}


def warmth_after(silent_days: int) -> str:
    """The warmth of a relationship without a cadence, `silent_days` after the last contact."""
    if silent_days <= WARM_DAYS_WITHOUT_CADENCE:
        return WARM
    return COOLING if silent_days <= COLD_DAYS_WITHOUT_CADENCE else COLD


def warmth(contact_id: int, today: dt.date | None = None) -> str:
    return keep_in_touch(contact_id, today).warmth


def overdue_contacts(today: dt.date | None = None, limit: int | None = None) -> list[OverdueContact]:
    """Living contacts whose keep-in-touch day has passed, most overdue first (then by name).

    One query: the effective cadence and the overdue test run in SQL (the test compares the
    indexed last_contacted_at with the start of the local day `cadence` days ago), only the
    overdue rows come back.
    """
    day = today or when.today()
    defaults = _defaults()
    effective = _effective_sql(defaults)
    values = {d for (d,) in Contact.select(Contact.cadence_days).where(Contact.cadence_days.is_null(False))
              .distinct().tuples()} | set(defaults.values())
    if not values:
        return []
    threshold = Case(effective, [(d, Contact.last_contacted_at.db_value(_day_start(day - dt.timedelta(days=d))))
                                 for d in sorted(values)])
    base = fn.COALESCE(Contact.last_contacted_at, Contact.created_at)
    rows = (
        Contact.select(
            Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name, Contact.created_at,
            Contact.last_contacted_at, Contact.cadence_snoozed_until, effective.alias("effective_days"),
        )
        .where(
            Contact.trashed_at.is_null(), effective.is_null(False), base < threshold,
            Contact.cadence_snoozed_until.is_null() | (Contact.cadence_snoozed_until < day),
        )
    )
    found = []
    for row in rows:
        due = _due_on(row, row.effective_days)
        found.append((row.sort_name, OverdueContact(
            contact_id=row.id, name=full_name(row.first_name, row.last_name), cadence_days=row.effective_days,
            last_contacted=row.last_contacted_at, due_on=due, days_overdue=(day - due).days,
        )))
    found.sort(key=lambda pair: (pair[1].due_on, pair[0], pair[1].contact_id))
    result = [item for _key, item in found if item.days_overdue > 0]
    return result[:limit] if limit is not None else result


# --- internals -----------------------------------------------------------------------------


def _defaults() -> dict[tuple[str, str], int]:
    return {(r.scope, r.name): r.days for r in CadenceDefault.select()}


def _tags_of(ids: list[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    for contact_id, name in (
        ContactTag.select(ContactTag.contact, Tag.name).join(Tag).where(ContactTag.contact.in_(ids)).tuples()
    ):
        tags.setdefault(contact_id, []).append(name)
    return tags


def _effective(row: Contact, tags: Iterable[str], defaults: dict) -> tuple[int | None, str]:
    if row.cadence_days:
        return row.cadence_days, "contact"
    if row.cadence_off:
        return None, "none"
    by_tag = sorted((defaults[("tag", t)], t) for t in tags if ("tag", t) in defaults)
    if by_tag:
        return by_tag[0][0], f"tag:{by_tag[0][1]}"
    if ("circle", row.circle) in defaults:
        return defaults[("circle", row.circle)], f"circle:{row.circle}"
    return None, ""


def _effective_sql(defaults: dict):
    """The effective cadence as an SQL expression over Contact (see the module docstring)."""
    own = Contact.cadence_days
    if not defaults:
        return own
    tag_min = (
        CadenceDefault.select(fn.MIN(CadenceDefault.days))
        .join(Tag, on=(Tag.name == CadenceDefault.name))
        .join(ContactTag, on=(ContactTag.tag == Tag.id))
        .where(CadenceDefault.scope == "tag", ContactTag.contact == Contact.id)
    )
    by_circle = CadenceDefault.select(CadenceDefault.days).where(
        CadenceDefault.scope == "circle", CadenceDefault.name == Contact.circle
    )
    return Case(None, [(own.is_null(False), own), (Contact.cadence_off == True, None)],  # noqa: E712
                fn.COALESCE(tag_min, by_circle))


def _day_start(day: dt.date) -> pendulum.DateTime:
    """The first instant of a local calendar day, in UTC."""
    return pendulum.datetime(day.year, day.month, day.day, tz=when.local_zone()).in_timezone("UTC")


def _local_day(instant: dt.datetime, zone=None) -> dt.date:
    local = instant.astimezone(zone or when.local_zone())
    return dt.date(local.year, local.month, local.day)


def _due_on(row: Contact, days: int) -> dt.date:
    due = _local_day(row.last_contacted_at or row.created_at) + dt.timedelta(days=days)
    snoozed = row.cadence_snoozed_until
    return max(due, snoozed) if snoozed else due


def _status(row: Contact, days: int | None, source: str, today: dt.date) -> KeepInTouch:
    base = _local_day(row.last_contacted_at or row.created_at)
    silent = (today - base).days
    due = _due_on(row, days) if days else None
    late = max(0, (today - due).days) if due else 0
    if days:
        temperature = COLD if late else (COOLING if silent > COOLING_SHARE * days else WARM)
    else:
        temperature = warmth_after(silent)
    return KeepInTouch(
        contact_id=row.id, cadence_days=days, source=source, last_contacted=row.last_contacted_at,
        due_on=due, snoozed_until=row.cadence_snoozed_until, days_overdue=late, warmth=temperature,
    )
