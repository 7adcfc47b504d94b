"""Capture mode: one line per person, Enter saves, the field clears for the next one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from netui import capture, duplicates
from netui.capture_line import EXAMPLE_LINE
from netui.errors import NetuiError, ValidationError
from netui.i18n import N_, _, ngettext
from netui.when import typed_date
from netui.screens.base import NetuiScreen
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.lists import VimOptionList
from netui.widgets.title_bar import TitleBar


# Why a line is taken as an existing contact (netui.contacts.MATCH_REASONS, the name matches
# and the user's own choice), as shown on screen.
MATCH_REASONS = (N_("same e-mail"), N_("same LinkedIn profile"), N_("same phone number"),
                 N_("same name and company"), N_("same name"), N_("chosen"))


def candidate_text(candidate: capture.CaptureMatch) -> str:
    """'Franco Neri · Acme (#12)': one of the people a name alone may be."""
    who = f"{candidate.name} · {candidate.company}" if candidate.company else candidate.name
    return f"{who} (#{candidate.contact_id})"


def preview_text(found: capture.CapturePreview) -> Text:
    """What Enter would save, one field per line."""
    line = found.line
    text = Text()
    if found.needs_choice:
        text.append(ngettext("{n} person is called {name}: Enter, then choose who this is",
                             "{n} people are called {name}: Enter, then choose who this is",
                             len(found.candidates), name=line.name) + "\n", style="bold yellow")
        for candidate in found.candidates:
            text.append(f"  {candidate_text(candidate)}\n")
    elif found.match:
        text.append(_("Updates {name} ({reason})", name=found.match.name, reason=_(found.match.reason)) + "\n",
                    style="bold yellow")
    else:
        text.append(_("New contact") + "\n", style="bold green")
        if found.name_may_hold_the_note:
            text.append(_("Is all of \"{name}\" the name? A comma ends it: {first}, …",
                          name=line.name, first=" ".join(line.name.split()[:2])) + "\n", style="bold yellow")
        for likeness in found.looks_like:  # said before saving: a twin is easier not made than merged
            text.append(_("Looks like {who}", who=likeness.text()) + "\n", style="bold yellow")
    if found.wish:
        text.append(_("On the list to meet at {event}: becomes a contact, met there", event=found.event.title) + "\n",
                    style="bold cyan")
    if found.event and found.event.upcoming and found.event.starts_on:
        text.append(_("{event} starts on {day}: recorded as to meet", event=found.event.title,
                      day=typed_date(found.event.starts_on)) + "\n", style="bold cyan")
    if found.introducer and not found.introducer.contact_id:
        text.append(capture.introducer_text(found.introducer) + "\n", style="yellow")
    rows = [
        (_("Name"), line.name), (_("Company"), line.company), (_("Role"), line.role),
        (_("Tags"), " ".join(f"#{t}" for t in line.tags)), (_("E-mail"), ", ".join(line.emails)),
        (_("Phone"), ", ".join(line.phones)), (_("LinkedIn"), ", ".join(line.linkedin)),
        (_("Facts"), "; ".join(f"{label}: {value}" for label, value in line.facts)),
        (_("Follow up"), typed_date(found.due)), (_("Note"), line.note),
    ]
    if found.introducer and found.introducer.contact_id:  # only then: the labels' width stays
        rows.insert(-2, (_("Introduced by"), found.introducer.name))
    width = max(len(label) for label, _v in rows) + 2
    for label, value in rows:
        if value:
            text.append(f"{label}:".ljust(width), style="bold")
            text.append(f"{value}\n")
    text.rstrip()
    return text


def saved_line(result: capture.CaptureResult, first: bool = True) -> str:
    """'Added Giulia Rossi · follow up 2026-12-03' (the status line) or, further down the
    session's log, 'added Giulia Rossi · …'."""
    due = typed_date(result.due)
    if result.created:
        line = _("Added {name} · follow up {due}", name=result.name, due=due)
    else:
        line = _("Updated {name} · follow up {due}", name=result.name, due=due)
    return line if first else line[:1].lower() + line[1:]


class CaptureChoice(VimOptionList):
    """Who a line is, when several people share its name alone: one of them, or someone new."""

    BINDINGS = [
        Binding("enter", "select", N_("Save as this person"), tooltip=N_("Save the line as the highlighted person")),
        Binding("escape", "back_to_line", N_("Back to the line"), tooltip=N_("Back to the line, saving nothing")),
    ]

    def action_back_to_line(self) -> None:
        self.screen.back_to_line()


class CaptureScreen(NetuiScreen):
    APP_KEYS_OFF = ("capture", "today")  # not opened from itself, nor Today over it (NetuiApp.check_action)
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Leave capture mode")),
        Binding("ctrl+z", "undo_capture", N_("Undo last"), tooltip=N_("Take back the last capture exactly")),
    ]
    AUTO_FOCUS = "#capture-line"
    recovers_captures = True  # brings lines left waiting back itself (NetuiApp.recover_captures)

    def __init__(self, event_id: int | None = None) -> None:
        super().__init__()
        self.event_id = event_id
        self.captured: list[capture.CaptureResult] = []
        # The line in the field once Enter wrote it down (netui.capture.journal) and until it is
        # applied: its waiting line's id. It stays written down while the choice is open or its
        # error shown -- never lost -- and a changed line takes its place.
        self.held: int | None = None
        self._restored: str | None = None  # a waiting line put back in the field (its choice stays open)
        self._refusal_shown = False  # the status says why Enter did not save the line in the field

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="capture"):
            yield Label("", id="capture-event", classes="pane-title")
            yield Select([], prompt=_("No event"), id="capture-event-choice", compact=True)
            yield Input(placeholder=_("e.g. {line}", line=_(EXAMPLE_LINE)), id="capture-line")
            yield Static("", id="capture-status")
            yield Static("", id="capture-preview")
            yield CaptureChoice(id="capture-choice")
            yield Label(_("Captured in this session"), classes="pane-title")
            yield OptionList(id="capture-log")
        yield KeysFooter()

    def on_mount(self) -> None:
        choice = self.query_one("#capture-event-choice", Select)
        if self.event_id is not None:
            choice.display = False
        else:
            today = capture.todays_events()
            choice.set_options((e.title, e.id) for e in today)
            if len(today) == 1:
                choice.value = today[0].id
        self._show_event()
        self._show_preview("")
        self.query_one("#capture-choice").display = False
        draft, self.app.capture_draft = self.app.capture_draft, ""
        if draft:  # left with Esc last time, before Enter
            line = self.query_one("#capture-line", Input)
            line.value = draft
            line.cursor_position = len(draft)
        # The preview warns of look-alikes: the network they are looked for in is read now.
        run_in_thread(self, duplicates.read_network_ahead, group="look-alikes")
        # Lines written down and never applied (netui stopped, or one left for later): applied
        # now, or the first that needs the user comes back into the field.
        run_in_thread(self, lambda: capture.recover(skip=lambda pending_id: pending_id == self.held),
                      done=self._recovered, group="capture-recover")

    @on(Select.Changed, "#capture-event-choice")
    def event_chosen(self, event: Select.Changed) -> None:
        self.event_id = event.value if isinstance(event.value, int) else None
        self._show_event()
        self.query_one("#capture-line", Input).focus()

    def _show_event(self) -> None:
        title = capture.events.event_title(self.event_id) if self.event_id else None
        label = _("Capturing at {event}", event=title) if title else _("Capturing (no event)")
        self.query_one("#capture-event", Label).update(Text(label))

    @on(Input.Changed, "#capture-line")
    def typed(self, event: Input.Changed) -> None:
        if event.value != self._restored:
            self.query_one("#capture-choice").display = False  # the choice was for the line as it was
        self._restored = None
        if self._refusal_shown:  # it was about the line as it was
            self._refusal_shown = False
            self.query_one("#capture-status", Static).update("")
        if not event.value and self.held is not None:  # the user emptied the field: the line goes
            held, self.held = self.held, None
            run_in_thread(self, lambda: capture.discard(held), group="capture-discard")
        self._show_preview(event.value)

    def _show_preview(self, value: str) -> None:
        preview = self.query_one("#capture-preview", Static)
        if not value.strip():
            preview.update(Text(_("Type: name @Company \"Role\" #tag e-mail phone !2d note — Enter saves."),
                                style="dim"))
            return
        # Who the line matches is a database question: asked off the UI thread, so typing
        # never waits for it; an answer for a line typed over since is dropped.
        event_id = self.event_id
        run_in_thread(self, lambda: capture.preview(value, event_id=event_id),
                      done=lambda found: self._preview_arrived(value, found),
                      failed=lambda error: self._preview_arrived(value, error),
                      group="capture-preview", exclusive=True, drop_cancelled=True)

    def _preview_arrived(self, value: str, found: capture.CapturePreview | NetuiError) -> None:
        if value != self.query_one("#capture-line", Input).value:
            return
        preview = self.query_one("#capture-preview", Static)
        if isinstance(found, NetuiError):
            preview.update(Text(found.message if isinstance(found, ValidationError) else str(found),
                                style="bold red"))
        else:
            preview.update(preview_text(found))

    @on(Input.Submitted, "#capture-line")
    def submitted(self, event: Input.Submitted) -> None:
        self._save(event.value)

    def _save(self, value: str, choice: int | str | None = None) -> None:
        """Enter: the line written down (durable: from here on it cannot be lost), then applied."""
        try:
            self.held = capture.journal(value, self.event_id, choice, replacing=self.held)
        except NetuiError as error:  # a bad line: nothing written, it stays in the field with the reason
            self._refused(error)
            return
        self._apply(value)

    def _apply(self, value: str, choice: int | str | None = None) -> None:
        """Make the person of the held line; when that fails it stays written down, in the field."""
        status = self.query_one("#capture-status", Static)
        line = self.query_one("#capture-line", Input)
        try:
            result = capture.apply(self.held, choice)
        except capture.LineGone as gone:  # another netui on this network saved it meanwhile
            self.held = None
            line.value = ""
            status.update(Text(str(gone), style="bold yellow"))
            self.app.publish_change()
            return
        except capture.SeveralPeopleError:
            self._offer_choice(value)
            return
        except NetuiError as error:  # the line stays in the field, with the reason
            self._refused(error)
            return
        self.held = None
        self.captured.append(result)
        self.app.publish_change()
        # Committed to disk above; only now does the field clear for the next person.
        line.value = ""
        self.query_one("#capture-choice").display = False
        line.focus()
        status.update(Text(saved_line(result), style="bold green"))
        self._show_log()

    def _refused(self, error: NetuiError) -> None:
        self.query_one("#capture-status", Static).update(Text(str(error), style="bold red"))
        self._refusal_shown = True
        self.query_one("#capture-line", Input).focus()

    def _recovered(self, found: tuple[list[capture.CaptureResult], list[capture.WaitingLine]]) -> None:
        """Lines written down earlier: those applied now join the session's list; the first that
        needs the user comes back into the field, with what it needs (when the field is free)."""
        applied, waiting = found
        status = self.query_one("#capture-status", Static)
        if applied:
            self.captured.extend(applied)
            self._show_log()
            self.app.publish_change()
            status.update(Text(ngettext(
                "Saved {n} line typed earlier that had not been saved yet.",
                "Saved {n} lines typed earlier that had not been saved yet.", len(applied)), style="bold green"))
        line = self.query_one("#capture-line", Input)
        if not waiting or self.held is not None or line.value:
            return
        first = waiting[0]
        self.held = first.id
        if first.event_id != self.event_id:  # applied at the event it was typed at: shown so
            self.event_id = first.event_id
            try:
                self._show_event()
            except NetuiError:  # deleted since: Enter saves the line without it
                self.event_id = None
                self._show_event()
        self._restored = line.value = first.line
        if isinstance(first.problem, capture.SeveralPeopleError):
            self._offer_choice(first.line)
        else:
            status.update(Text(_("Not saved yet: {line}", line=capture.waiting_text(first)), style="bold yellow"))
            line.focus()

    def _offer_choice(self, value: str) -> None:
        """Several people have the line's name alone: list them and someone new; ↑/↓ and
        Enter save the line as the one highlighted, Esc goes back to the line."""
        found = capture.preview(value, event_id=self.event_id)
        choice = self.query_one("#capture-choice", CaptureChoice)
        choice.clear_options()
        # Text: a name with [brackets] is not markup.
        choice.add_options([Option(Text(candidate_text(c)), id=str(c.contact_id)) for c in found.candidates]
                           + [Option(Text(_("A new person called {name}", name=found.line.name)),
                                     id=capture.NEW_PERSON)])
        choice.display = True
        choice.highlighted = 0
        choice.focus()
        self.query_one("#capture-status", Static).update(
            Text(_("Who is this? ↑/↓ and Enter save the line as that person; Esc goes back to the line."),
                 style="bold yellow"))

    @on(OptionList.OptionSelected, "#capture-choice")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        picked = event.option.id
        value = self.query_one("#capture-line", Input).value
        choice = capture.NEW_PERSON if picked == capture.NEW_PERSON else int(picked)
        if self.held is None:
            self._save(value, choice)
        else:  # the line written down at Enter, as it is: who it is is all that was missing
            self._apply(value, choice)

    def back_to_line(self) -> None:
        self.query_one("#capture-choice").display = False
        self.query_one("#capture-status", Static).update("")
        self.query_one("#capture-line", Input).focus()

    def _show_log(self) -> None:
        log = self.query_one("#capture-log", OptionList)
        log.clear_options()
        log.add_options(
            Text(saved_line(r, first=False)) for r in reversed(self.captured)
        )

    def action_undo_capture(self) -> None:
        status = self.query_one("#capture-status", Static)
        if not self.captured:
            status.update(Text(_("Nothing captured yet in this session."), style="yellow"))
            return
        result = self.captured.pop()
        capture.undo_capture(result.undo)
        self.app.publish_change()
        status.update(Text(_("Took back {name}.", name=result.name), style="bold yellow"))
        self._show_log()

    def action_back(self) -> None:
        typed = self.query_one("#capture-line", Input).value
        if self.held is not None:
            self.app.notify(_("The line in the field is not saved yet: it comes back the next time you capture (c)."),
                            severity="warning", timeout=10)
        elif typed.strip():  # typed, never Entered: kept for the next capture, not lost to a stray Esc
            self.app.capture_draft = typed
            self.app.notify(_("The line you were typing is kept, not saved: it is back in the field the next "
                              "time you capture (c)."), severity="warning", timeout=10)
        self.app.pop_screen()
