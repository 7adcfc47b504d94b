"""The contact screen: everything about one person, and what you can do with them."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

import pendulum
from rich.text import Text
from textual.app import SuspendNotSupported
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from netui import brief, contacts, facts, followups, present, served, timeline, upkeep
from netui.i18n import N_, _, language, ngettext
from netui.dates import shown_label
from netui.labels import label
from netui.screens import flows
from netui.screens.base import DataScreen
from netui.screens.confirm import ConfirmScreen
from netui.screens.guard import reports_errors
from netui.when import local_zone, today
from netui.widgets.contact_list import WARMTH_MARKS
from netui.widgets.timeline_pane import TimelinePane
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar


WARMTH_COLOURS = {"warm": "green", "cooling": "yellow", "cold": "dim"}  # marks: the contact list's


def month_text(month) -> str:
    """'Dec 2025' / 'dic 2025'."""
    return pendulum.date(month.year, month.month, 1).format("MMM YYYY", locale=language())


def brief_text(seen: brief.MeetingBrief) -> Text:
    """Before meeting them: where you stand, how you met, what to remember, what is coming
    (the words are netui.present's, as `netui brief` prints them)."""
    text = Text()
    if seen.headline:
        text.append(seen.headline + "\n", style="bold")
    status = seen.keep_in_touch
    text.append(f"{WARMTH_MARKS.get(status.warmth, '')} ", style=WARMTH_COLOURS.get(status.warmth, ""))
    text.append(present.keep_in_touch_line(status) + "\n", style="red" if status.overdue else "")
    for line in (present.reach_line(seen.who_reaches_out), seen.how_we_met, present.give_and_take_line(seen.give_and_take),
                 present.came_through_line(seen.chain), present.known_in_team_line(seen.known_in_team)):
        if line:
            text.append(line + "\n")

    def block(title: str, lines: list[str]) -> None:
        if lines:
            text.append("\n" + title + "\n", style="bold")
            for item in lines:
                text.append(f"  {item}\n")

    block(_("Remember"), [present.fact_line(f) for f in seen.facts])
    block(_("Coming up"), [present.date_line(d) for d in seen.upcoming_dates]
          + [present.appointment_line(o) for o in seen.next_appointments])
    block(_("Introductions"), [present.introduction_line(i) for i in seen.introductions])
    # The open follow-ups are a list of their own under the brief (see followup_line): one is
    # chosen there to be marked done, snoozed or moved.
    last_time = []
    for info in seen.last_interactions:
        start = f"{info.occurred_at.in_timezone(local_zone()):%Y-%m-%d}  {label(info.kind)}  "
        first, *notes = present.interaction_lines(info) or [""]
        last_time += [start + first] + [" " * len(start) + line for line in notes]
    block(_("Last time"), last_time)
    text.rstrip()
    return text


def followup_line(item: followups.FollowUpInfo, day) -> Text:
    """One open follow-up in the contact's list, as seen on `day` (today):
    '2026-12-09  email  Send the deck · in 10 days'."""
    due, channel, action, words = present.followup_parts(item, day)
    text = Text()
    text.append(due, style="bold")
    if channel:
        text.append(f"  {channel}")
    text.append(f"  {action}")
    text.append(f" · {words}", style="red" if item.effective_due < day else "dim")
    return text


def detail_text(detail: contacts.ContactDetail) -> Text:
    """The rest of the contact's fields (the brief above has the facts and the follow-ups),
    as styled text; user text is never parsed as markup."""
    rows = [
        (_("Company"), detail.company), (_("Role"), detail.role), (_("City"), detail.city),
        (_("Country"), detail.country), (_("Circle"), label(detail.circle)),
        (_("Tags"), " ".join(f"#{t}" for t in detail.tags)),
    ]
    rows += [(label(c.kind), c.value + (f" ({label(c.label)})" if c.label else "")) for c in detail.channels]
    rows += [(shown_label(d.label), d.text) for d in detail.important_dates]
    text = Text()
    width = max((len(name) for name, value in rows if value), default=0) + 2
    for name, value in rows:
        if value:
            text.append(f"{name}:".ljust(width), style="bold")
            text.append(f"{value}\n")
    if detail.notes:
        text.append("\n" + _("Notes") + "\n", style="bold")
        text.append(detail.notes)
    text.rstrip()
    return text


ACTIVITY_MONTHS = 12


class ContactScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("e", "edit", N_("Edit"), tooltip=N_("Edit this contact")),
        Binding("l", "log", N_("Log"), tooltip=N_("Log an interaction with this person")),
        Binding("f", "followup", N_("Follow-up"), tooltip=N_("Add a follow-up")),
        Binding("k", "keep_in_touch", N_("Cadence"), tooltip=N_("Keep in touch: how often; snooze")),
        Binding("b", "add_date", N_("Date"), tooltip=N_("A birthday or another date to remember")),
        Binding("p", "appointment", N_("Recurring"), tooltip=N_("A recurring appointment with them")),
        Binding("w", "news", N_("News"), tooltip=N_("Their news (new job, promotion, award, book, child)")),
        Binding("g", "gave", N_("Gave"), tooltip=N_("A favour you did for them")),
        Binding("r", "received", N_("Received"), tooltip=N_("A favour they did for you")),
        Binding("i", "introduce", N_("Introduce"), tooltip=N_("Introduce them to someone")),
        Binding("d", "trash", N_("Trash"), tooltip=N_("Move to the trash (ctrl+z undoes)")),
        # Not in the footer (it is full): listed by ? and the palette.
        Binding("a", "add_fact", N_("Fact"), show=False,
                tooltip=N_("Something to remember about them: kids, partner, hobby, pet, an anecdote")),
        Binding("A", "change_fact", N_("Facts"), show=False, tooltip=N_("Change or remove one of their facts")),
        Binding("ctrl+e", "edit_notes", N_("Notes in $EDITOR"), show=False, tooltip=N_("Write the notes in your own editor")),
        # The highlighted one of the open follow-ups listed under the brief (the list's title
        # names these keys; ↑/↓ there choose another).
        Binding("m", "followup_done", N_("Done"), show=False,
                tooltip=N_("Mark the chosen follow-up done, due or not yet")),
        Binding("s", "followup_snooze", N_("Snooze"), show=False, tooltip=N_("Put the chosen follow-up off some days")),
        Binding("R", "followup_reschedule", N_("Reschedule"), show=False,
                tooltip=N_("Move the chosen follow-up to another day, or change what to send")),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="contact-detail"):
            yield Label("", id="contact-name", classes="pane-title")
            yield Static("", id="contact-brief")
            yield Label("", id="contact-followups-title")
            # Arrows only: j/k would mean two things here (k is the cadence key).
            yield OptionList(id="contact-followups")
            yield Label("", id="contact-activity-title", classes="field-label")
            yield Sparkline([], id="contact-activity")
            yield Label(_("Details"), classes="pane-title")
            yield Static("", id="contact-fields")
            yield Label(_("Timeline"), classes="pane-title")
            yield TimelinePane(id="contact-timeline")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        detail = contacts.get_contact(self.contact_id)
        star = "★ " if detail.starred else ""
        self.query_one("#contact-name", Label).update(Text(f"{star}{detail.name}"))
        seen = brief.meeting_brief(self.contact_id)
        self.query_one("#contact-brief", Static).update(brief_text(seen))
        self._show_followups(seen.open_followups)
        months = timeline.monthly_activity(self.contact_id, months=ACTIVITY_MONTHS)
        counts = [m.count for m in months]
        self.query_one("#contact-activity-title", Label).update(ngettext(
            "Activity, {first} – {last}: {n} interaction (busiest month: {most})",
            "Activity, {first} – {last}: {n} interactions (busiest month: {most})", sum(counts),
            first=month_text(months[0].month), last=month_text(months[-1].month), most=max(counts, default=0)))
        self.query_one(Sparkline).data = counts
        self.query_one("#contact-fields", Static).update(detail_text(detail))
        self.query_one(TimelinePane).show(timeline.contact_timeline(self.contact_id, limit=200), hide_contact=self.contact_id)

    def _show_followups(self, open_ones: list[followups.FollowUpInfo]) -> None:
        """The open follow-ups, due or not yet, the highlight kept on the one it was on."""
        listing = self.query_one("#contact-followups", OptionList)
        title = self.query_one("#contact-followups-title", Label)
        kept = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        listing.display = title.display = bool(open_ones)
        if not open_ones:
            return
        heading = Text(_("Follow-ups"), style="bold")
        heading.append("  " + _("m done · s snooze · R another day (tab, ↑↓: choose)"), style="dim")
        title.update(heading)
        day = today()
        listing.add_options(Option(followup_line(item, day), id=f"followup-{item.id}") for item in open_ones)
        ids = [f"followup-{item.id}" for item in open_ones]
        listing.highlighted = ids.index(kept) if kept in ids else 0

    def chosen_followup(self) -> int | None:
        """The follow-up highlighted in the list (None, and a notice, when there is none)."""
        option = self.query_one("#contact-followups", OptionList).highlighted_option
        if option is None or option.id is None:
            self.notify(_("No open follow-ups with {name}; f adds one.",
                          name=contacts.get_contact(self.contact_id).name), severity="warning")
            return None
        return int(option.id.removeprefix("followup-"))

    def action_followup_done(self) -> None:
        if (chosen := self.chosen_followup()) is not None:
            flows.complete_followup(self.app, chosen)

    def action_followup_snooze(self) -> None:
        if (chosen := self.chosen_followup()) is not None:
            flows.snooze_followup(self.app, chosen)

    def action_followup_reschedule(self) -> None:
        if (chosen := self.chosen_followup()) is not None:
            flows.reschedule_followup(self.app, chosen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_log(self) -> None:
        flows.log_interaction(self.app, (self.contact_id,))

    def action_appointment(self) -> None:
        flows.new_appointment(self.app, (self.contact_id,))

    def action_chain(self) -> None:
        self.app.open_chain(self.contact_id)

    def action_trash(self) -> None:
        flows.trash_contact(self.app, self.contact_id, leave_screen=True)

    # --- flows: a form, then the domain call (the form publishes the change) ---------------

    @property
    def name_shown(self) -> str:
        return contacts.get_contact(self.contact_id).name

    def action_edit(self) -> None:
        from netui import editing
        from netui.screens.forms.contact_form import ContactForm

        detail = contacts.get_contact(self.contact_id)  # what the form shows
        seen = [None]  # after a conflict: the contact as the user was shown it

        def submit(form_values: dict) -> None:
            from netui.errors import EditConflictError

            try:
                kept = editing.save_form(self.contact_id, form_values, detail, seen[0])
            except EditConflictError as conflict:
                seen[0] = conflict.current  # seen: saving again writes over it
                raise
            if kept:
                self.notify(_("Saved {name}, with the changes made meanwhile kept: {changes}.", name=self.name_shown,
                              changes="; ".join(editing.change_text(change) for change in kept)))
            else:
                self.notify(_("Saved {name}.", name=self.name_shown))

        self.app.push_screen(ContactForm(_("Edit {name}", name=detail.name), editing.form_values(detail), submit,
                                         flows.find_people))

    def action_followup(self) -> None:
        from netui.screens.forms.followup_form import FollowUpForm

        name = self.name_shown

        def submit(values: dict) -> None:
            followups.create_followup(self.contact_id, values["due_on"], values["action"], values["channel"])
            self.notify(_("Follow-up with {name} added.", name=name))

        initial = {"due_on": _("in 2 days"), "channel": "", "action": ""}
        self.app.push_screen(FollowUpForm(_("Follow up with {name}", name=name), initial, submit))

    def action_keep_in_touch(self) -> None:
        from netui.screens.forms.cadence_form import CadenceForm

        name = self.name_shown

        def submit(values: dict) -> None:
            upkeep.set_cadence(self.contact_id, values["every"])
            if values["snooze_days"]:
                upkeep.snooze_cadence(self.contact_id, values["snooze_days"])
            status = upkeep.keep_in_touch(self.contact_id)
            self.notify(_("Keep in touch with {name}: {every}.", name=name,
                          every=upkeep.cadence_label(status.cadence_days)))

        status = upkeep.keep_in_touch(self.contact_id)
        self.app.push_screen(CadenceForm(_("Keep in touch with {name}", name=name), {"status": status}, submit))

    def action_add_date(self) -> None:
        from netui import dates
        from netui.screens.forms.date_form import ImportantDateForm

        name = self.name_shown

        def submit(values: dict) -> None:
            dates.add_date(self.contact_id, **values)
            self.notify(_("Added {label} of {name}.", label=dates.shown_label(values["label"]), name=name))

        self.app.push_screen(ImportantDateForm(_("A date to remember for {name}", name=name), {}, submit))

    def action_add_fact(self) -> None:
        from netui.screens.forms.fact_form import FactForm

        name = self.name_shown

        def submit(values: dict) -> None:
            contacts.add_fact(self.contact_id, **values)
            self.notify(_("Added to {name}: {label}: {value}.", name=name, **values))

        self.app.push_screen(FactForm(_("Something to remember about {name}", name=name), {}, submit))

    def action_change_fact(self) -> None:
        """Choose one of their facts (↑/↓), then Enter changes it, x removes it (after a yes)."""
        from netui.screens.forms.fact_form import FactChoice

        name = self.name_shown
        known = facts.facts_of(self.contact_id)
        if not known:
            self.notify(_("No facts about {name} yet; a adds one.", name=name), severity="warning")
            return

        def chosen(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                what, fact_id = choice
                [fact] = [f for f in known if f.id == fact_id]
                (self._edit_fact if what == "edit" else self._remove_fact)(fact)

        self.app.push_screen(FactChoice(_("What you remember about {name}", name=name), known), chosen)

    def _edit_fact(self, fact: contacts.FactInfo) -> None:
        from netui.screens.forms.fact_form import FactForm

        name = self.name_shown

        def submit(values: dict) -> None:
            facts.change_fact(fact.id, **values)
            self.notify(_("Changed for {name}: {label}: {value}.", name=name, **values))

        self.app.push_screen(FactForm(_("Change a fact about {name}", name=name),
                                      {"label": fact.label, "value": fact.value}, submit))

    def _remove_fact(self, fact: contacts.FactInfo) -> None:
        question = _("Remove {fact} from {name}?", fact=present.fact_line(fact), name=self.name_shown)
        self.app.push_screen(ConfirmScreen(question), lambda yes: self._fact_removal_answered(fact, yes))

    @reports_errors
    def _fact_removal_answered(self, fact: contacts.FactInfo, yes: bool | None) -> None:
        if yes:
            contacts.remove_fact(fact.id)
            self.app.publish_change()
            self.notify(_("Removed from {name}: {facts}.", name=self.name_shown, facts=present.fact_line(fact)))

    def action_news(self) -> None:
        """Their news (a milestone): logged, and a congratulation follow-up if the user wants."""
        from netui.screens.forms.milestone_form import MilestoneForm

        name = self.name_shown

        def submit(values: dict) -> None:
            offer = timeline.log_milestone([self.contact_id], values["milestone"], values["note"], values["when"])
            if values["congratulate"]:
                followups.accept_offer(offer)
                self.notify(_("Logged: {milestone}. Follow-up: {action} by {day}.", milestone=label(offer.milestone),
                              action=offer.action, day=offer.due_on.isoformat()))
            else:
                self.notify(_("Logged: {milestone}.", milestone=label(offer.milestone)))

        self.app.push_screen(MilestoneForm(_("News from {name}", name=name), {"when": _("now")}, submit))

    def action_gave(self) -> None:
        self._record_favour("gave")

    def action_received(self) -> None:
        self._record_favour("received")

    def _record_favour(self, direction: str) -> None:
        from netui import giving
        from netui.screens.forms.favour_form import FavourForm

        name = self.name_shown

        def submit(values: dict) -> None:
            giving.record_favour(self.contact_id, direction, **values)
            ledger = giving.balance(self.contact_id)
            self.notify(_("Recorded. With {name}: you gave {given}, received {received}.", name=name,
                          given=ledger.given, received=ledger.received))

        title = (_("A favour you did for {name}", name=name) if direction == "gave"
                 else _("A favour {name} did for you", name=name))
        hint = _("in 2 weeks: check it helped") if direction == "gave" else _("tomorrow: thank them")
        self.app.push_screen(FavourForm(title, {"followup_hint": hint}, submit))

    def action_introduce(self) -> None:
        from netui import giving
        from netui.screens.forms.introduce_form import IntroduceForm

        def submit(values: dict) -> None:
            introduction_id = giving.introduce(self.contact_id, values["other_id"], values["reason"], values["on"],
                                               values["status"])
            info = giving.get_introduction(introduction_id)
            pair = {"a": info.person_a_name, "b": info.person_b_name}
            if values["status"] == "made" and values["followup"]:
                offer = giving.introduction_offer(introduction_id)
                giving.accept_introduction_offer(offer)
                message = _("Introduced {a} to {b}; follow-ups with both by {day}.", **pair,
                            day=offer.due_on.isoformat())
            elif values["status"] == "made":
                message = _("Introduced {a} to {b}.", **pair)
            else:
                message = _("Introduction of {a} to {b} noted as an idea.", **pair)
            self.notify(message)

        self.app.push_screen(IntroduceForm(_("Introduce {name} to…", name=self.name_shown), {},
                                           flows.find_people, submit))

    @reports_errors
    def action_edit_notes(self) -> None:
        """Long notes are best written in the user's own editor ($VISUAL or $EDITOR)."""
        detail = contacts.get_contact(self.contact_id)
        notes = self._notes_from_editor(detail.notes)
        if notes is not None and notes != detail.notes:
            contacts.update_contact(self.contact_id, notes=notes)
            self.app.publish_change()
            self.notify(_("Notes of {name} saved.", name=detail.name))

    def _notes_from_editor(self, notes: str) -> str | None:
        """The notes as the editor left them; None (and a notice) when it failed."""
        if served.is_served():  # the editor would wait on the server's terminal, unseen
            self.notify(_("Your own editor is not available in the browser: write the notes here (e)."),
                        severity="warning")
            return None
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        # A private temporary file (mode 0600): the notes are personal.
        handle, name = tempfile.mkstemp(prefix="netui-notes-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(notes)
            try:
                try:
                    with self.app.suspend():
                        finished = subprocess.run([*editor, str(path)])
                except SuspendNotSupported:  # no real terminal (tests): run it as it is
                    finished = subprocess.run([*editor, str(path)])
            except OSError as error:
                self.notify(_("Could not start the editor {editor}: {error}", editor=editor[0],
                              error=error.strerror), severity="error")
                return None
            if finished.returncode != 0:
                self.notify(_("The editor exited with an error; the notes were not changed."), severity="error")
                return None
            return path.read_text(encoding="utf-8").rstrip("\n")
        finally:
            path.unlink(missing_ok=True)
