"""Give & take (netui.giving): favours, balances, the two views, introductions and their statuses.

"Today" is the day the `frozen` fixture stops the clock at in Rome (TODAY: Sunday 2026-11-29 unless
$NETUI_TEST_NOW moves it); the days below are counted from it.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from conftest import FROZEN_NOW
from netui import contacts, followups, giving, lifecycle, timeline
from netui.errors import NotFoundError, ValidationError
from netui.store.models import Contact, Favour

TODAY = FROZEN_NOW.date()


@pytest.fixture(autouse=True)
def _setup(database, frozen):
    """Every test here has a database and a frozen clock."""


@pytest.fixture
def people():
    return {
        "giulia": contacts.create_contact("Giulia Rossi"),
        "marco": contacts.create_contact("Marco Bianchi"),
        "anna": contacts.create_contact("Anna Verdi"),
        "luca": contacts.create_contact("Luca Neri"),
    }


def stored_balance(contact_id):
    return Contact.get_by_id(contact_id).favour_balance


# --- favours and balances ------------------------------------------------------------------


def test_balance_is_given_minus_received(people):
    giulia = people["giulia"]
    assert giving.balance(giulia) == giving.Balance(giulia, 0, 0, 0)
    giving.record_favour(giulia, "gave", "reference letter")
    giving.record_favour(giulia, "gave", "job lead")
    giving.record_favour(giulia, "received", "advice")
    assert giving.balance(giulia) == giving.Balance(giulia, 2, 1, 1)
    assert stored_balance(giulia) == 1
    assert contacts.get_contact(giulia).favour_balance == 1
    assert giving.balance(people["marco"]).balance == 0


def test_stored_balance_follows_every_write(people):
    """The triggers keep contact.favour_balance right on insert, delete, update and merge."""
    giulia, marco = people["giulia"], people["marco"]
    first = giving.record_favour(giulia, "received", "advice")
    second = giving.record_favour(giulia, "received", "useful tool")
    assert stored_balance(giulia) == -2
    giving.delete_favour(first)
    assert stored_balance(giulia) == -1
    Favour.update(direction="gave").where(Favour.id == second).execute()  # turned around
    assert stored_balance(giulia) == 1
    Favour.update(contact=marco).where(Favour.id == second).execute()  # moved to someone else
    assert (stored_balance(giulia), stored_balance(marco)) == (0, 1)
    twin = contacts.create_contact("Marco B.")
    giving.record_favour(twin, "gave", "advice")
    lifecycle.merge_contacts(marco, twin)
    assert giving.balance(marco) == giving.Balance(marco, 2, 0, 2) and stored_balance(marco) == 2


def test_favour_fields_are_tidied_and_kept(people):
    favour_id = giving.record_favour(people["giulia"], "Received", "Job-Lead", "  the Orbit opening ", on="yesterday")
    info = giving.get_favour(favour_id)
    assert (info.direction, info.kind, info.note, info.occurred_on) == ("received", "job lead", "the Orbit opening",
                                                                        TODAY - dt.timedelta(days=1))
    assert info.contact_name == "Giulia Rossi" and info.followup_id is None and info.introduction_id is None


def test_favours_of_newest_first(people):
    giulia = people["giulia"]
    nine_days_ago = str(TODAY.subtract(days=9))
    old = giving.record_favour(giulia, "gave", "advice", on=TODAY.subtract(days=59))
    new = giving.record_favour(giulia, "received", "content shared", on=nine_days_ago)
    same_day = giving.record_favour(giulia, "gave", "useful tool", on=nine_days_ago)
    giving.record_favour(people["marco"], "gave", "advice")
    assert [f.id for f in giving.favours_of(giulia)] == [same_day, new, old]
    assert [f.id for f in giving.favours_of(giulia, limit=1, offset=1)] == [new]


def test_favour_with_a_followup(people):
    giulia = people["giulia"]
    thanked = giving.record_favour(giulia, "received", "job lead", followup_due=2)
    checked = giving.record_favour(giulia, "gave", "other", followup_due="friday")
    custom = giving.record_favour(giulia, "gave", "advice", followup_due=TODAY.add(days=11),
                                  followup_action="Send the slides")
    open_ones = {f.id: f for f in followups.open_for_contact(giulia)}
    by_favour = {fid: open_ones[giving.get_favour(fid).followup_id] for fid in (thanked, checked, custom)}
    assert (by_favour[thanked].action, by_favour[thanked].due_on) == ("Thank them for the job lead", TODAY.add(days=2))
    # a due weekday is the next one, a week away when today is that weekday
    assert (by_favour[checked].action, by_favour[checked].due_on) == ("Check it helped", TODAY.next(pendulum.FRIDAY))
    assert (by_favour[custom].action, by_favour[custom].due_on) == ("Send the slides", TODAY.add(days=11))
    giving.delete_favour(thanked)  # its open follow-up goes with it
    assert by_favour[thanked].id not in {f.id for f in followups.open_for_contact(giulia)}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        (("gave", "bribe"), "kind"),
        (("lent", "advice"), "direction"),
        (("gave", "advice", "", "tomorrow"), "on"),
        (("gave", "advice", "", TODAY.add(days=2)), "on"),
        (("gave", "advice", "", "2026-02-31"), "on"),
        (("gave", "advice", "", None, "someday"), "followup_due"),
        (("gave", "advice", "", None, -1), "followup_due"),
    ],
)
def test_bad_favours_name_the_field_and_write_nothing(people, arguments, field):
    with pytest.raises(ValidationError) as caught:
        giving.record_favour(people["giulia"], *arguments)
    assert caught.value.field == field
    assert giving.favours_of(people["giulia"]) == [] and followups.open_for_contact(people["giulia"]) == []


def test_favours_need_a_living_contact(people):
    with pytest.raises(NotFoundError):
        giving.record_favour(999, "gave", "advice")
    lifecycle.trash_contact(people["luca"])
    with pytest.raises(NotFoundError):
        giving.record_favour(people["luca"], "gave", "advice")
    with pytest.raises(NotFoundError):
        giving.delete_favour(999)


def test_kinds_are_exported_for_screens():
    assert giving.FAVOUR_KINDS == ("reference letter", "content shared", "useful tool", "introduction",
                                   "job lead", "advice", "other")
    assert giving.INTRODUCTION_STATUSES == ("proposed", "made", "met", "outcome")


# --- the two views -------------------------------------------------------------------------


def test_people_i_owe_most_owed_first_with_the_last_favour(people):
    giulia, marco, anna, luca = people["giulia"], people["marco"], people["anna"], people["luca"]
    for _ in range(3):
        giving.record_favour(marco, "received", "advice", on=TODAY.subtract(days=28))
    giving.record_favour(marco, "gave", "content shared", "the article", on=TODAY.subtract(days=19))
    giving.record_favour(giulia, "received", "job lead", "Orbit", on=TODAY.subtract(days=9))
    giving.record_favour(anna, "received", "advice", on=TODAY.subtract(days=27))
    giving.record_favour(luca, "gave", "advice")  # I helped him: not in the list
    owed = giving.people_i_owe()
    assert [(p.name, p.balance) for p in owed] == [("Marco Bianchi", -2), ("Anna Verdi", -1), ("Giulia Rossi", -1)]
    assert (owed[0].given, owed[0].received, owed[0].last_on, owed[0].last_kind, owed[0].last_note) == (
        1, 3, TODAY.subtract(days=19), "content shared", "the article")
    assert [p.name for p in giving.people_i_owe(limit=1)] == ["Marco Bianchi"]
    lifecycle.trash_contact(marco)
    assert [p.name for p in giving.people_i_owe()] == ["Anna Verdi", "Giulia Rossi"]


def test_helped_recently_is_favours_given_in_the_window_newest_first(people):
    giulia, marco = people["giulia"], people["marco"]
    giving.record_favour(giulia, "gave", "advice", on=TODAY.subtract(days=91))  # outside 90 days
    inside = giving.record_favour(giulia, "gave", "useful tool", on=TODAY.subtract(days=90))
    giving.record_favour(marco, "gave", "advice", on=TODAY.subtract(days=3))
    recent = giving.record_favour(marco, "gave", "job lead", on=TODAY.subtract(days=2))
    giving.record_favour(marco, "received", "advice", on=TODAY)  # received: not shown
    today = giving.record_favour(giulia, "gave", "advice")
    assert [f.id for f in giving.helped_recently()][:2] == [today, recent]
    assert [f.id for f in giving.helped_recently()][-1] == inside and len(giving.helped_recently()) == 4
    assert [f.id for f in giving.helped_recently(days=2)] == [today, recent]
    assert [f.id for f in giving.helped_recently(limit=1)] == [today]
    with pytest.raises(ValidationError) as caught:
        giving.helped_recently(days=0)
    assert caught.value.field == "days"


# --- introductions -------------------------------------------------------------------------


def test_introduce_proposed_records_nothing_yet(people):
    giulia, marco = people["giulia"], people["marco"]
    intro = giving.introduce(giulia, marco, "both in fintech")
    info = giving.get_introduction(intro)
    assert (info.status, info.reason, info.introduced_on, info.interaction_id) == ("proposed", "both in fintech", TODAY, None)
    assert (info.person_a_name, info.person_b_name) == ("Giulia Rossi", "Marco Bianchi") and info.is_open
    assert giving.favours_of(giulia) == [] and timeline.contact_timeline(marco) == []
    assert [i.id for i in giving.introductions_of(marco)] == [intro]
    assert info.other(marco) == (giulia, "Giulia Rossi")


def test_the_timeline_says_an_introduction_s_reason_once(people):
    # The reason's first line is in the summary; the note holds only what follows it (a
    # one-line reason was shown twice on the timeline, the brief and the contact screen).
    giulia, marco, anna = people["giulia"], people["marco"], people["anna"]
    giving.introduce(giulia, marco, "both in fintech, she is hiring", status="made")
    [entry] = timeline.contact_timeline(giulia)
    assert entry.summary == "Introduced Giulia Rossi to Marco Bianchi: both in fintech, she is hiring"
    assert entry.notes == ""
    giving.introduce(anna, marco, "both in fintech\nAnna asked for it at the expo", status="made")
    [entry] = timeline.contact_timeline(anna)
    assert (entry.summary, entry.notes) == ("Introduced Anna Verdi to Marco Bianchi: both in fintech",
                                            "Anna asked for it at the expo")


def test_making_it_records_a_favour_to_each_and_one_interaction_on_both_timelines(people):
    giulia, marco = people["giulia"], people["marco"]
    intro = giving.introduce(giulia, marco, "both in fintech", on=str(TODAY.subtract(days=9)))
    offer = giving.set_introduction_status(intro, "made")
    info = giving.get_introduction(intro)
    assert info.status == "made" and info.introduced_on == TODAY  # the day it was made
    for person, other in ((giulia, "Marco Bianchi"), (marco, "Giulia Rossi")):
        [favour] = giving.favours_of(person)
        assert (favour.direction, favour.kind, favour.introduction_id) == ("gave", "introduction", intro)
        assert favour.note == f"Introduced to {other}: both in fintech"
        assert giving.balance(person).balance == 1
        [entry] = timeline.contact_timeline(person)
        assert entry.id == info.interaction_id
        assert entry.summary == "Introduced Giulia Rossi to Marco Bianchi: both in fintech"
        assert {p.id for p in entry.participants} == {giulia, marco}
    assert timeline.count_interactions() == 1
    # the offer: nothing created until accepted, then one follow-up each
    assert offer.contact_ids == (giulia, marco) and offer.due_on == TODAY + dt.timedelta(days=14)
    assert offer.actions == ("Ask how the introduction with Marco Bianchi went",
                             "Ask how the introduction with Giulia Rossi went")
    assert followups.open_for_contacts([giulia, marco]) == {}
    created = giving.accept_introduction_offer(offer)
    made = [followups.get_followup(i) for i in created]
    assert [(f.contact_id, f.action, f.due_on, f.source_interaction_id) for f in made] == [
        (giulia, offer.actions[0], offer.due_on, info.interaction_id),
        (marco, offer.actions[1], offer.due_on, info.interaction_id),
    ]


def test_created_as_made_in_the_past(people):
    giulia, marco = people["giulia"], people["marco"]
    intro = giving.introduce(giulia, marco, "", on="3 days ago", status="made")
    three_days_ago = TODAY.subtract(days=3)
    info = giving.get_introduction(intro)
    assert info.status == "made" and info.introduced_on == three_days_ago
    [entry] = timeline.contact_timeline(giulia)
    assert entry.summary == "Introduced Giulia Rossi to Marco Bianchi" and entry.kind == "message"
    assert entry.occurred_at.in_timezone("Europe/Rome").date() == three_days_ago
    assert [f.occurred_on for f in giving.favours_of(marco)] == [three_days_ago]
    offer = giving.introduction_offer(intro, days=7)
    assert offer.due_on == TODAY.add(days=7)  # counted from today, not from the day it was made
    assert len(giving.accept_introduction_offer(offer, due_on="tomorrow")) == 2


def test_status_moves_forward_and_skips_but_never_back(people):
    giulia, marco = people["giulia"], people["marco"]
    intro = giving.introduce(giulia, marco, "design work")
    assert giving.set_introduction_status(intro, "met") is not None  # skipped "made": still recorded
    assert len(giving.favours_of(giulia)) == 1 and timeline.count_interactions() == 1
    assert giving.set_introduction_status(intro, "met") is None  # the same status: nothing happens
    with pytest.raises(ValidationError) as caught:
        giving.set_introduction_status(intro, "made")
    assert caught.value.field == "status"
    assert str(caught.value) == ("The introduction of Giulia Rossi to Marco Bianchi is already 'met'; "
                                 "it cannot go back to 'made'.")
    assert giving.set_introduction_status(intro, "outcome", outcome="Marco hired her") is None
    info = giving.get_introduction(intro)
    assert (info.status, info.outcome, info.is_open) == ("outcome", "Marco hired her", False)
    giving.set_introduction_status(intro, "outcome", outcome="Marco hired her; a second project too")
    assert giving.get_introduction(intro).outcome == "Marco hired her; a second project too"
    # recorded once only, whatever the steps
    assert len(giving.favours_of(giulia)) == 1 and timeline.count_interactions() == 1


def test_an_outcome_goes_with_the_outcome_status(people):
    intro = giving.introduce(people["giulia"], people["marco"], "x")
    with pytest.raises(ValidationError) as caught:
        giving.set_introduction_status(intro, "made", outcome="they met")
    assert caught.value.field == "outcome"
    assert giving.get_introduction(intro).status == "proposed"


def test_bad_introductions(people):
    giulia, marco = people["giulia"], people["marco"]
    with pytest.raises(ValidationError) as caught:
        giving.introduce(giulia, giulia, "x")
    assert caught.value.field == "person_b"
    with pytest.raises(ValidationError) as caught:
        giving.introduce(giulia, marco, "x", status="done")
    assert caught.value.field == "status"
    with pytest.raises(ValidationError) as caught:
        giving.introduce(giulia, marco, "x", on="next week")
    assert caught.value.field == "on"
    with pytest.raises(NotFoundError):
        giving.introduce(giulia, 999, "x")
    with pytest.raises(ValidationError) as caught:
        giving.introduction_offer(giving.introduce(giulia, marco, "x"))
    assert caught.value.field == "status"
    with pytest.raises(NotFoundError):
        giving.set_introduction_status(999, "made")


def test_the_same_pair_cannot_have_two_open_introductions(people):
    giulia, marco = people["giulia"], people["marco"]
    first = giving.introduce(giulia, marco, "fintech")
    with pytest.raises(ValidationError) as caught:
        giving.introduce(marco, giulia, "again, the other way round")
    assert caught.value.field == "person_b" and f"#{first}" in str(caught.value)
    giving.set_introduction_status(first, "outcome", outcome="nothing came of it")
    second = giving.introduce(marco, giulia, "a new project")
    assert [i.id for i in giving.introductions_of(giulia)] == [second, first]
    giving.introduce(giulia, people["anna"], "another pair is fine")


def test_delete_introduction_takes_back_what_making_it_recorded(people):
    giulia, marco = people["giulia"], people["marco"]
    intro = giving.introduce(giulia, marco, "x", status="made")
    giving.record_favour(giulia, "received", "advice")
    giving.delete_introduction(intro)
    assert giving.balance(giulia) == giving.Balance(giulia, 0, 1, -1)
    assert giving.balance(marco).balance == 0 and timeline.count_interactions() == 0
    assert giving.introductions_of(giulia) == []


def test_merge_keeps_favours_and_introductions(people):
    giulia, marco = people["giulia"], people["marco"]
    twin = contacts.create_contact("Marco B.")
    intro = giving.introduce(giulia, twin, "x", status="made")
    between = giving.introduce(marco, twin, "the same person")
    lifecycle.merge_contacts(marco, twin)
    assert [i.id for i in giving.introductions_of(marco)] == [intro]
    assert giving.get_introduction(intro).person_b_id == marco
    assert between not in [i.id for i in giving.introductions_of(marco)]
    assert giving.balance(marco).given == 1


def test_trashed_or_deleted_people_leave_the_balances_of_others_alone(people):
    giulia, marco = people["giulia"], people["marco"]
    giving.introduce(giulia, marco, "x", status="made")
    lifecycle.purge_contact(marco)
    assert giving.introductions_of(giulia) == []
    assert giving.balance(giulia).balance == 1  # the favour she was given stays hers


def test_recent_introductions_list_open_ones_first_and_the_next_status(database, frozen):
    a, b, c = (contacts.create_contact(n) for n in ("Anna Verdi", "Bruno Neri", "Carla Blu"))
    closed = giving.introduce(a, b, "design work", status="made")
    giving.set_introduction_status(closed, "outcome", outcome="they hired her")
    open_one = giving.introduce(b, c, "both in fintech")
    assert [i.id for i in giving.recent_introductions()] == [open_one, closed]
    assert [giving.next_status(s) for s in giving.INTRODUCTION_STATUSES] == ["made", "met", "outcome", None]
