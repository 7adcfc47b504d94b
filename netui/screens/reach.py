"""Who reaches out (key `o` on the main screen, palette 'people: who reaches out'): the people
who never reach out, and those you have not answered; Enter opens the person.

The rules are netui.reaching's; the lists are read in a worker (a big network has many
interactions to look through).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from netui import reaching
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.screens.base import DataScreen
from netui.screens.work import run_in_thread
from netui.when import humanize
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar


class ReachTable(DataTable):
    """One of the two lists; Enter opens the highlighted person."""

    BINDINGS = [
        Binding("enter", "select_cursor", N_("Open"), tooltip=N_("Open the highlighted person")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]


class ReachScreen(DataScreen):
    BINDINGS = [Binding("escape", "back", N_("Back"), tooltip=N_("Back to the previous screen"))]
    DEFAULT_CSS = """
    ReachScreen #reach { padding: 0 2; }
    ReachScreen #reach-rule { color: $text-muted; margin-bottom: 1; }
    ReachScreen ReachTable { height: 1fr; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="reach"):
            yield Label(_("Who reaches out"), classes="pane-title")
            yield Static(_("Tab: the other list · Enter: open the person"), id="reach-rule")
            yield Label("", id="reach-quiet-title", classes="pane-title")
            yield ReachTable(id="reach-quiet", cursor_type="row", zebra_stripes=True)
            yield Label("", id="reach-waiting-title", classes="pane-title")
            yield ReachTable(id="reach-waiting", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#reach-quiet", DataTable).add_columns(
            _("name"), _("company"), _("you started"), _("last time"))
        self.query_one("#reach-waiting", DataTable).add_columns(
            _("name"), _("company"), _("how"), _("they reached out"))
        self.query_one("#reach-quiet", DataTable).focus()
        self.reload()

    def reload(self) -> None:
        run_in_thread(self, reaching.reach_lists, done=self.show_lists, group="reach", exclusive=True,
                      drop_cancelled=True)

    def show_lists(self, lists: reaching.ReachLists) -> None:
        quiet, waiting = lists.never_reach_out, lists.not_answered
        self.query_one("#reach-quiet-title", Label).update(ngettext(
            "Never reach out: you started each of the last {known} or more times · {n} person",
            "Never reach out: you started each of the last {known} or more times · {n} people",
            len(quiet), known=reaching.NEVER_MIN_KNOWN))
        self.query_one("#reach-waiting-title", Label).update(ngettext(
            "Not answered: they reached out, nothing from you since · {n} person",
            "Not answered: they reached out, nothing from you since · {n} people", len(waiting)))
        self._fill("#reach-quiet", [(p.contact_id, [p.name, p.company, str(p.started_by_you), humanize(p.last_at)])
                                    for p in quiet])
        self._fill("#reach-waiting", [(p.contact_id, [p.name, p.company, label(p.kind), humanize(p.reached_out_at)])
                                      for p in waiting])

    def _fill(self, selector: str, rows: list[tuple[int, list[str]]]) -> None:
        table = self.query_one(selector, DataTable)
        cursor = table.cursor_row
        table.clear()
        for contact_id, cells in rows:
            table.add_row(*[Text(cell) for cell in cells], key=str(contact_id))
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_contact(int(event.row_key.value))

    def action_back(self) -> None:
        self.app.pop_screen()

