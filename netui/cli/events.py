"""`netui event add | list | show | attend | status | want`: events and the people to meet there.

The same domain functions as the event screen (netui.events, netui.wishes); dates are read
by netui.when, as in every form.
"""

from __future__ import annotations

from netui import present
from netui.errors import NotFoundError, ValidationError
from netui.i18n import _
from netui.labels import code_for, codes_as_typed, label
from netui.cli.output import flagged, jsonable, local_time, print_json, summary_line


def cmd_event(args) -> int:
    actions = {"add": _add, "list": _list, "show": _show, "attend": _attend, "status": _status, "want": _want,
               "missed": _missed}
    return actions[args.action](args)


# The flag that gave each field of an event, for saying which one is wrong.
FLAGS = {"starts_at": "--when", "ends_at": "--until", "kind": "--kind", "status": "--status",
         "timezone": "--timezone", "title": "TITLE", "due_on": "--due"}


def _flagged(error: ValidationError) -> ValidationError:
    return flagged(error, FLAGS)


def _kind(typed: str) -> str:
    """The kind code typed, as a code or its label ("fiera"); else one sentence listing them."""
    from netui.store.models import EVENT_KINDS

    found = code_for(typed, EVENT_KINDS) or code_for(typed.replace("-", " "), EVENT_KINDS)
    if found is None:
        raise ValidationError("kind", _("--kind: '{kind}' is not a kind of event; use one of: {kinds}.",
                                        kind=typed, kinds=codes_as_typed(EVENT_KINDS)))
    return found


def _status_code(typed: str, flag: str = "STATUS") -> str:
    from netui.store.models import EVENT_STATUSES

    found = code_for(typed, EVENT_STATUSES)
    if found is None:
        raise ValidationError("status", _("{flag}: '{status}' is not an event status; use one of: {statuses}.",
                                          flag=flag, status=typed, statuses=codes_as_typed(EVENT_STATUSES)))
    return found


def _event(text: str) -> int:
    """The event `text` names; an unknown one says which events there are."""
    from netui import events

    try:
        return events.resolve_event(text)
    except NotFoundError as error:
        known = [f"#{e.id} {e.title}" for e in (events.upcoming_events() + events.past_events(limit=10))[:8]]
        if not known:
            raise NotFoundError(_("No event matches '{text}'; there are no events yet (netui event add TITLE "
                                  "--when WHEN --kind K).", text=text)) from None
        raise NotFoundError(_("{error} Events: {events}.", error=str(error), events=", ".join(known))) from None


def _add(args) -> int:
    from netui import events

    kind, status = _kind(args.kind), _status_code(args.status, "--status")
    zone = {"timezone": args.timezone} if args.timezone else {}
    try:  # the times are read in the event's zone (default: the local one), as the form reads them
        event_id = events.create_event(
            args.title, starts_at=args.when, ends_at=args.until or None, kind=kind, status=status, city=args.city,
            country=args.country, venue=args.venue, notes=args.notes, goal=args.goal, link=args.link, **zone)
    except ValidationError as error:
        raise _flagged(error) from None
    detail = events.get_event(event_id)
    print(_("Added event #{id}: {title}, {kind}, {when}.", id=detail.id, title=detail.title,
            kind=label(detail.kind), when=local_time(detail.starts_at) + present.time_there(detail.starts_at, detail.timezone)))
    return 0


def _list(args) -> int:
    from netui import events

    shown = events.past_events() if args.past else events.upcoming_events()
    if args.json:
        print_json(jsonable(shown))
        return 0
    if not shown:
        print(_("No past events.") if args.past else _("No events coming; add one with: netui event add TITLE "
                                                       "--when WHEN --kind K."))
    for summary in shown:
        print(f"{summary_line(summary)}  ·  {label(summary.kind)}  ·  {label(summary.status)}  ·  "
              f"{present.event_counts(summary.to_meet, summary.met, summary.not_contacts_yet)}")
    return 0


def _show(args) -> int:
    from netui import events, wishes

    event_id = _event(args.event)
    detail = events.get_event(event_id)
    done = wishes.outcome(event_id)
    if args.json:
        data = jsonable(detail)
        data["wishes"] = [wishes.wish_json(w) for w in wishes.wishes_of(event_id)]
        data["over"] = done.over
        data["met_from_list"] = [jsonable(p) for p in done.met]
        data["missed"] = [jsonable(p) for p in done.missed] if done.over else []
        print_json(data)
        return 0
    print(_event_text(detail, done))
    return 0


def _event_text(detail, done) -> str:
    place = ", ".join(part for part in (detail.venue, detail.city, detail.country) if part)
    start = local_time(detail.starts_at) if detail.starts_at else _("no date yet")
    if detail.ends_at:
        start += " – " + local_time(detail.ends_at)
    start += present.time_there(detail.starts_at, detail.timezone)
    lines = [f"{detail.title}  (#{detail.id})", f"  {label(detail.kind)} · {label(detail.status)} · {start}"]
    lines += [f"  {text}" for text in (place, detail.link, detail.goal and _("Goal: {goal}", goal=detail.goal)) if text]
    people = done.met + done.missed
    wished = sum(1 for p in people if p.contact_id is None)
    counts = present.outcome_title(len(done.met), len(done.missed)) if done.over and people else \
        present.event_counts(len(done.missed), len(done.met), wished)
    lines += ["", _("People:") + " " + counts]
    width = max((len(present.listed_person_state(p, done.over)) for p in people), default=0)
    if not people:
        lines.append("  " + _("Nobody yet: netui event attend EVENT NAME, or netui event want EVENT \"NAME @Company\"."))
    for person in people:
        lines.append(f"  {present.listed_person_state(person, done.over):<{width}}  {present.listed_person_line(person)}")
    if done.over and done.missed:
        lines += ["", _("Missed: {names}. Write to them: netui event missed EVENT NAME (a follow-up).",
                        names=", ".join(p.name for p in done.missed))]
    if detail.notes:
        lines += ["", _("Notes:")] + [f"  {line}" for line in detail.notes.splitlines()]
    return "\n".join(lines)


def _attend(args) -> int:
    from netui import contacts, events, wishes

    event_id = _event(args.event)
    title = events.event_title(event_id)
    status = "met" if args.met else "to meet"
    wish = wishes.find_wish(event_id, *_name_and_company(args.name))
    if wish is not None and args.met:
        contact_id = wishes.meet_wish(wish.id)
        print(_("Met {name} at {event}: now a contact (#{id}).", name=wish.name, event=title, id=contact_id))
        return 0
    if wish is not None:
        print(_("{name} is on the list of {event} already (not a contact yet).", name=wish.name, event=title))
        return 0
    contact_id = contacts.resolve_contact(args.name)
    events.set_attendee(event_id, contact_id, status, role=args.role)
    name = contacts.get_contact(contact_id).name
    if status == "met":
        print(_("Met {name} at {event}.", name=name, event=title))
    else:
        print(_("{name} is on the list to meet at {event}.", name=name, event=title))
    return 0


def _name_and_company(text: str) -> tuple[str, str]:
    name, _at, company = text.partition("@")
    return name.strip(), company.strip()


def _status(args) -> int:
    from netui import events

    event_id = _event(args.event)
    status = _status_code(args.status)
    events.set_event_status(event_id, status)
    print(_("{event}: {status}.", event=events.event_title(event_id), status=label(status)))
    return 0


def _want(args) -> int:
    from netui import events, wishes

    event_id = _event(args.event)
    name, company, why = wishes.parse_wish(args.person)
    wishes.add_wish(event_id, name, company, args.why if args.why is not None else why)
    shown = f"{name} @{company}" if company else name
    print(_("To meet at {event}: {person} (not a contact yet).", event=events.event_title(event_id), person=shown))
    return 0


def _missed(args) -> int:
    from netui import contacts, followups, wishes

    event_id = _event(args.event)
    try:
        contact_id, followup_id = wishes.write_to_missed_named(event_id, args.name, args.due, args.action_text)
    except ValidationError as error:
        raise _flagged(error) from None
    item = followups.get_followup(followup_id)
    print(_("Added follow-up #{id} with {name}, due {date}: {action}.", id=item.id,
            name=contacts.get_contact(contact_id).name, date=item.due_on.isoformat(), action=item.action))
    return 0
