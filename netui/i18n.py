"""The one translation layer for user-visible text: gettext catalogues, chosen once per run.

English is the source language. A catalogue for another language is a set of gettext `.po`
files in `netui/locale/<lang>/LC_MESSAGES/`; they are compiled in memory when the language is
chosen (polib), so there is no build step to forget. Placeholders use str.format names:

    _("Added {name}.", name=person.full_name)
    ngettext("{n} contact", "{n} contacts", count)

Text that is fixed at import time (BINDINGS, module-level tables) is marked with `N_()` and
translated where it is shown, so that the language can be chosen after the import.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

LANGUAGES = {"en": "English", "it": "Italiano"}
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
# POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


class Untranslated:
    """English, the source language: gettext.NullTranslations's answers, without importing
    gettext (a run in English never reads a catalogue)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


_translations: Untranslated | gettext.GNUTranslations = Untranslated()
_language = DEFAULT_LANGUAGE


def N_(text: str, /) -> str:
    """Mark text for translation where it is defined; `_()` translates it where it is shown."""
    return text


def _(message: str, /, **values) -> str:
    """`message` in the current language, with its {placeholders} filled from `values`."""
    # gettext("") is the catalogue's header, never a translation.
    translated = _translations.gettext(message) if message else message
    return translated.format(**values) if values else translated


def ngettext(singular: str, plural: str, n: int, /, **values) -> str:
    """The form of a counted phrase that suits `n` in the current language; {n} is filled."""
    return _translations.ngettext(singular, plural, n).format(n=n, **values)


def plural_form(singular: str, plural: str, n: int) -> str:
    """ngettext without the filling: for libraries that format with %, like argparse."""
    return _translations.ngettext(singular, plural, n)


def language() -> str:
    """The code of the language in use: 'en' or 'it'."""
    return _language


def set_language(code: str) -> None:
    """Use `code` ('en', 'it') from now on: messages, and pendulum's dates and durations."""
    global _translations, _language
    import pendulum

    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    _translations = load_catalogue(code)
    _language = code
    _load_pendulum_locale(code)
    pendulum.set_locale(code)


def _load_pendulum_locale(code: str) -> None:
    """pendulum's words for `code`, made as its Locale.load makes them, without Locale.load's
    look for the locale's folder through importlib.resources first (~10 M instructions at
    each start, before the first screen): netui's languages are among pendulum's."""
    import importlib

    from pendulum.locales.locale import Locale

    loaded = getattr(Locale, "_cache", None)
    if isinstance(loaded, dict) and code not in loaded:  # else pendulum.set_locale loads it its way
        loaded[code] = Locale(code, importlib.import_module(f"pendulum.locales.{code}.locale").locale)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """'it' for LANG=it_IT.UTF-8 and the like; None when the environment names no language
    netui speaks (C, POSIX, unset, or a language without a catalogue)."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:  # the first one set decides, even if netui does not speak it
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else None
    return None


def choose_language(flag: str | None, configured: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, then the config file, then LC_ALL/LC_MESSAGES/LANG; English by default."""
    return flag or configured or language_from_environment(environ) or DEFAULT_LANGUAGE


def catalogue_files(code: str) -> list[Path]:
    return sorted((LOCALE_DIR / code / "LC_MESSAGES").glob("*.po"))


@functools.cache  # the .po files are part of the installed package: read once per run
def load_catalogue(code: str) -> Untranslated | gettext.GNUTranslations:
    """The compiled catalogue of `code` (every .po file of that language, merged)."""
    files = catalogue_files(code)
    if not files:
        return Untranslated()
    import gettext  # only a run in another language than English pays for it, and for polib

    import polib

    merged = polib.POFile()
    merged.metadata = polib.pofile(str(files[0])).metadata
    for path in files:
        for entry in polib.pofile(str(path)).translated_entries():
            merged.append(entry)
    return gettext.GNUTranslations(io.BytesIO(merged.to_binary()))
