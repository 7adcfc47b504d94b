"""An important date of a contact: a birthday, an anniversary, a name day... the year optional.

See netui.screens.forms.form for how saving and errors work. values() are the keyword arguments of
dates.add_date after the contact: `dates.add_date(contact_id, **values)`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from netui.i18n import N_, _
from netui.screens.forms.fields import whole_number
from netui.screens.forms.form import FormScreen, error_slot, form_buttons

OTHER = "other"
# The labels offered; "other" asks for one in words.
DATE_LABELS = ("birthday", "work anniversary", "anniversary", "name day", OTHER)
# What they are called on screen (the stored label stays the English word).
DATE_LABEL_NAMES = {"birthday": N_("birthday"), "work anniversary": N_("work anniversary"),
                    "anniversary": N_("anniversary"), "name day": N_("name day"), OTHER: N_("other")}
DEFAULT_REMIND_DAYS = 7


class ImportantDateForm(FormScreen):
    """ImportantDateForm(title, values, submit): `values` may hold "label" (one of DATE_LABELS
    or any words), "text" (the date as typed) and "remind_days_before"."""

    # Not "label": Select has an inner widget with that id.
    ERROR_TARGET = {"label": "label_text", "text": "date", "remind": "remind_days_before"}
    FALLBACK_FIELD = "date"
    AUTO_FOCUS = "#kind"
    DEFAULT_CSS = """
    ImportantDateForm .field-help { color: $text-muted; text-style: italic; }
    ImportantDateForm .-hidden { display: none; }
    """

    def compose(self) -> ComposeResult:
        label = " ".join(str(self.initial.get("label") or "").split())
        kind = label if label in DATE_LABELS else (OTHER if label else DATE_LABELS[0])
        remind = self.initial.get("remind_days_before", DEFAULT_REMIND_DAYS)
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Label(_("What"), classes="field-label")
            yield Select([(_(DATE_LABEL_NAMES[k]), k) for k in DATE_LABELS], value=kind, allow_blank=False, id="kind")
            yield Label(_("Label"), id="label_text-label", classes="field-label")
            yield Input("" if kind != OTHER else label, placeholder=_("wedding day, graduation, arrived in Milano"),
                        id="label_text")
            yield error_slot("label_text")
            yield Label(_("Date"), classes="field-label")
            yield Input(str(self.initial.get("text") or ""), placeholder=_("1985-04-15, --04-15, 04-15, 15/04"),
                        id="date")
            yield Static(_("The year is optional: --04-15, 04-15 or 15/04 when you do not know it."),
                         classes="field-help")
            yield error_slot("date")
            yield Label(_("Remind me … days before"), classes="field-label")
            yield Input(str(remind), placeholder=str(DEFAULT_REMIND_DAYS), id="remind_days_before")
            yield error_slot("remind_days_before")
            yield form_buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self._follow_kind()

    @property
    def kind(self) -> str:
        return str(self.query_one("#kind", Select).value)

    @on(Select.Changed, "#kind")
    def _follow_kind(self) -> None:
        """The label in words is asked for only with "other"."""
        other = self.kind == OTHER
        for widget in self.query("#label_text, #label_text-label"):
            widget.set_class(not other, "-hidden")

    def values(self) -> dict:
        label = self.query_one("#label_text", Input).value if self.kind == OTHER else self.kind
        return {
            "label": label,
            "text": self.query_one("#date", Input).value,
            "remind_days_before": whole_number(
                self.query_one("#remind_days_before", Input).value, "remind_days_before",
                _("how many days before to remind you (0: on the day)."),
            ),
        }
