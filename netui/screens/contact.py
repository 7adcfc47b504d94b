"""The contact screen: everything about one person, and what you can do with them."""

from __future__ import annotations

import pendulum
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from netui import brief, contacts, followups, present, timeline
from netui.i18n import N_, _, language, ngettext
from netui.dates import shown_label
from netui.labels import label
from netui.screens.translated import TranslatedBindings
from netui.when import local_zone, today
from netui.widgets.contact_list import WARMTH_MARKS
from netui.widgets.timeline_pane import TimelinePane
from netui.widgets.footer import KeysFooter


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
    for line in (seen.how_we_met, present.give_and_take_line(seen.give_and_take),
                 present.came_through_line(seen.chain)):
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


class ContactScreen(TranslatedBindings, Screen):
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
        yield Header()
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

    def on_screen_resume(self) -> None:
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
            self.app.complete_followup(chosen)

    def action_followup_snooze(self) -> None:
        if (chosen := self.chosen_followup()) is not None:
            self.app.snooze_followup(chosen)

    def action_followup_reschedule(self) -> None:
        if (chosen := self.chosen_followup()) is not None:
            self.app.reschedule_followup(chosen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        self.app.edit_contact(self.contact_id)

    def action_log(self) -> None:
        self.app.log_interaction((self.contact_id,))

    def action_followup(self) -> None:
        self.app.add_followup(self.contact_id)

    def action_keep_in_touch(self) -> None:
        self.app.set_keep_in_touch(self.contact_id)

    def action_add_date(self) -> None:
        self.app.add_important_date(self.contact_id)

    def action_appointment(self) -> None:
        self.app.new_appointment((self.contact_id,))

    def action_news(self) -> None:
        self.app.log_news(self.contact_id)

    def action_gave(self) -> None:
        self.app.record_favour(self.contact_id, "gave")

    def action_received(self) -> None:
        self.app.record_favour(self.contact_id, "received")

    def action_introduce(self) -> None:
        self.app.introduce(self.contact_id)

    def action_chain(self) -> None:
        self.app.open_chain(self.contact_id)

    def action_edit_notes(self) -> None:
        self.app.edit_notes_in_editor(self.contact_id)

    def action_trash(self) -> None:
        self.app.trash_contact(self.contact_id)
