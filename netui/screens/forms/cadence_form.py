"""Keep in touch with a contact: how often, and optionally snooze it for a few days.

See netui.screens.forms.form for how saving and errors work. The caller passes the contact's
current upkeep.KeepInTouch as initial["status"] (shown at the top) and does, on submit:

    upkeep.set_cadence(contact_id, values["every"])
    if values["snooze_days"]:
        upkeep.snooze_cadence(contact_id, values["snooze_days"])

values() are checked before they are handed over (a custom cadence with upkeep.parse_cadence,
the snooze 1 to 365 days), so the second call cannot fail after the first has written.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from netui import upkeep
from netui.i18n import _, ngettext
from netui.labels import label
from netui.screens.forms.fields import whole_number
from netui.when import typed_date
from netui.screens.forms.form import FormScreen, error_slot, form_buttons
from netui.screens.forms.snooze_form import snooze_days

CUSTOM = "custom"


def source_text(source: str) -> str:
    """Where a cadence comes from, in words: 'their own', 'the default of circle work'."""
    if source == "contact":
        return _("their own")
    if source == "none":
        return _("set to none for them")
    scope, _sep, name = source.partition(":")
    if scope in ("circle", "tag") and name:
        return _("the default of {scope} {name}", scope=label(scope),
                 name=label(name) if scope == "circle" else name)
    return _("no default applies")


def status_text(status: upkeep.KeepInTouch) -> Text:
    """'Now: 1 month (their own) · due 2026-12-29 · warm' — plain Text, no markup."""
    text = Text(_("Now: "), style="bold")
    if status.cadence_days:
        text.append(_("{every} ({source})", every=upkeep.cadence_label(status.cadence_days),
                      source=source_text(status.source)))
    else:
        text.append(_("no keep-in-touch") + (f" ({source_text(status.source)})" if status.source else ""))
    if status.due_on:
        text.append(" · " + _("due {day}", day=typed_date(status.due_on)))
    if status.days_overdue:
        text.append(" · " + ngettext("{n} day overdue", "{n} days overdue", status.days_overdue), style="bold")
    if status.snoozed_until:
        text.append(" · " + _("snoozed until {day}", day=typed_date(status.snoozed_until)))
    text.append(" · " + label(status.warmth))
    return text


def initial_choice(status: upkeep.KeepInTouch | None) -> tuple[str, str]:
    """(what the Select starts on, the custom days) for the contact's current cadence."""
    if status is None or status.source not in ("contact", "none"):
        return upkeep.DEFAULT, ""
    if status.source == "none":
        return "none", ""
    preset = next((p.key for p in upkeep.CADENCE_PRESETS if p.days == status.cadence_days), None)
    return (preset, "") if preset else (CUSTOM, str(status.cadence_days))


class CadenceForm(FormScreen):
    """CadenceForm(title, values, submit): values["status"] is the contact's KeepInTouch (or a
    sentence); values["every"] / values["custom_days"] / values["snooze_days"] preset the fields."""

    ERROR_TARGET = {"cadence": "custom_days", "days": "snooze_days", "every": "every"}
    FALLBACK_FIELD = "every"
    AUTO_FOCUS = "#every"
    DEFAULT_CSS = """
    CadenceForm #cadence-status { height: auto; margin-bottom: 1; }
    CadenceForm .field-help { color: $text-muted; text-style: italic; }
    """

    def compose(self) -> ComposeResult:
        status = self.initial.get("status")
        every, custom = initial_choice(status if isinstance(status, upkeep.KeepInTouch) else None)
        every = str(self.initial.get("every") or every)
        choices = [(_("every {label}", label=_(p.label)) if p.days else _("none: do not remind me"), p.key)
                   for p in upkeep.CADENCE_PRESETS]
        choices += [(_("follow the circle/tag default"), upkeep.DEFAULT), (_("custom: a number of days"), CUSTOM)]
        if every not in {key for _label, key in choices}:
            every, custom = CUSTOM, every
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            if isinstance(status, upkeep.KeepInTouch):
                yield Static(status_text(status), id="cadence-status")
            elif status:
                yield Static(str(status), id="cadence-status", markup=False)
            yield Label(_("Keep in touch"), classes="field-label")
            yield Select(choices, value=every, allow_blank=False, id="every")
            yield error_slot("every")
            yield Label(_("Custom: every … days"), classes="field-label")
            yield Input(str(self.initial.get("custom_days") or custom), placeholder="45", id="custom_days")
            yield error_slot("custom_days")
            yield Label(_("Snooze … days (optional)"), classes="field-label")
            yield Input(str(self.initial.get("snooze_days") or ""), placeholder="14", id="snooze_days")
            yield Static(_("Not overdue until then, whatever the cadence."), classes="field-help")
            yield error_slot("snooze_days")
            yield form_buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self._follow_choice()

    @property
    def choice(self) -> str:
        return str(self.query_one("#every", Select).value)

    @on(Select.Changed, "#every")
    def _follow_choice(self) -> None:
        self.query_one("#custom_days", Input).disabled = self.choice != CUSTOM

    def values(self) -> dict:
        every: str | int = self.choice
        if every == CUSTOM:
            days = whole_number(self.query_one("#custom_days", Input).value, "custom_days",
                                _("keep in touch every how many days?"))
            every = upkeep.parse_cadence(days)  # 1 to 3650 days, else an error under the field
        snooze = self.query_one("#snooze_days", Input).value
        return {"every": every, "snooze_days": snooze_days(snooze, "snooze_days") if snooze.strip() else None}
