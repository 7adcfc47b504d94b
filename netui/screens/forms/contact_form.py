"""New / edit contact (see netui.screens.forms.form for how saving and errors work)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.rules import CIRCLES
from netui.i18n import N_, _
from netui.labels import label
from netui.screens.forms.form import FormScreen, error_slot, form_buttons

# (field, label, placeholder); the field names are those of netui.contacts.save_contact.
TEXT_INPUTS = (
    ("first_name", N_("First name"), N_("e.g. Giulia")),
    ("last_name", N_("Last name"), N_("e.g. Rossi")),
    ("company", N_("Company"), N_("e.g. Lumen Digital")),
    ("role", N_("Role"), N_("e.g. Head of PR")),
    ("city", N_("City"), N_("e.g. Milano")),
    ("country", N_("Country"), N_("e.g. Italy")),
    ("email", N_("E-mail"), N_("e.g. giulia@lumen.it")),
    ("phone", N_("Phone"), N_("e.g. +39 333 123 4567")),
    ("tags", N_("Tags"), N_("e.g. fintech milano (separated by spaces)")),
    ("cadence_days", N_("Keep in touch every … days"), N_("e.g. 30 (empty: no reminder)")),
    ("how_met", N_("How we met"), N_("e.g. Web Marketing Festival, at the coffee stand")),
)


class ContactForm(FormScreen):
    ERROR_TARGET = {"name": "first_name", "tag": "tags", "channel": "email"}
    FALLBACK_FIELD = "first_name"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            for field, name, placeholder in TEXT_INPUTS:
                yield Label(_(name), classes="field-label")
                yield Input(str(self.initial.get(field) or ""), placeholder=_(placeholder), id=field)
                yield error_slot(field)
            yield Label(_("Circle"), classes="field-label")
            yield Select([(label(c), c) for c in CIRCLES], value=self.initial.get("circle") or "other",
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


def contact_form_values(detail) -> dict:
    """The form's starting values for editing a contact (a netui.contacts.ContactDetail)."""
    return {
        "first_name": detail.first_name, "last_name": detail.last_name, "company": detail.company,
        "role": detail.role, "city": detail.city, "country": detail.country,
        "circle": detail.circle, "how_met": detail.how_met, "notes": detail.notes,
        "cadence_days": detail.cadence_days or "", "tags": " ".join(detail.tags),
        "email": (detail.emails or [""])[0], "phone": (detail.phones or [""])[0],
    }
