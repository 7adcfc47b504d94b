"""Add a follow-up: by when, on which channel, and what to send or say.

See netui.screens.forms.form for how saving and errors work; Enter in a text field saves.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from netui.rules import CHANNEL_KINDS
from netui.i18n import _
from netui.labels import label
from netui.screens.forms.fields import in_words
from netui.screens.forms.form import FormScreen, error_slot, form_buttons


class FollowUpForm(FormScreen):
    FALLBACK_FIELD = "due_on"

    def compose(self) -> ComposeResult:
        channel = self.initial.get("channel") or ""
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("Due"), classes="field-label")
            yield Input(in_words(self.initial.get("due_on")),
                        placeholder=_("tomorrow, in 3 days, friday, 2026-12-03"), id="due_on")
            yield error_slot("due_on")
            yield Label(_("Channel"), classes="field-label")
            # The blank choice means "any channel".
            yield Select([(label(c), c) for c in CHANNEL_KINDS], prompt=_("any"),
                         value=channel if channel in CHANNEL_KINDS else Select.NULL, id="channel")
            yield error_slot("channel")
            yield Label(_("Action"), classes="field-label")
            yield Input(str(self.initial.get("action") or ""),
                        placeholder=_("what to send or say"), id="action")
            yield error_slot("action")
            yield form_buttons()

    def values(self) -> dict:
        channel = self.query_one("#channel", Select).value
        return {
            "due_on": self.query_one("#due_on", Input).value,
            "channel": "" if channel is Select.NULL else str(channel),
            "action": self.query_one("#action", Input).value,
        }
