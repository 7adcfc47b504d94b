"""Google Contacts CSV (contacts.google.com -> Export -> "Google CSV").

`looks_like(text)` says whether a decoded file is one; `read(text)` returns a
netui.exchange.records.ReadResult ("Google Contacts"). Pure: no database, no clock.

Columns are found by name (case- and space-insensitively), so any number of
`E-mail N` / `Phone N` / `Website N` ... groups works, in any order. Two layouts:

* current (2022-): `First Name, Middle Name, Last Name, ..., File As, Organization Name,
  Organization Title, Organization Department, Birthday, Notes, Photo, Labels,
  E-mail 1 - Label, E-mail 1 - Value, ..., Phone N - ..., Address N - City/Country/...,
  Website N - ..., Event N - ..., Custom Field N - ...`;
* older: `Name, Given Name, Additional Name, Family Name, ..., Nickname, Birthday, ...,
  Notes, ..., Group Membership, E-mail 1 - Type, E-mail 1 - Value, ..., Organization 1 -
  Name, Organization 1 - Title, ...`.

The header is the first non-blank line (after an Excel `sep=;` line); the delimiter is
whatever it uses (`,`, or `;` from European Excel). A file whose header lacks a name column
and Google's `Labels` / `Group Membership` / `... N - Value` columns is not a Google export:
ValidationError("file", ...).

What becomes of a row:

* a cell holding several values separated by ` ::: ` is split (e-mails, phones, websites,
  labels);
* name: First/Given Name (+ Middle/Additional Name, appended to the first name) and
  Last/Family Name. Without them: `Name` (older layout), then `File As` ("Núñez, Ana" is
  read as last, first), then `Nickname`, then -- a contact that is only a business, like a
  plumber with a phone number -- the organisation name as the first name (the company is
  set too). A row with none of these is Skipped "no name" (an e-mail address alone is not
  made into a name: Google's "other contacts" are mostly that, and are not people you know);
* e-mails and phones: validated; an invalid one (Excel's `3.93E+11`, `call me`) does not
  stop the person: the notes get "e-mail as exported: ..." / "phone as exported: ...".
  Their labels (`* Work`, `Mobile`) become the channels' labels ("work", "mobile");
* Labels / Group Membership: `* myContacts` dropped, `* starred` sets `starred`; every other
  label becomes a tag via rules.normalise_tag, spaces and commas turned into `-`
  ("Book Club" -> `book-club`; system labels like `* Friends` lose their `* `); a label
  that still is no tag goes to the notes as "label as exported: ...";
* Birthday / Event N: `1990-04-15` or `--04-15` (Google's forms), and for files re-saved by
  Excel `15/04/1985`, `15.04.1985`, `15 Apr 1985` (numeric dates day-first in a
  `;`-separated file or when the file's dates prove it, else month-first) ->
  important_dates ("birthday" / the event's label in lower case, year or None, month, day).
  An impossible date: the person is imported without it and Skipped "birthday '...' is not
  a date" tells the user;
* Organization Name / Title -> company / role; Department, Nickname, Name Prefix/Suffix,
  Custom Field N, Relation N, IM N -> facts (a "Referred by" relation also names the introducer); Address N - City / Country -> city / country
  (the first address that has them); Website N -> LinkedIn profile URLs to `linkedin`
  (normalised), the others to `websites`; Notes -> notes (line breaks kept).
* more values than header columns: Skipped, with the counts.

`where` is "line N", N the physical line (1-based) on which the row starts -- Notes and
addresses may hold line breaks, so rows can span several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netui.rules import normalise_tag, split_name, validate_email, validate_phone
from netui.errors import ValidationError
from netui.exchange.formats.linkedin import profile_url
from netui.exchange.formats.text import (
    as_exported,
    notes_keeping,
    collect_rows,
    csv_records,
    guess_day_first,
    header_key,
    is_sep_hint,
    line_delimiter,
    parse_export_date,
    split_line,
    tidy,
    tidy_block,
)
from netui.i18n import _
from netui.exchange.records import IncomingPerson, ReadResult, Skipped
from netui.when import make_date

__all__ = ["FORMAT_NAME", "looks_like", "read", "label_tag"]

FORMAT_NAME = "Google Contacts"

# field -> header keys (text.header_key) naming it, current layout first
_SIMPLE = {
    "first": ("firstname", "givenname"),
    "middle": ("middlename", "additionalname"),
    "last": ("lastname", "familyname"),
    "name": ("name",),
    "file_as": ("fileas",),
    "nickname": ("nickname",),
    "prefix": ("nameprefix",),
    "suffix": ("namesuffix",),
    "company": ("organizationname", "organization1-name"),
    "role": ("organizationtitle", "organization1-title"),
    "department": ("organizationdepartment", "organization1-department"),
    "birthday": ("birthday",),
    "notes": ("notes",),
    "labels": ("labels", "groupmembership"),
}
_NAME_KEYS = {"firstname", "givenname", "lastname", "familyname", "name"}
_GOOGLE_KEYS = {"labels", "groupmembership"}
_GROUP = re.compile(r"(?P<kind>.+?)\s*(?P<n>\d+)\s*-\s*(?P<part>.+)")
_SPLIT = re.compile(r"\s*:::\s*")
_DROPPED_LABELS = {"mycontacts"}
_STARRED = "starred"
_ISO_BIRTHDAY = re.compile(r"(?:(\d{4})|-)-(\d{1,2})-(\d{1,2})")


@dataclass
class _Header:
    line: int
    delimiter: str
    width: int
    simple: dict[str, int]
    # (kind key, n) -> {part key: column}, e.g. ("e-mail", 1) -> {"label": 17, "value": 18}
    groups: dict[tuple[str, int], dict[str, int]] = field(default_factory=dict)

    def of(self, kind: str) -> list[dict[str, int]]:
        return [parts for (k, _n), parts in sorted(self.groups.items(), key=lambda i: i[0][1]) if k == kind]


def _find_header(text: str) -> _Header | None:
    lines = text.split("\n")
    for number, line in enumerate(lines[:5], start=1):
        if not line.strip() or is_sep_hint(line):
            continue
        hint = lines[number - 2].strip() if number > 1 and is_sep_hint(lines[number - 2]) else ""
        delimiter = hint[4:5] if hint else line_delimiter(line)
        cells = split_line(line, delimiter)
        keys = [header_key(cell) for cell in cells]
        simple: dict[str, int] = {}
        for name, candidates in _SIMPLE.items():
            index = next((i for key in candidates for i, k in enumerate(keys) if k == key), None)
            if index is not None:
                simple[name] = index
        groups: dict[tuple[str, int], dict[str, int]] = {}
        for index, cell in enumerate(cells):
            match = _GROUP.fullmatch(tidy(cell.replace("\ufeff", "")))
            if match:
                kind, part = header_key(match.group("kind")), header_key(match.group("part"))
                groups.setdefault((kind, int(match.group("n"))), {}).setdefault(part, index)
        has_name = bool(_NAME_KEYS & set(keys))
        google_marks = bool(_GOOGLE_KEYS & set(keys)) or any("value" in parts for parts in groups.values())
        if has_name and google_marks and "connectedon" not in keys:
            return _Header(number, delimiter, len(cells), simple, groups)
        return None  # the first non-blank line is the header, or there is none
    return None


def looks_like(text: str) -> bool:
    """True if the header line has a name column and Google's Labels / Group Membership or
    `... N - Value` columns."""
    return _find_header(text) is not None


def read(text: str) -> ReadResult:
    """The contacts in a Google Contacts CSV export (see the module doc)."""
    header = _find_header(text)
    if header is None:
        raise ValidationError(
            "file", _("This is not a Google Contacts export: its first line has no name column "
                      "with Google's Labels (or Group Membership) and 'E-mail 1 - Value' columns.")
        )
    records = list(csv_records(text, header.delimiter, first_line=header.line + 1))
    date_cells = [_get(row, header.simple.get("birthday")) for _line, row in records]
    date_cells += [_get(row, parts.get("value")) for _line, row in records for parts in header.of("event")]
    day_first = guess_day_first(date_cells, default=header.delimiter == ";")

    result = ReadResult(format_name=FORMAT_NAME)
    collect_rows(result, records, header.width, lambda where, row: _person(where, row, header, day_first))
    return result


def _get(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _values(row: list[str], index: int | None) -> list[str]:
    """The ` ::: `-separated values of a cell, tidied, empty ones left out."""
    return [value for part in _SPLIT.split(_get(row, index)) if (value := tidy(part))]


def _channel_label(row: list[str], parts: dict[str, int]) -> str:
    """An e-mail's or phone's label ("* Work" -> "work"; the star marks the primary one)."""
    cell = _values(row, parts.get("label", parts.get("type")))
    return cell[0].lstrip("*").strip().lower() if cell else ""


def _person(
    where: str, row: list[str], header: _Header, day_first: bool
) -> tuple[IncomingPerson | None, list[Skipped]]:
    person = IncomingPerson(where=where, company=_cell(row, header, "company"), role=_cell(row, header, "role"))
    nickname = _read_name(person, row, header)
    if not person.name:
        return None, [Skipped(where, _("no name"))]
    notes: list[str] = []
    problems: list[Skipped] = []
    for label, value in (
        ("nickname", nickname), ("name prefix", _cell(row, header, "prefix")),
        ("name suffix", _cell(row, header, "suffix")), ("department", _cell(row, header, "department")),
    ):
        if value:
            person.facts.append((label, value))
    _read_channels(person, row, header, notes)
    _read_labels(person, row, header, notes)
    _read_dates(person, row, header, day_first, problems)
    for parts in header.of("address"):  # the first city and country given
        person.city = person.city or next(iter(_values(row, parts.get("city"))), "")
        person.country = person.country or next(iter(_values(row, parts.get("country"))), "")
    _read_websites(person, row, header)
    _read_other_facts(person, row, header)
    person.notes = notes_keeping(tidy_block(_get(row, header.simple.get("notes"))), notes)
    return person, problems


def _cell(row: list[str], header: _Header, name: str) -> str:
    """A one-value column's cell, tidied ("" when the file has no such column)."""
    return tidy(_get(row, header.simple.get(name)))


def _read_name(person: IncomingPerson, row: list[str], header: _Header) -> str:
    """The person's first and last name, from the name columns, else the formatted name, the
    "File As" name, the nickname or the company; the nickname left over as a fact."""
    first, middle, last = (_cell(row, header, name) for name in ("first", "middle", "last"))
    nickname, name, file_as = (_cell(row, header, name) for name in ("nickname", "name", "file_as"))
    if first or last:
        person.first_name, person.last_name = " ".join(p for p in (first, middle) if p), last
    elif name:
        person.first_name, person.last_name = split_name(name)
    elif file_as:
        if "," in file_as:
            surname, _comma, given = file_as.partition(",")
            person.first_name, person.last_name = given.strip(), surname.strip()
        else:
            person.first_name, person.last_name = split_name(file_as)
    elif nickname:
        person.first_name, nickname = nickname, ""
    elif person.company:
        person.first_name = person.company
    return nickname


def _read_channels(person: IncomingPerson, row: list[str], header: _Header, notes: list[str]) -> None:
    """E-mails and phones with their labels; one that is not valid goes to the notes as exported."""
    for kind, group, validate in (("email", "e-mail", validate_email), ("phone", "phone", validate_phone)):
        for parts in header.of(group):
            label = _channel_label(row, parts)
            for value in _values(row, parts.get("value")):
                try:
                    person.add_channel(kind, validate(value), label)
                except ValidationError:
                    notes.append(as_exported("e-mail" if kind == "email" else "phone", value))


def _read_labels(person: IncomingPerson, row: list[str], header: _Header, notes: list[str]) -> None:
    """Google's labels: tags, and the star; the system ones left out."""
    for label in _values(row, header.simple.get("labels")):
        key = header_key(label.lstrip("*"))
        if key in _DROPPED_LABELS:
            continue
        if key == _STARRED:
            person.starred = True
            continue
        tag = label_tag(label)
        if tag is None:
            notes.append(as_exported("label", label))
        elif tag not in person.tags:
            person.tags.append(tag)


def _read_dates(person: IncomingPerson, row: list[str], header: _Header, day_first: bool,
                problems: list[Skipped]) -> None:
    """The birthday and the events as important dates; one that is not a date is reported."""
    where = person.where
    birthday = _cell(row, header, "birthday")
    if birthday:
        date = _date(birthday, day_first)
        if date is None:
            problems.append(Skipped(where, _("birthday '{value}' is not a date", value=birthday)))
        else:
            person.important_dates.append(("birthday", *date))
    for parts in header.of("event"):
        labels = _values(row, parts.get("label"))
        for position, value in enumerate(_values(row, parts.get("value"))):
            label = (labels[position] if position < len(labels) else "").lstrip("* ").lower() or "event"
            date = _date(value, day_first)
            if date is None:
                problems.append(Skipped(where, _("{label} '{value}' is not a date", label=label, value=value)))
            else:
                person.important_dates.append((label, *date))


def _read_websites(person: IncomingPerson, row: list[str], header: _Header) -> None:
    """Websites; a LinkedIn profile among them is their LinkedIn."""
    for parts in header.of("website"):
        for value in _values(row, parts.get("value")):
            normal = profile_url(value)
            if normal:
                if normal not in person.linkedin:
                    person.linkedin.append(normal)
            elif value not in person.websites:
                person.websites.append(value)


def _read_other_facts(person: IncomingPerson, row: list[str], header: _Header) -> None:
    """Custom fields, relations and instant messaging, as facts."""
    for kind, default in (("customfield", "custom field"), ("relation", "relation"), ("im", "IM")):
        for parts in header.of(kind):
            labels = _values(row, parts.get("label")) or _values(row, parts.get("type"))
            for position, value in enumerate(_values(row, parts.get("value"))):
                label = labels[position] if position < len(labels) else ""
                label = label.lstrip("* ") or default
                if kind == "im" and label != default:
                    label = f"IM ({label})"
                if kind == "relation" and label.casefold() == "referred by" and not person.introduced_by_name:
                    person.introduced_by_name = value  # also kept as a fact: nothing lost if nobody is found
                person.facts.append((label, value))


def label_tag(label: str) -> str | None:
    """A Google label (or an Outlook category) as a netui tag: `* ` dropped, spaces and commas as `-`; None if it
    still is not a tag."""
    text = re.sub(r"[\s,#]+", "-", label.lstrip("*").strip()).strip("-")
    text = re.sub(r"-{2,}", "-", text)
    try:
        return normalise_tag(text)
    except ValidationError:
        return None


def _date(value: str, day_first: bool) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a birthday or event, or None if it is not a date."""
    match = _ISO_BIRTHDAY.fullmatch(value.strip())
    try:
        if match:
            year = int(match.group(1)) if match.group(1) else None
            month, day = int(match.group(2)), int(match.group(3))
            make_date(year, month, day, "date")
        else:
            parsed = parse_export_date(value, day_first=day_first, two_digit_years=False)
            year, month, day = parsed.year, parsed.month, parsed.day
    except ValidationError:
        return None
    if year is not None and not 1800 <= year <= 2200:  # as contacts.add_important_date
        return None
    return year, month, day
