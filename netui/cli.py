"""The `netui` command: opens the TUI, or runs one subcommand through the domain layer.

User errors print one sentence on stderr and exit with status 2.

Only what every run needs is imported here; each subcommand imports the domain modules it
uses, so `netui` starts quickly and the TUI path loads little before the app.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import peewee

from netui import __version__, config, i18n
from netui.store import db
from netui.errors import AmbiguousNameError, NetuiError, ValidationError
from netui.i18n import _, ngettext
from netui.labels import codes_as_typed, label
from netui.store.models import CHANNEL_KINDS, CIRCLES, FAVOUR_KINDS, INTERACTION_KINDS, INTRODUCTION_STATUSES, MILESTONES

USER_ERROR = 2
_YEARLESS = re.compile(r"^--(\d{1,2}-\d{1,2})$")


class UsageError(Exception):
    """Bad command-line usage; argparse's message is carried here instead of exiting."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, like every other user error
        raise UsageError(f"{self.prog}: {message}")


def _one_of(codes, labelled: bool = False) -> str:
    """The help of an argument that takes one of these (English) codes; `labelled`: it takes
    their labels in the interface's language too, so those are listed."""
    return _("one of: {codes}", codes=codes_as_typed(codes) if labelled else ", ".join(codes))


def build_parser() -> argparse.ArgumentParser:
    machine = _("machine-readable output")
    repeatable = _("repeatable")
    parser = _Parser(
        prog="netui",
        description=_("Build and keep your professional network, from the terminal."),
        epilog=_("The database is a single SQLite file; --db or ${variable} choose it.", variable=db.DB_ENV_VAR),
    )
    parser.add_argument("--version", action="version", version=f"netui {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--db", metavar=_("PATH"), help=_("database file (default: ${variable} or {path})",
                                                       variable=db.DB_ENV_VAR, path=db.default_db_path()))
    parser.add_argument("--demo", action="store_true", help=_("open a fresh throwaway demo network"))
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES),
                        help=_("language of the interface (default: the config file, then $LANG; English)"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)

    add = commands.add_parser("add", help=_("add a contact"))
    add.add_argument("name", metavar=_("NAME"), help=_('full name, e.g. "Giulia Rossi"'))
    add.add_argument("--company", default="")
    add.add_argument("--role", default="")
    add.add_argument("--city", default="")
    add.add_argument("--country", default="")
    add.add_argument("--circle", default="other", help=_one_of(CIRCLES, labelled=True))
    add.add_argument("--email", action="append", default=[], help=repeatable)
    add.add_argument("--phone", action="append", default=[], help=repeatable)
    add.add_argument("--linkedin", action="append", default=[], help=_("profile URL; repeatable"))
    add.add_argument("--tag", action="append", default=[], help=repeatable)
    add.add_argument("--how-met", default="", help=_("how you met, in your words"))
    add.add_argument("--cadence", type=str, default=None, metavar=_("DAYS"), help=_("keep in touch every DAYS days"))
    add.add_argument("--note", default="")
    add.add_argument("--star", action="store_true", help=_("mark as starred"))

    log = commands.add_parser("log", help=_("log an interaction with one or more contacts"))
    log.add_argument("names", metavar=_("NAME"), nargs="+", help=_("each participant ('#12' picks by id)"))
    log.add_argument("--kind", default="note", help=_one_of(INTERACTION_KINDS, labelled=True))
    log.add_argument("--when", default="now", help=_('e.g. "yesterday 18:00", "3 days ago", 2026-11-20'))
    log.add_argument("--summary", default="", help=_("one line; defaults to the note's first line"))
    log.add_argument("--note", default="")
    log.add_argument("--initiated-by", choices=("me", "them"), default=None)
    log.add_argument("--event", default=None, metavar=_("EVENT"), help=_("title or '#id' of the event it happened at"))
    log.add_argument("--milestone", default=None, metavar=_("WHAT"),
                     help=_("their news to congratulate ({milestones}); --kind is then ignored",
                            milestones=", ".join(m.replace(" ", "-") for m in MILESTONES)))
    log.add_argument("--congratulate", action="store_true",
                     help=_("with --milestone: add the congratulation follow-up it offers"))

    search = commands.add_parser(
        "search", help=_("search contacts (names, company, city, tags, notes, facts...); "
                         "filters: #tag circle:C city:C company:C"))
    search.add_argument("query", metavar=_("QUERY"))
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help=machine)

    show = commands.add_parser("show", help=_("show everything about one contact"))
    show.add_argument("name", metavar=_("NAME"))
    show.add_argument("--json", action="store_true", help=machine)

    commands.add_parser("locate", help=_("print where the data and configuration live"))

    capture_command = commands.add_parser(
        "capture", help=_("quick capture: save one person from a line, or open capture mode"))
    capture_command.add_argument("line", metavar=_("LINE"), nargs="?",
                                 help=_("e.g. 'Giulia Rossi @Lumen \"Head of PR\" #fintech giulia@lumen.it !2d kids'; "
                                        "without it, the app opens in capture mode"))
    capture_command.add_argument("--event", metavar=_("EVENT"),
                                 help=_("the event you are at (title or '#id'); created for today if new"))
    who = capture_command.add_mutually_exclusive_group()
    who.add_argument("--contact", metavar=_("CONTACT"),
                     help=_("the person the line is about ('#id' or name), when several share the name"))
    who.add_argument("--new", action="store_true",
                     help=_("a new person, even if someone of that name is already known"))

    export_command = commands.add_parser(
        "export", help=_("write contacts and more to CSV, vCard or iCalendar; or everything about one person (JSON)"))
    export_command.add_argument("format", choices=("csv", "vcard", "ics", "person"))
    export_command.add_argument("person", metavar=_("NAME"), nargs="?",
                                help=_("person: whose data (everything stored about them, as JSON)"))
    export_command.add_argument("--out", metavar=_("PATH"),
                                help=_("the file to write (with --what all: a folder); person: default standard output"))
    export_command.add_argument("--json", action="store_true", help=_("person: the format (the only one)"))
    export_command.add_argument("--what", default=None,
                                help=_("csv: contacts (default), interactions, events, followups, favours, "
                                       "introductions, appointments, cadences, or all (a folder netui import reads back)"))
    export_command.add_argument("--query", default="", help=_("only contacts the search box would show for this "
                                                              "(and what goes with them)"))
    export_command.add_argument("--tag", default=None, help=_("only contacts with this tag (and what goes with them)"))
    export_command.add_argument("--city", default=None, help=_("only contacts in this city (and what goes with them)"))
    export_command.add_argument("--excel", action="store_true", help=_("csv: UTF-8 with a BOM, for Excel"))
    export_command.add_argument("--version", dest="vcard_version", default="3.0", choices=("3.0", "4.0"),
                                help=_("vcard: the vCard version"))

    import_command = commands.add_parser(
        "import", help=_("bring people in from netui CSV, LinkedIn Connections.csv, Google Contacts CSV or vCard; "
                         "or everything from a folder written by export csv --what all"))
    import_command.add_argument("file", metavar="FILE", help=_("a file, or a folder written by export csv --what all"))
    import_command.add_argument("--dry-run", action="store_true", help=_("say what would happen, write nothing"))

    _add_upkeep_commands(commands)
    _add_giving_commands(commands)
    _add_safety_commands(commands)

    demo_command = commands.add_parser("demo", help=_("write a made-up sample network into an empty database"))
    demo_command.add_argument("--people", type=int, default=200)
    demo_command.add_argument("--interactions", type=int, default=None, help=_("default: 7.5 per person"))
    demo_command.add_argument("--seed", type=int, default=2026, help=_("same seed, same network"))
    demo_command.add_argument("--db", dest="demo_db", metavar=_("PATH"), help=_("the (new) database file to write"))
    return parser


def _add_upkeep_commands(commands) -> None:
    """today, trip, brief, cadence, date, appointment, followup."""
    from netui.upkeep import CADENCE_PRESETS

    machine = _("machine-readable output")
    today = commands.add_parser("today", help=_("follow-ups, dates, appointments, overdue cadences and events"))
    today.add_argument("--days", type=int, default=7, help=_("dates in the next N days (default 7)"))
    today.add_argument("--json", action="store_true", help=machine)

    trip = commands.add_parser("trip", help=_("everyone in a city, overdue first then warmest"))
    trip.add_argument("city", metavar=_("CITY"))
    trip.add_argument("--from", dest="start", metavar=_("DATE"), help=_("first day: saves the trip as an event"))
    trip.add_argument("--to", dest="end", metavar=_("DATE"), help=_("last day (default: the first)"))
    trip.add_argument("--followups", action="store_true",
                      help=_('with --from: a "tell them about my trip" follow-up for everyone listed'))
    trip.add_argument("--json", action="store_true", help=machine)

    brief_command = commands.add_parser("brief", help=_("what to remember before meeting someone"))
    brief_command.add_argument("name", metavar=_("NAME"))
    brief_command.add_argument("--json", action="store_true", help=machine)

    cadence = commands.add_parser(
        "cadence", help=_("keep in touch with someone (or a circle:NAME / tag:NAME default) every so often"))
    cadence.add_argument("name", metavar=_("NAME"), help=_("a contact, or circle:work / tag:fintech for a default"))
    cadence.add_argument("every", metavar=_("EVERY"), nargs="?",
                         help=_("{presets}, N days (e.g. 45), or default",
                                presets=", ".join(p.key for p in CADENCE_PRESETS)))
    cadence.add_argument("--snooze", type=int, metavar=_("DAYS"), help=_("not overdue for the next DAYS days"))

    date = commands.add_parser("date", help=_("add an important date (birthday, anniversary...)"))
    date.add_argument("name", metavar=_("NAME"))
    date.add_argument("label", metavar=_("LABEL"), help=_("e.g. birthday"))
    date.add_argument("date", metavar=_("DATE"), help=_("1985-04-15, or --04-15 / 15/04 when the year is unknown"))
    date.add_argument("--remind", type=int, default=7, metavar=_("DAYS"),
                      help=_("remind this many days before (default 7)"))

    appointment = commands.add_parser("appointment", help=_("recurring appointments: add, list, done, skip"))
    actions = appointment.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=_Parser, required=True)
    add = actions.add_parser("add", help=_("add a recurring appointment"))
    add.add_argument("title", metavar=_("TITLE"))
    add.add_argument("--with", dest="people", action="append", required=True, metavar=_("NAME"),
                     help=_("repeatable"))
    add.add_argument("--start", required=True, metavar=_("WHEN"), help=_('the first one, e.g. "2026-12-01 18:30"'))
    add.add_argument("--every", default="1w", metavar="N{w|m}", help=_("1w (default), 2w, 1m, 3m..."))
    add.add_argument("--on", default="", metavar=_("DAYS"), help=_("weekly: the days, e.g. tue,thu"))
    add.add_argument("--until", default=None, metavar=_("DATE"), help=_("the last day it may happen"))
    add.add_argument("--count", type=int, default=None, metavar="N", help=_("how many times"))
    add.add_argument("--duration", type=int, default=60, metavar=_("MINUTES"))
    listing = actions.add_parser("list", help=_("appointments (of one person) and their next dates"))
    listing.add_argument("name", metavar=_("NAME"), nargs="?")
    for verb, text in (("done", _("mark one occurrence done (logs a meeting)")),
                       ("skip", _("skip one occurrence"))):
        marking = actions.add_parser(verb, help=text)
        marking.add_argument("id", type=int, metavar="ID")
        marking.add_argument("date", metavar=_("DATE"), help=_("the day of the occurrence (default today)"), nargs="?",
                             default="today")

    followup = commands.add_parser("followup", help=_("follow-ups: add, list, done, snooze, reschedule"))
    actions = followup.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=_Parser, required=True)
    add = actions.add_parser("add", help=_("add a follow-up with someone"))
    add.add_argument("name", metavar=_("NAME"))
    add.add_argument("--due", required=True, metavar=_("WHEN"), help=_("e.g. tomorrow, friday, in 3 days, 2026-12-03"))
    add.add_argument("--action", dest="action_text", required=True, metavar=_("TEXT"),
                     help=_("what to send or say"))
    add.add_argument("--channel", default="", metavar=_("CHANNEL"), help=_one_of(CHANNEL_KINDS))
    listing = actions.add_parser("list", help=_("open follow-ups due today or overdue"))
    listing.add_argument("--all", action="store_true", help=_("every open follow-up, also those not due yet"))
    done = actions.add_parser("done", help=_("mark a follow-up done (due or not yet)"))
    done.add_argument("id", type=int, metavar="ID")
    done.add_argument("--log", dest="log_kind", metavar=_("KIND"),
                      help=_("also log the interaction (email, call...)"))
    done.add_argument("--note", default="")
    snooze = actions.add_parser("snooze", help=_("put a follow-up off by DAYS days, or until a day"))
    snooze.add_argument("id", type=int, metavar="ID")
    snooze.add_argument("days", metavar=_("DAYS|WHEN"),
                        help=_("days from the day it is due (or from today, if due already), or a day such as "
                               "friday or 2026-12-10"))
    reschedule = actions.add_parser("reschedule", help=_("move a follow-up to another day"))
    reschedule.add_argument("id", type=int, metavar="ID")
    reschedule.add_argument("date", metavar=_("WHEN"))
    reschedule.add_argument("--action", dest="action_text", metavar=_("TEXT"),
                            help=_("what to send or say, anew"))
    reschedule.add_argument("--channel", metavar=_("CHANNEL"), help=_one_of(CHANNEL_KINDS))


def _add_giving_commands(commands) -> None:
    """favour, favours, intro, intro-status, chain, connectors."""
    machine = _("machine-readable output")
    favour = commands.add_parser("favour", help=_("record a favour given to or received from someone"))
    favour.add_argument("name", metavar=_("NAME"))
    direction = favour.add_mutually_exclusive_group(required=True)
    direction.add_argument("--gave", dest="direction", action="store_const", const="gave",
                           help=_("you did it for them"))
    direction.add_argument("--received", dest="direction", action="store_const", const="received",
                           help=_("they did it for you"))
    favour.add_argument("--kind", required=True, metavar="K",
                        help=_one_of(k.replace(" ", "-") for k in FAVOUR_KINDS))
    favour.add_argument("--note", default="")
    favour.add_argument("--when", default="today", metavar=_("DATE"),
                        help=_("the day: today (default), yesterday, 2026-11-20"))
    favour.add_argument("--followup", metavar=_("WHEN"),
                        help=_('also a follow-up ("Thank them for…" / "Check the … helped") due then: '
                               "a date, friday, 'in 2 weeks' or a number of days"))

    favours = commands.add_parser("favours", help=_("someone's favours and balance; or the people you owe and "
                                                    "the people you helped recently"))
    favours.add_argument("name", metavar=_("NAME"), nargs="?", help=_("whose ledger (without it: the two lists)"))
    favours.add_argument("--owe", action="store_true", help=_("people who did more for you than you for them"))
    favours.add_argument("--helped", action="store_true", help=_("favours you gave recently"))
    favours.add_argument("--days", type=int, default=90, help=_("with --helped: how far back (default 90)"))
    favours.add_argument("--limit", type=int, default=50)
    favours.add_argument("--json", action="store_true", help=machine)

    intro = commands.add_parser("intro", help=_("introduce one contact to another"))
    intro.add_argument("person_a", metavar="A")
    intro.add_argument("person_b", metavar="B")
    intro.add_argument("--reason", required=True, metavar=_("TEXT"), help=_("why they should meet"))
    intro.add_argument("--when", default="today", metavar=_("DATE"), help=_("the day (default today)"))
    intro.add_argument("--status", default="proposed", choices=("proposed", "made"),
                       help=_("proposed (default): you mean to; made: you did (a favour to each, logged with both)"))
    intro.add_argument("--followup", metavar=_("WHEN"),
                       help=_("with --status made: ask both how it went then (a date, 'in 2 weeks', days)"))

    status = commands.add_parser("intro-status", help=_("move an introduction on: proposed → made → met → outcome"))
    status.add_argument("id", type=int, metavar="ID")
    status.add_argument("status", metavar=_("STATUS"), choices=INTRODUCTION_STATUSES,
                        help=" → ".join(INTRODUCTION_STATUSES))
    status.add_argument("--outcome", default="", metavar=_("TEXT"), help=_("with outcome: what came of it"))
    status.add_argument("--followup", metavar=_("WHEN"),
                        help=_("when it becomes made: ask both how it went then (a date, 'in 2 weeks', days)"))

    chain = commands.add_parser("chain", help=_("who introduced someone, up to the first person, and whom they "
                                                "brought in"))
    chain.add_argument("name", metavar=_("NAME"))
    chain.add_argument("--json", action="store_true", help=machine)

    connectors = commands.add_parser("connectors", help=_("who brought the most people into your network"))
    connectors.add_argument("--limit", type=int, default=10)
    connectors.add_argument("--json", action="store_true", help=machine)


def _add_safety_commands(commands) -> None:
    """backup, restore, purge."""
    backup_command = commands.add_parser("backup", help=_("copy the database safely, even while the app is open"))
    backup_command.add_argument("--to", metavar=_("PATH"),
                                help=_("the file (or folder) to write; default: the backups folder beside the database"))
    restore = commands.add_parser("restore",
                                  help=_("replace the database with a backup (the current one is saved first)"))
    restore.add_argument("file", metavar=_("PATH"), help=_("a netui database file, e.g. one netui backup wrote"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    purge = commands.add_parser("purge", help=_("erase a person for good, everywhere (also from the trash)"))
    purge.add_argument("name", metavar=_("NAME"), help=_("their name or '#id' (a person in the trash too)"))
    purge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))


def main(argv: Sequence[str] | None = None) -> int:
    # "--04-15" (a date without its year) would read as an option: pass it on as "04-15".
    argv = [_YEARLESS.sub(r"\1", a) for a in (sys.argv[1:] if argv is None else argv)]
    use_language(argv)  # before the parser exists: its --help is translated too
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return run_tui(args)
        if args.command == "locate":
            return cmd_locate(args)
        if args.command == "restore":  # also when the current file is too damaged to open
            return cmd_restore(args)
        # A dry run writes nothing, not even a new empty file: it imports into nothing.
        dry_run = args.command == "import" and args.dry_run
        database = db.open_database(db.resolve_db_path(getattr(args, "demo_db", None) or args.db),
                                    create=not dry_run)
        try:
            return COMMANDS[args.command](args)
        finally:
            database.close()
    except UsageError as error:
        print(error, file=sys.stderr)
        return USER_ERROR
    except AmbiguousNameError as error:
        print(f"netui: {error}", file=sys.stderr)  # i18n: not text
        for candidate in error.candidates:
            print(f"  {_summary_line(candidate)}", file=sys.stderr)
        return USER_ERROR
    except (NetuiError, db.DatabaseOpenError) as error:
        print(f"netui: {error}", file=sys.stderr)  # i18n: not text
        return USER_ERROR
    except peewee.OperationalError as error:  # locked past the timeout, disk full, read-only
        message = _("the database could not be written or read ({error}); nothing was changed.", error=error)
        print(f"netui: {message}", file=sys.stderr)  # i18n: not text
        return USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `netui search x | head -1`: the reader has gone, stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def use_language(argv: Sequence[str]) -> str:
    """Choose the language: --lang, then the config file, then $LC_ALL/$LC_MESSAGES/$LANG."""
    flag = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            flag = argv[index + 1]
        elif argument.startswith("--lang="):
            flag = argument.partition("=")[2]
    if flag not in i18n.LANGUAGES:
        flag = None  # argparse then says which languages there are
    try:
        configured = config.load().language
    except NetuiError:
        configured = None  # the broken file is reported where the setting is used
    code = i18n.choose_language(flag, configured)
    i18n.set_language(code)
    # argparse's own words ("usage:", "options", "invalid choice") through the same catalogue.
    argparse._ = i18n._
    argparse.ngettext = i18n.plural_form
    return code


# --- subcommands -------------------------------------------------------------------------


def run_tui(args) -> int:
    from netui.app import NetuiApp  # Textual loads only when the TUI is wanted

    if args.demo:
        from netui import demo

        with demo.ThrowawayNetwork() as throwaway:
            throwaway.open()
            demo.generate_network()
            NetuiApp(throwaway.path, welcome=False, demo=True).run()
        return 0
    path = db.resolve_db_path(args.db)
    database = db.open_database(path)
    try:
        NetuiApp(path, daily_backup=True).run()  # today's automatic copy is made once the list shows
    finally:
        database.close()
    return 0


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
            print(f"  {_summary_line(candidate)}", file=sys.stderr)
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
    return 0


def cmd_export(args) -> int:
    from netui.exchange import exporting

    if args.format == "person":
        chosen = [flag for flag, value in (("--query", args.query), ("--tag", args.tag), ("--city", args.city),
                                           ("--what", args.what)) if value]
        if chosen:
            raise ValidationError("format", _("export person writes one person's whole record: {flag} does not "
                                              "apply to it.", flag=chosen[0]))
        return _export_person(args)
    if args.person:
        raise ValidationError("format", _("'{name}': only export person takes a name.", name=args.person))
    if args.what and args.format != "csv":
        raise ValidationError("what", _("--what chooses a CSV table; a {format} export has none.", format=args.format))
    if not args.out:
        raise ValidationError("out", _("Say where to write the {format} file with --out PATH.", format=args.format))
    query = " ".join(part for part in (
        args.query, f'tag:"{args.tag}"' if args.tag else "", f'city:"{args.city}"' if args.city else "") if part)
    written = exporting.export(args.format, Path(args.out), args.what or "contacts", query, excel=args.excel,
                               version=args.vcard_version)
    for path in written:
        print(_("Wrote {path}", path=path))
    return 0


def _export_person(args) -> int:
    import json

    from netui.exchange import exporting
    from netui import privacy

    if not args.person:
        raise ValidationError("person", _("Say whose data to export: netui export person NAME --json."))
    record = privacy.person_record(privacy.resolve_anyone(args.person))
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        written = exporting.write_private(Path(args.out), text.encode("utf-8"))
        print(_("Wrote everything stored about {name} to {path}", name=record["contact"]["name"], path=written))
    else:
        print(text, end="")
    return 0


def _contacts_count(n: int) -> str:
    return ngettext("{n} contact", "{n} contacts", n)


def cmd_backup(args) -> int:
    from netui.store import backup

    written = backup.backup_now(Path(args.to) if args.to else None)
    facts = backup.facts_about(written)
    print(_("Backed up {database} to {path} ({contacts}, {interactions}).",
            database=db.resolve_db_path(args.db), path=written, contacts=_contacts_count(facts.contacts),
            interactions=ngettext("{n} interaction", "{n} interactions", facts.interactions)))
    return 0


def cmd_restore(args) -> int:
    from netui.store import backup

    live = db.resolve_db_path(args.db)
    incoming = backup.check_backup(Path(args.file))
    question = _("Replace {current} with {backup}? The current file is copied to {folder} first.",
                 current=backup.describe_file(live), backup=incoming.describe(), folder=backup.backups_folder(live))
    if not _confirm(question, args.yes, _("netui restore replaces your whole database: add --yes to confirm "
                                          "(there is no terminal to ask on).")):
        print(_("Nothing was changed."))
        return 1
    saved = backup.restore(Path(args.file), live)
    restored = _("Restored {database} from {file} ({contacts}).", database=live, file=args.file,
                 contacts=_contacts_count(incoming.contacts))
    kept = " " + _("The database it replaced is kept as {path}.", path=saved) if saved else ""
    print(restored + kept)
    return 0


def cmd_purge(args) -> int:
    from netui.store import backup
    from netui import contacts, lifecycle, privacy

    contact_id = privacy.resolve_anyone(args.name)
    detail = contacts.get_contact(contact_id)
    question = _("Erase {name} (#{id}) for good: their details, interactions only with them, "
                 "follow-ups, and every trace in the database file? This cannot be undone.",
                 name=detail.name, id=contact_id)
    if not _confirm(question, args.yes, _("netui purge erases {name} for good: add --yes to confirm "
                                          "(there is no terminal to ask on).", name=detail.name)):
        print(_("Nothing was changed."))
        return 1
    lifecycle.purge_contact(contact_id)
    print(_("Erased {name} (#{id}) for good. Backups made before still hold them until they "
            "roll off (netui keeps {daily} daily ones) or you delete them.",
            name=detail.name, id=contact_id, daily=backup.KEEP_DAILY))
    return 0


def _plain(text: str) -> str:
    """'Sì ' -> 'si': answers compared without case, accents or spaces."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _confirm(question: str, yes: bool, refusal: str) -> bool:
    """--yes, or a yes typed on the terminal; without either and without a terminal: refuse."""
    if yes:
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ValidationError("yes", refusal)
    # "y" and "yes" always do; in Italian also "s" and "sì" (or "si").
    answers = {"y", "yes", _plain(_("y")), _plain(_("yes"))}
    choices = _("[y/N]")
    return _plain(input(f"{question} {choices} ")) in answers


def cmd_import(args) -> int:
    from netui.exchange import table_import

    report = table_import.import_file(Path(args.file), dry_run=args.dry_run)
    plan = report.plan
    print(plan.summary() + ("  " + _("(dry run: nothing written)") if args.dry_run else ""))
    for line in table_import.describe(report.tables):
        print(f"  {line}")
    for update in plan.updated:
        print(f"  {update.person.where}: " + _("updated {name} ({reason})", name=update.name, reason=update.reason))
        if update.job_change:
            print("    " + _("new job: {new} (was {old}); a congratulation follow-up is added",
                             new=update.job_change[1], old=update.job_change[0]))
        for conflict in update.conflicts:
            print("    " + _("{field}: kept '{kept}', the file says '{incoming}'",
                             field=conflict.field, kept=conflict.kept, incoming=conflict.incoming))
    for skipped in plan.skipped:
        print(f"  {skipped.where}: " + _("skipped: {reason}", reason=skipped.reason))
    return 0


def cmd_demo(args) -> int:
    from netui import demo

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            percent = f"{100 * done // max(total, 1):3d}"
            print("\r" + _("writing the demo network… {percent}%", percent=percent), end="", file=sys.stderr)

    summary = demo.generate_network(args.people, args.interactions, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(_("Wrote a demo network: {people}, {interactions}, {events}, {followups}.",
            people=ngettext("{n} person", "{n} people", summary.people),
            interactions=ngettext("{n} interaction", "{n} interactions", summary.interactions),
            events=ngettext("{n} event", "{n} events", summary.events),
            followups=ngettext("{n} follow-up", "{n} follow-ups", summary.followups)))
    return 0


def cmd_locate(args) -> int:
    rows = [(_("database:"), db.resolve_db_path(args.db)), (_("data dir:"), db.data_dir()),
            (_("config:"), db.config_dir())]
    width = max(len(name) for name, _value in rows) + 1
    for name, value in rows:
        print(f"{name:<{width}}{value}")
    return 0


def cmd_add(args) -> int:
    from netui import contacts

    contact_id = contacts.create_contact(
        args.name,
        company=args.company, role=args.role, city=args.city, country=args.country,
        circle=args.circle, how_met=args.how_met, cadence_days=args.cadence,
        notes=args.note, starred=args.star, emails=args.email, phones=args.phone,
        channels=[("linkedin", url, "") for url in args.linkedin], tags=args.tag,
    )
    detail = contacts.get_contact(contact_id)
    print(_("Added {name} (#{id}).", name=detail.name, id=detail.id))
    return 0


def cmd_log(args) -> int:
    from netui import contacts, events, timeline, when

    ids = [contacts.resolve_contact(name) for name in args.names]
    if args.milestone:
        return _log_milestone(args, ids)
    if args.congratulate:
        raise ValidationError("congratulate", _("--congratulate goes with --milestone."))
    event_id = events.resolve_event(args.event) if args.event else None
    summary = args.summary or (args.note.strip().splitlines() or [""])[0]
    interaction_id = timeline.log_interaction(
        ids, args.kind, when.parse_when(args.when), summary=summary, notes=args.note,
        initiated_by=args.initiated_by, event_id=event_id,
    )
    info = timeline.get_interaction(interaction_id)
    people = ", ".join(p.name for p in info.participants)
    print(_("Logged {kind} with {people} on {when}.", kind=label(info.kind), people=people,
            when=_local(info.occurred_at)))
    return 0


def cmd_search(args) -> int:
    from netui import contacts

    found = contacts.find_contacts(args.query).page(0, args.limit)
    if args.json:
        _print_json([_jsonable(s) for s in found])
        return 0
    if not found:
        print(_("No contact matches '{query}'.", query=args.query))
    for summary in found:
        print(_summary_line(summary))
    return 0


def cmd_show(args) -> int:
    from netui import contacts, timeline

    detail = contacts.get_contact(contacts.resolve_contact(args.name))
    recent = timeline.contact_timeline(detail.id, limit=20)
    if args.json:
        data = _jsonable(detail)
        data["name"] = detail.name
        data["timeline"] = _jsonable(recent)
        _print_json(data)
        return 0
    print(_detail_text(detail, recent))
    return 0


def _log_milestone(args, ids) -> int:
    from netui import followups, timeline, when

    offer = timeline.log_milestone(ids, args.milestone, args.note, when.parse_when(args.when))
    info = timeline.get_interaction(offer.interaction_id)
    print(_("Logged {milestone} of {people} on {when}.", milestone=label(info.milestone),
            people=", ".join(p.name for p in info.participants), when=_local(info.occurred_at)))
    if args.congratulate:
        followups.accept_offer(offer)
        print(_("Follow-up due {due}: {action}.", due=offer.due_on.isoformat(), action=offer.action))
    else:
        print(_("Add --congratulate to be reminded to congratulate them by {due}.", due=offer.due_on.isoformat()))
    return 0


def _days_late(days: int) -> str:
    return ngettext("{n} day late", "{n} days late", days) if days else _("today")


def cmd_today(args) -> int:
    from netui import agenda, when

    today = agenda.today_agenda(args.days)
    if args.json:
        _print_json(today.to_json())
        return 0
    print(_("Today, {date}", date=when.long_date(today.today)))
    shown = [section for section in today.sections if section.rows]
    for section in shown:
        print(f"\n{section.title}")
        for row in section.rows:
            print(f"  {_agenda_line(row)}")
    if not shown:
        print(_("Nothing due: a good day to reach out to someone."))
    return 0


def _day_text(day, with_time: bool = False) -> str:
    """'Thu 03 Dec' ('gio 03 dic'), with ' 18:30' when asked: the day names in the language."""
    import pendulum

    moment = pendulum.datetime(day.year, day.month, day.day, *((day.hour, day.minute) if with_time else ()))
    return moment.format("ddd DD MMM HH:mm" if with_time else "ddd DD MMM", locale=i18n.language())


def _agenda_line(row) -> str:
    from netui import when

    who = ", ".join(row.names)
    if row.kind == "followup":
        via = f" ({label(row.detail)})" if row.detail else ""
        return f"#{row.id}  {who} · {row.label}{via} · {_days_late(row.days)}"
    if row.kind == "appointment":
        return _("{time}  {title} with {people}  (appointment #{id})",
                 time=row.detail, title=row.label, people=who, id=row.id)
    if row.kind == "date":
        age = f" ({row.detail})" if row.detail else ""
        return f"{_day_text(row.on)}  {who} · {row.label}{age} · {when.days_ahead(row.days)}"
    if row.kind == "cadence":
        overdue = ngettext("{n} day overdue", "{n} days overdue", row.days)
        return f"{who} · {row.label} · {overdue} · {row.detail}"
    return _("{time}  {title} · {detail}  (event #{id})",
             time=_day_text(row.at, with_time=True), title=row.label, detail=row.detail, id=row.id)


def cmd_trip(args) -> int:
    from netui import events, trips

    if (args.end or args.followups) and not args.start:
        raise ValidationError("from", _("--to and --followups need --from (the first day of the trip)."))
    people = trips.people_in_city(args.city)
    trip_id = trips.plan_trip(args.city, args.start, args.end) if args.start else None
    created = trips.create_trip_followups([p.contact_id for p in people], trip_id) if args.followups else []
    if args.json:
        _print_json({"trip_event_id": trip_id, "followups_created": created, "people": _jsonable(people)})
        return 0
    if not people:
        print(_("Nobody in {city} yet.", city=args.city))
    for person in people:
        print(_trip_line(person))
    if trip_id:
        print(_("Saved the trip as event #{id} ({title}).", id=trip_id, title=events.event_title(trip_id)))
    if created:
        print(ngettext('Added {n} "tell them about my trip" follow-up.',
                       'Added {n} "tell them about my trip" follow-ups.', len(created)))
    return 0


def _trip_line(person) -> str:
    from netui import when

    parts = [f"#{person.contact_id}", person.name]
    work = _work(person.role, person.company)
    if work:
        parts.append(work)
    parts.append(_("{warmth}, last contacted {when}", warmth=label(person.warmth),
                   when=when.humanize(person.last_contacted)))
    if person.days_overdue:
        parts.append(ngettext("OVERDUE {n} day", "OVERDUE {n} days", person.days_overdue))
    if person.open_followups:
        parts.append(ngettext("{n} open follow-up", "{n} open follow-ups", len(person.open_followups)))
    return "  ·  ".join(parts)


def _work(role: str, company: str) -> str:
    """'Head of PR at Lumen', or either alone."""
    if role and company:
        return _("{role} at {company}", role=role, company=company)
    return role or company


def cmd_brief(args) -> int:
    from netui import brief, contacts

    seen = brief.meeting_brief(contacts.resolve_contact(args.name))
    if args.json:
        data = _jsonable(seen)
        data["headline"] = seen.headline
        data["how_we_met"] = seen.how_we_met
        _print_json(data)
        return 0
    print(_brief_text(seen))
    return 0


def _brief_text(seen) -> str:
    from netui import brief, when
    from netui.dates import shown_label

    status = seen.keep_in_touch
    no_note = _("(no note)")
    lines = [f"{seen.name}  (#{seen.contact_id})"]
    if seen.headline:
        lines.append(f"  {seen.headline}")
    cadence = ", " + _every_days(status.cadence_days) if status.cadence_days else ""
    overdue = ", " + ngettext("{n} day overdue", "{n} days overdue", status.days_overdue) if status.overdue else ""
    last = _("last contacted {when}", when=when.humanize(status.last_contacted))
    lines.append(f"  {label(status.warmth)}: {last}{cadence}{overdue}")
    if seen.how_we_met:
        lines.append(f"  {seen.how_we_met}")
    if seen.facts:
        lines += ["", _("Remember:")] + [f"  {f.label}: {f.value}" for f in seen.facts]
    if seen.upcoming_dates:
        lines += ["", _("Coming up:")] + [
            f"  {d.on.isoformat()}  {shown_label(d.label)}{_turns(d.turning)} · {when.days_ahead(d.days_until)}"
            for d in seen.upcoming_dates]
    if seen.introductions:
        lines += ["", _("Introductions:")] + [
            f"  #{i.id}  {brief.introduction_line(i)}" for i in seen.introductions]  # i18n: not text
    if seen.open_followups:
        lines += ["", _("Open follow-ups:")] + [
            f"  #{f.id}  {f.effective_due.isoformat()}  {f.action or no_note}" for f in seen.open_followups]
    if seen.next_appointments:
        lines += ["", _("Next appointments:")] + [
            f"  {o.starts_at:%Y-%m-%d %H:%M}  {o.title}" for o in seen.next_appointments]  # i18n: not text
    if seen.last_interactions:
        lines += ["", _("Last time:")]
        for info in seen.last_interactions:
            lines += _with_notes(f"  {_local(info.occurred_at)}  {label(info.kind):<9} ",
                                 brief.interaction_lines(info))
    return "\n".join(lines)


def _with_notes(start: str, text_lines: list[str]) -> list[str]:
    """An interaction's row (`start`: when and what kind), its summary after it, and the other
    lines of what was said (the notes) under the summary."""
    indent = " " * len(start)
    first, *rest = text_lines or [""]
    return [(start + first).rstrip()] + [indent + line for line in rest]


def _turns(turning: int | None) -> str:
    return " (" + _("turns {age}", age=turning) + ")" if turning else ""


def _every_days(days: int) -> str:
    return ngettext("every {n} day", "every {n} days", days)


def cmd_cadence(args) -> int:
    from netui import contacts, upkeep

    scope, _sep, rest = args.name.partition(":")
    if scope.lower() in ("circle", "tag") and rest:
        if args.every is None or args.snooze is not None:
            raise ValidationError("every", _("Say how often to keep in touch with {name}, e.g. 1m or none.",
                                             name=args.name))
        upkeep.set_default_cadence(scope, rest, args.every)
        days = upkeep.parse_cadence(args.every)
        every = _every_days(days) if days else _("none")
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
        every = _every_days(status.cadence_days) + source if status.cadence_days else _("no keep-in-touch")
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
                people=", ".join(p.name for p in info.participants), when=_local(info.occurred_at)))
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
        contact_id = contacts.resolve_contact(args.name)
        followup_id = followups.create_followup(contact_id, args.due, args.action_text, args.channel)
        item = followups.get_followup(followup_id)
        print(_("Added follow-up #{id} with {name}, due {date}: {action}.", id=item.id, name=item.contact_name,
                date=item.due_on.isoformat(), action=item.action))
        return 0
    if args.action == "list":
        shown = followups.open_followups() if args.all else followups.due_followups()
        no_note = _("(no note)")
        if not shown:
            print(_("No open follow-ups.") if args.all else _("No follow-ups due."))
        for item in shown:
            days = (item.effective_due - when.today()).days
            via = f" ({label(item.channel)})" if item.channel else ""
            due = when.due_words(days) if days <= 0 else f"{item.effective_due.isoformat()}, {when.due_words(days)}"
            print(f"#{item.id}  {item.contact_name} · {item.action or no_note}{via} · {due}")
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


def _followup_when(text: str):
    """--followup: a number of days, or a day as people type it."""
    return int(text) if text.strip().isdigit() else text


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def cmd_favour(args) -> int:
    from netui import contacts, followups, giving

    contact_id = contacts.resolve_contact(args.name)
    favour_id = giving.record_favour(
        contact_id, args.direction, args.kind, args.note, args.when,
        followup_due=_followup_when(args.followup) if args.followup else None,
    )
    info = giving.get_favour(favour_id)
    ledger = giving.balance(contact_id)
    values = dict(kind=label(info.kind), name=info.contact_name, date=info.occurred_on.isoformat(), id=info.id,
                  balance=_signed(ledger.balance), given=ledger.given, received=ledger.received)
    if info.direction == "gave":
        print(_("Recorded {kind} given to {name} on {date} (favour #{id}); "
                "balance {balance} (given {given}, received {received}).", **values))
    else:
        print(_("Recorded {kind} received from {name} on {date} (favour #{id}); "
                "balance {balance} (given {given}, received {received}).", **values))
    if info.followup_id:
        item = followups.get_followup(info.followup_id)
        print(_("Follow-up due {due}: {action}.", due=item.due_on.isoformat(), action=item.action))
    return 0


def cmd_favours(args) -> int:
    from netui import contacts, giving

    if args.name:
        if args.owe or args.helped:
            raise ValidationError("name", _("Give a NAME for one person's ledger, or --owe / --helped for the lists."))
        return _ledger(contacts.resolve_contact(args.name), args.json)
    both = not (args.owe or args.helped)
    owe = giving.people_i_owe(args.limit) if args.owe or both else None
    helped = giving.helped_recently(args.days, args.limit) if args.helped or both else None
    if args.json:
        data = {}
        if owe is not None:
            data["owe"] = _jsonable(owe)
        if helped is not None:
            data["helped"] = _jsonable(helped)
        _print_json(data)
        return 0
    if owe is not None:
        print(_("People you owe"))
        for person in owe:
            last = (_("last: {date} {direction} {kind}", date=person.last_on.isoformat(),
                      direction=label(person.last_direction), kind=label(person.last_kind))
                    if person.last_on else "")
            print(f"  #{person.contact_id}  {person.name}  ·  "
                  + _("balance {balance} (given {given}, received {received})", balance=person.balance,
                      given=person.given, received=person.received) + f"  ·  {last}")
        if not owe:
            print("  " + _("Nobody: you have given at least as much as you received."))
    if helped is not None:
        if owe is not None:
            print()
        print(_("People you helped in the last {days} days", days=args.days))
        for item in helped:
            print(f"  {_favour_line(item)}  ·  {item.contact_name} (#{item.contact_id})")
        if not helped:
            print("  " + _("No favours given in that time."))
    return 0


def _favour_line(item) -> str:
    note = f"  ·  {item.note}" if item.note else ""
    return f"{item.occurred_on.isoformat()}  {label(item.direction):<8}  {label(item.kind)}{note}"


def _ledger(contact_id: int, as_json: bool) -> int:
    from netui import contacts, giving

    ledger = giving.balance(contact_id)
    favours = giving.favours_of(contact_id)
    introductions = giving.introductions_of(contact_id)
    name = contacts.get_contact(contact_id).name
    if as_json:
        _print_json({"contact_id": contact_id, "name": name, "given": ledger.given, "received": ledger.received,
                     "balance": ledger.balance, "favours": _jsonable(favours),
                     "introductions": _jsonable(introductions)})
        return 0
    print(f"{name} (#{contact_id}): " + _("balance {balance} (given {given}, received {received})",
                                          balance=_signed(ledger.balance), given=ledger.given,
                                          received=ledger.received))
    for item in favours:
        print(f"  #{item.id}  {_favour_line(item)}")
    if introductions:
        print(_("Introductions:"))
        for intro in introductions:
            print(f"  {_intro_line(intro)}")
    return 0


def _intro_line(intro) -> str:
    reason = f"  ·  {intro.reason}" if intro.reason else ""
    outcome = "  ·  " + _("outcome: {outcome}", outcome=intro.outcome) if intro.outcome else ""
    return (f"#{intro.id}  {intro.introduced_on.isoformat()}  {label(intro.status):<8}  "
            f"{intro.person_a_name} → {intro.person_b_name}{reason}{outcome}")


def cmd_intro(args) -> int:
    from netui import contacts, giving

    if args.followup and args.status != "made":
        raise ValidationError("followup", _("--followup goes with --status made (ask how it went once it is made)."))
    a, b = contacts.resolve_contact(args.person_a), contacts.resolve_contact(args.person_b)
    intro_id = giving.introduce(a, b, args.reason, args.when, args.status)
    info = giving.get_introduction(intro_id)
    values = dict(a=info.person_a_name, b=info.person_b_name, id=info.id, status=label(info.status))
    if info.status == "made":
        print(_("Introduced {a} to {b} (introduction #{id}, {status}).", **values))
        _offer(giving.introduction_offer(intro_id), args.followup)
    else:
        print(_("Proposed introducing {a} to {b} (introduction #{id}, {status}).", **values))
    return 0


def _offer(offer, followup: str | None) -> None:
    from netui import followups, giving

    if followup:
        created = giving.accept_introduction_offer(offer, _followup_when(followup))
        for item in (followups.get_followup(i) for i in created):
            print(_("Follow-up due {due}: {action} ({name}).", due=item.due_on.isoformat(), action=item.action,
                    name=item.contact_name))
    else:
        print(_("Add --followup WHEN to ask both how it went (e.g. --followup {days}).",
                days=giving.ASK_HOW_IT_WENT_DAYS))


def cmd_intro_status(args) -> int:
    from netui import giving

    offer = giving.set_introduction_status(args.id, args.status, args.outcome)
    if args.followup and offer is None:
        raise ValidationError("followup", _("--followup goes with making the introduction (status made or later, "
                                            "from proposed)."))
    info = giving.get_introduction(args.id)
    outcome = f": {info.outcome}" if info.outcome and info.status == "outcome" else ""
    print(_("Introduction #{id} of {a} to {b}: {status}", id=info.id, a=info.person_a_name, b=info.person_b_name,
            status=label(info.status)) + f"{outcome}.")
    if offer is not None:
        print(_("Recorded a favour given to each and logged the introduction with both."))
        _offer(offer, args.followup)
    return 0


def cmd_chain(args) -> int:
    from netui import chains, contacts

    contact_id = contacts.resolve_contact(args.name)
    up = chains.chain_up(contact_id)
    tree = chains.brought_in(contact_id)
    if args.json:
        _print_json({"chain": _jsonable(up), "brought_in": _tree_json(tree)})
        return 0
    if len(up) > 1:
        print(_("Chain (each introduced by the next): {chain}", chain=" ← ".join(p.name for p in up)))
    else:
        print(_("{name} was not introduced by anyone you know.", name=up[0].name))
    if not tree.downstream:
        print(_("{name} has not brought anyone in yet.", name=tree.person.name))
        return 0
    print(ngettext("Brought in {n} person:", "Brought in {n} people:", tree.downstream))
    print(tree.person.name)
    trashed = " " + _("(in the trash)")
    # Depth first without recursion: a chain may be thousands deep.
    stack = [(child, "", index == len(tree.children) - 1) for index, child in reversed(list(enumerate(tree.children)))]
    while stack:
        node, prefix, last = stack.pop()
        print(f"{prefix}{'└── ' if last else '├── '}{node.person.name} (#{node.person.id})"
              f"{trashed if node.person.trashed else ''}")
        inner = prefix + ("    " if last else "│   ")
        stack += [(child, inner, index == len(node.children) - 1)
                  for index, child in reversed(list(enumerate(node.children)))]
    return 0


def _tree_json(tree) -> dict:
    """{person, downstream, children: [...]}, built bottom-up without recursion."""
    order, stack = [], [tree]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    built: dict[int, dict] = {}
    for node in reversed(order):
        built[id(node)] = {"person": _jsonable(node.person), "downstream": node.downstream,
                           "children": [built.pop(id(child)) for child in node.children]}
    return built[id(tree)]


def cmd_connectors(args) -> int:
    from netui import chains

    found = chains.top_connectors(args.limit)
    if args.json:
        _print_json(_jsonable(found))
        return 0
    if not found:
        print(_("Nobody has introduced anyone yet (set who introduced whom with netui add/edit or the app)."))
    for rank, connector in enumerate(found, 1):
        print(f"{rank:>2}. #{connector.id}  {connector.name}  ·  "
              + _("brought in {direct} directly, {all} in all", direct=connector.direct, all=connector.downstream))
    return 0


COMMANDS = {
    "add": cmd_add, "log": cmd_log, "search": cmd_search, "show": cmd_show, "demo": cmd_demo,
    "capture": cmd_capture, "import": cmd_import, "export": cmd_export,
    "today": cmd_today, "trip": cmd_trip, "brief": cmd_brief, "cadence": cmd_cadence, "date": cmd_date,
    "appointment": cmd_appointment, "followup": cmd_followup,
    "favour": cmd_favour, "favours": cmd_favours, "intro": cmd_intro, "intro-status": cmd_intro_status,
    "chain": cmd_chain, "connectors": cmd_connectors,
    "backup": cmd_backup, "purge": cmd_purge,
}


# --- presentation ------------------------------------------------------------------------


def _local(instant) -> str:
    from netui import when

    return instant.in_timezone(when.local_zone()).format("YYYY-MM-DD HH:mm")  # i18n: not text


def _summary_line(summary) -> str:
    from netui import events, when

    if isinstance(summary, events.EventSummary):
        start = _local(summary.starts_at) if summary.starts_at else _("no date")
        return f"#{summary.id}  {summary.title}  ·  {start}  ·  {summary.city or '-'}"
    parts = [f"#{summary.id}", ("★ " if summary.starred else "") + summary.name]
    work = _work(summary.role, summary.company)
    if work:
        parts.append(work)
    if summary.city:
        parts.append(summary.city)
    parts.append(_("last contacted {when}", when=when.humanize(summary.last_contacted)))
    if summary.overdue:
        parts.append(_("OVERDUE"))
    return "  ·  ".join(parts)


def _detail_text(detail, recent) -> str:
    from netui import when
    from netui.dates import shown_label

    lines = [("★ " if detail.starred else "") + f"{detail.name}  (#{detail.id})"]
    if detail.trashed_at:
        lines.append(_("IN THE TRASH since {when}", when=_local(detail.trashed_at)))
    fields = [
        (_("company"), detail.company), (_("role"), detail.role), (_("city"), detail.city),
        (_("country"), detail.country), (_("circle"), label(detail.circle)), (_("how we met"), detail.how_met),
        (_("met at"), detail.met_at_title), (_("introduced by"), detail.introduced_by_name),
        (_("keep in touch"), _every_days(detail.cadence_days) if detail.cadence_days else None),
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
        no_note = _("(no note)")
        for item in detail.open_followups:
            via = " " + _("by {channel}", channel=label(item.channel)) if item.channel else ""
            lines.append(f"  {item.effective_due.isoformat()}{via}: {item.action or no_note}")
    if recent:
        lines += ["", _("Timeline:")]
        # 8 columns (English kinds fit), or the longest translated kind shown.
        kind_width = max([8] + [len(label(info.kind)) for info in recent if info.kind in INTERACTION_KINDS])
        for info in recent:
            others = [p.name for p in info.participants if p.id != detail.id]
            with_others = " " + _("(with {people})", people=", ".join(others)) if others else ""
            first, *notes = info.text_lines or [""]
            lines += _with_notes(f"  {_local(info.occurred_at)}  {label(info.kind):<{kind_width}} ",
                                 [first + with_others, *notes])
    return "\n".join(lines)


def _jsonable(value):
    import dataclasses
    import datetime as dt

    if dataclasses.is_dataclass(value):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _print_json(data) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    raise SystemExit(main())
