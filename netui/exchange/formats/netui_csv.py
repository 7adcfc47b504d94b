"""netui's own CSV: contacts written so that netui can read them back without losing anything.
(The other tables of a folder written by `--what all` are netui.exchange.formats.netui_tables.)

Files
-----
UTF-8, comma-separated, quoted only where needed (``csv.QUOTE_MINIMAL``: a cell holding a
comma, a double quote or a line break is put in double quotes, a double quote inside is
doubled), every row ended by CRLF (``\\r\\n``, as RFC 4180 and Excel want). ``excel=True``
puts the UTF-8 byte order mark (EF BB BF) first, so Excel opens accented letters correctly;
the reader accepts the file with or without it. The first line is the header; for contacts
it is exactly ``HEADER_LINE`` (what `looks_like` recognises).

Contacts: one row per contact, columns `CONTACT_COLUMNS`
---------------------------------------------------------
first_name, last_name, company, role, city, country   the text as stored
circle            one of family, friends, school, university, work, neighbours, online,
                  events, associations, other
tags              tags, e.g. ``fintech | rome``
emails            e-mail addresses; one with a label is written ``label=value``:
                  ``work=giulia@lumen.it | giulia@gmail.com``
phones            phone numbers, same scheme: ``mobile=+39 333 123 4567``
linkedin          LinkedIn profile URLs, same scheme
websites          web sites, same scheme
other_channels    every other channel as ``kind=value`` or ``kind:label=value``, kind one
                  of x, instagram, facebook, other: ``x=@giulia | other:signal=+39 333 1``
how_met           free text
cadence_days      keep in touch every N days; empty for none
starred           ``yes`` or ``no``
important_dates   ``label=YYYY-MM-DD``, or ``label=--MM-DD`` when the year is unknown,
                  followed by `` remind N`` when the reminder is not the default 7 days
                  before: ``birthday=--04-15 | name day=2024-06-29 remind 2``
facts             ``label=value``: ``children=Marco and Sara | diet=vegetarian``
notes             free text, line breaks kept
id                the contact's id in the database that wrote the file: how this file's
                  `introduced_by` and the other tables of a folder name them
introduced_by     the id (in this file) of who introduced them; empty for nobody
cadence_snoozed_until  not overdue before this day (YYYY-MM-DD); empty when not snoozed
created_at        when they were added (UTC, ``2026-11-20T17:00:00Z``): keep-in-touch
                  counts from it until the first interaction

`cadence_days` is ``none`` for someone with no keep-in-touch at all (whatever their
circle's or tags' default). Files written before the last four columns existed (their header
ends with `notes`) are read too.

Within a column, unlabelled values come before labelled ones (then in netui's order), and
important dates are sorted by month, day, year and label, so that exporting, importing the
file into an empty database and exporting again gives the same bytes (into an empty
database everyone keeps the id the file gives them). The "met at" event is written in
events.csv (netui_tables), where the event is.

Cells with several values
-------------------------
Values are joined by `` | `` (space, vertical bar, space). Inside a value or a label, a
backslash, a vertical bar or an equals sign is written with a backslash before it:
``\\\\``, ``\\|``, ``\\=`` (a website ``https://x.org/?a=b`` is written
``https://x.org/?a\\=b``). The first unescaped ``=`` of an item separates the label from the
value. Spaces around each item are ignored when reading.

Formulas
--------
A spreadsheet evaluates a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (and some
do so after a tab or a line break). Every cell, in every table, whose first character is
one of ``= + - @``, tab, CR, LF, or an apostrophe ``'``, is written with one extra
apostrophe in front (``+39 333 123 4567`` -> ``'+39 333 123 4567``; ``'quoted'`` ->
``''quoted'``). Spreadsheets show such a cell as text. Reading a netui CSV, one leading
apostrophe is removed from any cell that starts with one, which gives the original value
back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netui.rules import (
    CHANNEL_KINDS,
    normalise_tag,
    parse_important_date,
    validate_cadence,
    validate_channel,
    validate_circle,
)
from netui.errors import ValidationError
from netui.exchange.formats.text import MalformedCsv, as_exported, line_where, malformed, notes_keeping, reader_records
from netui.i18n import _
from netui.exchange.records import DEFAULT_REMIND_DAYS, IncomingPerson, ReadResult, Skipped

if TYPE_CHECKING:
    from netui.contacts import ContactDetail

FORMAT_NAME = "netui CSV"

# The column names (CSV headers) are not translated, in any language: machines and `netui import`
# read them back, so a file written in Italian imports anywhere (a documented choice).
CONTACT_COLUMNS = (
    "first_name",
    "last_name",
    "company",
    "role",
    "city",
    "country",
    "circle",
    "tags",
    "emails",
    "phones",
    "linkedin",
    "websites",
    "other_channels",
    "how_met",
    "cadence_days",
    "starred",
    "important_dates",
    "facts",
    "notes",
    "id",
    "introduced_by",
    "cadence_snoozed_until",
    "created_at",
)
HEADER_LINE = ",".join(CONTACT_COLUMNS)
# The header of files written before `id` and the columns after it existed.
OLDER_HEADER_LINE = HEADER_LINE[: HEADER_LINE.index(",id,")]
NO_CADENCE = "none"  # cadence_days of someone with no keep-in-touch at all

SEPARATOR = " | "
BOM = "\ufeff"
LINE_END = "\r\n"
# Cells starting with one of these get a leading apostrophe (see the module docstring).
# netui.store.bulk repeats these rules (and escape()'s, and the csv module's quoting) in SQL,
# to build an export's lines in the database; tests/exchange/test_export_speed_guards.py holds
# the two writers to the same bytes.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
QUOTE = "'"

# Channels with a column of their own; all other kinds go to other_channels.
KIND_COLUMNS = {"email": "emails", "phone": "phones", "linkedin": "linkedin", "website": "websites"}
_TRUE = ("yes", "y", "true", "1", "x")
_FALSE = ("no", "n", "false", "0", "")
# What a channel that cannot be read is called in the notes ("e-mail as exported: ...").
_AS_EXPORTED = {"email": "e-mail", "phone": "phone", "linkedin": "LinkedIn URL", "website": "websites"}
_DATE_ITEM = re.compile(r"(\S+)(?:\s+remind\s+(\d+))?", re.IGNORECASE)


@dataclass
class NetuiPerson(IncomingPerson):
    """An IncomingPerson with what only netui's own CSV carries."""

    # The columns after `notes` (see the module docstring); `id` and `introduced_by` are
    # IncomingPerson.file_id and introduced_by_file_id.
    cadence_off: bool = False
    cadence_snoozed_until: dt.date | None = None
    created_at: dt.datetime | None = None


# --- cells ---------------------------------------------------------------------------------


_NEEDS_QUOTE = frozenset((*FORMULA_STARTS, QUOTE))


def neutralise(cell: str) -> str:
    """The cell as written: with an apostrophe in front if a spreadsheet could run it."""
    return QUOTE + cell if cell and cell[0] in _NEEDS_QUOTE else cell


def restore(cell: str) -> str:
    """The inverse of `neutralise`: drop one leading apostrophe."""
    return cell[1:] if cell.startswith(QUOTE) else cell


def escape(value: str) -> str:
    """A value or label inside a multi-value cell: \\ | and = get a backslash in front."""
    if "\\" not in value and "|" not in value and "=" not in value:  # nearly always: nothing to do
        return value
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("=", "\\=")


def unescape(text: str) -> str:
    out, chars = [], iter(text)
    for ch in chars:
        out.append(next(chars, "\\") if ch == "\\" else ch)
    return "".join(out)


def _split_unescaped(text: str, sep: str, maxsplit: int = -1) -> list[str]:
    """Split at each `sep` not preceded by an escaping backslash; parts stay escaped."""
    parts, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == sep and maxsplit != 0:
            parts.append(text[start:i])
            start = i + 1
            maxsplit -= 1
        i += 1
    parts.append(text[start:])
    return parts


def join_values(items: Sequence[str]) -> str:
    """Several (already escaped) items in one cell."""
    return SEPARATOR.join(items)


def split_values(cell: str) -> list[str]:
    """The (still escaped) items of a multi-value cell, blank ones dropped."""
    return [part.strip() for part in _split_unescaped(cell, "|") if part.strip()]


def _labelled(label: str, value: str) -> str:
    return f"{escape(label)}={escape(value)}" if label else escape(value)


def _split_label(item: str) -> tuple[str, str] | None:
    """'work=a\\=b' -> ('work', 'a=b'); None when the item has no label."""
    parts = _split_unescaped(item, "=", maxsplit=1)
    if len(parts) == 1:
        return None
    return unescape(parts[0]).strip(), unescape(parts[1]).strip()


def _to_bytes(header: Sequence[str], rows: list[list[str]], excel: bool) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator=LINE_END)
    writer.writerow(header)
    needs_quote = _NEEDS_QUOTE
    # neutralise(), inlined: it runs on every cell of every row.
    writer.writerows([QUOTE + cell if cell and cell[0] in needs_quote else cell for cell in row] for row in rows)
    return ((BOM if excel else "") + buffer.getvalue()).encode("utf-8")


def _instant_utc(value) -> str:
    return value.in_timezone("UTC").strftime("%Y-%m-%dT%H:%M:%SZ") if value else ""


def _instant_in(value, zone: str) -> str:
    if not value:
        return ""
    try:
        return value.in_timezone(zone).isoformat()
    except Exception:  # an unknown zone name: fall back to UTC rather than fail the export
        return _instant_utc(value)


def _day(value) -> str:
    return value.isoformat() if value else ""


# --- contacts: writing ---------------------------------------------------------------------


def _channel_cells(person: ContactDetail) -> list[str]:
    """The emails, phones, linkedin, websites and other_channels cells."""
    if not person.channels:
        return ["", "", "", "", ""]
    columns: dict[str, list[str]] = {"emails": [], "phones": [], "linkedin": [], "websites": [], "other_channels": []}
    # Unlabelled first, labelled after (stable): the order an import puts them back in.
    for channel in sorted(person.channels, key=_has_label) if len(person.channels) > 1 else person.channels:
        column = KIND_COLUMNS.get(channel.kind)
        if column:
            columns[column].append(_labelled(channel.label, channel.value))
        else:
            head = f"{channel.kind}:{escape(channel.label)}" if channel.label else channel.kind
            columns["other_channels"].append(f"{head}={escape(channel.value)}")
    return [SEPARATOR.join(items) for items in columns.values()]


def _has_label(channel) -> bool:
    return bool(channel.label)


def _date_item(date) -> str:
    year = f"{date.year:04d}" if date.year else "-"
    text = f"{escape(date.label)}={year}-{date.month:02d}-{date.day:02d}"
    if date.remind_days_before != DEFAULT_REMIND_DAYS:
        text += f" remind {date.remind_days_before}"
    return text


def contact_row(person: ContactDetail) -> list[str]:
    """The cells of one contact, in CONTACT_COLUMNS order (before neutralising formulas).
    `person` may also have `cadence_off` and `cadence_snoozed_until` (exporting.CsvContact)."""
    dates = sorted(
        person.important_dates,
        key=lambda d: (d.month, d.day, d.year or 0, d.label, d.remind_days_before),
    )
    return [
        person.first_name, person.last_name, person.company, person.role, person.city, person.country,
        person.circle,
        join_values([escape(tag) for tag in sorted(set(person.tags))]),
        *_channel_cells(person),  # emails, phones, linkedin, websites, other_channels
        person.how_met,
        _cadence_cell(person),
        "yes" if person.starred else "no",
        join_values([_date_item(d) for d in dates]),
        join_values([_labelled(f.label, f.value) for f in person.facts]),
        person.notes,
        str(person.id),
        "" if person.introduced_by_id is None else str(person.introduced_by_id),
        _stored_day(getattr(person, "cadence_snoozed_until", None)),
        _stored_instant(person.created_at),
    ]


def _stored_day(value) -> str:
    """A day, or the text the database stores it as (exporting reads raw rows)."""
    return value if isinstance(value, str) else _day(value)


def _stored_instant(value) -> str:
    """An instant in UTC, or the UTC text the database stores ("2026-11-20 17:00:00")."""
    if isinstance(value, str):
        return f"{value[:10]}T{value[11:19]}Z"
    return _instant_utc(value)


def _cadence_cell(person) -> str:
    if getattr(person, "cadence_off", False):
        return NO_CADENCE
    return "" if person.cadence_days is None else str(person.cadence_days)


def write_contacts(people: list[ContactDetail], excel: bool = False) -> bytes:
    """The contacts as netui's CSV, one row each, in the order given."""
    return _to_bytes(CONTACT_COLUMNS, [contact_row(p) for p in people], excel)


def contact_lines(people: list[ContactDetail]) -> bytes:
    """The lines `write_contacts` writes after its header (contacts_file puts it back on)."""
    return write_contacts(people)[len(contacts_file(b"")):]


def contacts_file(lines: bytes, excel: bool = False) -> bytes:
    """The same file from its lines already written, UTF-8 (netui.store.bulk.contact_csv_lines:
    each cell as `contact_row` and the csv module write it, `introduced_by` empty when the
    introducer is not in the file): the header goes in front."""
    return contacts_header(excel) + lines


def contacts_header(excel: bool = False) -> bytes:
    """What comes before the lines in the file, UTF-8 (a big export writes it, then the lines,
    without copying them after it)."""
    return ((BOM if excel else "") + HEADER_LINE + LINE_END).encode("utf-8")


# --- contacts: reading ---------------------------------------------------------------------


def looks_like(text: str) -> bool:
    """True when the text starts with netui's contact header line."""
    first_line = text.removeprefix(BOM).split("\n", 1)[0].rstrip("\r")
    return first_line in (HEADER_LINE, OLDER_HEADER_LINE)


def _single_line(text: str) -> str:
    return " ".join(text.split())


class _Row:
    """One data row being read: its cells by column name, and the problems found (notes about
    the row: the person is imported all the same)."""

    def __init__(self, where: str, cells: dict[str, str], strict: bool = False):
        self.where = where
        self.cells = cells
        self.strict = strict  # a folder's contacts.csv: a problem stops the import, nothing is kept
        self.problems: list[Skipped] = []
        self.kept: list[str] = []  # values that cannot be read, for the person's notes

    def problem(self, column: str, reason: str) -> None:
        """A setting that cannot be read (cadence, star, an id...): ignored, and said so."""
        if self.strict:
            self.problems.append(Skipped(self.where, f"{column}: {reason}"))
            return
        self.problems.append(Skipped(self.where, _("ignored: {column}: {reason}", column=column, reason=reason)))

    def keep(self, column: str, reason: str, what: str, value: str) -> None:
        """A value about the person that cannot be read (an e-mail, a date...): kept in their
        notes as exported, as every reader keeps it (text.as_exported), and said so."""
        if self.strict:
            self.problems.append(Skipped(self.where, f"{column}: {reason}"))
            return
        self.problems.append(Skipped(self.where, _("kept in the notes: {column}: {reason}", column=column,
                                                   reason=reason)))
        self.kept.append(as_exported(what, value))


def _add_channel(person: NetuiPerson, kind: str, value: str, label: str) -> None:
    if label:
        person.other_channels.append((kind, value, label))
    elif kind == "email":
        person.emails.append(value)
    elif kind == "phone":
        person.phones.append(value)
    elif kind == "linkedin":
        person.linkedin.append(value)
    elif kind == "website":
        person.websites.append(value)
    else:
        person.other_channels.append((kind, value, ""))


def _read_channels(row: _Row, person: NetuiPerson) -> None:
    for kind, column in KIND_COLUMNS.items():
        for item in split_values(row.cells.get(column, "")):
            label, value = _split_label(item) or ("", unescape(item))
            try:
                _kind, value = validate_channel(kind, value)
            except ValidationError as error:
                row.keep(column, error.message, _AS_EXPORTED[kind], value)
                continue
            _add_channel(person, kind, value, label)
    for item in split_values(row.cells.get("other_channels", "")):
        parts = _split_unescaped(item, "=", maxsplit=1)
        if len(parts) == 1:
            row.keep("other_channels", _("'{item}' is not kind=value (e.g. x=@name).", item=unescape(item)),
                     "other_channels", unescape(item))
            continue
        kind, _colon, label = parts[0].partition(":")
        kind, label, value = kind.strip().lower(), unescape(label).strip(), unescape(parts[1])
        if kind not in CHANNEL_KINDS:
            row.keep("other_channels", _("'{kind}' is not a channel; use one of: {kinds}.", kind=kind,
                                         kinds=", ".join(CHANNEL_KINDS)), "other_channels", unescape(item))
            continue
        try:
            _kind, value = validate_channel(kind, value)
        except ValidationError as error:
            row.keep("other_channels", error.message, "other_channels", unescape(item))
            continue
        _add_channel(person, kind, value, label)


def _read_dates(row: _Row, person: NetuiPerson) -> None:
    for item in split_values(row.cells.get("important_dates", "")):
        pair = _split_label(item)
        if pair is None or not _single_line(pair[0]):
            row.keep("important_dates", _("'{item}' is not label=YYYY-MM-DD (or label=--MM-DD).", item=unescape(item)),
                     "important_dates", unescape(item))
            continue
        label, rest = _single_line(pair[0]), pair[1]
        match = _DATE_ITEM.fullmatch(rest)
        if not match:
            row.keep("important_dates", _("'{item}' is not a date; write YYYY-MM-DD, or --MM-DD without a year.",
                                          item=rest), label, rest)
            continue
        try:
            year, month, day = parse_important_date(match.group(1))
        except ValidationError as error:
            row.keep("important_dates", f"{label}: {error.message}", label, rest)
            continue
        if year is not None and not 1800 <= year <= 2200:
            row.keep("important_dates", _("{label}: {year} is not a plausible year.", label=label, year=year),
                     label, rest)
            continue
        person.important_dates.append((label, year, month, day))
        person.date_reminders.append(int(match.group(2)) if match.group(2) else DEFAULT_REMIND_DAYS)


def _read_facts(row: _Row, person: NetuiPerson) -> None:
    for item in split_values(row.cells.get("facts", "")):
        pair = _split_label(item)
        if pair is None:
            row.keep("facts", _("'{item}' is not label=value.", item=unescape(item)), "facts", unescape(item))
            continue
        label, value = _single_line(pair[0]), pair[1]
        if not label or not value:
            row.keep("facts", _("'{item}' needs both a label and a value.", item=unescape(item)), "facts",
                     unescape(item))
            continue
        person.facts.append((label, value))


def _read_person(row: _Row) -> NetuiPerson:
    cells = row.cells
    person = NetuiPerson(
        where=row.where,
        first_name=_single_line(cells.get("first_name", "")),
        last_name=_single_line(cells.get("last_name", "")),
        company=_single_line(cells.get("company", "")),
        role=_single_line(cells.get("role", "")),
        city=_single_line(cells.get("city", "")),
        country=_single_line(cells.get("country", "")),
        how_met=cells.get("how_met", ""),
        notes=cells.get("notes", ""),
    )
    if cells.get("circle", "").strip():
        try:
            person.circle = validate_circle(cells["circle"])
        except ValidationError as error:
            row.keep("circle", error.message, "circle", cells["circle"].strip())
    cadence = cells.get("cadence_days", "").strip()
    if cadence.lower() == NO_CADENCE:
        person.cadence_off = True
    else:
        try:
            person.cadence_days = validate_cadence(cadence)
        except ValidationError as error:
            row.problem("cadence_days", error.message)
    starred = cells.get("starred", "").strip().lower()
    if starred in _TRUE:
        person.starred = True
    elif starred not in _FALSE:
        row.problem("starred", _("'{value}' is not yes or no.", value=cells["starred"]))
    for item in split_values(cells.get("tags", "")):
        try:
            tag = normalise_tag(unescape(item))
        except ValidationError as error:
            row.keep("tags", error.message, "tag", unescape(item))
            continue
        if tag not in person.tags:
            person.tags.append(tag)
    _read_channels(row, person)
    _read_dates(row, person)
    _read_facts(row, person)
    _read_links(row, person)
    return person


def _read_links(row: _Row, person: NetuiPerson) -> None:
    """id, introduced_by, cadence_snoozed_until and created_at."""
    for column, name in (("id", "file_id"), ("introduced_by", "introduced_by_file_id")):
        value = row.cells.get(column, "").strip()
        if value and (not value.isascii() or not value.isdigit() or int(value) < 1):
            row.problem(column, _("'{value}' is not an id (a whole number from 1).", value=value))
        elif value:
            setattr(person, name, int(value))
    snoozed = row.cells.get("cadence_snoozed_until", "").strip()
    if snoozed:
        try:
            person.cadence_snoozed_until = dt.date.fromisoformat(snoozed) if len(snoozed) == 10 else None
        except ValueError:
            pass
        if person.cadence_snoozed_until is None:
            row.problem("cadence_snoozed_until", _("'{value}' is not a day written YYYY-MM-DD.", value=snoozed))
    created = row.cells.get("created_at", "").strip()
    if created:
        try:
            moment = dt.datetime.fromisoformat(created)
            person.created_at = moment.astimezone(dt.timezone.utc) if moment.tzinfo else None
        except (ValueError, OverflowError):  # not a date, or beyond year 1 to 9999 in UTC
            pass
        if person.created_at is None:
            row.problem("created_at", _("'{value}' is not a date and time with its offset, like 2026-11-20T17:00:00Z.",
                                        value=created))


def _check_links(result: ReadResult) -> None:
    """Ids given twice, and introducers who are not in the file: reported, the link dropped."""
    seen: dict[int, str] = {}
    for person in result.people:
        if person.file_id is None:
            continue
        if person.file_id in seen:
            result.notes.append(Skipped(person.where, _("id: {id} is the id of the row on {where} too; ignored",
                                                          id=person.file_id, where=seen[person.file_id])))
            person.file_id = None
        else:
            seen[person.file_id] = person.where
    for person in result.people:
        if person.introduced_by_file_id is not None and person.introduced_by_file_id not in seen:
            result.notes.append(Skipped(person.where, _("introduced_by: nobody in the file has the id {id}; ignored",
                                                          id=person.introduced_by_file_id)))
            person.introduced_by_file_id = None


def read(text: str, strict: bool = False) -> ReadResult:
    """The contacts in a netui CSV (pure: no database). Where: "line N", the row's first line.
    Malformed CSV (a quote never closed) is a ValidationError naming the line: nothing is read.
    A value that cannot be read is a note (`ReadResult.notes`): the person is read, the value
    kept in their notes or ignored. `strict` (a folder of tables, read all or nothing): such a
    value is in `skipped` instead, with only its column and reason."""
    result = ReadResult(FORMAT_NAME)
    if strict:  # the notes are problems, in the file's order among the rows skipped
        result.notes = result.skipped
    _read_into(result, text, strict)
    if strict:
        result.notes = []
    return result


def _read_into(result: ReadResult, text: str, strict: bool) -> None:
    source = io.StringIO(text.removeprefix(BOM), newline="")
    # strict: a quote never closed is an error, not the rest of the file read into one cell
    reader = csv.reader(source, strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except csv.Error as error:
        raise _unreadable(malformed(error, 1, 1)) from None
    except StopIteration:
        result.skipped.append(Skipped(line_where(1), _("the file is empty: no header line")))
        return
    if not _header_fits(result, header):
        return
    try:
        for start, cells in reader_records(reader):
            _read_row(result, header, start, cells, strict)
    except MalformedCsv as bad:  # the whole file is refused rather than read half-way
        raise _unreadable(bad) from None
    _check_links(result)


def _header_fits(result: ReadResult, header: list[str]) -> bool:
    """Whether the header line is netui's (columns it does not know are reported, and ignored)."""
    known = [name for name in header if name in CONTACT_COLUMNS]
    if not {"first_name", "last_name"} & set(known):
        result.skipped.append(
            Skipped(line_where(1), _("this is not netui's CSV: the first line should be {header}", header=HEADER_LINE))
        )
        return False
    for name in header:
        if name and name not in CONTACT_COLUMNS:
            result.notes.append(Skipped(line_where(1), _("{name}: not a netui column, ignored", name=name)))
    return True


def _read_row(result: ReadResult, header: list[str], start: int, cells: list[str], strict: bool = False) -> None:
    """One record: the person it holds (with notes on the values that cannot be read: kept in
    their notes, or ignored), or why it is skipped; cells beyond the header reported."""
    where = line_where(start)
    values = [restore(cell) for cell in cells]
    row = _Row(where, {name: value for name, value in zip(header, values) if name in CONTACT_COLUMNS}, strict)
    extra = [cell for cell in values[len(header):] if cell.strip()]
    if extra:
        row.problems.append(Skipped(
            where, _("{count} cells but the header has {width}: the extra ones are ignored",
                     count=len(cells), width=len(header))
        ))
    person = _read_person(row)
    if not person.name:
        result.skipped.append(Skipped(where, _("no name")))
        return
    person.notes = notes_keeping(person.notes, row.kept)
    result.people.append(person)
    result.notes.extend(row.problems)


def _unreadable(bad: MalformedCsv) -> ValidationError:
    """Malformed CSV: the file is refused as a whole (not the rows before it either), in the
    words every CSV reader uses (text.csv_records); importing.read_file names the file."""
    return ValidationError("file", _("{where}: {reason}, so the file cannot be read.",
                                     where=line_where(bad.line), reason=bad.reason))
