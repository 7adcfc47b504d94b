"""Taking the data anywhere: CSV (netui's own, Excel-safe), vCard and iCalendar files.

Every file is written readable by its owner only (mode 0600): it holds personal data.
"""

from __future__ import annotations

import os
from pathlib import Path

from netui import contacts, events, followups, timeline, when
from netui.errors import ValidationError
from netui.models import Contact, ImportantDate, database
from netui.text import fold_key, full_name

CSV_TABLES = ("contacts", "interactions", "events", "followups")


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` with mode 0600, all at once (a temporary file, then a rename)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValidationError("out", f"{path} is a folder; give a file name.")
    temporary = path.with_name(f".{path.name}.partial")
    try:
        descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ValidationError("out", f"{path}: cannot write the file ({error.strerror}).") from None
    return path


def chosen_contacts(query: str = "") -> list[contacts.ContactDetail]:
    """The contacts a search-box query shows (all when empty), with every detail, by name."""
    pages = contacts.find_contacts(query, max_matches=10**9)
    ids = list(pages.ids) if pages.ids is not None else contacts.ids_in_view(**pages.filters)
    return sorted(contacts.details_for(ids), key=lambda d: (fold_key(d.name), d.id))


def export_csv(out: Path, what: str = "contacts", query: str = "", excel: bool = False) -> list[Path]:
    """Write netui's CSV. `what` is one table, or "all": then `out` is a folder that gets
    contacts.csv, interactions.csv, events.csv and followups.csv."""
    from netui.formats import netui_csv

    if what not in CSV_TABLES + ("all",):
        raise ValidationError("what", f"'{what}' is not a table; use one of: {', '.join(CSV_TABLES)}, all.")
    tables = CSV_TABLES if what == "all" else (what,)
    if what == "all":
        folder = Path(out).expanduser()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        targets = {table: folder / f"{table}.csv" for table in tables}
    else:
        targets = {what: Path(out)}
    written = []
    with database.atomic():  # one consistent snapshot of every table
        for table, path in targets.items():
            if table == "contacts":
                data = netui_csv.write_contacts(chosen_contacts(query), excel=excel)
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
    far_future = when.today().replace(year=9999)
    return followups.due_followups(far_future)


def export_vcard(out: Path, query: str = "", version: str = "3.0") -> Path:
    from netui.formats import vcard

    if version not in ("3.0", "4.0"):
        raise ValidationError("version", f"vCard version '{version}': use 3.0 or 4.0.")
    return write_private(out, vcard.write(chosen_contacts(query), version).encode("utf-8"))


def export_ics(out: Path) -> Path:
    """Events, open follow-ups, and birthdays and other dates as yearly events."""
    from netui.formats import ics

    all_events = events.upcoming_events() + events.past_events(limit=10**9)
    dates = [
        (full_name(c.first_name, c.last_name), d.label, d.year, d.month, d.day)
        for d, c in (
            (d, d.contact) for d in ImportantDate.select(ImportantDate, Contact).join(Contact)
            .where(Contact.trashed_at.is_null()).order_by(ImportantDate.month, ImportantDate.day)
        )
    ]
    data = ics.write([events.get_event(e.id) for e in all_events], _open_followups(), dates, when.now())
    return write_private(out, data)
