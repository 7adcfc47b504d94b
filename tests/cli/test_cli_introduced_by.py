"""Who introduced whom from the command line, run as a real program: `netui add --introduced-by`,
`netui edit --introduced-by` (and "" to clear it), `netui capture "... via NAME"`; `chain` and
`connectors` see it. A circle, someone introducing themselves or an unknown person: one
sentence, exit 2, nothing changed."""

from __future__ import annotations

import json

import pytest
from support import netui_program


@pytest.fixture
def netui(tmp_path):
    run = netui_program(str(tmp_path / "intro.db"))

    assert run("add", "Anna Verdi").returncode == 0
    return run


def introducer(netui, name: str) -> str | None:
    shown = netui("show", name, "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["introduced_by_name"]


def test_connectors_names_the_real_ways_to_set_it_when_nobody_has(netui):
    said = netui("connectors")
    assert said.returncode == 0
    assert "--introduced-by" in said.stdout and "via NAME" in said.stdout and "Introduced by" in said.stdout


def test_add_edit_and_clear_the_introducer(netui):
    added = netui("add", "Bruno Neri", "--introduced-by", "Anna")
    assert added.returncode == 0, added.stderr
    assert introducer(netui, "Bruno") == "Anna Verdi"
    assert netui("add", "Carla Gialli").returncode == 0
    edited = netui("edit", "Carla", "--introduced-by", "Bruno Neri")
    assert edited.returncode == 0, edited.stderr
    assert "  introduced by: (none) → Bruno Neri" in edited.stdout.splitlines()
    assert netui("chain", "Carla").stdout.splitlines()[0] == (
        "Chain (each introduced by the next): Carla Gialli ← Bruno Neri ← Anna Verdi")
    assert netui("connectors").stdout.splitlines()[0].endswith("brought in 1 directly, 2 in all")
    cleared = netui("edit", "Carla", "--introduced-by", "")
    assert cleared.returncode == 0, cleared.stderr
    assert "  introduced by: Bruno Neri → (none)" in cleared.stdout.splitlines()
    assert introducer(netui, "Carla") is None


def test_capture_via_sets_it_and_an_unknown_name_stays_in_the_note(netui):
    known = netui("capture", "Dario Blu @Acme via Anna Verdi #fintech met at the stand")
    assert known.returncode == 0, known.stderr
    assert known.stdout.splitlines()[-1] == "Introduced by Anna Verdi."
    assert introducer(netui, "Dario") == "Anna Verdi"
    unknown = netui("capture", "Elena Rosa via Zeno Zeta, nice talk")
    assert unknown.returncode == 0, unknown.stderr
    assert "No contact is called 'Zeno Zeta'" in unknown.stdout
    assert introducer(netui, "Elena") is None
    timeline = json.loads(netui("show", "Elena", "--json").stdout)["timeline"]
    assert timeline[0]["notes"] == "via Zeno Zeta nice talk"


@pytest.mark.parametrize("argv, said", [
    (("edit", "Anna", "--introduced-by", "Anna Verdi"), "cannot have introduced themselves"),
    (("edit", "Anna", "--company", "Acme", "--introduced-by", "Bruno"), "would make a circle"),
    (("edit", "Anna", "--company", "Acme", "--introduced-by", "Nobody Known"), "No contact matches"),
    (("add", "Fabio Neri", "--introduced-by", "Nobody Known"), "No contact matches"),
    (("capture", "Anna Verdi via Bruno Neri"), "would make a circle"),
])
def test_a_circle_or_an_unknown_introducer_is_refused_and_nothing_changes(netui, argv, said):
    assert netui("add", "Bruno Neri", "--introduced-by", "Anna").returncode == 0
    before = json.loads(netui("show", "Anna", "--json").stdout)
    refused = netui(*argv)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert said in refused.stderr
    after = json.loads(netui("show", "Anna", "--json").stdout)
    assert after == before
    assert netui("show", "Fabio").returncode == 2  # not added either
