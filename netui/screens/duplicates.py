"""Likely duplicates (D on the main screen, palette 'contacts: duplicates'): the pairs that may be
one person, the highlighted pair's two records side by side; merge them (keeping either), say
they are not the same person, or open either record."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label, Static

from netui import duplicates, lifecycle
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.present import work_text
from netui.screens.base import DataScreen
from netui.screens.confirm import ConfirmScreen
from netui.screens.guard import reports_errors
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar


def side_text(side: duplicates.Side) -> Text:
    """One record of a pair: name, work, city, channels, tags, facts and how much hangs on it."""
    detail = side.detail
    text = Text()
    text.append(f"#{detail.id} {detail.name}\n", style="bold")
    for value in (work_text(detail.role, detail.company), detail.city):
        if value:
            text.append(f"{value}\n")
    for channel in detail.channels:
        text.append(f"{label(channel.kind)}: {channel.value}\n")
    if detail.tags:
        text.append(" ".join(f"#{t}" for t in detail.tags) + "\n", style="cyan")
    for fact in detail.facts:
        text.append(f"{fact.label}: {fact.value}\n")
    text.append(ngettext("{n} interaction", "{n} interactions", side.interactions) + " · "
                + ngettext("{n} open follow-up", "{n} open follow-ups", side.open_followups), style="dim")
    return text


def who(person: duplicates.Person) -> str:
    return f"#{person.id} {person.name}" + (f" · {person.company}" if person.company else "")


class DuplicatesScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("m", "merge(0)", N_("Merge, keep left"),
                tooltip=N_("Merge the pair into the left record (its fields win); asks first")),
        Binding("M", "merge(1)", N_("Merge, keep right"),
                tooltip=N_("Merge the pair into the right record (its fields win); asks first")),
        Binding("n", "not_same", N_("Not the same"),
                tooltip=N_("They are two people: do not offer this pair again")),
        Binding("o", "open(0)", N_("Open left"), tooltip=N_("Open the left record")),
        Binding("O", "open(1)", N_("Open right"), tooltip=N_("Open the right record")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]
    DEFAULT_CSS = """
    #duplicates { padding: 0 2; }
    #duplicates-status { height: auto; margin-bottom: 1; }
    #duplicates-list { height: 1fr; min-height: 5; }
    #duplicates-sides { height: auto; max-height: 50%; }
    #duplicates-sides > Static { width: 1fr; height: auto; border: round $primary; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[duplicates.DuplicatePair] = []
        self._loaded = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="duplicates"):
            yield Label(_("Likely duplicates"), classes="pane-title")
            yield Static(_("Looking for people who may be recorded twice…"), id="duplicates-status")
            yield DataTable(id="duplicates-list", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="duplicates-sides"):
                yield Static("", id="duplicates-left")
                yield Static("", id="duplicates-right")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(_("why"), _("one"), _("the other"))
        self.reload()

    def reload(self) -> None:
        # Comparing every name is the slow part: off the UI thread.
        run_in_thread(self, duplicates.find_duplicates, done=self._show_pairs, group="duplicates", exclusive=True)

    def _show_pairs(self, pairs: list[duplicates.DuplicatePair]) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        self.pairs, self._loaded = pairs, True
        table.clear()
        for pair in pairs:
            table.add_row(_(pair.reason), Text(who(pair.first)), Text(who(pair.second)),
                          key=f"{pair.first.id}-{pair.second.id}")
        status = (ngettext("{n} pair may be one person. m / M merge (keeping left / right), n: not the same, "
                           "o / O open.",
                           "{n} pairs may be one person each. m / M merge (keeping left / right), n: not the "
                           "same, o / O open.", len(pairs))
                  if pairs else _("No likely duplicates: nobody shares an e-mail, phone, LinkedIn or name."))
        self.query_one("#duplicates-status", Static).update(status)
        self.query_one("#duplicates-sides").display = table.display = bool(pairs)
        if pairs:
            table.move_cursor(row=min(row, len(pairs) - 1))
            self._show_sides()
        table.focus()
        self.refresh_bindings()

    @property
    def current(self) -> duplicates.DuplicatePair | None:
        table = self.query_one(DataTable)
        if not self.pairs or not table.row_count:
            return None
        return self.pairs[min(table.cursor_row, len(self.pairs) - 1)]

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        if self._loaded:
            self._show_sides()

    def _show_sides(self) -> None:
        pair = self.current
        if pair is None:
            return

        def show(found: tuple[duplicates.Side, duplicates.Side]) -> None:
            if self.current is pair:  # not a pair highlighted since
                self.query_one("#duplicates-left", Static).update(side_text(found[0]))
                self.query_one("#duplicates-right", Static).update(side_text(found[1]))

        run_in_thread(self, lambda: duplicates.sides(pair.first.id, pair.second.id), done=show,
                      group="duplicates-sides", exclusive=True, drop_cancelled=True)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("merge", "not_same", "open"):
            return self.current is not None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_open(self, which: int) -> None:
        if (pair := self.current) is not None:
            self.app.open_contact((pair.first, pair.second)[which].id)

    @reports_errors
    def action_not_same(self) -> None:
        if (pair := self.current) is None:
            return
        duplicates.mark_not_same(pair.first.id, pair.second.id)
        self.app.publish_change()
        self.notify(_("{one} and {other} are two people: this pair will not be offered again.",
                      one=pair.first.name, other=pair.second.name))

    @reports_errors
    def action_merge(self, which: int) -> None:
        if (pair := self.current) is None:
            return
        keep, other = (pair.first, pair.second) if which == 0 else (pair.second, pair.first)
        differences = lifecycle.merge_differences(keep.id, other.id)
        lines = [_("Everything of {other} moves to {keep}; {other} is then removed.", other=other.name,
                   keep=keep.name)]
        lines += [f"{d.label}: {d.kept} | {d.dropped} ({_(d.fate)})" for d in differences]

        def answered(yes: bool | None) -> None:
            if yes:
                self._merge(keep, other)

        self.app.push_screen(ConfirmScreen(
            _("Merge {other} (#{other_id}) into {keep} (#{keep_id})?", other=other.name, other_id=other.id,
              keep=keep.name, keep_id=keep.id), "\n".join(lines)), answered)

    @reports_errors
    def _merge(self, keep: duplicates.Person, other: duplicates.Person) -> None:
        lifecycle.merge_contacts(keep.id, other.id)
        self.app.publish_change()
        self.notify(_("Merged {other} into {keep}.", other=other.name, keep=keep.name))
