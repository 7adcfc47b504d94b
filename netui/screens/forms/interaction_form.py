"""Log an interaction: who was there, what kind, when, what happened, and who reached out.

"Who reached out" is "I did" by default; a note is not an exchange, so for kind "note" the
field is switched off and nothing is stored (netui.reaching.initiator_for says so once).

See netui.screens.forms.form for how saving and errors work. Enter in the "when" or "summary"
field saves; Enter in the people picker adds the highlighted match (see ContactPicker) and
never saves the form.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.errors import ValidationError
from netui.i18n import _
from netui.labels import label
from netui.reaching import NOT_AN_EXCHANGE
from netui.screens.forms.fields import in_words
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.timeline import INTERACTION_KINDS
from netui.widgets.contact_picker import ContactPicker, Finder


class InteractionForm(FormScreen):
    FALLBACK_FIELD = "participants"

    def __init__(self, title: str, values: dict, find_people: Finder,
                 submit: Callable[[dict], None]) -> None:
        super().__init__(title, values, self._guarded(submit))
        self._find_people = find_people
        # Nobody chosen yet: start by picking people; otherwise go straight to "when".
        self.AUTO_FOCUS = "#when" if values.get("participants") else ".picker-input"

    def compose(self) -> ComposeResult:
        kind = self.initial.get("kind") or INTERACTION_KINDS[0]
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("With"), classes="field-label")
            yield ContactPicker(self._find_people, list(self.initial.get("participants") or ()),
                                multiple=True, id="participants")
            yield error_slot("participants")
            yield Label(_("Kind"), classes="field-label")
            yield Select([(label(k), k) for k in INTERACTION_KINDS],
                         value=kind if kind in INTERACTION_KINDS else INTERACTION_KINDS[0],
                         allow_blank=False, id="kind")
            yield error_slot("kind")
            yield Label(_("When"), classes="field-label")
            yield Input(in_words(self.initial.get("when")),
                        placeholder=_("now, yesterday 18:00, 3 days ago, 2026-11-20"), id="when")
            yield error_slot("when")
            yield Label(_("Summary"), classes="field-label")
            yield Input(str(self.initial.get("summary") or ""),
                        placeholder=_("coffee at the trade fair, talked about the new job"), id="summary")
            yield error_slot("summary")
            yield Label(_("Who reached out"), classes="field-label")
            yield Select([(_("I did"), "me"), (_("They did"), "them")],
                         value=self.initial.get("initiated_by") or "me", allow_blank=False,
                         disabled=kind in NOT_AN_EXCHANGE, id="initiated_by")
            yield error_slot("initiated_by")
            yield Label(_("Notes"), classes="field-label")
            yield TextArea(self.initial.get("notes") or "", id="notes")
            yield error_slot("notes")
            yield form_buttons()

    def values(self) -> dict:
        who = self.query_one("#initiated_by", Select)
        return {
            "participant_ids": self.query_one("#participants", ContactPicker).chosen_ids,
            "kind": self.query_one("#kind", Select).value,
            "when": self.query_one("#when", Input).value,
            "summary": self.query_one("#summary", Input).value,
            "notes": self.query_one("#notes", TextArea).text,
            "initiated_by": None if who.disabled else who.value,
        }

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        """Nobody starts a note: the "who reached out" field is off for that kind."""
        self.query_one("#initiated_by", Select).disabled = event.value in NOT_AN_EXCHANGE

    def _guarded(self, submit: Callable[[dict], None]) -> Callable[[dict], None]:
        """Refuse to save while a name is typed in the picker but not picked: the user
        surely meant that person to be part of it."""

        def checked(values: dict) -> None:
            typed = self.query_one("#participants", ContactPicker).typed_text.strip()
            if typed:
                raise ValidationError(
                    "participants",
                    _("'{typed}' is typed but not added: press Enter to add the highlighted "
                      "match, or clear the field.", typed=typed),
                )
            submit(values)

        return checked

    @on(Input.Submitted, ".picker-input")
    def _picker_submitted(self, event: Input.Submitted) -> None:
        """Enter in the picker that did not pick anyone (ContactPicker stops the event when
        it picks): never save; move on when the field is empty, say why otherwise."""
        event.stop()
        event.prevent_default()  # skips FormScreen's save-on-Enter for this message
        typed = event.value.strip()
        if not typed:
            self.focus_next()
        else:
            self.show_error("participants", _("Nobody matches '{typed}'.", typed=typed))

    def show_error(self, field: str, message: str) -> None:
        super().show_error(field, message)
        if self.ERROR_TARGET.get(field, field) == "participants":
            # The picker itself cannot take the focus: its input can.
            self.query_one("#participants .picker-input", Input).focus()
