"""The timeline pane: interactions, newest first (the screen supplies them)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from netui.i18n import _
from netui.labels import label
from netui.present import logged_by_words
from netui.timeline import InteractionInfo
from netui.when import local_day
from netui.widgets.lists import BOLD, DIM, ITALIC_DIM, VimOptionList

KIND_ICONS = {
    "meeting": "☕", "call": "☎", "video": "▶", "email": "✉", "message": "✎",
    "social": "♥", "event": "★", "note": "•",
}


def interaction_line(info: InteractionInfo, hide_contact: int | None = None) -> Text:
    """One interaction as a line: when, kind, who, what."""
    people = [p.name for p in info.participants if p.id != hide_contact]
    line = Text()
    line.append(local_day(info.occurred_at), style=BOLD)
    line.append(f" {KIND_ICONS.get(info.kind, '•')} ")
    what = info.summary or (info.notes.splitlines()[0] if info.notes else label(info.kind))
    line.append(what)
    if people:
        line.append(" · " + ", ".join(people), style=ITALIC_DIM)
    if info.event_title and info.event_title.casefold() not in what.casefold():  # not "Met at Fiera @ Fiera"
        line.append(f" @ {info.event_title}", style=DIM)
    if by := logged_by_words(info):  # another member's, in a team's network
        line.append(f" · {by}", style=DIM)
    return line


class TimelinePane(VimOptionList):
    """Newest first. Enter on a row posts OptionList.OptionSelected with the interaction id."""

    DEFAULT_CSS = """
    TimelinePane { height: 1fr; }
    """

    _shown: tuple | None = None

    def show(self, interactions: list[InteractionInfo], hide_contact: int | None = None) -> None:
        shown = (interactions, hide_contact)
        if shown == self._shown:
            return  # the same entries (the next key of a search kept the same person first): nothing to draw again
        self._shown = shown
        if not interactions:
            self.set_options([Option(Text(_("Nothing logged yet. Press l to log an interaction."), style=DIM),
                                     disabled=True)])
            return
        # One call: clearing and adding would lay the screen out twice.
        self.set_options([Option(interaction_line(info, hide_contact), id=f"interaction-{info.id}")
                          for info in interactions])
