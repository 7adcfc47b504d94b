"""The argument parser of `netui`: every command, its arguments and their help.

It imports no command's code: netui.cli runs a command by importing its area module then.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from netui import __version__, i18n
from netui.i18n import _
from netui.labels import codes_as_typed
from netui.store import db
from netui.store.models import CHANNEL_KINDS, CIRCLES, FAVOUR_KINDS, INTERACTION_KINDS, INTRODUCTION_STATUSES, MILESTONES
from netui.store.models import EVENT_KINDS, EVENT_STATUSES

if TYPE_CHECKING:
    import argparse


class UsageError(Exception):
    """Bad command-line usage; argparse's message is carried here instead of exiting."""


_parser_class = None


def _Parser(*args, **kwargs) -> argparse.ArgumentParser:
    """netui's ArgumentParser: argparse loads with the first parser built (the TUI's start
    reads its few options without it: `read_tui_options`)."""
    global _parser_class
    if _parser_class is None:
        import argparse

        class Parser(argparse.ArgumentParser):
            def error(self, message):  # one line and exit 2, like every other user error
                raise UsageError(f"{self.prog}: {message}")

        # argparse's own words ("usage:", "options", "invalid choice") through netui's catalogue.
        argparse._ = i18n._
        argparse.ngettext = i18n.plural_form
        _parser_class = Parser
    return _parser_class(*args, **kwargs)


# The TUI's options, each taking a value: `--db PATH`, `--user NAME`, `--lang CODE`.
_TUI_OPTIONS = {"--db": "db", "--user": "user", "--lang": "lang"}


def read_tui_options(argv: list[str]) -> SimpleNamespace | None:
    """`netui [--db PATH] [--demo] [--user NAME] [--lang CODE]` read as argparse reads it, in
    the plain forms (`--db PATH`, `--db=PATH`), without importing argparse (~7 M instructions
    at each start of the app); None for anything else (a command, --help, an abbreviation, a
    value that looks like an option, a language netui does not speak), which the parser reads."""
    values = {"db": None, "demo": False, "user": None, "lang": None}
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--demo":
            values["demo"] = True
            index += 1
            continue
        name, equals, value = argument.partition("=")
        if name not in _TUI_OPTIONS:
            return None
        if not equals:
            if index + 1 == len(argv) or argv[index + 1].startswith("-"):
                return None  # argparse's sentence says what is missing
            value = argv[index + 1]
        index += 1 if equals else 2
        if name == "--lang" and value not in i18n.LANGUAGES:
            return None
        values[_TUI_OPTIONS[name]] = value
    return SimpleNamespace(**values, command=None)


def _one_of(codes, labelled: bool = False) -> str:
    """The help of an argument that takes one of these (English) codes; `labelled`: it takes
    their labels in the interface's language too, so those are listed."""
    return _("one of: {codes}", codes=codes_as_typed(codes) if labelled else ", ".join(codes))


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line, read. Without a command (the TUI: `netui --db FILE`) only the
    top-level options are needed: the whole parser, every command's arguments and help, took
    ~18 ms to build at each start of the app; the plain forms of its options need no parser at all."""
    if (tui := read_tui_options(argv)) is not None:
        return tui
    if not any(argument in ("-h", "--help") for argument in argv) and not _names_a_command(argv):
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(argv)


def _names_a_command(argv: list[str]) -> bool:
    """Whether a word that is not an option (nor a top-level option's value) is there: a
    command, whose own options only the whole parser knows (`export vcard --version 4.0` is
    not netui's --version)."""
    expects_value = False
    for argument in argv:
        if expects_value:
            expects_value = False
        elif argument == "--" or not argument.startswith("-"):
            return True
        else:
            expects_value = argument in _TUI_OPTIONS
    return False


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """netui's parser; `with_commands=False`: the top-level options only."""
    parser = _Parser(
        prog="netui",
        description=_("Build and keep your professional network, from the terminal."),
        epilog=_("The database is a single SQLite file, or a team's PostgreSQL database (postgresql://...); "
                 "--db, ${variable} or [storage] database in config.toml choose it.", variable=db.DB_ENV_VAR),
    )
    parser.add_argument("--version", action="version", version=f"netui {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--db", metavar=_("PATH"), help=_("database file (default: ${variable} or {path})",
                                                       variable=db.DB_ENV_VAR, path=db.default_db_path()))
    parser.add_argument("--demo", action="store_true", help=_("open a fresh throwaway demo network"))
    parser.add_argument("--user", metavar=_("NAME"),
                        help=_("who you are in a shared network: what you log is recorded as yours "
                               "(default: ${variable}, config.toml's [team] user, then your login name)",
                               variable="NETUI_USER"))
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES),
                        help=_("language of the interface (default: the config file, then $LANG; English)"))
    if not with_commands:
        return parser
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)

    _add_people_commands(commands)
    _add_edit_command(commands)
    commands.add_parser("locate", help=_("print where the data and configuration live"))
    _add_capture_and_exchange_commands(commands)
    _add_upkeep_commands(commands)
    _add_giving_commands(commands)
    _add_event_commands(commands)
    _add_safety_commands(commands)
    _add_duplicate_commands(commands)
    _add_reach_and_missing_commands(commands)

    _add_serve_command(commands)

    demo_command = commands.add_parser("demo", help=_("write a made-up sample network into an empty database"))
    demo_command.add_argument("--people", type=int, default=200)
    demo_command.add_argument("--interactions", type=int, default=None, help=_("default: 7.5 per person"))
    demo_command.add_argument("--seed", type=int, default=2026, help=_("same seed, same network"))
    demo_command.add_argument("--db", dest="demo_db", metavar=_("PATH"), help=_("the (new) database file to write"))
    return parser


def _add_serve_command(commands) -> None:
    serve = commands.add_parser("serve", help=_("serve the app to web browsers: each tab a netui of its own, "
                                                "at an address with a secret token"))
    serve.add_argument("--host", default="127.0.0.1",
                       help=_("the address to listen on (default: 127.0.0.1, this machine only)"))
    serve.add_argument("--port", type=int, default=8000, help=_("the port to listen on (default: 8000)"))
    serve.add_argument("--allow-remote", action="store_true",
                       help=_("allow a --host other machines can reach (put it behind TLS)"))
    serve.add_argument("--db", dest="serve_db", metavar=_("PATH"), help=_("the database the tabs open (as netui --db)"))


def _add_people_commands(commands) -> None:
    """add, log, search, show, fact."""
    machine = _("machine-readable output")
    repeatable = _("repeatable")
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
    add.add_argument("--introduced-by", metavar=_("NAME"), help=_("who introduced them (a contact's name or '#id')"))

    log = commands.add_parser("log", help=_("log an interaction with one or more contacts"))
    log.add_argument("names", metavar=_("NAME"), nargs="+", help=_("each participant ('#12' picks by id)"))
    log.add_argument("--kind", default="note", help=_one_of(INTERACTION_KINDS, labelled=True))
    log.add_argument("--when", default="now", help=_('e.g. "yesterday 18:00", "3 days ago", 2026-11-20'))
    log.add_argument("--summary", default="", help=_("one line; defaults to the note's first line"))
    log.add_argument("--note", default="")
    log.add_argument("--initiated-by", choices=("me", "them"), default=None,
                     help=_("who reached out (default: me); a note has nobody, so not with --kind note"))
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

    fact = commands.add_parser("fact", help=_("add, list or remove what to remember about someone "
                                              "(kids, hobby, an anecdote...)"))
    fact.add_argument("name", metavar=_("NAME"))
    fact.add_argument("label", metavar=_("LABEL"), nargs="?", help=_("e.g. kids, hobby, pet (without it: list)"))
    fact.add_argument("value", metavar=_("VALUE"), nargs="?", help=_('e.g. "Leo and Mia"'))
    fact.add_argument("--remove", action="store_true",
                      help=_("remove their facts with this label (only the one with VALUE, if given)"))
    fact.add_argument("--json", action="store_true", help=_("their facts afterwards, machine-readable"))


def _add_reach_and_missing_commands(commands) -> None:
    """reach, who-knows, missing."""
    from netui.missing import DETAILS

    machine = _("machine-readable output")
    reach = commands.add_parser("reach", help=_("who never reaches out (you started all of the last few times), "
                                                "and whom you have not answered (they reached out last)"))
    reach.add_argument("--json", action="store_true", help=machine)

    who_knows = commands.add_parser(
        "who-knows", help=_("who in the team knows the people a company, a person or a city names: "
                            "how many, how warm, the last contact"))
    who_knows.add_argument("query", metavar=_("QUERY"),
                           help=_('e.g. "Lumen", "Giulia Rossi", Milano, city:Torino, #fintech'))
    who_knows.add_argument("--json", action="store_true", help=machine)

    missing = commands.add_parser("missing", help=_("people missing an e-mail, a phone, a company, how you met "
                                                    "or a city: counts and a list"))
    missing.add_argument("--what", default=None, metavar=_("DETAILS"),
                         help=_("comma-separated, among: {details} (default: all)", details=",".join(DETAILS)))
    missing.add_argument("--json", action="store_true", help=machine)


def _add_edit_command(commands) -> None:
    """edit: every field of add, channels with labels, tags, who introduced them."""
    edit = commands.add_parser("edit", help=_("change a contact: any field of add, channels, tags, introducer"))
    edit.add_argument("name", metavar=_("NAME"), help=_("whom to change ('#12' picks by id)"))
    edit.add_argument("--name", dest="new_name", metavar=_("NAME"), help=_("rename them"))
    for option in ("company", "role", "city", "country"):
        edit.add_argument(f"--{option}", metavar=_("TEXT"), help=_("\"\" clears it"))
    edit.add_argument("--circle", help=_one_of(CIRCLES, labelled=True))
    edit.add_argument("--how-met", metavar=_("TEXT"), help=_("how you met, in your words"))
    cadence = edit.add_mutually_exclusive_group()
    cadence.add_argument("--cadence", metavar=_("DAYS"), help=_("keep in touch every DAYS days"))
    cadence.add_argument("--no-cadence", action="store_true",
                         help=_("forget their own cadence (the circle's or a tag's default applies)"))
    edit.add_argument("--note", metavar=_("TEXT"), help=_("replace their notes (\"\" clears them)"))
    star = edit.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True, help=_("mark as starred"))
    star.add_argument("--unstar", dest="starred", action="store_const", const=False, help=_("not starred any more"))
    edit.add_argument("--tag", action="append", default=[], help=_("add a tag; repeatable"))
    edit.add_argument("--remove-tag", action="append", default=[], metavar=_("TAG"), help=_("repeatable"))
    edit.add_argument("--introduced-by", metavar=_("NAME"),
                      help=_("who introduced them (a contact's name or '#id'; \"\" clears it)"))
    for kind in CHANNEL_KINDS:
        edit.add_argument(f"--add-{kind}", dest=f"add_{kind}", action="append", nargs="+", default=[],
                          metavar=(_("VALUE"), _("LABEL")),
                          help=_("add a {kind}: the value, then an optional label as its own word "
                                 "(e.g. work); repeatable", kind=kind))
        edit.add_argument(f"--remove-{kind}", dest=f"remove_{kind}", action="append", default=[],
                          metavar=_("VALUE"), help=_("remove their {kind} with this value; repeatable", kind=kind))
    edit.add_argument("--json", action="store_true", help=_("the contact afterwards, machine-readable"))


def _add_capture_and_exchange_commands(commands) -> None:
    """capture, export, import."""
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
                                       "introductions, appointments, cadences, wishes, or all (a folder netui import "
                                       "reads back)"))
    export_command.add_argument("--query", default="", help=_("only contacts the search box would show for this "
                                                              "(and what goes with them)"))
    export_command.add_argument("--tag", default=None, help=_("only contacts with this tag (and what goes with them)"))
    export_command.add_argument("--city", default=None, help=_("only contacts in this city (and what goes with them)"))
    export_command.add_argument("--excel", action="store_true", help=_("csv: UTF-8 with a BOM, for Excel"))
    export_command.add_argument("--version", dest="vcard_version", default="3.0", choices=("3.0", "4.0"),
                                help=_("vcard: the vCard version"))

    import_command = commands.add_parser(
        "import", help=_("bring people in from netui CSV, LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV "
                         "or vCard; or everything from a folder written by export csv --what all"))
    import_command.add_argument("file", metavar="FILE", help=_("a file, or a folder written by export csv --what all"))
    import_command.add_argument("--dry-run", action="store_true", help=_("say what would happen, write nothing"))



def _add_upkeep_commands(commands) -> None:
    """today, trip, brief, cadence, date, appointment, followup."""
    from netui.upkeep import CADENCE_PRESETS

    machine = _("machine-readable output")
    today = commands.add_parser("today", help=_("follow-ups, dates, appointments, overdue cadences and events"))
    today.add_argument("--days", type=int, default=7, help=_("dates in the next N days (default 7)"))
    today.add_argument("--team", action="store_true",
                       help=_("the whole team's follow-ups, not only yours (and nobody's)"))
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

    _add_appointment_commands(commands)
    _add_followup_commands(commands)


def _add_appointment_commands(commands) -> None:
    """appointment add, list, done, skip."""
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



def _add_followup_commands(commands) -> None:
    """followup add, list, done, snooze, reschedule."""
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
    """backup, restore, copy, purge."""
    backup_command = commands.add_parser("backup", help=_("copy the database safely, even while the app is open"))
    backup_command.add_argument("--to", metavar=_("PATH"),
                                help=_("the file (or folder) to write; default: the backups folder beside the database"))
    restore = commands.add_parser("restore",
                                  help=_("replace the database with a backup (the current one is saved first)"))
    restore.add_argument("file", metavar=_("PATH"), help=_("a netui database file, e.g. one netui backup wrote"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    copy = commands.add_parser("copy", help=_("copy a whole network into an empty database: a file onto a team's "
                                              "PostgreSQL server, a server's network into a file"))
    copy.add_argument("--from", dest="source", required=True, metavar=_("SOURCE"),
                      help=_("the database copied: a file, or a PostgreSQL address (postgresql://... or "
                             "'host=... dbname=...'); read, never changed"))
    copy.add_argument("--to", dest="target", required=True, metavar=_("TARGET"),
                      help=_("where to: a new (or empty) file, or an empty PostgreSQL database"))
    purge = commands.add_parser("purge", help=_("erase a person for good, everywhere (also from the trash)"))
    purge.add_argument("name", metavar=_("NAME"), help=_("their name or '#id' (a person in the trash too)"))
    purge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))


def _add_duplicate_commands(commands) -> None:
    """duplicates, merge; and `add --anyway` (add checks for look-alikes first)."""
    commands.choices["add"].add_argument(
        "--anyway", action="store_true",
        help=_("add even when someone has the same e-mail, phone, LinkedIn or name"))
    found = commands.add_parser("duplicates", help=_("list pairs of contacts that may be one person, with why"))
    found.add_argument("--json", action="store_true", help=_("machine-readable output"))
    found.add_argument("--limit", type=int, default=None, metavar="N", help=_("show at most N pairs"))
    merge = commands.add_parser("merge", help=_("merge two records of one person into the first"))
    merge.add_argument("keep", metavar="A", help=_("the contact kept (name or '#id'); its fields win"))
    merge.add_argument("other", metavar="B", help=_("the contact merged into A, then removed"))
    merge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
def _add_event_commands(commands) -> None:
    """event add, list, show, attend, status, want."""
    machine = _("machine-readable output")
    dates = _('e.g. "2026-12-03 09:00", "tomorrow 18:00", "in 5 days 09:00", "next friday"')
    event = commands.add_parser("event", help=_("events and the people to meet there: add, list, show, attend, "
                                                "status, want, missed"))
    actions = event.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=_Parser, required=True)
    add = actions.add_parser("add", help=_("add an event (a convention, a webinar, a dinner...)"))
    add.add_argument("title", metavar=_("TITLE"))
    add.add_argument("--when", required=True, metavar=_("WHEN"), help=_("when it starts; {examples}", examples=dates))
    add.add_argument("--until", default="", metavar=_("WHEN"), help=_("when it ends (optional)"))
    add.add_argument("--kind", required=True, metavar="K", help=_one_of(EVENT_KINDS, labelled=True))
    add.add_argument("--status", default="planned", metavar=_("STATUS"),
                     help=_("default planned; ") + _one_of(EVENT_STATUSES, labelled=True))
    add.add_argument("--city", default="")
    add.add_argument("--country", default="")
    add.add_argument("--venue", default="")
    add.add_argument("--link", default="", help=_("web page, tickets or the webinar's link"))
    add.add_argument("--goal", default="", help=_('e.g. "meet 3 buyers"'))
    add.add_argument("--notes", default="")
    add.add_argument("--timezone", default=None, metavar=_("ZONE"),
                     help=_("the zone it happens in, e.g. Europe/London (default: yours)"))
    listing = actions.add_parser("list", help=_("events to come (and undated ideas); --past: those over"))
    listing.add_argument("--past", action="store_true", help=_("events that are over, newest first"))
    listing.add_argument("--json", action="store_true", help=machine)
    show = actions.add_parser("show", help=_("an event, the people to meet and met there, who you missed"))
    show.add_argument("event", metavar=_("EVENT"), help=_("title (or part of it) or '#id'"))
    show.add_argument("--json", action="store_true", help=machine)
    attend = actions.add_parser("attend", help=_("put a contact on the event's list, to meet or met"))
    attend.add_argument("event", metavar=_("EVENT"))
    attend.add_argument("name", metavar=_("NAME"), help=_("a contact, or someone on the list who is not a contact "
                                                       "yet (with --met: becomes a contact)"))
    met = attend.add_mutually_exclusive_group()
    met.add_argument("--met", action="store_true", help=_("you met them there"))
    met.add_argument("--to-meet", action="store_true", help=_("to meet there (the default)"))
    attend.add_argument("--role", default=None, help=_("speaker, organiser, exhibitor..."))
    status = actions.add_parser("status", help=_("set an event's status"))
    status.add_argument("event", metavar=_("EVENT"))
    status.add_argument("status", metavar=_("STATUS"), help=" → ".join(EVENT_STATUSES))
    want = actions.add_parser("want", help=_("someone to meet there who is not a contact yet"))
    want.add_argument("event", metavar=_("EVENT"))
    want.add_argument("person", metavar=_('"NAME @Company"'), help=_('e.g. "Sara Conti @Lumen"'))
    want.add_argument("--why", default=None, metavar=_("TEXT"), help=_("why you want to meet them"))
    missed = actions.add_parser("missed", help=_("once the event is over: write to someone on its list you missed "
                                                "(a follow-up; a contact first, if they are not one)"))
    missed.add_argument("event", metavar=_("EVENT"))
    missed.add_argument("name", metavar=_("NAME"))
    missed.add_argument("--due", default=None, metavar=_("WHEN"),
                        help=_("when to write (default: in the capture's follow-up days)"))
    missed.add_argument("--action", dest="action_text", default=None, metavar=_("TEXT"),
                        help=_("what to write (default: Write to NAME: missed at EVENT)"))
