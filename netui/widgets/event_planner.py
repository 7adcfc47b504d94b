"""The event planner pane: upcoming events grouped by status, then past ones."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets.option_list import Option

from netui.events import EVENT_STATUSES, EventSummary
from netui.i18n import N_, _
from netui.widgets.lists import BOLD, DIM, VimOptionList

from netui.when import local_day

# Translated when shown, so a catalogue installed later still applies.
STATUS_TITLES = {
    "idea": N_("Ideas"), "planned": N_("Planned"), "registered": N_("Registered"),
    "attended": N_("Attended"), "skipped": N_("Skipped"),
}


def event_line(event: EventSummary) -> Text:
    """Two lines: the title, then its date, place and people (each line cut to fit):

    Round table: the future of remote work
      2026-12-08 · Roma · 5 to meet, 2 met
    """
    details = [local_day(event.starts_at) if event.starts_at else _("no date")]
    if event.city or event.venue:
        details.append(event.city or event.venue)
    if event.to_meet or event.met:
        details.append(_("{to_meet} to meet, {met} met", to_meet=event.to_meet, met=event.met))
    line = Text(event.title)
    line.append("\n  " + " · ".join(details), style=DIM)
    return line


class EventPlanner(VimOptionList):
    """Selecting an event posts OptionList.OptionSelected with id 'event-<id>'."""

    BINDINGS = [Binding("enter", "select", N_("Open"), tooltip=N_("Open the highlighted event"))]

    DEFAULT_CSS = """
    EventPlanner { height: 1fr; }
    """

    def show(self, upcoming: list[EventSummary], past: list[EventSummary], past_total: int | None = None) -> None:
        """`past` are the latest past events, of `past_total` (None: they are all)."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        for status in EVENT_STATUSES:
            group = [e for e in upcoming if e.status == status]
            if group:
                self.add_option(Option(Text(f"{_(STATUS_TITLES[status])} ({len(group)})", style=BOLD), disabled=True))
                self.add_options(Option(event_line(e), id=f"event-{e.id}") for e in group)
        if past:
            if past_total is None or past_total <= len(past):
                heading = _("Past ({count})", count=len(past))
            else:
                heading = _("Past (the latest {shown} of {count})", shown=len(past), count=past_total)
            self.add_option(Option(Text(heading, style=BOLD), disabled=True))
            self.add_options(Option(event_line(e), id=f"event-{e.id}") for e in past)
        if not upcoming and not past:
            self.add_option(Option(Text(_("No events yet. N plans one."), style=DIM), disabled=True))
        self._highlight(highlighted)

    def _highlight(self, option_id: str | None) -> None:
        """Keep the cursor on the same event after a reload, else on the first event (not a heading)."""
        for index in range(self.option_count):
            option = self.get_option_at_index(index)
            if not option.disabled and (option_id is None or option.id == option_id):
                self.highlighted = index
                return
        if option_id is not None:
            self._highlight(None)
