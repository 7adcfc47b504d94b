"""The main screen: contacts · timeline · events, side by side."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import ScreenResume
from textual.widgets import Input, Label

from netui import contacts, events, timeline
from netui.errors import ValidationError
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.screens.base import DataScreen
from netui.screens.work import run_in_thread
from netui.widgets.contact_list import PAGE_SIZE, ContactList, RowSource
from netui.widgets.event_planner import EventPlanner
from netui.widgets.timeline_pane import TimelinePane
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar


def describe(pages: contacts.ContactPages) -> str:
    """'12 people', '3 found · circle: work', 'first 1000 found'."""
    if pages.ids is None:
        what = ngettext("{n} person", "{n} people", pages.count)
    elif pages.capped:
        what = ngettext("first {n} found", "first {n} found", pages.count)
    else:
        what = ngettext("{n} found", "{n} found", pages.count)
    conditions = [f"{_(FILTER_NAMES.get(name, name))}: {label(value) if name == 'circle' else value}"
                  for name, value in pages.filters.items()]
    if pages.sort != "name":
        conditions.append(_("by {sort}", sort=_(SORT_NAMES.get(pages.sort, pages.sort))))
    return " · ".join([what, *conditions])


SORT_NAMES = {"last_contacted": N_("last contacted"), "company": N_("company"), "balance": N_("give & take balance")}
# The search box's filters (circle:work, #tag...), as the title above the list names them.
FILTER_NAMES = {"circle": N_("circle"), "tag": N_("tag"), "city": N_("city"), "company": N_("company")}


# How long the highlight must rest (j held down) before the timeline follows it.
TIMELINE_SETTLE_SECONDS = 0.05
NOT_READ = object()  # the timeline pane does not show the highlighted row's timeline yet


def search_view(text: str) -> tuple[RowSource, str, list]:
    """The list's rows for what the search box holds, its title, and the timeline of its first
    row -- read together: one repaint per keystroke shows them all, no timer waits to fetch it."""
    pages = contacts.find_contacts(text)
    first = pages.page(0, PAGE_SIZE) if pages.count else []
    return RowSource(pages.count, pages.page, first), describe(pages), read_timeline(first[0].id if first else None)


PAST_EVENTS_SHOWN = 50


def events_in_view() -> tuple[list, list, int]:
    """The event planner's rows: what is coming, the latest past events, and how many are past."""
    past = events.past_events(limit=PAST_EVENTS_SHOWN)
    total = len(past) if len(past) < PAST_EVENTS_SHOWN else events.count_past_events()
    return events.upcoming_events(), past, total


def first_view() -> tuple[tuple[RowSource, str, list], tuple[list, list, int]]:
    """Everything the first screen shows, for its first paint."""
    return search_view(""), events_in_view()


def read_timeline(contact_id: int | None) -> list:
    """What the timeline pane shows for the highlighted contact (None: everyone)."""
    if contact_id is None:
        return timeline.global_timeline(limit=100)
    return timeline.contact_timeline(contact_id, limit=100)


class SearchBox(Input):
    """The search box: each change starts the search at once, before Textual paints the
    typed letter, so the database works while the echo is drawn (as Input.Changed, bubbling
    up to the screen, the search began only after that paint)."""

    def __init__(self, search: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self._search = search

    def watch_value(self, value: str) -> None:
        self._search(value)


class MainScreen(DataScreen):
    # Below 110 columns the timeline pane gives its room to the contacts (the contact
    # screen still shows each person's timeline).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    # The list has the focus from the start, given in on_mount: Textual's default (the first
    # focusable widget, the search box) styled the pane a second time before the first paint,
    # when the list took it; Textual's own focusing of the list ("#contacts") styled the list
    # twice more and cost ~12 M instructions more than the one focus() of on_mount.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("slash", "search", N_("Search"), tooltip=N_("Search contacts as you type")),
        Binding("n", "new_contact", N_("New"), tooltip=N_("Add a new contact")),
        Binding("l", "log", N_("Log"), tooltip=N_("Log an interaction with the highlighted contact")),
        Binding("N", "new_event", N_("New event"), tooltip=N_("Plan a new event")),
        Binding("d", "trash", N_("Trash"), tooltip=N_("Move the highlighted contact to the trash")),
        Binding("x", "export", N_("Export"), tooltip=N_("Export the contacts this list shows")),
        Binding("D", "duplicates", N_("Duplicates"), show=False,
                tooltip=N_("People who may be recorded twice: merge them, or say they are two people")),
        Binding("escape", "clear_search", N_("Clear search"), show=False,
                tooltip=N_("Clear the search and go back to the list")),
        # Not in the footer (it is full): listed by ? and the palette.
        Binding("o", "app.open_reach", N_("Who reaches out"), show=False,
                tooltip=N_("People who never reach out, and those you have not answered")),
        Binding("M", "app.open_missing", N_("Missing details"), show=False,
                tooltip=N_("Walk through the people missing an e-mail, phone, company, how you met or city")),
        Binding("W", "who_knows", N_("Who knows"), show=False,
                tooltip=N_("Who in the team knows the people of a company, a person or a city")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._timeline_timer = None
        self._timeline_request = 0  # the newest timeline asked for; older answers are dropped
        self._listed_text: str | None = None  # the search text the list shows
        self._timeline_for: object = NOT_READ  # the contact (None: everyone) the timeline shows
        self._timeline_title = _("Timeline · everyone")
        self._resumed = False  # shown once already (the first resume comes right after the mount)

    def compose(self) -> ComposeResult:
        # The width's class now, before the first styling: set on the first resize, it made
        # Textual style the whole screen a second time before the first paint.
        self.add_class(*self._get_breakpoint_classes(self.app.size.width, self.HORIZONTAL_BREAKPOINTS))
        yield TitleBar()
        # The panes side by side on the screen itself (app.tcss): a Horizontal around them
        # drew its forty blank lines under theirs at every full paint.
        with Vertical(id="contacts-pane", classes="pane"):
            yield SearchBox(self.run_search, placeholder=_("/ search · #tag circle:work city:Milano"), id="search")
            yield Label("", id="contacts-title", classes="pane-title")
            yield ContactList(id="contacts")
        timeline_pane = TimelinePane(id="timeline", classes="pane")
        timeline_pane.border_title = Text(self._timeline_title)
        yield timeline_pane
        planner = EventPlanner(id="events", classes="pane")
        planner.border_title = Text(_("Events"))
        yield planner
        yield KeysFooter()

    def on_mount(self) -> None:
        # The first screen is painted with its rows: read at once (a few milliseconds at any size:
        # the first page, a capped count, the events in view), not in workers whose results
        # would each repaint the screen again while Textual's own start-up holds the CPU.
        try:
            first = first_view()
        except Exception:  # noqa: BLE001 -- read again in workers, which say what is wrong as on any reload
            self.reload()
        else:
            self._show_contacts(*first[0], "")
            self.query_one(EventPlanner).show(*first[1])
        self.query_one(ContactList).focus()

    def on_screen_resume(self, event: ScreenResume) -> None:
        if not self._resumed:
            # The first resume follows the mount, where every widget was just styled: Textual's
            # styling of the whole screen once more (a tenth of the first paint) finds nothing new.
            # (This handler runs before Screen's, which reads the flag.)
            self._resumed = True
            event.refresh_styles = False
        # Back from another screen (a contact, Today, help, the palette) the keys are
        # commands again: a focus left in the search box would take t, q or / as text.
        if self.focused is None or self.focused is self.query_one("#search", Input):
            self.query_one(ContactList).focus()

    def reload(self) -> None:
        """Read everything again from the database (after an edit elsewhere)."""
        self.run_search(self.query_one("#search", Input).value)
        run_in_thread(self, events_in_view, done=lambda found: self.query_one(EventPlanner).show(*found),
                      group="events", exclusive=True)

    # --- contacts ----------------------------------------------------------------------

    # Not exclusive: a superseded search is dropped by _show_contacts (its text is no longer
    # the box's), while cancelling it would make anyone waiting for the workers fail.
    def run_search(self, text: str) -> None:
        def search() -> tuple[RowSource, str, list]:
            return search_view(text)

        def failed(error) -> None:
            if isinstance(error, ValidationError):  # e.g. circle:colleagues
                self._show_filter_error(error.message, text)
            else:
                self.notify(str(error), severity="error", timeout=10)

        run_in_thread(self, search, done=lambda found: self._show_contacts(*found, text), failed=failed,
                      group="search")

    def _show_filter_error(self, message: str, text: str) -> None:
        if text == self.query_one("#search", Input).value:
            title = self.query_one("#contacts-title", Label)
            title.styles.text_wrap = "wrap"  # an error is read whole
            title.update(Text(message, style="bold red"))

    def _show_contacts(self, source: RowSource, title: str, first_timeline: list, text: str) -> None:
        if text != self.query_one("#search", Input).value:
            return  # results of an older keystroke arriving late: the newer search shows
        with self.app.batch_update():  # the title, the rows and the timeline in one repaint
            heading = self.query_one("#contacts-title", Label)
            was_error = heading.styles.text_wrap == "wrap"
            # One line, cut with an ellipsis: a longer title (in Italian) must not push the list down.
            heading.styles.text_wrap = "nowrap"
            heading.styles.text_overflow = "ellipsis"
            heading.update(title, layout=was_error)  # one line stays one line: no new layout
            # The same search read again (after a change): the highlight stays where it was.
            contact_list = self.query_one(ContactList)
            contact_list.set_source(source, keep_place=text == self._listed_text)
            self._listed_text = text
            highlighted = contact_list.selected if source.count else None
            first = source.first_page[0] if source.first_page else None
            if (highlighted.id if highlighted else None) == (first.id if first else None):
                # Its title too, in this same paint: set when the highlight message comes, a
                # moment later, it was a second repaint of every keystroke.
                self._title_timeline(first.name if first else None)
                self._timeline_request += 1
                self._show_timeline(first_timeline, first.id if first else None, self._timeline_request)
                self._timeline_for = first.id if first else None
            else:
                self._timeline_for = NOT_READ
            # The list's and the timeline's new lengths move their scroll bars: lay the screen
            # out in this same paint, not in a later one when their own layout requests arrive.
            self.refresh(repaint=False, layout=True)

    @on(ContactList.Highlighted)
    def contact_highlighted(self, message: ContactList.Highlighted) -> None:
        """The timeline follows the highlight, read in a worker a moment after the highlight
        settles: holding j must not wait for timelines. After a search it came with the rows."""
        summary = self.query_one(ContactList).selected
        self._title_timeline(None if message.contact_id is None else summary.name if summary else "")
        if self._timeline_timer is not None:
            self._timeline_timer.stop()
        if message.contact_id == self._timeline_for:
            return  # the search read it with the rows, and it shows
        self._timeline_for = NOT_READ
        self._timeline_request += 1
        request = self._timeline_request
        self._timeline_timer = self.set_timer(
            TIMELINE_SETTLE_SECONDS, lambda: self.load_timeline(message.contact_id, request))

    def _title_timeline(self, name: str | None) -> None:
        """'Timeline · NAME' above the timeline (None: everyone); repainted only when it changes."""
        text = _("Timeline · everyone") if name is None else _("Timeline · {name}", name=name)
        if text != self._timeline_title:
            self._timeline_title = text
            self.query_one(TimelinePane).border_title = Text(text)

    # Not exclusive (a cancelled worker is an error to whoever waits for it): an answer that
    # arrives after a newer request is simply not shown.
    def load_timeline(self, contact_id: int | None, request: int) -> None:
        run_in_thread(self, lambda: read_timeline(contact_id),
                      done=lambda items: self._show_timeline(items, contact_id, request), group="timeline")

    def _show_timeline(self, items, contact_id: int | None, request: int) -> None:
        if request == self._timeline_request:
            self.query_one(TimelinePane).show(items, hide_contact=contact_id)

    @on(ContactList.Opened)
    def contact_opened(self, message: ContactList.Opened) -> None:
        self.app.open_contact(message.contact_id)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one(ContactList).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        """Esc: clear the search and go back to the list, where keys are commands again."""
        self.query_one("#search", Input).value = ""
        self.query_one(ContactList).focus()

    def check_action(self, action: str, parameters) -> bool | None:
        # d acts on the highlighted contact: only while the contact list has the focus.
        if action == "trash":
            return isinstance(self.focused, ContactList)
        return True

    def action_new_contact(self) -> None:
        from netui.screens import flows  # the forms load on first use, not at start

        flows.new_contact(self.app)

    def action_export(self) -> None:
        self.app.export_view(self.query_one("#search", Input).value, self.query_one(ContactList).row_count)

    def action_new_event(self) -> None:
        from netui.screens import flows

        flows.new_event(self.app)

    def action_who_knows(self) -> None:
        """Who knows…, asking what the search box holds, else the highlighted person's company."""
        from netui.screens.who_knows import open_who_knows

        summary = self.query_one(ContactList).selected
        typed = self.query_one("#search", Input).value.strip()
        open_who_knows(self.app, typed or (summary.company if summary else ""))

    def action_duplicates(self) -> None:
        self.app.open_duplicates()

    def current_event_id(self) -> int | None:
        """The event highlighted in the planner, when the planner has the focus."""
        planner = self.query_one(EventPlanner)
        option = planner.highlighted_option
        if self.focused is planner and option is not None and option.id:
            return int(option.id.removeprefix("event-"))
        return None

    def _highlighted_contact(self) -> int | None:
        summary = self.query_one(ContactList).selected
        return summary.id if summary else None

    def action_log(self) -> None:
        contact_id = self._highlighted_contact()
        from netui.screens import flows

        flows.log_interaction(self.app, (contact_id,) if contact_id else ())

    def action_trash(self) -> None:
        contact_id = self._highlighted_contact()
        if contact_id:
            from netui.screens import flows

            flows.trash_contact(self.app, contact_id)

    @on(EventPlanner.OptionSelected)
    def event_selected(self, message: EventPlanner.OptionSelected) -> None:
        if message.option.id and message.option.id.startswith("event-"):
            self.app.open_event(int(message.option.id.removeprefix("event-")))
