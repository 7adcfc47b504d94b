"""New / edit event (see netui.screens.forms.form for how saving and errors work).

Times are typed as a person says them ("2026-12-03 09:00", "tomorrow 18:00", "in 5 days 09:00",
"next week", "domani alle 9": netui.when reads them, as every date field) and read in
the event's own time zone (the Time zone field), which is also the zone they are shown in
when editing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from netui import events
from netui.i18n import N_, _, language
from netui.labels import label
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.when import local_zone

TIME_FORMAT = "YYYY-MM-DD HH:mm"
# In Italian the day comes first, as Italians write it (netui.when reads both).
ITALIAN_TIME_FORMAT = "DD/MM/YYYY HH:mm"
# The keys of values(): exactly the keyword arguments of events.create_event / update_event.
INPUT_FIELDS = ("title", "starts_at", "ends_at", "timezone", "venue", "city", "country", "link", "goal")
PLACEHOLDERS = {
    "title": "Web Marketing Festival",
    "starts_at": N_("2026-12-03 09:00, tomorrow 18:00"),
    "ends_at": N_("2026-12-03 18:00 (optional)"),
    "timezone": "Europe/Rome",
    "venue": N_("Fiera Milano, hall 3"),
    "city": "Milano",
    "country": N_("Italy"),
    "link": N_("https://… (webinars, tickets)"),
    "goal": N_("meet 3 buyers"),
}
LABELS = {
    "title": N_("Title"), "kind": N_("Kind"), "status": N_("Status"), "starts_at": N_("Starts"),
    "ends_at": N_("Ends"), "timezone": N_("Time zone"), "venue": N_("Venue"), "city": N_("City"), "country": N_("Country"),
    "link": N_("Link"), "goal": N_("Goal"), "notes": N_("Notes"),
}


def _local_time(instant, zone: str) -> str:
    if instant is None:
        return ""
    shape = ITALIAN_TIME_FORMAT if language() == "it" else TIME_FORMAT
    return instant.in_timezone(zone or local_zone().name).format(shape)


def event_form_values(detail: events.EventDetail) -> dict:
    """The form's initial values for an existing event (times in the event's own zone)."""
    return {
        "title": detail.title, "kind": detail.kind, "status": detail.status,
        "starts_at": _local_time(detail.starts_at, detail.timezone),
        "ends_at": _local_time(detail.ends_at, detail.timezone),
        "timezone": detail.timezone, "venue": detail.venue, "city": detail.city, "country": detail.country,
        "link": detail.link, "goal": detail.goal, "notes": detail.notes,
    }


class EventForm(FormScreen):
    FALLBACK_FIELD = "title"
    DEFAULT_CSS = """
    EventForm .row { height: auto; }
    EventForm .row > Vertical { width: 1fr; height: auto; }
    EventForm .row > Vertical { margin-right: 1; }
    EventForm .row > Vertical:last-child { margin-right: 0; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield from self._field("title", self._input("title"))
            with Horizontal(classes="row"):
                yield self._column("kind", self._select("kind", events.EVENT_KINDS, "other"))
                yield self._column("status", self._select("status", events.EVENT_STATUSES, "idea"))
            with Horizontal(classes="row"):
                yield self._column("starts_at", self._input("starts_at"))
                yield self._column("ends_at", self._input("ends_at"))
            yield from self._field("timezone", self._input("timezone", default=local_zone().name))
            with Horizontal(classes="row"):
                yield self._column("venue", self._input("venue"))
                yield self._column("city", self._input("city"))
                yield self._column("country", self._input("country"))
            yield from self._field("link", self._input("link"))
            yield from self._field("goal", self._input("goal"))
            yield from self._field("notes", TextArea(self.initial.get("notes") or "", id="notes"))
            yield form_buttons()

    def _input(self, field: str, default: str = "") -> Input:
        value = self.initial.get(field) or default
        return Input(str(value), placeholder=_(PLACEHOLDERS[field]), id=field)

    def _select(self, field: str, choices: tuple[str, ...], default: str) -> Select:
        value = self.initial.get(field) or default
        if value not in choices:
            value = default
        return Select([(label(choice), choice) for choice in choices], value=value, allow_blank=False, id=field)

    def _field(self, field: str, widget: Widget) -> ComposeResult:
        yield Label(_(LABELS[field]), classes="field-label")
        yield widget
        yield error_slot(field)

    def _column(self, field: str, widget: Widget) -> Vertical:
        return Vertical(*self._field(field, widget))

    def values(self) -> dict:
        data = {field: self.query_one(f"#{field}", Input).value for field in INPUT_FIELDS}
        data["kind"] = self.query_one("#kind", Select).value
        data["status"] = self.query_one("#status", Select).value
        data["notes"] = self.query_one("#notes", TextArea).text
        return data
