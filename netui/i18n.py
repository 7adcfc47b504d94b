"""The one translation function for user-visible text.

English is the source language; a catalogue for another language maps the English text
to its translation. Placeholders use str.format names: _("Added {name}.", name=...).
"""

from __future__ import annotations

_catalogue: dict[str, str] = {}


def set_catalogue(entries: dict[str, str]) -> None:
    """Install a translation catalogue (empty: English)."""
    _catalogue.clear()
    _catalogue.update(entries)


def _(text: str, **values) -> str:
    translated = _catalogue.get(text, text)
    return translated.format(**values) if values else translated
