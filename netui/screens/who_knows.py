"""Who knows… (key `W` on the main screen, palette 'people: who knows…'): type a company, a
person or a city; the team's members who have history with the people it names, warmest
first, with how many, how warm and the last contact -- the warm path to an introduction.
Enter on a member opens the person they were last in touch with.

The rules are netui.who_knows'; the answer is read in a worker (a city may name thousands).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, Static

from netui import who_knows
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.screens.base import DataScreen
from netui.screens.work import run_in_thread
from netui.when import humanize
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

WARMTH_STYLES = {"warm": "green", "cooling": "yellow", "cold": "dim"}


class MembersTable(DataTable):
    """The members who know them; Enter opens the person a member was last in touch with."""

    BINDINGS = [
        Binding("enter", "select_cursor", N_("Open"), tooltip=N_("Open the person they were last in touch with")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]


class WhoKnowsScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the previous screen")),
        Binding("slash", "ask", N_("Ask"), tooltip=N_("Type another company, person or city")),
    ]
    DEFAULT_CSS = """
    WhoKnowsScreen #who-knows { padding: 0 2; }
    WhoKnowsScreen #who-knows-rule { color: $text-muted; margin-bottom: 1; }
    WhoKnowsScreen #who-knows-query { margin-bottom: 1; }
    WhoKnowsScreen MembersTable { height: 1fr; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.asked = query.strip()
        self.found: who_knows.WhoKnows | None = None
        self._opens: dict[str, int] = {}  # a row's key: the person its member was last in touch with

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="who-knows"):
            yield Label(_("Who knows…"), classes="pane-title")
            yield Static(_("A company, a person or a city (city:Torino, #fintech too); Enter: ask · "
                           "then Enter on a member: the person they were last in touch with"), id="who-knows-rule")
            yield Input(self.asked, placeholder=_("e.g. Lumen, Giulia Rossi, Milano"), id="who-knows-query")
            yield Label("", id="who-knows-title", classes="pane-title")
            yield MembersTable(id="who-knows-members", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(MembersTable).add_columns(
            _("member"), _("people"), _("warmth"), _("last contact"), _("last in touch with"))
        if self.asked:
            self.reload()
        else:
            self.query_one("#who-knows-query", Input).focus()

    @on(Input.Submitted, "#who-knows-query")
    def _ask(self, event: Input.Submitted) -> None:
        self.asked = event.value.strip()
        self.reload()

    def action_ask(self) -> None:
        self.query_one("#who-knows-query", Input).focus()

    def reload(self) -> None:
        if not self.asked:
            return
        asked = self.asked
        run_in_thread(self, lambda: who_knows.who_knows(asked), done=self.show_members, group="who-knows",
                      exclusive=True, drop_cancelled=True)

    def show_members(self, found: who_knows.WhoKnows) -> None:
        self.found = found
        if not found.matched:
            title = _("Nobody in the network matches '{query}'.", query=found.query)
        elif not found.members:
            title = ngettext("{n} person matches '{query}'; nobody in the team has been in touch with them yet.",
                             "{n} people match '{query}'; nobody in the team has been in touch with them yet.",
                             found.matched, query=found.query)
        else:
            title = ngettext("{n} person matches '{query}'; who knows them, warmest first:",
                             "{n} people match '{query}'; who knows them, warmest first:",
                             found.matched, query=found.query)
        self.query_one("#who-knows-title", Label).update(title)
        table = self.query_one(MembersTable)
        table.clear()
        self._opens = {history.member: history.closest[0].contact_id for history in found.members}
        for history in found.members:
            closest = ", ".join(p.name for p in history.closest)
            table.add_row(Text(history.label, style="bold"), Text(str(history.people)),
                          Text(label(history.warmth), style=WARMTH_STYLES.get(history.warmth, "")),
                          Text(humanize(history.last_contact)), Text(closest),
                          key=history.member)
        if found.members:
            table.move_cursor(row=0)
            table.focus()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_contact(self._opens[event.row_key.value])

    def action_back(self) -> None:
        self.app.pop_screen()


def open_who_knows(app, query: str = "") -> None:
    """Push the screen, asking `query` at once when there is one."""
    app.push_screen(WhoKnowsScreen(query))
