"""Follow-ups (netui.followups): what is due, overdue, done, snoozed or rescheduled.

"Today" is FROZEN_NOW's day in Rome (the `frozen` fixture) unless a day is passed; days are
written relative to it.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from conftest import FROZEN_NOW, travel
from netui import contacts, followups, lifecycle, timeline
from netui.errors import NotFoundError, ValidationError

TODAY = FROZEN_NOW.date()


def day(offset: int) -> dt.date:
    """The day `offset` days from TODAY."""
    return TODAY + dt.timedelta(days=offset)


@pytest.fixture(autouse=True)
def _setup(database, frozen):
    """Every test here has a database and a frozen clock."""


@pytest.fixture
def people():
    return {
        "giulia": contacts.create_contact("Giulia Rossi"),
        "marco": contacts.create_contact("Marco Bianchi"),
        "anna": contacts.create_contact("Anna Verdi"),
    }


def ids(items):
    return [f.id for f in items]


# --- creating ------------------------------------------------------------------------------


def test_create_with_a_date(people):
    """A follow-up created with a date keeps its contact, day, channel and action."""
    followup_id = followups.create_followup(
        people["giulia"], day(2), action="  send the deck ", channel=" Email "
    )
    info = followups.get_followup(followup_id)
    assert info.contact_id == people["giulia"]
    assert info.contact_name == "Giulia Rossi"
    assert info.due_on == day(2)
    assert info.effective_due == day(2)
    assert (info.channel, info.action) == ("email", "send the deck")
    assert info.done_at is None and info.snoozed_until is None


def test_create_with_a_typed_date(people):
    """A typed ISO day and 'tomorrow' are read as calendar days."""
    typed = followups.create_followup(people["giulia"], day(2).isoformat(), "Call")
    relative = followups.create_followup(people["giulia"], "tomorrow", "Call")
    assert followups.get_followup(typed).due_on == day(2)
    assert followups.get_followup(relative).due_on == day(1)


def test_create_refuses_bad_day(people):
    """An impossible or unreadable due day is refused on field 'due_on'."""
    for bad in ("2026-02-30", "soonish"):
        with pytest.raises(ValidationError) as caught:
            followups.create_followup(people["giulia"], bad, "Call")
        assert caught.value.field == "due_on"
    assert followups.open_for_contact(people["giulia"]) == []


def test_create_refuses_bad_channel(people):
    """A channel that is not a known kind is refused and nothing is created."""
    with pytest.raises(ValidationError) as caught:
        followups.create_followup(people["giulia"], TODAY, "Call", channel="pigeon")
    assert caught.value.field == "channel"
    assert followups.open_for_contact(people["giulia"]) == []


def test_create_refuses_unknown_contact_or_source(people):
    """Unknown contact, interaction or event: NotFoundError, nothing created."""
    with pytest.raises(NotFoundError):
        followups.create_followup(999, TODAY, "Call")
    with pytest.raises(NotFoundError):
        followups.create_followup(people["giulia"], TODAY, "Call", source_interaction_id=77)
    with pytest.raises(NotFoundError):
        followups.create_followup(people["giulia"], TODAY, "Call", source_event_id=88)
    assert followups.due_followups(day(4 * 365)) == []


def test_create_remembers_its_source_interaction(people):
    """A follow-up can point back to the interaction it came from."""
    interaction_id = timeline.log_interaction([people["giulia"]], "meeting")
    followup_id = followups.create_followup(people["giulia"], TODAY, "Call", source_interaction_id=interaction_id)
    assert followups.get_followup(followup_id).source_interaction_id == interaction_id


def test_get_unknown_followup():
    """Asking for a follow-up that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError):
        followups.get_followup(404)


# --- due and overdue -----------------------------------------------------------------------


def test_due_includes_today_and_overdue_most_overdue_first(people):
    """Due as of a day: that day's and earlier ones, oldest first; later ones left out."""
    today = followups.create_followup(people["anna"], TODAY, "Call")
    week_late = followups.create_followup(people["marco"], day(-7).isoformat(), "Call")
    day_late = followups.create_followup(people["giulia"], day(-1).isoformat(), "Call")
    followups.create_followup(people["giulia"], day(1).isoformat(), "Call")  # tomorrow: not yet
    assert ids(followups.due_followups(TODAY)) == [week_late, day_late, today]
    assert ids(followups.due_followups()) == [week_late, day_late, today]  # default: local today


def test_due_as_of_another_day(people):
    """The day can be given, also as text."""
    followup_id = followups.create_followup(people["giulia"], day(6).isoformat(), "Call")
    assert followups.due_followups(day(5)) == []
    assert ids(followups.due_followups(day(6))) == [followup_id]
    assert ids(followups.due_followups(day(7).isoformat())) == [followup_id]


def test_due_same_day_sorted_by_contact_name(people):
    """Follow-ups due the same day are listed by contact name."""
    marco = followups.create_followup(people["marco"], TODAY, "Call")
    anna = followups.create_followup(people["anna"], TODAY, "Call")
    giulia = followups.create_followup(people["giulia"], TODAY, "Call")
    assert ids(followups.due_followups(TODAY)) == [anna, giulia, marco]


def test_done_followups_are_not_due(people):
    """Completed follow-ups leave the due list."""
    done = followups.create_followup(people["giulia"], day(-9).isoformat(), "Call")
    still_open = followups.create_followup(people["marco"], day(-8).isoformat(), "Call")
    followups.complete_followup(done)
    assert ids(followups.due_followups(TODAY)) == [still_open]


def test_trashed_contacts_followups_are_not_due(people):
    """A contact in the trash does not nag; restoring brings the follow-up back."""
    followup_id = followups.create_followup(people["marco"], day(-9).isoformat(), "Call")
    lifecycle.trash_contact(people["marco"])
    assert followups.due_followups(TODAY) == []
    assert followups.overdue_followups(TODAY) == []
    lifecycle.restore_contact(people["marco"])
    assert ids(followups.due_followups(TODAY)) == [followup_id]


def test_overdue_is_strictly_before_today(people):
    """Overdue means the day has passed: due today is due, not overdue."""
    today = followups.create_followup(people["anna"], TODAY, "Call")
    late = followups.create_followup(people["marco"], day(-1).isoformat(), "Call")
    assert ids(followups.overdue_followups(TODAY)) == [late]
    assert ids(followups.overdue_followups()) == [late]
    info = followups.get_followup(today)
    assert info.is_overdue(TODAY) is False
    assert info.is_overdue(day(1)) is True


# --- complete / reopen ---------------------------------------------------------------------


def test_complete_and_reopen(people, frozen):
    """Completing stamps the time; reopening makes it due again."""
    followup_id = followups.create_followup(people["giulia"], day(-4).isoformat(), "Call")
    followups.complete_followup(followup_id)
    info = followups.get_followup(followup_id)
    assert info.done_at == frozen
    assert info.is_overdue(TODAY) is False
    assert followups.open_for_contact(people["giulia"]) == []

    followups.reopen_followup(followup_id)
    assert followups.get_followup(followup_id).done_at is None
    assert ids(followups.due_followups(TODAY)) == [followup_id]


def test_complete_twice_is_refused_and_keeps_the_first_time(people):
    """Completing again says it is already done and does not move the done time."""
    followup_id = followups.create_followup(people["giulia"], TODAY, "Call")
    followups.complete_followup(followup_id)
    first = followups.get_followup(followup_id).done_at
    with travel(FROZEN_NOW.add(days=6)):
        with pytest.raises(ValidationError, match="already done") as caught:
            followups.complete_followup(followup_id, log_kind="call")
    assert caught.value.field == "followup"
    assert followups.get_followup(followup_id).done_at == first


def test_complete_or_reopen_unknown():
    """Unknown follow-ups are reported."""
    with pytest.raises(NotFoundError):
        followups.complete_followup(5)
    with pytest.raises(NotFoundError):
        followups.reopen_followup(5)


# --- snooze / reschedule -------------------------------------------------------------------


def test_snooze_hides_until_that_day(people):
    """Snoozed 3 days from today: hidden until then, due (not overdue) on that day."""
    followup_id = followups.create_followup(people["giulia"], day(-4).isoformat(), "Call")
    assert followups.snooze_followup(followup_id, 3) == day(3)
    info = followups.get_followup(followup_id)
    assert info.snoozed_until == day(3)
    assert info.effective_due == day(3)
    assert followups.due_followups(TODAY) == []
    assert followups.due_followups(day(2)) == []
    assert ids(followups.due_followups(day(3))) == [followup_id]
    assert followups.overdue_followups(day(3)) == []
    assert ids(followups.overdue_followups(day(4))) == [followup_id]


def test_snooze_from_an_explicit_day(people):
    """Snoozing counts from the `today` given."""
    followup_id = followups.create_followup(people["giulia"], day(-4).isoformat(), "Call")
    assert followups.snooze_followup(followup_id, 2, today=day(11)) == day(13)


def test_snooze_of_a_not_yet_due_one_counts_from_its_due_day(people):
    """Snoozing a not-yet-due follow-up puts it off from its due day (from today it would
    change nothing)."""
    followup_id = followups.create_followup(people["giulia"], day(11).isoformat(), "Call")
    assert followups.snooze_followup(followup_id, 1) == day(12)
    assert followups.get_followup(followup_id).effective_due == day(12)
    assert followups.due_followups(day(11)) == []


@pytest.mark.parametrize("days", [0, -2])
def test_snooze_needs_at_least_one_day(people, days):
    """Snoozing for 0 or fewer days is refused and changes nothing."""
    followup_id = followups.create_followup(people["giulia"], day(-4).isoformat(), "Call")
    with pytest.raises(ValidationError) as caught:
        followups.snooze_followup(followup_id, days)
    assert caught.value.field == "days"
    assert followups.get_followup(followup_id).snoozed_until is None
    assert ids(followups.due_followups(TODAY)) == [followup_id]


def test_snooze_unknown_followup():
    """Snoozing a follow-up that does not exist is reported."""
    with pytest.raises(NotFoundError):
        followups.snooze_followup(42, 3)


def test_reschedule_sets_day_and_clears_snooze(people):
    """Rescheduling moves the due day and forgets any snooze."""
    followup_id = followups.create_followup(people["giulia"], day(-4).isoformat(), "Call")
    followups.snooze_followup(followup_id, 10)
    followups.reschedule_followup(followup_id, day(0).isoformat())
    info = followups.get_followup(followup_id)
    assert info.due_on == TODAY
    assert info.snoozed_until is None
    assert ids(followups.due_followups(TODAY)) == [followup_id]


def test_reschedule_refuses_bad_day_and_unknown(people):
    """Bad day or unknown follow-up: refused."""
    followup_id = followups.create_followup(people["giulia"], TODAY, "Call")
    with pytest.raises(ValidationError):
        followups.reschedule_followup(followup_id, "2026-02-30")
    assert followups.get_followup(followup_id).due_on == TODAY
    with pytest.raises(NotFoundError):
        followups.reschedule_followup(999, TODAY)


# --- per contact ---------------------------------------------------------------------------


def test_open_for_contact(people):
    """A contact's open follow-ups, soonest (effective) day first, done ones left out."""
    later = followups.create_followup(people["giulia"], day(21).isoformat(), "Call")
    snoozed = followups.create_followup(people["giulia"], day(-9).isoformat(), "Call")
    soon = followups.create_followup(people["giulia"], day(2).isoformat(), "Call")
    done = followups.create_followup(people["giulia"], day(-8).isoformat(), "Call")
    followups.create_followup(people["marco"], day(-8).isoformat(), "Call")
    followups.complete_followup(done)
    followups.snooze_followup(snoozed, 5)  # now effectively due day(5)
    assert ids(followups.open_for_contact(people["giulia"])) == [soon, snoozed, later]
    assert ids(contacts.get_contact(people["giulia"]).open_followups) == [soon, snoozed, later]


# --- completing with the interaction it was for, congratulations -----------------------------


def test_complete_logging_the_interaction(people):
    marco = people["marco"]
    followup_id = followups.create_followup(marco, day(-1).isoformat(), "Send the deck", channel="email")
    interaction_id = followups.complete_followup(followup_id, log_kind="email", notes="sent v2")
    info = timeline.get_interaction(interaction_id)
    assert (info.kind, info.summary, info.notes, info.initiated_by) == ("email", "Send the deck", "sent v2", "me")
    assert [p.id for p in info.participants] == [marco]
    assert followups.get_followup(followup_id).done_at == pendulum.now("UTC")
    assert contacts.last_contacted(marco) == pendulum.now("UTC")
    assert followups.complete_followup(followups.create_followup(marco, day(2).isoformat(), "x")) is None


def test_complete_with_a_bad_kind_changes_nothing(people):
    followup_id = followups.create_followup(people["marco"], day(-1).isoformat(), "Call")
    with pytest.raises(ValidationError):
        followups.complete_followup(followup_id, log_kind="telepathy")
    assert followups.get_followup(followup_id).done_at is None
    assert timeline.count_interactions() == 0


def test_accepting_a_milestone_offer_creates_congratulations(people):
    offer = timeline.log_milestone([people["giulia"], people["anna"]], "new-job", "Head of PR at Lumen")
    assert followups.due_followups(day(32)) == []  # nothing until accepted
    created = followups.accept_offer(offer)
    items = [followups.get_followup(i) for i in created]
    assert [(f.contact_id, f.action, f.due_on, f.source_interaction_id) for f in items] == [
        (people["giulia"], "Congratulate on the new job", TODAY + dt.timedelta(days=2), offer.interaction_id),
        (people["anna"], "Congratulate on the new job", TODAY + dt.timedelta(days=2), offer.interaction_id),
    ]


def test_rescheduling_can_also_change_what_and_how(database, frozen):
    contact_id = contacts.create_contact("Giulia Rossi")
    followup_id = followups.create_followup(contact_id, "tomorrow", "Send slides", "email")
    followups.snooze_followup(followup_id, 5)
    followups.reschedule_followup(followup_id, "in 3 days", action="Call about the slides", channel="phone")
    info = followups.get_followup(followup_id)
    assert (info.effective_due, info.action, info.channel) == (
        frozen.date() + dt.timedelta(days=3), "Call about the slides", "phone")
    with pytest.raises(ValidationError) as error:
        followups.reschedule_followup(followup_id, "in 4 days", channel="pigeon")
    assert error.value.field == "channel"
    assert followups.get_followup(followup_id).effective_due == frozen.date() + dt.timedelta(days=3)
