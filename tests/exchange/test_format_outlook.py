"""The Outlook contacts CSV reader: outlook.com / Microsoft 365 and desktop layouts, English
and Italian headers, cp1252 and `;`, dates day- or month-first; and `netui import` of them
as a real program (a subprocess).

Fixtures in tests/data are written for netui with the column names Outlook uses:
outlook_en.csv (outlook.com layout, UTF-8 with a BOM), outlook_it_cp1252.csv (Italian
desktop Outlook, Windows-1252, `;`-separated, via European Excel), outlook_broken_row.csv
(English desktop layout, one row with a value too many and rows with bad dates, no name, an
Exchange-internal address).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netui import contacts
from netui.errors import ValidationError
from netui.exchange import importing
from netui.exchange.formats import google, linkedin, outlook
from netui.exchange.formats.text import decode
from netui.store import db

DATA = Path(__file__).parents[1] / "data"
EN_FILE, IT_FILE, BROKEN_FILE = (DATA / name for name in (
    "outlook_en.csv", "outlook_it_cp1252.csv", "outlook_broken_row.csv"))


def load(path: Path) -> str:
    return decode(path.read_bytes(), path.name)


def by_name(result):
    return {person.name: person for person in result.people}


def labelled(person, kind: str) -> list[tuple[str, str]]:
    return [(value, label) for k, value, label in person.channels() if k == kind]


# --- the reader ----------------------------------------------------------------------------


def test_outlook_com_export_in_english_reads_every_field():
    result = outlook.read(load(EN_FILE))
    assert result.format_name == "Outlook CSV" and result.skipped == []
    people = by_name(result)
    assert list(people) == ["Giulia Rossi", "Marco Luigi Bianchi", "Idraulica Verdi"]
    giulia = people["Giulia Rossi"]
    assert (giulia.where, giulia.company, giulia.role, giulia.city, giulia.country) == (
        "line 2", "Acme Italia", "CFO", "Milano", "Italy")  # Business City wins over Home City
    assert giulia.emails == ["giulia.rossi@acme.it", "giulia@gmail.com"]
    assert labelled(giulia, "phone") == [
        ("+39 333 1234567", "mobile"), ("+39 02 5551234", "work"), ("+39 02 7654321", "home")]
    assert giulia.linkedin == ["https://www.linkedin.com/in/giuliarossi"]
    assert labelled(giulia, "website") == [("https://giuliarossi.it", "personal")]
    assert giulia.facts == [("nickname", "Giuli"), ("department", "Finance"), ("partner", "Paolo"),
                            ("hobby", "sailing")]
    # "0/0/00" is Outlook's "no anniversary"
    assert giulia.important_dates == [("birthday", 1985, 4, 15)]
    assert giulia.notes == "Met at Fintech Week.\nLikes espresso."


def test_home_city_when_no_business_city_and_1604_is_a_birthday_without_a_year():
    marco = by_name(outlook.read(load(EN_FILE)))["Marco Luigi Bianchi"]
    assert (marco.first_name, marco.last_name, marco.city, marco.country) == ("Marco Luigi", "Bianchi", "Torino", "Italy")
    # the file's own dates (4/15/1985, 12/24/1604) prove month-first: 6/1/2010 is 1 June
    assert marco.important_dates == [("birthday", None, 12, 24), ("anniversary", 2010, 6, 1)]


def test_a_business_without_a_person_is_named_after_the_company():
    plumber = by_name(outlook.read(load(EN_FILE)))["Idraulica Verdi"]
    assert (plumber.company, plumber.city, labelled(plumber, "phone")) == (
        "Idraulica Verdi", "Roma", [("+39 06 1234567", "work")])


def test_italian_outlook_in_cp1252_with_semicolons():
    text = load(IT_FILE)
    assert outlook.looks_like(text)
    result = outlook.read(text)
    assert result.skipped == []
    nicolo = by_name(result)["Nicolò Ferrà"]
    assert (nicolo.company, nicolo.role, nicolo.city, nicolo.country) == (
        "Società Agricola Sàrl", "Direttore commerciale", "Bologna", "Italia")
    assert nicolo.emails == ["nicolo.ferra@agricola.it"]
    assert labelled(nicolo, "phone") == [("+39 347 7654321", "mobile"), ("051 123456", "work"),
                                        ("051 123457", "work fax")]
    assert nicolo.tags == ["clienti", "fiera-milano"]  # Categorie "Clienti;Fiera Milano"
    assert nicolo.facts == [("department", "Vendite"), ("partner", "Chiara"), ("kids", "Leo e Mia"),
                            ("hobby", "ciclismo")]
    # day first, as Italian Outlook writes them: 3 May, 12 September
    assert nicolo.important_dates == [("birthday", 1975, 5, 3), ("anniversary", 2001, 9, 12)]
    assert nicolo.notes == "Conosciuto all'EIMA.\nGli piace il Sangiovese."
    anna = by_name(result)["Anna D'Angelo"]
    assert (anna.city, labelled(anna, "phone"), anna.important_dates) == (
        "Napoli", [("081 555 111", "home")], [("birthday", 1990, 11, 21)])


def test_the_short_italian_column_names_are_read_too():
    text = ('"Nome";"Cognome";"Posta elettronica";"Telefono ufficio";"Cellulare";"Società";"Posizione";'
            '"Compleanno";"Note"\n'
            '"Carla";"Neri";"carla@neri.it";"02 123456";"333 9876543";"Neri Srl";"CEO";"4/3/1970";"Amica di Leo"\n')
    carla = outlook.read(text).people[0]
    assert (carla.name, carla.company, carla.role, carla.emails, carla.notes) == (
        "Carla Neri", "Neri Srl", "CEO", ["carla@neri.it"], "Amica di Leo")
    assert labelled(carla, "phone") == [("333 9876543", "mobile"), ("02 123456", "work")]
    assert carla.important_dates == [("birthday", 1970, 3, 4)]  # Italian header: 4 March


ENGLISH = '"First Name","Last Name","E-mail Address","Birthday","Anniversary"\n'


def test_an_ambiguous_date_is_reported_and_kept_in_the_notes_when_nothing_says_the_order():
    result = outlook.read(ENGLISH + '"Luca","Viola","luca@viola.it","4/5/1985","7/7/2000"\n')
    luca = result.people[0]
    assert luca.important_dates == [("anniversary", 2000, 7, 7)]  # 7/7 reads the same both ways
    assert luca.notes == "birthday as exported: 4/5/1985"
    assert [(s.where, s.reason) for s in result.skipped] == [(
        "line 2", "birthday '4/5/1985' could be day/month or month/day and the file does not say which; "
                  "it is kept in the notes")]


def test_the_files_own_dates_or_its_semicolons_decide_the_order():
    proved = outlook.read(ENGLISH + '"Luca","Viola","l@v.it","4/5/1985",""\n"Ada","Neri","a@n.it","25/12/1980",""\n')
    assert by_name(proved)["Luca Viola"].important_dates == [("birthday", 1985, 5, 4)]
    european = outlook.read(ENGLISH.replace(",", ";") + '"Luca";"Viola";"l@v.it";"4/5/1985";""\n')
    assert european.people[0].important_dates == [("birthday", 1985, 5, 4)]


def test_names_from_the_display_name_or_the_nickname():
    header = '"First Name","Last Name","Nickname","E-mail Address","E-mail Display Name","Company"\n'
    result = outlook.read(header + ',,,"g@acme.it","Giulia Rossi (g@acme.it)",\n'
                                   ',,"Toto","t@x.it",,\n'
                                   ',,,"only@mail.it","only@mail.it",\n')
    assert [p.name for p in result.people] == ["Giulia Rossi", "Toto"]
    assert [(s.where, s.reason) for s in result.skipped] == [("line 4", "no name")]


def test_bad_rows_name_their_line_and_field_and_the_rest_is_read():
    result = outlook.read(load(BROKEN_FILE))
    assert sorted(by_name(result)) == ["Elena Verde", "Laura Neri", "Luca Viola", "Sara Blu"]
    reasons = {s.where: s.reason for s in result.skipped}
    assert reasons["line 3"].startswith("93 values where the header has 92 columns")  # Piero: not imported
    assert reasons["line 4"] == "birthday 'Feb 31, 1980' is not a date"
    assert reasons["line 5"].startswith("birthday '4/5/1985' could be day/month or month/day")
    assert reasons["line 6"] == "no name"
    assert reasons["line 7"].startswith("e-mail '/O=EXCHANGELABS/") and "Exchange address" in reasons["line 7"]
    assert by_name(result)["Elena Verde"].emails == ["elena.verde@example.org"]
    assert by_name(result)["Sara Blu"].notes == "birthday as exported: Feb 31, 1980"


def test_categories_become_tags_and_googles_outlook_export_keeps_its_star():
    text = ('"First Name","Last Name","E-mail Address","Categories"\n'
            '"Ugo","Neri","ugo@neri.it","* myContacts;* starred;Book Club;Clienti"\n')
    ugo = outlook.read(text).people[0]
    assert (ugo.tags, ugo.starred) == (["book-club", "clienti"], True)


def test_invalid_channels_go_to_the_notes_as_exported():
    text = '"First Name","Last Name","E-mail Address","Mobile Phone"\n"Ugo","Neri","ugo at neri","call me"\n'
    ugo = outlook.read(text).people[0]
    assert (ugo.emails, ugo.phones) == ([], [])
    assert ugo.notes == "e-mail as exported: ugo at neri\nphone as exported: call me"


def test_other_formats_are_not_taken_for_outlook():
    for name in ("google_2024_semicolons.csv", "google_old_layout.csv", "linkedin_2024_with_notes_preamble.csv",
                 "linkedin_excel_cp1252.csv"):
        assert not outlook.looks_like(load(DATA / name)), name
    for path in (EN_FILE, IT_FILE, BROKEN_FILE):
        text = load(path)
        assert not google.looks_like(text) and not linkedin.looks_like(text)
        assert importing.read_file(path).format_name == "Outlook CSV"
    assert not outlook.looks_like("first_name,last_name,company\nGiulia,Rossi,Acme\n")
    with pytest.raises(ValidationError, match="not an Outlook contacts export"):
        outlook.read("Name,Phone\nGiulia,333\n")


def test_malformed_csv_refuses_the_whole_file():
    with pytest.raises(ValidationError, match="line 3: a quoted value starting on this line is never closed"):
        outlook.read(ENGLISH + '"Ada","Neri","a@n.it",,\n"Luca","Viola,l@v.it,,\n')
    with pytest.raises(ValidationError, match="line 3: this is not valid CSV"):
        outlook.read(ENGLISH + '"Ada","Neri","a@n.it",,\n"Luca","Viola,"l@v.it",,\n')


# --- netui import, as a real program ------------------------------------------------------


def netui(database: Path, *argv) -> subprocess.CompletedProcess:
    env = dict(os.environ)  # already carries the isolated XDG dirs from conftest
    env.pop(db.DB_ENV_VAR, None)
    env["TZ"] = "Europe/Rome"
    return subprocess.run([sys.executable, "-m", "netui", "--db", str(database), *map(str, argv)],
                          capture_output=True, text=True, env=env, timeout=120)


def count(database: Path) -> int:
    handle = db.open_database(database)
    try:
        return contacts.count_contacts()
    finally:
        handle.close()


def test_netui_import_outlook_files_then_again_adds_nobody(tmp_path):
    database = tmp_path / "x.db"
    dry = netui(database, "import", EN_FILE, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("Outlook CSV: 3 new, 0 updated, 0 unchanged, 0 skipped")
    assert "dry run: nothing written" in dry.stdout
    assert count(database) == 0
    first = netui(database, "import", EN_FILE)
    assert first.returncode == 0 and first.stdout.strip() == "Outlook CSV: 3 new, 0 updated, 0 unchanged, 0 skipped"
    again = netui(database, "import", EN_FILE)
    assert again.stdout.strip() == "Outlook CSV: 0 new, 0 updated, 3 unchanged, 0 skipped"
    italian = netui(database, "import", IT_FILE)
    assert italian.stdout.strip() == "Outlook CSV: 2 new, 0 updated, 0 unchanged, 0 skipped"
    assert netui(database, "import", IT_FILE).stdout.startswith("Outlook CSV: 0 new, 0 updated, 2 unchanged")
    shown = netui(database, "show", "Nicolò Ferrà")
    assert shown.returncode == 0, shown.stderr
    for expected in ("Società Agricola Sàrl", "+39 347 7654321 (mobile)", "kids", "Leo e Mia", "1975-05-03",
                     "clienti"):
        assert expected in shown.stdout, expected
    assert count(database) == 5


def test_netui_import_reports_bad_rows_and_refuses_a_broken_file(tmp_path):
    database = tmp_path / "x.db"
    result = netui(database, "import", BROKEN_FILE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # skipped counts the rows not imported; a bad value of a row imported is a note on it
    assert lines[0] == "Outlook CSV: 4 new, 0 updated, 0 unchanged, 2 skipped"
    assert "  line 3: skipped: 93 values where the header has 92 columns" in result.stdout
    assert "  line 4: birthday 'Feb 31, 1980' is not a date" in lines
    assert netui(database, "show", "Piero Gialli").returncode == 2  # the broken row: not half-imported
    assert count(database) == 4
    broken = tmp_path / "unclosed.csv"
    broken.write_text(ENGLISH + '"Ada","Neri","a@n.it",,\n"Luca","Viola,"l@v.it",,\n', encoding="utf-8")
    refused = netui(database, "import", broken)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip().count("\n") == 0 and "line 3" in refused.stderr and str(broken) in refused.stderr
    assert count(database) == 4


# --- the import screen, with real keys -----------------------------------------------------


async def test_the_import_screen_previews_and_imports_an_italian_outlook_file(database):
    from netui.app import NetuiApp
    from netui.screens.import_screen import ImportScreen
    from support import settle, type_text

    contacts.create_contact("Anna D'Angelo", emails=["anna.dangelo@libero.it"])
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "import file")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path").value = str(IT_FILE)  # typing a long path key by key adds nothing
        await pilot.press("enter")
        await settle(pilot)
        status = screen.query_one("#import-status").render().plain
        assert status.startswith("Outlook CSV: 1 new, 1 updated, 0 unchanged, 0 skipped"), status
        assert contacts.count_contacts() == 1  # a preview writes nothing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_one("#import-status").render().plain.startswith("Imported:")
    assert contacts.count_contacts() == 2
    anna = contacts.get_contact(contacts.resolve_contact("Anna D'Angelo"))  # matched by e-mail, filled in
    assert anna.city == "Napoli" and [c.value for c in anna.channels if c.kind == "phone"] == ["081 555 111"]
