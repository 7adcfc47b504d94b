"""New / edit contact: a modal that collects the fields and hands them to the caller.

The caller passes `submit(values)`, which does the work and raises ValidationError for a bad
value; the form then shows the message under that field and keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from netui.errors import ValidationError
from netui.i18n import _
from netui.contacts import CIRCLES

# (field, label, placeholder); the field names are those of netui.contacts.
TEXT_INPUTS = (
    ("first_name", "First name", "Giulia"),
    ("last_name", "Last name", "Rossi"),
    ("company", "Company", "Lumen Digital"),
    ("role", "Role", "Head of PR"),
    ("city", "City", "Milano"),
    ("country", "Country", "Italy"),
    ("email", "E-mail", "giulia@lumen.it"),
    ("phone", "Phone", "+39 333 123 4567"),
    ("tags", "Tags", "fintech milano (space-separated)"),
    ("cadence_days", "Keep in touch every … days", "30"),
    ("how_met", "How we met", "Web Marketing Festival, at the coffee stand"),
)
# Errors about these fields are shown under the input named here.
ERROR_TARGET = {"name": "first_name", "tag": "tags", "channel": "email"}


class ContactForm(ModalScreen[bool]):
    """Dismisses with True once `submit` accepted the values, False when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", _("Cancel")),
        Binding("ctrl+s", "save", _("Save"), tooltip=_("Save the contact")),
    ]
    DEFAULT_CSS = """
    ContactForm { align: center middle; }
    ContactForm > VerticalScroll { width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    ContactForm .field-label { margin-top: 1; }
    ContactForm .field-error { color: $error; height: auto; }
    ContactForm .field-error.-empty { display: none; }
    ContactForm #buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ContactForm TextArea { height: 5; }
    """

    def __init__(self, title: str, values: dict, submit: Callable[[dict], None]) -> None:
        super().__init__()
        self._title = title
        self._initial = values
        self._submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(f"[b]{self._title}[/b]")
            for field, label, placeholder in TEXT_INPUTS:
                yield Label(_(label), classes="field-label")
                yield Input(str(self._initial.get(field) or ""), placeholder=placeholder, id=field)
                yield Static("", id=f"{field}-error", classes="field-error -empty")
            yield Label(_("Circle"), classes="field-label")
            yield Select([(c, c) for c in CIRCLES], value=self._initial.get("circle") or "other",
                         allow_blank=False, id="circle")
            yield Static("", id="circle-error", classes="field-error -empty")
            yield Label(_("Notes"), classes="field-label")
            yield TextArea(self._initial.get("notes") or "", id="notes")
            yield Static("", id="notes-error", classes="field-error -empty")
            with Horizontal(id="buttons"):
                yield Button(_("Cancel"), id="cancel")
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save")

    def values(self) -> dict:
        data = {field: self.query_one(f"#{field}", Input).value for field, _l, _p in TEXT_INPUTS}
        data["circle"] = self.query_one("#circle", Select).value
        data["notes"] = self.query_one("#notes", TextArea).text
        return data

    def show_error(self, field: str, message: str) -> None:
        for error in self.query(".field-error"):
            error.update("")
            error.add_class("-empty")
        target = ERROR_TARGET.get(field, field)
        matches = self.query(f"#{target}-error")
        widget = matches.first() if matches else self.query_one("#first_name-error")
        widget.update(message)
        widget.remove_class("-empty")
        focus = self.query(f"#{target}")
        if focus:
            focus.first().focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            self._submit(self.values())
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
