"""The plan of a demo network: every row it will write, as plain records, and the seeded
random source every draw comes from."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import NamedTuple

from netui.text import full_name

HISTORY_DAYS = 730  # interactions are spread over the two years before "now"


@dataclass
class Person:
    first: str
    last: str
    mail_name: str  # ascii "first.last" for e-mail addresses
    country: str  # key of words.COUNTRIES where they live
    city: str
    circle: str
    company: str = ""
    industry: str = ""
    domain: str = ""
    role: str = ""
    how_met: str = ""
    met_at: int | None = None  # index into the events
    introduced_by: int | None = None  # index into the (sorted) people
    cadence: int | None = None
    starred: bool = False
    notes: str = ""
    created: int = 0  # unix seconds
    updated: int = 0
    tags: list[str] = field(default_factory=list)
    weight: float = 1.0

    @property
    def name(self) -> str:
        return full_name(self.first, self.last)


@dataclass
class Event:
    title: str
    kind: str
    venue: str
    city: str
    timezone: str
    link: str
    starts: int
    ends: int
    status: str
    goal: str
    notes: str
    created: int
    updated: int


class Interaction(NamedTuple):  # a tuple: a million of them are made
    occurred: int
    kind: str
    summary: str
    notes: str
    initiated_by: str | None
    event: int | None
    created: int
    participants: tuple[int, ...]


@dataclass
class Plan:
    contacts: list[Person]
    events: list[Event]
    interactions: list[Interaction]  # chronological
    attendees: list[tuple[int, int, str, str]]  # event index, person index, status, role
    channels: list[tuple[int, str, str, str]]  # person index, kind, value, label
    facts: list[tuple[int, str, str]]
    dates: list[tuple[int, str, int, int, int | None, int]]
    followups: list[tuple]  # person, due, channel, action, interaction idx, event idx, done, snoozed, created
    country_names: dict[str, str]  # key of words.COUNTRIES -> the name the rows carry


class FastRandom(random.Random):
    """random.Random with choice, randint and randrange(start, stop) written out: the very
    same algorithm and draws as the standard ones (getrandbits of n's bit length, drawn again
    while out of range), so the same seed gives the same network, without their layers of
    calls and checks -- a million-interaction network makes millions of these."""

    def choice(self, seq):
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return seq[r]

    def randrange(self, start, stop=None, step=1):
        if stop is None or step != 1 or type(start) is not int or type(stop) is not int or stop <= start:
            return super().randrange(start, stop, step)
        n = stop - start
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return start + r

    def randint(self, a, b):
        return self.randrange(a, b + 1)
