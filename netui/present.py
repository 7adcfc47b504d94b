"""The texts both faces show, made once: the meeting brief's lines, the Today agenda's rows and
the words for days ("today", "tomorrow", "in 3 days", "Thu 03 Dec").

`netui brief` / `netui today` print these texts as lines; the contact and Today screens style
them (colours, columns) and lay them out their own way, but say the same words. Plain strings
only: no database, no Textual. The records come from netui.brief and netui.agenda; the day
words under these (due_words, days_ahead, long_date, short_date) are netui.when's.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from netui import upkeep, when
from netui.i18n import _, language, ngettext
from netui.labels import label
from netui.team import current_user, owner_label

# Lines of an interaction the brief shows (its summary, then its notes); more end in "…".
INTERACTION_LINES = 5


# --- days --------------------------------------------------------------------------------


def short_day(day: dt.date, at: dt.datetime | None = None) -> str:
    """A day in a list: 'Thu 03 Dec' ('Thu 03 Dec 18:30' with its time). English keeps its
    zero-padded day; other languages write days as netui.when does ('gio 3 dic')."""
    if language() == "en":
        text = pendulum.date(day.year, day.month, day.day).format("ddd DD MMM", locale="en")
    else:
        text = when.short_date(day)
    return text + (f" {at:%H:%M}" if at else "")


def time_there(instant, zone: str) -> str:
    """' (09:00 in Europe/Rome)': an event's start in its own zone, when that is not the local
    one -- what the user typed there, beside the local time they are shown; '' otherwise."""
    if instant is None or not zone or zone == when.local_zone().name:
        return ""
    return " " + _("({time} in {zone})", time=instant.in_timezone(zone).format("HH:mm"), zone=zone)


def long_day(day: dt.date) -> str:
    """Today's heading: 'Thursday 3 December 2026' / 'giovedì 3 dicembre 2026'."""
    return when.long_date(day)


def late_words(days_late: int) -> str:
    """'3 days late', or 'today' when it is due today."""
    return when.due_words(-days_late)


def late_short(days_late: int) -> str:
    """The same as late_words, short for a narrow column: '3 d late', 'today'."""
    return _("{days} d late", days=days_late) if days_late else _("today")


def ahead_short(days: int, day: dt.date, at: dt.datetime | None = None) -> str:
    """A coming day, short for a narrow column: 'today 18:30', 'tomorrow, Fri 04 Dec', 'in 3 d, Sun 06 Dec'."""
    if days == 0:
        return _("today") if at is None else _("today {time}", time=at.strftime("%H:%M"))
    if days == 1:
        return f"{when.days_ahead(1)}, {short_day(day, at)}"
    return _("in {days} d, {day}", days=days, day=short_day(day, at))


# --- the Today agenda --------------------------------------------------------------------


def agenda_when(row) -> str:
    """An agenda row's when, short (the Today screen's left column): how late, when, how soon."""
    if row.kind in ("followup", "cadence"):
        return late_short(row.days)
    if row.kind == "appointment":
        return row.detail  # its hours
    return ahead_short(row.days, row.on, row.at)


def agenda_detail(row) -> str:
    """What goes after the row's label: the channel, "turns 40", last contacted, the event's kind
    and city ("" for an appointment: its hours are its when); in the team's agenda, whose
    follow-up it is."""
    if row.kind == "appointment":
        return ""
    return " · ".join(part for part in (row.detail, owner_label(row.owner) if row.owner else "") if part)


def agenda_line(row) -> str:
    """An agenda row as one line (`netui today`), its when in words."""
    who = ", ".join(row.names)
    if row.kind == "followup":
        via = f" ({row.detail})" if row.detail else ""
        whose = f" · {owner_label(row.owner)}" if row.owner else ""
        return f"#{row.id}  {who} · {row.label}{via} · {late_words(row.days)}{whose}"
    if row.kind == "appointment":
        return _("{time}  {title} with {people}  (appointment #{id})",
                 time=row.detail, title=row.label, people=who, id=row.id)
    if row.kind == "date":
        age = f" ({row.detail})" if row.detail else ""
        return f"{short_day(row.on)}  {who} · {row.label}{age} · {when.days_ahead(row.days)}"
    if row.kind == "cadence":
        overdue = ngettext("{n} day overdue", "{n} days overdue", row.days)
        return f"{who} · {row.label} · {overdue} · {row.detail}"
    return _("{time}  {title} · {detail}  (event #{id})",
             time=short_day(row.on, row.at), title=row.label, detail=row.detail, id=row.id)


# --- who knows whom (netui.who_knows) ----------------------------------------------------


def member_history_line(history) -> str:
    """'anna · 3 people · warm · last contact 2 days ago (Giulia Rossi, Marco Neri)'."""
    people = ngettext("{n} person", "{n} people", history.people)
    closest = ", ".join(p.name for p in history.closest)
    return " · ".join((history.label, people, label(history.warmth),
                       _("last contact {when}", when=when.humanize(history.last_contact)))) + (
        f" ({closest})" if closest else "")


def logged_by_words(info) -> str:
    """'by bob' for an interaction another member logged; '' for mine or one not recorded."""
    return _("by {member}", member=info.logged_by) if info.logged_by and info.logged_by != current_user() else ""


def known_in_team_line(histories) -> str:
    """'Known in the team: anna (you) 2 days ago · marco 3 months ago', warmest first; '' unless
    someone other than me knows them (on a file one person uses, the timeline says it all)."""
    if not any(h.member != current_user() for h in histories):
        return ""
    return _("Known in the team: {members}",
             members=" · ".join(f"{h.label} {when.humanize(h.last_contact)}" for h in histories))


# --- the meeting brief -------------------------------------------------------------------


def work_text(role: str, company: str) -> str:
    """'Head of PR at Lumen', or either alone."""
    if role and company:
        return _("{role} at {company}", role=role, company=company)
    return role or company


def every_days(days: int) -> str:
    """'every 30 days'."""
    return ngettext("every {n} day", "every {n} days", days)


def cadence_source(source: str) -> str:
    """Where a default cadence comes from, as people read it: 'circle work', 'tag fintech'."""
    kind, _colon, value = source.partition(":")
    return f"{label(kind)} {label(value) if kind == 'circle' else value}"


def keep_in_touch_line(status) -> str:
    """Where keep-in-touch stands, in full (the contact screen):
    'warm: last contacted 3 weeks ago; keep in touch every 1 month (default of circle work), 5 days overdue'."""
    line = _("{warmth}: last contacted {when}", warmth=label(status.warmth), when=when.humanize(status.last_contacted))
    if status.cadence_days:
        preset = upkeep.cadence_label(status.cadence_days)
        # A preset reads "every 1 month"; another cadence names itself ("every 45 days").
        if any(p.days == status.cadence_days for p in upkeep.CADENCE_PRESETS):
            line += _("; keep in touch every {every}", every=preset)
        else:
            line += "; " + _("keep in touch {every}", every=every_days(status.cadence_days))
        line += _default_of(status)
        if status.overdue:
            line += ngettext(", {n} day overdue", ", {n} days overdue", status.days_overdue)
        elif status.due_on:
            line += _(", next by {day}", day=status.due_on.isoformat())
    return line


def keep_in_touch_short(status) -> str:
    """The same, short (`netui brief`): 'warm: last contacted 3 weeks ago, every 30 days, 5 days overdue'."""
    cadence = ", " + every_days(status.cadence_days) + _default_of(status) if status.cadence_days else ""
    overdue = ngettext(", {n} day overdue", ", {n} days overdue", status.days_overdue) if status.overdue else ""
    last = _("last contacted {when}", when=when.humanize(status.last_contacted))
    return f"{label(status.warmth)}: {last}{cadence}{overdue}"


def _default_of(status) -> str:
    if status.source.startswith(("tag:", "circle:")):
        return _(" (default of {source})", source=cadence_source(status.source))
    return ""


def give_and_take_line(ledger) -> str:
    """'Give & take: you gave 2, received 1 (+1)'; "" before any favour."""
    if ledger is None or not (ledger.given or ledger.received):
        return ""
    return _("Give & take: you gave {given}, received {received} ({balance:+d})", given=ledger.given,
             received=ledger.received, balance=ledger.balance)


def came_through_line(chain) -> str:
    """'Came through: Anna Verdi ← Dario Gialli' (who introduced them, and further up); "" for
    a person nobody, or only one person, brought in."""
    if len(chain) <= 2:  # the person, and at most who introduced them (the how-we-met line says it)
        return ""
    return _("Came through: {chain}", chain=" ← ".join(p.name for p in chain[1:]))


def reach_line(balance) -> str:
    """'you reached out 8 of the last 10 times' (or 'they reached out …') when one side started
    most of your recent exchanges (netui.reaching decides); "" otherwise."""
    if balance is None or balance.lopsided is None:
        return ""
    if balance.lopsided == "me":
        return _("you reached out {n} of the last {known} times", n=balance.by_me, known=balance.known)
    return _("they reached out {n} of the last {known} times", n=balance.by_them, known=balance.known)


def fact_line(fact) -> str:
    return f"{fact.label}: {fact.value}"


def turns(age: int | None) -> str:
    """' (turns 40)', or "" when the age is not known."""
    return _(" (turns {age})", age=age) if age else ""


def date_line(date) -> str:
    """A date coming up: '2026-12-05  birthday (turns 40) · in 2 days'."""
    from netui.dates import shown_label  # Today's and the brief's: not loaded for the first screen

    coming = when.days_ahead(date.days_until)
    return f"{date.on.isoformat()}  {shown_label(date.label)}{turns(date.turning)} · {coming}"


def appointment_line(occurrence) -> str:
    """'2026-12-08 18:30  Tennis'."""
    return f"{occurrence.starts_at:%Y-%m-%d %H:%M}  {occurrence.title}"  # i18n: not text


def introduction_line(intro) -> str:
    """'Anna Verdi → Bruno Neri: proposed · both in SEO' (then the outcome, once there is one)."""
    return (_("{a} → {b}: {status}", a=intro.person_a_name, b=intro.person_b_name, status=label(intro.status))
            + (f" · {intro.reason}" if intro.reason else "") + (f" · {intro.outcome}" if intro.outcome else ""))


def interaction_lines(info, most: int = INTERACTION_LINES) -> list[str]:
    """What an interaction was about: its summary, then its notes, at most `most` lines (the
    last one ending in "…" when there were more); none when it says nothing."""
    lines = info.text_lines
    if len(lines) > most:
        lines = lines[:most - 1] + [lines[most - 1] + " …"]
    return lines


def followup_action(item) -> str:
    """What to do: the follow-up's action, or 'Follow up' when it has none."""
    return item.action or _("Follow up")


def followup_parts(item, day: dt.date) -> tuple[str, str, str, str]:
    """An open follow-up as seen on `day`: its due day, channel, action and when in words
    ('2026-12-09', 'email', 'Send the deck', 'in 10 days'); the channel is "" when none."""
    days = (item.effective_due - day).days
    return (item.effective_due.isoformat(), label(item.channel) if item.channel else "", followup_action(item),
            when.due_words(days))


def followup_line(item, day: dt.date) -> str:
    """'2026-12-09  email  Send the deck · in 10 days'."""
    due, channel, action, words = followup_parts(item, day)
    return "  ".join(part for part in (due, channel, action) if part) + f" · {words}"


# --- who reaches out, missing details (netui reach / missing and their screens) -----------

def quiet_words(person) -> str:
    """Someone who never reaches out: 'you started the last 6 · last 3 days ago'."""
    return _("you started the last {n} · last {when}", n=person.started_by_you, when=when.humanize(person.last_at))


def waiting_words(person) -> str:
    """Someone you have not answered: 'email · 4 days ago'."""
    return f"{label(person.kind)} · {when.humanize(person.reached_out_at)}"


def missing_words(details) -> str:
    """'missing: e-mail, how we met'."""
    from netui.missing import detail_name

    return _("missing: {details}", details=", ".join(detail_name(d) for d in details))
# --- events: the people on an event's list (netui.wishes) ----------------------------------------


def listed_person_line(person) -> str:
    """'Sara Conti @Lumen — her talk on payments (not a contact yet)': a person on an event's
    list, a contact or someone not a contact yet; the why is a contact's role there."""
    text = f"{person.name} @{person.company}" if person.company else person.name
    if person.why:
        text += f" — {person.why}"
    return text + (" " + _("(not a contact yet)") if person.contact_id is None else "")


def listed_person_state(person, over: bool) -> str:
    """'met', 'missed' (once the event is over) or 'to meet'."""
    return label("met") if person.met else (_("missed") if over else label("to meet"))


def event_counts(to_meet: int, met: int, wished: int = 0) -> str:
    """'3 to meet · 1 met' (and '· 2 not contacts yet')."""
    text = _("{to_meet} to meet · {met} met", to_meet=to_meet, met=met)
    if wished:
        text += " · " + ngettext("{n} not a contact yet", "{n} not contacts yet", wished)
    return text


def outcome_title(met: int, missed: int) -> str:
    """'You met 2 of the 3 people on the list; missed 1.'"""
    return ngettext("You met {met} of the {n} person on the list; missed {missed}.",
                    "You met {met} of the {n} people on the list; missed {missed}.", met + missed,
                    met=met, missed=missed)
