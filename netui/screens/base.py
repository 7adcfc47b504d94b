"""The base of every screen that shows data from the database.

A DataScreen defines `reload()` (read again and show). It follows the app's one "data changed"
signal (NetuiApp.data_changed, published after every write made from the TUI and when another
connection wrote to the file): the active screen reloads at once; a screen under another one
(a form, a pushed screen) only marks itself stale and reloads when it is shown again.
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.screen import Screen

from netui.screens.translated import TranslatedBindings
from netui.screens.work import WorkerErrors


# The app's one-letter keys (q, c, t) a screen where the user types text takes as letters
# instead, as APP_KEYS_OFF (NetuiApp.check_action): forms, the export and import screens.
LETTERS_TYPED = ("quit", "capture", "today")


class NetuiScreen(TranslatedBindings, WorkerErrors, Screen):
    """Every netui screen: translated key descriptions; a failed worker shown as an error."""


class DataScreen(NetuiScreen):
    """Subclasses implement reload() and call it once built (their on_mount)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._stale = False

    def reload(self) -> None:
        raise NotImplementedError

    # Textual calls the on_mount / on_screen_resume of every class in the MRO: a subclass's own
    # handlers run as well, without calling super().
    def on_mount(self) -> None:
        self.app.data_changed.subscribe(self, self._data_changed)

    def _data_changed(self, source: object = None) -> None:
        if source is self:
            return  # the screen that wrote already shows what it wrote
        if not self.is_active:  # (is_current is also true under a screen that lets it show through)
            self._stale = True
            return
        try:
            self.reload()
        except NoMatches:
            # A screen whose widgets are not all there yet (being built, or taken down as the
            # app quits): it reads its data once built; else it reloads when shown again.
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()
