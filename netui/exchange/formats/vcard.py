"""vCard files (.vcf): address books from phones and mail clients in, netui's contacts out.

Reading (`read`) takes vCard 2.1, 3.0 and 4.0, one card at a time, so that one broken card
is reported (Skipped("card 3", why)) while the others import:

- netui splits the text into cards itself (BEGIN:VCARD ... END:VCARD; see vcard_lines); a
  card whose END:VCARD is missing is reported and reading goes on at the next BEGIN:VCARD.
- vobject reads each card's lines: unfolding, quoted-printable soft line breaks, 2.1 bare
  parameters (`TEL;CELL:`), parameter lists and charsets. When it cannot, a repaired copy of
  the card is tried: PHOTO / LOGO / SOUND / KEY blobs (base64, data: URIs) dropped, and
  quoted-printable values decoded by netui, replacing bytes not valid in their charset.
- netui decodes the values itself rather than through vobject's text behaviours, because
  those keep only what comes before the first unescaped comma: vCard 2.1 never escapes
  commas ("NOTE:...WARRANTIES, INCLUDING...") and many 3.0 writers forget to
  ("FN:Mr. John Richter, James Doe Sr.").

What a card becomes: N (family / given) gives the name, FN only when N is empty ("Doe, John"
is read as John Doe); ORG's first component the company (the others a "department" fact);
TITLE the role; EMAIL / TEL validated (what fails validation is kept in the notes as "e-mail
as exported: ..."); the preferred ADR (else the first with a city or country) the city and
country, every ADR also an "address" fact; BDAY, ANNIVERSARY (and the X-ANNIVERSARY,
X-MS-ANNIVERSARY, X-EVOLUTION-ANNIVERSARY, Apple X-ABDATE variants) important dates, with or
without a year (one that is not a date, or 31 February, kept in the notes as exported); NOTE the notes; URL a LinkedIn profile or a website; CATEGORIES the tags
(spaces become "-"; Android's "My Contacts" group is not a tag, "Starred in Android" stars);
X-SOCIALPROFILE / IMPP / X-AIM-like instant-messaging properties channels; NICKNAME,
X-ABRELATEDNAMES, spouse / manager / assistant properties facts; netui's own X-NETUI-*
properties (written by `write`) circle, cadence, star, how met, facts and other channels;
netui's UID (contact-12@netui) and X-NETUI-INTRODUCED-BY link who introduced whom.

A card without N and FN is named after its NICKNAME, else its ORG (a business's card). One
with none of these is skipped, with the e-mail or phone it holds in the reason so the person
can be found: an e-mail address alone is not made into a name (mail clients collect such
cards from every message; they are not people you know).

Writing (`write`) produces vCard 3.0 (default) or 4.0 with vobject, one card per contact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import vobject
from vobject.base import ContentLine
from vobject.vcard import Address, Name

import netui
from netui import when
from netui.rules import (
    normalise_tag,
    split_name,
    validate_circle,
    validate_email,
    validate_phone,
)
from netui.errors import ValidationError
from netui.i18n import _
from netui.exchange.formats.text import as_exported
from netui.exchange.formats.vcard_lines import BEGIN, UnreadableCard, cards, properties
from netui.exchange.records import DEFAULT_REMIND_DAYS, IncomingPerson, ReadResult, Skipped

if TYPE_CHECKING:
    from netui.contacts import ContactDetail

FORMAT_NAME = "vCard"
_NETUI_UID = re.compile(r"contact-(\d+)@netui")
VERSIONS = ("3.0", "4.0")
PRODID = f"-//netui//netui {netui.__version__}//EN"

_LINKEDIN_PROFILE = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[^\s]+$", re.IGNORECASE
)
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_DATE_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
_PLAUSIBLE_YEARS = range(1800, 2201)  # what netui stores (contacts.add_important_date)
_ANNIVERSARY_PROPERTIES = ("ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY")
_IM_PROPERTIES = {
    "X-AIM": "AIM", "X-ICQ": "ICQ", "X-JABBER": "Jabber", "X-MSN": "MSN", "X-YAHOO": "Yahoo",
    "X-SKYPE": "Skype", "X-SKYPE-USERNAME": "Skype", "X-GTALK": "Google Talk",
    "X-GOOGLE-TALK": "Google Talk", "X-QQ": "QQ", "X-MS-IMADDRESS": "IM",
}
_RELATION_PROPERTIES = {
    "X-SPOUSE": "spouse", "X-MS-SPOUSE": "spouse", "X-EVOLUTION-SPOUSE": "spouse",
    "X-MANAGER": "manager", "X-MS-MANAGER": "manager", "X-EVOLUTION-MANAGER": "manager",
    "X-ASSISTANT": "assistant", "X-MS-ASSISTANT": "assistant", "X-EVOLUTION-ASSISTANT": "assistant",
}
_SOCIAL_KINDS = {"linkedin": "linkedin", "twitter": "x", "x": "x", "instagram": "instagram", "facebook": "facebook"}
# Group names phones put on everyone: not worth a tag each.
_IGNORED_CATEGORIES = {"my contacts", "mycontacts"}
_STARRED_CATEGORIES = {"starred in android"}
_NAME_PREFIXES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dott", "dott.ssa", "ing", "avv"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}


def looks_like(text: str) -> bool:
    """True when the first non-blank line is BEGIN:VCARD (any case, after an optional BOM)."""
    for line in text[:4096].lstrip("\ufeff").splitlines():
        if line.strip():
            return bool(BEGIN.match(line))
    return False


# --- decoding values -------------------------------------------------------------------------

# \" is no vCard escape, but Google and Apple write it.
_ESCAPE = re.compile(r"\\([nN,;:\\\"])")


def _unescape(raw: str) -> str:
    text = _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_escaped(raw: str, separator: str) -> list[str]:
    """Split on the separator where it is not backslash-escaped; the parts stay escaped."""
    parts, current, index = [], [], 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw):
            current.append(raw[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _raw(line: ContentLine) -> str:
    value = line.value
    if isinstance(value, list):  # not expected from the line reader, but harmless
        value = ",".join(value)
    return value if isinstance(value, str) else ""


def _text(line: ContentLine) -> str:
    return _unescape(_raw(line)).strip()


def _components(line: ContentLine, lists: bool) -> list[str]:
    """A structured value (N, ADR, ORG): its ';' components, each unescaped. With `lists`
    (vCard 3.0 / 4.0) a component's ','-separated values are joined with a space."""
    parts = _split_escaped(_raw(line), ";")
    if not lists:
        return [_one_line(_unescape(p).replace("\n", ", ")) for p in parts]
    return [_one_line(" ".join(_unescape(v).replace("\n", ", ") for v in _split_escaped(p, ","))) for p in parts]


def _types(line: ContentLine) -> list[str]:
    found = []
    for value in line.params.get("TYPE", []):
        found += [t.strip().strip('"').lower() for t in value.split(",") if t.strip()]
    found += [p.lower() for p in line.singletonparams]
    if "PREF" in line.params:  # vCard 4.0: PREF=1
        found.append("pref")
    return found


def _param(line: ContentLine, name: str) -> str:
    values = line.params.get(name.upper(), [])
    return values[0].strip().strip('"') if values else ""


# TYPE values that say how a channel works rather than whose it is: not kept as its label.
_UNTELLING_TYPES = {"pref", "internet", "x400", "voice", "msg", "text", "x-internet", "uri"}
_LABEL_NAMES = {"cell": "mobile", "iphone": "mobile"}


def _label_text(label: str) -> str:
    """Apple's '_$!<Anniversary>!$_' -> 'anniversary'; Google's 'REFERRED_BY' -> 'referred by'."""
    label = label.strip()
    apple = re.fullmatch(r"_\$!<(.*)>!\$_", label)
    if apple:
        return apple.group(1).strip().lower()
    if re.fullmatch(r"[A-Z0-9_]+", label) or re.fullmatch(r"[A-Z][a-z]+", label):
        return label.replace("_", " ").lower()
    return label


def _parse_date(raw: str, line: ContentLine) -> tuple[int | None, int, int]:
    """'1990-04-15', '19900415', '--0415', '--04-15', '1990-04-15T00:00:00Z' -> (year, m, d).

    Raises ValueError (not a date) or ValidationError (an impossible day)."""
    value = raw.strip()
    day_part = value.split("T", 1)[0] if not value.upper().startswith("T") else ""
    no_year = _DATE_NO_YEAR.fullmatch(day_part)
    full = _DATE.fullmatch(day_part)
    if no_year:
        year, month, day = None, int(no_year.group(1)), int(no_year.group(2))
    elif full:
        year, month, day = int(full.group(1)), int(full.group(2)), int(full.group(3))
        omitted = _param(line, "X-APPLE-OMIT-YEAR")  # Apple writes 1604 for "no year"
        if year == 0 or (omitted and omitted == full.group(1)):
            year = None
    else:
        raise ValueError(value)
    when.make_date(year, month, day, "date")
    return year, month, day


def _first_last_from_fn(formatted: str) -> tuple[str, str]:
    """The first and last name in a formatted name: 'Giulia Rossi', 'Rossi, Giulia' (an
    unescaped comma: last name first), 'Dr. Anna Bianchi', 'John Doe, Jr.'."""
    words = formatted.replace(",", ", ").split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _NAME_PREFIXES:
        words = words[1:]
    text = " ".join(words).replace(" ,", ",")
    if text.count(",") == 1:
        before, after = (part.strip() for part in text.split(","))
        if after.rstrip(".").lower() in _NAME_SUFFIXES or not after:
            return split_name(f"{before} {after}".strip())
        if before and len(before.split()) <= 2 and len(after.split()) <= 2:
            return after, before
    return split_name(text.replace(",", " "))


# --- a card -> an IncomingPerson ------------------------------------------------------------


class _Collector:
    """What one card says, gathered property group by property group (the steps of _person)."""

    def __init__(self, lines: list[ContentLine], where: str, skipped: list[Skipped]):
        version = next((_text(line) for line in lines if line.name == "VERSION"), "3.0")
        self.person = IncomingPerson(where=where)
        self.lists = not version.startswith("2")
        self.skipped = skipped
        self.notes: list[str] = []
        self.as_exported: list[str] = []
        self.dates: dict[tuple[str, int, int], tuple[str, int | None, int, int]] = {}
        self.reminders: dict[tuple[str, int, int], int] = {}  # the days before each date to remind
        self.facts: list[tuple[str, str]] = []
        self.lines = lines
        self.by_name: dict[str, list[ContentLine]] = {}
        for line in lines:
            self.by_name.setdefault(line.name, []).append(line)
        self.group_labels = {
            line.group.lower(): _label_text(_text(line))
            for line in lines
            if line.name == "X-ABLABEL" and line.group
        }

    def lines_named(self, name: str) -> list[ContentLine]:
        return self.by_name.get(name, [])

    def label_of(self, line: ContentLine) -> str:
        """Apple's X-ABLabel of the line's group ("item1.EMAIL" -> item1.X-ABLabel)."""
        return self.group_labels.get((line.group or "").lower(), "")

    def fact(self, label: str, value: str) -> None:
        label, value = _one_line(label), value.strip()
        if label and value and (label, value) not in self.facts:
            self.facts.append((label, value))

    def channel(self, kind: str, value: str, label: str = "") -> None:
        value = value.strip()
        person = self.person
        if not value:
            return
        if kind == "linkedin":
            if value not in person.linkedin:
                person.linkedin.append(value)
        elif kind == "website":
            key = _url_key(value)
            for position, known in enumerate(person.websites):
                if _url_key(known) == key:
                    if "://" in value and "://" not in known:
                        person.websites[position] = value
                    return
            person.websites.append(value)
        elif all((kind, value.lower()) != (k, v.lower()) for k, v, _label in person.other_channels):
            person.other_channels.append((kind, value, label))

    def date(self, label: str, raw: str, line: ContentLine) -> None:
        if not raw.strip():
            return
        try:
            year, month, day = _parse_date(raw, line)
        except ValidationError as error:  # 31 February: kept in the notes, as every reader keeps it
            self.skipped.append(Skipped(self.person.where, _("{label} '{value}' kept in the notes: {reason}",
                                                               label=label, value=raw.strip(), reason=error.message)))
            self.as_exported.append(as_exported(label, raw.strip()))
            return
        except ValueError:
            self.skipped.append(Skipped(self.person.where, _("{label} '{value}' kept in the notes: it is not a date",
                                                               label=label, value=raw.strip())))
            self.as_exported.append(as_exported(label, raw.strip()))
            return
        if year is not None and year not in _PLAUSIBLE_YEARS:
            self.as_exported.append(as_exported(label, raw.strip()))
            year = None
        key = (label.lower(), month, day)
        known = self.dates.get(key)
        if known is None or (known[1] is None and year is not None):
            self.dates[key] = (label, year, month, day)
            remind = _param(line, "X-NETUI-REMIND")  # netui's own, when not the default
            self.reminders[key] = int(remind) if remind.isdigit() else DEFAULT_REMIND_DAYS

    # --- the steps, in the order _person takes them ---

    def read_name(self) -> None:
        """N first, FN only when N says nothing."""
        person = self.person
        for line in self.lines_named("N")[:1]:
            parts = _components(line, self.lists) + ["", ""]
            person.last_name, person.first_name = parts[0], parts[1]
        if not (person.first_name or person.last_name):
            formatted = next((_one_line(_text(line)) for line in self.lines_named("FN") if _text(line)), "")
            if formatted:
                person.first_name, person.last_name = _first_last_from_fn(formatted)

    def read_work(self) -> None:
        """Organisation (its other components a department), title and role."""
        person = self.person
        for line in self.lines_named("ORG"):
            parts = [p for p in _components(line, lists=False) if p]
            if not parts:
                continue
            if not person.company:
                person.company = parts[0]
                if parts[1:]:
                    self.fact("department", ", ".join(parts[1:]))
            elif parts[0] != person.company:
                self.as_exported.append(_("organization as exported: {value}", value="; ".join(parts)))
        for line in self.lines_named("TITLE"):
            title = _one_line(_text(line))
            if title and not person.role:
                person.role = title
            elif title and title != person.role:
                self.as_exported.append(_("title as exported: {value}", value=title))
        for line in self.lines_named("ROLE"):
            function = _one_line(_text(line))
            if function and not person.role:
                person.role = function
            elif function and function != person.role:
                self.fact("profession", function)

    def _channel_label(self, line: ContentLine) -> str:
        """Apple's X-ABLabel of the same group, else the telling TYPEs ("work", "home fax")."""
        telling = dict.fromkeys(_LABEL_NAMES.get(t, t) for t in _types(line) if t not in _UNTELLING_TYPES)
        return self.label_of(line) or " ".join(telling)

    def read_emails_and_phones(self) -> None:
        """Validated, with their label; what fails validation is kept in the notes."""
        person = self.person
        for line in _preferred_first(self.lines_named("EMAIL")):
            value = _text(line)
            if value.lower().startswith("mailto:"):
                value = value[7:]
            if not value:
                continue
            try:
                person.add_channel("email", validate_email(value), self._channel_label(line))
            except ValidationError:
                self.as_exported.append(as_exported("e-mail", _one_line(value)))
        for line in _preferred_first(self.lines_named("TEL")):
            value = _text(line)
            if value.lower().startswith("tel:"):
                value = value[4:]
            number, _ext, extension = value.partition(";ext=")
            if not number.strip():
                continue
            try:
                phone = validate_phone(number)
            except ValidationError:
                self.as_exported.append(as_exported("phone", _one_line(value)))
                continue
            person.add_channel("phone", phone, self._channel_label(line))
            if extension.strip():
                self.as_exported.append(_("phone {phone} extension: {extension}", phone=phone,
                                          extension=extension.strip()))

    def read_addresses(self) -> None:
        """City and country from the preferred address, every address as a fact."""
        addresses = []
        for line in self.lines_named("ADR"):
            parts = (_components(line, lists=False) + [""] * 7)[:7]
            types = _types(line)
            addresses.append((parts, types))
            if any(parts[i] for i in (0, 1, 2, 4, 5)):  # more than the city and country netui keeps
                kind = next((t for t in types if t in ("home", "work")), "") or self.label_of(line)
                shown = ", ".join(p.strip(" ,") for p in parts if p.strip(" ,"))
                self.fact(f"address ({kind})" if kind else "address", shown)
        chosen = next((parts for parts, types in addresses if "pref" in types and (parts[3] or parts[6])), None)
        chosen = chosen or next((parts for parts, _types_of in addresses if parts[3] or parts[6]), None)
        if chosen:
            self.person.city, self.person.country = chosen[3], chosen[6]

    def read_dates_and_notes(self) -> None:
        for line in self.lines_named("BDAY"):
            self.date("birthday", _text(line), line)
        for line in (line for line in self.lines if line.name in _ANNIVERSARY_PROPERTIES):
            self.date("anniversary", _text(line), line)
        for line in self.lines_named("X-ABDATE"):
            self.date(self.label_of(line) or "date", _text(line), line)
        for line in self.lines_named("X-NETUI-DATE"):
            self.date(_param(line, "X-LABEL") or "date", _text(line), line)
        self.notes += [note for note in (_text(line) for line in self.lines_named("NOTE")) if note]

    def read_web_and_other_channels(self) -> None:
        for line in self.lines_named("URL"):
            url = _text(line)
            self.channel("linkedin" if _LINKEDIN_PROFILE.match(url) else "website", url)
        for line in self.lines_named("X-SOCIALPROFILE"):
            value = _text(line)
            service = next((t for t in _types(line) if t not in ("pref",)), "") or _param(line, "X-SERVICE-TYPE").lower()
            kind = _SOCIAL_KINDS.get(service) or ("linkedin" if _LINKEDIN_PROFILE.match(value) else "other")
            self.channel(kind, value, "" if kind != "other" else service)
        for line in self.lines_named("IMPP"):
            value = _text(line)
            service = _param(line, "X-SERVICE-TYPE") or value.split(":", 1)[0]
            linkedin = "linkedin" in value.lower()
            self.channel("linkedin" if linkedin else "other", value, "" if linkedin else service)
        for name, service in _IM_PROPERTIES.items():
            for line in self.lines_named(name):
                self.channel("other", _text(line), service)
        for line in self.lines_named("X-TWITTER"):
            self.channel("x", _text(line))
        for line in self.lines_named("X-NETUI-CHANNEL"):
            kind = _param(line, "X-KIND").lower()
            known = set(_SOCIAL_KINDS.values()) | {"website", "other"}
            self.channel(kind if kind in known else "other", _text(line), _param(line, "X-LABEL"))

    def read_tags(self) -> None:
        """CATEGORIES: tags (spaces as "-"), Android's star; its "My Contacts" group left out."""
        person = self.person
        for line in self.lines_named("CATEGORIES"):
            for name in re.split(r"[,;]", _unescape(_raw(line))):
                name = _one_line(name)
                if not name or name.lower() in _IGNORED_CATEGORIES:
                    continue
                if name.lower() in _STARRED_CATEGORIES:
                    person.starred = True
                    continue
                try:
                    tag = normalise_tag(name.replace(" ", "-"))
                except ValidationError:
                    self.as_exported.append(as_exported("tag", name))
                    continue
                if tag not in person.tags:
                    person.tags.append(tag)

    def read_facts(self) -> None:
        for line in self.lines_named("NICKNAME"):
            self.fact("nickname", ", ".join(
                _one_line(_unescape(v)) for v in _split_escaped(_raw(line), ",") if v.strip()))
        for line in self.lines_named("X-ABRELATEDNAMES"):
            self.fact(self.label_of(line) or "related", _text(line))
        for line in self.lines_named("RELATED"):
            relation = next((t for t in _types(line) if t != "pref"), "related")
            self.fact(relation, _text(line))
        for name, relation in _RELATION_PROPERTIES.items():
            for line in self.lines_named(name):
                self.fact(relation, _text(line))
        for line in self.lines_named("X-NETUI-FACT"):
            self.fact(_param(line, "X-LABEL") or "fact", _text(line))

    def read_netui_properties(self) -> None:
        """netui's own X-NETUI-* properties (see `write`)."""
        person = self.person
        for line in self.lines_named("X-NETUI-CIRCLE")[:1]:
            try:
                person.circle = validate_circle(_text(line))
            except ValidationError:
                self.as_exported.append(as_exported("circle", _text(line)))
        for line in self.lines_named("X-NETUI-CADENCE-DAYS")[:1]:
            if _text(line).isdigit() and int(_text(line)) > 0:
                person.cadence_days = int(_text(line))
        for line in self.lines_named("X-NETUI-STARRED")[:1]:
            person.starred = person.starred or _text(line).lower() in ("1", "true", "yes")
        for line in self.lines_named("X-NETUI-HOW-MET")[:1]:
            person.how_met = _text(line)
        # Who introduced whom: netui's UIDs, "contact-12@netui" (the importer links them).
        for line in self.lines_named("UID")[:1]:
            person.file_id = _netui_uid(_text(line))
        for line in self.lines_named("X-NETUI-INTRODUCED-BY")[:1]:
            person.introduced_by_file_id = _netui_uid(_text(line))

    def name_the_nameless(self) -> bool:
        """A card without N and FN is named as Google Contacts does: after a nickname, else a
        business's name (a plumber's card). False, and the card reported, when none is there."""
        person = self.person
        if not (person.first_name or person.last_name):
            nickname = next((_one_line(_text(line)) for line in self.lines_named("NICKNAME") if _text(line)), "")
            person.first_name = nickname or person.company
            self.facts = [fact for fact in self.facts if fact != ("nickname", nickname)]
        if person.first_name or person.last_name:
            return True
        clue = (
            _("e-mail {value}", value=person.emails[0]) if person.emails
            else _("phone {value}", value=person.phones[0]) if person.phones
            else _("company {value}", value=person.company) if person.company
            else _("nothing else to recognise the person by")
        )
        self.skipped.append(Skipped(person.where, _("no name (N, FN, NICKNAME and ORG are empty); it holds {clue}",
                                                    clue=clue)))
        return False

    def finished(self) -> IncomingPerson:
        """The person, with the facts, dates and notes gathered (what was kept "as exported" last)."""
        person = self.person
        person.facts = self.facts
        person.important_dates = list(self.dates.values())
        person.date_reminders = [self.reminders[key] for key in self.dates]
        notes = "\n\n".join(self.notes)
        if self.as_exported:
            notes = f"{notes}\n\n" + "\n".join(self.as_exported) if notes else "\n".join(self.as_exported)
        person.notes = notes.strip()
        return person


def _preferred_first(found: list[ContentLine]) -> list[ContentLine]:
    return sorted(found, key=lambda line: "pref" not in _types(line))


def _url_key(url: str) -> str:
    return re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).rstrip("/")


def _person(lines: list[ContentLine], where: str, skipped: list[Skipped]) -> IncomingPerson | None:
    """The person a card's content lines describe, or None (reported in `skipped`) for a card
    with nothing to name them by; a value that cannot be kept is reported or kept in the notes."""
    card = _Collector(lines, where, skipped)
    card.read_name()
    card.read_work()
    card.read_emails_and_phones()
    card.read_addresses()
    card.read_dates_and_notes()
    card.read_web_and_other_channels()
    card.read_tags()
    card.read_facts()
    card.read_netui_properties()
    return card.finished() if card.name_the_nameless() else None


# --- reading ---------------------------------------------------------------------------------


def _netui_uid(text: str) -> int | None:
    """12 for the UID netui writes, "contact-12@netui"; None for any other UID."""
    match = _NETUI_UID.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def read(text: str) -> ReadResult:
    """Every card in a vCard file: the people, and the cards (or parts of cards) skipped."""
    result = ReadResult(FORMAT_NAME)
    for card in cards(text):
        where = _("card {n}", n=card.number)
        if card.problem:
            result.skipped.append(Skipped(where, card.problem))
            continue
        try:
            lines = properties(card)
        except UnreadableCard as error:
            result.skipped.append(Skipped(where, _("vobject cannot read it: {reason}", reason=error.reason)))
            continue
        person = _person(lines, where, result.skipped)
        if person is not None:
            result.people.append(person)
    return result


# --- writing ---------------------------------------------------------------------------------


def _type_value(label: str) -> str:
    """A channel label as a TYPE parameter value ('' when there is none)."""
    label = _one_line(label.replace('"', "'"))
    return {"mobile": "cell", "cellphone": "cell", "cell phone": "cell"}.get(label.lower(), label)


def _date_text(year: int | None, month: int, day: int, version: str) -> str:
    if year is None:
        return f"--{month:02d}{day:02d}"
    return f"{year:04d}{month:02d}{day:02d}" if version == "4.0" else f"{year:04d}-{month:02d}-{day:02d}"


def _add(card, name: str, value, group: str | None = None, **params: str):
    line = card.add(name, group=group) if group else card.add(name)
    line.value = value
    for key, param in params.items():
        if param:
            line.params[key.upper().replace("_", "-")] = [param]
    return line


def write(people: Sequence[ContactDetail], version: str = "3.0") -> str:
    """One vCard (3.0 or 4.0) per contact; the text, with CRLF line ends, folded at 75 octets.

    FN, N, ORG, TITLE, EMAIL / TEL (TYPE from the channel's label), ADR (city, country),
    BDAY, ANNIVERSARY (X-ANNIVERSARY in 3.0), other important dates as Apple-style labelled
    X-ABDATE items, NOTE, URL (websites, LinkedIn profile URLs), X-SOCIALPROFILE (x,
    instagram, facebook, a LinkedIn value that is not a profile URL), CATEGORIES (tags), and
    netui's own X-NETUI-CIRCLE, -CADENCE-DAYS, -STARRED, -HOW-MET, -FACT, -CHANNEL and
    -INTRODUCED-BY (the introducer's UID, their name in X-NAME) so that
    `read` gives back what netui knows. Dates without a year are written --MMDD.
    """
    if version not in VERSIONS:
        raise ValidationError("version", _("vCard {version} cannot be written; use one of: {versions}.",
                                           version=version, versions=", ".join(VERSIONS)))
    return "".join(_card(person, version) for person in people)


def _uid(contact_id: int) -> str:
    return f"contact-{contact_id}@netui"


def _card(person: ContactDetail, version: str) -> str:
    """One contact's card, serialised (see `write`)."""
    card = vobject.vCard()
    _add(card, "version", version)
    _add(card, "prodid", PRODID)
    _add(card, "uid", _uid(person.id))
    _add(card, "fn", person.name or person.company or f"contact {person.id}")
    _add(card, "n", Name(family=person.last_name, given=person.first_name))
    if person.company:
        _add(card, "org", [person.company])
    if person.role:
        _add(card, "title", person.role)
    for channel in person.channels:
        label = _type_value(channel.label)
        if channel.kind == "email":
            _add(card, "email", channel.value, type=label)
        elif channel.kind == "phone":
            _add(card, "tel", channel.value, type=label)
        elif channel.kind == "website":
            _add(card, "url", channel.value, type=label)
        elif channel.kind == "linkedin" and _LINKEDIN_PROFILE.match(channel.value):
            _add(card, "url", channel.value)
        elif channel.kind in ("linkedin", "x", "instagram", "facebook"):
            _add(card, "x-socialprofile", channel.value, type=channel.kind)
        else:
            _add(card, "x-netui-channel", channel.value, x_kind=channel.kind, x_label=label)
    if person.city or person.country:
        _add(card, "adr", Address(city=person.city, country=person.country))
    birthday = anniversary = False
    item = 0
    for date in person.important_dates:
        text = _date_text(date.year, date.month, date.day, version)
        # netui's reminder, when not the default: a parameter other programs pass over
        remind = str(date.remind_days_before) if date.remind_days_before != DEFAULT_REMIND_DAYS else ""
        if date.label.lower() == "birthday" and not birthday:
            _add(card, "bday", text, x_netui_remind=remind)
            birthday = True
        elif date.label.lower() == "anniversary" and not anniversary:
            _add(card, "anniversary" if version == "4.0" else "x-anniversary", text, x_netui_remind=remind)
            anniversary = True
        else:
            item += 1
            _add(card, "x-abdate", text, group=f"item{item}", x_netui_remind=remind)
            _add(card, "x-ablabel", date.label, group=f"item{item}")
    if person.notes:
        _add(card, "note", person.notes)
    if person.tags:
        _add(card, "categories", list(person.tags))
    if person.circle:
        _add(card, "x-netui-circle", person.circle)
    if person.cadence_days:
        _add(card, "x-netui-cadence-days", str(person.cadence_days))
    if person.starred:
        _add(card, "x-netui-starred", "TRUE")
    if person.how_met:
        _add(card, "x-netui-how-met", person.how_met)
    if person.introduced_by_id:
        _add(card, "x-netui-introduced-by", _uid(person.introduced_by_id), x_name=person.introduced_by_name or "")
    for fact in person.facts:
        _add(card, "x-netui-fact", fact.value, x_label=fact.label.replace('"', "'"))
    if person.updated_at:
        _add(card, "rev", person.updated_at.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
    return card.serialize()
