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
