"""Turning an exported file into text and CSV records: shared by the readers in netui.exchange.formats.

* `decode(data, name)` -- bytes to text, whatever the program that wrote them chose:
  UTF-8 with or without a BOM, UTF-16/UTF-32 (with a BOM, or UTF-16 without one when the
  NUL bytes say so), else UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what
  Excel writes on Windows; the five bytes cp1252 leaves undefined are read as Latin-1).
  The whole file gets one encoding: a file mixing UTF-8 and cp1252 reads as cp1252.
  Line ends (CRLF, CR) become LF. Binary files (a spreadsheet, a zip) are refused with a
  `ValidationError("file", ...)` naming the file.
* `sniff_csv(text)` -- the delimiter (`,`, `;` or tab) of a CSV file, chosen by its header
  line (European Excel writes `;`); a first line `sep=;` (Excel's own hint) wins.
  `line_delimiter(line)` does the same for one given line (a header found further down),
  `is_sep_hint(line)` recognises that hint, `split_line(line, delimiter)` splits one line.
* `csv_records(text, delimiter, first_line)` -- the records from a physical line on, each
  with the physical line it starts on (a quoted value may hold line breaks); blank records
  are left out; malformed CSV (a quote never closed) is a `ValidationError` with its line.
  `reader_records(reader)` is the same loop over a csv reader whose header was read already
  (netui's own files): malformed CSV is a `MalformedCsv(line, reason)` for the reader to word.
* `header_key(cell)` -- a column name compared case- and space-insensitively.
* `tidy(value)`, `tidy_block(value)` -- a cell as one clean line / as a multi-line note.
* `parse_export_date(value, day_first=...)` and `guess_day_first(values, default)` --
  dates as exporters and Excel write them (`07 Nov 2023`, `5-Jan-26`, `1/8/18, 6:14 PM`,
  `2023-11-07`, `15.04.1985`), English month names read from our own table, never from
  the locale.

Everything here is pure: no database, no clock.
"""

from __future__ import annotations

import csv
import functools
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator

from netui.errors import ValidationError
from netui.exchange.records import Skipped
from netui.i18n import _
from netui.when import ITALIAN_MONTHS, MONTH_NAMES, make_date

__all__ = [
    "decode", "sniff_csv", "line_delimiter", "is_sep_hint", "split_line", "csv_records", "reader_records", "MalformedCsv",
    "malformed", "too_long_reason", "line_where", "never_closed", "not_valid_csv",
    "as_exported", "notes_keeping", "header_key", "tidy", "tidy_block", "MONTHS", "parse_export_date", "guess_day_first",
]

# --- bytes -> text -----------------------------------------------------------------------

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 4096  # bytes looked at to guess UTF-16 without a BOM
# cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: read them as Latin-1 (the same
# code point), so every byte sequence decodes and nothing is lost.
_CP1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_CP1252_FROM_LATIN1 = str.maketrans({chr(byte): char for byte, char in _CP1252.items()})


def decode(data: bytes, name: str) -> str:
    """The text of a file's bytes, with LF line ends and no BOM (see the module doc).

    `name` (the file's name) is only used in the error for a file that is not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data[len(bom):], encoding, name, len(bom)), name)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data[:_SAMPLE])
        if encoding is None:
            raise ValidationError("file", _not_text(data, name))
        return _finish(_strict(data, encoding, name), name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1").translate(_CP1252_FROM_LATIN1)
    return _finish(text, name)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the NUL bytes sit where ASCII text in UTF-16 puts them."""
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    nul_even, nul_odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if nul_odd >= pairs * 0.3 and nul_even <= pairs * 0.02:
        return "utf-16-le"  # "A\0B\0"
    if nul_even >= pairs * 0.3 and nul_odd <= pairs * 0.02:
        return "utf-16-be"  # "\0A\0B"
    return None


def _strict(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise ValidationError(
            "file", _("{name} says it is {encoding} text, but byte {byte} is not valid {encoding}; "
                      "export the file again.", name=name, encoding=label, byte=offset + error.start + 1)
        ) from None


def _not_text(data: bytes, name: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        return _("{name} is a spreadsheet or zip archive, not a CSV file; "
                 "open it and save it as CSV (UTF-8) first.", name=name)
    return _("{name} is not a text file (it holds binary data); export it again as CSV.", name=name)


def _finish(text: str, name: str) -> str:
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise ValidationError("file", _("{name} holds NUL characters, so it is not a text file.", name=name))
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- CSV ---------------------------------------------------------------------------------

DELIMITERS = (",", ";", "\t")
_SEP_HINT = re.compile(r"^sep=(.)\s*$", re.IGNORECASE)


def sniff_csv(text: str) -> str:
    """The delimiter of the CSV `text`: `,`, `;` or tab, whichever occurs most (outside
    quotes) in its header line -- the first non-blank line. A first line `sep=X` (Excel's
    hint) gives X. A tie or a single-column file gives `,`."""
    for line in text.split("\n"):
        if not line.strip():
            continue
        hint = _SEP_HINT.match(line.strip())
        if hint:
            return hint.group(1)
        return line_delimiter(line)
    return ","


def line_delimiter(line: str) -> str:
    """The delimiter that occurs most, outside double quotes, in one line (`,` on a tie)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals: ","
    return best if counts[best] > counts[","] else ","


def is_sep_hint(line: str) -> bool:
    """True for Excel's `sep=;` first line, which is not data."""
    return bool(_SEP_HINT.match(line.strip()))


def split_line(line: str, delimiter: str) -> list[str]:
    """The cells of one physical line (lenient: used to look for a header line)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def csv_records(text: str, delimiter: str, first_line: int = 1) -> Iterator[tuple[int, list[str]]]:
    """(physical line the record starts on, its cells) for each record of `text` from the
    1-based physical line `first_line` on. Records whose cells are all blank are skipped.

    Malformed CSV -- a quoted value never closed, text glued after a closing quote -- is a
    ValidationError("file", ...) naming the line: a file that is not what it seems is
    refused as a whole rather than read half-way.
    """
    lines = text.split("\n")
    rest = "\n".join(lines[first_line - 1 :])
    reader = csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter, strict=True)
    try:
        yield from reader_records(reader, first_line)
    except MalformedCsv as bad:
        raise ValidationError("file", _("{where}: {reason}, so the file cannot be read.",
                                        where=line_where(bad.line), reason=bad.reason)) from None


class MalformedCsv(Exception):
    """A record the csv module cannot read: the line to name and a sentence saying why."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def malformed(error: csv.Error, start: int, line: int) -> MalformedCsv:
    """Why the csv module refused a record starting on line `start` and broken off on `line`:
    a quoted value never closed is named where it opens, anything else where reading stopped."""
    message = str(error)
    if "end of data" in message:
        return MalformedCsv(start, never_closed())
    if "field limit" in message:
        return MalformedCsv(line, too_long_reason())
    return MalformedCsv(line, not_valid_csv(message))


def reader_records(reader, first_line: int = 1) -> Iterator[tuple[int, list[str]]]:
    """The row loop every CSV reader shares: (physical line the record starts on, its cells)
    for each record the csv `reader` has left, `first_line` being the physical line the reader
    started on (a quoted value may hold line breaks, so a record may take several lines).
    Records whose cells are all blank (the empty lines a spreadsheet leaves) are left out;
    malformed CSV raises MalformedCsv."""
    while True:
        start = first_line + reader.line_num
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise malformed(error, start, first_line + reader.line_num - 1) from None
        if any(cell.strip() for cell in cells):
            yield start, cells


def line_where(number: int) -> str:
    """Where in a file a problem is: "line 12" ("riga 12")."""
    return _("line {n}", n=number)


def too_long_reason() -> str:
    """Why a CSV value beyond the csv module's field limit cannot be read."""
    limit = format(csv.field_size_limit(), ",")
    return _("a value is longer than {limit} characters, more than any contact field holds", limit=limit)


def never_closed() -> str:
    return _("a quoted value starting on this line is never closed (a \" is missing)")


def not_valid_csv(error) -> str:
    return _("this is not valid CSV ({error})", error=error)


def as_exported(what: str, value: str) -> str:
    """A value a file gets wrong, as it is kept in the person's notes rather than lost (every
    reader does so): "e-mail as exported: pino@x", "birthday as exported: 31/02/1985".
    `what`: "e-mail", "phone", "LinkedIn URL", "birthday", "anniversary", "tag", "circle",
    "label", or the file's own name for it (a date's label, a column)."""
    if what == "e-mail":
        return _("e-mail as exported: {value}", value=value)
    if what == "phone":
        return _("phone as exported: {value}", value=value)
    if what == "LinkedIn URL":
        return _("LinkedIn URL as exported: {url}", url=value)
    if what == "birthday":
        return _("birthday as exported: {value}", value=value)
    if what == "anniversary":
        return _("anniversary as exported: {value}", value=value)
    if what == "tag":
        return _("tag as exported: {value}", value=value)
    if what == "circle":
        return _("circle as exported: {value}", value=value)
    if what == "label":
        return _("label as exported: {label}", label=value)
    return _("{label} as exported: {value}", label=what, value=value)


def notes_keeping(notes: str, kept: Iterable[str]) -> str:
    """The notes a file gives, then the values kept "as exported", one a line."""
    return "\n".join(part for part in (notes, *kept) if part)


def header_key(cell: str) -> str:
    """A column name for comparing: no BOM, no spaces, case-folded ("E-mail 1 - Value" ->
    "e-mail1-value", " First  name" -> "firstname")."""
    return "".join(cell.replace("\ufeff", "").split()).casefold()


# --- cell text ---------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def tidy(value: str) -> str:
    """A cell as one line: NFC, control characters and line breaks as spaces, spaces collapsed."""
    if value.isascii() and value.isprintable():  # the usual cell: only spaces to collapse
        return " ".join(value.split())
    value = unicodedata.normalize("NFC", value)
    return " ".join(_CONTROL.sub(" ", value).split())


def tidy_row(cells: list[str]) -> list[str]:
    """Every cell of a row tidied (`tidy`): a row of plain cells, the usual one, is tested once."""
    joined = "".join(cells)
    if joined.isascii() and joined.isprintable():
        return [" ".join(cell.split()) for cell in cells]
    return [tidy(cell) for cell in cells]


def tidy_block(value: str) -> str:
    """A multi-line cell (notes): NFC, line breaks kept, each line stripped on the right,
    blank lines at the start and end dropped."""
    value = _CONTROL.sub(" ", unicodedata.normalize("NFC", value)).replace("\t", " ")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip("\n").strip()


# --- dates -------------------------------------------------------------------------------

# English month names and their usual abbreviations, from when.MONTH_NAMES: the locale
# (which could be Italian or German on the user's machine) is never consulted.
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name.casefold()] = _number
    MONTHS[_name[:3].casefold()] = _number
MONTHS["sept"] = 9
# Italian month names too ("15 marzo 2020", "15 mag 2020"), where they are not English ones.
for _number, _name in enumerate(ITALIAN_MONTHS, start=1):
    MONTHS.setdefault(_name, _number)
    MONTHS.setdefault(_name[:3], _number)

_TIME_SUFFIX = re.compile(
    r"(?:,?\s*|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})[\s\-./]*([a-z]+)\.?[\s\-./,]*(\d{4}|\d{2})", re.IGNORECASE)
_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)
_NUMERIC = re.compile(r"(\d{1,2})([/\-.])(\d{1,2})\2(\d{4}|\d{2})")


@functools.lru_cache(maxsize=8192)  # an export repeats the same days thousands of times
def parse_export_date(value: str, *, day_first: bool = False, two_digit_years: bool = True) -> dt.date:
    """A date as an export writes it, or ValidationError("date", ...).

    Reads `2023-11-07`, `07 Nov 2023`, `7 November 2023`, `5-Jan-26`, `Nov 7, 2023`, and
    numeric `1/8/18` / `01-08-2018` (month first, unless `day_first`; dotted `15.04.1985`
    is always day first), each optionally followed by a time (`, 6:14 PM`), which is dropped.
    A two-digit year is 20YY (LinkedIn is younger than 2000); `two_digit_years=False`
    refuses them (a birthday in "85" could be 1885 or 1985 -- better to say so).
    """
    text = " ".join(value.split())
    core = _TIME_SUFFIX.sub("", text) if not _ISO.fullmatch(text) else text
    year_text: str
    if match := _ISO.fullmatch(core):
        year_text, month, day = match.group(1), int(match.group(2)), int(match.group(3))
    elif match := _DAY_MONTH_NAME.fullmatch(core):
        day, month, year_text = int(match.group(1)), MONTHS.get(match.group(2).casefold(), 0), match.group(3)
        if not month:
            raise _not_a_date(value)
    elif match := _MONTH_NAME_DAY.fullmatch(core):
        month, day, year_text = MONTHS.get(match.group(1).casefold(), 0), int(match.group(2)), match.group(3)
        if not month:
            raise _not_a_date(value)
    elif match := _NUMERIC.fullmatch(core):
        first, separator, second, year_text = match.groups()
        if separator == "." or day_first:
            day, month = int(first), int(second)
        else:
            month, day = int(first), int(second)
    else:
        raise _not_a_date(value)
    if len(year_text) == 2 and not two_digit_years:
        raise ValidationError("date", _("'{value}' has a two-digit year; write the year in full.", value=value.strip()))
    year = 2000 + int(year_text) if len(year_text) == 2 else int(year_text)
    try:
        return make_date(year, month, day, "date")
    except ValidationError:
        raise _not_a_date(value) from None


def _not_a_date(value: str) -> ValidationError:
    return ValidationError("date", _("'{value}' is not a date.", value=value.strip()))


def guess_day_first(values: Iterable[str], default: bool = False) -> bool:
    """Whether the numeric dates among `values` (all from one file) put the day first.

    A first number above 12 proves day-first (`24/12/17`), a second above 12 proves
    month-first (`12/24/17`); with no proof either way, or contradicting proof, `default`.
    """
    day_first_seen = month_first_seen = False
    for value in set(values):  # a file repeats its days thousands of times; the answer is the same
        match = _NUMERIC.fullmatch(_TIME_SUFFIX.sub("", " ".join(value.split())))
        if not match or match.group(2) == ".":
            continue
        first, second = int(match.group(1)), int(match.group(3))
        day_first_seen |= first > 12 >= second
        month_first_seen |= second > 12 >= first
    if day_first_seen != month_first_seen:
        return day_first_seen
    return default


def collect_rows(result, records, width: int, person_of) -> None:
    """The loop every CSV reader shares: each record becomes a person (plus what was skipped
    in it), except a record with more values than the header has columns, which is skipped
    whole rather than imported with its columns shifted."""
    for number, row in records:
        where = line_where(number)
        if any(cell.strip() for cell in row[width:]):
            result.skipped.append(Skipped(
                where, _("{count} values where the header has {width} columns "
                         "(a comma outside quotes?); fix the line and import again", count=len(row), width=width)
            ))
            continue
        person, problems = person_of(where, row)
        result.skipped.extend(problems)
        if person is not None:
            result.people.append(person)
