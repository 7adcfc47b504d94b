"""The front end of the vCard reader: a file's text -> its cards -> each card's content lines.

netui splits the text into cards itself (BEGIN:VCARD ... END:VCARD), so that a card whose
END:VCARD is missing is reported and reading goes on at the next one. vobject reads each
card's lines; when it cannot, a repaired copy is tried (blobs dropped, quoted-printable
values decoded here). What the lines say about a person is netui.exchange.formats.vcard's job.
"""

from __future__ import annotations

import codecs
import io
import quopri
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from vobject.base import ContentLine, VObjectError, getLogicalLines, textLineToContentLine

from netui.i18n import _

BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)
_BLOBS = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_UNREADABLE = (VObjectError, ValueError, LookupError)  # what vobject raises on a card it cannot read


class UnreadableCard(Exception):
    """A card that neither vobject nor the repaired copy can read; `reason` says where and why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Card:
    number: int  # 1-based, counting every BEGIN:VCARD
    first_line: int  # the BEGIN:VCARD line, 1-based
    lines: list[str]  # BEGIN ... END included
    problem: str = ""  # why it cannot be read at all (END:VCARD missing)


def _normalised_lines(text: str) -> list[str]:
    # iPhone exports end lines with CR CR LF: turning each CR into a newline would put
    # blank lines inside folded values, so the pairs go first (and cards() copes with the
    # blank lines anyway, for text that was read with universal newlines).
    text = text.lstrip("\ufeff").replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def cards(text: str) -> Iterator[Card]:
    current: Card | None = None
    number = 0
    for index, line in enumerate(_normalised_lines(text), start=1):
        if BEGIN.match(line):
            number += 1
            if current is not None:
                current.problem = _(
                    "END:VCARD missing: the card begun on line {first} never ends "
                    "before the next BEGIN:VCARD on line {next}", first=current.first_line, next=index,
                )
                yield current
            current = Card(number, index, [line.strip()])
        elif current is not None:
            if _END.match(line):
                current.lines.append(line.strip())
                yield current
                current = None
            else:
                # CR CR LF read with universal newlines puts a blank line before every
                # folded line: the fold belongs to the line before the blank one.
                if line[:1] in (" ", "\t"):
                    while len(current.lines) > 1 and current.lines[-1] == "":
                        current.lines.pop()
                current.lines.append(line)
    if current is not None:
        current.problem = _(
            "END:VCARD missing: the card begun on line {first} runs to the end of the file", first=current.first_line,
        )
        yield current


def _content_lines(lines: Sequence[str]) -> list[ContentLine]:
    """vobject's own reading of one card's lines (values still encoded, but QP decoded)."""
    stream = io.StringIO("\n".join(lines) + "\n")
    return [textLineToContentLine(text, number) for text, number in getLogicalLines(stream, allowQP=True)]


def _split_property(line: str) -> tuple[str, list[str], str] | None:
    """'item1.TEL;TYPE=CELL:123' -> ('item1.TEL', ['TYPE=CELL'], '123'); None if no colon."""
    quoted = False
    for position, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, value = line[:position], line[position + 1 :]
            name, *params = _split_outside_quotes(head, ";")
            return name.strip(), params, value
    return None


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _is_blob_continuation(line: str) -> bool:
    # Folded lines, and 2.1 base64 lines (no colon in the base64 alphabet) up to a blank line.
    return line == "" or line[0] in " \t" or ":" not in line


def _repaired(lines: Sequence[str]) -> list[str]:
    """The card with blobs dropped and quoted-printable values decoded here, tolerantly."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        parts = _split_property(line) if line[:1] not in (" ", "\t") else None
        if parts is None:
            result.append(line)
            continue
        name, params, value = parts
        if name.rsplit(".", 1)[-1].upper() in _BLOBS:
            while index < len(lines) and _is_blob_continuation(lines[index]):
                index += 1
            continue
        upper = [p.strip().upper() for p in params]
        if "ENCODING=QUOTED-PRINTABLE" not in upper and "QUOTED-PRINTABLE" not in upper:
            result.append(line)
            continue
        while index < len(lines):
            if value.endswith("="):  # a soft line break: the value goes on, the '=' goes
                value = value[:-1] + lines[index]
            elif lines[index][:1] in (" ", "\t"):  # folded
                value += lines[index][1:]
            else:
                break
            index += 1
        charset = next((p.split("=", 1)[1].strip('"') for p in params if p.strip().upper().startswith("CHARSET=")), "utf-8")
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = "utf-8"
        text = quopri.decodestring(value.encode("utf-8")).decode(charset, errors="replace")
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        kept = [p for p, u in zip(params, upper) if u not in ("ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE") and not u.startswith("CHARSET=")]
        result.append(";".join([name, *kept]) + ":" + text)
    return result


def _short(error: Exception, first_line: int) -> str:
    if isinstance(error, VObjectError):
        message = str(error.msg)
        number = getattr(error, "lineNumber", None)
        if number is not None:
            where = _("line {n}", n=first_line + number - 1)
            message = f"{where}: {message}"
    else:
        message = f"{type(error).__name__}: {error}"
    message = " ".join(message.split())
    return message if len(message) <= 120 else message[:119] + "…"


def properties(card: Card) -> list[ContentLine]:
    """The card's content lines (values still encoded), BEGIN, END and blobs left out; a card
    vobject cannot read is read again repaired, and UnreadableCard if that fails too."""
    try:
        lines = _content_lines(card.lines)
    except _UNREADABLE:
        try:
            lines = _content_lines(_repaired(card.lines))
        except _UNREADABLE as error:
            raise UnreadableCard(_short(error, card.first_line)) from None
    return [line for line in lines if line.name not in ("BEGIN", "END") and line.name not in _BLOBS]
