"""New / edit contact (see netui.screens.forms.form for how saving and errors work).

Every channel the person has is a row (kind, value, label): ctrl+n adds a row, ctrl+r removes
the row with the focus. Saving keeps every row left (contacts.save_contact): nothing is hidden,
nothing the user did not remove is lost. "Introduced by" is a people picker taking one person;
Backspace in its empty field clears it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.errors import ValidationError
from netui.i18n import N_, _
from netui.labels import label
from netui.rules import CHANNEL_KINDS, CIRCLES
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.widgets.contact_picker import ContactPicker, Finder

# (field, label, placeholder); the field names are those of netui.contacts.save_contact.
NAME_INPUTS = (
    ("first_name", N_("First name"), N_("e.g. Giulia")),
    ("last_name", N_("Last name"), N_("e.g. Rossi")),
    ("company", N_("Company"), N_("e.g. Lumen Digital")),
    ("role", N_("Role"), N_("e.g. Head of PR")),
    ("city", N_("City"), N_("e.g. Milano")),
    ("country", N_("Country"), N_("e.g. Italy")),
)
OTHER_INPUTS = (
    ("tags", N_("Tags"), N_("e.g. fintech milano (separated by spaces)")),
    ("cadence_days", N_("Keep in touch every … days"), N_("e.g. 30 (empty: their circle's or a tag's default, if any)")),
    ("how_met", N_("How we met"), N_("e.g. Web Marketing Festival, at the coffee stand")),
)
TEXT_INPUTS = NAME_INPUTS + OTHER_INPUTS
# The rows a new contact's form starts with: an e-mail and a phone.
NEW_CONTACT_CHANNELS = ((None, "email", "", ""), (None, "phone", "", ""))
_PLACEHOLDERS = {"email": N_("e.g. giulia@lumen.it"), "phone": N_("e.g. +39 333 123 4567"),
                 "linkedin": N_("e.g. linkedin.com/in/giuliarossi"), "website": N_("e.g. https://lumen.it")}
_ROW_ERROR = re.compile(r"channel-(\d+)")


class ChannelRow(Horizontal):
    """One channel: its kind, value and label. `channel_id` is None for a row not saved yet."""

    DEFAULT_CSS = """
    ChannelRow { height: auto; }
    ChannelRow > Select { width: 16; }
    ChannelRow > .channel-value { width: 1fr; }
    ChannelRow > .channel-label { width: 16; margin-left: 1; }
    """

    def __init__(self, serial: int, channel_id: int | None, kind: str, value: str, channel_label: str) -> None:
        super().__init__(id=f"channel-row-{serial}", classes="channel-row")
        self.serial, self.channel_id = serial, channel_id
        self._start = (kind if kind in CHANNEL_KINDS else "other", value, channel_label)

    def compose(self) -> ComposeResult:
        kind, value, channel_label = self._start
        yield Select([(label(k), k) for k in CHANNEL_KINDS], value=kind, allow_blank=False, compact=True,
                     id=f"channel-{self.serial}-kind")
        yield Input(value, placeholder=_(_PLACEHOLDERS.get(kind, N_("the address or handle"))), compact=True,
                    id=f"channel-{self.serial}", classes="channel-value")
        yield Input(channel_label, placeholder=_("label: work…"), compact=True,
                    id=f"channel-{self.serial}-label", classes="channel-label")

    @property
    def row(self) -> tuple[int | None, str, str, str]:
        return (self.channel_id, str(self.query_one(Select).value), self.query_one(".channel-value", Input).value,
                self.query_one(".channel-label", Input).value)


class ContactForm(FormScreen):
    BINDINGS = [
        Binding("ctrl+n", "add_channel", N_("Add a channel"), priority=True,
                tooltip=N_("A new channel row: e-mail, phone, LinkedIn, website...")),
        Binding("ctrl+r", "remove_channel", N_("Remove the channel"), priority=True,
                tooltip=N_("Remove the channel row with the focus (saved when you save)")),
    ]
    DEFAULT_CSS = """
    ContactForm #channels { height: auto; }
    """
    ERROR_TARGET = {"name": "first_name", "tag": "tags"}
    FALLBACK_FIELD = "first_name"

    def __init__(self, title: str, values: dict, submit: Callable[[dict], None], find_people: Finder) -> None:
        super().__init__(title, values, submit)
        self._find_people = find_people
        self._serials = 0
        self._row_order: list[int] = []  # the serials of the rows values() gave, in order

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield from self._inputs(NAME_INPUTS)
            yield Label(_("Channels (ctrl+n adds one, ctrl+r removes the one with the focus)"), classes="field-label")
            with Vertical(id="channels"):
                for row in self.initial.get("channels", NEW_CONTACT_CHANNELS):
                    yield from self._channel_row(*row)
            yield from self._inputs(OTHER_INPUTS)
            yield Label(_("Introduced by (Backspace in the empty field clears it)"), classes="field-label")
            yield ContactPicker(self._find_people, self.initial.get("introduced_by") or (), multiple=False,
                                placeholder=_("who brought them in: type a name, then Enter"), id="introduced_by")
            yield error_slot("introduced_by")
            yield Label(_("Circle"), classes="field-label")
            yield Select([(label(c), c) for c in CIRCLES], value=self.initial.get("circle") or "other",
                         allow_blank=False, id="circle")
            yield error_slot("circle")
            yield Label(_("Notes"), classes="field-label")
            yield TextArea(self.initial.get("notes") or "", id="notes")
            yield error_slot("notes")
            yield form_buttons()

    def _inputs(self, inputs) -> ComposeResult:
        for field, name, placeholder in inputs:
            yield Label(_(name), classes="field-label")
            yield Input(str(self.initial.get(field) or ""), placeholder=_(placeholder), id=field)
            yield error_slot(field)

    def _channel_row(self, channel_id, kind, value, channel_label) -> ComposeResult:
        self._serials += 1
        yield ChannelRow(self._serials, channel_id, kind, value, channel_label)
        yield error_slot(f"channel-{self._serials}")

    async def action_add_channel(self) -> None:
        widgets = list(self._channel_row(None, "email", "", ""))
        # Awaited: a Tab typed right after ctrl+n finds the new row's kind focused already.
        await self.query_one("#channels", Vertical).mount_all(widgets)
        widgets[0].query_one(Select).focus(scroll_visible=False)
        self.call_after_refresh(lambda: widgets[0].scroll_visible(animate=False))  # once it has its place

    def action_remove_channel(self) -> None:
        row = next((node for node in (self.focused.ancestors_with_self if self.focused else ())
                    if isinstance(node, ChannelRow)), None)
        if row is None:
            self.notify(_("Move to a channel row first (Tab), then ctrl+r removes it."), severity="warning")
            return
        rows = list(self.query(ChannelRow))
        index = rows.index(row)
        following = rows[index + 1] if index + 1 < len(rows) else rows[index - 1] if index else None
        self.query_one(f"#channel-{row.serial}-error").remove()
        row.remove()
        if following is not None:
            following.query_one(".channel-value", Input).focus()
        else:
            self.query_one("#tags", Input).focus()

    def values(self) -> dict:
        data = {field: self.query_one(f"#{field}", Input).value for field, _l, _p in TEXT_INPUTS}
        rows = list(self.query(ChannelRow))
        self._row_order = [row.serial for row in rows]
        data["channels"] = [row.row for row in rows]
        picker = self.query_one("#introduced_by", ContactPicker)
        if picker.typed_text.strip() and not picker.chosen_ids:
            raise ValidationError("introduced_by", _("Pick who introduced them from the matches (type a name, "
                                                     "then Enter), or empty the field."))
        data["introduced_by_id"] = (picker.chosen_ids or [None])[0]
        data["circle"] = self.query_one("#circle", Select).value
        data["notes"] = self.query_one("#notes", TextArea).text
        return data

    def show_error(self, field: str, message: str) -> None:
        # contacts.save_contact names a row by its place ("channel-2"); its widgets by serial.
        row = _ROW_ERROR.fullmatch(field)
        if row and int(row.group(1)) < len(self._row_order):
            field = f"channel-{self._row_order[int(row.group(1))]}"
        super().show_error(field, message)
        if field == "introduced_by":
            self.query_one("#introduced_by .picker-input", Input).focus()
