"""`netui add`, `log`, `search`, `show`: contacts and their timeline."""

from __future__ import annotations

from netui.errors import ValidationError
from netui.i18n import _
from netui.labels import label
from netui.store.models import INTERACTION_KINDS
from netui import present
from netui.cli.output import flagged, jsonable, local_time, print_json, summary_line, with_notes


def cmd_add(args) -> int:
    from netui import contacts
    from netui.cli.duplicates import refuse_likely_twin

    refuse_likely_twin(args)
    # Who introduced them: someone already known (a new person cannot close a circle).
    introducer = contacts.resolve_contact(args.introduced_by) if args.introduced_by else None
    contact_id = contacts.create_contact(
        args.name,
        company=args.company, role=args.role, city=args.city, country=args.country,
        circle=args.circle, how_met=args.how_met, cadence_days=args.cadence,
        notes=args.note, starred=args.star, emails=args.email, phones=args.phone,
        channels=[("linkedin", url, "") for url in args.linkedin], tags=args.tag, introduced_by_id=introducer,
    )
    detail = contacts.get_contact(contact_id)
    print(_("Added {name} (#{id}).", name=detail.name, id=detail.id))
    return 0


def cmd_log(args) -> int:
    from netui import contacts, events, reaching, timeline

    ids = [contacts.resolve_contact(name) for name in args.names]
    if args.milestone:
        return _log_milestone(args, ids)
    if args.congratulate:
        raise ValidationError("congratulate", _("--congratulate goes with --milestone."))
    kind = timeline.validate_kind(args.kind)
    if kind in reaching.NOT_AN_EXCHANGE and args.initiated_by:
        raise ValidationError("initiated_by", _("--initiated-by does not go with a note (the kind when none is "
                                                "given): say what it was, e.g. --kind call."))
    initiated_by = reaching.initiator_for(kind, args.initiated_by)  # "me" unless said; none for a note
    event_id = events.resolve_event(args.event) if args.event else None
    summary = args.summary or (args.note.strip().splitlines() or [""])[0]
    interaction_id = timeline.log_interaction(
        ids, kind, _when(args.when), summary=summary, notes=args.note,
        initiated_by=initiated_by, event_id=event_id,
    )
    info = timeline.get_interaction(interaction_id)
    people = ", ".join(p.name for p in info.participants)
    print(_("Logged {kind} with {people} on {when}.", kind=label(info.kind), people=people,
            when=local_time(info.occurred_at)))
    return 0


def _when(typed: str):
    """--when read, or its error saying so ("--when: 31/02 is not a date...")."""
    from netui import when

    try:
        return when.parse_when(typed)
    except ValidationError as error:
        raise flagged(error, {"when": "--when"}) from None


def _log_milestone(args, ids) -> int:
    from netui import followups, timeline

    offer = timeline.log_milestone(ids, args.milestone, args.note, _when(args.when))
    info = timeline.get_interaction(offer.interaction_id)
    print(_("Logged {milestone} of {people} on {when}.", milestone=label(info.milestone),
            people=", ".join(p.name for p in info.participants), when=local_time(info.occurred_at)))
    if args.congratulate:
        followups.accept_offer(offer)
        print(_("Follow-up due {due}: {action}.", due=offer.due_on.isoformat(), action=offer.action))
    else:
        print(_("Add --congratulate to be reminded to congratulate them by {due}.", due=offer.due_on.isoformat()))
    return 0


def cmd_search(args) -> int:
    from netui import contacts

    found = contacts.find_contacts(args.query).page(0, args.limit)
    if args.json:
        print_json([jsonable(s) for s in found])
        return 0
    if not found:
        print(_("No contact matches '{query}'.", query=args.query))
    for summary in found:
        print(summary_line(summary))
    return 0


def cmd_show(args) -> int:
    from netui import contacts, timeline

    detail = contacts.get_contact(contacts.resolve_contact(args.name))
    recent = timeline.contact_timeline(detail.id, limit=20)
    if args.json:
        data = jsonable(detail)
        data["name"] = detail.name
        data["timeline"] = jsonable(recent)
        print_json(data)
        return 0
    print(_detail_text(detail, recent))
    return 0


def _detail_text(detail, recent) -> str:
    from netui import when
    from netui.dates import shown_label

    lines = [("★ " if detail.starred else "") + f"{detail.name}  (#{detail.id})"]
    if detail.trashed_at:
        lines.append(_("IN THE TRASH since {when}", when=local_time(detail.trashed_at)))
    fields = [
        (_("company"), detail.company), (_("role"), detail.role), (_("city"), detail.city),
        (_("country"), detail.country), (_("circle"), label(detail.circle)), (_("how we met"), detail.how_met),
        (_("met at"), detail.met_at_title), (_("introduced by"), detail.introduced_by_name),
        (_("keep in touch"), present.every_days(detail.cadence_days) if detail.cadence_days else None),
        (_("last contacted"), when.humanize(detail.last_contacted)),
        (_("tags"), " ".join(f"#{t}" for t in detail.tags)),
    ]
    # 15 columns, or more when a translated label needs them.
    width = max([15] + [len(name) + 1 for name, _value in fields])
    lines += [f"  {name:<{width}}{value}" for name, value in fields if value]
    for channel in detail.channels:
        channel_label = f" ({label(channel.label)})" if channel.label else ""
        lines.append(f"  {label(channel.kind):<{width}}{channel.value}{channel_label}")
    for fact in detail.facts:
        lines.append(f"  {fact.label:<{width}}{fact.value}")
    for date in detail.important_dates:
        lines.append(f"  {shown_label(date.label):<{width}}{date.text}")
    if detail.notes:
        lines += ["", _("Notes:")] + [f"  {line}" for line in detail.notes.splitlines()]
    if detail.open_followups:
        lines += ["", _("Follow-ups:")]
        for item in detail.open_followups:
            via = " " + _("by {channel}", channel=label(item.channel)) if item.channel else ""
            lines.append(f"  {item.effective_due.isoformat()}{via}: {present.followup_action(item)}")
    if recent:
        lines += ["", _("Timeline:")]
        # 8 columns (English kinds fit), or the longest translated kind shown.
        kind_width = max([8] + [len(label(info.kind)) for info in recent if info.kind in INTERACTION_KINDS])
        for info in recent:
            others = [p.name for p in info.participants if p.id != detail.id]
            with_others = " " + _("(with {people})", people=", ".join(others)) if others else ""
            by = present.logged_by_words(info)
            with_others += f" · {by}" if by else ""
            first, *notes = info.text_lines or [""]
            lines += with_notes(f"  {local_time(info.occurred_at)}  {label(info.kind):<{kind_width}} ",
                                 [first + with_others, *notes])
    return "\n".join(lines)


def cmd_fact(args) -> int:
    """`netui fact NAME [LABEL [VALUE]] [--remove]`: list, add or remove a person's facts."""
    from netui import contacts, facts

    contact_id = contacts.resolve_contact(args.name)
    name = contacts.get_contact(contact_id).name
    if args.remove:
        if args.label is None:
            raise ValidationError("label", _("--remove needs the label of the facts to remove, e.g. kids."))
        removed = facts.remove_facts(contact_id, args.label, args.value)
        message = "; ".join(f"{f.label}: {f.value}" for f in removed)
        said = _("Removed from {name}: {facts}.", name=name, facts=message)
    elif args.label is not None:
        contacts.add_fact(contact_id, args.label, args.value or "")
        said = _("Added to {name}: {label}: {value}.", name=name, label=" ".join(args.label.split()),
                 value=args.value.strip())
    else:
        said = None
    known = facts.facts_of(contact_id)
    if args.json:
        print_json(jsonable(known))
        return 0
    if said:
        print(said)
        return 0
    if not known:
        print(_("No facts about {name} yet; add one with: netui fact NAME LABEL VALUE.", name=name))
    width = max((len(f.label) for f in known), default=0) + 2
    for fact in known:
        print(f"{fact.label + ':':<{width}}{fact.value}")
    return 0
