"""`netui missing [--what DETAILS] [--json]`, run as a real program: counts per detail and the
list, the trash left out, an unknown detail refused with one sentence (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import netui_program

from netui import contacts, lifecycle


@pytest.fixture
def people(database):
    ids = {
        "anna": contacts.create_contact("Anna Verdi", company="Acme", city="Roma", how_met="school",
                                        phones=["+39 06 1234567"]),
        "bruno": contacts.create_contact("Bruno Neri", city="Milano", how_met="a fair"),
        "carla": contacts.create_contact("Carla Blu", company="Acme", city="Roma", how_met="work",
                                         emails=["carla@acme.it"], phones=["+39 06 7654321"]),
        "zeno": contacts.create_contact("Zeno Rosa"),
    }
    lifecycle.trash_contact(ids["zeno"])  # lacks everything, but is in the trash
    return ids


@pytest.fixture
def netui(database):
    return netui_program(str(Path(database.database)))


def test_every_detail_by_default(people, netui):
    shown = netui("missing")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "Missing:",
        "  e-mail      2",
        "  phone       1",
        "  company     1",
        "  how we met  0",
        "  city        0",
        "",
        "2 people miss at least one:",
        f"  #{people['anna']}  ·  Anna Verdi  ·  Acme  ·  Roma  ·  missing: e-mail",
        f"  #{people['bruno']}  ·  Bruno Neri  ·  Milano  ·  missing: e-mail, phone, company",
    ]


def test_what_chooses_the_details_and_json(people, netui):
    shown = netui("missing", "--what", "phone,company", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["details"] == ["phone", "company"]
    assert data["counts"] == {"phone": 1, "company": 1}
    assert data["people"] == [{"id": people["bruno"], "name": "Bruno Neri", "company": "", "city": "Milano",
                               "missing": ["phone", "company"]}]


def test_nobody_missing_says_so(people, netui):
    shown = netui("missing", "--what", "city")
    assert shown.returncode == 0
    assert shown.stdout.strip() == "Nobody is missing these details: city."


def test_italian_words(people, netui):
    shown = netui("--lang", "it", "missing", "--what", "email")
    assert shown.returncode == 0, shown.stderr
    assert "manca: e-mail" in shown.stdout


@pytest.mark.parametrize("what", ["mail", "email,fax", ","])
def test_an_unknown_detail_is_one_sentence_listing_the_choices(people, netui, what):
    refused = netui("missing", "--what", what)
    if what == ",":  # nothing named: every detail
        assert refused.returncode == 0
        return
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.strip().splitlines() == [
        f"netui: '{what.split(',')[-1]}' is not a detail netui looks for; "
        "choose among: email, phone, company, how-met, city."]
