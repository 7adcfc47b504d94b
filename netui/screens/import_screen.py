"""Import a file: choose it (with path completion), see what would happen, then import."""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import DataTable, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from netui.exchange import importing
from netui.errors import NetuiError
from netui.i18n import N_, _
from netui.screens.base import LETTERS_TYPED, NetuiScreen
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

PREVIEW_ROWS = 500


class PathSuggester(Suggester):
    """Completes a file path from what is on disk (→ or End accepts)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        path = Path(os.path.expanduser(value))
        folder, start = (path, "") if value.endswith(os.sep) else (path.parent, path.name)
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if entry.name.startswith(start)
                           and not entry.name.startswith("."))
        except OSError:
            return None
        if not names:
            return None
        completed = value[: len(value) - len(start)] + names[0]
        return completed + (os.sep if (folder / names[0]).is_dir() else "")


def preview_rows(plan: importing.ImportPlan) -> list[tuple[str, str, str, str]]:
    """(where, who, what happens, why / details) for the preview table. The notes on a row that
    is imported (a value kept in the notes, or ignored) are among its details; a note on the
    file (a column ignored) is a row of its own."""
    notes: dict[str, list[str]] = {}
    for note in plan.notes:
        notes.setdefault(note.where, []).append(note.reason)

    def details(where: str, *first: str) -> str:
        return "; ".join(part for part in (*first, *notes.pop(where, [])) if part)

    rows = [(p.where, p.name, _("new"), details(p.where)) for p in plan.new]
    for update in plan.updated:
        conflicts = [_("{field}: kept '{kept}', file says '{incoming}'", field=c.field, kept=c.kept,
                       incoming=c.incoming) for c in update.conflicts]
        if update.job_change:
            conflicts.insert(0, _("new job: {after}", after=update.job_change[1]))
        rows.append((update.person.where, update.name, _("update"),
                     details(update.person.where, update.reason, *conflicts)))
    rows += [(u.person.where, u.name, _("unchanged"), details(u.person.where, u.reason)) for u in plan.unchanged]
    rows += [(where, "", "", "; ".join(reasons)) for where, reasons in notes.items()]
    rows += [(s.where, "", _("skipped"), s.reason) for s in plan.skipped]
    return rows


class ImportScreen(NetuiScreen):
    APP_KEYS_OFF = LETTERS_TYPED
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Stop the reading or importing under way, else leave")),
        Binding("ctrl+s", "import_now", N_("Import"), tooltip=N_("Import what the preview shows")),
    ]
    AUTO_FOCUS = "#import-path"

    def __init__(self) -> None:
        super().__init__()
        self.plan: importing.ImportPlan | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="import"):
            yield Label(_("Import a file: netui CSV, LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV or "
                          "vCard"),
                        classes="pane-title")
            yield Input(placeholder=_("path to the file, then Enter (→ completes)"), id="import-path",
                        suggester=PathSuggester())
            yield Static("", id="import-status")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield DataTable(id="import-preview", cursor_type="row", zebra_stripes=True)
            yield Static("", id="import-row")  # the highlighted row's details whole (its cell may be cut)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one(DataTable).add_columns(_("where"), _("who"), _("what happens"), _("why / details"))

    def check_action(self, action: str, parameters) -> bool | None:
        return self.plan is not None if action == "import_now" else True

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#import-status", Static).update(Text(text, style=style))

    def _busy(self, busy: bool) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = busy
        bar.update(total=None, progress=0)  # pulses until the first figures arrive

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self._status(_("Importing… {done} of {total} people", done=done, total=total))

    @property
    def working(self) -> bool:
        return any(w.is_running for w in self.app.workers if w.node is self and w.group == "import")

    @on(Input.Submitted, "#import-path")
    def path_chosen(self, event: Input.Submitted) -> None:
        self.plan = None
        self.refresh_bindings()
        self.query_one(DataTable).clear()
        self.query_one("#import-row", Static).update("")
        self._busy(True)
        self._status(_("Reading {path}…", path=event.value))
        self.make_plan(event.value)

    def make_plan(self, value: str) -> None:
        def read() -> importing.ImportPlan | None:
            plan = importing.plan_import(importing.read_file(Path(value).expanduser()))
            return None if get_current_worker().is_cancelled else plan

        run_in_thread(self, read, done=self._planned, failed=lambda error: self._failed(str(error)),
                      group="import", exclusive=True)

    def _planned(self, plan: importing.ImportPlan | None) -> None:
        if plan is None:
            self._status(_("Stopped: nothing was read."))
        else:
            self._show_plan(plan)

    def _failed(self, message: str) -> None:
        self._busy(False)
        self._status(message, "bold red")

    def _show_plan(self, plan: importing.ImportPlan) -> None:
        self._busy(False)
        self.plan = plan
        self.refresh_bindings()
        table = self.query_one(DataTable)
        table.add_rows(preview_rows(plan)[:PREVIEW_ROWS])
        self._status(plan.summary() + "  —  " + _("ctrl+s imports, Esc leaves"), "bold")

    @on(DataTable.RowHighlighted, "#import-preview")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        where, who, happens, details = event.data_table.get_row(event.row_key)
        said = " · ".join(part for part in (where, who, happens) if part)
        self.query_one("#import-row", Static).update(Text(f"{said}: {details}" if details else said))

    def action_import_now(self) -> None:
        if self.plan is None:
            return
        self._busy(True)
        self._status(_("Importing…"))
        self.apply_plan(self.plan)

    def apply_plan(self, plan: importing.ImportPlan) -> None:
        def apply() -> importing.ImportPlan:
            worker = get_current_worker()

            def progress(done: int, total: int) -> None:
                if worker.is_cancelled:
                    raise importing.ImportCancelled()
                self.app.call_from_thread(self._progress, done, total)

            importing.apply_import(plan, progress)
            return plan

        def failed(error: NetuiError) -> None:
            if isinstance(error, importing.ImportCancelled):
                self._failed(str(error))
            else:
                self._failed(_("Nothing was imported: {error}", error=error))

        run_in_thread(self, apply, done=self._done, failed=failed, group="import", exclusive=True)

    def _done(self, plan: importing.ImportPlan) -> None:
        self._busy(False)
        self.plan = None
        self.refresh_bindings()
        summary = _("Imported: {summary}", summary=plan.summary())
        self._status(summary, "bold green")
        self.app.publish_change()
        self.app.notify(summary)

    def action_back(self) -> None:
        """Esc: stop what is under way (an import rolls back: nothing is written), else leave."""
        if self.working:
            self.workers.cancel_group(self, "import")
            self._busy(False)
            self._status(_("Stopping…"))
            return
        self.app.pop_screen()
