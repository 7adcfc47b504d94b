"""Key descriptions in the user's language.

BINDINGS are class attributes, built when a module is imported: their descriptions are
marked with N_() and translated here, where the footer, the keys panel and the help screen
read them (Screen.active_bindings), so the language can be chosen after the import.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from textual.binding import Binding

from netui.i18n import _, language


@lru_cache(maxsize=1024)
def _translated(binding: Binding, language_code: str) -> Binding:
    return replace(binding, description=_(binding.description), tooltip=_(binding.tooltip))


def translated_binding(binding: Binding) -> Binding:
    return _translated(binding, language())


class TranslatedBindings:
    """Mix into a Screen: its active bindings carry translated descriptions."""

    @property
    def active_bindings(self):
        return {
            key: active._replace(binding=translated_binding(active.binding), tooltip=_(active.tooltip))
            for key, active in super().active_bindings.items()
        }
