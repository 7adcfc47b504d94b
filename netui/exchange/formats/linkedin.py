"""LinkedIn's `Connections.csv` (Settings -> Data privacy -> Get a copy of your data).

`looks_like(text)` says whether a decoded file is one; `read(text)` returns a
netui.exchange.records.ReadResult ("LinkedIn connections"). Pure: no database, no clock.

Layouts read (columns are found by name, case- and space-insensitively, in any order):

* 2020s: an optional `Notes:` preamble (a quoted paragraph about missing e-mails and a blank
  line; it comes and goes across years), then
  `First Name,Last Name,URL,Email Address,Company,Position,Connected On`, dates `07 Nov 2023`;
* the same without `URL` (and/or without `Email Address`);
* 2018: dates like `"1/8/18, 6:14 PM"` (month first, the time is dropped);
* re-saved by Excel: Windows-1252, CRLF, `Notes:,,,` padded preamble, `5-Jan-26` dates,
  `;` as the delimiter in European locales. Numeric dates are read month-first (LinkedIn's
  US form) unless the file's own dates prove day-first (`24/12/2017` somewhere).

The header is the first line, among the first 20, holding First Name, Last Name and
Connected On; no such line is a ValidationError("file", ...) -- the file is something else.

What becomes of a row:

* first / last name, company, role (Position): single-spaced and trimmed, otherwise verbatim
  ("Chen, PhD" stays the last name; text starting with `=` or `@` is kept as text: netui
  never evaluates it);
* URL: a profile URL becomes `https://www.linkedin.com/in/<slug>` (as quick capture stores
  it: slug in lower case, no query); another http(s) URL is kept as given; anything else
  goes to the notes as "LinkedIn URL as exported: ...";
* Email Address: kept if valid, else the person is still imported and the notes say
  "e-mail as exported: ..." -- never silently dropped;
* Connected On -> `connected_on` (the importer logs "connected on LinkedIn" on that day, so
  the keep-in-touch cadence starts from it). A value that is not a date: the person is
  imported without it and a Skipped entry says so ("'31 Feb 2024' is not a date; imported
  without the connection date") -- the same rule as a Google birthday, so the user sees every
  value that did not make it;
* no first and no last name: Skipped "only a date, no name" when the row holds nothing but a
  date (LinkedIn writes such rows for closed accounts), else Skipped "no name";
* more values than header columns (a comma outside quotes): Skipped, with the counts --
  importing shifted columns would put the company into the role.

`where` is "line N", N the physical line of the file (1-based) on which the row starts.
"""

from __future__ import annotations

import datetime as dt
import re

from netui.rules import linkedin_profile, validate_email
from netui.errors import ValidationError
from netui.exchange.formats.text import (
    as_exported,
    collect_rows,
    csv_records,
    guess_day_first,
    header_key,
    line_delimiter,
    parse_export_date,
    split_line,
    tidy,
    tidy_row,
)
from netui.i18n import _
from netui.exchange.records import IncomingPerson, ReadResult, Skipped

__all__ = ["FORMAT_NAME", "looks_like", "read", "profile_url"]

FORMAT_NAME = "LinkedIn connections"
HEADER_SEARCH_LINES = 20

# column -> the header keys (see text.header_key) that name it
_COLUMNS = {
    "first_name": ("firstname",),
    "last_name": ("lastname",),
    "url": ("url", "profileurl", "linkedinurl"),
    "email": ("emailaddress", "e-mailaddress", "email", "e-mail"),
    "company": ("company",),
    "position": ("position", "title", "jobtitle"),
    "connected_on": ("connectedon",),
}
_REQUIRED = ("first_name", "last_name", "connected_on")

# `https://www.linkedin.com/in/<slug>` for a profile URL, None otherwise (the rule lives in
# netui.contacts, which quick capture and matching use too).
profile_url = linkedin_profile


def _find_header(text: str) -> tuple[int, str, dict[str, int]] | None:
    """(1-based line, delimiter, column -> index) of the header line, or None."""
    for number, line in enumerate(text.split("\n")[:HEADER_SEARCH_LINES], start=1):
        delimiter = line_delimiter(line)
        keys = [header_key(cell) for cell in split_line(line, delimiter)]
        columns = {}
        for column, names in _COLUMNS.items():
            index = next((i for i, key in enumerate(keys) if key in names), None)
            if index is not None:
                columns[column] = index
        if all(column in columns for column in _REQUIRED):
            return number, delimiter, columns
    return None


def looks_like(text: str) -> bool:
    """True if one of the first 20 lines is a header with First Name, Last Name, Connected On."""
    return _find_header(text) is not None


def read(text: str) -> ReadResult:
    """The connections in a LinkedIn Connections.csv (see the module doc)."""
    found = _find_header(text)
    if found is None:
        raise ValidationError(
            "file", _("This is not a LinkedIn connections export: none of its first "
                      "{count} lines is a header with First Name, Last Name and Connected On.",
                      count=HEADER_SEARCH_LINES)
        )
    header_line, delimiter, columns = found
    width = len(split_line(text.split("\n")[header_line - 1], delimiter))
    records = list(csv_records(text, delimiter, first_line=header_line + 1))
    day_first = guess_day_first(_cell(row, columns, "connected_on") for _line, row in records)

    result = ReadResult(format_name=FORMAT_NAME)
    indexes = [columns.get(column) for column in _COLUMNS]
    collect_rows(result, records, width, lambda where, row: _person(where, row, _cells(row, indexes), columns, day_first))
    return result


def _cell(row: list[str], columns: dict[str, int], column: str) -> str:
    index = columns.get(column)
    return tidy(row[index]) if index is not None and index < len(row) else ""


def _cells(row: list[str], indexes: list[int | None]) -> list[str]:
    """The row's cell of each of _COLUMNS, in that order, tidied ("" for a column the file
    lacks): each read once, by position, for every row of a file."""
    width, tidied = len(row), tidy_row(row)
    return [tidied[index] if index is not None and index < width else "" for index in indexes]


def _person(
    where: str, row: list[str], cells: list[str], columns: dict[str, int], day_first: bool
) -> tuple[IncomingPerson | None, list[Skipped]]:
    first, last, url, email, company, position, connected = cells  # the order of _COLUMNS
    if not (first or last):
        others = [
            cell for index, cell in enumerate(row)
            if cell.strip() and index != columns["connected_on"]
        ]
        if connected and not others:
            return None, [Skipped(where, _("only a date, no name"))]
        return None, [Skipped(where, _("no name"))]

    person = IncomingPerson(
        where=where, first_name=first, last_name=last,
        company=company, role=position,
    )
    notes: list[str] = []
    problems: list[Skipped] = []

    if url:
        normal = profile_url(url)
        if normal:
            person.linkedin.append(normal)
        elif re.match(r"https?://\S+$", url, re.IGNORECASE):
            person.linkedin.append(url)
        else:
            notes.append(as_exported("LinkedIn URL", url))

    if email:
        try:
            person.emails.append(validate_email(email))
        except ValidationError:
            notes.append(as_exported("e-mail", email))

    if connected:
        try:
            person.connected_on = _connected_on(connected, day_first)
        except ValidationError:
            problems.append(Skipped(
                where, _("'{value}' is not a date; imported without the connection date", value=connected)
            ))

    person.notes = "\n".join(notes)
    return person, problems


def _connected_on(value: str, day_first: bool) -> dt.date:
    return parse_export_date(value, day_first=day_first, two_digit_years=True)
