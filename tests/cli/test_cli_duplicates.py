"""`netui duplicates`, `netui merge` and the look-alike check of `netui add`, run as a real
program: pairs with their reason, a merge that asks first, bad input one sentence + exit 2."""

from __future__ import annotations

import json

import pytest
from support import netui_program


@pytest.fixture
def netui(tmp_path):
    run = netui_program(str(tmp_path / "dupes.db"))

    for argv in (["Giulia Rossi", "--company", "Lumen", "--email", "giulia@lumen.it", "--city", "Milano"],
                 ["Giulia Rosi", "--company", "Lumen", "--role", "CTO"],
                 ["Marco Bianchi", "--email", "marco@acme.it"]):
        added = run("add", *argv)
        assert added.returncode == 0, added.stderr
    return run


def test_duplicates_lists_pairs_with_reason_ids_names_and_company(netui):
    found = netui("duplicates")
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines()[0] == "#1 Giulia Rossi · Lumen  ~  #2 Giulia Rosi · Lumen  (close spelling)"
    assert "netui merge '#1' '#2'" in found.stdout
    listed = json.loads(netui("duplicates", "--json", "--limit", "5").stdout)
    assert listed == [{"first": {"id": 1, "name": "Giulia Rossi", "company": "Lumen"},
                       "second": {"id": 2, "name": "Giulia Rosi", "company": "Lumen"},
                       "reason": "close spelling", "strong": False}]


def test_merge_without_yes_and_without_a_terminal_changes_nothing(netui):
    refused = netui("merge", "#1", "#2")
    assert refused.returncode == 2
    assert "Giulia Rosi" in refused.stdout  # the differences were shown
    assert refused.stderr.strip() == ("netui: netui merge changes both records: add --yes to confirm "
                                      "(there is no terminal to ask on); nothing was changed.")
    assert len(json.loads(netui("duplicates", "--json").stdout)) == 1


def test_merge_with_yes_keeps_the_first_and_lists_the_differences(netui):
    merged = netui("merge", "#1", "#2", "--yes")
    assert merged.returncode == 0, merged.stderr
    lines = merged.stdout.splitlines()
    assert lines[0] == "Kept:      #1 Giulia Rossi · Lumen · Milano · giulia@lumen.it"
    assert "  name: Giulia Rossi  |  Giulia Rosi  (written in the kept notes)" in lines
    assert lines[-1] == "Merged Giulia Rosi (#2) into Giulia Rossi (#1)."
    shown = json.loads(netui("show", "#1", "--json").stdout)
    assert (shown["role"], shown["city"]) == ("CTO", "Milano")  # empty filled, kept wins
    assert netui("show", "#2").returncode == 2
    assert netui("duplicates").stdout.strip() == "No likely duplicates."


@pytest.mark.parametrize("argv, sentence", [
    (["merge", "#1", "#1", "--yes"], "netui: Cannot merge a contact with itself."),
    (["merge", "#1", "#99", "--yes"], "netui: There is no contact #99."),
    (["duplicates", "--limit", "0"], "netui: --limit must be at least 1."),
])
def test_bad_input_is_one_sentence_exit_2_and_nothing_changed(netui, argv, sentence):
    done = netui(*argv)
    assert (done.returncode, done.stderr.strip()) == (2, sentence)
    assert len(json.loads(netui("duplicates", "--json").stdout)) == 1


def test_add_refuses_a_strong_look_alike_unless_anyway(netui):
    refused = netui("add", "G. Rossi", "--email", "GIULIA@lumen.it")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "netui: G. Rossi looks like #1 Giulia Rossi (same e-mail) already: add --anyway to add them all "
        "the same, or change that contact with netui edit; nothing was added.")
    same_name = netui("add", "marco bianchi")
    assert same_name.returncode == 2 and "#3 Marco Bianchi (same name)" in same_name.stderr
    assert "G. Rossi" not in netui("search", "Rossi").stdout
    anyway = netui("add", "G. Rossi", "--email", "giulia@lumen.it", "--anyway")
    assert anyway.returncode == 0, anyway.stderr
    assert anyway.stdout.strip() == "Added G. Rossi (#4)."
    assert "looks like #1 Giulia Rossi (same e-mail)" in anyway.stderr


def test_add_warns_about_a_close_spelling_and_saves(netui):
    added = netui("add", "Marco Bianchii")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Added Marco Bianchii (#4)."
    assert added.stderr.strip() == "Note: Marco Bianchii looks like #3 Marco Bianchi (close spelling)."
