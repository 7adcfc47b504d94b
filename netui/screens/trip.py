"""The trip screen: on a business trip, everyone you know in that city, and a "tell them I'm
coming" follow-up for the people you choose.

The people come from netui.trips (overdue first, then warmest) in a thread worker; the trip is
saved as an event of kind "trip" the first time follow-ups are created for it (again only when
the city or the days change).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, Static

from netui import trips, when
from netui.errors import NetuiError, ValidationError
from netui.i18n import N_, _, ngettext
from netui.labels import label
from netui.screens.base import DataScreen
from netui.screens.work import run_in_thread
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar

# Column keys, in order, with their headings (translated when shown).
COLUMNS = (
    ("mark", "✓"), ("name", N_("name")), ("work", N_("company · role")), ("warmth", N_("warmth")),
    ("last", N_("last contact")), ("overdue", N_("overdue")), ("followups", N_("open follow-ups")),
)
# Which input shows a ValidationError for each field the domain names.
FIELD_INPUTS = {"city": "trip-city", "from": "trip-from", "start": "trip-from", "to": "trip-to", "end": "trip-to"}
SELECTED_MARK = "✓"


@dataclass(frozen=True)
class TripRequest:
    """What the inputs said when the people were asked for."""

    city: str
    start: str
    end: str

    @property
    def trip_key(self) -> tuple[str, str, str]:
        return trips.trip_key(self.city, self.start, self.end)


def work_text(person: trips.TripPerson) -> str:
    return " · ".join(part for part in (person.company, person.role) if part)


def followups_text(person: trips.TripPerson) -> str:
    """'2 · Send the paper': how many are open and the first one's action."""
    if not person.open_followups:
        return ""
    first = person.open_followups[0].action or _("(no note)")
    return f"{len(person.open_followups)} · {first}"


def person_row(person: trips.TripPerson, selected: bool, now) -> list[Text]:
    """One row of the table; user text is plain Text (never read as markup)."""
    overdue = _("{days} d", days=person.days_overdue) if person.days_overdue else ""
    return [
        Text(SELECTED_MARK if selected else "", style="bold"),
        Text(person.name, style="bold" if selected else ""),
        Text(work_text(person)),
        Text(label(person.warmth)),
        Text(when.humanize(person.last_contacted, now)),
        Text(overdue, style="bold" if overdue else ""),
        Text(followups_text(person)),
    ]


class TripTable(DataTable):
    """The people of the city; its keys act on the highlighted or selected people."""

    BINDINGS = [
        Binding("space", "screen.toggle", N_("Select"), tooltip=N_("Select or unselect the highlighted person")),
        Binding("a", "screen.toggle_all", N_("All / none"), tooltip=N_("Select everyone listed, or nobody")),
        Binding("f", "screen.tell_them", N_("Tell them"),
                tooltip=N_("A 'tell them about my trip' follow-up for each selected person (needs From)")),
        Binding("enter", "select_cursor", N_("Open"), tooltip=N_("Open the highlighted person")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]


class TripScreen(DataScreen):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the previous screen")),
    ]
    DEFAULT_CSS = """
    TripScreen #trip { padding: 0 2; }
    TripScreen #trip-fields { height: auto; margin-top: 1; }
    TripScreen #trip-fields > Vertical { height: auto; width: 1fr; margin-right: 2; }
    TripScreen #trip-fields > Vertical:last-child { margin-right: 0; }
    TripScreen #trip-fields Label { color: $text-muted; }
    TripScreen #trip-status { height: auto; margin: 1 0; }
    TripScreen #trip-status.-error { color: $error; text-style: bold; }
    TripScreen #trip-people { height: 1fr; }
    """

    def __init__(self, city: str = "") -> None:
        super().__init__()
        self.initial_city = city
        self.people: list[trips.TripPerson] = []
        self.selected: set[int] = set()
        self.listed: TripRequest | None = None  # what the table shows
        self.city = ""  # its city, as the contacts write it
        self._saved_trip: tuple[tuple[str, str, str], int] | None = None  # (trip key, event id)
        self.AUTO_FOCUS = "#trip-people" if city.strip() else "#trip-city"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="trip"):
            yield Label(_("On a trip: everyone you know in a city, overdue first, then warmest"),
                        classes="pane-title")
            with Horizontal(id="trip-fields"):
                yield self._field(_("City"), Input(self.initial_city, placeholder=_("Milano"), id="trip-city"))
                yield self._field(_("From"), Input(placeholder=_("2026-12-10, friday, in 2 weeks"), id="trip-from"))
                yield self._field(_("To"), Input(placeholder=_("2026-12-12 (optional)"), id="trip-to"))
            yield Static("", id="trip-status", markup=False)
            yield TripTable(id="trip-people", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    @staticmethod
    def _field(label: str, field: Input) -> Vertical:
        field.compact = True
        return Vertical(Label(label), field)

    def on_mount(self) -> None:
        table = self.query_one(TripTable)
        for key, heading in COLUMNS:
            table.add_column(_(heading), key=key)
        if self.initial_city.strip():
            self._list(focus_table=True)
        else:
            self._status(_("Type a city, then Enter."))

    def reload(self) -> None:
        # What was done elsewhere (a log, a follow-up on a contact's screen, another writer)
        # shows here; the line above the table keeps what it said.
        if self.listed is not None:
            self.list_people(self.listed, focus_table=False, keep_status=True)

    # --- reading ---------------------------------------------------------------------------

    def _request(self) -> TripRequest:
        return TripRequest(*(self.query_one(f"#{name}", Input).value for name in ("trip-city", "trip-from", "trip-to")))

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#trip-status", Static)
        status.update(text)
        status.set_class(error, "-error")

    def _failed(self, error: ValidationError) -> None:
        self._status(error.message, error=True)
        target = FIELD_INPUTS.get(error.field, "trip-city")
        field = self.query_one(f"#{target}", Input)
        field.focus()
        field.select_all()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._list(focus_table=True)

    def _list(self, focus_table: bool) -> None:
        request = self._request()
        city = " ".join(request.city.split())
        self._status(_("Looking for people in {city}…", city=city) if city else "")
        self.list_people(request, focus_table)

    def list_people(self, request: TripRequest, focus_table: bool, keep_status: bool = False) -> None:
        def read() -> tuple[list[trips.TripPerson], str]:
            # The days are read now, so a mistake shows before anyone is chosen.
            if request.start.strip():
                when.parse_date(request.start, "from", future=True)
            if request.end.strip():
                when.parse_date(request.end, "to", future=True)
            people = trips.people_in_city(request.city)
            return people, trips.spelling_in_network(request.city) if people else " ".join(request.city.split())

        run_in_thread(self, read, done=lambda found: self._show(request, *found, focus_table, keep_status=keep_status),
                      failed=self._refused, group="trip", exclusive=True, drop_cancelled=True)

    def _refused(self, error: NetuiError) -> None:
        if isinstance(error, ValidationError):
            self._failed(error)
        else:
            self._status(str(error), True)

    def _show(self, request: TripRequest, people: list[trips.TripPerson], city: str, focus_table: bool,
              message: str | None = None, keep_status: bool = False) -> None:
        same_city = self.listed is not None and self.listed.trip_key[0] == request.trip_key[0]
        ids = {p.contact_id for p in people}
        self.selected = self.selected & ids if same_city else set()
        self.listed = request
        self.people = people
        self.city = city
        table = self.query_one(TripTable)
        keep = self.highlighted_contact() if same_city else None
        table.clear()
        now = when.now()
        for person in people:
            table.add_row(*person_row(person, person.contact_id in self.selected, now), key=str(person.contact_id))
        if keep in ids:
            table.move_cursor(row=table.get_row_index(str(keep)))
        if keep_status:
            pass
        elif message:
            self._status(message)
        elif not people:
            self._status(_("Nobody in your network lives in {city}.", city=city))
        else:
            self._status(self._summary(city))
        if focus_table and people:
            table.focus()

    def _summary(self, city: str) -> str:
        count = len(self.people)
        text = ngettext("{n} person in {city}.", "{n} people in {city}.", count, city=city)
        if self.selected:
            text += " " + ngettext("{n} selected.", "{n} selected.", len(self.selected))
        return text + " " + _("space selects, a selects all, f tells them about your trip, Enter opens.")

    # --- the table -------------------------------------------------------------------------

    def highlighted_contact(self) -> int | None:
        table = self.query_one(TripTable)
        if not table.row_count:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def _mark(self, contact_id: int) -> None:
        table = self.query_one(TripTable)
        selected = contact_id in self.selected
        table.update_cell(str(contact_id), "mark", Text(SELECTED_MARK if selected else "", style="bold"))
        person = next(p for p in self.people if p.contact_id == contact_id)
        table.update_cell(str(contact_id), "name", Text(person.name, style="bold" if selected else ""))

    def action_toggle(self) -> None:
        contact_id = self.highlighted_contact()
        if contact_id is None:
            return
        self.selected ^= {contact_id}
        self._mark(contact_id)
        self._status(self._summary(self.city))

    def action_toggle_all(self) -> None:
        if not self.people:
            return
        everyone = {p.contact_id for p in self.people}
        self.selected = set() if self.selected == everyone else everyone
        for contact_id in everyone:
            self._mark(contact_id)
        self._status(self._summary(self.city))

    @on(DataTable.RowSelected, "#trip-people")
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.app.open_contact(int(event.row_key.value))

    # --- telling them ----------------------------------------------------------------------

    def action_tell_them(self) -> None:
        if self.listed is None:
            return
        if not self.selected:
            self._status(_("Select people first: space selects the highlighted person, a selects everyone."),
                         error=True)
            return
        # The days as typed now (the list may have been read before they were typed).
        request = TripRequest(self.listed.city, *(self.query_one(f"#{name}", Input).value
                                                  for name in ("trip-from", "trip-to")))
        if not request.start.strip():
            self._failed(ValidationError("from", _("Say when the trip starts (From) to tell people about it.")))
            return
        ids = [p.contact_id for p in self.people if p.contact_id in self.selected]
        # The same trip (city and days as before) keeps its event; another one gets its own.
        same_trip = self._saved_trip[1] if self._saved_trip and self._saved_trip[0] == request.trip_key else None
        self._status(_("Creating follow-ups…"))

        def tell() -> tuple[trips.TripTold, list[trips.TripPerson], str]:
            told = trips.tell_about_trip(ids, request.city, request.start, request.end, same_trip)
            return told, trips.people_in_city(request.city), trips.spelling_in_network(request.city)

        run_in_thread(self, tell, done=lambda found: self._told(request, *found), failed=self._refused,
                      group="trip-tell", exclusive=True)

    def _told(self, request: TripRequest, told: trips.TripTold, people: list[trips.TripPerson], city: str) -> None:
        self._saved_trip = (request.trip_key, told.trip_id)
        message = ngettext("{n} follow-up created for your trip to {city}",
                           "{n} follow-ups created for your trip to {city}", len(told.followups), city=told.city)
        self.selected = set()  # pressing f again must not tell the same people twice
        self._show(request, people, city, focus_table=False, message=message + ".")
        self.app.publish_change(source=self)
        self.app.notify(message)

    def action_back(self) -> None:
        self.app.pop_screen()
