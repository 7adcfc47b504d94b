"""The Google Contacts CSV reader: the 2024 layout, the older one, Excel re-saves, UTF-16.

Fixtures in tests/data are written for netui; the corpus file (../shared/corpus/csv) is the
project's shared, synthetic Google export with the header as Google wrote it in 2024.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.errors import ValidationError
from netui.exchange.formats import google, linkedin
from netui.exchange.formats.text import decode
from netui.exchange.records import Skipped

DATA = Path(__file__).parents[1] / "data"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "csv"
CORPUS_GOOGLE = CORPUS / "synthetic_google_contacts_2024-format.csv"

LINKEDIN_FILES = (
    "linkedin_2024_with_notes_preamble.csv",
    "linkedin_no_url.csv",
    "linkedin_2018_layout.csv",
    "linkedin_excel_cp1252.csv",
)
GOOGLE_FILES = ("google_2024_semicolons.csv", "google_old_layout.csv", "google_utf16.csv")
# The 2024 header, short: the reader maps columns by name, so fewer groups are fine.
HEADER = ("First Name,Middle Name,Last Name,Nickname,File As,Organization Name,Organization Title,"
          "Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
          "Event 1 - Label,Event 1 - Value\n")


def load(name: str) -> str:
    return decode((DATA / name).read_bytes(), name)


def by_name(result):
    return {person.name: person for person in result.people}


def row(**values) -> str:
    """One data line for HEADER from keyword values (keys: header names with _ for spaces)."""
    names = HEADER.strip().split(",")
    cells = [values.get(name.replace(" - ", "_").replace("-", "_").replace(" ", "_"), "") for name in names]
    return ",".join(f'"{cell}"' if ("," in cell or "\n" in cell) else cell for cell in cells) + "\n"


def corpus_text() -> str:
    if not CORPUS_GOOGLE.exists():
        pytest.skip(f"shared corpus not found at {CORPUS_GOOGLE} (it lives next to the project)")
    return decode(CORPUS_GOOGLE.read_bytes(), CORPUS_GOOGLE.name)


# --- the corpus file ---------------------------------------------------------------------


def test_corpus_2024_export_reads_every_person_with_their_fields():
    result = google.read(corpus_text())
    assert result.format_name == "Google Contacts"
    assert [p.name for p in result.people] == ["Ana Núñez", "Bo Chen"]
    ana, bo = result.people

    assert ana.where == "line 2"
    assert (ana.company, ana.role) == ("Acme Robotics, LLC", "Directora de Ingeniería")
    assert ana.important_dates == [("birthday", 1985, 4, 15)]
    assert ana.notes == "Met at PyCon.\nFollow up in Q2."  # a quoted line break, kept
    assert ana.tags == ["conference"]  # "* myContacts" dropped
    assert ana.starred is False
    assert ana.emails == ["ana@example.com", "ana.nunez@example.org"]
    assert ana.phones == ["+34 600 000 000"]
    assert [label for _kind, _value, label in ana.channels()[:3]] == ["work", "home", "mobile"]  # "* Work" too
    assert ana.linkedin == ["https://www.linkedin.com/in/ana-nunez-example"]  # Website 1, a profile
    assert ana.websites == []

    assert bo.where == "line 4"  # Ana's notes spread over lines 2-3
    assert (bo.first_name, bo.last_name) == ("Bo", "Chen")
    assert bo.phones == ["+1 415-555-0100"]
    assert bo.emails == [] and bo.tags == [] and bo.important_dates == [] and bo.notes == ""
    assert result.skipped == []


def test_looks_like_on_the_corpus_file():
    text = corpus_text()
    assert google.looks_like(text) and not linkedin.looks_like(text)


# --- the layouts -------------------------------------------------------------------------


def test_2024_layout_resaved_by_european_excel():
    data = (DATA / "google_2024_semicolons.csv").read_bytes()
    assert data.startswith(b"First Name;Middle Name;") and b"\r\n" in data
    assert "Nicolò".encode("cp1252") in data  # Windows-1252, as Excel writes it

    result = google.read(load("google_2024_semicolons.csv"))
    people = by_name(result)
    assert list(people) == ["Giulia Rossi", "Nicolò Ferrari", "Idraulica Bianchi Srl"]

    giulia = people["Giulia Rossi"]
    assert giulia.where == "line 2"
    assert (giulia.company, giulia.role) == ("Lumen Digital", "Head of PR")
    assert giulia.important_dates == [("birthday", 1985, 4, 15)]  # Excel's 15/04/1985
    assert giulia.notes == "Conosciuta al Web Marketing Festival; parla di fintech"
    assert giulia.starred is True
    assert giulia.tags == ["web-marketing-festival"]
    assert giulia.emails == ["giulia@lumen.it", "giulia.rossi@gmail.com"]  # split on " ::: "
    assert giulia.phones == ["+39 333 123 4567"]
    assert (giulia.city, giulia.country) == ("Milano", "Italia")
    assert giulia.linkedin == ["https://www.linkedin.com/in/giulia-rossi-4b2a1c"]

    nicolo = people["Nicolò Ferrari"]
    assert nicolo.phones == []
    assert nicolo.notes == "phone as exported: 3,93E+11"  # Excel mangled it: kept for the user
    assert nicolo.important_dates == [("birthday", None, 12, 3), ("anniversary", 2015, 4, 3)]
    assert nicolo.tags == ["clienti"]
    assert nicolo.facts == [("Caffè", "macchiato")]

    plumber = people["Idraulica Bianchi Srl"]  # only an organisation: it is the name
    assert (plumber.first_name, plumber.last_name, plumber.company) == (
        "Idraulica Bianchi Srl", "", "Idraulica Bianchi Srl")
    assert plumber.phones == ["+39 02 1234 5678"] and plumber.city == "Torino"
    assert result.skipped == []


def test_older_layout():
    result = google.read(load("google_old_layout.csv"))
    people = by_name(result)
    assert list(people) == ["Hannah Schmidt", "Kofi Mensah", "Aiko Tanaka"]

    hannah = people["Hannah Schmidt"]
    assert hannah.where == "line 2"
    assert hannah.starred is True
    assert hannah.tags == ["book-club", "friends"]  # "* Friends" is a label too
    assert hannah.emails == ["hannah@example.de", "h.schmidt@bosch.example"]
    assert hannah.phones == ["+49 151 2345 6789", "+49 30 1234567"]
    assert (hannah.company, hannah.role) == ("Bosch", "Engineer")  # Organization 1 - Name / Title
    assert (hannah.city, hannah.country) == ("Berlin", "Deutschland")
    assert hannah.facts == [("nickname", "Hanni")]
    assert hannah.important_dates == []  # 30 February: skipped, and said below

    kofi = people["Kofi Mensah"]  # only the Name column: split into first and last
    assert kofi.where == "line 5"  # Hannah's address spans lines 2-4
    assert (kofi.first_name, kofi.last_name) == ("Kofi", "Mensah")
    assert kofi.emails == [] and kofi.phones == []
    assert kofi.notes == (
        "Met at the Accra tech meetup.\nIntroduced by Hannah.\n"
        "e-mail as exported: kofi.mensah@\nphone as exported: call me after 6"
    )

    aiko = people["Aiko Tanaka"]
    assert aiko.where == "line 9"
    assert aiko.important_dates == [("birthday", None, 7, 21)]
    assert aiko.tags == ["japan-trip-2019"]
    assert aiko.websites == ["http://aiko.example.jp"] and aiko.linkedin == []

    assert result.skipped == [
        Skipped("line 2", "birthday '1990-02-30' is not a date"),
        Skipped("line 8", "no name"),  # only an e-mail address; line 7 is blank padding
    ]


def test_utf16_file():
    assert (DATA / "google_utf16.csv").read_bytes().startswith(b"\xff\xfe")
    result = google.read(load("google_utf16.csv"))
    zoe, taro = result.people
    assert (zoe.name, zoe.company, zoe.role) == ("Zoë O'Neil", "Talent & Co", "Recruiter")
    assert zoe.emails == ["zoe@talent.example"] and zoe.tags == ["recruiters"]
    assert (taro.where, taro.first_name, taro.last_name) == ("line 3", "太郎", "山田")
    assert taro.phones == ["+81 90-1234-5678"]
    assert taro.important_dates == [("birthday", 1988, 11, 3)]


def test_any_number_of_email_and_phone_groups_in_any_order():
    text = (
        "E-mail 3 - Value,Labels,First Name,Phone 2 - Value,E-mail 1 - Value,Last Name,"
        "E-mail 2 - Value,Phone 1 - Value,E-mail 5 - Value\n"
        "c@x.example,,Ada,+44 20 7946 0000,a@x.example,Lovelace,b@x.example ::: A@X.example,"
        "+44 20 7946 0001,e@x.example\n"
    )
    (ada,) = google.read(text).people
    assert ada.emails == ["a@x.example", "b@x.example", "c@x.example", "e@x.example"]  # by number, once each
    assert ada.phones == ["+44 20 7946 0001", "+44 20 7946 0000"]


def test_sep_hint_line_from_excel():
    text = "sep=;\nFirst Name;Last Name;Labels;E-mail 1 - Value\nAda;Lovelace;VIP;ada@x.example\n"
    (ada,) = google.read(text).people
    assert (ada.where, ada.name) == ("line 3", "Ada Lovelace")
    assert (ada.tags, ada.emails) == (["vip"], ["ada@x.example"])


# --- names -------------------------------------------------------------------------------


def test_name_fallbacks():
    text = HEADER + (
        row(First_Name="John", Middle_Name="Quincy", Last_Name="Adams")
        + row(File_As="Núñez, Ana")
        + row(File_As="Bo Chen")
        + row(Nickname="Sunny", E_mail_1_Value="sunny@example.com")
        + row(E_mail_1_Value="nobody@example.com", Phone_1_Value="+39 333 000 0000")
        + row(Labels="* myContacts")
    )
    result = google.read(text)
    assert [(p.first_name, p.last_name) for p in result.people] == [
        ("John Quincy", "Adams"), ("Ana", "Núñez"), ("Bo", "Chen"), ("Sunny", ""),
    ]
    assert result.people[3].facts == []  # the nickname became the name, not also a fact
    assert result.skipped == [Skipped("line 6", "no name"), Skipped("line 7", "no name")]


# --- labels, dates, values ---------------------------------------------------------------


def test_labels_become_tags_and_nothing_is_lost():
    text = HEADER + row(
        First_Name="Ada",
        Labels="* myContacts ::: * starred ::: Book Club ::: Clients, 2024 ::: VIP ::: vip ::: ***",
    )
    (ada,) = google.read(text).people
    assert ada.starred is True
    assert ada.tags == ["book-club", "clients-2024", "vip"]
    assert ada.notes == "label as exported: ***"


def test_impossible_birthday_and_event_keep_the_person_and_say_so():
    text = HEADER + row(
        First_Name="Ada", Birthday="1815-13-10", Event_1_Label="Anniversary", Event_1_Value="2020-02-30"
    ) + row(First_Name="Bo", Birthday="--02-29", Event_1_Label="", Event_1_Value="2021-06-01")
    result = google.read(text)
    ada, bo = result.people
    assert ada.important_dates == []
    assert bo.important_dates == [("birthday", None, 2, 29), ("event", 2021, 6, 1)]
    assert result.skipped == [
        Skipped("line 2", "birthday '1815-13-10' is not a date"),
        Skipped("line 2", "anniversary '2020-02-30' is not a date"),
    ]


def test_numeric_dates_are_month_first_in_a_comma_file_unless_proven():
    text = HEADER + row(First_Name="Ada", Birthday="03/04/1985")
    assert google.read(text).people[0].important_dates == [("birthday", 1985, 3, 4)]
    text += row(First_Name="Bo", Birthday="24/12/1990")
    assert google.read(text).people[0].important_dates == [("birthday", 1985, 4, 3)]


def test_two_digit_year_birthday_is_reported_not_guessed():
    result = google.read(HEADER + row(First_Name="Ada", Birthday="4/15/85"))
    assert result.people[0].important_dates == []
    assert result.skipped == [Skipped("line 2", "birthday '4/15/85' is not a date")]


def test_invalid_email_is_kept_in_the_notes_after_the_own_notes():
    text = HEADER + row(
        First_Name="Ada", Notes="Likes tea.", E_mail_1_Value="ada at example ::: ada@example.com"
    )
    (ada,) = google.read(text).people
    assert ada.emails == ["ada@example.com"]
    assert ada.notes == "Likes tea.\ne-mail as exported: ada at example"


def test_row_with_too_many_values_is_skipped():
    text = "First Name,Last Name,Labels\nAda,Lovelace,VIP\nBo,Chen,VIP,extra\n"
    result = google.read(text)
    assert [p.name for p in result.people] == ["Ada Lovelace"]
    assert result.skipped[0].where == "line 3"
    assert "4 values where the header has 3 columns" in result.skipped[0].reason


# --- not a Google file -------------------------------------------------------------------


@pytest.mark.parametrize("name", LINKEDIN_FILES)
def test_linkedin_files_are_not_google_files(name):
    text = load(name)
    assert not google.looks_like(text)
    with pytest.raises(ValidationError) as error:
        google.read(text)
    assert error.value.field == "file"
    assert "not a Google Contacts export" in str(error.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello\n",
        "First Name,Last Name,E-mail Address,Categories\nAda,Lovelace,ada@x.example,\n",  # Outlook
        "Labels,E-mail 1 - Value\nVIP,ada@x.example\n",  # no name column at all
    ],
)
def test_other_text_is_not_a_google_file(text):
    assert not google.looks_like(text)
    with pytest.raises(ValidationError, match="not a Google Contacts export"):
        google.read(text)


@pytest.mark.parametrize("name", GOOGLE_FILES)
def test_looks_like_recognises_every_google_layout(name):
    text = load(name)
    assert google.looks_like(text)
    assert not linkedin.looks_like(text)


def test_quote_never_closed_is_a_clear_error():
    text = HEADER + row(First_Name="Ada") + 'Bo,,Chen,,,,,,"never closed\n' + row(First_Name="Cy")
    with pytest.raises(ValidationError, match=r"line 3: a quoted value .* never closed"):
        google.read(text)
