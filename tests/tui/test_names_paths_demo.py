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

from netui import contacts
from netui.store import db

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


# --- 6. a path whose folder does not exist creates nothing ----------------------------------


def refused_in_one_sentence(result: subprocess.CompletedProcess, folder: Path) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"the folder {folder} does not exist" in lines[0]
    assert "Traceback" not in result.stderr
    assert not folder.exists()


def test_a_db_flag_in_a_missing_folder_is_refused_and_creates_nothing(tmp_path):
    missing = tmp_path / "nonexistent" / "dir"
    result = netui("add", "X", db_path=missing / "x.db")
    refused_in_one_sentence(result, missing)
    assert not (tmp_path / "nonexistent").exists()


def test_netui_db_in_a_missing_folder_is_refused_and_creates_nothing(tmp_path):
    missing = tmp_path / "nonexistent" / "dir"
    result = netui("add", "X", NETUI_DB=str(missing / "x.db"))
    refused_in_one_sentence(result, missing)
    assert not (tmp_path / "nonexistent").exists()


def test_the_app_on_a_db_in_a_missing_folder_is_refused_before_it_starts(tmp_path):
    missing = tmp_path / "nonexistent" / "dir"
    result = netui(db_path=missing / "x.db")  # no subcommand: the full-screen app
    refused_in_one_sentence(result, missing)


@pytest.mark.parametrize("argv", [
    ("export", "csv", "--out", "{missing}/x.csv"),
    ("export", "csv", "--what", "all", "--out", "{missing}/backup"),
    ("export", "vcard", "--out", "{missing}/x.vcf"),
], ids=["csv", "csv-all", "vcard"])
def test_export_out_in_a_missing_folder_is_refused_and_creates_nothing(tmp_path, argv):
    path = tmp_path / "net.db"
    ok(netui("add", "Giulia Rossi", db_path=path))
    missing = tmp_path / "nonexistent" / "dir"
    result = netui(*(part.format(missing=missing) for part in argv), db_path=path)
    refused_in_one_sentence(result, missing)
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("net.db")) == []


def test_an_import_dry_run_on_a_new_database_path_creates_no_file(tmp_path):
    card = tmp_path / "ada.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
                    "ORG:Analytical Engines\r\nEND:VCARD\r\n", encoding="utf-8")
    new = tmp_path / "new.db"
    out = ok(netui("import", str(card), "--dry-run", db_path=new))
    assert "1 new" in out
    assert "dry run" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.vcf"]  # no new.db, no -wal, -shm


def test_the_default_database_folder_is_still_made_on_first_use(tmp_path):
    """No --db, no $NETUI_DB: the file goes into the (new) data folder, which netui makes."""
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert not data_home.exists()
    ok(netui("add", "Giulia Rossi"))
    default = data_home / "netui" / "netui.db"
    assert default.is_file()
    assert contact_count(default) == 1


# --- 7. the welcome screen's demo is a throwaway, never the person's file --------------------


async def test_the_welcome_demo_is_a_throwaway_and_the_real_file_stays_empty(frozen, tmp_path):
    from netui.app import NetuiApp
    from netui.screens.welcome import WelcomeScreen
    from netui.widgets.contact_list import ContactList

    real = tmp_path / "mine.db"
    handle = db.open_database(real)
    try:
        app = NetuiApp(real)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen)
            await pilot.press("d")
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = app.screen.query_one(ContactList)
            assert shown.row_count > 100, "the demo people are listed"
            assert "demo" in app.sub_title and "quit" in app.sub_title
            said = " ".join(n.message for n in app._notifications)
            assert "throwaway demo" in said and "your own file stays empty" in said
            demo_folder = app.db_path.parent
            assert demo_folder != real.parent and app.db_path.exists()
            await pilot.press("q")
    finally:
        handle.close()
    assert not demo_folder.exists(), "the throwaway demo is deleted on quitting"
    assert contact_count(real) == 0
