"""`netui event want EVENT "NAME @Company" [--why TEXT]`, then `event attend ... --met`, `netui
capture --event` and `event show` (met / missed), run as a real program."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from support import netui_program


@pytest.fixture
def netui(tmp_path):
    return netui_program(str(tmp_path / "want.db"), TZ="Europe/Rome")


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_want_then_meet_by_name_and_by_capture(netui):
    ok(netui("event", "add", "Fintech Day", "--when", "2020-06-10 09:00", "--until", "2020-06-10 18:00",
             "--kind", "congress", "--status", "attended"))
    said = ok(netui("event", "want", "fintech", "Sara Conti @Lumen", "--why", "her talk on payments"))
    assert said.strip() == "To meet at Fintech Day: Sara Conti @Lumen (not a contact yet)."
    ok(netui("event", "want", "fintech", "Nicolò Ødegaard @Acme — runs the accelerator"))
    ok(netui("event", "want", "fintech", "Luca Neri @Borsa — the speaker"))
    assert json.loads(ok(netui("search", "Sara", "--json"))) == []  # not a contact yet

    met = ok(netui("event", "attend", "fintech", "sara conti", "--met"))
    assert met.strip() == "Met Sara Conti at Fintech Day: now a contact (#1)."
    assert "Fintech Day" in ok(netui("show", "Sara Conti"))
    ok(netui("capture", "nicolo odegaard @acme nicolo@acme.it", "--event", "fintech"))

    shown = ok(netui("event", "show", "fintech"))
    assert "met     Sara Conti @Lumen — her talk on payments" in shown
    assert "met     Nicolò Ødegaard @Acme — runs the accelerator" in shown
    assert "missed  Luca Neri @Borsa — the speaker (not a contact yet)" in shown
    assert "People: You met 2 of the 3 people on the list; missed 1." in shown
    assert "Missed: Luca Neri." in shown
    data = json.loads(ok(netui("event", "show", "fintech", "--json")))
    assert [w["name"] for w in data["wishes"] if w["met"]] == ["Sara Conti", "Nicolò Ødegaard"]
    assert [p["name"] for p in data["missed"]] == ["Luca Neri"] and data["over"] is True


@pytest.mark.parametrize(("argv", "words"), [
    (("event", "want", "fintech", " @Lumen"), "Say who to meet"),
    (("event", "want", "fintech", "Sara Conti @Lumen"), "already on the list"),
    (("event", "want", "fintech", "Giulia Rossi"), "already one of your contacts"),
    (("event", "want", "Nowhere", "Anyone"), "No event matches 'Nowhere'"),
])
def test_bad_wishes_are_one_sentence(netui, argv, words):
    ok(netui("add", "Giulia Rossi"))
    ok(netui("event", "add", "Fintech Day", "--when", "2030-06-10 09:00", "--kind", "congress"))
    ok(netui("event", "want", "fintech", "Sara Conti @Lumen"))
    result = netui(*argv)
    assert result.returncode == 2 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert [w["name"] for w in json.loads(ok(netui("event", "show", "fintech", "--json")))["wishes"]] == ["Sara Conti"]


def test_a_wish_survives_export_and_import(netui, tmp_path):
    ok(netui("event", "add", "Fintech Day", "--when", "2020-06-10 09:00", "--kind", "congress"))  # over: people met
    ok(netui("event", "want", "fintech", "Sara Conti @Lumen", "--why", "payments"))
    ok(netui("event", "want", "fintech", "Luca Neri @Acme"))
    ok(netui("event", "attend", "fintech", "Luca Neri", "--met"))
    ok(netui("export", "csv", "--what", "all", "--out", str(tmp_path / "all")))
    other = tmp_path / "other.db"
    result = subprocess.run([sys.executable, "-m", "netui", "--db", str(other), "import", str(tmp_path / "all")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "LANG": "C.UTF-8", "TZ": "Europe/Rome"})
    assert result.returncode == 0, result.stderr
    shown = subprocess.run([sys.executable, "-m", "netui", "--db", str(other), "event", "show", "fintech", "--json"],
                           capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})
    wishes = json.loads(shown.stdout)["wishes"]
    assert [(w["name"], w["company"], w["why"], w["met"]) for w in wishes] == [
        ("Sara Conti", "Lumen", "payments", False), ("Luca Neri", "Acme", "", True)]
    assert wishes[0]["contact_id"] is None and wishes[1]["contact_id"] is not None


def test_write_to_someone_missed(netui):
    ok(netui("add", "Giulia Rossi"))
    ok(netui("event", "add", "Fintech Day", "--when", "2020-06-10 09:00", "--kind", "congress", "--status", "attended"))
    ok(netui("event", "want", "fintech", "Luca Neri @Borsa — the speaker"))
    ok(netui("event", "attend", "fintech", "Giulia"))
    # a bad day: one sentence naming the flag, and no contact half-made
    bad = netui("event", "missed", "fintech", "luca neri", "--due", "2026-02-31")
    assert bad.returncode == 2 and bad.stderr.startswith("netui: --due: 2026-02-31 is not a date")
    assert json.loads(ok(netui("search", "Neri", "--json"))) == []
    said = ok(netui("event", "missed", "fintech", "luca neri", "--due", "2030-01-10"))
    assert said.strip() == ("Added follow-up #1 with Luca Neri, due 2030-01-10: Write to Luca Neri: missed at "
                            "Fintech Day.")
    assert "Missed at Fintech Day" in ok(netui("show", "Luca Neri"))
    assert "Write to Giulia Rossi" in ok(netui("event", "missed", "fintech", "Giulia Rossi"))
    nobody = netui("event", "missed", "fintech", "Sara")
    assert nobody.returncode == 2 and "missed: Giulia Rossi, Luca Neri." in nobody.stderr


def test_nobody_is_missed_before_the_event(netui):
    ok(netui("event", "add", "Summit", "--when", "2030-06-10 09:00", "--kind", "congress"))
    ok(netui("event", "want", "summit", "Luca Neri"))
    result = netui("event", "missed", "summit", "Luca Neri")
    assert result.returncode == 2 and "is not over yet" in result.stderr
