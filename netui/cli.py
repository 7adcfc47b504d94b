"""The `netui` command: opens the TUI, or runs one subcommand through the domain layer.

User errors print one sentence on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import peewee

from netui import (
    __version__, agenda, appointments, brief, capture, chains, contacts, dates, db, demo, events, exporting,
    followups, giving, importing, timeline, trips, upkeep, when,
)
from netui import backup, config, i18n, privacy
from netui.errors import AmbiguousNameError, NetuiError, ValidationError
from netui.models import CIRCLES, INTERACTION_KINDS, MILESTONES

USER_ERROR = 2
_YEARLESS = re.compile(r"^--(\d{1,2}-\d{1,2})$")


class UsageError(Exception):
    """Bad command-line usage; argparse's message is carried here instead of exiting."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, like every other user error
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="netui",
        description="Build and keep your professional network, from the terminal.",
        epilog=f"The database is a single SQLite file; --db or ${db.DB_ENV_VAR} choose it.",
    )
    parser.add_argument("--version", action="version", version=f"netui {__version__}")
    parser.add_argument("--db", metavar="PATH", help=f"database file (default: ${db.DB_ENV_VAR} or {db.default_db_path()})")
    parser.add_argument("--demo", action="store_true", help="open a fresh throwaway demo network")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="language of the interface (default: the config file, then $LANG; English)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    add = commands.add_parser("add", help="add a contact")
    add.add_argument("name", metavar="NAME", help='full name, e.g. "Giulia Rossi"')
    add.add_argument("--company", default="")
    add.add_argument("--role", default="")
    add.add_argument("--city", default="")
    add.add_argument("--country", default="")
    add.add_argument("--circle", default="other", help=", ".join(CIRCLES))
    add.add_argument("--email", action="append", default=[], help="repeatable")
    add.add_argument("--phone", action="append", default=[], help="repeatable")
    add.add_argument("--linkedin", action="append", default=[], help="profile URL; repeatable")
    add.add_argument("--tag", action="append", default=[], help="repeatable")
    add.add_argument("--how-met", default="", help="how you met, in your words")
    add.add_argument("--cadence", type=str, default=None, metavar="DAYS", help="keep in touch every DAYS days")
    add.add_argument("--note", default="")
    add.add_argument("--star", action="store_true", help="mark as starred")

    log = commands.add_parser("log", help="log an interaction with one or more contacts")
    log.add_argument("names", metavar="NAME", nargs="+", help="each participant ('#12' picks by id)")
    log.add_argument("--kind", default="note", help=", ".join(INTERACTION_KINDS))
    log.add_argument("--when", default="now", help='e.g. "yesterday 18:00", "3 days ago", 2026-11-20')
    log.add_argument("--summary", default="", help="one line; defaults to the note's first line")
    log.add_argument("--note", default="")
    log.add_argument("--initiated-by", choices=("me", "them"), default=None)
    log.add_argument("--event", default=None, metavar="EVENT", help="title or '#id' of the event it happened at")
    log.add_argument("--milestone", default=None, metavar="WHAT",
                     help=f"their news to congratulate ({', '.join(m.replace(' ', '-') for m in MILESTONES)}); "
                          "--kind is then ignored")
    log.add_argument("--congratulate", action="store_true",
                     help="with --milestone: add the congratulation follow-up it offers")

    search = commands.add_parser(
        "search", help="search contacts (names, company, city, tags, notes, facts...); "
        "filters: #tag circle:C city:C company:C")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help="machine-readable output")

    show = commands.add_parser("show", help="show everything about one contact")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help="machine-readable output")

    commands.add_parser("locate", help="print where the data and configuration live")

    capture_command = commands.add_parser(
        "capture", help="quick capture: save one person from a line, or open capture mode")
    capture_command.add_argument("line", metavar="LINE", nargs="?",
                                 help='e.g. \'Giulia Rossi @Lumen "Head of PR" #fintech giulia@lumen.it !2d kids\'; '
                                      "without it, the app opens in capture mode")
    capture_command.add_argument("--event", metavar="EVENT",
                                 help="the event you are at (title or '#id'); created for today if new")

    export_command = commands.add_parser(
        "export", help="write contacts and more to CSV, vCard or iCalendar; or everything about one person (JSON)")
    export_command.add_argument("format", choices=("csv", "vcard", "ics", "person"))
    export_command.add_argument("person", metavar="NAME", nargs="?",
                                help="person: whose data (everything stored about them, as JSON)")
    export_command.add_argument("--out", metavar="PATH",
                                help="the file to write (with --what all: a folder); person: default standard output")
    export_command.add_argument("--json", action="store_true", help="person: the format (the only one)")
    export_command.add_argument("--what", default="contacts",
                                help="csv: contacts (default), interactions, events, followups or all")
    export_command.add_argument("--query", default="", help="only contacts the search box would show for this")
    export_command.add_argument("--tag", default=None, help="only contacts with this tag")
    export_command.add_argument("--city", default=None, help="only contacts in this city")
    export_command.add_argument("--excel", action="store_true", help="csv: UTF-8 with a BOM, for Excel")
    export_command.add_argument("--version", dest="vcard_version", default="3.0", choices=("3.0", "4.0"),
                                help="vcard: the vCard version")

    import_command = commands.add_parser(
        "import", help="bring people in from netui CSV, LinkedIn Connections.csv, Google Contacts CSV or vCard")
    import_command.add_argument("file", metavar="FILE")
    import_command.add_argument("--dry-run", action="store_true", help="say what would happen, write nothing")

    _add_upkeep_commands(commands)
    _add_giving_commands(commands)
    _add_safety_commands(commands)

    demo_command = commands.add_parser("demo", help="write a made-up sample network into an empty database")
    demo_command.add_argument("--people", type=int, default=200)
    demo_command.add_argument("--interactions", type=int, default=None, help="default: 7.5 per person")
    demo_command.add_argument("--seed", type=int, default=2026, help="same seed, same network")
    demo_command.add_argument("--db", dest="demo_db", metavar="PATH", help="the (new) database file to write")
    return parser


def _add_upkeep_commands(commands) -> None:
    """today, trip, brief, cadence, date, appointment, followup."""
    today = commands.add_parser("today", help="follow-ups, dates, appointments, overdue cadences and events")
    today.add_argument("--days", type=int, default=7, help="dates in the next N days (default 7)")
    today.add_argument("--json", action="store_true", help="machine-readable output")

    trip = commands.add_parser("trip", help="everyone in a city, overdue first then warmest")
    trip.add_argument("city", metavar="CITY")
    trip.add_argument("--from", dest="start", metavar="DATE", help="first day: saves the trip as an event")
    trip.add_argument("--to", dest="end", metavar="DATE", help="last day (default: the first)")
    trip.add_argument("--followups", action="store_true",
                      help='with --from: a "tell them about my trip" follow-up for everyone listed')
    trip.add_argument("--json", action="store_true", help="machine-readable output")

    brief_command = commands.add_parser("brief", help="what to remember before meeting someone")
    brief_command.add_argument("name", metavar="NAME")
    brief_command.add_argument("--json", action="store_true", help="machine-readable output")

    cadence = commands.add_parser(
        "cadence", help="keep in touch with someone (or a circle:NAME / tag:NAME default) every so often")
    cadence.add_argument("name", metavar="NAME", help="a contact, or circle:work / tag:fintech for a default")
    cadence.add_argument("every", metavar="EVERY", nargs="?",
                         help=", ".join(p.key for p in upkeep.CADENCE_PRESETS) + ", N days (e.g. 45), or default")
    cadence.add_argument("--snooze", type=int, metavar="DAYS", help="not overdue for the next DAYS days")

    date = commands.add_parser("date", help="add an important date (birthday, anniversary...)")
    date.add_argument("name", metavar="NAME")
    date.add_argument("label", metavar="LABEL", help="e.g. birthday")
    date.add_argument("date", metavar="DATE", help="1985-04-15, or --04-15 / 15/04 when the year is unknown")
    date.add_argument("--remind", type=int, default=7, metavar="DAYS", help="remind this many days before (default 7)")

    appointment = commands.add_parser("appointment", help="recurring appointments: add, list, done, skip")
    actions = appointment.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    add = actions.add_parser("add", help="add a recurring appointment")
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--with", dest="people", action="append", required=True, metavar="NAME", help="repeatable")
    add.add_argument("--start", required=True, metavar="WHEN", help='the first one, e.g. "2026-12-01 18:30"')
    add.add_argument("--every", default="1w", metavar="N{w|m}", help="1w (default), 2w, 1m, 3m...")
    add.add_argument("--on", default="", metavar="DAYS", help="weekly: the days, e.g. tue,thu")
    add.add_argument("--until", default=None, metavar="DATE", help="the last day it may happen")
    add.add_argument("--count", type=int, default=None, metavar="N", help="how many times")
    add.add_argument("--duration", type=int, default=60, metavar="MINUTES")
    listing = actions.add_parser("list", help="appointments (of one person) and their next dates")
    listing.add_argument("name", metavar="NAME", nargs="?")
    for verb, text in (("done", "mark one occurrence done (logs a meeting)"), ("skip", "skip one occurrence")):
        marking = actions.add_parser(verb, help=text)
        marking.add_argument("id", type=int, metavar="ID")
        marking.add_argument("date", metavar="DATE", help="the day of the occurrence (default today)", nargs="?",
                             default="today")

    followup = commands.add_parser("followup", help="follow-ups: list, done, snooze, reschedule")
    actions = followup.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    actions.add_parser("list", help="open follow-ups due today or overdue")
    done = actions.add_parser("done", help="mark a follow-up done")
    done.add_argument("id", type=int, metavar="ID")
    done.add_argument("--log", dest="log_kind", metavar="KIND", help="also log the interaction (email, call...)")
    done.add_argument("--note", default="")
    snooze = actions.add_parser("snooze", help="hide a follow-up for DAYS days")
    snooze.add_argument("id", type=int, metavar="ID")
    snooze.add_argument("days", type=int, metavar="DAYS")
    reschedule = actions.add_parser("reschedule", help="move a follow-up to another day")
    reschedule.add_argument("id", type=int, metavar="ID")
    reschedule.add_argument("date", metavar="DATE")


def _add_giving_commands(commands) -> None:
    """favour, favours, intro, intro-status, chain, connectors."""
    favour = commands.add_parser("favour", help="record a favour given to or received from someone")
    favour.add_argument("name", metavar="NAME")
    direction = favour.add_mutually_exclusive_group(required=True)
    direction.add_argument("--gave", dest="direction", action="store_const", const="gave", help="you did it for them")
    direction.add_argument("--received", dest="direction", action="store_const", const="received",
                           help="they did it for you")
    favour.add_argument("--kind", required=True, metavar="K",
                        help=", ".join(k.replace(" ", "-") for k in giving.FAVOUR_KINDS))
    favour.add_argument("--note", default="")
    favour.add_argument("--when", default="today", metavar="DATE", help="the day: today (default), yesterday, 2026-11-20")
    favour.add_argument("--followup", metavar="WHEN",
                        help='also a follow-up ("Thank them for…" / "Check the … helped") due then: '
                             "a date, friday, 'in 2 weeks' or a number of days")

    favours = commands.add_parser("favours", help="someone's favours and balance; or the people you owe and "
                                                  "the people you helped recently")
    favours.add_argument("name", metavar="NAME", nargs="?", help="whose ledger (without it: the two lists)")
    favours.add_argument("--owe", action="store_true", help="people who did more for you than you for them")
    favours.add_argument("--helped", action="store_true", help="favours you gave recently")
    favours.add_argument("--days", type=int, default=90, help="with --helped: how far back (default 90)")
    favours.add_argument("--limit", type=int, default=50)
    favours.add_argument("--json", action="store_true", help="machine-readable output")

    intro = commands.add_parser("intro", help="introduce one contact to another")
    intro.add_argument("person_a", metavar="A")
    intro.add_argument("person_b", metavar="B")
    intro.add_argument("--reason", required=True, metavar="TEXT", help="why they should meet")
    intro.add_argument("--when", default="today", metavar="DATE", help="the day (default today)")
    intro.add_argument("--status", default="proposed", choices=("proposed", "made"),
                       help="proposed (default): you mean to; made: you did (a favour to each, logged with both)")
    intro.add_argument("--followup", metavar="WHEN",
                       help="with --status made: ask both how it went then (a date, 'in 2 weeks', days)")

    status = commands.add_parser("intro-status", help="move an introduction on: proposed → made → met → outcome")
    status.add_argument("id", type=int, metavar="ID")
    status.add_argument("status", metavar="STATUS", choices=giving.INTRODUCTION_STATUSES,
                        help=" → ".join(giving.INTRODUCTION_STATUSES))
    status.add_argument("--outcome", default="", metavar="TEXT", help="with outcome: what came of it")
    status.add_argument("--followup", metavar="WHEN",
                        help="when it becomes made: ask both how it went then (a date, 'in 2 weeks', days)")

    chain = commands.add_parser("chain", help="who introduced someone, up to the first person, and whom they "
                                              "brought in")
    chain.add_argument("name", metavar="NAME")
    chain.add_argument("--json", action="store_true", help="machine-readable output")

    connectors = commands.add_parser("connectors", help="who brought the most people into your network")
    connectors.add_argument("--limit", type=int, default=10)
    connectors.add_argument("--json", action="store_true", help="machine-readable output")


def _add_safety_commands(commands) -> None:
    """backup, restore, purge."""
    backup_command = commands.add_parser("backup", help="copy the database safely, even while the app is open")
    backup_command.add_argument("--to", metavar="PATH",
                                help="the file (or folder) to write; default: the backups folder beside the database")
    restore = commands.add_parser("restore", help="replace the database with a backup (the current one is saved first)")
    restore.add_argument("file", metavar="PATH", help="a netui database file, e.g. one netui backup wrote")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge = commands.add_parser("purge", help="erase a person for good, everywhere (also from the trash)")
    purge.add_argument("name", metavar="NAME", help="their name or '#id' (a person in the trash too)")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")


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
        database = db.open_database(db.resolve_db_path(getattr(args, "demo_db", None) or args.db))
        try:
            return COMMANDS[args.command](args)
        finally:
            database.close()
    except UsageError as error:
        print(error, file=sys.stderr)
        return USER_ERROR
    except AmbiguousNameError as error:
        print(f"netui: {error}", file=sys.stderr)
        for candidate in error.candidates:
            print(f"  {_summary_line(candidate)}", file=sys.stderr)
        return USER_ERROR
    except (NetuiError, db.DatabaseOpenError) as error:
        print(f"netui: {error}", file=sys.stderr)
        return USER_ERROR
    except peewee.OperationalError as error:  # locked past the timeout, disk full, read-only
        print(f"netui: the database could not be written or read ({error}); nothing was changed.", file=sys.stderr)
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
        with tempfile.TemporaryDirectory(prefix="netui-demo-") as folder:
            path = Path(folder) / "demo.db"
            database = db.open_database(path)
            try:
                demo.generate_network()
                NetuiApp(path, welcome=False).run()
            finally:
                database.close()
        return 0
    path = db.resolve_db_path(args.db)
    database = db.open_database(path)
    try:
        NetuiApp(path, daily_backup=True).run()  # today's automatic copy is made once the list shows
    finally:
        database.close()
    return 0


def cmd_capture(args) -> int:
    event_id = capture.event_for_today(args.event) if args.event else None
    if args.line is None:
        from netui.app import NetuiApp

        NetuiApp(db.resolve_db_path(args.db), welcome=False, capture_event=event_id).run()
        return 0
    result = capture.capture_line(args.line, event_id)
    detail = contacts.get_contact(result.contact_id)
    where = f" at {result.event_title}" if result.event_title else ""
    print(f"{result.verb.capitalize()} {detail.name} (#{detail.id}){where}; follow-up due {result.due.isoformat()}.")
    return 0


def cmd_export(args) -> int:
    if args.format == "person":
        return _export_person(args)
    if args.person:
        raise ValidationError("format", f"'{args.person}': only export person takes a name.")
    if not args.out:
        raise ValidationError("out", f"Say where to write the {args.format} file with --out PATH.")
    query = " ".join(part for part in (
        args.query, f'tag:"{args.tag}"' if args.tag else "", f'city:"{args.city}"' if args.city else "") if part)
    written = exporting.export(args.format, Path(args.out), args.what, query, excel=args.excel,
                               version=args.vcard_version)
    for path in written:
        print(f"Wrote {path}")
    return 0


def _export_person(args) -> int:
    if not args.person:
        raise ValidationError("person", "Say whose data to export: netui export person NAME --json.")
    record = privacy.person_record(privacy.resolve_anyone(args.person))
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        written = exporting.write_private(Path(args.out), text.encode("utf-8"))
        print(f"Wrote everything stored about {record['contact']['name']} to {written}")
    else:
        print(text, end="")
    return 0


def cmd_backup(args) -> int:
    written = backup.backup_now(Path(args.to) if args.to else None)
    facts = backup.facts_about(written)
    print(f"Backed up {db.resolve_db_path(args.db)} to {written} ({backup.counted(facts.contacts, 'contact')}, "
          f"{backup.counted(facts.interactions, 'interaction')}).")
    return 0


def cmd_restore(args) -> int:
    live = db.resolve_db_path(args.db)
    incoming = backup.check_backup(Path(args.file))
    question = (f"Replace {backup.describe_file(live)} with {incoming.describe()}? "
                f"The current file is copied to {backup.backups_folder(live)} first.")
    if not _confirm(question, args.yes, "netui restore replaces your whole database: add --yes to confirm "
                                        "(there is no terminal to ask on)."):
        print("Nothing was changed.")
        return 1
    saved = backup.restore(Path(args.file), live)
    kept = f" The database it replaced is kept as {saved}." if saved else ""
    print(f"Restored {live} from {args.file} ({backup.counted(incoming.contacts, 'contact')}).{kept}")
    return 0


def cmd_purge(args) -> int:
    contact_id = privacy.resolve_anyone(args.name)
    detail = contacts.get_contact(contact_id)
    question = (f"Erase {detail.name} (#{contact_id}) for good: their details, interactions only with them, "
                "follow-ups, and every trace in the database file? This cannot be undone.")
    if not _confirm(question, args.yes, f"netui purge erases {detail.name} for good: add --yes to confirm "
                                        "(there is no terminal to ask on)."):
        print("Nothing was changed.")
        return 1
    contacts.purge_contact(contact_id)
    print(f"Erased {detail.name} (#{contact_id}) for good. Backups made before still hold them until they "
          f"roll off (netui keeps {backup.KEEP_DAILY} daily ones) or you delete them.")
    return 0


def _confirm(question: str, yes: bool, refusal: str) -> bool:
    """--yes, or a yes typed on the terminal; without either and without a terminal: refuse."""
    if yes:
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ValidationError("yes", refusal)
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def cmd_import(args) -> int:
    report = importing.import_file(Path(args.file), dry_run=args.dry_run)
    plan = report.plan
    print(plan.summary() + ("  (dry run: nothing written)" if args.dry_run else ""))
    for update in plan.updated:
        print(f"  {update.person.where}: updated {update.name} ({update.reason})")
        if update.job_change:
            print(f"    new job: {update.job_change[1]} (was {update.job_change[0]}); "
                  "a congratulation follow-up is added")
        for conflict in update.conflicts:
            print(f"    {conflict.field}: kept '{conflict.kept}', the file says '{conflict.incoming}'")
    for skipped in plan.skipped:
        print(f"  {skipped.where}: skipped: {skipped.reason}")
    return 0


def cmd_demo(args) -> int:
    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rwriting the demo network… {100 * done // max(total, 1):3d}%", end="", file=sys.stderr)

    summary = demo.generate_network(args.people, args.interactions, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Wrote a demo network: {summary.people} people, {summary.interactions} interactions, "
          f"{summary.events} events, {summary.followups} follow-ups.")
    return 0


def cmd_locate(args) -> int:
    print(f"database: {db.resolve_db_path(args.db)}")
    print(f"data dir: {db.data_dir()}")
    print(f"config:   {db.config_dir()}")
    return 0


def cmd_add(args) -> int:
    contact_id = contacts.create_contact(
        args.name,
        company=args.company, role=args.role, city=args.city, country=args.country,
        circle=args.circle, how_met=args.how_met, cadence_days=args.cadence,
        notes=args.note, starred=args.star, emails=args.email, phones=args.phone,
        channels=[("linkedin", url, "") for url in args.linkedin], tags=args.tag,
    )
    detail = contacts.get_contact(contact_id)
    print(f"Added {detail.name} (#{detail.id}).")
    return 0


def cmd_log(args) -> int:
    ids = [contacts.resolve_contact(name) for name in args.names]
    if args.milestone:
        return _log_milestone(args, ids)
    if args.congratulate:
        raise ValidationError("congratulate", "--congratulate goes with --milestone.")
    event_id = events.resolve_event(args.event) if args.event else None
    summary = args.summary or (args.note.strip().splitlines() or [""])[0]
    interaction_id = timeline.log_interaction(
        ids, args.kind, when.parse_when(args.when), summary=summary, notes=args.note,
        initiated_by=args.initiated_by, event_id=event_id,
    )
    info = timeline.get_interaction(interaction_id)
    people = ", ".join(p.name for p in info.participants)
    print(f"Logged {info.kind} with {people} on {_local(info.occurred_at)}.")
    return 0


def cmd_search(args) -> int:
    found = contacts.find_contacts(args.query).page(0, args.limit)
    if args.json:
        _print_json([_summary_json(s) for s in found])
        return 0
    if not found:
        print(f"No contact matches '{args.query}'.")
    for summary in found:
        print(_summary_line(summary))
    return 0


def cmd_show(args) -> int:
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
    offer = timeline.log_milestone(ids, args.milestone, args.note, when.parse_when(args.when))
    info = timeline.get_interaction(offer.interaction_id)
    print(f"Logged {info.milestone} of {', '.join(p.name for p in info.participants)} on {_local(info.occurred_at)}.")
    if args.congratulate:
        followups.accept_offer(offer)
        print(f"Follow-up due {offer.due_on.isoformat()}: {offer.action}.")
    else:
        print(f"Add --congratulate to be reminded to congratulate them by {offer.due_on.isoformat()}.")
    return 0


def cmd_today(args) -> int:
    today = agenda.today_agenda(args.days)
    if args.json:
        _print_json(today.to_json())
        return 0
    print(f"Today, {today.today:%A} {today.today.day} {today.today:%B %Y}")
    shown = [section for section in today.sections if section.rows]
    for section in shown:
        print(f"\n{section.title}")
        for row in section.rows:
            print(f"  {_agenda_line(row)}")
    if not shown:
        print("Nothing due: a good day to reach out to someone.")
    return 0


def _agenda_line(row: agenda.AgendaRow) -> str:
    who = ", ".join(row.names)
    if row.kind == "followup":
        late = f"{row.days} day{'s' * (row.days != 1)} late" if row.days else "today"
        via = f" ({row.detail})" if row.detail else ""
        return f"#{row.id}  {who} · {row.label}{via} · {late}"
    if row.kind == "appointment":
        return f"{row.detail}  {row.label} with {who}  (appointment #{row.id})"
    if row.kind == "date":
        age = f" ({row.detail})" if row.detail else ""
        return f"{row.on:%a %d %b}  {who} · {row.label}{age} · {when.days_ahead(row.days)}"
    if row.kind == "cadence":
        return f"{who} · {row.label} · {row.days} day{'s' * (row.days != 1)} overdue · {row.detail}"
    return f"{row.at:%a %d %b %H:%M}  {row.label} · {row.detail}  (event #{row.id})"


def cmd_trip(args) -> int:
    if (args.end or args.followups) and not args.start:
        raise ValidationError("from", "--to and --followups need --from (the first day of the trip).")
    people = trips.people_in_city(args.city)
    trip_id = trips.plan_trip(args.city, args.start, args.end) if args.start else None
    created = trips.create_trip_followups([p.contact_id for p in people], trip_id) if args.followups else []
    if args.json:
        _print_json({"trip_event_id": trip_id, "followups_created": created, "people": _jsonable(people)})
        return 0
    if not people:
        print(f"Nobody in {args.city} yet.")
    for person in people:
        print(_trip_line(person))
    if trip_id:
        print(f"Saved the trip as event #{trip_id} ({events.event_title(trip_id)}).")
    if created:
        print(f"Added {len(created)} \"tell them about my trip\" follow-up{'s' * (len(created) != 1)}.")
    return 0


def _trip_line(person: trips.TripPerson) -> str:
    parts = [f"#{person.contact_id}", person.name]
    work = " at ".join(p for p in (person.role, person.company) if p)
    if work:
        parts.append(work)
    parts.append(f"{person.warmth}, last contacted {when.humanize(person.last_contacted)}")
    if person.days_overdue:
        parts.append(f"OVERDUE {person.days_overdue} days")
    if person.open_followups:
        parts.append(f"{len(person.open_followups)} open follow-up{'s' * (len(person.open_followups) != 1)}")
    return "  ·  ".join(parts)


def cmd_brief(args) -> int:
    seen = brief.meeting_brief(contacts.resolve_contact(args.name))
    if args.json:
        data = _jsonable(seen)
        data["headline"] = seen.headline
        _print_json(data)
        return 0
    print(_brief_text(seen))
    return 0


def _brief_text(seen: brief.MeetingBrief) -> str:
    status = seen.keep_in_touch
    lines = [f"{seen.name}  (#{seen.contact_id})"]
    if seen.headline:
        lines.append(f"  {seen.headline}")
    cadence = f", every {status.cadence_days} days" if status.cadence_days else ""
    overdue = f", {status.days_overdue} days overdue" if status.overdue else ""
    lines.append(f"  {status.warmth}: last contacted {when.humanize(status.last_contacted)}{cadence}{overdue}")
    how = "; ".join(p for p in (seen.how_met, f"met at {seen.met_at_title}" if seen.met_at_title else "",
                                f"introduced by {seen.introduced_by_name}" if seen.introduced_by_name else "") if p)
    if how:
        lines.append(f"  {how}")
    if seen.facts:
        lines += ["", "Remember:"] + [f"  {f.label}: {f.value}" for f in seen.facts]
    if seen.upcoming_dates:
        lines += ["", "Coming up:"] + [
            f"  {d.on.isoformat()}  {d.label}{f' (turns {d.turning})' if d.turning else ''} · {when.days_ahead(d.days_until)}"
            for d in seen.upcoming_dates]
    if seen.open_followups:
        lines += ["", "Open follow-ups:"] + [
            f"  #{f.id}  {f.effective_due.isoformat()}  {f.action or '(no note)'}" for f in seen.open_followups]
    if seen.next_appointments:
        lines += ["", "Next appointments:"] + [
            f"  {o.starts_at:%Y-%m-%d %H:%M}  {o.title}" for o in seen.next_appointments]
    if seen.last_interactions:
        lines += ["", "Last time:"] + [
            f"  {_local(i.occurred_at)}  {i.kind:<9} {i.summary or (i.notes.splitlines() or [''])[0]}"
            for i in seen.last_interactions]
    return "\n".join(lines)


def cmd_cadence(args) -> int:
    scope, _sep, rest = args.name.partition(":")
    if scope.lower() in ("circle", "tag") and rest:
        if args.every is None or args.snooze is not None:
            raise ValidationError("every", f"Say how often to keep in touch with {args.name}, e.g. 1m or none.")
        upkeep.set_default_cadence(scope, rest, args.every)
        days = upkeep.parse_cadence(args.every)
        print(f"Default for {scope.lower()} {rest}: " + (f"every {days} days." if days else "none."))
        return 0
    contact_id = contacts.resolve_contact(args.name)
    name = contacts.get_contact(contact_id).name
    if args.every is None and args.snooze is None:
        raise ValidationError("every", "Say how often (1w, 2w, 1m, 6w, 3m, 6m, 1y, none, default) or --snooze DAYS.")
    if args.every is not None:
        upkeep.set_cadence(contact_id, args.every)
    if args.snooze is not None:
        until = upkeep.snooze_cadence(contact_id, args.snooze)
        print(f"Snoozed {name} until {until.isoformat()}.")
    status = upkeep.keep_in_touch(contact_id)
    if args.every is not None:
        source = {"contact": "", "none": "", "": ""}.get(status.source, f" (default of {status.source})")
        every = f"every {status.cadence_days} days{source}" if status.cadence_days else "no keep-in-touch"
        due = f"; next due {status.due_on.isoformat()}" if status.due_on else ""
        print(f"{name}: {every}{due}.")
    return 0


def cmd_date(args) -> int:
    contact_id = contacts.resolve_contact(args.name)
    date_id = dates.add_date(contact_id, args.label, args.date, args.remind)
    [added] = [d for d in dates.dates_of(contact_id) if d.date_id == date_id]
    turning = f", turns {added.turning}" if added.turning else ""
    print(f"Added {added.label} {added.text} to {added.contact_name}; next on {added.on.isoformat()}{turning}.")
    return 0


def cmd_appointment(args) -> int:
    if args.action == "add":
        return _appointment_add(args)
    if args.action == "list":
        contact_id = contacts.resolve_contact(args.name) if args.name else None
        found = appointments.list_appointments(contact_id)
        if not found:
            print("No appointments.")
        coming = appointments.next_occurrences(contact_id, n=500)
        for info in found:
            people = ", ".join(p.name for p in info.participants)
            upcoming = [o for o in coming if o.appointment_id == info.id][:3]
            nexts = ", ".join(f"{o.starts_at:%Y-%m-%d %H:%M}" for o in upcoming) or "none left"
            print(f"#{info.id}  {info.title} with {people}  ·  {info.description}  ·  next: {nexts}")
        return 0
    day = when.parse_date(args.date, "date")
    if args.action == "done":
        interaction_id = appointments.mark_done(args.id, day)
        info = timeline.get_interaction(interaction_id)
        print(f"Done: logged {info.summary} with {', '.join(p.name for p in info.participants)} on {_local(info.occurred_at)}.")
    else:
        appointments.skip_occurrence(args.id, day)
        print(f"Skipped appointment #{args.id} on {day.isoformat()}.")
    return 0


def _appointment_add(args) -> int:
    ids = [contacts.resolve_contact(name) for name in args.people]
    every = args.every.strip().lower()
    unit = every[-1:] if every[-1:] in ("w", "m") else ""
    if not unit or not every[:-1].isdigit():
        raise ValidationError("every", f"'{args.every}' is not a repetition; use 1w, 2w, 1m, 3m...")
    appointment_id = appointments.create_appointment(
        args.title, ids, args.start, freq="weekly" if unit == "w" else "monthly", interval=int(every[:-1]),
        weekdays=args.on, until=args.until, count=args.count, duration_minutes=args.duration,
    )
    info = appointments.get_appointment(appointment_id)
    print(f"Added appointment #{info.id}: {info.title}, {info.description}.")
    return 0


def cmd_followup(args) -> int:
    if args.action == "list":
        due = followups.due_followups()
        if not due:
            print("No follow-ups due.")
        for item in due:
            late = (when.today() - item.effective_due).days
            state = f"{late} day{'s' * (late != 1)} late" if late else "today"
            via = f" ({item.channel})" if item.channel else ""
            print(f"#{item.id}  {item.contact_name} · {item.action or '(no note)'}{via} · {state}")
        return 0
    item = followups.get_followup(args.id)
    if args.action == "done":
        logged = followups.complete_followup(args.id, args.log_kind, notes=args.note)
        print(f"Done: {item.action or 'follow-up'} ({item.contact_name})" + (f"; logged {args.log_kind}." if logged else "."))
    elif args.action == "snooze":
        until = followups.snooze_followup(args.id, args.days)
        print(f"Snoozed #{args.id} ({item.contact_name}) until {until.isoformat()}.")
    else:
        followups.reschedule_followup(args.id, args.date)
        print(f"Moved #{args.id} ({item.contact_name}) to {followups.get_followup(args.id).due_on.isoformat()}.")
    return 0


def _followup_when(text: str) -> dt.date | str | int:
    """--followup: a number of days, or a day as people type it."""
    return int(text) if text.strip().isdigit() else text


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def cmd_favour(args) -> int:
    contact_id = contacts.resolve_contact(args.name)
    favour_id = giving.record_favour(
        contact_id, args.direction, args.kind, args.note, args.when,
        followup_due=_followup_when(args.followup) if args.followup else None,
    )
    info = giving.get_favour(favour_id)
    ledger = giving.balance(contact_id)
    to_from = "given to" if info.direction == "gave" else "received from"
    print(f"Recorded {info.kind} {to_from} {info.contact_name} on {info.occurred_on.isoformat()} (favour #{info.id}); "
          f"balance {_signed(ledger.balance)} (given {ledger.given}, received {ledger.received}).")
    if info.followup_id:
        item = followups.get_followup(info.followup_id)
        print(f"Follow-up due {item.due_on.isoformat()}: {item.action}.")
    return 0


def cmd_favours(args) -> int:
    if args.name:
        if args.owe or args.helped:
            raise ValidationError("name", "Give a NAME for one person's ledger, or --owe / --helped for the lists.")
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
        print("People you owe")
        for person in owe:
            last = (f"last: {person.last_on.isoformat()} {person.last_direction} {person.last_kind}"
                    if person.last_on else "")
            print(f"  #{person.contact_id}  {person.name}  ·  balance {person.balance} "
                  f"(given {person.given}, received {person.received})  ·  {last}")
        if not owe:
            print("  Nobody: you have given at least as much as you received.")
    if helped is not None:
        if owe is not None:
            print()
        print(f"People you helped in the last {args.days} days")
        for item in helped:
            print(f"  {_favour_line(item)}  ·  {item.contact_name} (#{item.contact_id})")
        if not helped:
            print("  No favours given in that time.")
    return 0


def _favour_line(item: giving.FavourInfo) -> str:
    note = f"  ·  {item.note}" if item.note else ""
    return f"{item.occurred_on.isoformat()}  {item.direction:<8}  {item.kind}{note}"


def _ledger(contact_id: int, as_json: bool) -> int:
    ledger = giving.balance(contact_id)
    favours = giving.favours_of(contact_id)
    introductions = giving.introductions_of(contact_id)
    name = contacts.get_contact(contact_id).name
    if as_json:
        _print_json({"contact_id": contact_id, "name": name, "given": ledger.given, "received": ledger.received,
                     "balance": ledger.balance, "favours": _jsonable(favours),
                     "introductions": _jsonable(introductions)})
        return 0
    print(f"{name} (#{contact_id}): balance {_signed(ledger.balance)} (given {ledger.given}, "
          f"received {ledger.received})")
    for item in favours:
        print(f"  #{item.id}  {_favour_line(item)}")
    if introductions:
        print("Introductions:")
        for intro in introductions:
            print(f"  {_intro_line(intro)}")
    return 0


def _intro_line(intro: giving.IntroductionInfo) -> str:
    reason = f"  ·  {intro.reason}" if intro.reason else ""
    outcome = f"  ·  outcome: {intro.outcome}" if intro.outcome else ""
    return (f"#{intro.id}  {intro.introduced_on.isoformat()}  {intro.status:<8}  "
            f"{intro.person_a_name} → {intro.person_b_name}{reason}{outcome}")


def cmd_intro(args) -> int:
    if args.followup and args.status != "made":
        raise ValidationError("followup", "--followup goes with --status made (ask how it went once it is made).")
    a, b = contacts.resolve_contact(args.person_a), contacts.resolve_contact(args.person_b)
    intro_id = giving.introduce(a, b, args.reason, args.when, args.status)
    info = giving.get_introduction(intro_id)
    print(f"{'Introduced' if info.status == 'made' else 'Proposed introducing'} {info.person_a_name} to "
          f"{info.person_b_name} (introduction #{info.id}, {info.status}).")
    if info.status == "made":
        _offer(giving.introduction_offer(intro_id), args.followup)
    return 0


def _offer(offer: giving.IntroductionOffer, followup: str | None) -> None:
    if followup:
        created = giving.accept_introduction_offer(offer, _followup_when(followup))
        for item in (followups.get_followup(i) for i in created):
            print(f"Follow-up due {item.due_on.isoformat()}: {item.action} ({item.contact_name}).")
    else:
        print(f"Add --followup WHEN to ask both how it went (e.g. --followup {giving.ASK_HOW_IT_WENT_DAYS}).")


def cmd_intro_status(args) -> int:
    offer = giving.set_introduction_status(args.id, args.status, args.outcome)
    if args.followup and offer is None:
        raise ValidationError("followup", "--followup goes with making the introduction (status made or later, "
                                          "from proposed).")
    info = giving.get_introduction(args.id)
    outcome = f": {info.outcome}" if info.outcome and info.status == "outcome" else ""
    print(f"Introduction #{info.id} of {info.person_a_name} to {info.person_b_name}: {info.status}{outcome}.")
    if offer is not None:
        print("Recorded a favour given to each and logged the introduction with both.")
        _offer(offer, args.followup)
    return 0


def cmd_chain(args) -> int:
    contact_id = contacts.resolve_contact(args.name)
    up = chains.chain_up(contact_id)
    tree = chains.brought_in(contact_id)
    if args.json:
        _print_json({"chain": _jsonable(up), "brought_in": _tree_json(tree)})
        return 0
    if len(up) > 1:
        print("Chain (each introduced by the next): " + " ← ".join(p.name for p in up))
    else:
        print(f"{up[0].name} was not introduced by anyone you know.")
    if not tree.downstream:
        print(f"{tree.person.name} has not brought anyone in yet.")
        return 0
    print(f"Brought in {tree.downstream} {'person' if tree.downstream == 1 else 'people'}:")
    print(tree.person.name)
    # Depth first without recursion: a chain may be thousands deep.
    stack = [(child, "", index == len(tree.children) - 1) for index, child in reversed(list(enumerate(tree.children)))]
    while stack:
        node, prefix, last = stack.pop()
        trashed = " (in the trash)" if node.person.trashed else ""
        print(f"{prefix}{'└── ' if last else '├── '}{node.person.name} (#{node.person.id}){trashed}")
        inner = prefix + ("    " if last else "│   ")
        stack += [(child, inner, index == len(node.children) - 1)
                  for index, child in reversed(list(enumerate(node.children)))]
    return 0


def _tree_json(tree: chains.BroughtIn) -> dict:
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
    found = chains.top_connectors(args.limit)
    if args.json:
        _print_json(_jsonable(found))
        return 0
    if not found:
        print("Nobody has introduced anyone yet (set who introduced whom with netui add/edit or the app).")
    for rank, connector in enumerate(found, 1):
        print(f"{rank:>2}. #{connector.id}  {connector.name}  ·  brought in {connector.direct} directly, "
              f"{connector.downstream} in all")
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
    return instant.in_timezone(when.local_zone()).format("YYYY-MM-DD HH:mm")


def _summary_line(summary) -> str:
    if isinstance(summary, events.EventSummary):
        start = _local(summary.starts_at) if summary.starts_at else "no date"
        return f"#{summary.id}  {summary.title}  ·  {start}  ·  {summary.city or '-'}"
    parts = [f"#{summary.id}", ("★ " if summary.starred else "") + summary.name]
    work = " at ".join(p for p in (summary.role, summary.company) if p)
    if work:
        parts.append(work)
    if summary.city:
        parts.append(summary.city)
    parts.append(f"last contacted {when.humanize(summary.last_contacted)}")
    if summary.overdue:
        parts.append("OVERDUE")
    return "  ·  ".join(parts)


def _detail_text(detail: contacts.ContactDetail, recent) -> str:
    lines = [("★ " if detail.starred else "") + f"{detail.name}  (#{detail.id})"]
    if detail.trashed_at:
        lines.append(f"IN THE TRASH since {_local(detail.trashed_at)}")
    fields = [
        ("company", detail.company), ("role", detail.role), ("city", detail.city),
        ("country", detail.country), ("circle", detail.circle), ("how we met", detail.how_met),
        ("met at", detail.met_at_title), ("introduced by", detail.introduced_by_name),
        ("keep in touch", f"every {detail.cadence_days} days" if detail.cadence_days else None),
        ("last contacted", when.humanize(detail.last_contacted)),
        ("tags", " ".join(f"#{t}" for t in detail.tags)),
    ]
    lines += [f"  {label:<15}{value}" for label, value in fields if value]
    for channel in detail.channels:
        label = f" ({channel.label})" if channel.label else ""
        lines.append(f"  {channel.kind:<15}{channel.value}{label}")
    for fact in detail.facts:
        lines.append(f"  {fact.label:<15}{fact.value}")
    for date in detail.important_dates:
        lines.append(f"  {date.label:<15}{date.text}")
    if detail.notes:
        lines += ["", "Notes:"] + [f"  {line}" for line in detail.notes.splitlines()]
    if detail.open_followups:
        lines += ["", "Follow-ups:"]
        for item in detail.open_followups:
            via = f" by {item.channel}" if item.channel else ""
            lines.append(f"  {item.effective_due.isoformat()}{via}: {item.action or '(no note)'}")
    if recent:
        lines += ["", "Timeline:"]
        for info in recent:
            others = [p.name for p in info.participants if p.id != detail.id]
            with_others = f" (with {', '.join(others)})" if others else ""
            text = info.summary or info.notes.splitlines()[0] if (info.summary or info.notes) else ""
            lines.append(f"  {_local(info.occurred_at)}  {info.kind:<8} {text}{with_others}")
    return "\n".join(lines)


def _summary_json(summary: contacts.ContactSummary) -> dict:
    return _jsonable(summary)


def _jsonable(value):
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
    print(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    raise SystemExit(main())
