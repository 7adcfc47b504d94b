"""Today: whom to reach and what is coming, in one list of sections (the Today screen and
`netui today`).

Sections, in this order (empty ones are kept, so a screen can show "nothing"):

1. ``overdue_followups`` — open follow-ups whose day has passed, most overdue first;
2. ``due_followups`` — follow-ups due today;
3. ``appointments`` — today's occurrences of recurring appointments not yet done or skipped;
4. ``dates`` — important dates within `days` days or their own reminder window (netui.dates);
5. ``overdue_cadences`` — people past their keep-in-touch day, most overdue first (netui.upkeep);
6. ``events`` — events starting in the next 14 days (today included), not skipped.

**Mine or the team's** (netui.team): the follow-up sections hold my follow-ups (those I own,
and those nobody owns) unless `team` asks for everyone's; then each says whose it is
(`AgendaRow.owner`). `others_due` counts the team's due follow-ups a Today of mine leaves out.
The other sections are the network's, the same for everyone.

Days are the user's local calendar days: an event at 23:30 in Rome on 1 December is on
1 December there, although it is 22:30 UTC.

**In two steps**: on 100,000 people the whole agenda takes most of a second —
thousands of follow-ups and keep-in-touch rows, and the cadence test is a pass over every
person. So the screen first shows `first_rows`: the first FIRST_ROWS of each follow-up
section (a top-N sort in SQL), today's appointments and the events, from queries whose rows
read into Python do not grow with the network; the other sections are *pending* (no rows
yet, `Section.complete` False). `complete_agenda` then fills in what is missing: the result is
exactly `today_agenda`, which `netui today` prints at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace

import pendulum

from netui import appointments, dates, followups, team as members, upkeep, when
from netui.labels import label as code_label
from netui.errors import ValidationError
from netui.i18n import _
from netui.store.models import Event

EVENT_DAYS = 14
FIRST_ROWS = 50  # rows of a long section on the first paint: more than a screen shows
SECTION_KEYS = ("overdue_followups", "due_followups", "appointments", "dates", "overdue_cadences", "events")


@dataclass(frozen=True)
class AgendaRow:
    """One thing to act on. `id` is the follow-up's, the appointment's, the important date's, the
    contact's (a cadence) or the event's id, as `kind` says."""

    kind: str  # "followup", "appointment", "date", "cadence" or "event"
    id: int
    contact_ids: tuple[int, ...]
    names: tuple[str, ...]
    label: str
    on: dt.date  # the day it is due / happens
    days: int  # days late (follow-ups, cadences: 0 or more) or days until (dates, events)
    at: pendulum.DateTime | None = None  # the time, for appointments and events (local)
    detail: str = ""  # the channel, "turns 40", the city...
    owner: str = ""  # a follow-up in the team's agenda: whose it is ('' : nobody's)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: list[AgendaRow]
    # False: `rows` are only the first ones (none, for a section not computed yet): more are coming.
    complete: bool = True


@dataclass(frozen=True)
class Agenda:
    today: dt.date
    days: int
    sections: list[Section]
    team: bool = False  # the whole team's follow-ups, not only mine
    others_due: int = 0  # not `team`: due follow-ups of other members, left out (counted by complete_agenda)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def to_json(self) -> dict:
        """Plain JSON values (documented in the README under `netui today --json`)."""
        return {
            "today": self.today.isoformat(),
            "days": self.days,
            "team": self.team,
            "others_due": self.others_due,
            "sections": [
                {"key": s.key, "title": s.title, "rows": [_row_json(r) for r in s.rows]}
                for s in self.sections
            ],
        }


def today_agenda(days: int = 7, today: dt.date | None = None, team: bool = False) -> Agenda:
    """The whole agenda at once (`netui today`); `team`: everyone's follow-ups, not only mine."""
    return complete_agenda(first_rows(days, today, team=team))


def first_rows(days: int = 7, today: dt.date | None = None, limit: int = FIRST_ROWS, team: bool = False) -> Agenda:
    """The top of the agenda, cheaply (see the module docstring): the first `limit` rows of
    each follow-up section, today's appointments and the events; the dates and the
    keep-in-touch sections pending."""
    _check_days(days)
    day = today or when.today()
    owners = None if team else members.mine()

    def head(late: bool) -> list[AgendaRow]:
        return [_followup_row(f, day, team) for f in followups.due_followups_head(day, late, limit, owners)]

    rows = {
        "overdue_followups": head(late=True),
        "due_followups": head(late=False),
        "appointments": _appointment_rows(day),
        "events": _event_rows(day),
    }
    whole = {key: len(found) < limit for key, found in rows.items()}
    whole["appointments"] = whole["events"] = True
    titles = _titles(days)
    return Agenda(day, days, [Section(key, titles[key], rows.get(key, []), whole.get(key, False))
                              for key in SECTION_KEYS], team=team)


def complete_agenda(head: Agenda) -> Agenda:
    """`head` with every section that is not complete computed in full."""
    day, days = head.today, head.days
    missing = {section.key for section in head.sections if not section.complete}
    if "overdue_followups" in missing or "due_followups" in missing:
        due = followups.due_followups(day, None if head.team else members.mine())
        late = [_followup_row(f, day, head.team) for f in due if f.effective_due < day]
        on_the_day = [_followup_row(f, day, head.team) for f in due if f.effective_due == day]
    compute = {
        "overdue_followups": lambda: late,
        "due_followups": lambda: on_the_day,
        "appointments": lambda: _appointment_rows(day),
        "dates": lambda: [_date_row(d) for d in dates.upcoming_dates(days, day)],
        "overdue_cadences": lambda: [_cadence_row(o) for o in upkeep.overdue_contacts(day)],
        "events": lambda: _event_rows(day),
    }
    others = head.others_due if head.team or not missing else followups.count_due_of_others(day, members.mine())
    return replace(head, sections=[replace(s, rows=compute[s.key](), complete=True) if s.key in missing else s
                                   for s in head.sections], others_due=others)


def _check_days(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 366:
        raise ValidationError("days", _("Look ahead 0 to 366 days."))


def _titles(days: int) -> dict[str, str]:
    return {
        "overdue_followups": _("Overdue follow-ups"), "due_followups": _("Follow-ups due today"),
        "appointments": _("Appointments today"), "dates": _("Dates in the next {days} days", days=days),
        "overdue_cadences": _("Time to get in touch"), "events": _("Events in the next {days} days", days=EVENT_DAYS),
    }


def _appointment_rows(day: dt.date) -> list[AgendaRow]:
    return [_appointment_row(o) for o in appointments.occurrences_between(day, day, include_closed=False)]


def _followup_row(item: followups.FollowUpInfo, today: dt.date, team: bool = False) -> AgendaRow:
    return AgendaRow(
        kind="followup", id=item.id, contact_ids=(item.contact_id,), names=(item.contact_name,),
        label=item.action or _("Follow up"), on=item.effective_due, days=(today - item.effective_due).days,
        detail=code_label(item.channel), owner=item.owner if team else "",
    )


def _appointment_row(item: appointments.Occurrence) -> AgendaRow:
    return AgendaRow(
        kind="appointment", id=item.appointment_id, contact_ids=tuple(p.id for p in item.participants),
        names=tuple(p.name for p in item.participants), label=item.title, on=item.occurs_on, days=0,
        at=item.starts_at, detail=f"{item.starts_at:%H:%M}–{item.ends_at:%H:%M}",
    )


def _date_row(item: dates.UpcomingDate) -> AgendaRow:
    detail = _("turns {age}", age=item.turning) if item.turning is not None else ""
    return AgendaRow(
        kind="date", id=item.date_id, contact_ids=(item.contact_id,), names=(item.contact_name,),
        label=dates.shown_label(item.label), on=item.on, days=item.days_until, detail=detail,
    )


def _cadence_row(item: upkeep.OverdueContact) -> AgendaRow:
    return AgendaRow(
        kind="cadence", id=item.contact_id, contact_ids=(item.contact_id,), names=(item.name,),
        label=_("Keep in touch ({every})", every=upkeep.cadence_label(item.cadence_days)),
        on=item.due_on, days=item.days_overdue,
        detail=(_("last contacted {when}", when=when.humanize(item.last_contacted)) if item.last_contacted
                else _("never contacted")),
    )


def _event_rows(today: dt.date) -> list[AgendaRow]:
    zone = when.local_zone()
    start = pendulum.datetime(today.year, today.month, today.day, tz=zone)
    end = start.add(days=EVENT_DAYS + 1)  # the start of the day after the last one
    found = (
        Event.select()
        .where(Event.starts_at >= start.in_timezone("UTC"), Event.starts_at < end.in_timezone("UTC"),
               Event.status != "skipped")
        .order_by(Event.starts_at, Event.id)
    )
    rows = []
    for event in found:
        local = event.starts_at.in_timezone(zone)
        rows.append(AgendaRow(
            kind="event", id=event.id, contact_ids=(), names=(), label=event.title, on=when.plain_date(local),
            days=(when.plain_date(local) - today).days, at=local,
            detail=" · ".join(part for part in (code_label(event.kind), code_label(event.status), event.city) if part),
        ))
    return rows


def _row_json(row: AgendaRow) -> dict:
    data = asdict(row)
    data["contact_ids"], data["names"] = list(row.contact_ids), list(row.names)
    data["on"] = row.on.isoformat()
    data["at"] = row.at.isoformat() if row.at else None
    return data


# --- acting on a row (the Today screen's d, D and s) -------------------------------------

# The kinds of row each action applies to.
COMPLETABLE_KINDS = ("followup", "appointment")
SNOOZABLE_KINDS = ("followup", "appointment", "cadence")


def complete(row: AgendaRow, log: bool = False) -> str | None:
    """Done on a row: a follow-up is completed (with `log`, the interaction it was for is
    logged too); an appointment's occurrence is marked done, which logs it. Returns the kind
    of interaction logged, None when none was. Dates, cadences and events have no "done"."""
    if row.kind == "followup":
        kind = followups.log_kind_for(followups.get_followup(row.id).channel) if log else None
        followups.complete_followup(row.id, log_kind=kind)
        return kind
    if row.kind == "appointment":
        appointments.mark_done(row.id, row.on)
        return "appointment"  # i18n: not text
    raise ValueError(f"a {row.kind} row cannot be done")


def snooze_asks_days(row: AgendaRow) -> bool:
    """A follow-up or a keep-in-touch is put off some days (to ask for); an appointment's
    occurrence is simply skipped."""
    return row.kind in ("followup", "cadence")


def snooze(row: AgendaRow, days: int | None = None) -> dt.date | None:
    """Snooze on a row: a follow-up or a keep-in-touch is put off `days` days (returns the day
    it falls due again); an appointment's occurrence is skipped (returns None)."""
    if row.kind == "appointment":
        appointments.skip_occurrence(row.id, row.on)
        return None
    if row.kind not in SNOOZABLE_KINDS or days is None:
        raise ValueError(f"a {row.kind} row cannot be snoozed without days")
    if row.kind == "followup":
        return followups.snooze_followup(row.id, days)
    return upkeep.snooze_cadence(row.contact_ids[0], days)
