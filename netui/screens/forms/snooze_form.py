"""Snooze something (a follow-up, keeping in touch with someone) for a number of days.

See netui.screens.forms.form for how saving and errors work. values() is {"days": the text typed};
the caller reads it with snooze_days(), which raises ValidationError("days", ...) shown under
the field, and calls the domain, e.g.

    def submit(values):
        until = followups.snooze_followup(followup_id, snooze_days(values["days"]))
"""

from __future__ import annotations

import datetime as dt
import re

import pendulum

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from netui import when
from netui.errors import ValidationError
from netui.i18n import _, language
from netui.screens.forms.form import FormScreen, error_slot, form_buttons

MAX_SNOOZE_DAYS = 365
DEFAULT_SNOOZE_DAYS = 7


def snooze_days(text: str | int, field: str = "days", start: dt.date | None = None) -> int:
    """Days to snooze, 1 to 365, from what was typed: a number, or a day as every date field
    reads it ("friday", "next week", "in 2 weeks", "3 dicembre"), counted from `start`
    (default today); else ValidationError naming `field`."""
    raw = str(text).strip()
    if raw and not raw.isdigit():
        try:
            day = when.parse_date(raw, field, future=True)
        except ValidationError:
            if re.search(r"\d[/.-]\d", raw):  # a date, wrong ("31/02"): say what is wrong with it
                raise
            day = None  # neither a number nor a day: say what the field takes
        raw = str((day - (start or when.today())).days) if day else raw
        if day and int(raw) < 1:
            raise ValidationError(field, _("Snooze until a day after {start}, not {day}.",
                                           start=(start or when.today()).isoformat(), day=day.isoformat()))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_SNOOZE_DAYS:
        raise ValidationError(field, _("Snooze for 1 to {most} days, not '{typed}'.", most=MAX_SNOOZE_DAYS,
                                       typed=str(text).strip()))
    return int(raw)


def until_day(day: dt.date) -> str:
    """'Sun 06 Dec 2026' / 'dom 6 dic 2026': the day a snooze ends."""
    # A pendulum format, the way the user's language writes a day with its weekday.
    shape = _("ddd DD MMM YYYY")
    return pendulum.date(day.year, day.month, day.day).format(shape, locale=language())


class SnoozeForm(FormScreen):
    """SnoozeForm(title, values, submit): values["days"] is the default (e.g. 7), values["what"]
    says what is snoozed ("the follow-up with Giulia Rossi: send the deck"; shown capitalised),
    values["start"] the day the days count from (default today: a follow-up not due yet counts
    from its day)."""

    FALLBACK_FIELD = "days"
    AUTO_FOCUS = "#days"
    DEFAULT_CSS = """
    SnoozeForm > VerticalScroll { width: 60; }
    SnoozeForm #snooze-what { height: auto; }
    SnoozeForm #snooze-until { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.form_title, classes="form-title", markup=False)
            what = str(self.initial.get("what") or "").strip()
            if what:  # "the follow-up with Giulia: …" reads as a line of its own
                yield Static(what[:1].upper() + what[1:], id="snooze-what", markup=False)
            yield Label(_("Snooze for … days (or until a day: friday, next week)"), classes="field-label")
            yield Input(str(self.initial.get("days") or DEFAULT_SNOOZE_DAYS), placeholder=str(DEFAULT_SNOOZE_DAYS),
                        id="days")
            yield Static("", id="snooze-until", markup=False)
            yield error_slot("days")
            yield form_buttons(_("Snooze (ctrl+s)"))

    def on_mount(self) -> None:
        super().on_mount()
        self._show_until()
        # Typing a number replaces the default; arrows keep it.
        self.call_after_refresh(self.query_one("#days", Input).select_all)

    @on(Input.Changed, "#days")
    def _show_until(self) -> None:
        """Which day the snooze ends, as the days are typed."""
        start = self.initial.get("start") or when.today()
        try:
            days = snooze_days(self.query_one("#days", Input).value, start=start)
        except ValidationError:
            days = 0
        until = start + dt.timedelta(days=days) if 1 <= days <= MAX_SNOOZE_DAYS else None
        self.query_one("#snooze-until", Static).update(
            _("until {day}", day=until_day(until)) if until else "")

    def values(self) -> dict:
        return {"days": self.query_one("#days", Input).value}
