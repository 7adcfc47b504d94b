"""Someone to meet at an event who is not a contact yet (w on the event screen).

One line, "Name @Company - why" (or "— why"), read by netui.wishes.parse_wish; see
netui.screens.forms.form for how saving and errors work. values(): {"person": the line}.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from netui.i18n import _
from netui.screens.forms.form import FormScreen, error_slot, form_buttons


class WishForm(FormScreen):
    ERROR_TARGET = {"name": "person", "wish": "person"}
    FALLBACK_FIELD = "person"
    DEFAULT_CSS = """
    WishForm .field-help { color: $text-muted; text-style: italic; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("Who (not a contact yet)"), classes="field-label")
            yield Input(str(self.initial.get("person") or ""),
                        placeholder=_("Sara Conti @Lumen - her talk on payments"), id="person")
            yield Static(_("A name, then @Company and - why (or — why), both optional. Captured or met "
                           "there, they become a contact."), classes="field-help")
            yield error_slot("person")
            yield form_buttons(_("Add (ctrl+s)"))

    def values(self) -> dict:
        return {"person": self.query_one("#person", Input).value}
