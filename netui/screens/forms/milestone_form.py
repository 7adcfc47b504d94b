"""Their news (w on the contact screen): a milestone to congratulate them on.

See netui.screens.forms.form for how saving and errors work. values(): {"milestone", "note",
"when", "congratulate"}; the caller logs it (timeline.log_milestone) and, when
"congratulate" is ticked, accepts the congratulation follow-up it offers.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from netui.i18n import _, ngettext
from netui.labels import label
from netui.screens.forms.fields import in_words
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.timeline import CONGRATULATE_WITHIN_DAYS, MILESTONES

class MilestoneForm(FormScreen):
    FALLBACK_FIELD = "milestone"
    AUTO_FOCUS = "#milestone"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("Their news"), classes="field-label")
            yield Select([(label(m), m) for m in MILESTONES], value=self.initial.get("milestone") or MILESTONES[0],
                         allow_blank=False, id="milestone")
            yield error_slot("milestone")
            yield Label(_("What exactly"), classes="field-label")
            yield Input(self.initial.get("note", ""), placeholder=_("Head of PR at Lumen Digital"), id="note")
            yield error_slot("note")
            yield Label(_("When"), classes="field-label")
            yield Input(in_words(self.initial.get("when") or "now"), placeholder=_("now, yesterday, 2026-11-20"),
                        id="when")
            yield error_slot("when")
            yield Checkbox(ngettext("Add a follow-up to congratulate them (due in {n} day)",
                                    "Add a follow-up to congratulate them (due in {n} days)",
                                    CONGRATULATE_WITHIN_DAYS), value=True, id="congratulate")
            yield form_buttons()

    def values(self) -> dict:
        return {
            "milestone": self.query_one("#milestone", Select).value,
            "note": self.query_one("#note", Input).value,
            "when": self.query_one("#when", Input).value,
            "congratulate": self.query_one("#congratulate", Checkbox).value,
        }
