"""The word tables (netui.demo.words) in the shapes the planner draws from: weighted lists
with their cumulative weights, countries as records, companies by country."""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from netui.demo import words
from netui.text import fold


@dataclass(frozen=True)
class Weighted:
    """Names and their cumulative weights, for random.choices."""

    names: tuple[str, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def of(cls, pairs: Sequence[tuple[str, int]]) -> Weighted:
        return cls(tuple(n for n, _ in pairs), tuple(itertools.accumulate(w for _, w in pairs)))


@dataclass(frozen=True)
class Country:
    name: str
    cities: tuple[tuple[str, int], ...]
    phone: str  # pattern: "#" is a random digit
    mail: tuple[str, ...]  # personal e-mail providers


CJK_MAIL = dict(words.CJK_NAMES)
ORIGINS = Weighted.of(words.ORIGIN_WEIGHTS)
COUNTRIES = {key: Country(*entry) for key, entry in words.COUNTRIES.items()}
CITIES = {key: Weighted.of(country.cities) for key, country in COUNTRIES.items()}
LOCAL_COMPANIES: dict[str, tuple] = {}
for _company in words.COMPANIES:
    LOCAL_COMPANIES[_company[2]] = LOCAL_COMPANIES.get(_company[2], ()) + (_company,)
REMOTE_COMPANIES = tuple(c for c in words.COMPANIES if c[1] not in ("food", "health", "education"))
FACT_LABELS = tuple(words.FACTS)
KINDS = {personal: Weighted.of(pairs) for personal, pairs in words.KIND_WEIGHTS.items()}


@functools.cache
def placeholders(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))


@functools.cache
def ascii_name(name: str) -> str:
    """'Nicolò' -> 'nicolo', "D'Amico" -> 'damico', 'De Luca' -> 'deluca', 'Ødegaard' -> 'odegaard'."""
    return re.sub(r"[^a-z0-9]", "", fold(name).lower())
