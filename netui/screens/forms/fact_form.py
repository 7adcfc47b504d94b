"""A fact about a person (children's names, a hobby, an anecdote): the form that adds or
changes one, and the list a fact is chosen from to change or remove it.

See netui.screens.forms.form for how saving and errors work. FactForm's values() are the
arguments of contacts.add_fact / facts.change_fact after the contact or fact: label, value.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from netui import contacts, facts, present, rules
from netui.i18n import N_, _
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.screens.translated import TranslatedBindings
from netui.widgets.footer import KeysFooter


class FactForm(FormScreen):
    """FactForm(title, values, submit): `values` may hold "label" and "value" (a fact being changed)."""

    ERROR_TARGET = {"fact": "value"}
    FALLBACK_FIELD = "value"
    DEFAULT_CSS = "FactForm .field-help { color: $text-muted; text-style: italic; }"

    def compose(self) -> ComposeResult:
        offered = facts.suggested_labels()
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("Label"), classes="field-label")
            yield Input(str(self.initial.get("label") or ""), placeholder=", ".join(offered[:3]), id="label",
                        suggester=SuggestFromList(offered, case_sensitive=False))
            yield Static(_("Usual ones: {labels} (→ completes the one suggested); any words do.",
                           labels=", ".join(offered)), classes="field-help", markup=False)
            yield error_slot("label")
            yield Label(_("Value"), classes="field-label")
            yield Input(str(self.initial.get("value") or ""), placeholder=_("Leo (7) and Mia (4)"), id="value")
            yield error_slot("value")
            yield form_buttons()

    def values(self) -> dict:
        label = rules.fact_label(self.query_one("#label", Input).value)
        return {"label": label, "value": rules.fact_value(label, self.query_one("#value", Input).value)}


class FactChoice(TranslatedBindings, ModalScreen[tuple[str, int] | None]):
    """One of a person's facts, chosen with ↑/↓: dismisses with ("edit", fact id) on Enter,
    ("remove", fact id) on x or Delete, None on Esc."""

    BINDINGS = [
        Binding("enter", "choose('edit')", N_("Change")),
        Binding("x,delete", "choose('remove')", N_("Remove")),
        Binding("escape", "close", N_("Close")),
    ]
    DEFAULT_CSS = """
    FactChoice { align: center middle; }
    FactChoice > VerticalScroll { width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    FactChoice .form-title { text-style: bold; margin-bottom: 1; }
    FactChoice OptionList { height: auto; max-height: 12; }
    """

    def __init__(self, title: str, known: list[contacts.FactInfo]) -> None:
        super().__init__()
        self.choice_title, self.known = title, known

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.choice_title, classes="form-title", markup=False)
            yield OptionList(*[Option(Text(present.fact_line(f)), id=f"fact-{f.id}") for f in self.known], id="facts")
            yield Static(_("↑↓ choose · Enter change · x remove · Esc close"), classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        listing = self.query_one("#facts", OptionList)
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_choose("edit")

    def action_choose(self, what: str) -> None:
        option = self.query_one("#facts", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss((what, int(option.id.removeprefix("fact-"))))

    def action_close(self) -> None:
        self.dismiss(None)
