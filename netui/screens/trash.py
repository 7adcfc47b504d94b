"""The trash (palette 'contacts: trash'): people moved there, to restore or to erase for good."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from netui import contacts, lifecycle
from netui.i18n import N_, _, ngettext
from netui.screens.confirm import ConfirmScreen
from netui.screens.base import DataScreen
from netui.screens.guard import reports_errors
from netui.when import humanize
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar


class TrashScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("u", "restore", N_("Restore"), tooltip=N_("Put the highlighted person back in your network")),
        Binding("P", "purge", N_("Erase for good"),
                tooltip=N_("Erase the highlighted person and everything about them; cannot be undone")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="trash"):
            yield Label(_("Trash"), classes="pane-title")
            yield Static("", id="trash-status")
            yield DataTable(id="trash-list", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("name"), _("company"), _("city"), _("moved to the trash"))
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        people = contacts.details_for([s.id for s in contacts.list_contacts(trashed=True)])
        for person in people:
            table.add_row(Text(person.name), Text(person.company), Text(person.city),
                          humanize(person.trashed_at), key=str(person.id))
        status = (ngettext("{n} person in the trash. u restores; P erases for good.",
                            "{n} people in the trash. u restores; P erases for good.", len(people))
                  if people else _("The trash is empty."))
        self.query_one("#trash-status", Static).update(status)
        if people:
            table.move_cursor(row=min(row, len(people) - 1))
        table.focus()
        self.refresh_bindings()

    @property
    def current(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("restore", "purge"):
            return self.current is not None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    @reports_errors
    def action_restore(self) -> None:
        if (contact_id := self.current) is not None:
            lifecycle.restore_contact(contact_id)
            self.app.publish_change()
            self.notify(_("Restored {name}.", name=contacts.get_contact(contact_id).name))

    @reports_errors
    def action_purge(self) -> None:
        contact_id = self.current
        if contact_id is None:
            return
        name = contacts.get_contact(contact_id).name

        def answered(yes: bool | None) -> None:
            if yes:
                erased_lines = lifecycle.purge_contact(contact_id)
                self.app.publish_change()
                self.notify(" ".join(filter(None, (_("{name} was erased for good.", name=name),  # i18n: not text (joins sentences)
                                                   lifecycle.erased_lines_text(erased_lines)))))

        self.app.push_screen(ConfirmScreen(
            _("Erase {name} for good?", name=name),
            _("Their details, follow-ups, dates and the interactions that were only with them go, "
              "and the search index forgets them. This cannot be undone."),
        ), answered)
