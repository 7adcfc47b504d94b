"""Pick one or more contacts by typing part of their name (or company, city, tag...).

The screen supplies `find(text) -> [(id, label)]`; the picker never queries by itself.
Type to narrow, ↓ into the matches, Enter adds the highlighted person; Backspace in an
empty field removes the last one picked. `find` runs in a worker as you type; Enter or ↓
pressed before its answer came asks it at once, so a fast typist never picks a stale match.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from netui.i18n import N_, _
from netui.screens.work import WorkerErrors, run_in_thread

# find(text) -> [(contact id, "Name · company · city")], best match first.
Finder = Callable[[str], list[tuple[int, str]]]
LABEL_SEPARATOR = " · "


class ContactPicker(WorkerErrors, Vertical):
    DEFAULT_CSS = """
    ContactPicker { height: auto; }
    ContactPicker > .picker-chosen { height: auto; color: $text-accent; }
    ContactPicker > OptionList { height: auto; max-height: 6; border: none; }
    ContactPicker > OptionList.-empty { display: none; }
    """
    BINDINGS = [Binding("down", "to_matches", N_("Matches"), show=False)]

    class Changed(Message):
        def __init__(self, picker: ContactPicker) -> None:
            self.picker = picker
            super().__init__()

    def __init__(self, find: Finder, chosen: list[tuple[int, str]] = (), *, multiple: bool = True,
                 placeholder: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self._find = find
        self._chosen: dict[int, str] = dict(chosen)
        self._multiple = multiple
        self._placeholder = placeholder or _("type a name, then Enter")
        self._matched_text = ""  # the text the matches shown are for

    def compose(self) -> ComposeResult:
        yield Static("", classes="picker-chosen")
        yield Input(placeholder=self._placeholder, classes="picker-input")
        yield OptionList(classes="picker-matches -empty", markup=False)  # labels are user text

    def on_mount(self) -> None:
        self._show_chosen()

    @property
    def chosen_ids(self) -> list[int]:
        return list(self._chosen)

    @property
    def typed_text(self) -> str:
        return self.query_one(Input).value

    def _show_chosen(self) -> None:
        # Names are plain text: escape() leaves "[EU]" alone, and Textual markup eats it.
        names = ", ".join(self._chosen.values())
        self.query_one(".picker-chosen", Static).update(
            Content(names) if names else Content.styled(_("nobody yet"), "dim"))

    @on(Input.Changed, ".picker-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value
        if not text.strip():
            self._show_matches(text, [])
            return
        run_in_thread(self, lambda: self._find(text), done=lambda found: self._show_matches(text, found),
                      group="picker-find", exclusive=True, drop_cancelled=True)

    def _show_matches(self, text: str, found: list[tuple[int, str]]) -> None:
        if text != self.typed_text:
            return  # the answer for an older keystroke
        self._matched_text = text
        matches = self.query_one(OptionList)
        matches.clear_options()
        found = [(i, label) for i, label in found if i not in self._chosen]
        matches.add_options(Option(label, id=str(contact_id)) for contact_id, label in found[:20])
        matches.set_class(not found, "-empty")
        if found:
            matches.highlighted = 0

    def _catch_up(self) -> None:
        """Enter or ↓ before the worker answered: the matches for the text as it is, now."""
        text = self.typed_text
        if text != self._matched_text:
            self._show_matches(text, self._find(text) if text.strip() else [])

    @on(Input.Submitted, ".picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._catch_up()
        matches = self.query_one(OptionList)
        if matches.option_count and matches.highlighted is not None:
            event.stop()
            self._choose(matches.get_option_at_index(matches.highlighted))

    @on(OptionList.OptionSelected, ".picker-matches")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option)
        self.query_one(Input).focus()

    def _choose(self, option: Option) -> None:
        if not self._multiple:
            self._chosen.clear()
        # Labels are "Name · company · city"; once chosen, the name is enough.
        self._chosen[int(option.id)] = str(option.prompt).split(LABEL_SEPARATOR)[0]
        self.query_one(Input).value = ""
        self._show_chosen()
        self.post_message(self.Changed(self))

    def on_key(self, event) -> None:
        field = self.query_one(Input)
        if event.key == "backspace" and field.has_focus and not field.value and self._chosen:
            self._chosen.popitem()
            self._show_chosen()
            self.post_message(self.Changed(self))
            event.stop()

    def action_to_matches(self) -> None:
        """↓ from the field: into the matches, on the next one (Enter already takes the first)."""
        self._catch_up()
        matches = self.query_one(OptionList)
        if matches.option_count:
            matches.focus()
            if matches.option_count > 1:
                matches.highlighted = 1
