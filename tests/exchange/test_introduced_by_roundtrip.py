"""Who introduced whom survives the trip out and back: netui's CSV (its `introduced_by` column)
and netui's vCards (UID + X-NETUI-INTRODUCED-BY), exported then imported into an empty
database and into one that already holds other people (the ids differ there)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(db_path: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NETUI_DB": str(db_path), "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run([sys.executable, "-m", "netui", *argv], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def introducers(db_path: Path) -> dict[str, str | None]:
    found = {}
    for summary in json.loads(run(db_path, "search", "", "--json", "--limit", "100").stdout):
        detail = json.loads(run(db_path, "show", f"#{summary['id']}", "--json").stdout)
        found[detail["name"]] = detail["introduced_by_name"]
    return found


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "source.db"
    run(path, "add", "Anna Verdi")
    run(path, "add", "Bruno Neri", "--introduced-by", "Anna")
    run(path, "add", "Carla Gialli", "--email", "carla@acme.it")
    run(path, "edit", "Carla", "--introduced-by", "Bruno")
    run(path, "capture", "Dario Blu @Acme via Carla Gialli")
    return path


EXPECTED = {"Anna Verdi": None, "Bruno Neri": "Anna Verdi", "Carla Gialli": "Bruno Neri",
            "Dario Blu": "Carla Gialli"}


@pytest.mark.parametrize("kind, suffix", [("csv", "csv"), ("vcard", "vcf")])
def test_into_an_empty_database(source, tmp_path, kind, suffix):
    assert introducers(source) == EXPECTED
    exported = tmp_path / f"people.{suffix}"
    run(source, "export", kind, "--out", str(exported))
    target = tmp_path / "empty.db"
    run(target, "import", str(exported))
    assert introducers(target) == EXPECTED
    assert run(target, "chain", "Dario").stdout.splitlines()[0] == (
        "Chain (each introduced by the next): Dario Blu ← Carla Gialli ← Bruno Neri ← Anna Verdi")


@pytest.mark.parametrize("kind, suffix", [("csv", "csv"), ("vcard", "vcf")])
def test_into_a_database_with_other_people(source, tmp_path, kind, suffix):
    exported = tmp_path / f"people.{suffix}"
    run(source, "export", kind, "--out", str(exported))
    target = tmp_path / "busy.db"
    run(target, "add", "Zeno Zeta")
    run(target, "add", "Ugo Rame")
    run(target, "import", str(exported))
    assert introducers(target) == {**EXPECTED, "Zeno Zeta": None, "Ugo Rame": None}


def test_a_vcard_written_by_another_program_links_nobody(tmp_path):
    card = tmp_path / "other.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc-12\r\nFN:Eva Rosa\r\nN:Rosa;Eva;;;\r\n"
                    "X-NETUI-INTRODUCED-BY:somebody\r\nEND:VCARD\r\n")
    target = tmp_path / "other.db"
    run(target, "import", str(card))
    assert introducers(target) == {"Eva Rosa": None}


def test_a_google_referred_by_relation_names_the_introducer_and_stays_a_fact(tmp_path):
    sheet = tmp_path / "google.csv"
    sheet.write_text(
        "First Name,Last Name,Relation 1 - Label,Relation 1 - Value\n"
        "Marco,Bianchi,,\n"
        "Giulia,Rossi,Referred by,Marco Bianchi\n"
        "Elena,Neri,Referred by,Nobody Known\n", encoding="utf-8")
    target = tmp_path / "google.db"
    run(target, "import", str(sheet))
    assert introducers(target) == {"Marco Bianchi": None, "Giulia Rossi": "Marco Bianchi", "Elena Neri": None}
    facts = json.loads(run(target, "show", "Elena", "--json").stdout)["facts"]
    assert [(f["label"], f["value"]) for f in facts] == [("Referred by", "Nobody Known")]
