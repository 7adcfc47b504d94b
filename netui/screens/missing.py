"""The missing details sweep (key `M` on the main screen, palette 'contacts: fill in missing
details'): one person at a time, the details they lack; `e` (or Enter) opens a small field for
the highlighted one, Enter there saves it and moves on to the next person, `s` skips them;
1–5 choose which details to look for. The counter says how many of the people lacking them
are still ahead ("12 of 340 left").

The people are read a page at a time in a worker (netui.missing pages on the name order), so a
list of thousands of imported people never freezes the screen; the next page is read while the
last ones of the page are shown.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from netui import missing
from netui.errors import NetuiError, ValidationError
from netui.i18n import N_, _
from netui.screens.base import DataScreen
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.lists import VimOptionList
from netui.widgets.title_bar import TitleBar

# What the field for each detail suggests.
PLACEHOLDERS = {"email": N_("e.g. giulia@lumen.it"), "phone": N_("e.g. +39 333 123 4567"),
                "company": N_("e.g. Lumen Digital"), "how-met": N_("e.g. Web Marketing Festival, at the coffee stand"),
                "city": N_("e.g. Milano")}
# Read the next page when this few people are left of the one read.
READ_AHEAD = 10


class MissingScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Close the field; else back to the previous screen")),
        Binding("e", "fill", N_("Fill in"), tooltip=N_("Type the highlighted missing detail")),
        Binding("s", "skip", N_("Skip"), tooltip=N_("Leave this person as they are; on to the next")),
        Binding("o", "open_contact", N_("Open"), tooltip=N_("Open this person's contact screen")),
        *[Binding(str(number), f"toggle('{detail}')", N_("Look for"), show=False, tooltip=tooltip)
          for number, (detail, tooltip) in enumerate(zip(missing.DETAILS, (
              N_("Look for people without an e-mail, or not"), N_("Look for people without a phone, or not"),
              N_("Look for people without a company, or not"), N_("Look for people without how you met, or not"),
              N_("Look for people without a city, or not"))), start=1)],
    ]
    DEFAULT_CSS = """
    MissingScreen #missing { padding: 0 2; }
    MissingScreen #missing-choice, MissingScreen #missing-counter { color: $text-muted; }
    MissingScreen #missing-person { margin-top: 1; height: auto; }
    MissingScreen #missing-details { height: auto; max-height: 7; margin-top: 1; }
    MissingScreen #missing-field-label { margin-top: 1; }
    MissingScreen .field-error { color: $error; height: auto; }
    MissingScreen .-hidden { display: none; }
    """

    def __init__(self, details: tuple[str, ...] = missing.DETAILS) -> None:
        super().__init__()
        self.details = details
        self.current: missing.MissingPerson | None = None
        self.total = 0  # the people lacking a detail when this sweep began
        self.left = 0  # of them, those still ahead (the current person too)
        self._ahead: list[missing.MissingPerson] = []  # read, not shown yet
        self._more = False  # more people after those read
        self._reading = False
        self._sweep = 0  # which sweep the answers of a worker belong to

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="missing"):
            yield Label(_("Fill in missing details"), classes="pane-title")
            yield Static("", id="missing-choice")
            yield Static("", id="missing-counter")
            yield Static("", id="missing-person")
            yield VimOptionList(id="missing-details")
            yield Label("", id="missing-field-label", classes="-hidden")
            yield Input(id="missing-field", classes="-hidden")
            yield Static("", id="missing-field-error", classes="field-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#missing-field", Input).compact = True
        self.start()

    # --- reading -----------------------------------------------------------------------

    def start(self) -> None:
        """A new sweep of the chosen details, from the first name."""
        self._sweep += 1
        sweep, details = self._sweep, self.details
        self._show_choice()
        self.current, self._ahead = None, []
        if not details:
            self._show_person()
            return

        def read() -> tuple[int, list[missing.MissingPerson]]:
            return missing.count_missing(details).people, missing.missing_people(details)

        def done(found) -> None:
            if sweep == self._sweep:
                self.total, page = found
                self.left = self.total
                self._take(page)
                self._next()

        run_in_thread(self, read, done=done, group="missing-start", exclusive=True, drop_cancelled=True)

    def reload(self) -> None:
        """Changed elsewhere: read again from the person shown (the count of those left too)."""
        if self.current is None:
            self.start()
            return
        self._sweep += 1
        sweep, details, key = self._sweep, self.details, self.current.key

        def read():
            return missing.people_left(details, key), missing.missing_people(details, key, inclusive=True)

        def done(found) -> None:
            if sweep != self._sweep:
                return
            self.left, page = found
            self.total = max(self.total, self.left)
            self._ahead = []
            self._take(page)
            if self.field_open and self._ahead and self._ahead[0].contact_id == key[1]:
                self.current = self._ahead.pop(0)  # being typed for: left as it is
                self._show_counter()
            else:
                self._next(counted=False)

        run_in_thread(self, read, done=done, group="missing-start", exclusive=True, drop_cancelled=True)

    def _take(self, page: list[missing.MissingPerson]) -> None:
        self._ahead += page
        self._more = len(page) == missing.PAGE_SIZE

    def _read_ahead(self) -> None:
        """Read the next page while the last people of this one are shown."""
        if self._reading or not self._more or len(self._ahead) > READ_AHEAD:
            return
        last = self._ahead[-1] if self._ahead else self.current
        if last is None:
            return
        self._reading = True
        sweep, details = self._sweep, self.details

        def done(page) -> None:
            self._reading = False
            if sweep != self._sweep:
                self._read_ahead()  # for the sweep begun meanwhile
                return
            self._take(page)
            if self.current is None:
                self._next(counted=False)

        def failed(error: NetuiError) -> None:
            self._reading = False
            self.notify(str(error), severity="error", timeout=10)

        run_in_thread(self, lambda: missing.missing_people(details, last.key), done=done, failed=failed,
                      group="missing-ahead")

    def _next(self, counted: bool = False) -> None:
        """Show the next person read (`counted`: one more is behind us)."""
        if counted:
            self.left = max(self.left - 1, 0)
        self.current = self._ahead.pop(0) if self._ahead else None
        self._read_ahead()
        self._show_person()

    # --- showing -----------------------------------------------------------------------

    def _show_choice(self) -> None:
        choice = Text(_("Looking for:") + " ")
        for number, detail in enumerate(missing.DETAILS, start=1):
            chosen = detail in self.details
            choice.append(f"{number} {'✓' if chosen else '·'} {missing.detail_name(detail)}   ",
                          style="bold" if chosen else "dim")
        self.query_one("#missing-choice", Static).update(choice)

    def _show_person(self) -> None:
        person, listing = self.current, self.query_one("#missing-details", OptionList)
        self._close_field()
        listing.clear_options()
        self._show_counter()
        card = Text()
        if person is None:
            waiting = self._reading or (self._more and not self._ahead)
            card.append(_("Reading…") if waiting and self.details else self._finished_text())
        else:
            card.append(person.name + "\n", style="bold")
            card.append(" · ".join(part for part in (person.company, person.city) if part))
            listing.add_options(Option(_("{detail}: missing", detail=missing.detail_name(detail)), id=detail)
                                for detail in person.missing)
            listing.highlighted = 0
            listing.focus()
        listing.display = person is not None
        self.query_one("#missing-person", Static).update(card)
        self.refresh_bindings()

    def _show_counter(self) -> None:
        self.query_one("#missing-counter", Static).update(_("{left} of {total} left", left=self.left, total=self.total))

    def _finished_text(self) -> str:
        if not self.details:
            return _("Choose what to look for: 1 e-mail, 2 phone, 3 company, 4 how we met, 5 city.")
        if self.total:
            return _("That was everyone. Esc goes back.")
        return _("Nobody is missing these details.")

    # --- filling in --------------------------------------------------------------------

    @property
    def highlighted_detail(self) -> str | None:
        option = self.query_one("#missing-details", OptionList).highlighted_option
        return option.id if option is not None and self.current is not None else None

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("fill", "skip", "open_contact"):
            return self.current is not None
        return True

    @on(OptionList.OptionSelected, "#missing-details")
    def action_fill(self) -> None:
        detail = self.highlighted_detail
        if detail is None:
            return
        field = self.query_one("#missing-field", Input)
        title = self.query_one("#missing-field-label", Label)
        title.update(_("{detail} of {name} (Enter saves and moves on, Esc closes)",
                       detail=missing.detail_name(detail).capitalize(), name=self.current.name))
        field.placeholder = _(PLACEHOLDERS[detail])
        field.value = ""
        for widget in (title, field):
            widget.remove_class("-hidden")
        self._say("")
        field.focus()

    @on(Input.Submitted, "#missing-field")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        person, detail = self.current, self.highlighted_detail
        if person is None or detail is None:
            return
        try:
            stored = missing.fill_detail(person.contact_id, detail, event.value)
        except ValidationError as error:
            self._say(error.message)
            return
        except NetuiError as error:
            self._say(str(error))
            return
        self.app.publish_change(self)  # the other screens follow; this one moves on
        self.notify(_("{name}: {detail} {value} saved.", name=person.name, detail=missing.detail_name(detail),
                      value=stored))
        self._next(counted=True)

    @property
    def field_open(self) -> bool:
        return not self.query_one("#missing-field", Input).has_class("-hidden")

    def _say(self, message: str) -> None:
        self.query_one("#missing-field-error", Static).update(message)

    def _close_field(self) -> None:
        for selector in ("#missing-field-label", "#missing-field"):
            self.query_one(selector).add_class("-hidden")
        self._say("")

    def action_skip(self) -> None:
        if self.current is not None:
            self._next(counted=True)

    def action_toggle(self, detail: str) -> None:
        chosen = set(self.details) ^ {detail}
        self.details = tuple(d for d in missing.DETAILS if d in chosen)
        self.start()

    def action_open_contact(self) -> None:
        if self.current is not None:
            self.app.open_contact(self.current.contact_id)

    def action_back(self) -> None:
        if self.field_open:
            self._close_field()
            self.query_one("#missing-details", OptionList).focus()
            return
        self.app.pop_screen()
