"""What a reader hands up: the people a file holds and the rows it skipped.

The readers (netui.exchange.formats.*) build these records from a file's text, and the
importer (netui.exchange.importing) matches and writes them; this module sits below both and
imports neither, so the two never need each other.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field


DEFAULT_REMIND_DAYS = 7  # an important date's reminder when nothing says otherwise


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
    # How many days before important_dates[i] to remind, when the file says (netui's own CSV
    # and vCards); DEFAULT_REMIND_DAYS for the others.
    date_reminders: list[int] = field(default_factory=list)
    # LinkedIn's "Connected On": logged as the interaction "connected on LinkedIn".
    connected_on: dt.date | None = None
    # labels of e-mails, phones, ... given by the file: (kind, value) -> "work", "mobile"
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    # The id the file gives them (netui's CSV `id` column, a netui vCard's UID) and that of who
    # introduced them: the importer links the two people (netui's own files write them).
    file_id: int | None = None
    introduced_by_file_id: int | None = None
    # Who referred them, by name (Google's "Referred by" relation): the importer makes the one
    # known person of that name their introducer.
    introduced_by_name: str = ""

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def channels(self) -> list[tuple[str, str, str]]:
        """Every channel as (kind, value, label)."""
        labels = self.labels
        found: list[tuple[str, str, str]] = []
        for kind, values in (("email", self.emails), ("phone", self.phones), ("linkedin", self.linkedin),
                             ("website", self.websites)):
            if values:  # (an import asks this of every row, several times)
                found += ([(kind, value, labels.get((kind, value), "")) for value in values] if labels
                          else [(kind, value, "") for value in values])
        return found + self.other_channels

    def add_channel(self, kind: str, value: str, label: str = "") -> None:
        """Add a channel the person does not have yet (e-mails compared without case),
        keeping its label ("work", "mobile") when the file gives one."""
        same = value.casefold() if kind == "email" else value
        if any(k == kind and (v.casefold() if kind == "email" else v) == same for k, v, _l in self.channels()):
            return
        lists = {"email": self.emails, "phone": self.phones, "linkedin": self.linkedin, "website": self.websites}
        if kind not in lists:
            self.other_channels.append((kind, value, label))
            return
        lists[kind].append(value)
        if label:
            self.labels[(kind, value)] = label


@dataclass(frozen=True)
class Skipped:
    where: str  # "line 7", "card 2"
    reason: str  # a sentence: "only a date, no name", "END:VCARD missing"


@dataclass
class ReadResult:
    format_name: str  # "LinkedIn connections", "Google Contacts", "vCard", "netui CSV"
    people: list[IncomingPerson] = field(default_factory=list)
    # Rows or cards not imported, and why; a reader may also put here a problem with one value
    # of a row it did read (importing.plan_import counts that as a note, not a skipped row).
    skipped: list[Skipped] = field(default_factory=list)
    # Problems with one value of a row that is read (kept in the notes, or ignored), or with the
    # header (a column ignored): nothing skipped. Each reason says what became of the value.
    notes: list[Skipped] = field(default_factory=list)


@contextmanager
def no_garbage_collection():
    """Reading, matching, writing or exporting a whole network makes hundreds of thousands of
    objects that all live until it ends: the collector's passes over them cost more than the
    work itself (half of reading a 30,000-row LinkedIn file). Off for the block, then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def without_garbage_collection(function):
    """`function`, run with no_garbage_collection."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with no_garbage_collection():
            return function(*args, **kwargs)
    return wrapper
