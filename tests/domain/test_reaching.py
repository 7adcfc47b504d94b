"""Who reaches out (netui.reaching): the lopsided rule, the brief's sentence, the two lists of
the reach view, and the initiator a logged interaction gets."""

from __future__ import annotations

import pytest

from netui import brief, contacts, lifecycle, present, reaching, timeline
from netui.errors import ValidationError
from netui.reaching import balance_of


@pytest.fixture
def people(database):
    return {name.split()[0].lower(): contacts.create_contact(name, company=company)
            for name, company in (("Giulia Rossi", "Lumen"), ("Marco Bianchi", "Acme"), ("Anna Verdi", ""),
                                  ("Luca Neri", ""))}


def log(contact_id, days_ago, initiated_by, frozen, kind="call"):
    timeline.log_interaction([contact_id], kind, frozen.subtract(days=days_ago), summary=kind,
                             initiated_by=initiated_by)


# --- the lopsided rule ---------------------------------------------------------------------

@pytest.mark.parametrize("initiators, lopsided", [
    (["me"] * 8 + ["them"] * 2, "me"),             # 80%: lopsided
    (["me"] * 7 + ["them"] * 3, None),             # 70%: not
    (["them"] * 4 + ["me"], "them"),               # 4 of 5 known: lopsided their way
    (["me"] * 4, None),                            # all four, but fewer than 5 known
    (["me"] * 5, "me"),                            # five known, all yours
    (["them"] * 2 + ["me"] * 8 + ["them"] * 5, "me"),  # only the last 10 count
])
def test_lopsided_when_one_side_started_80_percent_of_at_least_5(initiators, lopsided):
    assert balance_of(initiators).lopsided == lopsided


def test_the_balance_counts_the_last_ten_with_a_known_initiator(people, frozen):
    giulia = people["giulia"]
    for day in range(20, 12, -1):         # eight you started, long ago...
        log(giulia, day, "me", frozen)
    log(giulia, 5, None, frozen)            # ...unknown ones and notes do not count...
    log(giulia, 4, None, frozen, kind="note")
    log(giulia, 3, "them", frozen)          # ...and two they started, lately
    log(giulia, 2, "them", frozen)
    seen = reaching.reach_balance(giulia)
    assert (seen.known, seen.by_me, seen.by_them, seen.lopsided) == (10, 8, 2, "me")
    assert present.reach_line(seen) == "you reached out 8 of the last 10 times"
    assert present.reach_line(brief.meeting_brief(giulia).who_reaches_out) == "you reached out 8 of the last 10 times"


def test_they_reached_out_and_a_balanced_person_gets_no_sentence(people, frozen, italian):
    for day in range(6, 0, -1):
        log(people["marco"], day, "them" if day != 3 else "me", frozen)
        log(people["anna"], day, "them" if day % 2 else "me", frozen)
    assert present.reach_line(reaching.reach_balance(people["marco"])) == "l'iniziativa è stata sua 5 volte sulle ultime 6"
    assert present.reach_line(reaching.reach_balance(people["anna"])) == ""
    assert present.reach_line(reaching.reach_balance(people["giulia"])) == ""  # nothing known yet


# --- the reach view's two lists --------------------------------------------------------------

def test_never_reach_out_needs_three_known_all_yours(people, frozen):
    for day in (9, 6, 3):
        log(people["giulia"], day, "me", frozen)
    for day in (9, 6):
        log(people["anna"], day, "me", frozen)        # only two known: not yet a pattern
    for day in (9, 6, 3, 1):
        log(people["marco"], day, "me" if day != 6 else "them", frozen)  # once they did
    lists = reaching.reach_lists()
    assert [(p.name, p.started_by_you) for p in lists.never_reach_out] == [("Giulia Rossi", 3)]
    assert lists.never_reach_out[0].last_at == frozen.subtract(days=3)


def test_not_answered_is_when_their_reaching_out_is_the_newest_exchange(people, frozen):
    log(people["giulia"], 9, "me", frozen)
    log(people["giulia"], 4, "them", frozen, kind="email")
    log(people["giulia"], 1, None, frozen, kind="note")   # a note is no answer
    log(people["marco"], 8, "them", frozen)
    log(people["marco"], 2, "me", frozen)                 # you answered
    log(people["anna"], 7, "them", frozen, kind="message")
    log(people["anna"], 3, None, frozen, kind="meeting")  # you met since: answered
    log(people["luca"], 2, "them", frozen, kind="call")   # they called: you talked, answered
    waiting = reaching.reach_lists().not_answered
    assert [(p.name, p.kind, p.reached_out_at) for p in waiting] == [
        ("Giulia Rossi", "email", frozen.subtract(days=4))]


def test_the_trash_is_left_out(people, frozen):
    for day in (9, 6, 3):
        log(people["giulia"], day, "me", frozen)
    log(people["marco"], 2, "them", frozen)
    lifecycle.trash_contact(people["giulia"])
    lifecycle.trash_contact(people["marco"])
    assert reaching.reach_lists() == reaching.ReachLists([], [])


def test_a_group_interaction_counts_for_each_person(people, frozen):
    timeline.log_interaction([people["giulia"], people["marco"]], "email", frozen.subtract(days=1),
                             initiated_by="them")
    assert {p.name for p in reaching.reach_lists().not_answered} == {"Giulia Rossi", "Marco Bianchi"}


# --- the initiator a logged interaction gets ---------------------------------------------------

def test_logging_starts_with_me_and_a_note_has_nobody():
    assert reaching.initiator_for("call", None) == "me"
    assert reaching.initiator_for("email", "them") == "them"
    assert reaching.initiator_for("note", None) is None
    with pytest.raises(ValidationError, match="A note is not an exchange"):
        reaching.initiator_for("note", "me")
    with pytest.raises(ValidationError, match="Who started it"):
        reaching.initiator_for("call", "both")
