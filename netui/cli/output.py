"""What several areas of the command line print the same way: an instant, a contact or event in one
line, JSON, a yes/no question."""

from __future__ import annotations

import sys
import unicodedata

from netui.errors import ValidationError
from netui.i18n import _


def flagged(error: ValidationError, flags: dict[str, str]) -> ValidationError:
    """The same error, saying which flag gave the wrong value ("--when: 31/02 is not a date..."):
    `flags` maps the domain's field names to the command's flags."""
    flag = flags.get(error.field)
    return ValidationError(error.field, f"{flag}: {error.message}") if flag else error  # i18n: not text


def local_time(instant) -> str:
    from netui import when

    return instant.in_timezone(when.local_zone()).format("YYYY-MM-DD HH:mm")  # i18n: not text


def summary_line(summary) -> str:
    from netui import events, when
    from netui.present import time_there, work_text

    if isinstance(summary, events.EventSummary):
        start = local_time(summary.starts_at) + time_there(summary.starts_at, summary.timezone) if summary.starts_at \
            else _("no date")
        return f"#{summary.id}  {summary.title}  ·  {start}  ·  {summary.city or '-'}"
    parts = [f"#{summary.id}", ("★ " if summary.starred else "") + summary.name]
    work = work_text(summary.role, summary.company)
    if work:
        parts.append(work)
    if summary.city:
        parts.append(summary.city)
    parts.append(_("last contacted {when}", when=when.humanize(summary.last_contacted)))
    if summary.overdue:
        parts.append(_("OVERDUE"))
    return "  ·  ".join(parts)


def with_notes(start: str, text_lines: list[str]) -> list[str]:
    """An interaction's row (`start`: when and what kind), its summary after it, and the other
    lines of what was said (the notes) under the summary."""
    indent = " " * len(start)
    first, *rest = text_lines or [""]
    return [(start + first).rstrip()] + [indent + line for line in rest]


def jsonable(value):
    import dataclasses
    import datetime as dt

    if dataclasses.is_dataclass(value):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def print_json(data) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2))


def _plain(text: str) -> str:
    """'Sì ' -> 'si': answers compared without case, accents or spaces."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def confirm(question: str, yes: bool, refusal: str) -> bool:
    """--yes, or a yes typed on the terminal; without either and without a terminal: refuse."""
    if yes:
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ValidationError("yes", refusal)
    # "y" and "yes" always do; in Italian also "s" and "sì" (or "si").
    answers = {"y", "yes", _plain(_("y")), _plain(_("yes"))}
    choices = _("[y/N]")
    return _plain(input(f"{question} {choices} ")) in answers
