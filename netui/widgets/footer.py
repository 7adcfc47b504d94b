"""The footer: every key that works here, each whole, on as many lines as it takes.

Textual's Footer is one line: what does not fit is cut (at 80 columns the main screen lost
`c`, `t`, `?` and half of "Quit"), and its palette key, docked over the end of the line, let a
letter of the hidden keys show after it ("^p palettel"). This footer keeps Textual's look
while everything fits on one line; otherwise it switches to the compact style and wraps the
keys onto more lines, the palette key at the end of the first one.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class FooterRow(HorizontalGroup):
    """One line of keys."""


def key_width(display: str, description: str, compact: bool) -> int:
    """Columns a FooterKey takes (Textual's FooterKey.render and Footer's CSS):
    regular ' k desc ', compact 'k desc' and a margin of one."""
    if compact:
        return cell_len(display) + (1 + cell_len(description) if description else 0) + 1
    return cell_len(display) + 3 + cell_len(description) if description else cell_len(display)


def palette_width(display: str, description: str, compact: bool) -> int:
    """The palette key always renders compact, after a one-column border; in a regular footer
    it has one column of padding on its right."""
    return 1 + cell_len(display) + (1 + cell_len(description) if description else 0) + (0 if compact else 1)


def split_rows(widths: list[int], room: int, first_room: int) -> list[int]:
    """How many keys go on each line: as many as fit, in order (a key wider than a line
    still gets a line of its own)."""
    counts, used, limit = [0], 0, first_room
    for width in widths:
        if counts[-1] and used + width > limit:
            counts.append(0)
            used, limit = 0, room
        counts[-1] += 1
        used += width
    return counts


class KeysFooter(Footer):
    DEFAULT_CSS = """
    KeysFooter { height: auto; layout: vertical; }
    KeysFooter > FooterRow { height: 1; }
    KeysFooter.-compact FooterKey.-command-palette { margin-right: 0; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._laid_out_width = 0

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active_bindings = self.screen.active_bindings
        keys = []  # (binding, enabled, tooltip), the first binding of each action, in order
        actions = set()
        for _node, binding, enabled, tooltip in active_bindings.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append((binding, enabled, tooltip))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active_bindings.get(self.app.COMMAND_PALETTE_BINDING)

        width = self._laid_out_width = self._width()
        shown = [(self.app.get_key_display(binding), binding.description) for binding, _e, _t in keys]

        def palette_room(compact: bool) -> int:
            if palette is None:
                return 0
            return palette_width(self.app.get_key_display(palette.binding), palette.binding.description, compact)

        regular = sum(key_width(display, text, False) for display, text in shown)
        compact = regular + palette_room(False) > width
        self.compact = compact
        if compact:
            widths = [key_width(display, text, True) for display, text in shown]
            counts = split_rows(widths, width, width - palette_room(True))
        else:
            counts = [len(keys)]

        start = 0
        for row, count in enumerate(counts):
            with FooterRow():
                for (binding, enabled, tooltip), (display, text) in zip(
                        keys[start:start + count], shown[start:start + count]):
                    yield FooterKey(binding.key, display, text, binding.action, disabled=not enabled,
                                    tooltip=tooltip).data_bind(compact=Footer.compact)
                if row == 0 and palette is not None:
                    _node, binding, enabled, _tooltip = palette
                    yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                                    binding.action, classes="-command-palette", disabled=not enabled,
                                    tooltip=binding.tooltip or binding.description)
            start += count

    def on_resize(self) -> None:
        if self._bindings_ready and self._width() != self._laid_out_width:
            self.call_after_refresh(self.recompose)
