"""Hostile input: every file in tests/data/hostile/ (truncated and malformed CSV, vCard and
iCalendar; Latin-1, UTF-16, NUL bytes; formula cells; absurd dates; see make_corpus.py there),
a 10 MB field and 100,000 columns built here, and capture lines of every kind.

For each, through `netui import FILE` / `netui capture LINE` (netui.cli.main, in-process): the
exit status is 0 or 2, a failure is one sentence on stderr naming the file (and the line or
field), there is never a traceback, and a refused input changes nothing in the database. Then
every reader is fuzzed with hypothesis: no exception other than the user-facing ones.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui import cli
from netui.store import db
from netui.exchange import importing
from netui.capture_line import parse_capture_line
from netui.errors import NetuiError, ValidationError
from netui.exchange.formats import google, linkedin, netui_csv, vcard

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
CORPUS = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".csv", ".vcf", ".ics", ".txt"))
TABLES = ("contact", "channel", "tag", "contact_tag", "fact", "important_date", "interaction",
          "interaction_participant", "follow_up", "event", "event_attendee", "contact_search")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    from netui import contacts

    contacts.create_contact("Giulia Rossi", emails=["giulia@example.com"], company="Lumen")
    handle.close()
    return path


def row_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(str(path))) as connection:
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in TABLES}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_user_facing(code: int, out: str, err: str, before: dict, path: Path, names: str = "") -> None:
    """0, or 2 with one sentence naming `names` and nothing written; never a traceback."""
    assert code in (0, 2), (code, out, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 2:
        assert err.startswith("netui: ") and err.count("\n") == 1, err
        assert names in err, err
        assert row_counts(path) == before
    with closing(sqlite3.connect(str(path))) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- the corpus ----------------------------------------------------------------------------


def test_the_corpus_is_what_make_corpus_writes():
    """The committed files and their generator agree (rebuild: python make_corpus.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", HOSTILE / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {name: (HOSTILE / name).read_bytes() for name in module.FILES} == module.FILES
    assert len(CORPUS) == len(module.FILES)


@pytest.mark.parametrize("file", CORPUS, ids=[p.name for p in CORPUS])
def test_importing_a_hostile_file(file, db_path, capsys):
    before = row_counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "import", str(file))
    assert_user_facing(code, out, err, before, db_path, names=str(file))
    if code == 0:
        assert out.splitlines()[0].split(":")[0] in ("netui CSV", "LinkedIn connections", "Google Contacts", "vCard")
        for line in out.splitlines()[1:]:  # every skipped row says where it was
            assert line.strip().startswith(("line ", "card ", "new job", "updated", "company", "role", "notes")) \
                or ": skipped: " in line or ": updated " in line, line


def test_formula_cells_are_kept_as_text_and_exported_harmless(db_path, tmp_path, capsys):
    code, out, _err = run(capsys, "--db", str(db_path), "import", str(HOSTILE / "linkedin_formula_cells.csv"))
    assert code == 0
    exported = tmp_path / "out.csv"
    assert run(capsys, "--db", str(db_path), "export", "csv", "--out", str(exported))[0] == 0
    for line in exported.read_text(encoding="utf-8").splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")), line


def test_ics_files_are_not_a_format_netui_imports(db_path, capsys):
    code, _out, err = run(capsys, "--db", str(db_path), "import", str(HOSTILE / "calendar.ics"))
    assert code == 2
    assert err == (f"netui: {HOSTILE / 'calendar.ics'}: is an iCalendar file, not a format netui imports (netui "
                   "writes them with netui export ics; it imports netui CSV, LinkedIn Connections.csv, Google "
                   "Contacts CSV, Outlook CSV and vCard).\n")


def test_an_unclosed_quote_imports_nothing_of_the_file_and_says_where(db_path, capsys):
    """A quote never closed: not the rest of the file read into one cell, not half the file."""
    before = row_counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "import", str(HOSTILE / "netui_unclosed_quote.csv"))
    assert code == 2 and row_counts(db_path) == before and out == ""  # refused as a whole, as any CSV
    assert err == (f"netui: {HOSTILE / 'netui_unclosed_quote.csv'}: line 2: a quoted value starting on this "
                   "line is never closed (a \" is missing), so the file cannot be read.\n")
    code, _out, err = run(capsys, "--db", str(db_path), "import", str(HOSTILE / "linkedin_unclosed_quote.csv"))
    assert code == 2 and row_counts(db_path) == before
    assert err == (f"netui: {HOSTILE / 'linkedin_unclosed_quote.csv'}: line 3: a quoted value starting on this "
                   "line is never closed (a \" is missing), so the file cannot be read.\n")


def test_a_ten_megabyte_field(db_path, tmp_path, capsys):
    big = "x" * (10 * 1024 * 1024)
    for name, text in (
        ("linkedin_10mb.csv", f"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                              f"Giulia,Rossi,,,\"{big}\",CTO,07 Nov 2023\nMarco,Bianchi,,,Acme,CTO,07 Nov 2023\n"),
        ("netui_10mb.csv", f"{netui_csv.HEADER_LINE}\nMarco,Bianchi,,,,,,,,,,,,,,,,,\"{big}\"\n"),
        ("vcard_10mb.vcf", f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco Bianchi\r\nNOTE:{big}\r\nEND:VCARD\r\n"),
    ):
        file = tmp_path / name
        file.write_text(text, encoding="utf-8")
        before = row_counts(db_path)
        code, out, err = run(capsys, "--db", str(db_path), "import", str(file))
        assert_user_facing(code, out, err, before, db_path, names=str(file))


def test_a_hundred_thousand_columns(db_path, tmp_path, capsys):
    header = ",".join(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
                      + [f"Extra {i}" for i in range(100_000 - 7)])
    for name, text in (
        ("linkedin_wide.csv", f"{header}\nGiulia,Rossi,,,Acme,CTO,07 Nov 2023{',x' * (100_000 - 7)}\n"),
        ("netui_wide.csv", f"{netui_csv.HEADER_LINE}{',extra' * 100_000}\nMarco,Bianchi{',y' * 100_000}\n"),
        ("anything_wide.csv", ",".join(f"c{i}" for i in range(100_000)) + "\n" + ",".join("1" * 100_000) + "\n"),
    ):
        file = tmp_path / name
        file.write_text(text, encoding="utf-8")
        before = row_counts(db_path)
        code, out, err = run(capsys, "--db", str(db_path), "import", str(file))
        assert_user_facing(code, out, err, before, db_path, names=str(file))


# --- capture lines -------------------------------------------------------------------------

CAPTURE_LINES = [
    "", " ", "!", "!!!", "!2d", "#fintech #milano", "@Lumen Digital", '"Head of PR"', "giulia@lumen.it",
    "+39 333 123 4567", "x" * 10_000, "Giulia " + "Rossi" * 2_000, "Giulia\x00Rossi", "Giulia \x1b[31mRossi\x07",
    "Giulia\tRossi\r\n@Lumen", "مريم الحسيني @شركة الأمل #عربي", "\u202eGiulia Rossi\u202c @Lumen",
    "🦄 Unicorn @🚀 Rocket #✨ !1w", "Giulia Rossi !2026-02-31", "Giulia Rossi !99999d", "Giulia Rossi !0000-00-00",
    "Giulia Rossi !-1d", "Giulia Rossi giulia@@lumen..it", "Giulia Rossi +" + "9" * 500,
    '=HYPERLINK("http://evil.example") Rossi', "+cmd Rossi", "-1+1 Rossi", "@SUM(A1) Rossi",
    "Giulia \ud800 Rossi", "Giulia Rossi #" + "t" * 5_000, 'Giulia "unclosed role @Lumen',
    "Giulia Rossi @", "Giulia Rossi #", "Giulia Rossi linkedin.com/in/", "Giulia Rossi https://linkedin.com/in/" + "a" * 3000,
]


@pytest.mark.parametrize("line", CAPTURE_LINES, ids=[repr(line[:24]) for line in CAPTURE_LINES])
def test_capturing_a_hostile_line(line, db_path, capsys):
    before = row_counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "capture", line)
    assert_user_facing(code, out, err, before, db_path)
    if code == 0:
        assert out.startswith(("Added ", "Updated ")) and out.count("\n") == 1


# --- fuzzers -------------------------------------------------------------------------------

READERS = {"netui CSV": netui_csv.read, "LinkedIn": linkedin.read, "Google": google.read, "vCard": vcard.read}
PREFIXES = {
    "netui CSV": netui_csv.HEADER_LINE + "\n",
    "LinkedIn": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    "Google": "Name,Given Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value\n",
    "vCard": "BEGIN:VCARD\r\nVERSION:3.0\r\n",
}
CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", '"', '""', ",", ";", "\n", "\r\n", "|", "=", "\\", "--04-15", "1990-02-31", "0000-00-00",
                     "99999-01-01", "a@b.example", "+39 333 1234567", "END:VCARD", "BEGIN:VCARD", "BDAY:--0231",
                     "EMAIL;TYPE=WORK:x@y.z", "N:;;;;", "FN:", "=SUM(A1)", "birthday=--13-45", "work=a@b",
                     "07 Nov 2023", "1/8/18, 6:14 PM", "* starred ::: x", "\x00", "\ufeff", "é", "🦄"]),
)
LINES = st.lists(st.lists(CELLS, max_size=12).map(",".join), max_size=8).map("\n".join)


def _only_user_errors(call, *args):
    try:
        call(*args)
    except NetuiError:
        pass  # a sentence for the user: fine


@pytest.mark.parametrize("name", list(READERS))
@FUZZ
@given(text=st.one_of(st.text(max_size=300), LINES))
def test_fuzz_every_reader_with_its_own_header(name, text):
    _only_user_errors(READERS[name], PREFIXES[name] + text)
    _only_user_errors(READERS[name], text)


@FUZZ
@given(line=st.one_of(st.text(max_size=200), st.lists(CELLS, max_size=12).map(" ".join),
                      st.lists(st.sampled_from(["!", "!2d", "#", "#x", "@", "@Acme", '"', '"Role"', "Giulia",
                                                "a@b.it", "+39 333 1234567", "!2026-02-31", "linkedin.com/in/x",
                                                "!friday", "!0d", "!99999w"]), max_size=10).map(" ".join)))
def test_fuzz_the_capture_line_parser(line):
    try:
        parse_capture_line(line, dt.date(2026, 11, 29))
    except ValidationError:
        pass


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400),
                      st.sampled_from([p.encode() for p in PREFIXES.values()]).flatmap(
                          lambda prefix: st.binary(max_size=300).map(lambda tail: prefix + tail))))
def test_fuzz_read_file_on_random_bytes(data, tmp_path):
    file = tmp_path / "random.bin"
    file.write_bytes(data)
    _only_user_errors(importing.read_file, file)
