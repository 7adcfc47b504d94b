"""A favour given (g) or received (r) on the contact screen: what kind, when, a note, and
optionally a follow-up (to thank them, or to check it helped).

See netui.screens.forms.form for how saving and errors work. values() are the keyword arguments of
giving.record_favour after the contact and the direction.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from netui.giving import FAVOUR_KINDS
from netui.i18n import _
from netui.labels import label
from netui.screens.forms.fields import in_words
from netui.screens.forms.form import FormScreen, error_slot, form_buttons


class FavourForm(FormScreen):
    ERROR_TARGET = {"on": "when", "followup_due": "followup", "kind": "kind"}
    FALLBACK_FIELD = "note"
    AUTO_FOCUS = "#kind"

    def compose(self) -> ComposeResult:
        kind = self.initial.get("kind") or FAVOUR_KINDS[0]
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("What"), classes="field-label")
            yield Select([(label(k), k) for k in FAVOUR_KINDS], value=kind, allow_blank=False, id="kind")
            yield error_slot("kind")
            yield Label(_("When"), classes="field-label")
            yield Input(in_words(self.initial.get("when") or "today"), placeholder=_("today, yesterday, 2026-11-20"), id="when")
            yield error_slot("when")
            yield Label(_("Note"), classes="field-label")
            yield Input(self.initial.get("note", ""), placeholder=_("the letter for the Bocconi application"),
                        id="note")
            yield error_slot("note")
            yield Label(_("Follow up (optional)"), classes="field-label")
            yield Input(self.initial.get("followup", ""), placeholder=self.initial.get(
                "followup_hint", _("in 2 weeks, friday — empty: no follow-up")), id="followup")
            yield error_slot("followup")
            yield form_buttons()

    def values(self) -> dict:
        followup = self.query_one("#followup", Input).value.strip()
        return {
            "kind": self.query_one("#kind", Select).value,
            "on": self.query_one("#when", Input).value.strip() or None,
            "note": self.query_one("#note", Input).value,
            "followup_due": followup or None,
        }
