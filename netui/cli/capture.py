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
    choice = capture.NEW_PERSON if args.new else contacts.resolve_contact(args.contact) if args.contact else None
    try:
        capture.check(args.line, choice=choice)  # before the event is created: a refused line writes nothing
        event_id = capture.event_for_today(args.event) if args.event else None
        result = capture.capture_line(args.line, event_id, choice=choice)
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
