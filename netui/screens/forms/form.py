"""The shape every form shares: a modal that collects values and hands them to `submit`.

`submit(values)` (given by the caller) does the work; if it raises ValidationError the form
shows the sentence under the field it names (a Static with id "<field>-error") and keeps
everything typed. Once `submit` succeeded the form publishes the app's "data changed" signal:
the screen underneath shows the new data when the form closes (no callback refreshes it). Subclasses compose their fields inside `VerticalScroll` and define
`values()`; ERROR_TARGET maps error field names to the input that should show them.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from netui.errors import NetuiError, ValidationError
from netui.i18n import N_, _
from netui.screens.base import LETTERS_TYPED
from netui.screens.translated import TranslatedBindings
from netui.widgets.footer import KeysFooter


def error_slot(field: str) -> Static:
    """The place under a field where its validation error appears."""
    # markup=False: messages quote what the user typed ("'[/b]' is not a date"), which is text.
    return Static("", id=f"{field}-error", classes="field-error -empty", markup=False)


def form_buttons(save_label: str | None = None) -> Horizontal:
    """Cancel and Save, at the bottom right of every form."""
    return Horizontal(
        Button(_("Cancel"), id="cancel"),
        Button(save_label or _("Save (ctrl+s)"), variant="primary", id="save"),
        classes="buttons",
    )


class FormScreen(TranslatedBindings, ModalScreen[bool]):
    """Dismisses with True once `submit` accepted the values, False when cancelled."""

    APP_KEYS_OFF = LETTERS_TYPED
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Save and close")),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > VerticalScroll { width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    FormScreen .form-title { text-style: bold; margin-bottom: 1; }
    FormScreen .field-label { margin-top: 1; color: $text-muted; }
    FormScreen Input, FormScreen Select { margin-top: 0; }
    FormScreen .field-error { color: $error; height: auto; }
    FormScreen .field-error.-empty { display: none; }
    FormScreen .buttons { height: auto; margin-top: 1; align-horizontal: right; }
    FormScreen TextArea { height: 5; }
    /* Compact fields have no border: show the focus with the accent colour. */
    FormScreen Input:focus { background: $accent 35%; }
    FormScreen Select:focus-within > SelectCurrent { background: $accent 35%; }
    """
    ERROR_TARGET: dict[str, str] = {}
    FALLBACK_FIELD = ""
    # Start typing in the first field, not on the scrolling container.
    AUTO_FOCUS = "Input"

    def __init__(self, title: str, values: dict, submit: Callable[[dict], None]) -> None:
        super().__init__()
        self.form_title = title
        self.initial = values
        self._submit = submit

    def on_mount(self) -> None:
        # Every form shows its own keys (ctrl+s, Esc) at the bottom.
        self.mount(KeysFooter())
        # Borderless fields: a whole form fits in an 80×24 terminal.
        for field in self.query("Input, Select"):
            field.compact = True
        # Focusing the first field scrolls the form; show it from its title instead.
        self.call_after_refresh(self._scroll_to_top)

    def _scroll_to_top(self) -> None:
        for container in self.query(VerticalScroll):
            container.scroll_home(animate=False)

    def values(self) -> dict:
        raise NotImplementedError

    def show_error(self, field: str, message: str) -> None:
        for slot in self.query(".field-error"):
            slot.update("")
            slot.add_class("-empty")
        target = self.ERROR_TARGET.get(field, field)
        slots = self.query(f"#{target}-error")
        slot = slots.first() if slots else self.query(".field-error").first()
        slot.update(message)
        slot.remove_class("-empty")
        focusable = self.query(f"#{target}")
        if focusable:
            widget = focusable.first()
            widget.focus()
            if isinstance(widget, Input):
                widget.select_all()  # typing replaces the wrong value; arrows keep it

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            self._submit(self.values())
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        except NetuiError as error:  # not found, read-only file, disk full: said where all can see
            self.show_error(self.FALLBACK_FIELD, str(error))
            return
        self.app.publish_change()
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
