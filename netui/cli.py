"""The `netui` command: opens the TUI, or runs one subcommand through the domain layer.

User errors print one sentence on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import peewee

from netui import __version__, capture, contacts, db, demo, events, exporting, importing, timeline, when
from netui.errors import AmbiguousNameError, NetuiError
from netui.models import CIRCLES, INTERACTION_KINDS

USER_ERROR = 2


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

    export_command = commands.add_parser("export", help="write contacts and more to CSV, vCard or iCalendar")
    export_command.add_argument("format", choices=("csv", "vcard", "ics"))
    export_command.add_argument("--out", required=True, metavar="PATH",
                                help="the file to write (with --what all: a folder)")
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

    demo_command = commands.add_parser("demo", help="write a made-up sample network into an empty database")
    demo_command.add_argument("--people", type=int, default=200)
    demo_command.add_argument("--interactions", type=int, default=None, help="default: 7.5 per person")
    demo_command.add_argument("--seed", type=int, default=2026, help="same seed, same network")
    demo_command.add_argument("--db", dest="demo_db", metavar="PATH", help="the (new) database file to write")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return run_tui(args)
        if args.command == "locate":
            return cmd_locate(args)
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
        NetuiApp(path).run()
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
    query = " ".join(part for part in (
        args.query, f'tag:"{args.tag}"' if args.tag else "", f'city:"{args.city}"' if args.city else "") if part)
    if args.format == "csv":
        written = exporting.export_csv(Path(args.out), args.what, query, excel=args.excel)
    elif args.format == "vcard":
        written = [exporting.export_vcard(Path(args.out), query, args.vcard_version)]
    else:
        written = [exporting.export_ics(Path(args.out))]
    for path in written:
        print(f"Wrote {path}")
    return 0


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


COMMANDS = {
    "add": cmd_add, "log": cmd_log, "search": cmd_search, "show": cmd_show, "demo": cmd_demo,
    "capture": cmd_capture, "import": cmd_import, "export": cmd_export,
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
