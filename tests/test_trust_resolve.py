"""Trust: names keep resolving as notes pile up, typed paths never create folders, and the
welcome screen's demo never touches the person's real file.

The command line is run as a real program (a subprocess), the app with the Pilot.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netui import contacts, db

NETUI = Path(sys.executable).parent / "netui"


def netui(*argv, db_path: Path | None = None, timeout: float = 60, **env) -> subprocess.CompletedProcess:
    """Run the installed `netui` with `--db db_path` (when given) and extra environment."""
    environment = dict(os.environ)  # carries the isolated XDG dirs from conftest
    environment.pop(db.DB_ENV_VAR, None)
    environment["TZ"] = "Europe/Rome"
    environment.update(env)
    prefix = ["--db", str(db_path)] if db_path is not None else []
    return subprocess.run([str(NETUI), *prefix, *argv], capture_output=True, text=True,
                          env=environment, timeout=timeout, stdin=subprocess.DEVNULL)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def contact_count(path: Path) -> int:
    handle = db.open_database(path)
    try:
        return contacts.count_contacts()
    finally:
        handle.close()


# --- 5. names resolve by name before notes -------------------------------------------------


@pytest.fixture
def lumen(tmp_path) -> Path:
    """Giulia Rossi and Marco Bianchi at Lumen; Marco's timeline mentions Giulia."""
    path = tmp_path / "lumen.db"
    ok(netui("add", "Giulia Rossi", "--company", "Lumen Digital", "--role", "Head of PR", db_path=path))
    ok(netui("add", "Marco Bianchi", "--company", "Lumen Digital", db_path=path))
    ok(netui("log", "Marco Bianchi", "--note", "Giulia says hi", db_path=path))
    return path


def test_a_first_name_names_the_person_not_someone_whose_notes_mention_her(lumen):
    shown = ok(netui("show", "giulia", db_path=lumen))
    assert shown.splitlines()[0].startswith("Giulia Rossi")
    assert "Marco" not in shown


def test_name_and_company_name_the_person_not_a_colleague_whose_notes_mention_her(lumen):
    """The README's own example, once someone at Lumen has a note about Giulia."""
    shown = ok(netui("show", "giulia lumen", db_path=lumen))
    assert shown.splitlines()[0].startswith("Giulia Rossi")


def test_words_found_only_in_notes_still_name_the_person(lumen):
    shown = ok(netui("show", "says hi", db_path=lumen))
    assert shown.splitlines()[0].startswith("Marco Bianchi")


def test_two_people_with_the_name_are_listed_without_the_one_whose_notes_mention_it(lumen):
    ok(netui("add", "Giulia Verdi", db_path=lumen))
    result = netui("show", "giulia", db_path=lumen)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert "2 contacts match 'giulia'" in lines[0]
    listed = "\n".join(lines[1:])
    assert "Giulia Rossi" in listed and "Giulia Verdi" in listed
    assert "Marco" not in listed
    assert len(lines) == 3
