"""Bringing people in from files: what a reader produces, and how it is applied.

A *reader* (netui.formats.*) turns a file's text into a `ReadResult`: the people it holds as
`IncomingPerson`s (plain values, nothing looked up yet) and the rows or cards it skipped,
each with where it was ("line 12", "card 3") and why. `plan_import` then matches every
incoming person against the database (same e-mail, LinkedIn URL, or name and company): a
new person, an update (empty fields filled, channels and tags added; differing non-empty
values listed as conflicts, never overwritten) or unchanged. `apply_import` writes the plan
in one transaction — everything or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class IncomingPerson:
    """One person as a file describes them. Empty strings / lists mean "not given"."""

    where: str  # "line 12", "card 3": for messages
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    role: str = ""
    city: str = ""
    country: str = ""
    notes: str = ""
    how_met: str = ""
    circle: str = ""  # one of models.CIRCLES, or "" (netui's own CSV carries it)
    cadence_days: int | None = None
    starred: bool = False
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    linkedin: list[str] = field(default_factory=list)  # profile URLs
    websites: list[str] = field(default_factory=list)
    other_channels: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, value, label)
    tags: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    # (label, year or None, month, day), e.g. ("birthday", None, 4, 15)
    important_dates: list[tuple[str, int | None, int, int]] = field(default_factory=list)
    # LinkedIn's "Connected On": logged as the interaction "connected on LinkedIn".
    connected_on: dt.date | None = None

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True)
class Skipped:
    where: str  # "line 7", "card 2"
    reason: str  # a sentence: "only a date, no name", "END:VCARD missing"


@dataclass
class ReadResult:
    format_name: str  # "LinkedIn connections", "Google Contacts", "vCard", "netui CSV"
    people: list[IncomingPerson] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
