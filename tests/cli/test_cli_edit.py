"""`netui edit NAME ...`, run as a real program: every field `add` has, channels with labels
added and removed by value, tags, a star; it prints what changed. Bad input says one
sentence, exits 2 and changes nothing (all or nothing)."""

from __future__ import annotations

import json

import pytest
from support import netui_program


@pytest.fixture
def netui(tmp_path):
    run = netui_program(str(tmp_path / "edit.db"))

    added = run("add", "Giulia Rossi", "--company", "Lumen", "--email", "giulia@lumen.it", "--phone",
                "+39 333 1234567", "--tag", "milano", "--cadence", "30")
    assert added.returncode == 0, added.stderr
    return run


def shown(netui, name: str = "Giulia") -> dict:
    result = netui("show", name, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def channels(netui, name: str = "Giulia") -> list[tuple[str, str, str]]:
    return sorted((c["kind"], c["value"], c["label"]) for c in shown(netui, name)["channels"])


def test_every_field_at_once_and_what_changed_is_printed(netui):
    edited = netui("edit", "Giulia", "--name", "Giulia De Rossi", "--company", "Acme", "--role", "CTO",
                   "--city", "Torino", "--country", "Italy", "--circle", "work", "--how-met", "at PyCon",
                   "--cadence", "45", "--note", "likes sailing", "--star", "--tag", "fintech",
                   "--remove-tag", "milano")
    assert edited.returncode == 0, edited.stderr
    lines = edited.stdout.splitlines()
    assert lines[0] == "Changed Giulia De Rossi (#1):"
    assert "  name: Giulia Rossi → Giulia De Rossi" in lines
    assert "  company: Lumen → Acme" in lines
    assert "  keep in touch: every 30 days → every 45 days" in lines
    assert "  starred: (none) → yes" in lines
    assert "  added tag #fintech" in lines and "  removed tag #milano" in lines
    data = shown(netui, "Giulia De Rossi")
    assert (data["first_name"], data["last_name"], data["company"], data["role"], data["city"], data["country"],
            data["circle"], data["how_met"], data["cadence_days"], data["notes"], data["starred"], data["tags"]) == (
        "Giulia", "De Rossi", "Acme", "CTO", "Torino", "Italy", "work", "at PyCon", 45, "likes sailing", True,
        ["fintech"])


def test_clear_fields_unstar_and_forget_the_cadence(netui):
    assert netui("edit", "Giulia", "--star").returncode == 0
    edited = netui("edit", "Giulia", "--company", "", "--unstar", "--no-cadence")
    assert edited.returncode == 0, edited.stderr
    data = shown(netui)
    assert (data["company"], data["starred"], data["cadence_days"]) == ("", False, None)


def test_add_channels_with_labels_and_remove_them_by_value(netui):
    edited = netui("edit", "Giulia", "--add-email", "g.rossi@gmail.com", "home",
                   "--add-phone", "+39 02 7654321", "office", "--add-linkedin", "linkedin.com/in/giuliarossi",
                   "--add-website", "https://giulia.example/?a=b:c", "blog", "--add-x", "@giulia")
    assert edited.returncode == 0, edited.stderr
    assert "  added email g.rossi@gmail.com (home)" in edited.stdout.splitlines()
    assert ("website", "https://giulia.example/?a=b:c", "blog") in channels(netui)
    assert ("x", "@giulia", "") in channels(netui)
    # Removing finds the value as people write it: another case, phone spacing, a URL form.
    removed = netui("edit", "Giulia", "--remove-email", "GIULIA@LUMEN.IT", "--remove-phone", "+393331234567",
                    "--remove-linkedin", "https://www.linkedin.com/in/GiuliaRossi/")
    assert removed.returncode == 0, removed.stderr
    assert "  removed email giulia@lumen.it" in removed.stdout.splitlines()
    assert channels(netui) == [("email", "g.rossi@gmail.com", "home"), ("phone", "+39 02 7654321", "office"),
                               ("website", "https://giulia.example/?a=b:c", "blog"), ("x", "@giulia", "")]


def test_json_gives_the_contact_and_the_changes(netui):
    edited = netui("edit", "#1", "--role", "CTO", "--json")
    assert edited.returncode == 0, edited.stderr
    data = json.loads(edited.stdout)
    assert data["role"] == "CTO" and data["name"] == "Giulia Rossi"
    assert data["changes"] == [{"what": "role", "before": "", "after": "CTO", "kind": "", "label": ""}]


def test_the_same_value_again_changes_nothing_and_says_so(netui):
    again = netui("edit", "Giulia", "--company", "Lumen")
    assert again.returncode == 0
    assert again.stdout.strip() == "Giulia Rossi (#1) already had all that: nothing changed."


@pytest.mark.parametrize("argv, said", [
    (("edit", "Giulia"), "Nothing to change"),
    (("edit", "Nobody Known", "--company", "X"), "No contact matches 'Nobody Known'"),
    (("edit", "Giulia", "--company", "X", "--remove-email", "other@lumen.it"), "has no email 'other@lumen.it'"),
    (("edit", "Giulia", "--company", "X", "--remove-website", "https://nowhere.example"), "has no website"),
    (("edit", "Giulia", "--company", "X", "--add-email", "giulia-at-home"), "'giulia-at-home' is not an e-mail"),
    (("edit", "Giulia", "--company", "X", "--add-email", "g@home.it", ""), "The label is empty"),
    (("edit", "Giulia", "--company", "X", "--add-website", " "), "The website value is empty"),
    (("edit", "Giulia", "--company", "X", "--add-phone", "+39", "333", "mobile"), "quote a value with spaces"),
    (("edit", "Giulia", "--company", "X", "--remove-tag", "rome"), "has no tag #rome"),
    (("edit", "Giulia", "--company", "X", "--circle", "colleagues"), "is not a circle"),
    (("edit", "Giulia", "--company", "X", "--cadence", "soon"), "is not a number of days"),
    (("edit", "Giulia", "--name", "  "), "A contact needs a name"),
    (("edit", "Giulia", "--star", "--unstar"), "not allowed with argument"),
])
def test_bad_input_says_one_sentence_and_changes_nothing(netui, argv, said):
    before = shown(netui)
    refused = netui(*argv)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert said in refused.stderr
    after = shown(netui)
    assert {k: v for k, v in after.items() if k != "timeline"} == {k: v for k, v in before.items() if k != "timeline"}


def test_an_ambiguous_name_lists_the_people_and_changes_nothing(netui):
    assert netui("add", "Giulia Bianchi").returncode == 0
    refused = netui("edit", "Giulia", "--company", "X")
    assert refused.returncode == 2
    assert "Giulia Rossi" in refused.stderr and "Giulia Bianchi" in refused.stderr
    assert shown(netui, "Giulia Rossi")["company"] == "Lumen"


def test_in_italian(netui):
    edited = netui("--lang", "it", "edit", "Giulia", "--circle", "lavoro", "--add-email", "g@acme.it", "lavoro")
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.splitlines()[0] == "Modificato Giulia Rossi (#1):"
    assert shown(netui)["circle"] == "work"
