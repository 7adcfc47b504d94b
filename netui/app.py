"""The Textual app: screens, global keys and undo. Flows live in netui.screens.actions."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from netui import contacts, db, demo
from netui.errors import NetuiError
from netui.i18n import _
from netui.screens.actions import Actions
from netui.screens.capture import CaptureScreen
from netui.screens.commands import NetuiCommands
from netui.screens.form import FormScreen
from netui.screens.help import HelpScreen
from netui.screens.main import MainScreen
from netui.session import worker_connection


OTHER_WRITERS_CHECK_SECONDS = 2.0


class NetuiApp(Actions, App):
    TITLE = "netui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {NetuiCommands}
    BINDINGS = [
        Binding("q", "quit", _("Quit"), tooltip=_("Quit netui")),
        Binding("question_mark,f1", "help", _("Help"), tooltip=_("Keys of the focused pane")),
        Binding("ctrl+z", "undo", _("Undo"), show=False, tooltip=_("Undo the last trash")),
        Binding("c", "capture", _("Capture"), tooltip=_("Quick capture: one line per person met")),
        Binding("t", "today", _("Today"), tooltip=_("What to do today: follow-ups, dates, people to call")),
    ]

    def __init__(self, db_path: Path | None = None, *, welcome: bool = True,
                 capture_event: int | None | bool = False, daily_backup: bool = False) -> None:
        """`capture_event`: start in capture mode (an event id, or None for no event).
        `daily_backup`: make today's automatic backup (netui.backup), in the background."""
        super().__init__()
        self.db_path = db_path
        self.sub_title = str(db_path) if db_path else ""
        self._undo = []
        self._welcome = welcome
        self._start_capture = capture_event
        self._daily_backup = daily_backup

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        if db.is_read_only():
            self.sub_title = _("{path} (read-only)", path=self.sub_title)
            self.notify(_("This database is read-only: you can look, search and export, but not change it."),
                        severity="warning", timeout=15)
        # Another netui (or the CLI) writing to the same file: show its changes within seconds.
        self._data_version = db.data_version()
        self.set_interval(OTHER_WRITERS_CHECK_SECONDS, self.check_other_writers)
        if self._daily_backup and not db.is_read_only():
            self.make_daily_backup()
        if self._start_capture is not False:
            self.open_capture(self._start_capture)
        elif self._welcome and contacts.is_network_empty():
            from netui.screens.welcome import WelcomeScreen  # Markdown loads only for a new user

            self.push_screen(WelcomeScreen(), self._welcome_chosen)

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def make_daily_backup(self) -> None:
        """After the first screen, not before it: copying a big file must not delay it."""
        from netui import backup

        with worker_connection():
            backup.rolling_backup()

    def check_other_writers(self) -> None:
        """Reload what is shown when the file changed under us (PRAGMA data_version moved)."""
        version = db.data_version()
        if version != self._data_version:
            self._data_version = version
            self.refresh_screen()

    def _welcome_chosen(self, choice: str | None) -> None:
        if choice == "demo":
            self.load_demo()
        elif choice == "new":
            self.new_contact()

    @work(thread=True, exclusive=True, group="demo", exit_on_error=False)
    def load_demo(self) -> None:
        self.call_from_thread(self.notify, _("Writing a demo network…"))
        try:
            with worker_connection():
                summary = demo.generate_network()
        except NetuiError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self.refresh_screen)
        self.call_from_thread(
            self.notify,
            _("Demo network: {people} people, {interactions} interactions, {events} events.",
              people=summary.people, interactions=summary.interactions, events=summary.events),
        )

    def check_action(self, action: str, parameters) -> bool | None:
        # In a form, q, c and t are just letters (they reach here from a Select or a button).
        if action in ("quit", "capture", "today") and isinstance(self.screen, FormScreen):
            return False
        if action in ("capture", "today") and isinstance(self.screen, CaptureScreen):
            return False
        return True

    def action_capture(self) -> None:
        """From the event planner or an event's screen, capture is bound to that event."""
        self.open_capture(getattr(self.screen, "current_event_id", lambda: None)())

    def action_undo(self) -> None:
        self.undo_last()

    def action_today(self) -> None:
        self.open_today()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections = []
        focused = self.focused
        if focused is not None and _key_rows(self, focused):
            pane = _(PANE_NAMES.get(focused.id or "", type(focused).__name__))
            sections.append((_("Here: {pane}", pane=pane), _key_rows(self, focused)))
        sections.append((_("This screen"), _key_rows(self, self.screen)))
        everywhere = _key_rows(self, self) + [
            ("tab / shift+tab", _("Next / previous pane or field")),
            ("ctrl+p", _("Command palette: every command, by name")),
        ]
        sections.append((_("Everywhere"), everywhere))
        self.push_screen(HelpScreen(_("Keys"), sections))


# What help calls the widget that has the focus (translated when shown).
PANE_NAMES = {
    "contacts": "contact list", "search": "search box", "timeline": "timeline",
    "events": "event planner", "attendees": "people at this event",
    "contact-timeline": "timeline", "today-list": "today's list", "trip-people": "people in this city",
    "owe": "people I owe", "helped": "people I helped", "introductions": "introductions",
    "connectors": "top connectors", "chain-tree": "people they brought in",
    "import-path": "file to import", "import-preview": "import preview", "export-out": "file to write",
}


def _key_rows(app: App, node) -> list[tuple[str, str]]:
    """(keys as the footer shows them, what they do) for the node's own bindings."""
    rows = []
    for binding in getattr(node, "BINDINGS", []):
        if isinstance(binding, Binding):
            keys = " / ".join(
                app.get_key_display(Binding(key.strip(), binding.action)) for key in binding.key.split(",")
            )
            rows.append((keys, binding.tooltip or binding.description))
    return rows
