"""Keeping in touch: cadences and their defaults, due and overdue days, snoozes, warmth."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from netui import contacts, lifecycle, timeline, upkeep
from netui.errors import ValidationError
from conftest import FROZEN_NOW, travel

TODAY = FROZEN_NOW.date()  # the stopped clock's day (the `frozen` fixture)


def ago(days: int, hour: int = 10):
    return FROZEN_NOW.at(hour).subtract(days=days)


def person(name: str, added_days_ago: int = 400, **fields) -> int:
    with travel(FROZEN_NOW.subtract(days=added_days_ago)):
        return contacts.create_contact(name, **fields)


@pytest.mark.parametrize(
    ("text", "days"),
    [("1w", 7), ("2w", 14), ("1m", 30), ("6w", 42), ("3m", 90), ("6m", 180), ("1y", 365),
     ("none", None), ("6 weeks", 42), ("45", 45), ("10d", 10), (None, None), (21, 21)],
)
def test_parse_cadence(text, days):
    assert upkeep.parse_cadence(text) == days


@pytest.mark.parametrize("text", ["often", "0", "-3", "5x", "20y"])
def test_parse_cadence_rejects(text):
    with pytest.raises(ValidationError) as caught:
        upkeep.parse_cadence(text)
    assert caught.value.field == "cadence"


def test_logged_interaction_of_any_kind_resets_the_cadence(database, frozen):
    anna = person("Anna Rossi", cadence_days=30)
    timeline.log_interaction([anna], "call", ago(40))
    before = upkeep.keep_in_touch(anna)
    assert (before.due_on, before.days_overdue, before.warmth) == (TODAY - dt.timedelta(days=10), 10, "cold")
    assert [o.contact_id for o in upkeep.overdue_contacts()] == [anna]

    timeline.log_interaction([anna], "note", FROZEN_NOW.subtract(minutes=1))  # a note counts as much as a meeting
    after = upkeep.keep_in_touch(anna)
    assert (after.due_on, after.overdue, after.warmth) == (TODAY + dt.timedelta(days=30), False, "warm")
    assert upkeep.overdue_contacts() == []


def test_due_today_is_not_yet_overdue(database, frozen):
    anna = person("Anna Rossi", cadence_days=30)
    timeline.log_interaction([anna], "call", ago(30))
    status = upkeep.keep_in_touch(anna)
    assert (status.due_on, status.overdue) == (TODAY, False)
    assert upkeep.overdue_contacts() == []


def test_never_contacted_counts_from_when_they_were_added(database, frozen):
    anna = person("Anna Rossi", added_days_ago=10, cadence_days=7)
    [row] = upkeep.overdue_contacts()
    assert (row.contact_id, row.last_contacted, row.days_overdue) == (anna, None, 3)


def test_snooze_hides_until_the_day_after(database):
    with travel(FROZEN_NOW):
        anna = person("Anna Rossi", cadence_days=30)
        timeline.log_interaction([anna], "call", ago(40))
        assert upkeep.snooze_cadence(anna, 7) == TODAY + dt.timedelta(days=7)
        assert upkeep.overdue_contacts() == []
        assert upkeep.keep_in_touch(anna).due_on == TODAY + dt.timedelta(days=7)
    with travel(FROZEN_NOW.add(days=7)):
        assert upkeep.overdue_contacts() == []
    with travel(FROZEN_NOW.add(days=8)):
        assert [(o.contact_id, o.days_overdue) for o in upkeep.overdue_contacts()] == [(anna, 1)]
    with pytest.raises(ValidationError):
        upkeep.snooze_cadence(anna, 0)


def test_overdue_most_overdue_first_then_by_name(database, frozen):
    late_5 = person("Zoe Neri", cadence_days=7)
    timeline.log_interaction([late_5], "call", ago(12))
    late_50 = person("Bruno Galli", cadence_days=30)
    timeline.log_interaction([late_50], "call", ago(80))
    also_5 = person("Anna Rossi", cadence_days=14)
    timeline.log_interaction([also_5], "call", ago(19))
    fine = person("Carla Fontana", cadence_days=90)
    timeline.log_interaction([fine], "call", ago(30))
    person("Dario Conti")  # no cadence: never overdue
    trashed = person("Elio Bassi", cadence_days=7)
    lifecycle.trash_contact(trashed)

    rows = upkeep.overdue_contacts()
    assert [(r.name, r.days_overdue) for r in rows] == [("Bruno Galli", 50), ("Anna Rossi", 5), ("Zoe Neri", 5)]
    assert rows[0].due_on == TODAY - dt.timedelta(days=50) and rows[0].cadence_days == 30
    assert [r.name for r in upkeep.overdue_contacts(limit=2)] == ["Bruno Galli", "Anna Rossi"]


def test_overdue_day_follows_the_local_calendar(database, frozen):
    """00:30 in Rome is the evening before in UTC: the local day counts, not the UTC one."""
    anna = person("Anna Rossi", cadence_days=30)
    timeline.log_interaction([anna], "call", FROZEN_NOW.subtract(days=30).at(0, 30))
    assert upkeep.keep_in_touch(anna).due_on == TODAY  # by the UTC day it would be yesterday
    assert upkeep.overdue_contacts() == []
    bruno = person("Bruno Galli", cadence_days=30)
    timeline.log_interaction([bruno], "call", FROZEN_NOW.subtract(days=31).at(23, 30))
    assert upkeep.keep_in_touch(bruno).due_on == TODAY - dt.timedelta(days=1)
    assert [(o.contact_id, o.days_overdue) for o in upkeep.overdue_contacts()] == [(bruno, 1)]


def test_defaults_per_circle_and_tag(database, frozen):
    own = person("Anna Rossi", circle="work", cadence_days=60, tags=["vip"])
    tagged = person("Bruno Galli", circle="work", tags=["vip", "fintech"])
    circled = person("Carla Fontana", circle="work")
    opted_out = person("Dario Conti", circle="work")
    other = person("Elio Bassi", circle="friends")
    upkeep.set_default_cadence("circle", "work", "3m")
    upkeep.set_default_cadence("tag", "#VIP", "1m")
    upkeep.set_default_cadence("tag", "fintech", "2w")
    upkeep.set_cadence(opted_out, "none")

    found = upkeep.status_for([own, tagged, circled, opted_out, other])
    assert [(found[i].cadence_days, found[i].source) for i in (own, tagged, circled, opted_out, other)] == [
        (60, "contact"), (14, "tag:fintech"), (90, "circle:work"), (None, "none"), (None, "")]
    # everyone was added 400 days ago and never contacted: those with a cadence are overdue
    assert {o.contact_id: o.cadence_days for o in upkeep.overdue_contacts()} == {own: 60, tagged: 14, circled: 90}
    assert [d.name for d in upkeep.default_cadences()] == ["work", "fintech", "vip"]

    upkeep.set_cadence(opted_out, "default")
    assert upkeep.keep_in_touch(opted_out).cadence_days == 90
    upkeep.set_default_cadence("circle", "work", "none")
    assert upkeep.keep_in_touch(circled).cadence_days is None
    with pytest.raises(ValidationError) as caught:
        upkeep.set_default_cadence("circle", "cousins", "1m")
    assert caught.value.field == "circle"


@pytest.mark.parametrize(
    ("cadence", "days_ago", "expected"),
    [(40, 30, "warm"), (40, 31, "cooling"), (40, 40, "cooling"), (40, 41, "cold"),
     (None, 30, "warm"), (None, 31, "cooling"), (None, 90, "cooling"), (None, 91, "cold")],
)
def test_warmth(database, frozen, cadence, days_ago, expected):
    anna = person("Anna Rossi", cadence_days=cadence)
    timeline.log_interaction([anna], "call", ago(days_ago))
    assert upkeep.warmth(anna) == expected
    assert upkeep.warmth_for([anna]) == {anna: expected}
    assert contacts.summaries_for([anna])[0].warmth == expected


def test_list_overdue_mark_uses_defaults(database, frozen):
    anna = person("Anna Rossi", circle="family")
    assert contacts.summaries_for([anna])[0].overdue is False
    upkeep.set_default_cadence("circle", "family", "1m")
    assert contacts.summaries_for([anna])[0].overdue is True
