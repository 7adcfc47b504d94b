"""What the app does when a screen asks for it: open a screen, show a form, and do the work
through the domain layer when the form is submitted. Mixed into NetuiApp (app.py stays thin).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import SuspendNotSupported

from netui import contacts, events, followups, lifecycle, timeline
from netui.i18n import _
from netui.labels import label
from netui.screens.contact import ContactScreen
from netui.screens.forms.contact_form import ContactForm
from netui.screens.guard import reports_errors
from netui.widgets.contact_picker import LABEL_SEPARATOR


def person_label(summary: contacts.ContactSummary) -> str:
    """How a person is named in pickers: 'Giulia Rossi · Lumen Digital · Milano'."""
    return LABEL_SEPARATOR.join(part for part in (summary.name, summary.company, summary.city) if part)


class Actions:
    """Flows shared by several screens. `self` is the App."""

    _undo: list[tuple[str, int]]

    # --- people ------------------------------------------------------------------------

    def find_people(self, text: str) -> list[tuple[int, str]]:
        return [(s.id, person_label(s)) for s in contacts.search_contacts(text, limit=20)]

    def open_contact(self, contact_id: int) -> None:
        self.push_screen(ContactScreen(contact_id))

    def new_contact(self) -> None:
        def submit(values: dict) -> None:
            contact_id = contacts.save_contact(None, values)
            self.notify(_("Added {name}.", name=contacts.get_contact(contact_id).name))

        self.push_screen(ContactForm(_("New contact"), {}, submit))

    def edit_contact(self, contact_id: int) -> None:
        detail = contacts.get_contact(contact_id)
        values = {
            "first_name": detail.first_name, "last_name": detail.last_name, "company": detail.company,
            "role": detail.role, "city": detail.city, "country": detail.country,
            "circle": detail.circle, "how_met": detail.how_met, "notes": detail.notes,
            "cadence_days": detail.cadence_days or "", "tags": " ".join(detail.tags),
            "email": (detail.emails or [""])[0], "phone": (detail.phones or [""])[0],
        }

        def submit(form_values: dict) -> None:
            contacts.save_contact(contact_id, form_values)
            self.notify(_("Saved {name}.", name=contacts.get_contact(contact_id).name))

        self.push_screen(ContactForm(_("Edit {name}", name=detail.name), values, submit))

    @reports_errors
    def trash_contact(self, contact_id: int) -> None:
        name = contacts.get_contact(contact_id).name
        lifecycle.trash_contact(contact_id)
        self._undo.append(("trash", contact_id))  # i18n: not text
        if isinstance(self.screen, ContactScreen):
            self.pop_screen()
        self.refresh_screen()
        self.notify(_("Moved {name} to the trash. ctrl+z undoes.", name=name))

    @reports_errors
    def undo_last(self) -> None:
        if not self._undo:
            self.notify(_("Nothing to undo."), severity="warning")
            return
        what, contact_id = self._undo.pop()
        if what == "trash":
            lifecycle.restore_contact(contact_id)
            self.refresh_screen()
            self.notify(_("Restored {name}.", name=contacts.get_contact(contact_id).name))

    @reports_errors
    def edit_notes_in_editor(self, contact_id: int) -> None:
        """Long notes are best written in the user's own editor ($VISUAL or $EDITOR)."""
        detail = contacts.get_contact(contact_id)
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        # A private temporary file (mode 0600): the notes are personal.
        handle, name = tempfile.mkstemp(prefix="netui-notes-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(detail.notes)
            try:
                try:
                    with self.suspend():
                        finished = subprocess.run([*editor, str(path)])
                except SuspendNotSupported:  # no real terminal (tests): run it as it is
                    finished = subprocess.run([*editor, str(path)])
            except OSError as error:
                self.notify(_("Could not start the editor {editor}: {error}", editor=editor[0],
                              error=error.strerror), severity="error")
                return
            if finished.returncode != 0:
                self.notify(_("The editor exited with an error; the notes were not changed."), severity="error")
                return
            notes = path.read_text(encoding="utf-8").rstrip("\n")
        finally:
            path.unlink(missing_ok=True)
        if notes != detail.notes:
            contacts.update_contact(contact_id, notes=notes)
            self.refresh_screen()
            self.notify(_("Notes of {name} saved.", name=detail.name))

    def open_trash(self) -> None:
        from netui.screens.trash import TrashScreen

        self.push_screen(TrashScreen())

    def refresh_screen(self) -> None:
        reload = getattr(self.screen, "reload", None)
        # A screen pushed but not built yet loads its data when it mounts.
        if reload is not None and self.screen.is_mounted:
            reload()

    # --- timeline and follow-ups ------------------------------------------------------

    def log_interaction(self, contact_ids: tuple[int, ...] = ()) -> None:
        from netui.screens.forms.interaction_form import InteractionForm

        initial = {
            "participants": [(i, contacts.get_contact(i).name) for i in contact_ids],
            "kind": "meeting", "when": _("now"), "summary": "", "notes": "",
        }

        def submit(values: dict) -> None:
            interaction_id = timeline.log_interaction(
                values["participant_ids"], values["kind"], values["when"],
                summary=values["summary"], notes=values["notes"],
            )
            info = timeline.get_interaction(interaction_id)
            self.notify(_("Logged {kind} with {people}.", kind=label(info.kind),
                          people=", ".join(p.name for p in info.participants)))

        self.push_screen(InteractionForm(_("Log an interaction"), initial, self.find_people, submit))

    def add_followup(self, contact_id: int) -> None:
        from netui.screens.forms.followup_form import FollowUpForm

        name = contacts.get_contact(contact_id).name

        def submit(values: dict) -> None:
            followups.create_followup(contact_id, values["due_on"], values["action"], values["channel"])
            self.notify(_("Follow-up with {name} added.", name=name))

        initial = {"due_on": _("in 2 days"), "channel": "", "action": ""}
        self.push_screen(FollowUpForm(_("Follow up with {name}", name=name), initial, submit))

    # --- keeping in touch ---------------------------------------------------------------

    def set_keep_in_touch(self, contact_id: int) -> None:
        from netui import upkeep
        from netui.screens.forms.cadence_form import CadenceForm

        name = contacts.get_contact(contact_id).name

        def submit(values: dict) -> None:
            upkeep.set_cadence(contact_id, values["every"])
            if values["snooze_days"]:
                upkeep.snooze_cadence(contact_id, values["snooze_days"])
            status = upkeep.keep_in_touch(contact_id)
            self.refresh_screen()
            self.notify(_("Keep in touch with {name}: {every}.", name=name,
                          every=upkeep.cadence_label(status.cadence_days)))

        status = upkeep.keep_in_touch(contact_id)
        self.push_screen(CadenceForm(_("Keep in touch with {name}", name=name), {"status": status}, submit))

    def add_important_date(self, contact_id: int) -> None:
        from netui import dates
        from netui.screens.forms.date_form import ImportantDateForm

        name = contacts.get_contact(contact_id).name

        def submit(values: dict) -> None:
            dates.add_date(contact_id, **values)
            self.refresh_screen()
            self.notify(_("Added {label} of {name}.", label=dates.shown_label(values["label"]), name=name))

        self.push_screen(ImportantDateForm(_("A date to remember for {name}", name=name), {}, submit))

    def new_appointment(self, contact_ids: tuple[int, ...] = ()) -> None:
        from netui import appointments
        from netui.screens.forms.appointment_form import AppointmentForm

        def submit(values: dict) -> None:
            appointment_id = appointments.create_appointment(**values)
            info = appointments.get_appointment(appointment_id)
            self.refresh_screen()
            self.notify(_("{title}: {rule}.", title=info.title, rule=info.description))

        initial = {"participants": [(i, contacts.get_contact(i).name) for i in contact_ids]}
        self.push_screen(AppointmentForm(_("Recurring appointment"), initial, self.find_people, submit))

    def open_trip(self, city: str = "") -> None:
        from netui.screens.trip import TripScreen

        self.push_screen(TripScreen(city))

    # --- give & take -------------------------------------------------------------------

    def record_favour(self, contact_id: int, direction: str) -> None:
        from netui import giving
        from netui.screens.forms.favour_form import FavourForm

        name = contacts.get_contact(contact_id).name

        def submit(values: dict) -> None:
            giving.record_favour(contact_id, direction, **values)
            self.refresh_screen()
            ledger = giving.balance(contact_id)
            self.notify(_("Recorded. With {name}: you gave {given}, received {received}.", name=name,
                          given=ledger.given, received=ledger.received))

        title = (_("A favour you did for {name}", name=name) if direction == "gave"
                 else _("A favour {name} did for you", name=name))
        hint = _("in 2 weeks: check it helped") if direction == "gave" else _("tomorrow: thank them")
        self.push_screen(FavourForm(title, {"followup_hint": hint}, submit))

    def introduce(self, contact_id: int) -> None:
        from netui import giving
        from netui.screens.forms.introduce_form import IntroduceForm

        name = contacts.get_contact(contact_id).name

        def submit(values: dict) -> None:
            introduction_id = giving.introduce(contact_id, values["other_id"], values["reason"], values["on"],
                                               values["status"])
            info = giving.get_introduction(introduction_id)
            if values["status"] == "made" and values["followup"]:
                offer = giving.introduction_offer(introduction_id)
                giving.accept_introduction_offer(offer)
                message = _("Introduced {a} to {b}; follow-ups with both by {day}.", a=info.person_a_name,
                            b=info.person_b_name, day=offer.due_on.isoformat())
            elif values["status"] == "made":
                message = _("Introduced {a} to {b}.", a=info.person_a_name, b=info.person_b_name)
            else:
                message = _("Introduction of {a} to {b} noted as an idea.", a=info.person_a_name,
                            b=info.person_b_name)
            self.refresh_screen()
            self.notify(message)

        self.push_screen(IntroduceForm(_("Introduce {name} to…", name=name), {}, self.find_people, submit))

    @reports_errors
    def advance_introduction(self, introduction_id: int) -> None:
        """Move an introduction to its next status: made (then offer follow-ups with both),
        met, outcome (asking what came of it)."""
        from netui import giving
        from netui.screens.confirm import ConfirmScreen
        from netui.screens.give_take import OutcomeForm

        info = giving.get_introduction(introduction_id)
        following = giving.next_status(info.status)
        pair = _("{a} and {b}", a=info.person_a_name, b=info.person_b_name)
        if following is None:
            self.notify(_("The introduction of {pair} is closed: {outcome}", pair=pair, outcome=info.outcome))
            return
        if following == "outcome":
            def submit(values: dict) -> None:
                giving.set_introduction_status(introduction_id, "outcome", outcome=values["outcome"])
                self.refresh_screen()
                self.notify(_("Introduction of {pair}: {outcome}", pair=pair, outcome=values["outcome"]))

            self.push_screen(OutcomeForm(_("What came of introducing {pair}?", pair=pair), {}, submit))
            return
        offer = giving.set_introduction_status(introduction_id, following)
        self.refresh_screen()
        self.notify(_("Introduction of {pair}: {status}.", pair=pair, status=label(following)))
        if offer is not None:
            def answered(yes: bool | None) -> None:
                if yes:
                    giving.accept_introduction_offer(offer)
                    self.refresh_screen()
                    self.notify(_("Follow-ups with both by {day}.", day=offer.due_on.isoformat()))

            self.push_screen(ConfirmScreen(
                _("Follow up with both in {days} days?", days=giving.ASK_HOW_IT_WENT_DAYS),
                "\n".join(offer.actions)), answered)

    def open_give_and_take(self, section: str = "owe") -> None:
        from netui.screens.give_take import GiveTakeScreen

        self.push_screen(GiveTakeScreen(section))

    def open_chain(self, contact_id: int) -> None:
        from netui.screens.chain import ChainScreen

        self.push_screen(ChainScreen(contact_id))

    def log_news(self, contact_id: int) -> None:
        """Their news (a milestone): logged, and a congratulation follow-up if the user wants."""
        from netui.screens.forms.milestone_form import MilestoneForm

        name = contacts.get_contact(contact_id).name

        def submit(values: dict) -> None:
            offer = timeline.log_milestone([contact_id], values["milestone"], values["note"], values["when"])
            if values["congratulate"]:
                followups.accept_offer(offer)
                self.notify(_("Logged: {milestone}. Follow-up: {action} by {day}.", milestone=label(offer.milestone),
                              action=offer.action, day=offer.due_on.isoformat()))
            else:
                self.notify(_("Logged: {milestone}.", milestone=label(offer.milestone)))

        self.push_screen(MilestoneForm(_("News from {name}", name=name), {"when": _("now")}, submit))

    def reschedule_followup(self, followup_id: int) -> None:
        from netui.screens.forms.followup_form import FollowUpForm

        item = followups.get_followup(followup_id)

        def submit(values: dict) -> None:
            followups.reschedule_followup(followup_id, values["due_on"], values["action"], values["channel"])
            self.refresh_screen()
            self.notify(_("Follow-up with {name} moved to {day}.", name=item.contact_name,
                          day=followups.get_followup(followup_id).effective_due.isoformat()))

        initial = {"due_on": item.effective_due.isoformat(), "channel": item.channel, "action": item.action}
        self.push_screen(FollowUpForm(_("Reschedule the follow-up with {name}", name=item.contact_name),
                                      initial, submit))

    # --- Today -------------------------------------------------------------------------

    def open_today(self) -> None:
        from netui.screens.today import TodayScreen

        if not isinstance(self.screen, TodayScreen):
            self.push_screen(TodayScreen())

    @reports_errors
    def complete_followup(self, followup_id: int, log: bool = False) -> None:
        """Mark a follow-up done, due or not yet (and, with `log`, log the interaction it was
        for); one already done is refused with a notice."""
        item = followups.get_followup(followup_id)
        kind = followups.log_kind_for(item.channel) if log else None
        followups.complete_followup(followup_id, log_kind=kind)
        action = item.action or _("Follow up")
        self.refresh_screen()
        self.notify(_("Done: {action}; logged {kind} with {name}.", action=action, kind=label(kind),
                      name=item.contact_name)
                    if log else _("Done: {action} ({name}).", action=action, name=item.contact_name))

    @reports_errors
    def snooze_followup(self, followup_id: int) -> None:
        """Put a follow-up off some days: from today when it is due, else from its day."""
        from netui import when
        from netui.screens.forms.snooze_form import SnoozeForm, snooze_days

        item = followups.get_open_followup(followup_id)
        start = max(when.today(), item.effective_due)
        what = _("the follow-up with {name}: {action}", name=item.contact_name, action=item.action or _("Follow up"))

        def submit(values: dict) -> None:
            until = followups.snooze_followup(followup_id, snooze_days(values["days"]))
            self.refresh_screen()
            self.notify(_("Snoozed until {day}.", day=until.isoformat()))

        days = 1 if start == when.today() else 7
        self.push_screen(SnoozeForm(_("Snooze"), {"days": str(days), "what": what, "start": start}, submit))

    @reports_errors
    def agenda_done(self, row, log: bool = False) -> None:
        """Done on a Today row: a follow-up completed (and its interaction logged, with `log`),
        an appointment's occurrence marked done (which logs it)."""
        from netui import appointments

        if row.kind == "followup":
            self.complete_followup(row.id, log)
        elif row.kind == "appointment":
            appointments.mark_done(row.id, row.on)
            self.refresh_screen()
            self.notify(_("Done: {title} with {names}; logged on the timeline.", title=row.label,
                          names=", ".join(row.names)))

    @reports_errors
    def agenda_snooze(self, row) -> None:
        """Snooze on a Today row: a follow-up or a keep-in-touch for some days; an
        appointment's occurrence is skipped."""
        from netui import appointments, upkeep

        if row.kind == "appointment":
            appointments.skip_occurrence(row.id, row.on)
            self.refresh_screen()
            self.notify(_("Skipped {title} on {day}.", title=row.label, day=row.on.isoformat()))
            return
        if row.kind == "followup":
            self.snooze_followup(row.id)
            return
        if row.kind != "cadence":
            return

        from netui.screens.forms.snooze_form import SnoozeForm, snooze_days

        def submit(values: dict) -> None:
            until = upkeep.snooze_cadence(row.contact_ids[0], snooze_days(values["days"]))
            self.refresh_screen()
            self.notify(_("Snoozed until {day}.", day=until.isoformat()))

        what = _("keeping in touch with {name}", name=row.names[0])
        self.push_screen(SnoozeForm(_("Snooze"), {"days": "7", "what": what}, submit))

    # --- export ------------------------------------------------------------------------

    def export_view(self, query: str = "", count: int | None = None) -> None:
        """The export screen, set to the contacts the list shows for this search-box text."""
        from netui.screens.export_screen import ExportScreen

        self.push_screen(ExportScreen(query, count))

    def open_import(self) -> None:
        from netui.screens.import_screen import ImportScreen

        self.push_screen(ImportScreen())

    # --- capture -----------------------------------------------------------------------

    def open_capture(self, event_id: int | None = None) -> None:
        from netui.screens.capture import CaptureScreen

        self.push_screen(CaptureScreen(event_id))

    # --- events ------------------------------------------------------------------------

    def open_event(self, event_id: int) -> None:
        from netui.screens.event import EventScreen

        self.push_screen(EventScreen(event_id))

    def new_event(self) -> None:
        from netui.screens.forms.event_form import EventForm

        def submit(values: dict) -> None:
            event_id = events.create_event(**values)
            self.notify(_("Created {title}.", title=events.get_event(event_id).title))

        self.push_screen(EventForm(_("New event"), {"kind": "meetup", "status": "idea"}, submit))

    def edit_event(self, event_id: int) -> None:
        from netui.screens.forms.event_form import EventForm, event_form_values

        detail = events.get_event(event_id)

        def submit(values: dict) -> None:
            events.update_event(event_id, **values)
            self.notify(_("Saved {title}.", title=values.get("title") or detail.title))

        self.push_screen(EventForm(_("Edit {title}", title=detail.title), event_form_values(detail), submit))
