"""Important dates (birthdays, work anniversaries, any label), their year optional, and what is
coming up.

**29 February.** A date on 29 February is celebrated on 28 February in years that have no 29
February (the day before the month ends, as most people born on that day do), and someone born
on 29 February 2000 turns 25 on 28 February 2025.

**Reminders.** An upcoming-dates list for the next N days holds every date whose next occurrence
is within N days *or* within its own reminder window (`remind_days_before`), whichever is longer:
a birthday with a 14-day reminder shows two weeks ahead even in a 7-day Today.

The dates themselves are stored by netui.contacts (add_important_date) and read as typed by
netui.rules (parse_important_date); this module works out the next occurrence, days until it,
and the age turned.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from netui import contacts, when
from netui.errors import ValidationError
from netui.i18n import N_, _
from netui.rules import parse_important_date
from netui.store.models import Contact, ImportantDate
from netui.text import full_name

# The usual labels: stored as these English words (codes), shown in the user's language.
USUAL_LABELS = {
    "birthday": N_("birthday"), "work anniversary": N_("work anniversary"),
    "anniversary": N_("anniversary"), "name day": N_("name day"),
}


def shown_label(label: str) -> str:
    """A date's label as people read it: "compleanno" for "birthday"; other labels as typed."""
    return _(USUAL_LABELS[label]) if label in USUAL_LABELS else label


@dataclass(frozen=True)
class UpcomingDate:
    date_id: int
    contact_id: int
    contact_name: str
    label: str
    month: int
    day: int
    year: int | None
    remind_days_before: int
    on: dt.date  # the next occurrence (today included)
    days_until: int
    turning: int | None  # the age (or anniversary) reached that day, when the year is known

    @property
    def text(self) -> str:
        """ISO form, with "--" for an unknown year: "1990-04-15" or "--04-15"."""
        year = f"{self.year:04d}" if self.year else "-"
        return f"{year}-{self.month:02d}-{self.day:02d}"


def add_date(contact_id: int, label: str, text: str, remind_days_before: int = 7) -> int:
    """Add an important date typed as `text` (see rules.parse_important_date); returns its id."""
    year, month, day = parse_important_date(text)
    return contacts.add_important_date(contact_id, label, month, day, year, remind_days_before)


def occurrence_in(year: int, month: int, day: int) -> dt.date:
    """The day a (month, day) falls on in `year`: 29 February becomes 28 February in a
    year without it."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def next_occurrence(month: int, day: int, today: dt.date) -> dt.date:
    """The next time (today included) the date comes round."""
    this_year = occurrence_in(today.year, month, day)
    return this_year if this_year >= today else occurrence_in(today.year + 1, month, day)


def upcoming_dates(days: int = 7, today: dt.date | None = None) -> list[UpcomingDate]:
    """Dates of living contacts coming up within `days` days or their reminder window (see the
    module docstring), soonest first. Reads only the dates of the days in that window."""
    if days < 0:
        raise ValidationError("days", _("Look ahead 0 days or more."))
    day = today or when.today()
    longest = ImportantDate.select(ImportantDate.remind_days_before).order_by(
        ImportantDate.remind_days_before.desc()).limit(1).scalar() or 0
    window = max(days, longest)
    query = _with_contact(ImportantDate.select(ImportantDate, Contact.id, Contact.first_name, Contact.last_name))
    if window < 366:
        query = query.where((ImportantDate.month * 100 + ImportantDate.day).in_(_keys_within(day, window)))
    found = [_upcoming(row, day) for row in query]
    found = [d for d in found if d.days_until <= max(days, d.remind_days_before)]
    return sorted(found, key=lambda d: (d.on, d.contact_name.casefold(), d.date_id))


def dates_of(contact_id: int, today: dt.date | None = None) -> list[UpcomingDate]:
    """All of one contact's dates with their next occurrence, soonest first."""
    return upcoming_for([contact_id], 366, today)


def _with_contact(query):
    return query.join(Contact).where(Contact.trashed_at.is_null())


def _keys_within(today: dt.date, window: int) -> list[int]:
    """month*100+day of every day from today to today+window (29 February included when its
    stand-in, 28 February of a common year, is in the window)."""
    keys: set[int] = set()
    for offset in range(window + 1):
        current = today + dt.timedelta(days=offset)
        keys.add(current.month * 100 + current.day)
        if (current.month, current.day) == (2, 28) and not calendar.isleap(current.year):
            keys.add(229)
    return sorted(keys)


def _upcoming(row: ImportantDate, today: dt.date) -> UpcomingDate:
    on = next_occurrence(row.month, row.day, today)
    return UpcomingDate(
        date_id=row.id, contact_id=row.contact_id,
        contact_name=full_name(row.contact.first_name, row.contact.last_name), label=row.label,
        month=row.month, day=row.day, year=row.year, remind_days_before=row.remind_days_before,
        on=on, days_until=(on - today).days, turning=(on.year - row.year) if row.year else None,
    )


def upcoming_for(contact_ids: Iterable[int], days: int, today: dt.date | None = None) -> list[UpcomingDate]:
    """The dates of these contacts within `days` days, soonest first."""
    day = today or when.today()
    query = _with_contact(ImportantDate.select(ImportantDate, Contact.id, Contact.first_name, Contact.last_name))
    found = [_upcoming(row, day) for row in query.where(ImportantDate.contact.in_(list(contact_ids)))]
    return sorted((d for d in found if d.days_until <= days), key=lambda d: (d.on, d.date_id))
