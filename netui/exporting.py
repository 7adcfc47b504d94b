"""Taking the data anywhere: CSV (netui's own, Excel-safe), vCard and iCalendar files.

Every file is written readable by its owner only (mode 0600): it holds personal data.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections import namedtuple
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from netui import contacts, db, events, followups, timeline, when
from netui.errors import ValidationError
from netui.i18n import _
from netui.models import Channel, Contact, ContactTag, Fact, ImportantDate, Tag, database
from netui.text import fold_key, full_name

CSV_TABLES = ("contacts", "interactions", "events", "followups")
FORMATS = ("csv", "vcard", "ics")


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` with mode 0600, all at once (a temporary file, then a rename)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValidationError("out", _("{path} is a folder; give a file name.", path=path))
    db.check_folder(path, "out")
    temporary = path.with_name(f".{path.name}.partial")
    try:
        descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ValidationError("out", _("{path}: cannot write the file ({reason}).", path=path, reason=error.strerror)) from None
    return path


def chosen_ids(query: str = "") -> list[int]:
    """The contacts a search-box query shows (all when empty)."""
    pages = contacts.find_contacts(query, max_matches=10**9)
    return list(pages.ids) if pages.ids is not None else contacts.ids_in_view(**pages.filters)


def chosen_contacts(query: str = "") -> list[contacts.ContactDetail]:
    """The contacts a search-box query shows (all when empty), with every detail, by name."""
    return sorted(contacts.details_for(chosen_ids(query)), key=lambda d: (fold_key(d.name), d.id))


class CsvContact(NamedTuple):
    """What one row of netui's contacts CSV holds: the fields `netui_csv.contact_row` reads."""

    id: int
    first_name: str
    last_name: str
    company: str
    role: str
    city: str
    country: str
    circle: str
    how_met: str
    cadence_days: int | None
    starred: bool
    notes: str
    tags: list[str]
    channels: list
    important_dates: list
    facts: list


# Rows as read (the owner's id first), with the attributes contact_row reads: tuples are made
# far faster than the frozen dataclasses of netui.contacts, and exports make hundreds of
# thousands of them.
_ChannelRow = namedtuple("_ChannelRow", "contact_id id kind value label")
_FactRow = namedtuple("_FactRow", "contact_id id label value")
_DateRow = namedtuple("_DateRow", "contact_id id label month day year remind_days_before")


def _by_contact(query, make=None) -> dict[int, list]:
    """The rows of `query` (contact id first) grouped by contact, in the query's order."""
    groups: dict[int, list] = {}
    for row in database.execute(query).fetchall():  # raw rows: no per-value conversion
        item = make(row) if make else row[1]
        found = groups.get(row[0])
        if found is None:
            groups[row[0]] = [item]
        else:
            found.append(item)
    return groups


def csv_contacts(ids: Sequence[int] | None = None) -> list[CsvContact]:
    """These contacts (every living one when None), by name, with what the CSV needs. Each
    table is read once, whole, as plain rows (no per-contact query, no model objects)."""
    people = Contact.select(
        Contact.sort_name, Contact.id, Contact.first_name, Contact.last_name, Contact.company, Contact.role,
        Contact.city, Contact.country, Contact.circle, Contact.how_met, Contact.cadence_days, Contact.starred,
        Contact.notes,
    ).where(Contact.trashed_at.is_null())
    rows = database.execute(people).fetchall()
    if ids is not None:
        asked = set(ids)
        rows = [row for row in rows if row[1] in asked]
    rows.sort()  # by sort name, then id
    # Read in rowid order (a plain scan, the fastest), then put each person's in kind order.
    channels = _by_contact(
        Channel.select(Channel.contact, Channel.id, Channel.kind, Channel.value, Channel.label).order_by(Channel.id),
        _ChannelRow._make)
    for owned in channels.values():
        if len(owned) > 1:
            owned.sort(key=lambda channel: channel.kind)
    tags = _by_contact(ContactTag.select(ContactTag.contact, Tag.name).join(Tag).order_by(Tag.name))
    facts = _by_contact(Fact.select(Fact.contact, Fact.id, Fact.label, Fact.value).order_by(Fact.id), _FactRow._make)
    dates = _by_contact(
        ImportantDate.select(ImportantDate.contact, ImportantDate.id, ImportantDate.label, ImportantDate.month,
                             ImportantDate.day, ImportantDate.year, ImportantDate.remind_days_before),
        _DateRow._make)
    none: list = []
    return [
        CsvContact(*row[1:], tags.get(row[1], none), channels.get(row[1], none), dates.get(row[1], none),
                   facts.get(row[1], none))
        for row in rows
    ]


@contextmanager
def _no_garbage_collection():
    """An export creates millions of objects that all live until it ends: the collector's
    passes over them would cost more than the export itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def export_csv(out: Path, what: str = "contacts", query: str = "", excel: bool = False) -> list[Path]:
    """Write netui's CSV. `what` is one table, or "all": then `out` is a folder that gets
    contacts.csv, interactions.csv, events.csv and followups.csv."""
    from netui.formats import netui_csv

    if what not in CSV_TABLES + ("all",):
        raise ValidationError("what", _("'{what}' is not a table; use one of: {tables}, all.", what=what, tables=", ".join(CSV_TABLES)))
    tables = CSV_TABLES if what == "all" else (what,)
    if what == "all":
        folder = Path(out).expanduser()
        db.check_folder(folder, "out")  # the folder itself is made; the one it goes in must exist
        try:
            folder.mkdir(exist_ok=True, mode=0o700)
        except OSError as error:
            raise ValidationError("out", _("{path}: cannot make the folder ({reason}).",
                                           path=folder, reason=error.strerror)) from None
        targets = {table: folder / f"{table}.csv" for table in tables}
    else:
        targets = {what: Path(out)}
    written = []
    # One consistent snapshot of every table; DEFERRED: a read, so it must not take the write
    # lock (netui's transactions are IMMEDIATE by default) and hold up other writers meanwhile.
    with database.atomic("DEFERRED"), _no_garbage_collection():
        for table, path in targets.items():
            if table == "contacts":
                data = netui_csv.write_contacts(csv_contacts(chosen_ids(query) if query else None), excel=excel)
            elif table == "interactions":
                data = netui_csv.write_interactions(_all_interactions(), excel=excel)
            elif table == "events":
                all_events = events.upcoming_events() + events.past_events(limit=10**9)
                data = netui_csv.write_events([events.get_event(e.id) for e in all_events], excel=excel)
            else:
                data = netui_csv.write_followups(_open_followups(), excel=excel)
            written.append(write_private(path, data))
    return written


def _all_interactions() -> list[timeline.InteractionInfo]:
    found, page = [], 1000
    while batch := timeline.global_timeline(limit=page, offset=len(found)):
        found += batch
    return found


def _open_followups() -> list[followups.FollowUpInfo]:
    far_future = dt.date(9999, 12, 31)  # not today's date in 9999: 29 February has none
    return followups.due_followups(far_future)


def export_vcard(out: Path, query: str = "", version: str = "3.0") -> Path:
    from netui.formats import vcard

    if version not in ("3.0", "4.0"):
        raise ValidationError("version", _("vCard version '{version}': use 3.0 or 4.0.", version=version))
    return write_private(out, vcard.write(chosen_contacts(query), version).encode("utf-8"))


def export_ics(out: Path) -> Path:
    """Events, open follow-ups, birthdays and other dates as yearly events, and recurring
    appointments with their rules."""
    from netui.formats import ics

    all_events = events.upcoming_events() + events.past_events(limit=10**9)
    dates = [
        (full_name(c.first_name, c.last_name), d.label, d.year, d.month, d.day)
        for d, c in (
            (d, d.contact) for d in ImportantDate.select(ImportantDate, Contact).join(Contact)
            .where(Contact.trashed_at.is_null()).order_by(ImportantDate.month, ImportantDate.day)
        )
    ]
    data = ics.write([events.get_event(e.id) for e in all_events], _open_followups(), dates, when.now(),
                     appointments=_ics_appointments())
    return write_private(out, data)


def _ics_appointments() -> list[tuple]:
    """Every recurring appointment as the iCalendar writer takes it, with its rule."""
    from icalendar import vRecur

    from netui import appointments

    found = []
    for info in appointments.list_appointments():
        names = ", ".join(p.name for p in info.participants)
        summary = _("{title} with {names}", title=info.title, names=names) if names else info.title
        found.append((f"appointment-{info.id}@netui", summary, info.starts_at, vRecur.from_ical(info.rrule),
                      info.duration_minutes))
    return found


def export(format: str, out: Path, what: str = "contacts", query: str = "", excel: bool = False,
           version: str = "3.0") -> list[Path]:
    """Write one export, as `netui export` and the export screen ask for it; the files written.

    csv: `what` is a table or "all" (`excel` adds the BOM); vcard: `version` 3.0 or 4.0; both
    take the contacts a search-box `query` shows (everyone when empty). ics: every event, open
    follow-up and important date."""
    if format == "csv":
        return export_csv(Path(out), what, query, excel=excel)
    if format == "vcard":
        return [export_vcard(Path(out), query, version)]
    if format == "ics":
        return [export_ics(Path(out))]
    raise ValidationError("format", _("'{format}' is not an export format; use one of: {formats}.", format=format, formats=", ".join(FORMATS)))
