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
    ("first_name", "First name", "e.g. Giulia"),
    ("last_name", "Last name", "e.g. Rossi"),
    ("company", "Company", "e.g. Lumen Digital"),
    ("role", "Role", "e.g. Head of PR"),
    ("city", "City", "e.g. Milano"),
    ("country", "Country", "e.g. Italy"),
    ("email", "E-mail", "e.g. giulia@lumen.it"),
    ("phone", "Phone", "e.g. +39 333 123 4567"),
    ("tags", "Tags", "e.g. fintech milano (separated by spaces)"),
    ("cadence_days", "Keep in touch every … days", "e.g. 30 (empty: no reminder)"),
    ("how_met", "How we met", "e.g. Web Marketing Festival, at the coffee stand"),
)


class ContactForm(FormScreen):
    ERROR_TARGET = {"name": "first_name", "tag": "tags", "channel": "email"}
    FALLBACK_FIELD = "first_name"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            for field, label, placeholder in TEXT_INPUTS:
                yield Label(_(label), classes="field-label")
                yield Input(str(self.initial.get(field) or ""), placeholder=_(placeholder), id=field)
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
