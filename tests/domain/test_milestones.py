"""Milestones to congratulate and the activity sparkline (netui.timeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from netui import contacts, timeline, upkeep
from netui.errors import ValidationError


@pytest.fixture
def anna(database):
    return contacts.create_contact("Anna Rossi")


def test_log_milestone_records_it_and_offers_a_congratulation(frozen, anna):
    offer = timeline.log_milestone([anna], "Promotion", "now VP Sales", occurred_at="yesterday 10:00")
    info = timeline.get_interaction(offer.interaction_id)
    assert (info.kind, info.milestone, info.summary) == ("milestone", "promotion", "Promotion: now VP Sales")
    assert (offer.contact_ids, offer.action, offer.due_on) == (
        (anna,), "Congratulate on the promotion", frozen.date() + dt.timedelta(days=2))
    assert contacts.last_contacted(anna) == info.occurred_at  # like any interaction


@pytest.mark.parametrize("bad", ["wedding", ""])
def test_unknown_milestone_is_refused(frozen, anna, bad):
    with pytest.raises(ValidationError) as caught:
        timeline.log_milestone([anna], bad)
    assert caught.value.field == "milestone"
    assert timeline.count_interactions() == 0


def test_milestone_is_not_a_kind_for_ordinary_logging(frozen, anna):
    with pytest.raises(ValidationError):
        timeline.log_interaction([anna], "milestone")


def test_monthly_activity_counts_local_months(frozen, anna):
    this_month = frozen.start_of("month")  # local midnight (Rome) starting the current month
    months_ago = [this_month.subtract(months=n) for n in range(6)]  # [0]: this month, [5]: the oldest shown
    for moment in (
        frozen, this_month,  # midnight in Rome is still the day before in UTC
        this_month.subtract(minutes=30),  # the last evening of last month
        months_ago[2].add(minutes=30),  # the previous day in UTC: that month in Rome
        months_ago[5].subtract(minutes=30),  # before the 6 months asked for
    ):
        timeline.log_interaction([anna], "call", moment)
    activity = timeline.monthly_activity(anna, months=6)
    assert [(m.month, m.count) for m in activity] == [
        (months_ago[5].date(), 0), (months_ago[4].date(), 0), (months_ago[3].date(), 0),
        (months_ago[2].date(), 1), (months_ago[1].date(), 1), (months_ago[0].date(), 2)]
    assert len(timeline.monthly_activity(anna)) == 12
