"""A recurring appointment: what, with whom, from when, how often, until when.

See netui.screens.forms.form for how saving and errors work. values() are exactly the keyword
arguments of appointments.create_appointment, so the caller does
`appointments.create_appointment(**values)`. The people picker behaves as in the interaction
form (Enter picks the highlighted match and never saves; a name typed but not picked is
refused), which this form inherits.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.i18n import N_, _
from netui.screens.forms.fields import whole_number
from netui.screens.forms.form import error_slot, form_buttons
from netui.screens.forms.interaction_form import InteractionForm
from netui.widgets.contact_picker import ContactPicker, Finder

FREQUENCIES = ("weekly", "monthly")
FREQUENCY_LABELS = {"weekly": N_("weekly"), "monthly": N_("monthly")}
DEFAULTS = {"title": "", "start": "", "freq": "weekly", "interval": "1", "weekdays": "",
            "until": "", "count": "", "duration_minutes": "60", "notes": ""}
PLACEHOLDERS = {
    "title": N_("Coffee with Giulia, padel, mentoring call"),
    "start": N_("2026-12-01 18:00, tomorrow 18:00"),
    "interval": "1",
    "weekdays": N_("tue,thu (optional)"),
    "until": N_("2026-12-31 (optional)"),
    "count": N_("10 (optional)"),
    "duration_minutes": "60",
}
LABELS = {
    "title": N_("Title"), "participants": N_("With"), "start": N_("First time"), "freq": N_("Repeat"),
    "interval": N_("Every"), "weekdays": N_("On (weekly only)"), "until": N_("Until (a day)"),
    "count": N_("Or … times"), "duration_minutes": N_("Duration (minutes)"), "notes": N_("Notes"),
}
UNITS = {"weekly": N_("Every … weeks"), "monthly": N_("Every … months")}


class AppointmentForm(InteractionForm):
    """AppointmentForm(title, values, find_people, submit): `values` may hold "participants"
    ([(contact id, name)], e.g. the contact the form was opened from) and any field of DEFAULTS."""

    ERROR_TARGET = {"duration": "duration_minutes", "contact_ids": "participants", "timezone": "start"}
    FALLBACK_FIELD = "title"
    DEFAULT_CSS = """
    AppointmentForm .row { height: auto; }
    AppointmentForm .row > Vertical { width: 1fr; height: auto; margin-right: 1; }
    AppointmentForm .row > Vertical:last-child { margin-right: 0; }
    """

    def __init__(self, title: str, values: dict, find_people: Finder,
                 submit: Callable[[dict], None]) -> None:
        super().__init__(title, {**DEFAULTS, **values}, find_people, submit)
        self.AUTO_FOCUS = "#title"

    def compose(self) -> ComposeResult:
        freq = self.initial["freq"] if self.initial["freq"] in FREQUENCIES else "weekly"
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield from self._field("title", self._input("title"))
            yield from self._field("participants", ContactPicker(
                self._find_people, list(self.initial.get("participants") or ()), multiple=True, id="participants"))
            yield from self._field("start", self._input("start"))
            with Horizontal(classes="row"):
                yield self._column("freq", Select([(_(FREQUENCY_LABELS[f]), f) for f in FREQUENCIES], value=freq,
                                                  allow_blank=False, id="freq"))
                yield self._column("interval", self._input("interval"))
                yield self._column("weekdays", self._input("weekdays"))
            with Horizontal(classes="row"):
                yield self._column("until", self._input("until"))
                yield self._column("count", self._input("count"))
                yield self._column("duration_minutes", self._input("duration_minutes"))
            yield from self._field("notes", TextArea(self.initial.get("notes") or "", id="notes"))
            yield form_buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self._follow_frequency()

    def _input(self, field: str) -> Input:
        return Input(str(self.initial.get(field) or ""), placeholder=_(PLACEHOLDERS[field]), id=field)

    def _field(self, field: str, widget: Widget) -> ComposeResult:
        yield Label(_(LABELS[field]), id=f"{field}-label", classes="field-label")
        yield widget
        yield error_slot(field)

    def _column(self, field: str, widget: Widget) -> Vertical:
        return Vertical(*self._field(field, widget))

    @property
    def frequency(self) -> str:
        return str(self.query_one("#freq", Select).value)

    @on(Select.Changed, "#freq")
    def _follow_frequency(self) -> None:
        """Weekdays go with a weekly rule only; "every" counts weeks or months."""
        self.query_one("#weekdays", Input).disabled = self.frequency != "weekly"
        self.query_one("#interval-label", Label).update(_(UNITS[self.frequency]))

    def values(self) -> dict:
        text = {field: self.query_one(f"#{field}", Input).value
                for field in ("title", "start", "interval", "weekdays", "until", "count", "duration_minutes")}
        weekly = self.frequency == "weekly"
        return {
            "title": text["title"],
            "contact_ids": self.query_one("#participants", ContactPicker).chosen_ids,
            "start": text["start"],
            "freq": self.frequency,
            "interval": whole_number(text["interval"] or "1", "interval", _("repeat every 1 to 52 weeks or months.")),
            "weekdays": text["weekdays"] if weekly else "",
            "until": text["until"].strip() or None,
            "count": whole_number(text["count"], "count", _("how many times, or leave it empty."), optional=True),
            "duration_minutes": whole_number(text["duration_minutes"] or "60", "duration_minutes",
                                             _("the duration in minutes.")),
            "notes": self.query_one("#notes", TextArea).text,
        }
