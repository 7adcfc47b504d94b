"""Milestones to congratulate and the activity sparkline (netui.timeline)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from netui import contacts, timeline, upkeep
from netui.errors import ValidationError


@pytest.fixture
def anna(database):
    return contacts.create_contact("Anna Rossi")


def test_log_milestone_records_it_and_offers_a_congratulation(anna, frozen):
    offer = timeline.log_milestone([anna], "Promotion", "now VP Sales", occurred_at="yesterday 10:00")
    info = timeline.get_interaction(offer.interaction_id)
    assert (info.kind, info.milestone, info.summary) == ("milestone", "promotion", "Promotion: now VP Sales")
    assert (offer.contact_ids, offer.action, offer.due_on) == (
        (anna,), "Congratulate on the promotion", dt.date(2026, 12, 1))
    assert contacts.last_contacted(anna) == info.occurred_at  # like any interaction


@pytest.mark.parametrize("bad", ["wedding", ""])
def test_unknown_milestone_is_refused(anna, frozen, bad):
    with pytest.raises(ValidationError) as caught:
        timeline.log_milestone([anna], bad)
    assert caught.value.field == "milestone"
    assert timeline.count_interactions() == 0


def test_milestone_is_not_a_kind_for_ordinary_logging(anna, frozen):
    with pytest.raises(ValidationError):
        timeline.log_interaction([anna], "milestone")


def test_monthly_activity_counts_local_months(anna, frozen):
    rome = "Europe/Rome"
    for moment in (
        pendulum.datetime(2026, 11, 3, 10, tz=rome), pendulum.datetime(2026, 11, 20, 10, tz=rome),
        pendulum.datetime(2026, 10, 31, 23, 30, tz=rome),  # 22:30 UTC: still October in Rome
        pendulum.datetime(2026, 9, 1, 0, 30, tz=rome),  # 31 August 22:30 UTC: September in Rome
        pendulum.datetime(2026, 5, 31, 12, tz=rome),  # before the 6 months asked for
    ):
        timeline.log_interaction([anna], "call", moment)
    activity = timeline.monthly_activity(anna, months=6)
    assert [(m.month, m.count) for m in activity] == [
        (dt.date(2026, 6, 1), 0), (dt.date(2026, 7, 1), 0), (dt.date(2026, 8, 1), 0),
        (dt.date(2026, 9, 1), 1), (dt.date(2026, 10, 1), 1), (dt.date(2026, 11, 1), 2)]
    assert len(timeline.monthly_activity(anna)) == 12
