"""Today (t): what to do today, in sections, every row something to act on.

My follow-ups (those I own, and nobody's), or the whole team's with `T` (netui.agenda, netui.team).

Shown in two steps (netui.agenda.first_rows, then complete_agenda): the first rows at once, then the whole agenda
once it is computed (on 100,000 people the keep-in-touch pass takes most of a second)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from netui import agenda, followups, present
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.screens import flows
from netui.screens.base import DataScreen
from netui.screens.guard import reports_errors
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

LOOK_AHEAD_DAYS = 7
# What each key does on each kind of row (a key missing for a kind is hidden there).
ROW_ACTIONS = {
    "done": agenda.COMPLETABLE_KINDS,
    "done_and_log": ("followup",),
    "snooze": agenda.SNOOZABLE_KINDS,
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


class TodayScreen(DataScreen):
    """The agenda of netui.agenda.today_agenda; d, D and s act on a row through netui.agenda."""

    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("enter", "open", N_("Open"), tooltip=N_("Open the person or event")),
        Binding("d", "done", N_("Done"), tooltip=N_("Mark the follow-up or appointment done")),
        Binding("D", "done_and_log", N_("Done + log"), tooltip=N_("Mark the follow-up done and log the interaction")),
        Binding("s", "snooze", N_("Snooze"),
                tooltip=N_("Snooze the follow-up or keep-in-touch; skip this appointment")),
        Binding("r", "reschedule", N_("Reschedule"), tooltip=N_("Move the follow-up to another day")),
        Binding("l", "log", N_("Log"), tooltip=N_("Log an interaction with them")),
        # Not in the footer (on a file one person uses nothing changes): the summary names it
        # when the team has follow-ups due; ? lists it.
        Binding("T", "toggle_team", N_("Team / mine"), show=False, tooltip=N_("The whole team's follow-ups, or only mine")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    def __init__(self, days: int = LOOK_AHEAD_DAYS, team: bool = False) -> None:
        super().__init__()
        self.days = days
        self.team = team  # the whole team's follow-ups, not only mine
        self.rows: dict[str, agenda.AgendaRow] = {}
        self._asked = 0  # which reload the steps arriving belong to: an older one's are dropped

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="today-summary", classes="pane-title")
        yield OptionList(id="today-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """One worker: the first rows (cheap queries) shown as soon as they are read, then the
        whole agenda (netui.agenda.first_rows, complete_agenda); a newer reload's replace these."""
        self._asked += 1
        asked, team = self._asked, self.team

        def steps() -> None:
            head = agenda.first_rows(self.days, team=team)
            self.app.call_from_thread(self._step, head, asked)
            if not get_current_worker().is_cancelled and not all(s.complete for s in head.sections):
                self.app.call_from_thread(self._step, agenda.complete_agenda(head), asked)

        run_in_thread(self, steps, group="today", exclusive=True)

    def _step(self, found: agenda.Agenda, asked: int) -> None:
        if asked == self._asked and self.is_attached:
            self._show(found)

    @property
    def all_shown(self) -> bool:
        """Whether the whole agenda is shown (not only its first rows)."""
        return not self.query_one("#today-summary", Static).has_class("-loading")

    def _show(self, found: agenda.Agenda) -> None:
        options = self.query_one(OptionList)
        keep = options.highlighted_option.id if options.highlighted_option else None
        self.rows.clear()
        items: list[Option] = []
        counts = []
        for section in found.sections:
            if not section.complete and not section.rows:  # not computed yet: a title that says so
                items.append(Option(Text(f"{section.title} (…)", style="bold reverse"),
                                    id=f"section-{section.key}", disabled=True))
                continue
            if not section.rows:
                continue
            count = f"{len(section.rows)}" if section.complete else f"{len(section.rows)}+"
            counts.append(f"{section.title.lower()}: {count}")
            items.append(Option(Text(f"{section.title} ({count})", style="bold reverse"),
                                id=f"section-{section.key}", disabled=True))
            for index, row in enumerate(section.rows):
                key = f"{section.key}-{index}-{row.kind}-{row.id}"
                self.rows[key] = row
                items.append(Option(row_text(row), id=key))
        options.clear_options()
        options.add_options(items)
        day = present.long_day(found.today)
        if found.team:
            counts.insert(0, _("the team's follow-ups"))
        elif found.others_due:
            counts.append(ngettext("{n} more of the team's (T)", "{n} more of the team's (T)", found.others_due))
        pending = not all(section.complete for section in found.sections)
        if pending:
            summary = _("Today, {day} — ", day=day) + "; ".join(counts + [_("still looking…")])
        else:
            summary = _("Today, {day} — ", day=day) + ("; ".join(counts) if counts else _("nothing to do. Enjoy it."))
        shown = self.query_one("#today-summary", Static)
        shown.update(Text(summary))
        shown.set_class(pending, "-loading")
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

    def action_toggle_team(self) -> None:
        """Everyone's follow-ups, or back to mine."""
        self.team = not self.team
        self.reload()

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
            self._done(row, log=False)

    def action_done_and_log(self) -> None:
        if row := self.current:
            self._done(row, log=True)

    def action_snooze(self) -> None:
        if row := self.current:
            self._snooze(row)

    def action_reschedule(self) -> None:
        if row := self.current:
            flows.reschedule_followup(self.app, row.id)

    def action_log(self) -> None:
        if row := self.current:
            flows.log_interaction(self.app, row.contact_ids)

    @reports_errors
    def _done(self, row: agenda.AgendaRow, log: bool) -> None:
        """A follow-up completed (and, with `log`, its interaction logged); an appointment's
        occurrence marked done (which logs it)."""
        item = followups.get_followup(row.id) if row.kind == "followup" else None
        logged = agenda.complete(row, log)
        self.app.publish_change()
        if item is None:
            self.notify(_("Done: {title} with {names}; logged on the timeline.", title=row.label,
                          names=", ".join(row.names)))
            return
        action = item.action or _("Follow up")
        self.notify(_("Done: {action}; logged {kind} with {name}.", action=action, kind=label(logged),
                      name=item.contact_name)
                    if log else _("Done: {action} ({name}).", action=action, name=item.contact_name))

    @reports_errors
    def _snooze(self, row: agenda.AgendaRow) -> None:
        """A follow-up or a keep-in-touch put off some days (a form asks how many); an
        appointment's occurrence skipped."""
        if not agenda.snooze_asks_days(row):
            agenda.snooze(row)
            self.app.publish_change()
            self.notify(_("Skipped {title} on {day}.", title=row.label, day=row.on.isoformat()))
            return
        if row.kind == "followup":
            flows.snooze_followup(self.app, row.id)
            return
        from netui.screens.forms.snooze_form import SnoozeForm, snooze_days

        def submit(values: dict) -> None:
            until = agenda.snooze(row, snooze_days(values["days"]))
            self.notify(_("Snoozed until {day}.", day=until.isoformat()))

        what = _("keeping in touch with {name}", name=row.names[0])
        self.app.push_screen(SnoozeForm(_("Snooze"), {"days": "7", "what": what}, submit))
