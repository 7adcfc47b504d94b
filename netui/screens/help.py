"""Help: the keys of the screen and pane that had the focus, then the global ones."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from netui.i18n import _


def describe_key(key: str) -> str:
    return " / ".join(part.strip() for part in key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss_help", _("Close help"))]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 2; }
    """

    def __init__(self, title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self._title = title
        self._sections = sections

    def compose(self) -> ComposeResult:
        lines = [f"# {self._title}", ""]
        for heading, keys in self._sections:
            if not keys:
                continue
            lines += [f"## {heading}", "", "| key | action |", "|---|---|"]
            lines += [f"| `{key}` | {description} |" for key, description in keys]
            lines.append("")
        lines.append(_("Press Esc to close. ctrl+p opens the command palette."))
        with VerticalScroll():
            yield Markdown("\n".join(lines))

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
