"""Flows several screens start: a form to fill (or a key), then the domain call and a notice.

Each takes the app. The forms publish the app's "data changed" signal once their `submit`
succeeded (netui.screens.forms.form); a flow that writes without a form publishes it itself.
Flows that belong to one screen live on that screen.
"""

from __future__ import annotations

from netui import contacts, duplicates, events, followups, lifecycle, reaching, timeline
from netui.errors import ValidationError
from netui.i18n import _
from netui.labels import label
from netui.screens.forms.contact_form import ContactForm
from netui.screens.guard import reports_errors
from netui.widgets.contact_picker import LABEL_SEPARATOR


def person_label(summary: contacts.ContactSummary) -> str:
    """How a person is named in pickers: 'Giulia Rossi · Lumen Digital · Milano'."""
    return LABEL_SEPARATOR.join(part for part in (summary.name, summary.company, summary.city) if part)


def find_people(text: str) -> list[tuple[int, str]]:
    """The pickers' finder: the best 20 matches for what was typed."""
    return [(s.id, person_label(s)) for s in contacts.search_contacts(text, limit=20)]


# --- people ------------------------------------------------------------------------------

def new_contact(app) -> None:
    warned: list[tuple] = []  # the values a look-alike warning was shown for

    def submit(values: dict) -> None:
        warn_of_look_alikes(values, warned)
        contact_id = contacts.save_contact(None, values)
        app.notify(_("Added {name}.", name=contacts.get_contact(contact_id).name))

    app.push_screen(ContactForm(_("New contact"), {}, submit, find_people))


def warn_of_look_alikes(values: dict, warned: list[tuple]) -> None:
    """Before a new contact is saved: if they look like someone known (netui.duplicates), say
    so under the name and save only when Save is pressed again on the same values."""
    name = " ".join(str(values.get(f) or "").strip() for f in ("first_name", "last_name")).strip()
    channels = [(kind, str(values.get(kind) or "")) for kind in ("email", "phone", "linkedin")]
    for row in values.get("channels") or ():  # channel rows: (kind, value, ...) or {"kind", "value"}
        kind, value = (row.get("kind"), row.get("value")) if isinstance(row, dict) else row[:2]
        channels.append((kind or "", value or ""))
    key = (name, str(values.get("company") or ""), tuple(channels))
    if not name or key in warned:
        return
    alike = duplicates.looks_like(name, key[1], channels)
    if alike:
        warned.append(key)
        raise ValidationError("name", _("Looks like {who}. Save again to add them anyway, or Esc and open "
                                        "that contact.", who="; ".join(a.text() for a in alike[:3])))


@reports_errors
def trash_contact(app, contact_id: int, leave_screen: bool = False) -> None:
    """Move them to the trash (ctrl+z undoes); `leave_screen`: the screen showing them closes."""
    name = contacts.get_contact(contact_id).name
    lifecycle.trash_contact(contact_id)
    app.remember_undo(("trash", contact_id))  # i18n: not text
    if leave_screen:
        app.pop_screen()
    app.publish_change()
    app.notify(_("Moved {name} to the trash. ctrl+z undoes.", name=name))


@reports_errors
def undo_last(app) -> None:
    """Take back the last move to the trash that still stands: one restored or erased for good
    since (the trash screen, another netui) has nothing left to undo and is passed over."""
    while (what := app.take_undo()) is not None:
        kind, contact_id = what
        if kind == "trash" and lifecycle.in_trash(contact_id):
            lifecycle.restore_contact(contact_id)
            app.publish_change()
            app.notify(_("Restored {name}.", name=contacts.get_contact(contact_id).name))
            return
    app.notify(_("Nothing to undo."), severity="warning")


# --- timeline and appointments -----------------------------------------------------------

def log_interaction(app, contact_ids: tuple[int, ...] = ()) -> None:
    from netui.screens.forms.interaction_form import InteractionForm

    initial = {
        "participants": [(i, contacts.get_contact(i).name) for i in contact_ids],
        "kind": "meeting", "when": _("now"), "summary": "", "notes": "",
    }

    def submit(values: dict) -> None:
        kind = timeline.validate_kind(values["kind"])
        interaction_id = timeline.log_interaction(
            values["participant_ids"], kind, values["when"], summary=values["summary"], notes=values["notes"],
            initiated_by=reaching.initiator_for(kind, values.get("initiated_by")),
        )
        info = timeline.get_interaction(interaction_id)
        app.notify(_("Logged {kind} with {people}.", kind=label(info.kind),
                     people=", ".join(p.name for p in info.participants)))

    app.push_screen(InteractionForm(_("Log an interaction"), initial, find_people, submit))


def new_appointment(app, contact_ids: tuple[int, ...] = ()) -> None:
    from netui import appointments
    from netui.screens.forms.appointment_form import AppointmentForm

    def submit(values: dict) -> None:
        appointment_id = appointments.create_appointment(**values)
        info = appointments.get_appointment(appointment_id)
        app.notify(_("{title}: {rule}.", title=info.title, rule=info.description))

    initial = {"participants": [(i, contacts.get_contact(i).name) for i in contact_ids]}
    app.push_screen(AppointmentForm(_("Recurring appointment"), initial, find_people, submit))


def new_event(app) -> None:
    from netui.screens.forms.event_form import EventForm

    def submit(values: dict) -> None:
        event_id = events.create_event(**values)
        app.notify(_("Created {title}.", title=events.get_event(event_id).title))

    app.push_screen(EventForm(_("New event"), {"kind": "meetup", "status": "idea"}, submit))


# --- follow-ups (the contact screen and Today) -------------------------------------------

@reports_errors
def complete_followup(app, followup_id: int) -> None:
    """Mark a follow-up done, due or not yet; one already done is refused with a notice."""
    item = followups.get_followup(followup_id)
    followups.complete_followup(followup_id, log_kind=None)
    app.publish_change()
    app.notify(_("Done: {action} ({name}).", action=item.action or _("Follow up"), name=item.contact_name))


@reports_errors
def snooze_followup(app, followup_id: int) -> None:
    """Put a follow-up off some days: from today when it is due, else from its day."""
    from netui import when
    from netui.screens.forms.snooze_form import SnoozeForm, snooze_days

    item = followups.get_open_followup(followup_id)
    start = max(when.today(), item.effective_due)
    what = _("the follow-up with {name}: {action}", name=item.contact_name, action=item.action or _("Follow up"))

    def submit(values: dict) -> None:
        until = followups.snooze_followup(followup_id, snooze_days(values["days"], start=start))
        app.notify(_("Snoozed until {day}.", day=until.isoformat()))

    days = 1 if start == when.today() else 7
    app.push_screen(SnoozeForm(_("Snooze"), {"days": str(days), "what": what, "start": start}, submit))


def reschedule_followup(app, followup_id: int) -> None:
    from netui.screens.forms.followup_form import FollowUpForm

    item = followups.get_followup(followup_id)

    def submit(values: dict) -> None:
        followups.reschedule_followup(followup_id, values["due_on"], values["action"], values["channel"])
        app.notify(_("Follow-up with {name} moved to {day}.", name=item.contact_name,
                     day=followups.get_followup(followup_id).effective_due.isoformat()))

    initial = {"due_on": item.effective_due.isoformat(), "channel": item.channel, "action": item.action}
    app.push_screen(FollowUpForm(_("Reschedule the follow-up with {name}", name=item.contact_name),
                                 initial, submit))
