"""Introduce this person to someone (i on the contact screen): to whom, why, and whether it
is only an idea yet (proposed) or done (made).

See netui.screens.forms.form for how saving and errors work. The people picker takes one person
(Enter picks the highlighted match). values(): {"other_id", "reason", "on", "status",
"followup"}; the caller calls giving.introduce and, when "followup" is ticked and the
introduction is made, accepts the follow-up it offers.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from netui.errors import ValidationError
from netui.giving import ASK_HOW_IT_WENT_DAYS
from netui.i18n import _, ngettext
from netui.screens.forms.fields import in_words
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.widgets.contact_picker import ContactPicker, Finder

FIRST_STATUSES = ("proposed", "made")


class IntroduceForm(FormScreen):
    ERROR_TARGET = {"person_b": "other", "on": "when"}
    FALLBACK_FIELD = "reason"
    AUTO_FOCUS = ".picker-input"

    def __init__(self, title: str, values: dict, find_people: Finder, submit: Callable[[dict], None]) -> None:
        super().__init__(title, values, submit)
        self._find_people = find_people

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("To whom"), classes="field-label")
            yield ContactPicker(self._find_people, [], multiple=False, id="other")
            yield error_slot("other")
            yield Label(_("Why they should meet"), classes="field-label")
            yield Input(self.initial.get("reason", ""), placeholder=_("both build payment apps in Milano"),
                        id="reason")
            yield error_slot("reason")
            yield Label(_("Status"), classes="field-label")
            yield Select([(_("proposed: an idea for now"), "proposed"), (_("made: I introduced them"), "made")],
                         value=self.initial.get("status", "made"), allow_blank=False, id="status")
            yield Label(_("When"), classes="field-label")
            yield Input(in_words(self.initial.get("when") or "today"), placeholder=_("today, yesterday"), id="when")
            yield error_slot("when")
            yield Checkbox(ngettext("Once made, follow up with both in {n} day",
                                    "Once made, follow up with both in {n} days", ASK_HOW_IT_WENT_DAYS),
                           value=True, id="followup")
            yield form_buttons()

    def values(self) -> dict:
        chosen = self.query_one("#other", ContactPicker).chosen_ids
        if not chosen:
            raise ValidationError("other", _("Choose the person to introduce them to (type a name, then Enter)."))
        return {
            "other_id": chosen[0],
            "reason": self.query_one("#reason", Input).value,
            "on": self.query_one("#when", Input).value.strip() or None,
            "status": self.query_one("#status", Select).value,
            "followup": self.query_one("#followup", Checkbox).value,
        }
