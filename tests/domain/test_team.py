"""Who did what (issue 19): who is using netui, what the domain's writes record of it, and
Today's follow-ups: mine (and nobody's) by default, the team's on request."""

from __future__ import annotations

import pytest

from conftest import FROZEN_NOW
from netui import agenda, capture, config, contacts, followups, giving, present, team, timeline
from netui.errors import ValidationError
from netui.store.models import Favour, FollowUp, Interaction, Introduction

TODAY = FROZEN_NOW.date()


# --- who is using netui --------------------------------------------------------------------


def test_the_flag_wins_then_the_environment_then_the_config_then_the_login(monkeypatch):
    monkeypatch.setattr(team, "login_name", lambda: "login")
    environ = {team.USER_ENV_VAR: "from-env"}
    assert team.choose_user("anna", "from-config", environ) == "anna"
    assert team.choose_user(None, "from-config", environ) == "from-env"
    assert team.choose_user(None, "from-config", {}) == "from-config"
    assert team.choose_user(None, None, {}) == "login"
    assert team.choose_user(None, None, {team.USER_ENV_VAR: ""}) == "login"  # set but empty: not said
    assert team.choose_user("  bob ", None, {}) == "bob"


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "x" * 65])
def test_a_blank_or_odd_user_name_is_refused_in_one_sentence(bad):
    with pytest.raises(ValidationError, match="user name"):
        team.choose_user(bad, None, {})


def test_the_config_files_team_user(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text('[team]\nuser = " anna "\n', encoding="utf-8")
    assert config.load(path).user == "anna"
    path.write_text("[team]\nuser = 3\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"\[team\] user"):
        config.load(path)
    path.write_text("[interface]\n", encoding="utf-8")
    assert config.load(path).user is None


def test_resolve_user_reads_the_config_only_when_nothing_else_says(monkeypatch):
    monkeypatch.setattr(config, "load", lambda: config.Config(user="from-config"))
    assert team.resolve_user(None) == "from-config"
    assert team.resolve_user("anna") == "anna"
    monkeypatch.setenv(team.USER_ENV_VAR, "from-env")
    assert team.resolve_user(None) == "from-env"


def test_without_being_told_the_user_is_the_login_name(monkeypatch):
    monkeypatch.setattr(team, "login_name", lambda: "login")
    assert team.current_user() == "login"
    team.use("anna")
    assert team.current_user() == "anna"
    assert team.mine() == ("anna", "")


# --- what is written records who wrote it --------------------------------------------------


@pytest.fixture
def people(database, frozen):
    return {name: contacts.create_contact(name, company=company) for name, company in
            (("Giulia Rossi", "Lumen"), ("Marco Neri", "Lumen"), ("Sara Conti", "Ferri"))}


def test_interactions_followups_favours_and_introductions_record_who_logged_them(people):
    giulia, marco = people["Giulia Rossi"], people["Marco Neri"]
    team.use("anna")
    call = timeline.log_interaction([giulia], "call", FROZEN_NOW.subtract(days=1))
    deck = followups.create_followup(giulia, TODAY, "Send the deck")
    team.use("bob")
    favour = giving.record_favour(marco, "gave", "advice", followup_due=3)
    intro = giving.introduce(giulia, marco, "both in payments", status="made")

    assert Interaction.get_by_id(call).logged_by == "anna"
    assert (FollowUp.get_by_id(deck).logged_by, FollowUp.get_by_id(deck).owner) == ("anna", "anna")
    row = Favour.get_by_id(favour)
    assert row.logged_by == "bob"
    assert (FollowUp.get_by_id(row.followup_id).owner, FollowUp.get_by_id(row.followup_id).logged_by) == ("bob", "bob")
    made = Introduction.get_by_id(intro)
    assert made.logged_by == "bob"
    assert Interaction.get_by_id(made.interaction_id).logged_by == "bob"  # the introduction's timeline entry
    assert {f.logged_by for f in Favour.select().where(Favour.introduction == intro)} == {"bob"}


def test_a_capture_records_who_captured(people):
    team.use("carla")
    result = capture.capture_line("Luca Bassi @Lumen !3d met at the fair")
    [entry] = timeline.contact_timeline(result.contact_id)
    assert Interaction.get_by_id(entry.id).logged_by == "carla"
    [open_one] = followups.open_for_contact(result.contact_id)
    assert open_one.owner == "carla"


# --- Today: mine, or the team's -------------------------------------------------------------


@pytest.fixture
def shared_followups(people):
    """Anna's, Bob's and one nobody owns (written before schema version 8), all due."""
    team.use("anna")
    mine = followups.create_followup(people["Giulia Rossi"], TODAY.subtract(days=2), "Send the deck")
    team.use("bob")
    bobs = followups.create_followup(people["Marco Neri"], TODAY, "Call about the offer", channel="phone")
    bobs_late = followups.create_followup(people["Sara Conti"], TODAY.subtract(days=1), "Thank her")
    nobodys = followups.create_followup(people["Sara Conti"], TODAY, "Old promise")
    FollowUp.update(owner="", logged_by="").where(FollowUp.id == nobodys).execute()
    return {"mine": mine, "bobs": bobs, "bobs_late": bobs_late, "nobodys": nobodys}


def _followup_ids(found: agenda.Agenda) -> dict[str, list[int]]:
    return {key: [r.id for r in found.section(key).rows] for key in ("overdue_followups", "due_followups")}


def test_today_shows_my_followups_and_nobodys_and_counts_the_teams(shared_followups):
    team.use("anna")
    found = agenda.today_agenda()
    assert _followup_ids(found) == {"overdue_followups": [shared_followups["mine"]],
                                    "due_followups": [shared_followups["nobodys"]]}
    assert found.others_due == 2 and not found.team
    assert all(row.owner == "" for key in ("overdue_followups", "due_followups") for row in found.section(key).rows)


def test_the_teams_today_has_everyones_and_says_whose(shared_followups):
    team.use("anna")
    found = agenda.today_agenda(team=True)
    assert _followup_ids(found) == {
        "overdue_followups": [shared_followups["mine"], shared_followups["bobs_late"]],
        "due_followups": [shared_followups["bobs"], shared_followups["nobodys"]]}
    assert found.team and found.others_due == 0
    whose = {row.id: row.owner for row in found.section("due_followups").rows}
    assert whose == {shared_followups["bobs"]: "bob", shared_followups["nobodys"]: ""}
    line = present.agenda_line(found.section("due_followups").rows[0])
    assert line.endswith("· bob") and "(phone)" in line
    mine = next(r for r in found.section("overdue_followups").rows if r.id == shared_followups["mine"])
    assert present.agenda_line(mine).endswith("· mine")


def test_the_first_rows_agree_with_the_whole_agenda_in_both_views(shared_followups):
    """The screen's first step (a top-N in SQL) filters as the whole agenda does."""
    team.use("bob")
    for whole_team in (False, True):
        head = agenda.first_rows(team=whole_team, limit=1)  # one row: the follow-up sections left to complete
        assert _followup_ids(agenda.complete_agenda(head)) == _followup_ids(agenda.today_agenda(team=whole_team))
    assert _followup_ids(agenda.today_agenda()) == {
        "overdue_followups": [shared_followups["bobs_late"]],
        "due_followups": [shared_followups["bobs"], shared_followups["nobodys"]]}


def test_on_a_file_one_person_uses_today_does_not_change(people):
    """Follow-ups written before version 8 (nobody's) and after (the one user's) all show, and
    nothing says 'the team'."""
    old = followups.create_followup(people["Giulia Rossi"], TODAY, "Written before")
    FollowUp.update(owner="", logged_by="").where(FollowUp.id == old).execute()
    new = followups.create_followup(people["Marco Neri"], TODAY, "Written after")
    found = agenda.today_agenda()
    assert _followup_ids(found)["due_followups"] == [old, new]
    assert found.others_due == 0
    assert _followup_ids(agenda.today_agenda(team=True)) == _followup_ids(found)
