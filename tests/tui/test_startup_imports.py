"""The first screen loads only what it shows (issue 18): forms, the capture screen, the flows,
help, the duplicate finder (rapidfuzz), the importers and the demo writer load on first use.
Every module imported before the first paint is time a person waits for at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pendulum
import pytest

from netui import contacts, events

# Not on the first screen: each of these loads when its key or command is used.
LOADED_ON_FIRST_USE = (
    "netui.screens.flows", "netui.screens.forms", "netui.screens.forms.form",
    "netui.screens.forms.contact_form", "netui.screens.capture", "netui.screens.help",
    "netui.screens.contact", "netui.screens.today", "netui.screens.welcome",
    "netui.widgets.contact_picker", "netui.capture", "netui.capture_line", "netui.lifecycle",
    "netui.duplicates", "netui.giving", "netui.wishes", "netui.reaching", "netui.privacy",
    "netui.exchange", "netui.demo", "rapidfuzz", "vobject", "icalendar",
    # Edits, the contact screen and Today: each module a handful of dataclasses (~1 ms apiece).
    "netui.chains", "netui.followups", "netui.dates",
    # pendulum's free-form parser (netui's parsing is strict): runs on first use (netui/__init__).
    "dateutil.parser._parser", "dateutil.tz",
    # A settings file's parser loads only when there is a settings file.
    "tomllib",
    # The TUI's options are read without argparse; English needs no gettext (netui.i18n).
    "argparse", "gettext",
    # hashlib's OpenSSL: peewee imports hashlib, a stand-in until used (netui/__init__).
    "_hashlib",
    # The search index's module is a stand-in until the first search or write (netui/__init__):
    # its bulk writer loads with it. A file at the newest schema runs no upgrade step.
    "netui.store.bulk", "netui.store.export_half",
    "netui.store.migrations.v0001_initial", "netui.store.migrations.v0011_living_count",
    # The full-text index's model (models.ContactSearch) is made at first use, with FTS5Model.
    "playhouse.sqlite_ext", "playhouse.fts_parser",
    # json: a stand-in until used (netui/__init__); its decoder loads with the real module.
    "json.decoder",
    # importlib.resources: a stand-in until used (pendulum's Locale.load imports it; netui.i18n
    # loads pendulum's words for netui's languages without it).
    "importlib.resources._common", "importlib.readers",
    # The palette's commands load when the palette opens (NetuiApp.COMMANDS holds a function).
    "netui.screens.commands",
)

FIRST_SCREEN = """
import asyncio, collections, gc, sys
from netui.store import db
from netui.app import NetuiApp  # first: it sets Textual's frame rate before Textual reads it
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

db.open_database(sys.argv[1])

# How many times each widget is styled before the first paint.
styled, painted = collections.Counter(), []
apply, refresh = Stylesheet.apply, Screen._compositor_refresh
def counting_apply(self, node, *args, **kwargs):
    if not painted and node.id != "_default" and type(node).__name__ != "DOMNode":  # not a component's styles
        styled[node.id or type(node).__name__] += 1
    return apply(self, node, *args, **kwargs)
def first_refresh(self):
    if not painted:
        painted.append(sorted(f"{name}.{key}" for name, module in list(sys.modules.items())
                              if name.startswith("netui") and module is not None
                              for key, value in vars(module).items()
                              if isinstance(value, type) and value.__module__ == name
                              and isinstance(vars(value).get("__dataclass_fields__"), dict)))  # made
    return refresh(self)
Stylesheet.apply, Screen._compositor_refresh = counting_apply, first_refresh


async def first_screen():
    app = NetuiApp(None, welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _attempt in range(200):
            await pilot.pause(0.02)
            await app.workers.wait_for_complete()
            title = str(app.screen.query_one("#contacts-title").render())
            planner = app.screen.query_one("#events")
            if "2 people" in title and planner.option_count:
                break
        else:
            raise SystemExit("the first screen never showed its people and events: " + title)
        modules = sorted(set(sys.modules))
        import re, pendulum.parsing
        from pendulum.formatting.formatter import Formatter
        patterns = {"formatter": Formatter._FORMAT_RE, "parser": pendulum.parsing.COMMON}
        compiled = sorted(name for name, pattern in patterns.items()
                          if isinstance(pattern, re.Pattern) or "match" in vars(pattern))
        from textual import constants
        shown = {"fps": constants.MAX_FPS, "frozen": gc.get_freeze_count(), "thresholds": gc.get_threshold(),
                 "enabled": gc.isenabled(), "compiled": compiled}
    after = {"frozen": gc.get_freeze_count(), "thresholds": gc.get_threshold(), "enabled": gc.isenabled()}
    import json  # only now: netui's start must not need it
    print("STATE " + json.dumps({"shown": shown, "after": after, "before": before}))
    print("PAINTED " + json.dumps({"styled": styled, "dataclasses": painted[0]}))
    print("MODULES " + json.dumps(modules))

before = {"thresholds": gc.get_threshold()}
gc.disable()  # as the `netui` command starts the app (netui.launch)
asyncio.run(first_screen())
"""


@pytest.fixture
def first_screen(database, tmp_path) -> str:
    """What a fresh netui process printed once its first screen showed (see FIRST_SCREEN)."""
    contacts.create_contact(first_name="Giulia", last_name="Rossi", company="Lumen")
    contacts.create_contact(first_name="Marco", last_name="Bianchi")
    events.create_event("Alumni dinner", starts_at=pendulum.now().add(days=30))
    database.close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "LANG": "C.UTF-8", "NETUI_DB": str(tmp_path / "netui.db")}
    env.pop("TEXTUAL_FPS", None)
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(tmp_path / "netui.db")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
    return result.stdout


def test_the_first_screen_imports_no_form_capture_or_import_machinery(first_screen):
    modules = set(json.loads(first_screen.rpartition("MODULES ")[2]))
    assert "netui.screens.main" in modules  # the probe did reach the first screen
    loaded = sorted(name for name in modules
                    if any(name == lazy or name.startswith(lazy + ".") for lazy in LOADED_ON_FIRST_USE))
    assert loaded == [], f"the first screen imported {loaded}: import them where they are first used"


def test_the_first_screen_compiles_none_of_pendulums_patterns(first_screen):
    """pendulum compiles its formatter's patterns and its parser's at its import (~9 M
    instructions): netui imports it with them compiled at first use (netui/__init__), and the
    first screen writes its dates and "3 weeks ago" without them."""
    state = json.loads(first_screen.partition("STATE ")[2].partition("\n")[0])
    assert state["shown"]["compiled"] == []


def test_keystrokes_are_painted_at_120_frames_a_second_and_full_collections_wait_for_rest(first_screen):
    """Two wins a change could undo without any test failing otherwise: a search's results
    waited up to 17 ms for Textual's next frame at its default 60 a second, and Python's full
    garbage collections (35-140 ms) ran in the middle of keystrokes."""
    state = json.loads(first_screen.partition("STATE ")[2].partition("\n")[0])
    assert state["shown"]["fps"] >= 120
    assert state["shown"]["enabled"]  # started without the collector (netui.launch), it is on once shown
    assert state["shown"]["frozen"] > 10_000  # start-up's objects: not walked again
    assert state["shown"]["thresholds"][2] > 100_000  # no automatic full collection
    # Leaving the app puts the collector back as it was.
    assert state["after"] == {"frozen": 0, "thresholds": state["before"]["thresholds"], "enabled": False}


# `python -m netui` with the TUI and a command stubbed: whether the collector runs when each starts.
LAUNCHED = """
import gc, json, runpy, sys
import netui.cli

seen = {}
started = lambda args: seen.setdefault(" ".join(sys.argv[1:]) or "the TUI", gc.isenabled()) and 0
netui.cli.run_tui = started
netui.cli.command = lambda name: started
for argv in (["netui"], ["netui", "search", "Giulia"], ["netui", "--demo"]):
    gc.enable()
    sys.argv = argv
    try:
        runpy.run_module("netui", run_name="__main__")
    except SystemExit:
        pass
print("SEEN " + json.dumps(seen))
"""


def test_the_tui_starts_without_the_garbage_collector_and_every_command_with_it(tmp_path):
    """Start-up made some 170 young collections and a full one (a sixth of the time to the
    first screen) that found almost nothing to free: the `netui` command turns the collector
    off until the first screen is painted (netui.launch). A command, or --demo writing its
    network, runs with it as usual."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "NETUI_DB": str(tmp_path / "netui.db")}
    result = subprocess.run([sys.executable, "-c", LAUNCHED], env=env, capture_output=True, text=True, timeout=120)
    seen = json.loads(result.stdout.rpartition("SEEN ")[2] or "{}")
    assert seen == {"the TUI": False, "search Giulia": True, "--demo": True}, result.stderr[-2000:]


def test_the_tui_reads_its_command_line_without_argparse_or_gettext(tmp_path):
    """`netui --db FILE` read its few options through argparse, which with gettext cost ~7 M
    instructions at each start (netui.cli.parser.read_tui_options); a command still uses it."""
    probe = ("import json, sys, netui.cli\n"
             "netui.cli.run_tui = lambda args: print('LOADED ' + json.dumps("
             "[name for name in ('argparse', 'gettext') if name in sys.modules])) or 0\n"
             "netui.cli.main(sys.argv[1:])\n")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-c", probe, "--db", str(tmp_path / "netui.db"), "--lang", "en"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert json.loads(result.stdout.rpartition("LOADED ")[2] or "null") == [], result.stderr[-2000:]


def test_the_netui_command_starts_through_the_launcher():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["netui"] == "netui.launch:main"


def test_a_users_own_textual_fps_wins(tmp_path):
    env = {**os.environ, "TEXTUAL_FPS": "30"}
    result = subprocess.run([sys.executable, "-c", "import netui.app; from textual import constants; "
                             "print(constants.MAX_FPS)"], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "30", result.stderr[-2000:]


def test_a_full_collection_runs_once_the_keys_have_rested(monkeypatch):
    from netui.app import IDLE_COLLECT_SECONDS, QuietCollector

    collections = []
    monkeypatch.setattr("netui.app.gc.collect", lambda: collections.append("full"))
    clock = [1000.0]
    monkeypatch.setattr("netui.app.time.monotonic", lambda: clock[0])
    collector = QuietCollector()
    collector.collect_if_idle()
    assert collections == []  # nothing typed since the last one: nothing to collect
    collector.saw_input()
    clock[0] += IDLE_COLLECT_SECONDS / 2
    collector.collect_if_idle()
    assert collections == []  # typing goes on
    clock[0] += IDLE_COLLECT_SECONDS
    collector.collect_if_idle()
    collector.collect_if_idle()
    assert collections == ["full"]  # once, after the rest


def painted(first_screen: str) -> dict:
    return json.loads(first_screen.partition("PAINTED ")[2].partition("\n")[0])


def test_each_widget_of_the_first_screen_is_styled_once_before_it_is_painted(first_screen):
    """Textual styles the whole screen again when it is first shown, right after styling each
    widget as it was mounted: a tenth of the first paint, skipped (MainScreen.on_screen_resume).
    Only the contacts' pane is styled again, as the list takes the focus (:focus, :focus-within)."""
    styled = painted(first_screen)["styled"]
    assert styled["events"] == styled["timeline"] == styled["TitleBar"] == styled["KeysFooter"] == 1
    focused_pane = {"MainScreen", "contacts-pane", "search", "contacts-title", "contacts"}
    assert {name: times for name, times in styled.items() if times > 1 and name not in focused_pane} == {}


def test_the_first_screen_makes_no_dataclass(first_screen):
    """A frozen dataclass costs ~1 ms to make on Python 3.11 (six methods written out and
    compiled): the first screen made 20, then 11 (its rows' records, the settings, the
    migrations' list, the cadences). Its records are `netui.records.Record`s, made dataclasses
    only when something asks for the dataclass (the CLI's JSON, `dataclasses.replace`)."""
    made = set(painted(first_screen)["dataclasses"])
    assert made == set(), f"made before the first paint: {sorted(made)}"
