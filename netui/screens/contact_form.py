"""New / edit contact (see netui.screens.form for how saving and errors work)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.contacts import CIRCLES
from netui.i18n import _
from netui.screens.form import FormScreen, error_slot, form_buttons

# (field, label, placeholder); the field names are those of netui.contacts.save_contact.
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


class ContactForm(FormScreen):
    ERROR_TARGET = {"name": "first_name", "tag": "tags", "channel": "email"}
    FALLBACK_FIELD = "first_name"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            for field, label, placeholder in TEXT_INPUTS:
                yield Label(_(label), classes="field-label")
                yield Input(str(self.initial.get(field) or ""), placeholder=placeholder, id=field)
                yield error_slot(field)
            yield Label(_("Circle"), classes="field-label")
            yield Select([(c, c) for c in CIRCLES], value=self.initial.get("circle") or "other",
                         allow_blank=False, id="circle")
            yield error_slot("circle")
            yield Label(_("Notes"), classes="field-label")
            yield TextArea(self.initial.get("notes") or "", id="notes")
            yield error_slot("notes")
            yield form_buttons()

    def values(self) -> dict:
        data = {field: self.query_one(f"#{field}", Input).value for field, _l, _p in TEXT_INPUTS}
        data["circle"] = self.query_one("#circle", Select).value
        data["notes"] = self.query_one("#notes", TextArea).text
        return data
