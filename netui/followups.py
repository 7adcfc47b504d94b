"""Follow-ups: something to send or say to a contact by a given day.

A follow-up is due on `due_on`, or on `snoozed_until` when snoozed later than that; it is
overdue when that day has passed. Days are the user's local calendar days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from peewee import Case

from netui import team, timeline, when
from netui.errors import NotFoundError, ValidationError
from netui.i18n import _
from netui.labels import label
from netui.store.models import CHANNEL_KINDS, Contact, Event, FollowUp, Interaction, database
from netui.text import full_name


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    contact_id: int
    contact_name: str
    due_on: dt.date
    snoozed_until: dt.date | None
    channel: str
    action: str
    source_interaction_id: int | None
    source_event_id: int | None
    done_at: pendulum.DateTime | None
    owner: str = ""  # the team member whose it is ('': nobody's in particular, netui.team)

    @property
    def effective_due(self) -> dt.date:
        if self.snoozed_until and self.snoozed_until > self.due_on:
            return self.snoozed_until
        return self.due_on

    def is_overdue(self, today: dt.date) -> bool:
        return self.done_at is None and self.effective_due < today


def _day(value: dt.date | str, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return when.plain_date(value)
    return when.parse_date(value, field, future=True)


# The interaction a follow-up done on a channel was: an e-mail, a call, else a message.
_LOG_KIND_BY_CHANNEL = {"email": "email", "phone": "call"}


def log_kind_for(channel: str) -> str:
    return _LOG_KIND_BY_CHANNEL.get(channel, "message")


def _channel(channel: str) -> str:
    channel = channel.strip().lower()
    if channel and channel not in CHANNEL_KINDS:
        raise ValidationError(
            "channel", _("'{kind}' is not a channel; use one of: {kinds}.", kind=channel, kinds=", ".join(CHANNEL_KINDS))
        )
    return channel


def _action(action: str) -> str:
    """What to send or say: required, never blank."""
    text = action.strip()
    if not text:
        raise ValidationError("action", _("Say what to send or say: a follow-up needs an action."))
    return text


def create_followup(
    contact_id: int,
    due_on: dt.date | str,
    action: str,
    channel: str = "",
    source_interaction_id: int | None = None,
    source_event_id: int | None = None,
    due_by_default: bool = False,
) -> int:
    """A new open follow-up; `due_by_default`: nobody chose the day (quick capture's default),
    so a later capture without a day may move it."""
    due = _day(due_on, "due_on")
    action = _action(action)
    channel = _channel(channel)
    with database.atomic():
        if not Contact.select().where(Contact.id == contact_id).exists():
            raise NotFoundError(_("There is no contact #{id}.", id=contact_id))
        if source_interaction_id and not Interaction.select().where(Interaction.id == source_interaction_id).exists():
            raise NotFoundError(_("There is no interaction #{id}.", id=source_interaction_id))
        if source_event_id and not Event.select().where(Event.id == source_event_id).exists():
            raise NotFoundError(_("There is no event #{id}.", id=source_event_id))
        row = FollowUp.create(
            contact=contact_id, due_on=due, action=action, channel=channel,
            source_interaction=source_interaction_id, source_event=source_event_id,
            created_at=when.now(), due_by_default=due_by_default,
            logged_by=team.current_user(), owner=team.current_user(),  # whoever creates one owns it
        )
    return row.id


def _get_row(followup_id: int) -> FollowUp:
    row = FollowUp.get_or_none(FollowUp.id == followup_id)
    if row is None:
        raise NotFoundError(_("There is no follow-up #{id}.", id=followup_id))
    return row


def _open_row(followup_id: int) -> FollowUp:
    """The follow-up, refused with one sentence when it is already done."""
    row = _get_row(followup_id)
    if row.done_at is not None:
        contact = Contact.get_by_id(row.contact_id)
        raise ValidationError("followup", _(
            "Follow-up #{id} with {name} is already done ({day}): {action}.", id=row.id,
            name=full_name(contact.first_name, contact.last_name),
            day=when.plain_date(row.done_at.in_timezone(when.local_zone())).isoformat(),
            action=row.action or _("follow-up")))
    return row


def complete_followup(
    followup_id: int,
    log_kind: str | None = None,
    occurred_at: dt.datetime | str | None = None,
    notes: str = "",
) -> int | None:
    """Mark it done, due or not yet. With `log_kind` ("email", "call"...), also log the
    interaction it was for with its contact (summary: the follow-up's action; default time:
    now), in the same transaction; returns that interaction's id (None when nothing was
    logged). One already done is refused (ValidationError naming "followup")."""
    with database.atomic():
        row = _open_row(followup_id)
        logged = None
        if log_kind:
            if row.action:
                summary = row.action
            elif row.channel:
                summary = _("Follow-up by {channel}", channel=label(row.channel))
            else:
                summary = _("Follow-up")
            logged = timeline.log_interaction(
                [row.contact_id], log_kind, occurred_at, summary=summary, notes=notes, initiated_by="me",
            )
        row.done_at = when.now()
        row.save()
    return logged


def accept_offer(offer: timeline.CongratulationOffer, due_on: dt.date | str | None = None) -> list[int]:
    """Create the congratulation follow-ups a logged milestone offered (one per person, linked to
    the milestone); returns their ids."""
    due = offer.due_on if due_on is None else due_on
    with database.atomic():
        return [
            create_followup(contact_id, due, offer.action, source_interaction_id=offer.interaction_id)
            for contact_id in offer.contact_ids
        ]


def reopen_followup(followup_id: int) -> None:
    with database.atomic():
        row = _get_row(followup_id)
        row.done_at = None
        row.save()


def snooze_followup(followup_id: int, days: int | str | dt.date, today: dt.date | None = None) -> dt.date:
    """Put it off; returns the new day it is due. `days`: a number of days (or its digits as
    typed), counted from the day it is due when that is still to come, else from today; or
    the day itself (a date, or text such as "friday" or "2026-12-10"), after today. One
    already done is refused."""
    day = _day(today, "today") if today else when.today()
    with database.atomic():
        row = _open_row(followup_id)
        due = row.snoozed_until if row.snoozed_until and row.snoozed_until > row.due_on else row.due_on
        row.snoozed_until = snooze_until(days, max(day, due))
        row.save()
    return row.snoozed_until


def snooze_until(days: int | str | dt.date, start: dt.date) -> dt.date:
    """The day a snooze of `days` (see snooze_followup) from `start` ends: ValidationError("days")
    for a number below 1, something not a day, or a day not after `start`."""
    if isinstance(days, str) and days.strip().isdigit():
        days = int(days)
    if isinstance(days, int) and not isinstance(days, bool):
        if days <= 0:
            raise ValidationError("days", _("Snooze for at least 1 day."))
        return start + dt.timedelta(days=days)
    until = _day(days, "days")
    if until <= start:
        raise ValidationError("days", _("Snooze until a day after {start}, not {day}.", start=start.isoformat(),
                                        day=until.isoformat()))
    return until


def reschedule_followup(
    followup_id: int, due_on: dt.date | str, action: str | None = None, channel: str | None = None,
    due_by_default: bool = False, snoozed_until: dt.date | None = None,
) -> None:
    """Move it to a new day (a snooze no longer applies); optionally say anew what and how (a
    blank action is refused).

    The day counts as chosen unless `due_by_default`; `snoozed_until` puts a snooze back
    (an undo restoring a follow-up exactly)."""
    due = _day(due_on, "due_on")
    action = _action(action) if action is not None else None
    with database.atomic():
        row = _get_row(followup_id)
        row.due_on, row.snoozed_until, row.due_by_default = due, snoozed_until, due_by_default
        if action is not None:
            row.action = action
        if channel is not None:
            row.channel = _channel(channel)
        row.save()


def delete_followup(followup_id: int) -> None:
    with database.atomic():
        if not FollowUp.delete().where(FollowUp.id == followup_id).execute():
            raise NotFoundError(_("There is no follow-up #{id}.", id=followup_id))


def get_followup(followup_id: int) -> FollowUpInfo:
    row = _base_query().where(FollowUp.id == followup_id).get_or_none()
    if row is None:
        raise NotFoundError(_("There is no follow-up #{id}.", id=followup_id))
    return _info(row)


def get_open_followup(followup_id: int) -> FollowUpInfo:
    """The follow-up, if it is still open: one already done is refused with the sentence that
    says so (ValidationError naming "followup"), before a form is shown for it."""
    _open_row(followup_id)
    return get_followup(followup_id)


def _effective_due():
    return Case(
        None,
        [((FollowUp.snoozed_until.is_null(False)) & (FollowUp.snoozed_until > FollowUp.due_on),
          FollowUp.snoozed_until)],
        FollowUp.due_on,
    )


def _base_query():
    return FollowUp.select(FollowUp, Contact.id, Contact.first_name, Contact.last_name).join(Contact)


def due_followups(today: dt.date | None = None, owners: Sequence[str] | None = None) -> list[FollowUpInfo]:
    """Open follow-ups due on or before `today` (default: the local today), most overdue first;
    `owners`: only theirs (netui.team.mine(): mine and nobody's), None: the whole team's.

    Follow-ups of trashed contacts are left out.
    """
    day = _day(today, "today") if today else when.today()
    return _open_followups(_effective_due() <= day, *_owned_by(owners))


def due_followups_head(today: dt.date, late: bool, limit: int, owners: Sequence[str] | None = None
                       ) -> list[FollowUpInfo]:
    """The first `limit` of due_followups(today, owners) due before today (`late`) or on today,
    in its order: a top-N sort in SQL, so the rows read into Python do not grow with the network."""
    due = _effective_due()
    return _open_followups(FollowUp.due_on <= today, (due < today) if late else (due == today),
                           *_owned_by(owners), limit=limit)


def count_due_of_others(today: dt.date, owners: Sequence[str]) -> int:
    """How many open follow-ups due by `today` belong to someone not among `owners` (the
    team's that a Today of mine leaves out)."""
    return (FollowUp.select().join(Contact)
            .where(FollowUp.done_at.is_null(), Contact.trashed_at.is_null(), FollowUp.due_on <= today,
                   _effective_due() <= today, FollowUp.owner.not_in(list(owners)))
            .count())


def _owned_by(owners: Sequence[str] | None) -> list:
    return [] if owners is None else [FollowUp.owner.in_(list(owners))]


def open_followups() -> list[FollowUpInfo]:
    """Every open follow-up, due or not yet, soonest due first (trashed contacts left out)."""
    return _open_followups()


# The columns of a FollowUpInfo, read as plain tuples: thousands of due follow-ups (Today on a big
# network) cost a third of the time they take as model instances.
_INFO_COLUMNS = (FollowUp.id, FollowUp.contact, Contact.first_name, Contact.last_name, FollowUp.due_on,
                 FollowUp.snoozed_until, FollowUp.channel, FollowUp.action, FollowUp.source_interaction,
                 FollowUp.source_event, FollowUp.done_at, FollowUp.owner)


def _open_followups(*conditions, limit: int | None = None) -> list[FollowUpInfo]:
    due = _effective_due()
    rows = (
        FollowUp.select(*_INFO_COLUMNS).join(Contact)
        .where(FollowUp.done_at.is_null(), Contact.trashed_at.is_null(), *conditions)
        .order_by(due, Contact.sort_name, FollowUp.id)
        .limit(limit)
        .tuples()
    )
    return [FollowUpInfo(followup_id, contact_id, full_name(first, last), *rest)
            for followup_id, contact_id, first, last, *rest in rows]


def overdue_followups(today: dt.date | str | None = None) -> list[FollowUpInfo]:
    day = _day(today, "today") if today else when.today()
    return [f for f in due_followups(day) if f.effective_due < day]


def open_for_contact(contact_id: int) -> list[FollowUpInfo]:
    return open_for_contacts([contact_id]).get(contact_id, [])


def open_for_contacts(contact_ids) -> dict[int, list[FollowUpInfo]]:
    """Open follow-ups of these contacts, soonest due first, by contact id (one query)."""
    rows = (
        _base_query()
        .where(FollowUp.contact.in_(list(contact_ids)), FollowUp.done_at.is_null())
        .order_by(_effective_due(), FollowUp.id)
    )
    found: dict[int, list[FollowUpInfo]] = {}
    for row in rows:
        found.setdefault(row.contact_id, []).append(_info(row))
    return found


def _info(row: FollowUp) -> FollowUpInfo:
    contact = row.contact
    return FollowUpInfo(
        id=row.id,
        contact_id=row.contact_id,
        contact_name=full_name(contact.first_name, contact.last_name),
        due_on=row.due_on,
        snoozed_until=row.snoozed_until,
        channel=row.channel,
        action=row.action,
        source_interaction_id=row.source_interaction_id,
        source_event_id=row.source_event_id,
        done_at=row.done_at,
        owner=row.owner,
    )
