"""Who knows whom in the team (issue 19): the people a query names, then per member how many
of them they know, how warm, the last contact; the contact's "Known in the team" line."""

from __future__ import annotations

import pytest

from conftest import FROZEN_NOW
from netui import contacts, lifecycle, present, team, timeline, who_knows
from netui.errors import ValidationError
from netui.store.models import Interaction

TODAY = FROZEN_NOW.date()


@pytest.fixture
def lumen(database, frozen):
    """Three people at Lumen (two in Milano), one at Ferri in Milano, and a team of three."""
    people = {
        "giulia": contacts.create_contact("Giulia Rossi", company="Lumen Digital", city="Milano"),
        "marco": contacts.create_contact("Marco Neri", company="Lumen Digital", city="Torino"),
        "paolo": contacts.create_contact("Paolo Sala", company="Lumen Digital", city="Milano"),
        "sara": contacts.create_contact("Sara Conti", company="Ferri", city="Milano"),
    }
    team.use("anna")
    timeline.log_interaction([people["giulia"]], "call", FROZEN_NOW.subtract(days=3))
    timeline.log_interaction([people["giulia"]], "email", FROZEN_NOW.subtract(days=50))
    team.use("bob")
    timeline.log_interaction([people["marco"], people["paolo"]], "meeting", FROZEN_NOW.subtract(days=40))
    timeline.log_interaction([people["giulia"]], "email", FROZEN_NOW.subtract(days=200))
    team.use("carla")
    timeline.log_interaction([people["sara"]], "call", FROZEN_NOW.subtract(days=1))
    team.use("anna")
    return people


def _rows(found) -> list[tuple]:
    return [(h.member, h.people, h.interactions, h.warmth, h.last_contact.date()) for h in found.members]


def test_who_knows_a_company_warmest_first(lumen):
    found = who_knows.who_knows("Lumen")
    assert found.matched == 3
    assert _rows(found) == [
        ("anna", 1, 2, "warm", FROZEN_NOW.subtract(days=3).date()),
        ("bob", 3, 3, "cooling", FROZEN_NOW.subtract(days=40).date()),
    ]
    bob = found.members[1]
    assert [p.name for p in bob.closest] == ["Marco Neri", "Paolo Sala", "Giulia Rossi"]
    assert bob.closest[2].last_contact.date() == FROZEN_NOW.subtract(days=200).date()
    assert found.members[0].label == "anna (you)" and bob.label == "bob"


def test_who_knows_a_city_and_a_person(lumen):
    milano = who_knows.who_knows("milano")  # case folded
    assert milano.matched == 3
    assert [h.member for h in milano.members] == ["carla", "anna", "bob"]
    assert [h.people for h in milano.members] == [1, 1, 2]
    person = who_knows.who_knows("Marco Neri")
    assert (person.matched, [h.member for h in person.members]) == (1, ["bob"])


def test_filters_of_the_search_box_narrow_the_people(lumen):
    found = who_knows.who_knows("Lumen city:Torino")
    assert found.matched == 1 and [h.member for h in found.members] == ["bob"]
    assert who_knows.who_knows("city:Milano").matched == 3


def test_people_nobody_knows_and_a_query_nobody_matches(lumen):
    contacts.create_contact("Nina Verdi", company="Quanta")
    assert (who_knows.who_knows("Quanta").matched, who_knows.who_knows("Quanta").members) == (1, [])
    assert who_knows.who_knows("Zzyzx").matched == 0
    with pytest.raises(ValidationError):
        who_knows.who_knows("  ")


def test_news_is_not_knowing_someone_and_the_trash_is_left_out(lumen):
    team.use("dario")
    timeline.log_interaction([lumen["marco"]], "note", FROZEN_NOW.subtract(days=1), summary="New job",
                             counts_as_contact=False)
    assert "dario" not in [h.member for h in who_knows.who_knows("Lumen").members]
    lifecycle.trash_contact(lumen["giulia"])
    found = who_knows.who_knows("Lumen")
    assert found.matched == 2 and [h.member for h in found.members] == ["bob"]


def test_cold_after_ninety_days(lumen):
    team.use("elena")
    timeline.log_interaction([lumen["sara"]], "call", FROZEN_NOW.subtract(days=120))
    [elena] = [h for h in who_knows.who_knows("Ferri").members if h.member == "elena"]
    assert elena.warmth == "cold"


def test_entries_not_recorded_stay_so_on_a_teams_network(lumen):
    old = timeline.log_interaction([lumen["sara"]], "call", FROZEN_NOW.subtract(days=10))
    Interaction.update(logged_by="").where(Interaction.id == old).execute()
    members = {h.member: h for h in who_knows.who_knows("Ferri").members}
    assert set(members) == {"carla", ""} and members[""].label == "not recorded"


def test_on_a_file_one_person_uses_entries_not_recorded_are_theirs(database, frozen):
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen")
    old = timeline.log_interaction([giulia], "call", FROZEN_NOW.subtract(days=10))
    Interaction.update(logged_by="").where(Interaction.id == old).execute()  # before schema version 8
    team.use("anna")
    [only] = who_knows.who_knows("Lumen").members
    assert (only.member, only.interactions) == ("anna", 1)
    timeline.log_interaction([giulia], "email", FROZEN_NOW.subtract(days=2))
    [only] = who_knows.who_knows("Lumen").members
    assert (only.member, only.interactions) == ("anna", 2)
    # not worth a line on the contact: the timeline says it all
    assert present.known_in_team_line(who_knows.known_in_team(giulia)) == ""


def test_known_in_team_line_when_someone_else_knows_them(lumen):
    line = present.known_in_team_line(who_knows.known_in_team(lumen["giulia"]))
    assert line == "Known in the team: anna (you) 3 days ago · bob 6 months ago"
    team.use("bob")
    assert present.known_in_team_line(who_knows.known_in_team(lumen["sara"])) == \
        "Known in the team: carla 1 day ago"


def test_member_history_line(lumen):
    [anna, bob] = who_knows.who_knows("Lumen").members
    assert present.member_history_line(bob) == \
        "bob · 3 people · cooling · last contact 1 month ago (Marco Neri, Paolo Sala, Giulia Rossi)"
    assert present.member_history_line(anna).startswith("anna (you) · 1 person · warm · last contact 3 days ago")


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_history_of_many_people_is_read_from_their_participations(database, frozen):
    """Through the participations' contact_id index, not by walking every interaction in the
    logged_by index's order (which tested each against the whole list of people)."""
    from netui import demo

    demo.generate_network(1000, seed=5, now=frozen)
    # A big city: a quarter of the network.
    ids = [row[0] for row in database.execute_sql("SELECT id FROM contact ORDER BY id LIMIT 250")]
    sql, params = who_knows._history_query(ids).sql()
    plan = [row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params)]
    assert plan[0].startswith("SEARCH") and "interaction_participant_contact_id" in plan[0], plan


def test_the_timeline_says_which_member_logged_an_entry(lumen):
    """Another member's entries say 'by bob'; mine and those not recorded say nothing."""
    team.use("bob")
    entries = timeline.contact_timeline(lumen["giulia"])
    assert [(i.logged_by, present.logged_by_words(i)) for i in entries] == [
        ("anna", "by anna"), ("anna", "by anna"), ("bob", "")]
