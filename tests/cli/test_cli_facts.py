"""`netui fact NAME [LABEL [VALUE]] [--remove]`, run as a real program: add, list, remove a
person's facts; bad input says one sentence, exits 2 and changes nothing."""

from __future__ import annotations

import json

import pytest
from support import netui_program


@pytest.fixture
def netui(tmp_path):
    run = netui_program(str(tmp_path / "facts.db"))

    assert run("add", "Giulia Rossi").returncode == 0
    return run


def facts(netui) -> list[tuple[str, str]]:
    listed = netui("fact", "Giulia", "--json")
    assert listed.returncode == 0, listed.stderr
    return [(f["label"], f["value"]) for f in json.loads(listed.stdout)]


def test_add_list_and_remove_a_fact(netui):
    added = netui("fact", "Giulia", "kids", "Leo and Mia")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Added to Giulia Rossi: kids: Leo and Mia."
    assert netui("fact", "Giulia", "hobby", "sailing").returncode == 0
    assert netui("fact", "Giulia", "hobby", "chess").returncode == 0

    listed = netui("fact", "Giulia")
    assert listed.stdout.splitlines() == ["kids:  Leo and Mia", "hobby: sailing", "hobby: chess"]
    assert "Leo and Mia" in netui("brief", "Giulia").stdout
    assert "Giulia Rossi" in netui("search", "sailing").stdout

    one = netui("fact", "Giulia", "HOBBY", "sailing", "--remove")
    assert one.returncode == 0, one.stderr
    assert one.stdout.strip() == "Removed from Giulia Rossi: hobby: sailing."
    assert facts(netui) == [("kids", "Leo and Mia"), ("hobby", "chess")]

    every = netui("fact", "Giulia", "kids", "--remove")
    assert every.returncode == 0 and facts(netui) == [("hobby", "chess")]


def test_no_facts_yet_says_how_to_add_one(netui):
    listed = netui("fact", "Giulia")
    assert listed.returncode == 0
    assert "netui fact NAME LABEL VALUE" in listed.stdout


@pytest.mark.parametrize("argv", [
    ("fact", "Nobody Known", "kids", "Leo"),      # unknown person
    ("fact", "Giulia", "", "Leo"),                # empty label
    ("fact", "Giulia", "kids"),                   # no value
    ("fact", "Giulia", "kids", "   "),            # a blank value
    ("fact", "Giulia", "pet", "--remove"),        # nothing labelled so
    ("fact", "Giulia", "kids", "Tom", "--remove"),  # not that value
    ("fact", "Giulia", "--remove"),               # no label to remove
])
def test_bad_input_says_one_sentence_and_changes_nothing(netui, argv):
    assert netui("fact", "Giulia", "kids", "Leo").returncode == 0
    refused = netui(*argv)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert facts(netui) == [("kids", "Leo")]


def test_in_italian(netui):
    added = netui("--lang", "it", "fact", "Giulia", "figli", "Leo")
    assert added.returncode == 0
    assert added.stdout.strip() == "Aggiunto a Giulia Rossi: figli: Leo."
