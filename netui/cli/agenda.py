"""`netui today`, `brief`, `cadence`, `date`, `appointment`, `followup`: keeping in touch."""

from __future__ import annotations

from netui import present
from netui.errors import ValidationError
from netui.i18n import _, ngettext
from netui.labels import label
from netui.cli.output import flagged, jsonable, local_time, print_json, with_notes


def cmd_today(args) -> int:
    from netui import agenda

    today = agenda.today_agenda(args.days, team=args.team)
    if args.json:
        print_json(today.to_json())
        return 0
    heading = _("Today, {date}", date=present.long_day(today.today))
    print(heading + (" · " + _("the team's") if today.team else ""))
    shown = [section for section in today.sections if section.rows]
    for section in shown:
        print(f"\n{section.title}")
        for row in section.rows:
            print(f"  {present.agenda_line(row)}")
    if not shown:
        print(_("Nothing due: a good day to reach out to someone."))
    if today.others_due:
        print("\n" + ngettext("{n} more follow-up of the team's is due: netui today --team shows it.",
                              "{n} more follow-ups of the team's are due: netui today --team shows them.",
                              today.others_due))
    return 0


def cmd_brief(args) -> int:
    from netui import brief, contacts

    seen = brief.meeting_brief(contacts.resolve_contact(args.name))
    if args.json:
        data = jsonable(seen)
        data["headline"] = seen.headline
        data["how_we_met"] = seen.how_we_met
        print_json(data)
        return 0
    print(_brief_text(seen))
    return 0


def _brief_text(seen) -> str:
    """The brief as netui.present says it, in titled blocks of indented lines."""
    from netui import when

    lines = [f"{seen.name}  (#{seen.contact_id})"]
    lines += [f"  {line}" for line in (seen.headline, present.keep_in_touch_short(seen.keep_in_touch),
                                       present.reach_line(seen.who_reaches_out), seen.how_we_met, present.give_and_take_line(seen.give_and_take),
                                       present.came_through_line(seen.chain),
                                       present.known_in_team_line(seen.known_in_team)) if line]

    def block(title: str, shown: list[str]) -> None:
        if shown:
            lines.extend(["", title] + [f"  {line}" for line in shown])

    block(_("Remember:"), [present.fact_line(f) for f in seen.facts])
    block(_("Coming up:"), [present.date_line(d) for d in seen.upcoming_dates])
    block(_("Introductions:"), [f"#{i.id}  {present.introduction_line(i)}" for i in seen.introductions])
    block(_("Open follow-ups:"), [f"#{f.id}  {present.followup_line(f, when.today())}" for f in seen.open_followups])
    block(_("Next appointments:"), [present.appointment_line(o) for o in seen.next_appointments])
    if seen.last_interactions:
        lines += ["", _("Last time:")]
        for info in seen.last_interactions:
            lines += with_notes(f"  {local_time(info.occurred_at)}  {label(info.kind):<9} ",
                                present.interaction_lines(info))
    return "\n".join(lines)


def cmd_cadence(args) -> int:
    from netui import contacts, upkeep

    scope, _sep, rest = args.name.partition(":")
    if scope.lower() in ("circle", "tag") and rest:
        if args.every is None or args.snooze is not None:
            raise ValidationError("every", _("Say how often to keep in touch with {name}, e.g. 1m or none.",
                                             name=args.name))
        upkeep.set_default_cadence(scope, rest, args.every)
        days = upkeep.parse_cadence(args.every)
        every = present.every_days(days) if days else _("none")
        if scope.lower() == "circle":
            print(_("Default for circle {name}: {every}.", name=rest, every=every))
        else:
            print(_("Default for tag {name}: {every}.", name=rest, every=every))
        return 0
    contact_id = contacts.resolve_contact(args.name)
    name = contacts.get_contact(contact_id).name
    if args.every is None and args.snooze is None:
        raise ValidationError("every", _("Say how often (1w, 2w, 1m, 6w, 3m, 6m, 1y, none, default) or --snooze DAYS."))
    if args.every is not None:
        upkeep.set_cadence(contact_id, args.every)
    if args.snooze is not None:
        until = upkeep.snooze_cadence(contact_id, args.snooze)
        print(_("Snoozed {name} until {date}.", name=name, date=until.isoformat()))
    status = upkeep.keep_in_touch(contact_id)
    if args.every is not None:
        if status.source in ("contact", "none", ""):
            source = ""
        else:
            source = " " + _("(default of {source})", source=status.source)
        every = present.every_days(status.cadence_days) + source if status.cadence_days else _("no keep-in-touch")
        due = "; " + _("next due {date}", date=status.due_on.isoformat()) if status.due_on else ""
        print(f"{name}: {every}{due}.")
    return 0


def cmd_date(args) -> int:
    from netui import contacts, dates

    contact_id = contacts.resolve_contact(args.name)
    date_id = dates.add_date(contact_id, args.label, args.date, args.remind)
    [added] = [d for d in dates.dates_of(contact_id) if d.date_id == date_id]
    turning = ", " + _("turns {age}", age=added.turning) if added.turning else ""
    print(_("Added {label} {date} to {name}; next on {next}", label=added.label, date=added.text,
            name=added.contact_name, next=added.on.isoformat()) + f"{turning}.")
    return 0


def cmd_appointment(args) -> int:
    from netui import appointments, contacts, timeline, when

    if args.action == "add":
        return _appointment_add(args)
    if args.action == "list":
        contact_id = contacts.resolve_contact(args.name) if args.name else None
        found = appointments.list_appointments(contact_id)
        if not found:
            print(_("No appointments."))
        coming = appointments.next_occurrences(contact_id, n=500)
        for info in found:
            people = ", ".join(p.name for p in info.participants)
            upcoming = [o for o in coming if o.appointment_id == info.id][:3]
            nexts = ", ".join(f"{o.starts_at:%Y-%m-%d %H:%M}" for o in upcoming) or _("none left")  # i18n: not text
            print(_("#{id}  {title} with {people}  ·  {description}  ·  next: {dates}", id=info.id,
                    title=info.title, people=people, description=info.description, dates=nexts))
        return 0
    day = when.parse_date(args.date, "date")
    if args.action == "done":
        interaction_id = appointments.mark_done(args.id, day)
        info = timeline.get_interaction(interaction_id)
        print(_("Done: logged {summary} with {people} on {when}.", summary=info.summary,
                people=", ".join(p.name for p in info.participants), when=local_time(info.occurred_at)))
    else:
        appointments.skip_occurrence(args.id, day)
        print(_("Skipped appointment #{id} on {date}.", id=args.id, date=day.isoformat()))
    return 0


def _appointment_add(args) -> int:
    from netui import appointments, contacts

    ids = [contacts.resolve_contact(name) for name in args.people]
    every = args.every.strip().lower()
    unit = every[-1:] if every[-1:] in ("w", "m") else ""
    if not unit or not every[:-1].isdigit():
        raise ValidationError("every", _("'{every}' is not a repetition; use 1w, 2w, 1m, 3m...", every=args.every))
    appointment_id = appointments.create_appointment(
        args.title, ids, args.start, freq="weekly" if unit == "w" else "monthly", interval=int(every[:-1]),
        weekdays=args.on, until=args.until, count=args.count, duration_minutes=args.duration,
    )
    info = appointments.get_appointment(appointment_id)
    print(_("Added appointment #{id}: {title}, {description}.", id=info.id, title=info.title,
            description=info.description))
    return 0


def cmd_followup(args) -> int:
    from netui import contacts, followups, when

    if args.action == "add":
        from netui.labels import code_for
        from netui.rules import CHANNEL_KINDS

        contact_id = contacts.resolve_contact(args.name)
        channel = code_for(args.channel, CHANNEL_KINDS) or args.channel if args.channel else ""  # "telefono" too
        try:
            followup_id = followups.create_followup(contact_id, args.due, args.action_text, channel)
        except ValidationError as error:  # which flag: "--due: 31/02 is not a date…"
            raise flagged(error, {"due_on": "--due", "channel": "--channel", "action": "--action"}) from None
        item = followups.get_followup(followup_id)
        print(_("Added follow-up #{id} with {name}, due {date}: {action}.", id=item.id, name=item.contact_name,
                date=item.due_on.isoformat(), action=item.action))
        return 0
    if args.action == "list":
        shown = followups.open_followups() if args.all else followups.due_followups()
        if not shown:
            print(_("No open follow-ups.") if args.all else _("No follow-ups due."))
        for item in shown:
            days = (item.effective_due - when.today()).days
            via = f" ({label(item.channel)})" if item.channel else ""
            due = when.due_words(days) if days <= 0 else f"{item.effective_due.isoformat()}, {when.due_words(days)}"
            print(f"#{item.id}  {item.contact_name} · {present.followup_action(item)}{via} · {due}")
        return 0
    item = followups.get_followup(args.id)
    if args.action == "done":
        logged = followups.complete_followup(args.id, args.log_kind, notes=args.note)
        action = item.action or _("follow-up")
        if logged:
            print(_("Done: {action} ({name}); logged {kind}.", action=action, name=item.contact_name,
                    kind=label(args.log_kind)))
        else:
            print(_("Done: {action} ({name}).", action=action, name=item.contact_name))
    elif args.action == "snooze":
        until = followups.snooze_followup(args.id, args.days)
        print(_("Snoozed #{id} ({name}) until {date}.", id=args.id, name=item.contact_name, date=until.isoformat()))
    else:
        followups.reschedule_followup(args.id, args.date, args.action_text, args.channel)
        print(_("Moved #{id} ({name}) to {date}.", id=args.id, name=item.contact_name,
                date=followups.get_followup(args.id).due_on.isoformat()))
    return 0
