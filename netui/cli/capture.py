"""`netui capture`: one person from one line, or the app in capture mode."""

from __future__ import annotations

import sys

from netui.i18n import _, ngettext
from netui.store import db
from netui.cli.output import summary_line


def cmd_capture(args) -> int:
    from netui import capture, contacts

    if args.line is None:
        from netui.app import NetuiApp

        event_id = capture.event_for_today(args.event) if args.event else None
        NetuiApp(db.resolve_db_path(args.db), welcome=False, capture_event=event_id).run()
        return 0
    if capture.any_waiting():  # netui stopped between an Enter and its person: that line first
        say_recovered(*capture.recover())
    choice = capture.NEW_PERSON if args.new else contacts.resolve_contact(args.contact) if args.contact else None
    try:
        capture.check(args.line, choice=choice)  # before the event is created: a refused line writes nothing
        event_id = capture.event_for_today(args.event) if args.event else None
        # Written down first (durable), then applied; a line refused now is not kept.
        result = capture.capture(args.line, event_id, choice=choice)
    except capture.SeveralPeopleError as error:
        message = ngettext(
            "{n} contact is called '{name}'; nothing was saved. Add @Company or an e-mail to the line, "
            "or say who it is with --contact '#id' (or --new for someone else):",
            "{n} contacts are called '{name}'; nothing was saved. Add @Company or an e-mail to the line, "
            "or say who it is with --contact '#id' (or --new for someone else):",
            len(error.candidates), name=error.text)
        print(f"netui: {message}", file=sys.stderr)  # i18n: not text
        for candidate in error.candidates:
            print(f"  {summary_line(candidate)}", file=sys.stderr)
        return 2
    detail = contacts.get_contact(result.contact_id)
    due = result.due.isoformat()
    if result.to_meet:
        starts = result.event_starts_on.isoformat()
        if result.created:
            text = _("Added {name} (#{id}) to meet at {event}, which starts on {day}; follow-up due {due}.",
                     name=detail.name, id=detail.id, event=result.event_title, day=starts, due=due)
        else:
            text = _("Updated {name} (#{id}) to meet at {event}, which starts on {day}; follow-up due {due}.",
                     name=detail.name, id=detail.id, event=result.event_title, day=starts, due=due)
    elif result.created:
        if result.event_title:
            text = _("Added {name} (#{id}) at {event}; follow-up due {due}.",
                     name=detail.name, id=detail.id, event=result.event_title, due=due)
        else:
            text = _("Added {name} (#{id}); follow-up due {due}.", name=detail.name, id=detail.id, due=due)
    elif result.event_title:
        text = _("Updated {name} (#{id}) at {event}; follow-up due {due}.",
                 name=detail.name, id=detail.id, event=result.event_title, due=due)
    else:
        text = _("Updated {name} (#{id}); follow-up due {due}.", name=detail.name, id=detail.id, due=due)
    print(text)
    if result.introducer:
        print(capture.introducer_text(result.introducer))
    return 0


def say_recovered(applied: list, waiting: list) -> None:
    """On stderr (stdout stays what the command prints): lines captured earlier and saved only
    now, and those still waiting for the user."""
    from netui import capture

    for result in applied:
        print(_("netui: saved a line captured earlier that had not been saved yet: {name} (#{id}).",
                name=result.name, id=result.contact_id), file=sys.stderr)
    for line in waiting:
        print(_("netui: a captured line is not saved yet: {line} Open netui capture to finish it.",
                line=capture.waiting_text(line)), file=sys.stderr)
