"""The Textual app: screens, global keys, undo, and the one "data changed" signal.

Flows live on the screens they belong to, or in netui.screens.flows when several start them;
work off the UI thread goes through netui.screens.work. Only the main screen is imported at
start: every other screen, the forms and the flows load on first use, so the first screen
shows sooner (tests/tui/test_startup_imports.py holds it)."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

# Textual paints at most MAX_FPS frames a second, and a change waits for the next frame: at
# its default 60 a search's results waited up to 17 ms for their paint. Set before Textual is
# imported (it reads the variable once); a user's own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

from textual import events  # noqa: E402
from textual.app import App, SystemCommand  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.command import CommandPalette  # noqa: E402
from textual.message import Message  # noqa: E402
from textual.signal import Signal  # noqa: E402

from netui import contacts  # noqa: E402
from netui.store import db  # noqa: E402
from netui.errors import NetuiError  # noqa: E402
from netui.i18n import N_, _, ngettext  # noqa: E402
from netui.screens.main import MainScreen  # noqa: E402
from netui.screens.stylesheet import CachedStylesheet  # noqa: E402
from netui.screens.work import WorkerErrors, run_in_thread  # noqa: E402


OTHER_WRITERS_CHECK_SECONDS = 2.0


class OthersChanged(Message):
    """Another member committed a change to the team's database (posted from the watcher's thread)."""


def netui_commands():
    """The palette's commands (netui.screens.commands), imported when the palette first opens."""
    from netui.screens.commands import NetuiCommands

    return NetuiCommands


class NetuiApp(WorkerErrors, App):
    TITLE = "netui"  # i18n: not text (the name)
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {netui_commands}
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), tooltip=N_("Quit netui")),
        Binding("question_mark,f1", "help", N_("Help"), tooltip=N_("Keys of the focused pane")),
        Binding("ctrl+z", "undo", N_("Undo"), show=False, tooltip=N_("Undo the last trash")),
        Binding("c", "capture", N_("Capture"), tooltip=N_("Quick capture: one line per person met")),
        Binding("t", "today", N_("Today"), tooltip=N_("What to do today: follow-ups, dates, people to call")),
        # Taken when the key arrives, not after the focused widget has passed it up: keys that
        # come together (a fast typist, a paste of keystrokes, a slow SSH link) were already
        # queued for the field a Tab leaves, and "Anna<Tab>Neri" all went into the first name.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(self, db_path: Path | None = None, *, welcome: bool = True,
                 capture_event: int | None | bool = False, daily_backup: bool = False,
                 demo: bool = False) -> None:
        """`capture_event`: start in capture mode (an event id, or None for no event).
        `daily_backup`: make today's automatic backup (netui.store.backup), in the background.
        `demo`: the database is a throwaway demo network (`netui --demo`): the title says so."""
        super().__init__()
        # The first screen's CSS as parsed at the last start (netui.screens.stylesheet), with
        # the theme's variables Textual's own stylesheet was just given (working them out
        # again costs ~3 M instructions at each start).
        variables = getattr(self.stylesheet, "_variables", None) or self.get_css_variables()
        self.stylesheet = CachedStylesheet(variables=variables)
        self.db_path = db_path
        self.sub_title = demo_title() if demo else str(db_path) if db_path else ""
        self._changes = None  # a team server's notices of changes (db.watch_changes)
        self._throwaway = None  # the welcome's demo network (netui.demo.ThrowawayNetwork)
        self._undo = []
        # A line typed in capture mode and left with Esc before Enter: back in the field the
        # next time capture opens (never written down: Enter did not say it was done).
        self.capture_draft = ""
        self._welcome = welcome
        self._start_capture = capture_event
        self._daily_backup = daily_backup
        # Published after every write made here and when another connection wrote to the file;
        # the screens showing data follow it (netui.screens.base.DataScreen).
        self.data_changed: Signal[object] = Signal(self, "data-changed")
        self.collector = QuietCollector()

    def get_default_screen(self) -> MainScreen:
        # The main screen is the first screen itself: pushed over Textual's blank default
        # screen, that one was styled, laid out and painted first, for nothing.
        return MainScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self.collector.start)
        self.call_after_refresh(self.stylesheet.save)
        self.set_interval(IDLE_COLLECT_SECONDS, self.collector.collect_if_idle)
        if db.is_read_only():
            self.sub_title = _("{path} (read-only)", path=self.sub_title)
            self.notify(_("This database is read-only: you can look, search and export, but not change it."),
                        severity="warning", timeout=15)
        # Another netui (or the CLI) writing to the same file: show its changes within seconds;
        # another member's on a team's server: as soon as the server tells (LISTEN/NOTIFY).
        self._data_version = db.data_version()
        self._changes = db.watch_changes(lambda: self.post_message(OthersChanged()))  # thread-safe
        if self._changes is None:
            self.set_interval(OTHER_WRITERS_CHECK_SECONDS, self.check_other_writers)
        if self._daily_backup and not db.is_read_only():
            self.call_after_refresh(self.make_daily_backup)
        # Quick-capture lines written down and never applied (netui stopped in between): after
        # the first paint, never before it (netui.capture loads only when there is one).
        self.call_after_refresh(self.recover_captures)
        if self._start_capture is not False:
            self.open_capture(self._start_capture)
        elif self._welcome and contacts.is_network_empty():
            from netui.screens.welcome import WelcomeScreen  # Markdown loads only for a new user

            server = str(self.db_path) if db.is_server() else None
            self.push_screen(WelcomeScreen(server), self._welcome_chosen)

    def make_daily_backup(self) -> None:
        """After the first screen, not before it: copying a big file must not delay it."""
        from netui.store import backup

        run_in_thread(self, backup.rolling_backup, group="backup", exclusive=True)

    def recover_captures(self) -> None:
        """Apply the captured lines left waiting; say so, and which ones need the user (the
        capture screen, if open, does this itself and brings the first back into its field)."""
        if getattr(self.screen, "recovers_captures", False):
            return

        def job():
            from netui.store import journal

            if not journal.any_waiting():
                return [], []
            from netui import capture

            return capture.recover()

        def done(found) -> None:
            applied, waiting = found
            if applied:
                self.publish_change()
                self.notify(ngettext("Saved {n} captured line that had not been saved when netui stopped: {names}.",
                                     "Saved {n} captured lines that had not been saved when netui stopped: {names}.",
                                     len(applied), names=", ".join(r.name for r in applied)), timeout=10)
            if waiting and not getattr(self.screen, "recovers_captures", False):
                self.notify(ngettext("{n} captured line is not saved yet: press c to finish it.",
                                     "{n} captured lines are not saved yet: press c to finish them.", len(waiting)),
                            severity="warning", timeout=15)

        run_in_thread(self, job, done=done, group="capture-recover")

    def publish_change(self, source: object = None) -> None:
        """Tell the screens the data changed (after a write made here): the current one reloads,
        the others when shown again. `source`: a screen that already shows the change."""
        # Our own writes from worker threads move data_version too: the poll need not see them.
        self._data_version = db.data_version()
        self.data_changed.publish(source)

    def check_other_writers(self) -> None:
        """Another netui (or the CLI) wrote to the file (PRAGMA data_version moved): the
        screens show it within seconds."""
        version = db.data_version()
        if version != self._data_version:
            self.publish_change()

    def _welcome_chosen(self, choice: str | None) -> None:
        if choice == "demo":
            self.open_demo()
        elif choice == "new":
            from netui.screens import flows

            flows.new_contact(self)

    def open_demo(self) -> None:
        """The welcome's "load the demo": like `netui --demo`, a throwaway demo network in
        place of the person's own (empty) file, which is left as it was; deleted on quitting."""
        from netui import demo  # a large module most runs never need: loaded when asked for

        throwaway = demo.ThrowawayNetwork()
        try:
            throwaway.open()
        except NetuiError as error:
            self.notify(str(error), severity="error")
            return
        self._throwaway = throwaway
        self.db_path = throwaway.path
        self.sub_title = demo_title()
        self._data_version = db.data_version()
        self.notify(_("This is a throwaway demo network of made-up people: it disappears when you quit, "
                      "and your own file stays empty."), title=_("Demo network"), timeout=20)
        self.load_demo()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.collector.saw_input()
        await super().on_event(event)

    def on_others_changed(self, _message: OthersChanged) -> None:
        self.publish_change()

    def on_unmount(self) -> None:
        self.collector.stop()
        if self._changes is not None:
            self._changes.stop()
        if self._throwaway is not None:
            self._throwaway.close()

    def load_demo(self) -> None:
        from netui import demo

        def done(summary) -> None:
            self.publish_change()
            self.notify(_("Demo network: {people} people, {interactions} interactions, {events} events.",
                          people=summary.people, interactions=summary.interactions, events=summary.events))

        self.notify(_("Writing a demo network…"))
        run_in_thread(self, demo.generate_network, done=done, group="demo", exclusive=True)

    def check_action(self, action: str, parameters) -> bool | None:
        # In a form, q, c and t are just letters (they reach here from a Select or a button);
        # the capture screen is not opened from itself, nor Today over it.
        return action not in getattr(self.screen, "APP_KEYS_OFF", ())

    def action_capture(self) -> None:
        """From the event planner or an event's screen, capture is bound to that event."""
        self.open_capture(getattr(self.screen, "current_event_id", lambda: None)())

    def action_undo(self) -> None:
        from netui.screens import flows

        flows.undo_last(self)

    def action_today(self) -> None:
        self.open_today()

    # --- undo ----------------------------------------------------------------------------

    def remember_undo(self, what: tuple[str, int]) -> None:
        self._undo.append(what)

    def take_undo(self) -> tuple[str, int] | None:
        return self._undo.pop() if self._undo else None

    def find_people(self, text: str) -> list[tuple[int, str]]:
        """The pickers' finder (netui.screens.flows.find_people)."""
        from netui.screens import flows

        return flows.find_people(text)

    # --- going places (the screens' keys and the palette) ----------------------------------

    def open_contact(self, contact_id: int) -> None:
        from netui.screens.contact import ContactScreen

        self.push_screen(ContactScreen(contact_id))

    def open_event(self, event_id: int) -> None:
        from netui.screens.event import EventScreen

        self.push_screen(EventScreen(event_id))

    def open_today(self) -> None:
        from netui.screens.today import TodayScreen

        if not isinstance(self.screen, TodayScreen):
            self.push_screen(TodayScreen())

    def open_trip(self, city: str = "") -> None:
        from netui.screens.trip import TripScreen

        self.push_screen(TripScreen(city))

    def open_give_and_take(self, section: str = "owe") -> None:
        from netui.screens.give_take import GiveTakeScreen

        self.push_screen(GiveTakeScreen(section))

    def open_chain(self, contact_id: int) -> None:
        from netui.screens.chain import ChainScreen

        self.push_screen(ChainScreen(contact_id))

    def open_trash(self) -> None:
        from netui.screens.trash import TrashScreen

        self.push_screen(TrashScreen())

    def open_duplicates(self) -> None:
        from netui.screens.duplicates import DuplicatesScreen

        self.push_screen(DuplicatesScreen())

    def action_open_reach(self) -> None:
        from netui.screens.reach import ReachScreen

        self.push_screen(ReachScreen())

    def action_open_missing(self) -> None:
        from netui.screens.missing import MissingScreen

        self.push_screen(MissingScreen())

    def open_capture(self, event_id: int | None = None) -> None:
        from netui.screens.capture import CaptureScreen

        self.push_screen(CaptureScreen(event_id))

    def open_import(self) -> None:
        from netui.screens.import_screen import ImportScreen

        self.push_screen(ImportScreen())

    def export_view(self, query: str = "", count: int | None = None) -> None:
        """The export screen, set to the contacts the list shows for this search-box text."""
        from netui.screens.export_screen import ExportScreen

        self.push_screen(ExportScreen(query, count))

    def get_system_commands(self, screen):
        """Textual's own palette commands (Theme, Quit, Keys...), in the user's language."""
        for command in super().get_system_commands(screen):
            yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)

    def action_command_palette(self) -> None:
        """Textual's palette, with its search box's placeholder in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_help(self) -> None:
        from netui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        sections = []
        focused = self.focused
        if focused is not None and _key_rows(self, focused):
            pane = _(PANE_NAMES.get(focused.id or "", N_("this pane")))
            sections.append((_("Here: {pane}", pane=pane), _key_rows(self, focused)))
        sections.append((_("This screen"), _key_rows(self, self.screen)))
        everywhere = _key_rows(self, self) + [
            ("tab / shift+tab", _("Next / previous pane or field")),
            ("ctrl+p", _("Command palette: every command, by name")),
        ]
        sections.append((_("Everywhere"), everywhere))
        self.push_screen(HelpScreen(_("Keys"), sections))


class QuietCollector:
    """Python's full garbage collections, out of the keystrokes' way.

    A full collection walked everything alive (35-140 ms with a network open) and ran
    whenever enough objects had piled up: in the middle of a keystroke. Once the first screen
    shows, what start-up made (Textual's widgets and styles, the modules) is frozen: it lives
    as long as the app and is not walked again. Full collections then run only when the
    keys have rested for a moment; the young collections, which free Textual's short-lived
    frames, stay automatic. The `netui` command starts the app with the collector off
    (netui.launch): it comes on here, after the first paint. On exit the collector is as it was."""

    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None
        self._was_enabled = True
        self.last_input = 0.0
        self._dirty = False  # input since the last full collection

    def start(self) -> None:
        if self._thresholds is None:
            gc.freeze()
            self._thresholds = gc.get_threshold()
            young, middle, _old = self._thresholds
            gc.set_threshold(young, middle, FULL_COLLECTIONS_NEVER)
            self._was_enabled = gc.isenabled()
            gc.enable()

    def saw_input(self) -> None:
        self.last_input = time.monotonic()
        self._dirty = True

    def collect_if_idle(self) -> None:
        if self._dirty and time.monotonic() - self.last_input >= IDLE_COLLECT_SECONDS:
            self._dirty = False
            gc.collect()

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            gc.unfreeze()
            if not self._was_enabled:
                gc.disable()
            self._thresholds = None


IDLE_COLLECT_SECONDS = 2.0  # keys resting this long: a full collection does not get in their way
FULL_COLLECTIONS_NEVER = 1_000_000  # the third threshold: gen-1 collections before a full one


def demo_title() -> str:
    """The title bar's line on a throwaway demo network."""
    return _("demo network: made-up people, deleted when you quit")


# What help calls the widget that has the focus (translated when shown).
PANE_NAMES = {
    "contacts": N_("contact list"), "search": N_("search box"), "timeline": N_("timeline"),
    "events": N_("event planner"), "attendees": N_("people at this event"),
    "contact-timeline": N_("timeline"), "contact-followups": N_("follow-ups"),
    "today-list": N_("today's list"), "trip-people": N_("people in this city"),
    "owe": N_("people I owe"), "helped": N_("people I helped"), "introductions": N_("introductions"),
    "connectors": N_("top connectors"), "chain-tree": N_("people they brought in"),
    "capture-choice": N_("who this is"), "duplicates-list": N_("likely duplicates"), "import-path": N_("file to import"), "import-preview": N_("import preview"), "export-out": N_("file to write"),
    "reach-quiet": N_("people who never reach out"), "reach-waiting": N_("people you have not answered"),
    "missing-details": N_("their missing details"), "missing-field": N_("the missing detail"),
}
# Textual's own palette commands, translated by get_system_commands.
SYSTEM_COMMANDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
    N_("palette"), N_("Open the command palette"),  # the footer's ctrl+p key
)


def _key_rows(app: App, node) -> list[tuple[str, str]]:
    """(keys as the footer shows them, what they do) for the bindings netui gives the node:
    those of its netui classes, not Textual's own (a scroll view's "Scroll Left", an input's
    cursor keys), which name internals in English; not those without a description (tab and
    shift+tab, which the help names itself)."""
    rows, seen = [], set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("netui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.description and binding.key not in seen:
                seen.add(binding.key)
                keys = " / ".join(
                    app.get_key_display(Binding(key.strip(), binding.action)) for key in binding.key.split(",")
                )
                rows.append((keys, _(binding.tooltip or binding.description)))
    return rows
