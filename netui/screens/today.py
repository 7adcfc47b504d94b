"""Today (t): what to do today, in sections, every row something to act on."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from netui import agenda, present
from netui.errors import NetuiError
from netui.i18n import N_, _
from netui.screens.translated import TranslatedBindings
from netui.store.session import worker_connection
from netui.widgets.footer import KeysFooter

LOOK_AHEAD_DAYS = 7
# What each key does on each kind of row (a key missing for a kind is hidden there).
ROW_ACTIONS = {
    "done": ("followup", "appointment"),
    "done_and_log": ("followup",),
    "snooze": ("followup", "appointment", "cadence"),
    "reschedule": ("followup",),
    "log": ("followup", "appointment", "date", "cadence"),
    "open": ("followup", "appointment", "date", "cadence", "event"),
}


def row_text(row: agenda.AgendaRow) -> Text:
    """The row's when in a column (short words: netui.present.agenda_when), then who and what."""
    text = Text("  ")
    late = row.kind in ("followup", "cadence") and row.days > 0
    when = present.agenda_when(row)
    text.append(f"{when:<22}" if len(when) < 22 else f"{when}  ", style="bold red" if late else "bold")
    if row.names:
        text.append(", ".join(row.names), style="bold")
        text.append(" — ")
    text.append(row.label)
    detail = present.agenda_detail(row)
    if detail:
        text.append(f"  ({detail})", style="dim")
    return text


class TodayScreen(TranslatedBindings, Screen):
    """The agenda of netui.agenda.today_agenda; the app does the work (netui.screens.actions)."""

    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("enter", "open", N_("Open"), tooltip=N_("Open the person or event")),
        Binding("d", "done", N_("Done"), tooltip=N_("Mark the follow-up or appointment done")),
        Binding("D", "done_and_log", N_("Done + log"), tooltip=N_("Mark the follow-up done and log the interaction")),
        Binding("s", "snooze", N_("Snooze"),
                tooltip=N_("Snooze the follow-up or keep-in-touch; skip this appointment")),
        Binding("r", "reschedule", N_("Reschedule"), tooltip=N_("Move the follow-up to another day")),
        Binding("l", "log", N_("Log"), tooltip=N_("Log an interaction with them")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    def __init__(self, days: int = LOOK_AHEAD_DAYS) -> None:
        super().__init__()
        self.days = days
        self.rows: dict[str, agenda.AgendaRow] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="today-summary", classes="pane-title")
        yield OptionList(id="today-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="today", exit_on_error=False)
    def reload(self) -> None:
        try:
            with worker_connection():
                found = agenda.today_agenda(self.days)
        except NetuiError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, found)

    def _show(self, found: agenda.Agenda) -> None:
        options = self.query_one(OptionList)
        keep = options.highlighted_option.id if options.highlighted_option else None
        self.rows.clear()
        items: list[Option] = []
        counts = []
        for section in found.sections:
            if not section.rows:
                continue
            counts.append(f"{section.title.lower()}: {len(section.rows)}")
            items.append(Option(Text(f"{section.title} ({len(section.rows)})", style="bold reverse"),
                                id=f"section-{section.key}", disabled=True))
            for index, row in enumerate(section.rows):
                key = f"{section.key}-{index}-{row.kind}-{row.id}"
                self.rows[key] = row
                items.append(Option(row_text(row), id=key))
        options.clear_options()
        options.add_options(items)
        day = present.long_day(found.today)
        summary = _("Today, {day} — ", day=day) + ("; ".join(counts) if counts else _("nothing to do. Enjoy it."))
        self.query_one("#today-summary", Static).update(Text(summary))
        ids = [option.id for option in items if not option.disabled]
        if ids:
            options.highlighted = next((i for i, o in enumerate(items) if o.id == keep), None) or \
                next(i for i, o in enumerate(items) if not o.disabled)
        options.focus()
        self.refresh_bindings()

    @property
    def current(self) -> agenda.AgendaRow | None:
        option = self.query_one(OptionList).highlighted_option
        return self.rows.get(option.id) if option is not None else None

    def check_action(self, action: str, parameters) -> bool | None:
        kinds = ROW_ACTIONS.get(action)
        if kinds is None:
            return True
        row = self.current
        return row is not None and row.kind in kinds

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if row := self.current:
            if row.kind == "event":
                self.app.open_event(row.id)
            elif row.contact_ids:
                self.app.open_contact(row.contact_ids[0])

    def action_done(self) -> None:
        if row := self.current:
            self.app.agenda_done(row, log=False)

    def action_done_and_log(self) -> None:
        if row := self.current:
            self.app.agenda_done(row, log=True)

    def action_snooze(self) -> None:
        if row := self.current:
            self.app.agenda_snooze(row)

    def action_reschedule(self) -> None:
        if row := self.current:
            self.app.reschedule_followup(row.id)

    def action_log(self) -> None:
        if row := self.current:
            self.app.log_interaction(row.contact_ids)
