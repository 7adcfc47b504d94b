"""Help: the keys of the pane that had the focus, then of its screen, then everywhere."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from netui.i18n import N_, _
from netui.screens.translated import TranslatedBindings


# The text's width inside the help box (76 columns, less its border, padding and scroll bar).
HELP_TEXT_WIDTH = 64


def help_text(title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> Text:
    text = Text()
    text.append(f"{title}\n", style="bold")
    width = max((len(key) for _h, keys in sections for key, _d in keys), default=0) + 3
    for heading, keys in sections:
        if not keys:
            continue
        text.append(f"\n{heading}\n", style="bold underline")
        for key, description in keys:
            text.append(f"  {key}".ljust(width + 2), style="bold")
            # A long description goes on under itself, not under the keys.
            lines = textwrap.wrap(description, HELP_TEXT_WIDTH - width - 2) or [""]
            text.append(("\n" + " " * (width + 2)).join(lines) + "\n")
    text.append("\n" + _("Esc closes this help. ctrl+p lists every command."), style="dim")
    return text


class HelpScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss_help", N_("Close help"))]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 2; }
    """

    def __init__(self, title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self._text = help_text(title, sections)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._text, id="help-text")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
