"""The quick-capture line: one typed line -> the parts of a contact (a pure parser).

    Giulia Rossi @Lumen Digital "Head of PR" #fintech #milano giulia@lumen.it +39 333 123 4567 !2d kids Luca and Marta
    Giulia Rossi @Lumen +kids: Leo (7), Mia (4) +hobby: sailing #fintech

`parse_capture_line(line, today)` reads such a line and returns a `CaptureLine`; it touches
no database and no clock (relative dates count from `today`). It raises nothing but
`ValidationError` (with `field` and a sentence for the user), whatever the text.

Grammar
-------
Control characters count as spaces. The line is cut into words at whitespace, except for
quoted roles, which are read first.

* Role: `"Head of PR"` or `“Head of PR”`. An opening quote (`"` or `“`) counts only where it
  is not glued to a letter or digit before it (so `5'11"` is text); it runs to the next `"`
  or `”`. An unterminated quote is plain text: the quote character stays in the word it
  starts, and every token after it is still recognised (nothing is silently swallowed into
  a role). Whitespace inside is collapsed. The first non-empty quoted text is the role;
  later ones stay in the note, quotes included; empty quotes (`""`) are dropped.
* Words recognised anywhere outside quotes (tokens):
  - `!due` -- a word of `!` and then a letter or digit, trailing `.,;:!?` ignored,
    case-insensitive: `!Nd`, `!Nw`, `!Nm` (N days / weeks / calendar months after today; a
    month-end is clamped: 2026-11-30 + `!3m` = 2027-02-28), `!today`, `!tomorrow`, a weekday
    `!friday` (the next one, never today), `!YYYY-MM-DD`. Anything else starting so (`!5x`,
    `!2026-02-31`, a date past the year 9999) is an error; `!`, `!!` or `!🎉` are plain
    text. The same date twice is fine; two different dates are an error.
  - `#tag` -- normalised by `rules.normalise_tag` (lower case); `#a#b` and `#a,b` give two
    tags; trailing `.,;:!?` ignored; a tag given twice is kept once. A lone `#` is text.
  - `@Company` -- the company is the rest of that word and the free words after it, up to
    the next token, quote, `,` or `;` (or the end of the line); `@` alone followed by words
    works too. An empty company (`@` then a token, a comma or nothing) is ignored. Once a
    company is set, a later `@word` is note text.
  - `+label: value` -- a fact to remember: `+` glued to a label that starts with a letter
    and is made of letters, digits, `-`, `_` and `'`, then `:` (the value may be glued to it:
    `+pet:cat`). The value is the free words after it, commas included, up to the next token,
    quote, `;` or the end of the line (`+kids: Leo, Mia +hobby: chess` is two facts). A fact
    with no value (`+kids:` then a token or nothing) is note text, as typed. No other word
    starts with `+` and a letter: numbers (`+39`) stay phones, `+1:` and `+` stay text.
  - LinkedIn profile URLs: `[http(s)://][any subdomain.]linkedin.com/in/<slug>[/...][?...]`,
    case-insensitive, stored as `https://www.linkedin.com/in/<slug>` (slug in lower case).
  - e-mail addresses: a word that, without surrounding `(<[` / `.,;:!?)]>` and a
    `mailto:` prefix, passes `rules.validate_email` (at most 254 characters). Other words
    with an `@` inside are note text, not errors.
  - phone numbers: a run of words made of digits and `+ ( ) - . /` (the `+` only at the
    very start) holding 6 to 15 digits, ending with a digit or `)`. The longest such run
    wins, but it never ends on a word with fewer than 2 digits (`... 4567 3 kids` keeps
    `3 kids` in the note) and never takes a date-shaped word (2026-12-03, 03/12/2026), a
    decimal (3.14159) or a dotted amount (1.000.000). A word starting with `+` starts a new
    number; a trailing `,` or `;` ends it. Whitespace is collapsed. So a lone year (4 digits)
    or "3 kids" is never a phone, but any 6-15 digit number is.
  E-mails, phones and URLs are kept once each, in line order.
* Introducer: `via Marco Bianchi` (or `tramite Marco Bianchi`) -- the word `via` or `tramite`,
  in lower case, after the name (it ends the name or the company, as `,` does), then the free
  words up to the next token, quote, `,` or `;`. The parser only keeps those words
  (`CaptureLine.via`); netui.capture looks for the contact they name and puts every word it
  does not use back into the note where it was typed (all of them, `via` too, when nobody is
  found), so `met via LinkedIn` stays a note. Once one is read, a later `via` is note text;
  `Via` with a capital, and `via` as the first word, are plain words (a street, a name).
* Name: the free words from the start of the line up to the first token, quote, `,` or `;`.
  Split by `rules.split_name` (first word = first name; "王伟" is first name "王伟", no last
  name). No name (empty line, line starting with a token or comma, or a name with no letter
  or digit) is an error -- checked after the rest of the line, so a bad `!date` is reported
  first.
* Note: every other free word, in order, single-spaced. The `,`/`;` (also full-width `，`/`；`)
  that ends the name or the company is dropped, not kept as the note's first character;
  punctuation glued to the end of a token (`!1w,` `giulia@lumen.it.`) is dropped with it;
  all other punctuation stays.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import pendulum

from netui.rules import linkedin_profile, normalise_tag, split_name, validate_email, validate_phone
from netui.errors import ValidationError
from netui.text import full_name
from netui.i18n import N_, _, language
from netui.when import ITALIAN_WEEKDAYS, WEEKDAYS, day_without_year, make_date, plain_date

__all__ = ["CaptureLine", "parse_capture_line", "EXAMPLE_LINE"]

EXAMPLE_LINE = N_('Giulia Rossi @Lumen "Head of PR" #fintech !1w')  # shown through _()

_OPEN_QUOTES = '"“'
_CLOSE_QUOTE = re.compile(r'["”]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SEPARATOR = re.compile(r"[,;，；]")
_SEPARATORS = ",;，；"
_TRAILING = ".,;:!?)]>，；。"
_TAG_TRAILING = ".,;:!?"
_FACT = re.compile(r"\+([^\W\d_][\w'-]*):(.*)")
_FACT_END = re.compile(r"[;；]")
_LEADING = "(<["
_VIA_WORDS = ("via", "tramite")
_VIA = object()  # where the `via` words were, among the note's words

_MAX_EMAIL = 254
_MAX_URL = 2048

_PHONE_FIRST = re.compile(r"\+?[0-9(][0-9()\-./]*")
_PHONE_STARTS = frozenset("+0123456789(")  # the characters _PHONE_FIRST lets a number start with
_PHONE_NEXT = re.compile(r"[0-9()\-./]+")
_PHONE_SHAPE = re.compile(r"\+?[0-9(][0-9()\-./ ]*[0-9)]")
_DATE_LIKE = re.compile(r"[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}|[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4}")
_NUMBER_LIKE = re.compile(r"[0-9]+\.[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+")
_MIN_PHONE_DIGITS, _MAX_PHONE_DIGITS, _MAX_PHONE_WORDS = 6, 15, 12

_DUE_RELATIVE = re.compile(r"([0-9]+)([dwm])")
_DUE_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DUE_UNITS = {"d": "days", "w": "weeks", "m": "months"}
# In Italian: !2g (giorni), !1s (settimane), !3m (mesi), !oggi, !domani, !venerdì.
_ITALIAN_DUE_RELATIVE = re.compile(r"([0-9]+)([gsm])")
_ITALIAN_DUE_WORDS = {"oggi": 0, "domani": 1, "dopodomani": 2}
_ITALIAN_DUE_SLASHED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}|[0-9]{2}))?")


@dataclass(frozen=True)
class CaptureLine:
    """What a quick-capture line says about a person."""

    first_name: str
    last_name: str
    company: str = ""
    role: str = ""
    tags: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: tuple[str, ...] = ()
    due: dt.date | None = None  # None: no !date given (the caller applies its default)
    note: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # (label, value), in line order
    via: tuple[str, ...] = ()  # the words after `via` / `tramite` (see the grammar), not in the note
    via_word: str = ""  # "via" or "tramite", as typed
    via_at: int = 0  # where in the note they were typed (characters before them)

    def note_keeping(self, used: int) -> str:
        """The note with the `via` words the introducer's name did not use (the first `used`
        words) put back where they were typed; all of them, with `via`, when `used` is 0."""
        if not self.via:
            return self.note
        back = list(self.via[used:]) if used else [self.via_word, *self.via]
        parts = (self.note[: self.via_at], *back, self.note[self.via_at :])
        return " ".join(part.strip() for part in parts if part.strip())

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.last_name)


def parse_capture_line(line: str, today: dt.date) -> CaptureLine:
    """Read a quick-capture line (see the module docstring for the grammar). The same line on
    the same day in the same language reads the same: the last few are remembered, so Enter
    does not read again the line its preview read while it was typed."""
    return _parsed(line, plain_date(today), language())


@functools.lru_cache(maxsize=16)
def _parsed(line: str, today: dt.date, _language: str) -> CaptureLine:
    return _Parser(line, today).run()


@dataclass(frozen=True)
class _Quoted:
    text: str  # the inside, whitespace collapsed
    raw: str  # with its quotes, whitespace collapsed


def _lex(line: str) -> list[str | _Quoted]:
    """Words and quoted pieces, in order."""
    line = _CONTROL.sub(" ", line)
    pieces: list[str | _Quoted] = []
    start = i = 0
    can_close = True  # once a quote finds no closing quote, no later one will either
    while i < len(line):
        if line[i] in _OPEN_QUOTES and can_close and (i == 0 or not line[i - 1].isalnum()):
            close = _CLOSE_QUOTE.search(line, i + 1)
            if close is None:
                can_close = False
            else:
                pieces.extend(line[start:i].split())
                inside = " ".join(line[i + 1 : close.start()].split())
                pieces.append(_Quoted(inside, f"{line[i]}{inside}{close.group()}"))
                i = start = close.end()
                continue
        i += 1
    pieces.extend(line[start:].split())
    return pieces


def _digits(text: str) -> int:
    return sum(ch in "0123456789" for ch in text)


class _Parser:
    def __init__(self, line: str, today: dt.date):
        self.today = today
        self.stack = list(reversed(_lex(line)))  # pop() gives the next piece
        self.region = "name"  # where free words go: name, company or note
        self.name_words: list[str] = []
        self.company_words: list[str] = []
        self.company_taken = False
        self.role: str | None = None
        self.tags: dict[str, None] = {}
        self.emails: dict[str, str] = {}  # casefolded -> as typed
        self.phones: dict[str, None] = {}
        self.linkedin: dict[str, None] = {}
        self.due: dt.date | None = None
        self.due_token = ""
        self.note: list[str] = []
        # [label, value words, the word as typed, where in the note it goes if it has no value]
        self.facts: list[tuple[str, list[str], str, int]] = []
        self.phone_parts: dict[str, tuple[str, bool, bool, bool, int]] = {}
        self.via: list[str] | None = None  # None: no `via` yet
        self.via_word = ""

    def run(self) -> CaptureLine:
        while self.stack:
            piece = self.stack.pop()
            if isinstance(piece, _Quoted):
                self._quoted(piece)
            elif not self._token(piece):
                self._free(piece)
        name = " ".join(self.name_words)
        if not any(ch.isalnum() for ch in name):
            raise ValidationError("name", _("Start the line with the person's name, e.g. '{line}'.", line=_(EXAMPLE_LINE)))
        first, last = split_name(name)
        facts = self._finished_facts()  # first: a fact without a value goes back into the note
        via_at = self._finished_via()
        return CaptureLine(
            first_name=first,
            last_name=last,
            company=" ".join(self.company_words),
            role=self.role or "",
            tags=tuple(self.tags),
            emails=tuple(self.emails.values()),
            phones=tuple(self.phones),
            linkedin=tuple(self.linkedin),
            due=self.due,
            note=" ".join(self.note),
            facts=facts,
            via=tuple(self.via or ()),
            via_word=self.via_word,
            via_at=via_at,
        )

    # --- free words and regions ---------------------------------------------------------

    def _free(self, word: str) -> None:
        if word in _VIA_WORDS and self.via is None and (self.name_words or self.region != "name") \
                and self.region in ("name", "company", "note"):
            self.region, self.via, self.via_word = "via", [], word
            self.note.append(_VIA)
            return
        if self.region == "via":
            self._via_word(word)
            return
        if self.region == "note":
            self.note.append(word)
            return
        if self.region == "fact":
            self._fact_word(word)
            return
        words = self.name_words if self.region == "name" else self.company_words
        separator = _SEPARATOR.search(word)
        head = word if separator is None else word[: separator.start()]
        if head:
            words.append(head)
            if self.region == "company":
                self.company_taken = True
        if separator is not None:
            self.region = "note"
            tail = word[separator.end() :].lstrip(_SEPARATORS)
            if tail:
                self.stack.append(tail)  # read next, as a word of its own

    def _quoted(self, piece: _Quoted) -> None:
        self.region = "note"
        if self.role is None and piece.text:
            self.role = piece.text
        elif piece.text:
            self.note.append(piece.raw)

    # --- tokens ---------------------------------------------------------------------------

    def _token(self, word: str) -> bool:
        """Handle `word` (and, for phones, the words after it) if it is a token."""
        if word[0] == "!" and len(word) > 1 and word[1].isalnum():
            self._due(word.rstrip(_TRAILING))
        elif word[0] == "#":
            return self._tags(word)
        elif word[0] == "@":
            self._company(word)
            return True
        elif word[0] == "+" and (fact := _FACT.fullmatch(word)):
            self._fact(*fact.groups())
            return True
        else:
            core = word.lstrip(_LEADING).rstrip(_TRAILING)
            if not (self._linkedin(core) or self._email(core) or self._phone(word)):
                return False
        self.region = "note"
        return True

    def _tags(self, word: str) -> bool:
        found = []
        for part in re.split(r"[#,]", word[1:]):
            part = part.rstrip(_TAG_TRAILING)
            try:
                found.append(normalise_tag(part))
            except ValidationError:
                continue
        if not found:
            return False
        self.tags.update(dict.fromkeys(found))
        self.region = "note"
        return True

    def _company(self, word: str) -> None:
        if self.company_taken:  # one company per line: a later @word is note text
            self.region = "note"
            self.note.append(word)
            return
        self.region = "company"
        self.company_words = []
        if word[1:]:
            self._free(word[1:])

    def _fact(self, label: str, glued: str) -> None:
        self.region = "fact"
        self.facts.append((label, [], f"+{label}:", len(self.note)))
        if glued:
            self._fact_word(glued)

    def _fact_word(self, word: str) -> None:
        """A word of the current fact's value; a `;` in it ends the value, the rest is note."""
        end = _FACT_END.search(word)
        head = word if end is None else word[: end.start()]
        if head:
            self.facts[-1][1].append(head)
        if end is not None:
            self.region = "note"
            tail = word[end.end() :].lstrip(_SEPARATORS)
            if tail:
                self.stack.append(tail)

    def _via_word(self, word: str) -> None:
        """A word of the introducer's name; a `,` or `;` in it ends the name, the rest is note."""
        separator = _SEPARATOR.search(word)
        head = word if separator is None else word[: separator.start()]
        if head:
            self.via.append(head)
        if separator is not None:
            self.region = "note"
            tail = word[separator.end() :].lstrip(_SEPARATORS)
            if tail:
                self.stack.append(tail)

    def _finished_via(self) -> int:
        """Take the `via` place out of the note: where it was (characters before it). A `via`
        with no word after it is note text."""
        if self.via is None:
            return 0
        at = self.note.index(_VIA)
        before = " ".join(self.note[:at])
        if self.via:
            del self.note[at]
        else:
            self.note[at] = self.via_word
        return len(before)

    def _finished_facts(self) -> tuple[tuple[str, str], ...]:
        """The facts with a value; one without is put back in the note where it was typed."""
        for label, words, typed, at in reversed(self.facts):
            if not words:
                self.note.insert(at, typed)
        return tuple((label, " ".join(words)) for label, words, _typed, _at in self.facts if words)

    def _linkedin(self, core: str) -> bool:
        if "/" not in core:  # no "linkedin.com/in/" in it (every word is tried: this is Enter's time)
            return False
        profile = linkedin_profile(core) if len(core) <= _MAX_URL else None
        if profile is None:
            return False
        self.linkedin.setdefault(profile, None)
        return True

    def _email(self, core: str) -> bool:
        if core[:7].lower() == "mailto:":
            core = core[7:]
        if "@" not in core or len(core) > _MAX_EMAIL:
            return False
        try:
            email = validate_email(core)
        except ValidationError:
            return False
        self.emails.setdefault(email.casefold(), email)
        return True

    def _phone(self, word: str) -> bool:
        if word[0] not in _PHONE_STARTS:  # what _PHONE_FIRST says of it, without the regular expressions
            return False
        core, stop, first_ok, _next_ok, digits = self._phone_part(word)
        if not first_ok:
            return False
        run, counts = [core], [digits]
        index = len(self.stack) - 1
        while not stop and index >= 0 and len(run) < _MAX_PHONE_WORDS and sum(counts) <= _MAX_PHONE_DIGITS:
            following = self.stack[index]
            if not isinstance(following, str):
                break
            core, stop, _first_ok, next_ok, digits = self._phone_part(following)
            if not next_ok:
                break
            run.append(core)
            counts.append(digits)
            index -= 1
        for size in range(len(run), 0, -1):  # the longest number first
            digits = sum(counts[:size])
            if digits < _MIN_PHONE_DIGITS:
                return False
            if digits > _MAX_PHONE_DIGITS or (size > 1 and counts[size - 1] < 2):
                continue
            phone = _phone_text(run[:size])
            if phone is not None:
                del self.stack[len(self.stack) - (size - 1) :]
                self.phones.setdefault(phone, None)
                return True
        return False

    def _phone_part(self, word: str) -> tuple[str, bool, bool, bool, int]:
        """(word without trailing punctuation, whether that punctuation ends a number, can it
        start a number, can it continue one, its digits) -- cached: a number looks ahead."""
        part = self.phone_parts.get(word)
        if part is None:
            core = word.rstrip(".,;:，；")
            plausible = not _not_a_phone_part(core)
            part = self.phone_parts[word] = (
                core,
                core != word,
                plausible and _PHONE_FIRST.fullmatch(core) is not None,
                plausible and _PHONE_NEXT.fullmatch(core) is not None,
                _digits(core),
            )
        return part

    # --- the follow-up date ---------------------------------------------------------------

    def _due(self, token: str) -> None:
        day = self._due_date(token)
        if self.due is not None and day != self.due:
            raise ValidationError(
                "due", _("Two follow-up dates, '{first}' and '{second}': keep only one.", first=self.due_token, second=token)
            )
        self.due, self.due_token = day, token

    def _due_date(self, token: str) -> dt.date:
        body = token[1:].lower()
        if language() == "it":
            body = self._from_italian(body)
        if body == "today":
            return self.today
        if body == "tomorrow":
            return self.today + dt.timedelta(days=1)
        if body in WEEKDAYS:
            ahead = (WEEKDAYS.index(body) - self.today.weekday()) % 7 or 7
            return self.today + dt.timedelta(days=ahead)
        relative = _DUE_RELATIVE.fullmatch(body)
        if relative:
            amount, unit = relative.groups()
            too_far = ValidationError("due", _("'{token}' is too far ahead for a follow-up date.", token=token))
            if len(amount) > 6:
                raise too_far
            start = pendulum.date(self.today.year, self.today.month, self.today.day)
            try:
                return plain_date(start.add(**{_DUE_UNITS[unit]: int(amount)}))
            except (OverflowError, ValueError):
                raise too_far from None
        iso = _DUE_ISO.fullmatch(body)
        if iso:
            year, month, day = (int(part) for part in iso.groups())
            if year < 1:
                raise ValidationError("due", _("'{token}' is not a date: there is no year 0.", token=token))
            written = f"'{token}'"
            try:
                return make_date(year, month, day, "due", written=written)
            except ValidationError as error:
                if error.message.startswith(written):  # already names what was typed
                    raise
                raise ValidationError("due", _("{date} is not a date: {reason}", date=written, reason=error.message)) from None
        raise ValidationError("due", _("'{token}' is not a follow-up date; use !2d, !1w, !3m, !tomorrow or !2026-12-03.", token=token))

    def _from_italian(self, body: str) -> str:
        """An Italian due date in the English form: 2g -> 2d, 1s -> 1w, domani -> tomorrow."""
        relative = _ITALIAN_DUE_RELATIVE.fullmatch(body)
        if relative:
            amount, unit = relative.groups()
            return amount + {"g": "d", "s": "w", "m": "m"}[unit]
        slashed = _ITALIAN_DUE_SLASHED.fullmatch(body)
        if slashed:  # !03/12 or !03/12/2026: day first; without a year, the next such day
            day, month, year = int(slashed.group(1)), int(slashed.group(2)), slashed.group(3)
            if year:
                return f"{int(year) + (2000 if len(year) == 2 else 0):04d}-{month:02d}-{day:02d}"
            try:
                return day_without_year(month, day, self.today, future=True, field="due").isoformat()
            except ValidationError:  # 31/02: read below as a date, whose error names what was typed
                return f"{self.today.year:04d}-{month:02d}-{day:02d}"
        if body in _ITALIAN_DUE_WORDS:
            return {0: "today", 1: "tomorrow"}.get(_ITALIAN_DUE_WORDS[body]) or f"{_ITALIAN_DUE_WORDS[body]}d"
        weekday = body[:-1] + "ì" if body.endswith("di") else body
        if weekday in ITALIAN_WEEKDAYS:
            return WEEKDAYS[ITALIAN_WEEKDAYS.index(weekday)]
        return body




def _not_a_phone_part(word: str) -> bool:
    """A date (2026-12-03, 03/12/2026), a decimal (3.14159) or an amount (1.000.000)."""
    return bool(_DATE_LIKE.fullmatch(word) or _NUMBER_LIKE.fullmatch(word))


def _phone_text(words: list[str]) -> str | None:
    """The phone number these words make, or None."""
    text = " ".join(words)
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]  # "(call +39 333 1234567)": the bracket closes the sentence
    if not _MIN_PHONE_DIGITS <= _digits(text) <= _MAX_PHONE_DIGITS:
        return None
    if not _PHONE_SHAPE.fullmatch(text):
        return None
    try:
        return validate_phone(text)
    except ValidationError:
        return None
