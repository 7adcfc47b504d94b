"""Text folding shared by everything that compares names or searches."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into "base + accent", so neither NFKD nor
# SQLite's remove_diacritics folds them; people still type "odegaard" for "Ødegaard".
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans(
    {
        "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ß": "ss", "ẞ": "SS",
        "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Đ": "D", "đ": "d",
        "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h",
    }
)


def fold(text: str) -> str:
    """Strip accents and special letters, keeping case: "Nicolò Ødegaard" -> "Nicolo Odegaard"."""
    if text.isascii():  # most names: nothing to fold (and imports fold every one of them)
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_key(text: str) -> str:
    """A comparison key: folded, lower-case, single-spaced."""
    return " ".join(fold(text).casefold().split())


def full_name(first: str, last: str) -> str:
    return " ".join(part for part in (first, last) if part)


class LazyPattern:
    """`re.compile(pattern, flags)`, done when the pattern is first used (issue 18).

    Compiling a regular expression runs Python's own regex compiler: the modules the first
    screen imports compiled some thirty at import (8 ms, a fortieth of the way to the first
    screen), nearly all for input the first screen never reads. Its first use compiles it and
    keeps the compiled pattern's methods on it, so from then on `.match` and the rest cost what
    they cost on a compiled pattern."""

    _KEPT = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
             "pattern", "flags", "groups", "groupindex")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._arguments = (pattern, flags)

    def __getattr__(self, name: str):
        import re

        compiled = re.compile(*self._arguments)
        for kept in self._KEPT:
            self.__dict__[kept] = getattr(compiled, kept)
        return getattr(compiled, name)
