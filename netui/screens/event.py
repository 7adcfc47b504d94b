"""The event screen: what, when, where, and the people to meet (and met) there."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from netui import events, followups, present, when, wishes
from netui.errors import NetuiError, NotFoundError, ValidationError
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.screens import flows
from netui.screens.base import DataScreen
from netui.screens.confirm import ConfirmScreen
from netui.screens.guard import reports_errors
from netui.when import humanize, local_zone
from netui.widgets.contact_picker import ContactPicker, Finder
from netui.widgets.lists import VimOptionList
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

def when_text(detail: events.EventSummary) -> str:
    """'Thu 3 Dec 2026 09:00 – 18:00 · in 4 days', in the local zone; the time in the
    event's own zone is added when that zone differs."""
    if detail.starts_at is None:
        return _("no date yet")
    zone = local_zone()
    start = detail.starts_at.in_timezone(zone)
    text = start.format("ddd D MMM YYYY HH:mm")
    if detail.ends_at is not None:
        end = detail.ends_at.in_timezone(zone)
        text += " – " + end.format("HH:mm" if end.date() == start.date() else "ddd D MMM YYYY HH:mm")
    text += present.time_there(detail.starts_at, detail.timezone)
    return f"{text} · {humanize(detail.starts_at)}"


def header_text(detail: events.EventDetail) -> Text:
    """The event's fields as styled plain Text: user text never goes through markup (both
    Rich's and Textual's escape() leave "[EU]" alone, and Textual markup eats it)."""
    place = ", ".join(part for part in (detail.venue, detail.city, detail.country) if part)
    rows = [
        (_("Kind"), label(detail.kind)), (_("Status"), label(detail.status)), (_("When"), when_text(detail)),
        (_("Where"), place), (_("Link"), detail.link), (_("Goal"), detail.goal),
    ]
    text = Text()
    for name, value in rows:
        if value:
            text.append("\n" if text else "").append(name, style="bold").append(f": {value}")
    if detail.notes:
        text.append("\n\n" if text else "").append(_("Notes"), style="bold").append(f"\n{detail.notes}")
    return text


def listed_line(person: wishes.ListedPerson, over: bool) -> Text:
    """One row of the list (a contact, or someone not a contact yet): plain Text, so names
    are never read as markup. Once the event is over, who was missed is marked so."""
    line = Text()
    mark = "✓ " if person.met else ("✗ " if over else "· ")
    line.append(mark, style="bold" if person.met else "dim")
    line.append(person.name, style="bold")
    if person.company:
        line.append(f" · {person.company}", style="dim")
    line.append(f"  {present.listed_person_state(person, over)}", style="italic")
    if person.why:
        line.append(f" · {person.why}", style="italic dim")
    if person.contact_id is None:
        line.append("  " + _("(not a contact yet)"), style="dim")
    return line


def option_id(person: wishes.ListedPerson) -> str:
    """'contact-12' for a contact on the list, 'wish-3' for someone who is not one (or who
    became one only to be written to)."""
    return f"contact-{person.contact_id}" if person.attendee else f"wish-{person.wish_id}"


def counts_text(detail: events.EventDetail, done: wishes.Outcome) -> str:
    """'People · 2 to meet · 1 met' (· 'n not contacts yet'); once over, who was met and missed."""
    people = done.met + done.missed
    if done.over and people:
        return _("People") + " · " + present.outcome_title(len(done.met), len(done.missed))
    return _("People") + " · " + present.event_counts(detail.to_meet, detail.met, detail.not_contacts_yet)


class AddAttendeesForm(FormScreen):
    """Pick the people to meet at an event; `submit({"contact_ids", "typed", "role"})` adds them."""

    ERROR_TARGET = {"contact_ids": "people", "status": "people"}
    FALLBACK_FIELD = "people"

    def __init__(self, title: str, values: dict, find: Finder, submit: Callable[[dict], None]) -> None:
        super().__init__(title, values, submit)
        self._find = find

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("People to meet"), classes="field-label")
            yield ContactPicker(self._find, self.initial.get("people", ()), id="people")
            yield error_slot("people")
            yield Label(_("Role there (optional)"), classes="field-label")
            yield Input(self.initial.get("role", ""), placeholder=_("speaker, organiser, exhibitor…"), id="role")
            yield error_slot("role")
            yield form_buttons(_("Add (ctrl+s)"))

    def on_mount(self) -> None:
        self.query_one("#people Input", Input).focus()

    def values(self) -> dict:
        picker = self.query_one("#people", ContactPicker)
        return {
            "contact_ids": picker.chosen_ids,
            "typed": picker.typed_text,
            "role": self.query_one("#role", Input).value,
        }


class EventScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the previous screen")),
        Binding("e", "edit", N_("Edit"), tooltip=N_("Edit this event")),
        Binding("a", "add_people", N_("Add people"), tooltip=N_("Add people to meet at this event")),
        Binding("m", "toggle_met", N_("Met"), tooltip=N_("Mark the highlighted person met (again: back to 'to meet')")),
        Binding("delete", "remove_attendee", N_("Remove"), tooltip=N_("Take the highlighted person off this event's list")),
        Binding("s", "cycle_status", N_("Status"), tooltip=N_("Next status: idea → planned → registered → attended / skipped")),
        Binding("w", "want", N_("Want"), tooltip=N_("Someone to meet here who is not a contact yet")),
        Binding("f", "write_to_missed", N_("Write"),
                tooltip=N_("Once the event is over: a follow-up to write to the highlighted person you missed")),
    ]

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = event_id
        self.detail: events.EventDetail | None = None
        self.outcome: wishes.Outcome | None = None
        self.people: dict[str, wishes.ListedPerson] = {}  # by option id
        self._refused_status: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="event-detail"):
            yield Label("", id="event-title", classes="pane-title")
            yield Static("", id="event-fields")
            yield Label("", id="event-counts", classes="pane-title")
            yield VimOptionList(id="attendees")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#attendees", OptionList).focus()

    def on_screen_resume(self) -> None:
        self._refused_status = None  # back here, `s` starts again from the status shown

    def reload(self) -> None:
        """Read the event again from the database and show it, keeping the highlighted person."""
        try:
            detail = events.get_event(self.event_id)
        except NotFoundError as error:
            self.notify(str(error), severity="error")
            self.detail = None
            return
        self.detail = detail
        self.query_one("#event-title", Label).update(Text(detail.title))
        self.query_one("#event-fields", Static).update(header_text(detail))
        done = wishes.outcome(self.event_id)
        self.outcome = done
        self.query_one("#event-counts", Label).update(counts_text(detail, done))
        attendees = self.query_one("#attendees", OptionList)
        keep = self._highlighted_id()
        attendees.clear_options()
        self.people = {option_id(p): p for p in done.met + done.missed}
        if not self.people:
            attendees.add_option(Option(Text(_("Nobody yet: press a to add people to meet, w for someone who is "
                                               "not a contact yet."), style="dim"), disabled=True))
            return
        attendees.add_options(self._options(detail, done))
        ids = [attendees.get_option_at_index(i).id for i in range(attendees.option_count)]
        first = next(i for i, found in enumerate(ids) if found)
        attendees.highlighted = ids.index(keep) if keep in ids else first

    def _options(self, detail: events.EventDetail, done: wishes.Outcome) -> list[Option]:
        """The list in the database's order; once the event is over, who was met, then who was
        missed (with what f offers)."""
        if not done.over:
            return [Option(listed_line(p, False), id=option_id(p)) for p in wishes.listed_people(self.event_id)]
        options = []
        for title, group in ((_("Met there ({n})"), done.met), (_("Missed ({n}) · f: write to them"), done.missed)):
            if group:
                options.append(Option(Text(title.format(n=len(group)), style="bold"), disabled=True))
                options += [Option(listed_line(p, True), id=option_id(p)) for p in group]
        return options

    def _highlighted_id(self) -> str | None:
        attendees = self.query_one("#attendees", OptionList)
        if attendees.highlighted is None or not attendees.option_count:
            return None
        return attendees.get_option_at_index(attendees.highlighted).id

    def highlighted_contact(self) -> int | None:
        """The contact of the highlighted row (also one a wish became), or None."""
        person = self._highlighted_person()
        return person.contact_id if person else None

    def _highlighted_person(self) -> wishes.ListedPerson | None:
        return self.people.get(self._highlighted_id() or "")

    # --- actions -------------------------------------------------------------------------

    def current_event_id(self) -> int:
        """Capture (c) from here is bound to this event."""
        return self.event_id

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        from netui.screens.forms.event_form import EventForm, event_form_values

        detail = events.get_event(self.event_id)

        def submit(values: dict) -> None:
            events.update_event(self.event_id, **values)
            self.notify(_("Saved {title}.", title=values.get("title") or detail.title))

        self.app.push_screen(EventForm(_("Edit {title}", title=detail.title), event_form_values(detail), submit))

    def action_add_people(self) -> None:
        listed = {p.contact_id for p in self.detail.attendees} if self.detail else set()
        title = self.detail.title if self.detail else ""

        def find(text: str) -> list[tuple[int, str]]:
            return [(i, label) for i, label in flows.find_people(text) if i not in listed]

        def submit(values: dict) -> None:
            ids = [i for i in values["contact_ids"] if i not in listed]
            if not ids:
                typed = values["typed"].strip()
                if typed and find(typed):
                    message = _("Nobody picked yet: highlight a match for '{typed}' and press Enter.", typed=typed)
                elif typed:
                    message = _("Nobody new matches '{typed}' (people already on the list are not offered).", typed=typed)
                else:
                    message = _("Type a name and press Enter to pick someone.")
                raise ValidationError("people", message)
            role = values["role"].strip() or None
            for contact_id in ids:
                events.set_attendee(self.event_id, contact_id, "to meet", role=role)
            self.notify(ngettext("Added {n} to meet.", "Added {n} to meet.", len(ids)))

        self.app.push_screen(AddAttendeesForm(_("People to meet at {title}", title=title), {}, find, submit))

    @reports_errors
    def action_toggle_met(self) -> None:
        """Met (again: back to "to meet"); someone not a contact yet becomes one, met here."""
        person = self._highlighted_person()
        if person is None:
            return
        try:
            if person.contact_id is None:
                wishes.meet_wish(person.wish_id)
                self.notify(_("Met {name}: now a contact.", name=person.name))
            elif person.met:
                events.set_attendee(self.event_id, person.contact_id, "to meet")
            else:
                events.mark_met(self.event_id, person.contact_id)
        except NetuiError as error:
            self.notify(str(error), severity="error")
        self.app.publish_change()

    @reports_errors
    def action_remove_attendee(self) -> None:
        person = self._highlighted_person()
        if person is None:
            return
        if person.attendee:
            events.remove_attendee(self.event_id, person.contact_id)
        else:
            wishes.remove_wish(person.wish_id)
        self.app.publish_change()
        self.notify(_("Took {name} off the list.", name=person.name))

    def action_want(self) -> None:
        """w: someone to meet here who is not a contact yet ("Name @Company — why")."""
        from netui.screens.forms.wish_form import WishForm

        title = self.detail.title if self.detail else ""

        def submit(values: dict) -> None:
            name, company, why = wishes.parse_wish(values["person"])
            wishes.add_wish(self.event_id, name, company, why)
            self.notify(_("To meet at {event}: {person} (not a contact yet).", event=title,
                          person=f"{name} @{company}" if company else name))

        self.app.push_screen(WishForm(_("Someone to meet at {title}", title=title), {}, submit))

    @reports_errors
    def action_write_to_missed(self) -> None:
        """f on someone missed, once the event is over: add them as a contact (if they are not
        one) with a follow-up to write to them, after a yes."""
        person = self._highlighted_person()
        if person is None or self.outcome is None:
            return
        if not self.outcome.over:
            self.notify(_("Once the event is over (or marked attended), f offers to write to the people you missed."))
            return
        if person.met:
            self.notify(_("You met {name} here; f is for the people you missed.", name=person.name))
            return
        title = self.detail.title if self.detail else ""
        if person.contact_id is None:
            question = _("Add {name} as a contact (missed at {event}) and a follow-up to write to them?",
                         name=person.name, event=title)
        else:
            question = _("Add a follow-up to write to {name} (missed at {event})?", name=person.name, event=title)
        self.app.push_screen(ConfirmScreen(question), lambda yes: self._write_to(person, yes))

    @reports_errors
    def _write_to(self, person: wishes.ListedPerson, yes: bool) -> None:
        if not yes:
            return
        if person.wish_id is not None and not person.attendee:
            _contact, followup_id = wishes.write_to_missed(person.wish_id)
        else:
            followup_id = wishes.write_to_missed_contact(self.event_id, person.contact_id)
        due = followups.get_followup(followup_id).due_on
        self.app.publish_change()
        self.notify(_("Follow-up with {name} due {date}.", name=person.name, date=when.typed_date(due)))

    @reports_errors
    def action_cycle_status(self) -> None:
        if self.detail is None:
            return
        # After a refusal (attended before the event started), `s` again offers the next one.
        following = events.next_status(self._refused_status or self.detail.status)
        try:
            events.set_event_status(self.event_id, following)
        except NetuiError as error:
            self._refused_status = following
            self.notify(str(error), severity="error", title=_("Still {status}", status=label(self.detail.status)))
            return
        self._refused_status = None
        self.app.publish_change()
        self.notify(_("Status: {status}.", status=label(following)))

    @on(OptionList.OptionSelected, "#attendees")
    def attendee_selected(self, message: OptionList.OptionSelected) -> None:
        person = self.people.get(message.option.id or "")
        if person is None:
            return
        if person.contact_id is not None:
            self.app.open_contact(person.contact_id)
        else:
            self.notify(_("{name} is not a contact yet: m once you met them (or capture them here).",
                          name=person.name))
