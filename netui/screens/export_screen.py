"""Export (x, or the palette): the options of `netui export`, written in a worker."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, ProgressBar, Select, Static

from netui.exchange import exporting
from netui import when
from netui.errors import NetuiError, ValidationError
from netui.i18n import N_, _, ngettext
from netui.screens.import_screen import PathSuggester
from netui.screens.base import LETTERS_TYPED, NetuiScreen
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

# (label, format, vCard version, file suffix)
FORMATS = (
    (N_("CSV (netui's own, opens in any spreadsheet)"), "csv", "", ".csv"),
    (N_("vCard 3.0 (phones, mail clients)"), "vcard", "3.0", ".vcf"),
    ("vCard 4.0", "vcard", "4.0", ".vcf"),
    (N_("iCalendar (events, open follow-ups, birthdays and dates)"), "ics", "", ".ics"),
)
TABLES = (
    (N_("contacts"), "contacts"),
    (N_("interactions"), "interactions"),
    (N_("events"), "events"),
    (N_("follow-ups"), "followups"),
    (N_("favours"), "favours"),
    (N_("introductions"), "introductions"),
    (N_("appointments"), "appointments"),
    (N_("cadences"), "cadences"),
    (N_("people to meet who are not contacts yet"), "wishes"),
    (N_("everything (a folder netui import reads back)"), "all"),
)


def default_target(choice: int, table: str) -> Path:
    """Where an export goes unless the user says otherwise: the home folder, dated."""
    stem = Path.home() / f"netui-{when.today().isoformat()}"
    if FORMATS[choice][1] == "csv" and table == "all":
        return stem
    if FORMATS[choice][1] == "csv" and table != "contacts":
        return stem.with_name(f"{stem.name}-{table}.csv")
    return stem.with_suffix(FORMATS[choice][3])


class ExportScreen(NetuiScreen):
    """Choose format, table, contacts (search-box text) and file; ctrl+s writes it."""

    APP_KEYS_OFF = LETTERS_TYPED
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Leave without exporting")),
        Binding("ctrl+s", "export_now", N_("Export"), tooltip=N_("Write the file")),
    ]
    AUTO_FOCUS = "#export-out"

    def __init__(self, query: str = "", count: int | None = None) -> None:
        super().__init__()
        self.initial_query = query
        self.count = count
        self.default_out = str(default_target(0, "contacts"))

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="export"):
            yield Label(_("Export"), classes="pane-title")
            yield Label(_("Format"), classes="field-label")
            yield Select([(_(label), index) for index, (label, *_rest) in enumerate(FORMATS)], value=0,
                         allow_blank=False, id="export-format")
            yield Label(_("Table"), classes="field-label")
            yield Select([(_(label), value) for label, value in TABLES], value="contacts", allow_blank=False,
                         id="export-what")
            yield Label(_("Which contacts, and what goes with them (search-box text: words, #tag, city:, "
                          "company:, circle:; empty: everyone)"), classes="field-label")
            yield Input(self.initial_query, id="export-query")
            yield Checkbox(_("For Excel (UTF-8 with a BOM, so accents show right)"), id="export-excel")
            yield Label(_("File"), classes="field-label")
            yield Input(self.default_out, id="export-out", suggester=PathSuggester())
            yield Static(self._scope_text(), id="export-scope")
            yield ProgressBar(id="export-progress", total=None, show_eta=False)
            yield Static("", id="export-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self._enable_fields()

    # --- the options ----------------------------------------------------------------------

    @property
    def choice(self) -> int:
        return self.query_one("#export-format", Select).value

    @property
    def table(self) -> str:
        return self.query_one("#export-what", Select).value

    def _scope_text(self) -> str:
        if self.count is not None and self.initial_query:
            return ngettext("The contact list shows {n} contact for '{query}'.",
                            "The contact list shows {n} contacts for '{query}'.", self.count, query=self.initial_query)
        if self.count is not None:
            return ngettext("The contact list shows its only contact.",
                            "The contact list shows all {n} contacts.", self.count)
        return ""

    @on(Input.Changed, "#export-query")
    def query_changed(self, event: Input.Changed) -> None:
        # What the contact list shows is said of the query it was opened with, and only of it.
        self.query_one("#export-scope", Static).update(self._scope_text() if event.value == self.initial_query else "")

    def _enable_fields(self) -> None:
        csv = FORMATS[self.choice][1] == "csv"
        self.query_one("#export-what").disabled = not csv
        self.query_one("#export-excel").disabled = not csv

    @on(Select.Changed)
    def option_changed(self) -> None:
        self._enable_fields()
        out = self.query_one("#export-out", Input)
        if out.value == self.default_out:  # a path the user typed is left alone
            self.default_out = out.value = str(default_target(self.choice, self.table))

    # --- writing --------------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("export_now", "back"):
            return not self.query_one(ProgressBar).display  # not while writing
        return True

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#export-status", Static).update(Text(text, style=style))

    def _busy(self, busy: bool) -> None:
        self.query_one(ProgressBar).display = busy
        self.refresh_bindings()

    def action_export_now(self) -> None:
        out = self.query_one("#export-out", Input).value.strip()
        if not out:
            self._status(_("Give the file to write."), "bold red")
            self.query_one("#export-out").focus()
            return
        label, format_name, version, _suffix = FORMATS[self.choice]
        options = dict(what=self.table, query=self.query_one("#export-query", Input).value.strip(),
                       excel=self.query_one("#export-excel", Checkbox).value, version=version or "3.0")
        self._busy(True)
        self._status(_("Writing {path}…", path=out))
        self.write_export(format_name, Path(out).expanduser(), options)

    def write_export(self, format_name: str, out: Path, options: dict) -> None:
        def failed(error: NetuiError) -> None:
            self._failed(str(error), error.field if isinstance(error, ValidationError) else "")

        run_in_thread(self, lambda: exporting.export(format_name, out, **options), done=self._done,
                      failed=failed, group="export", exclusive=True)

    def _failed(self, message: str, field: str) -> None:
        self._busy(False)
        self._status(message, "bold red")
        target = {"out": "#export-out", "query": "#export-query", "what": "#export-what"}.get(field)
        if target:
            self.query_one(target).focus()

    def _done(self, written: list[Path]) -> None:
        self._busy(False)
        paths = ", ".join(str(path) for path in written)
        self._status(_("Wrote {paths}", paths=paths), "bold green")
        self.app.notify(_("Wrote {paths}", paths=paths))

    def action_back(self) -> None:
        self.app.pop_screen()
