"""The `netui` command: opens the TUI, or runs one subcommand through the domain layer.

User errors print one sentence on stderr and exit with status 2.

The parser (netui.cli.parser) imports no command's code; a command's area module (contacts,
capture, agenda, trips, giving, transfer, admin) is imported when that command runs, and it
imports the domain modules it uses: `netui --help` and the TUI path load little.
"""

from __future__ import annotations

import gc
import importlib
import os
import re
import sys
from collections.abc import Sequence

import peewee

from netui import config, i18n
# Its functions by name: a module name here may become a command module once that is imported.
from netui.team import resolve_user, use as use_user
from netui.errors import AmbiguousNameError, NetuiError
from netui.i18n import _
from netui.store import db
from netui.cli.parser import UsageError, build_parser, parse_arguments

USER_ERROR = 2
_YEARLESS = re.compile(r"^--(\d{1,2}-\d{1,2})$")

# The command, the module of netui.cli that runs it, and its function there.
COMMANDS = {
    "add": ("contacts", "cmd_add"), "log": ("contacts", "cmd_log"), "search": ("contacts", "cmd_search"),
    "show": ("contacts", "cmd_show"), "fact": ("contacts", "cmd_fact"),
    "capture": ("capture", "cmd_capture"),
    "edit": ("editing", "cmd_edit"),
    "today": ("agenda", "cmd_today"), "brief": ("agenda", "cmd_brief"), "cadence": ("agenda", "cmd_cadence"),
    "date": ("agenda", "cmd_date"), "appointment": ("agenda", "cmd_appointment"),
    "followup": ("agenda", "cmd_followup"),
    "trip": ("trips", "cmd_trip"),
    "favour": ("giving", "cmd_favour"), "favours": ("giving", "cmd_favours"), "intro": ("giving", "cmd_intro"),
    "intro-status": ("giving", "cmd_intro_status"), "chain": ("giving", "cmd_chain"),
    "connectors": ("giving", "cmd_connectors"),
    "event": ("events", "cmd_event"),
    "import": ("transfer", "cmd_import"), "export": ("transfer", "cmd_export"), "backup": ("transfer", "cmd_backup"),
    "restore": ("transfer", "cmd_restore"), "copy": ("transfer", "cmd_copy"),
    "duplicates": ("duplicates", "cmd_duplicates"), "merge": ("duplicates", "cmd_merge"),
    "reach": ("reaching", "cmd_reach"), "missing": ("missing", "cmd_missing"),
    "who-knows": ("who_knows", "cmd_who_knows"),
    "locate": ("admin", "cmd_locate"), "demo": ("admin", "cmd_demo"), "purge": ("admin", "cmd_purge"),
    "serve": ("serve", "cmd_serve"),
}
# Commands that run without opening the database first.
WITHOUT_DATABASE = (
    "locate",
    "restore",  # also when the current file is too damaged to open
    "copy",  # opens the two databases it is given
    "serve",  # opens it once itself, then each browser tab's netui does
)

__all__ = ["COMMANDS", "USER_ERROR", "build_parser", "command", "main", "run_tui", "use_language"]


def command(name: str):
    """The function that runs the command `name`, its module imported now."""
    module, function = COMMANDS[name]
    return getattr(importlib.import_module(f"netui.cli.{module}"), function)


def main(argv: Sequence[str] | None = None) -> int:
    # "--04-15" (a date without its year) would read as an option: pass it on as "04-15".
    argv = [_YEARLESS.sub(r"\1", a) for a in (sys.argv[1:] if argv is None else argv)]
    use_language(argv)  # before the parser exists: its --help is translated too
    try:
        args = parse_arguments(argv)
        if args.command is not None or args.demo:
            gc.enable()  # only the TUI's own start-up runs without the collector (netui.launch)
        if args.command in WITHOUT_DATABASE:
            return command(args.command)(args)
        use_user(resolve_user(args.user))  # what is logged from now on is theirs
        if args.command is None:
            return run_tui(args)
        # A dry run writes nothing, not even a new empty file: it imports into nothing.
        dry_run = args.command == "import" and args.dry_run
        database = db.open_database(db.resolve_db_path(getattr(args, "demo_db", None) or args.db),
                                    create=not dry_run)
        try:
            return command(args.command)(args)
        finally:
            database.close()
    except UsageError as error:
        print(error, file=sys.stderr)
        return USER_ERROR
    except AmbiguousNameError as error:
        from netui.cli.output import summary_line

        print(f"netui: {error}", file=sys.stderr)  # i18n: not text
        for candidate in error.candidates:
            print(f"  {summary_line(candidate)}", file=sys.stderr)
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
    i18n.set_language(code)  # argparse's own words follow it too (netui.cli.parser)
    return code


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
