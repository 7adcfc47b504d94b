"""The footer: every key that works here, each whole, on as many lines as it takes.

Textual's Footer is one line: what does not fit is cut (at 80 columns the main screen lost
`c`, `t`, `?` and half of "Quit"), and its palette key, docked over the end of the line, let a
letter of the hidden keys show after it ("^p palettel"). This footer keeps Textual's look
while everything fits on one line; otherwise it switches to the compact style and wraps the
keys onto more lines, the palette key at the end of the first one.

It is one widget that draws its lines itself (Textual's Footer mounts a widget per key, and
mounted them all again at every change of focus: a sixth of the first screen's start-up and
most of the cost of moving the focus). When the bindings change it works out the keys again
and repaints only if what it shows changed; a click runs the key under the mouse, and hovering
a key shows its tooltip.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

# The left edge Textual draws before the palette key (its `border-left: vkey`).
PALETTE_EDGE = "▏"


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str  # what simulate_key presses
    display: str  # the app's key display ("^p", "/")
    description: str
    enabled: bool
    tooltip: str


class Placed(NamedTuple):
    """Where an entry is drawn: line, first column, column after it, index in the entries
    (the palette key is the last entry when there is one)."""

    y: int
    start: int
    end: int
    index: int


def key_width(display: str, description: str, compact: bool) -> int:
    """Columns a key takes (as Textual's FooterKey draws it): regular ' k desc ',
    compact 'k desc' and a margin of one."""
    if compact:
        return cell_len(display) + (1 + cell_len(description) if description else 0) + 1
    return cell_len(display) + 3 + cell_len(description) if description else cell_len(display)


def palette_width(display: str, description: str, compact: bool) -> int:
    """The palette key always draws compact, after a one-column edge; in a regular footer
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


def place_keys(keys: list[FooterEntry], palette: FooterEntry | None, width: int) -> tuple[bool, list[Placed]]:
    """(compact?, where each entry goes) at `width` columns: one regular line while everything
    fits, else compact lines as full as they can be, the palette key at the right end of the first."""
    regular = sum(key_width(key.display, key.description, False) for key in keys)
    palette_room = palette_width(palette.display, palette.description, False) if palette else 0
    compact = regular + palette_room > width
    if compact:
        widths = [key_width(key.display, key.description, True) for key in keys]
        palette_room = palette_width(palette.display, palette.description, True) if palette else 0
        counts = split_rows(widths, width, width - palette_room)
    else:
        widths = [key_width(key.display, key.description, False) for key in keys]
        counts = [len(keys)]
    placed, index = [], 0
    for y, count in enumerate(counts):
        x = 0
        for width_of_key in widths[index:index + count]:
            # A compact key's margin is not part of the key (clicking it does nothing).
            placed.append(Placed(y, x, x + width_of_key - (1 if compact else 0), index))
            x += width_of_key
            index += 1
    if palette is not None:
        placed.append(Placed(0, max(0, width - palette_room), width, len(keys)))
    return compact, placed


class KeysFooter(Widget, can_focus=False):
    """The keys that work where the focus is, with the command palette's key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--item",
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--disabled",
        "keys-footer--palette-edge",
    }
    # Textual's Footer and FooterKey styles, as component classes of one widget.
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--item { background: $footer-item-background; }
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .keys-footer--disabled { text-style: dim; }
        .keys-footer--palette-edge { color: $foreground 20%; }
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None,
                 show_command_palette: bool = True) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.show_command_palette = show_command_palette
        self._update_pending = False  # several signals in a row read the keys once
        self._been_on_top = False
        self._keys: list[FooterEntry] = []
        self._palette: FooterEntry | None = None
        self._placed: dict[int, tuple[bool, list[Placed]]] = {}  # by width
        self._hover: int | None = None

    # --- what to show -----------------------------------------------------------------

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        """Textual's signal that the keys may have changed (focus moved, an action's check)."""
        if not screen.app.app_focus:
            return
        # A screen under another (a form, the palette) keeps the keys it showed: they are the
        # ones that work when it is back on top, and it is read again then. One that has not
        # been on top yet (the main screen under the welcome) follows its keys until it is.
        if self.is_attached and screen is self.screen and self._follows(screen) and not self._update_pending:
            self._update_pending = True
            self.call_next(self.update_keys)

    def _follows(self, screen) -> bool:
        """Whether the keys of `screen` are read now."""
        if screen.is_active:
            self._been_on_top = True
        return screen.is_active or not self._been_on_top

    def read_keys(self) -> tuple[list[FooterEntry], FooterEntry | None]:
        """The screen's shown bindings, the first of each action, in order; and the palette's."""
        app = self.app
        active_bindings = self.screen.active_bindings
        keys, actions = [], set()
        for _node, binding, enabled, tooltip in active_bindings.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(FooterEntry(binding.key, app.get_key_display(binding), binding.description,
                                        enabled, tooltip))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active_bindings.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = FooterEntry(binding.key, app.get_key_display(binding), binding.description,
                                      enabled, binding.tooltip or binding.description)
        return keys, palette

    def update_keys(self) -> None:
        """Read the keys again; repaint only if they changed (and lay out only if the number of
        lines did)."""
        self._update_pending = False
        if not self.is_attached or not self._follows(self.screen):
            return
        keys, palette = self.read_keys()
        if keys == self._keys and palette == self._palette:
            return
        self._keys, self._palette = keys, palette
        self._placed.clear()
        self._set_hover(None)
        self._fit_height()
        self.refresh()

    @property
    def entries(self) -> list[FooterEntry]:
        """Every key shown, the palette's last."""
        return self._keys + ([self._palette] if self._palette else [])

    # --- layout -----------------------------------------------------------------------

    def _layout(self, width: int) -> tuple[bool, list[Placed]]:
        if width not in self._placed:
            self._placed[width] = place_keys(self._keys, self._palette, width)
        return self._placed[width]

    def _line_count(self, width: int) -> int:
        _compact, placed = self._layout(width)
        return max((place.y for place in placed), default=0) + 1

    def _fit_height(self) -> None:
        """As many lines as the keys take at this width. Set as the height itself: a layout
        asked for while an earlier one was still pending reused the height Textual had
        worked out before the keys changed (the first screen at 80 columns kept one line of
        two, hiding ? Help, c Capture and t Today)."""
        lines = self._line_count(self.size.width or self.app.size.width)
        if self.styles.height is None or self.styles.height.value != lines:
            self.styles.height = lines

    def on_resize(self) -> None:
        self._fit_height()

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        compact, placed = self._layout(width)
        base = self.rich_style
        segments, x = [], 0
        for place in placed:
            if place.y != y:
                continue
            if place.start > x:
                segments.append(Segment(" " * (place.start - x), base))
            segments.extend(self._draw(place.index, compact, base))
            x = place.end
            if compact and place.index < len(self._keys):
                segments.append(Segment(" ", base))  # the margin after a compact key
                x += 1
        if x < width:
            segments.append(Segment(" " * (width - x), base))
        return Strip(segments).crop_extend(0, width, base)

    def _draw(self, index: int, compact: bool, base: Style) -> list[Segment]:
        """One key as Textual's FooterKey draws it: the key in the key colour (bold), its
        description after it; dimmed when it does not work now, highlighted under the mouse."""
        entries = self.entries
        entry = entries[index]
        is_palette = self._palette is not None and index == len(entries) - 1
        if index == self._hover:
            item = self.get_component_rich_style("keys-footer--hover")
        else:
            item = base + self.get_component_rich_style("keys-footer--item", partial=True)
        if not entry.enabled:
            item += self.get_component_rich_style("keys-footer--disabled", partial=True)
        key_style = item + self.get_component_rich_style("keys-footer--key", partial=True)
        description_style = item + self.get_component_rich_style("keys-footer--description", partial=True)
        segments = []
        if is_palette:
            edge = self.get_component_rich_style("keys-footer--palette-edge")
            segments.append(Segment(PALETTE_EDGE, item + Style(color=edge.color)))
        if is_palette or compact:
            segments.append(Segment(entry.display, key_style))
            if entry.description:
                segments.append(Segment(f" {entry.description}", description_style))
            if is_palette and not compact:
                segments.append(Segment(" ", item))
        elif entry.description:
            segments.append(Segment(f" {entry.display} ", key_style))
            segments.append(Segment(f"{entry.description} ", description_style))
        else:
            segments.append(Segment(entry.display, key_style))
        return segments

    # --- the mouse --------------------------------------------------------------------

    def key_at(self, x: int, y: int) -> int | None:
        """The index of the entry drawn at (x, y), if any."""
        _compact, placed = self._layout(self.size.width)
        for place in placed:
            if place.y == y and place.start <= x < place.end:
                return place.index
        return None

    def _set_hover(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        entries = self.entries
        on_key = index is not None and index < len(entries)
        self.tooltip = entries[index].tooltip or None if on_key else None
        self.styles.pointer = "pointer" if on_key else "default"  # a hand over a key, as on a FooterKey
        self.screen.update_pointer_shape()
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.key_at(event.x, event.y))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self.key_at(event.x, event.y)
        if index is None:
            return
        entry = self.entries[index]
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
