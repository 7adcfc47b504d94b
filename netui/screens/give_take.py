"""Give & take (palette 'favours: …'): people I owe, people I helped recently, introductions,
and top connectors — each a table; Enter opens the person, `s` moves an introduction on."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, Label, Static, TabbedContent, TabPane

from netui import chains, giving
from netui.errors import ValidationError
from netui.i18n import N_, _
from netui.labels import label
from netui.when import typed_date
from netui.screens.base import DataScreen
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.screens.guard import reports_errors
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

SECTIONS = ("owe", "helped", "introductions", "connectors")


class GiveTakeScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("s", "next_status", N_("Move on"), tooltip=N_("Move the introduction to its next status")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    def __init__(self, section: str = "owe") -> None:
        super().__init__()
        self.section = section if section in SECTIONS else "owe"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with TabbedContent(initial=f"tab-{self.section}", id="give-take"):
            with TabPane(_("People I owe"), id="tab-owe"):
                yield DataTable(id="owe", cursor_type="row", zebra_stripes=True)
            with TabPane(_("People I helped (90 days)"), id="tab-helped"):
                yield DataTable(id="helped", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Introductions"), id="tab-introductions"):
                yield DataTable(id="introductions", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Top connectors"), id="tab-connectors"):
                yield DataTable(id="connectors", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        columns = {
            "owe": (_("name"), _("company"), _("they gave"), _("you gave"), _("last favour")),
            "helped": (_("day"), _("name"), _("what"), _("note")),
            "introductions": (_("day"), _("introduced"), _("to"), _("status"), _("why / outcome")),
            "connectors": (_("name"), _("company"), _("brought in"), _("through them, in all")),
        }
        for key, names in columns.items():
            self.query_one(f"#{key}", DataTable).add_columns(*names)
        self.reload()
        self.query_one(f"#{self.section}", DataTable).focus()

    def reload(self) -> None:
        def fill(key: str, rows: list[tuple[str, list]]) -> None:
            table = self.query_one(f"#{key}", DataTable)
            cursor = table.cursor_row
            table.clear()
            for row_key, cells in rows:
                table.add_row(*[Text(str(cell)) for cell in cells], key=row_key)
            if rows:
                table.move_cursor(row=min(cursor, len(rows) - 1))

        fill("owe", [
            (f"c{p.contact_id}", [p.name, p.company, p.received, p.given,
                                  f"{typed_date(p.last_on)} {label(p.last_direction)} {label(p.last_kind)}"
                                  if p.last_on else ""])
            for p in giving.people_i_owe()
        ])
        fill("helped", [
            (f"c{f.contact_id}-{f.id}", [typed_date(f.occurred_on), f.contact_name, label(f.kind), f.note])
            for f in giving.helped_recently()
        ])
        fill("introductions", [
            (f"i{i.id}", [typed_date(i.introduced_on), i.person_a_name, i.person_b_name, label(i.status),
                          i.outcome or i.reason])
            for i in giving.recent_introductions()
        ])
        fill("connectors", [
            (f"c{c.id}", [c.name, c.company, c.direct, c.downstream]) for c in chains.top_connectors(50)
        ])

    @property
    def table(self) -> DataTable:
        pane = self.query_one(TabbedContent).active
        return self.query_one(f"#{pane.removeprefix('tab-')}", DataTable)

    def _current_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "next_status":
            key = self._current_key()
            return key is not None and key.startswith("i")
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.table.focus()
        self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        if key.startswith("c"):
            self.app.open_contact(int(key[1:].split("-")[0]))
        elif key.startswith("i"):
            info = giving.get_introduction(int(key[1:]))
            self.app.open_contact(info.person_a_id)

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_next_status(self) -> None:
        key = self._current_key()
        if not key or not key.startswith("i"):
            return
        self.advance_introduction(int(key[1:]))

    @reports_errors
    def advance_introduction(self, introduction_id: int) -> None:
        """Move an introduction to its next status: made (then offer follow-ups with both),
        met, outcome (asking what came of it)."""
        from netui.screens.confirm import ConfirmScreen

        info = giving.get_introduction(introduction_id)
        following = giving.next_status(info.status)
        pair = _("{a} and {b}", a=info.person_a_name, b=info.person_b_name)
        if following is None:
            self.notify(_("The introduction of {pair} is closed: {outcome}", pair=pair, outcome=info.outcome))
            return
        if following == "outcome":
            def submit(values: dict) -> None:
                giving.set_introduction_status(introduction_id, "outcome", outcome=values["outcome"])
                self.notify(_("Introduction of {pair}: {outcome}", pair=pair, outcome=values["outcome"]))

            self.app.push_screen(OutcomeForm(_("What came of introducing {pair}?", pair=pair), {}, submit))
            return
        offer = giving.set_introduction_status(introduction_id, following)
        self.app.publish_change()
        self.notify(_("Introduction of {pair}: {status}.", pair=pair, status=label(following)))
        if offer is not None:
            def answered(yes: bool | None) -> None:
                if yes:
                    giving.accept_introduction_offer(offer)
                    self.app.publish_change()
                    self.notify(_("Follow-ups with both by {day}.", day=offer.due_on.isoformat()))

            self.app.push_screen(ConfirmScreen(
                _("Follow up with both in {days} days?", days=giving.ASK_HOW_IT_WENT_DAYS),
                "\n".join(offer.actions)), answered)


class OutcomeForm(FormScreen):
    """What came of an introduction: values() {"outcome": text}."""

    FALLBACK_FIELD = "outcome"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("What came of it"), classes="field-label")
            yield Input(placeholder=_("they signed a contract; nothing yet; a friendship"), id="outcome")
            yield error_slot("outcome")
            yield form_buttons()

    def values(self) -> dict:
        outcome = self.query_one("#outcome", Input).value.strip()
        if not outcome:
            raise ValidationError("outcome", _("Say in a few words what came of it."))
        return {"outcome": outcome}
