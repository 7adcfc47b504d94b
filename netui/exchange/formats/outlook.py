"""Outlook contacts CSV (Outlook desktop: File -> Open & Export -> Import/Export -> "Comma
Separated Values"; outlook.com / Microsoft 365: People -> Manage -> Export contacts).

`looks_like(text)` says whether a decoded file is one; `read(text)` returns a
netui.exchange.records.ReadResult ("Outlook CSV"). Pure: no database, no clock.

Columns are found by name -- case-, space- and accent-insensitively, in any order, any
subset -- so both layouts and both languages read the same way:

* outlook.com / Microsoft 365: `First Name, Middle Name, Last Name, Title, Suffix, Nickname,
  Given Yomi, Surname Yomi, E-mail Address, E-mail 2 Address, E-mail 3 Address, Home Phone,
  ..., Mobile Phone, ..., IMAddress, Job Title, Department, Company, Office Location, ...,
  Business Street, Business City, ..., Home City, ..., Personal Web Page, Spouse, Schools,
  Hobby, Location, Web Page, Birthday, Anniversary, Notes`;
* Outlook desktop: `Title, First Name, Middle Name, Last Name, Suffix, Company, Department,
  Job Title, Business Street, ..., Business City, ..., Business Country/Region, Home ...,
  Assistant's Phone, Business Fax, Business Phone, ..., Mobile Phone, ..., Anniversary,
  ..., Birthday, Categories, Children, ..., E-mail Address, E-mail Type, E-mail Display
  Name, E-mail 2 Address, ..., Hobby, ..., Notes, ..., Spouse, User 1, ..., Web Page`;
* Italian Outlook: `Titolo, Nome, Secondo nome, Cognome, Titolo straniero, Società, Reparto,
  Posizione, ..., Città (uff.), ..., Paese/area geografica (uff.), ..., Ufficio, Ufficio 2,
  ..., Abitazione, ..., Cellulare, ..., Anniversario, Categorie, Compleanno, Figli, Hobby,
  ..., Nome coniuge/partner, ..., Notes (or Note), ..., Pagina Web, ..., Indirizzo posta
  elettronica, Tipo posta elettronica, ...` (and the shorter names some versions write:
  Posta elettronica, Telefono ufficio, Telefono abitazione, Qualifica, Coniuge).

The header is the first non-blank line (after an Excel `sep=;` line); the delimiter is the
one it uses (`,`; `;` from European Excel). Outlook writes Windows-1252 or UTF-8 with a BOM;
text.decode reads both. A header with a name column (First Name / Last Name, Nome / Cognome)
and one of Outlook's own columns (E-mail Address, Mobile Phone, Business Phone, Job Title,
Indirizzo posta elettronica, Cellulare, Ufficio, ...) is an Outlook export; anything else is
ValidationError("file", ...).

What becomes of a row:

* name: First + Middle (appended to the first name) and Last; without them the nickname, the
  e-mail's display name ("Giulia Rossi (giulia@acme.it)" -> Giulia Rossi), then -- a business
  card, like a plumber's -- the company. A row with none of these is Skipped "no name";
* Company -> company, Job Title -> role, Business City else Home City else Other City ->
  city, the country likewise; Notes -> notes (line breaks kept);
* e-mails (no label: Outlook gives them none); an Exchange-internal address (`/O=...`, type
  EX) is no e-mail anyone can write to: left out and reported. Phones with their labels:
  Mobile -> "mobile", Business / Company Main -> "work", Home -> "home", Primary -> "main",
  Pager -> "pager", the faxes -> "work fax" / "home fax" / "fax", the rest by their kind.
  An e-mail or phone that is not valid goes to the notes as exported, as Google's reader does;
* Web Page / Personal Web Page -> websites (a LinkedIn profile -> linkedin);
* Categories -> tags (`;`-separated, as Google's labels: "Holiday Cards" -> holiday-cards;
  from contacts.google.com's "Outlook CSV" export, `* myContacts` dropped, `* starred` stars);
* Spouse -> fact "partner", Children -> "kids", Hobby, Schools -> "school", Nickname,
  Title / Suffix -> "name prefix" / "name suffix", Department, Profession, Manager's Name ->
  "manager", Assistant's Name -> "assistant", Office Location -> "office", Referred By,
  IMAddress -> "IM", User 1-4 -> facts;
* Birthday / Anniversary -> important dates "birthday" / "anniversary". Outlook writes
  `0/0/00` (or nothing) for none, and the year 1604 for a day without a year. Numeric dates
  are read day-first or month-first as the file's own dates prove (a first number above 12
  proves day-first); without proof, as the header's language says (Italian: day-first), or
  a `;`-separated file (European Excel: day-first); failing all of that, a date like
  `4/5/1985` could be either: the person is imported without it, it is kept in the notes and
  the report says why. An impossible date (31/02) likewise;
* more values than header columns: the row is Skipped whole, with the counts.

`where` is "line N", N the physical line (1-based) on which the row starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netui.errors import ValidationError
from netui.exchange.formats.google import label_tag
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
from netui.exchange.records import IncomingPerson, ReadResult, Skipped
from netui.i18n import _
from netui.rules import PLAUSIBLE_YEARS, validate_email, validate_phone
from netui.text import fold

__all__ = ["FORMAT_NAME", "looks_like", "read"]

FORMAT_NAME = "Outlook CSV"

# field -> the column keys (_key: no spaces, no accents, case-folded) naming it: English, then Italian
_SIMPLE = {
    "first": ("firstname", "nome"),
    "middle": ("middlename", "secondonome"),
    "last": ("lastname", "cognome"),
    "nickname": ("nickname", "soprannome"),
    "company": ("company", "societa"),
    "role": ("jobtitle", "posizione", "qualifica"),
    "display_name": ("e-maildisplayname", "nomevisualizzatopostaelettronica"),
    "email_type": ("e-mailtype", "tipopostaelettronica"),
    "birthday": ("birthday", "compleanno"),
    "anniversary": ("anniversary", "anniversario"),
    "notes": ("notes", "note"),
    "categories": ("categories", "categorie"),
}
# where they live, most telling first: (city keys, country keys)
_PLACES = (
    (("businesscity", "citta(uff.)"),
     ("businesscountry/region", "businesscountry", "paese/areageografica(uff.)", "paese(uff.)")),
    (("homecity", "citta(ab.)"), ("homecountry/region", "homecountry", "paese/areageografica(ab.)", "paese(ab.)")),
    (("othercity", "altracitta"), ("othercountry/region", "othercountry", "altropaese/areageografica")),
)
_EMAILS = (
    ("e-mailaddress", "indirizzopostaelettronica", "postaelettronica", "indirizzodipostaelettronica"),
    ("e-mail2address", "indirizzopostaelettronica2", "postaelettronica2", "indirizzodipostaelettronica2"),
    ("e-mail3address", "indirizzopostaelettronica3", "postaelettronica3", "indirizzodipostaelettronica3"),
)
# (label, column keys), in the order a person's phones are listed
_PHONES = (
    ("mobile", ("mobilephone", "cellulare")),
    ("work", ("businessphone", "ufficio", "telefonoufficio")),
    ("work", ("businessphone2", "ufficio2", "telefonoufficio2")),
    ("work", ("companymainphone", "telefonoprincipalesocieta")),
    ("home", ("homephone", "abitazione", "telefonoabitazione")),
    ("home", ("homephone2", "abitazione2", "telefonoabitazione2")),
    ("main", ("primaryphone", "telefonoprincipale")),
    ("other", ("otherphone", "altrotelefono")),
    ("car", ("carphone", "telefonoauto")),
    ("assistant", ("assistant'sphone", "telefonoassistente")),
    ("pager", ("pager", "cercapersone")),
    ("work fax", ("businessfax", "fax(uff.)")),
    ("home fax", ("homefax", "fax(ab.)")),
    ("fax", ("otherfax", "altrofax")),
    ("callback", ("callback", "richiamataautomatica")),
    ("radio", ("radiophone", "radiotelefono")),
    ("ISDN", ("isdn",)),
    ("TTY/TDD", ("tty/tddphone", "telefonotty/tdd")),
    ("telex", ("telex",)),
)
_WEBSITES = (("", ("webpage", "paginaweb")), ("personal", ("personalwebpage", "paginawebpersonale")))
# (fact label, column keys); User 1-4 keep the column's own name as their label
_FACTS = (
    ("name prefix", ("title", "titolo")),
    ("name suffix", ("suffix", "titolostraniero", "suffisso")),
    ("department", ("department", "reparto")),
    ("profession", ("profession", "professione")),
    ("partner", ("spouse", "nomeconiuge/partner", "coniuge")),
    ("kids", ("children", "figli")),
    ("hobby", ("hobby",)),
    ("school", ("schools", "scuole", "scuola")),
    ("manager", ("manager'sname", "nomemanager")),
    ("assistant", ("assistant'sname", "nomeassistente")),
    ("office", ("officelocation", "ubicazioneufficio")),
    ("referred by", ("referredby", "presentatoda")),
    ("IM", ("imaddress", "indirizzoim")),
)
_USER_FIELDS = re.compile(r"(?:user|utente)[1-4]")
_NAME_KEYS = {"firstname", "lastname", "nome", "cognome"}
_ITALIAN_NAME_KEYS = {"nome", "cognome", "secondonome"}
# columns only an Outlook export has together with a name column
_OUTLOOK_KEYS = {
    "e-mailaddress", "e-mail2address", "mobilephone", "businessphone", "homephone", "jobtitle", "businesscity",
    "indirizzopostaelettronica", "postaelettronica", "cellulare", "ufficio", "telefonoufficio", "abitazione",
    "citta(uff.)", "posizione",
}
_CATEGORY_SPLIT = re.compile(r"\s*(?:;|:::)\s*")
_NO_DATE = re.compile(r"[0\s/.\-]*")  # "0/0/00", "00.00.0000": Outlook's "none"
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_NO_YEAR = {1601, 1604}  # what Outlook / Exchange write for a birthday without a year
_DISPLAY_EMAIL = re.compile(r"\s*\([^()]*@[^()]*\)\s*$")  # "Giulia Rossi (giulia@acme.it)"


def _key(cell: str) -> str:
    return header_key(fold(cell))


@dataclass
class _Header:
    line: int
    delimiter: str
    width: int
    keys: list[str]
    names: list[str]  # the cells as written (User 1 facts are labelled with them)
    italian: bool

    def column(self, candidates: tuple[str, ...]) -> int | None:
        return next((i for key in candidates for i, k in enumerate(self.keys) if k == key), None)


def _find_header(text: str) -> _Header | None:
    lines = text.split("\n")
    for number, line in enumerate(lines[:5], start=1):
        if not line.strip() or is_sep_hint(line):
            continue
        hint = lines[number - 2].strip() if number > 1 and is_sep_hint(lines[number - 2]) else ""
        delimiter = hint[4:5] if hint else line_delimiter(line)
        cells = split_line(line, delimiter)
        keys = [_key(cell) for cell in cells]
        present = set(keys)
        if _NAME_KEYS & present and _OUTLOOK_KEYS & present and "connectedon" not in present:
            return _Header(number, delimiter, len(cells), keys, [tidy(c.replace("\ufeff", "")) for c in cells],
                           italian=bool(_ITALIAN_NAME_KEYS & present))
        return None  # the first non-blank line is the header, or there is none
    return None


def looks_like(text: str) -> bool:
    """True if the header line has a name column and one of Outlook's own columns."""
    return _find_header(text) is not None


def read(text: str) -> ReadResult:
    """The contacts in an Outlook CSV export (see the module doc)."""
    header = _find_header(text)
    if header is None:
        raise ValidationError(
            "file", _("This is not an Outlook contacts export: its first line has no name column (First Name, "
                      "Last Name) with Outlook's E-mail Address, Mobile Phone or Business Phone columns.")
        )
    records = list(csv_records(text, header.delimiter, first_line=header.line + 1))
    day_first = _day_first(header, records)
    result = ReadResult(format_name=FORMAT_NAME)
    collect_rows(result, records, header.width, lambda where, row: _person(where, row, header, day_first))
    return result


def _day_first(header: _Header, records: list[tuple[int, list[str]]]) -> bool | None:
    """Whether the file's numeric dates put the day first: as its own dates prove, else as
    the header's language or a `;` delimiter says; None when nothing tells."""
    columns = [header.column(_SIMPLE[name]) for name in ("birthday", "anniversary")]
    cells = [_get(row, index) for _line, row in records for index in columns]
    proved = guess_day_first(cells, default=True)
    if proved == guess_day_first(cells, default=False):
        return proved
    if header.italian or header.delimiter == ";":
        return True
    return None


def _get(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _cell(row: list[str], header: _Header, candidates: tuple[str, ...]) -> str:
    return tidy(_get(row, header.column(candidates)))


def _person(
    where: str, row: list[str], header: _Header, day_first: bool | None
) -> tuple[IncomingPerson | None, list[Skipped]]:
    def cell(name: str) -> str:
        return _cell(row, header, _SIMPLE[name])

    person = IncomingPerson(where=where, company=cell("company"), role=cell("role"))
    nickname = _read_name(person, cell)
    if not person.name:
        return None, [Skipped(where, _("no name"))]
    notes: list[str] = []
    problems: list[Skipped] = []
    if nickname:
        person.facts.append(("nickname", nickname))
    _read_emails(person, row, header, notes, problems)
    _read_phones(person, row, header, notes)
    _read_place(person, row, header)
    _read_websites(person, row, header)
    _read_categories(person, cell("categories"), notes)
    _read_facts(person, row, header)
    for label in ("birthday", "anniversary"):
        _read_date(person, label, cell(label), day_first, notes, problems)
    person.notes = notes_keeping(tidy_block(_get(row, header.column(_SIMPLE["notes"]))), notes)
    return person, problems


def _read_name(person: IncomingPerson, cell) -> str:
    """First and last name from the name columns, else the nickname, the e-mail's display
    name or the company; returns the nickname left over as a fact."""
    first, middle, last, nickname = (cell(name) for name in ("first", "middle", "last", "nickname"))
    if first or last:
        person.first_name, person.last_name = " ".join(p for p in (first, middle) if p), last
        return nickname
    display = _DISPLAY_EMAIL.sub("", cell("display_name"))
    if nickname:
        person.first_name = nickname
    elif display and "@" not in display:
        person.first_name, _space, person.last_name = display.rpartition(" ")
        if not person.first_name:
            person.first_name, person.last_name = person.last_name, ""
    elif person.company:
        person.first_name = person.company
    return ""


def _read_emails(person: IncomingPerson, row: list[str], header: _Header, notes: list[str],
                 problems: list[Skipped]) -> None:
    """E-mails; an Exchange-internal address is reported, an invalid one kept in the notes."""
    for candidates in _EMAILS:
        value = _cell(row, header, candidates)
        if not value:
            continue
        if value.startswith("/"):  # "/O=ExchangeLabs/OU=...": Exchange's own name for a mailbox
            problems.append(Skipped(person.where, _(
                "e-mail '{value}' is an Exchange address, not an e-mail address; it is left out",
                value=value)))
            continue
        try:
            person.add_channel("email", validate_email(value))
        except ValidationError:
            notes.append(as_exported("e-mail", value))


def _read_phones(person: IncomingPerson, row: list[str], header: _Header, notes: list[str]) -> None:
    for label, candidates in _PHONES:
        value = _cell(row, header, candidates)
        if not value:
            continue
        try:
            person.add_channel("phone", validate_phone(value), label)
        except ValidationError:
            notes.append(as_exported("phone", value))


def _read_place(person: IncomingPerson, row: list[str], header: _Header) -> None:
    """The first city and the first country given: business, then home, then other."""
    for city, country in _PLACES:
        person.city = person.city or _cell(row, header, city)
        person.country = person.country or _cell(row, header, country)


def _read_websites(person: IncomingPerson, row: list[str], header: _Header) -> None:
    """Web pages; a LinkedIn profile among them is their LinkedIn."""
    for label, candidates in _WEBSITES:
        value = _cell(row, header, candidates)
        if not value:
            continue
        profile = profile_url(value)
        if profile:
            person.add_channel("linkedin", profile)
        else:
            person.add_channel("website", value, label)


def _read_categories(person: IncomingPerson, categories: str, notes: list[str]) -> None:
    """Outlook's categories as tags; one that cannot be a tag goes to the notes. Google's
    "Outlook CSV" export writes its labels here: `myContacts` is dropped, `starred` stars."""
    for category in (c for c in _CATEGORY_SPLIT.split(categories) if c):
        key = header_key(category.lstrip("*"))
        if key == "mycontacts":
            continue
        if key == "starred":
            person.starred = True
            continue
        tag = label_tag(category)
        if tag is None:
            notes.append(as_exported("label", category))
        elif tag not in person.tags:
            person.tags.append(tag)


def _read_facts(person: IncomingPerson, row: list[str], header: _Header) -> None:
    for label, candidates in _FACTS:
        value = _cell(row, header, candidates)
        if value:
            person.facts.append((label, value))
    for index, key in enumerate(header.keys):
        value = tidy(_get(row, index)) if _USER_FIELDS.fullmatch(key) else ""
        if value:
            person.facts.append((header.names[index], value))


def _read_date(person: IncomingPerson, label: str, value: str, day_first: bool | None,
               notes: list[str], problems: list[Skipped]) -> None:
    """A birthday or anniversary as an important date; one that cannot be read is reported
    and kept in the notes, the person imported without it."""
    if _NO_DATE.fullmatch(value):
        return
    date, reason = _date(value, day_first, label)
    if date is not None:
        person.important_dates.append((label, *date))
        return
    problems.append(Skipped(person.where, reason))
    notes.append(as_exported(label, value))


def _date(value: str, day_first: bool | None, label: str) -> tuple[tuple[int | None, int, int] | None, str]:
    """((year or None, month, day), "") or (None, why it is not read)."""
    numeric = _NUMERIC_DATE.fullmatch(value)
    if numeric and day_first is None and numeric.group(2) != ".":
        first, second = int(numeric.group(1)), int(numeric.group(3))
        if first != second and first <= 12 and second <= 12:
            return None, _ambiguous(label, value)
        day_first = first > 12
    try:
        parsed = parse_export_date(value, day_first=bool(day_first), two_digit_years=False)
    except ValidationError:
        return None, _not_a_date(label, value)
    if parsed.year in _NO_YEAR:
        return (None, parsed.month, parsed.day), ""
    if parsed.year not in PLAUSIBLE_YEARS:
        return None, _not_a_date(label, value)
    return (parsed.year, parsed.month, parsed.day), ""


def _not_a_date(label: str, value: str) -> str:
    if label == "birthday":
        return _("birthday '{value}' is not a date", value=value)
    return _("anniversary '{value}' is not a date", value=value)


def _ambiguous(label: str, value: str) -> str:
    if label == "birthday":
        return _("birthday '{value}' could be day/month or month/day and the file does not say which; "
                 "it is kept in the notes", value=value)
    return _("anniversary '{value}' could be day/month or month/day and the file does not say which; "
             "it is kept in the notes", value=value)
