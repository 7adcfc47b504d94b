"""Who did what on the command line, run as a real program: --user, $NETUI_USER and the config
file's [team] user say who logs; `netui today` shows mine unless --team; `netui who-knows`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pendulum
import pytest
from support import netui_program

from netui import contacts, followups
from netui.store.models import FollowUp, Interaction


@pytest.fixture
def people(database):
    return {"giulia": contacts.create_contact("Giulia Rossi", company="Lumen", city="Milano"),
            "marco": contacts.create_contact("Marco Neri", company="Lumen", city="Torino")}


@pytest.fixture
def netui(database):
    return netui_program(str(Path(database.database)))


def _last_logged_by() -> str:
    return Interaction.select().order_by(Interaction.id.desc()).get().logged_by


def test_who_logs_is_the_flag_then_the_environment_then_the_config(people, netui, database):
    assert netui("--user", "anna", "log", "Giulia Rossi", "--kind", "call").returncode == 0
    assert _last_logged_by() == "anna"
    run_as_bob = netui_program(str(Path(database.database)), NETUI_USER="bob")
    assert run_as_bob("log", "Marco Neri", "--kind", "call").returncode == 0
    assert _last_logged_by() == "bob"
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "netui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[team]\nuser = "carla"\n', encoding="utf-8")
    assert netui("log", "Marco Neri", "--kind", "email").returncode == 0
    assert _last_logged_by() == "carla"
    assert run_as_bob("followup", "add", "Giulia Rossi", "--due", "tomorrow", "--action", "Send the deck").returncode == 0
    assert FollowUp.select().order_by(FollowUp.id.desc()).get().owner == "bob"


def test_a_blank_user_is_one_sentence_and_exit_2(people, netui):
    shown = netui("--user", " ", "log", "Giulia Rossi")
    assert shown.returncode == 2 and "user name" in shown.stderr and not shown.stdout
    assert Interaction.select().count() == 0


def test_today_is_mine_unless_team(people, netui):
    today = pendulum.today().date()
    anna = followups.create_followup(people["giulia"], today, "Send the deck")
    bob = followups.create_followup(people["marco"], today, "Call about the offer")
    FollowUp.update(owner="anna").where(FollowUp.id == anna).execute()
    FollowUp.update(owner="bob").where(FollowUp.id == bob).execute()

    mine = netui("--user", "anna", "today")
    assert mine.returncode == 0, mine.stderr
    assert "Send the deck" in mine.stdout and "Call about the offer" not in mine.stdout
    assert "1 more follow-up of the team's is due: netui today --team shows it." in mine.stdout
    team = netui("--user", "anna", "today", "--team")
    assert "· the team's" in team.stdout.splitlines()[0]
    assert f"#{bob}  Marco Neri · Call about the offer · today · bob" in team.stdout
    assert f"#{anna}  Giulia Rossi · Send the deck · today · mine" in team.stdout
    data = json.loads(netui("--user", "anna", "today", "--json").stdout)
    assert (data["team"], data["others_due"]) == (False, 1)


def test_who_knows_text_and_json(people, netui):
    assert netui("--user", "anna", "log", "Giulia Rossi", "--kind", "call", "--when", "2 days ago").returncode == 0
    assert netui("--user", "bob", "log", "Giulia Rossi", "Marco Neri", "--when", "40 days ago").returncode == 0
    shown = netui("--user", "anna", "who-knows", "Lumen")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "2 people match 'Lumen'.",
        "  anna (you) · 1 person · warm · last contact 2 days ago (Giulia Rossi)",
        "  bob · 2 people · cooling · last contact 1 month ago (Giulia Rossi, Marco Neri)",
    ]
    data = json.loads(netui("--user", "bob", "who-knows", "city:Torino", "--json").stdout)
    assert data["matched"] == 1
    assert [(m["member"], m["label"], m["people"]) for m in data["members"]] == [("bob", "bob (you)", 1)]
    assert data["members"][0]["closest"][0]["name"] == "Marco Neri"


def test_who_knows_nobody_in_touch_yet(people, netui):
    shown = netui("who-knows", "Torino")
    assert shown.stdout.splitlines() == ["1 person matches 'Torino'.",
                                         "Nobody in the team has been in touch with them yet."]


def test_the_brief_says_who_in_the_team_knows_them(people, netui):
    netui("--user", "bob", "log", "Giulia Rossi", "--kind", "call", "--when", "3 days ago")
    shown = netui("--user", "anna", "brief", "Giulia Rossi")
    assert "  Known in the team: bob 3 days ago" in shown.stdout.splitlines()
    alone = netui("--user", "bob", "brief", "Giulia Rossi")
    assert "Known in the team" not in alone.stdout
    shown = netui("--user", "anna", "show", "Giulia Rossi").stdout
    assert [line for line in shown.splitlines() if " call " in line][0].endswith("· by bob")
    assert "by bob" not in netui("--user", "bob", "show", "Giulia Rossi").stdout
