"""The Textual app: wires screens together, global keys, undo. Work happens in the domain layer."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from netui import contacts
from netui.i18n import _
from netui.screens.contact import ContactScreen
from netui.screens.contact_form import ContactForm
from netui.screens.help import HelpScreen, describe_key
from netui.screens.main import MainScreen


class NetuiApp(App):
    TITLE = "netui"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", _("Quit"), tooltip=_("Quit netui")),
        Binding("question_mark,f1", "help", _("Help"), tooltip=_("Keys of the focused pane")),
        Binding("ctrl+z", "undo", _("Undo"), show=False, tooltip=_("Undo the last trash")),
    ]

    def __init__(self, db_path: Path | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.sub_title = str(db_path) if db_path else ""
        self._undo: list[tuple[str, int]] = []

    def on_mount(self) -> None:
        self.push_screen(MainScreen())

    # --- navigation used by the screens -------------------------------------------------

    def open_contact(self, contact_id: int) -> None:
        self.push_screen(ContactScreen(contact_id))

    def new_contact(self) -> None:
        def submit(values: dict) -> None:
            contact_id = contacts.save_contact(None, values)
            self.notify(_("Added {name}.", name=contacts.get_contact(contact_id).name))

        self.push_screen(ContactForm(_("New contact"), {}, submit))

    def edit_contact(self, contact_id: int) -> None:
        detail = contacts.get_contact(contact_id)
        values = {
            "first_name": detail.first_name, "last_name": detail.last_name, "company": detail.company,
            "role": detail.role, "city": detail.city, "country": detail.country,
            "circle": detail.circle, "how_met": detail.how_met, "notes": detail.notes,
            "cadence_days": detail.cadence_days or "", "tags": " ".join(detail.tags),
            "email": (detail.emails or [""])[0], "phone": (detail.phones or [""])[0],
        }

        def submit(form_values: dict) -> None:
            contacts.save_contact(contact_id, form_values)
            self.notify(_("Saved {name}.", name=contacts.get_contact(contact_id).name))

        self.push_screen(ContactForm(_("Edit {name}", name=detail.name), values, submit))

    def trash_contact(self, contact_id: int) -> None:
        name = contacts.get_contact(contact_id).name
        contacts.trash_contact(contact_id)
        self._undo.append(("trash", contact_id))
        if isinstance(self.screen, ContactScreen):
            self.pop_screen()
        self.notify(_("Moved {name} to the trash. ctrl+z undoes.", name=name))

    def action_undo(self) -> None:
        if not self._undo:
            self.notify(_("Nothing to undo."), severity="warning")
            return
        what, contact_id = self._undo.pop()
        if what == "trash":
            contacts.restore_contact(contact_id)
            if isinstance(self.screen, MainScreen):
                self.screen.reload()
            self.notify(_("Restored {name}.", name=contacts.get_contact(contact_id).name))

    # --- help --------------------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections = []
        focused = self.focused
        if focused is not None:
            sections.append((_("Here ({pane})", pane=focused.id or type(focused).__name__), _key_rows(focused)))
        sections.append((_("This screen"), _key_rows(self.screen)))
        sections.append((_("Everywhere"), _key_rows(self)))
        self.push_screen(HelpScreen(_("Keys"), sections))


def _key_rows(node) -> list[tuple[str, str]]:
    rows = []
    for binding in getattr(node, "BINDINGS", []):
        if isinstance(binding, Binding):
            rows.append((describe_key(binding.key), binding.tooltip or binding.description))
    return rows
