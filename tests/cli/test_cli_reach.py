"""`netui reach [--json]` and `netui log --initiated-by`, run as a real program: the two lists,
the default initiator ("me", none for a note), the brief's sentence, bad input refused."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest
from support import netui_program

from netui import contacts, timeline


@pytest.fixture
def people(database):
    """Giulia never reaches out; Marco wrote last; Anna is balanced. Logged days before the real
    clock's now, not a stopped one: the program run below reads the real clock."""
    now = pendulum.now()
    ids = {name.split()[0].lower(): contacts.create_contact(name, company=company)
           for name, company in (("Giulia Rossi", "Lumen"), ("Marco Verdi", "Ferri SpA"), ("Anna Neri", ""))}
    for days, who in ((20, "me"), (15, "me"), (10, "me"), (5, "me")):
        timeline.log_interaction([ids["giulia"]], "call", now.subtract(days=days), initiated_by=who)
    timeline.log_interaction([ids["marco"]], "call", now.subtract(days=9), initiated_by="me")
    timeline.log_interaction([ids["marco"]], "email", now.subtract(days=4), initiated_by="them")
    for days, who in ((8, "me"), (6, "them"), (3, "me")):
        timeline.log_interaction([ids["anna"]], "message", now.subtract(days=days), initiated_by=who)
    return ids


@pytest.fixture
def netui(database):
    return netui_program(str(Path(database.database)))


def test_reach_lists_both_sections(people, netui):
    shown = netui("reach")
    assert shown.returncode == 0, shown.stderr
    first, second = shown.stdout.split("\n\n")
    assert first.splitlines()[0].startswith("They never reach out")
    assert f"#{people['giulia']}  ·  Giulia Rossi  ·  Lumen  ·  you started the last 4" in first
    assert second.splitlines()[0].startswith("You have not answered")
    assert f"#{people['marco']}  ·  Marco Verdi  ·  Ferri SpA  ·  email · " in second
    assert "Anna" not in shown.stdout


def test_reach_json(people, netui):
    shown = netui("reach", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert [(p["contact_id"], p["started_by_you"]) for p in data["never_reach_out"]] == [(people["giulia"], 4)]
    [waiting] = data["not_answered"]
    assert (waiting["name"], waiting["kind"]) == ("Marco Verdi", "email")


def test_nobody_in_either_list_says_so(database, netui):
    shown = netui("reach")
    assert shown.returncode == 0
    assert shown.stdout.count("nobody") == 2


def test_answering_takes_them_off_and_a_logged_call_is_yours_by_default(people, netui):
    logged = netui("log", "Marco", "--kind", "call", "--when", "1 hour ago", "--summary", "Called back")
    assert logged.returncode == 0, logged.stderr
    assert "Marco" not in netui("reach").stdout.split("\n\n")[1]
    latest = json.loads(netui("show", "Marco", "--json").stdout)["timeline"][0]
    assert latest["initiated_by"] == "me"


def test_initiated_by_them_and_a_note_has_nobody(people, netui):
    assert netui("log", "Anna", "--kind", "call", "--when", "2 hours ago", "--initiated-by", "them").returncode == 0
    assert netui("log", "Anna", "--note", "likes jazz", "--when", "1 hour ago").returncode == 0
    shown = json.loads(netui("show", "Anna", "--json").stdout)["timeline"]
    assert [(i["kind"], i["initiated_by"]) for i in shown[:2]] == [("note", None), ("call", "them")]


def test_the_brief_says_when_it_is_lopsided(people, netui):
    assert netui("log", "Giulia", "--kind", "email", "--when", "1 hour ago").returncode == 0  # the fifth
    brief = netui("brief", "Giulia")
    assert brief.returncode == 0, brief.stderr
    assert "you reached out 5 of the last 5 times" in brief.stdout
    assert "reached out" not in netui("brief", "Anna").stdout
    italian = netui("--lang", "it", "brief", "Giulia")
    assert "l'iniziativa è stata tua 5 volte sulle ultime 5" in italian.stdout


@pytest.mark.parametrize("argv", [
    ("log", "Anna", "--initiated-by", "them"),                   # the default kind is a note
    ("log", "Anna", "--kind", "note", "--initiated-by", "me"),
    ("log", "Anna", "--kind", "call", "--initiated-by", "both"),
])
def test_bad_initiator_says_one_sentence_and_logs_nothing(people, netui, argv):
    before = len(json.loads(netui("show", "Anna", "--json").stdout)["timeline"])
    refused = netui(*argv)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert len(json.loads(netui("show", "Anna", "--json").stdout)["timeline"]) == before
