"""An OptionList with the vim keys the rest of netui uses."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

from netui.i18n import N_


class VimOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]
