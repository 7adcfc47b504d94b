"""Export the contact list's current view (x): where to, and in which format."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from netui.i18n import _
from netui.screens.form import FormScreen, error_slot, form_buttons

FORMATS = (("CSV (netui's own, opens in any spreadsheet)", "csv"), ("vCard 3.0", "vcard"),
           ("vCard 4.0", "vcard4"))


class ExportForm(FormScreen):
    """values(): {"out": path, "format": csv|vcard|vcard4, "excel": bool}."""

    ERROR_TARGET = {"what": "format", "version": "format"}
    FALLBACK_FIELD = "out"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Static(self.initial.get("what_text", ""), markup=False)
            yield Label(_("File"), classes="field-label")
            yield Input(self.initial.get("out", ""), id="out")
            yield error_slot("out")
            yield Label(_("Format"), classes="field-label")
            yield Select([(_(label), value) for label, value in FORMATS], value="csv", allow_blank=False,
                         id="format")
            yield error_slot("format")
            yield Checkbox(_("For Excel (UTF-8 with a BOM, so accents show right)"), id="excel")
            yield form_buttons(_("Export (ctrl+s)"))

    def values(self) -> dict:
        return {
            "out": self.query_one("#out", Input).value,
            "format": self.query_one("#format", Select).value,
            "excel": self.query_one("#excel", Checkbox).value,
        }
