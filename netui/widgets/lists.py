"""An OptionList with the vim keys the rest of netui uses."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netui.i18n import N_

# The side panes' styles as Style objects: a Text whose own style is a string ("bold") is parsed
# by Textual's stylesheet, and the first such parse reads every theme variable (~2 ms at the
# first paint).
BOLD = Style(bold=True)
DIM = Style(dim=True)
ITALIC_DIM = Style(italic=True, dim=True)


def unwrapped_height(option: Option) -> int | None:
    """The lines an option takes in a list that neither wraps nor folds its lines (one per line
    of its text), or None when its prompt is not a Rich Text (markup: not known until parsed)."""
    prompt = option.prompt
    return prompt.plain.count("\n") + 1 if isinstance(prompt, Text) else None


class SteadyScrollBars:
    """For a ScrollView: its scroll bars updated and drawn again only when its size, its
    container's or what it scrolls over changed. Textual's ScrollView compares the layout's
    virtual size with its own, which differ for a ScrollView (it sets its own), so each layout
    of the screen -- every key typed into the search box relays it -- updated the planner's and
    the list's scroll bars and drew them again, sixty lines through Rich, two or three times a key."""

    _sizes_seen: tuple | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        sizes = (size, container_size, self.virtual_size)
        if sizes == self._sizes_seen:
            return False  # as before: nothing changed, no Resize event
        self._sizes_seen = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)


class VimOptionList(SteadyScrollBars, OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    _region_while_drawing: Region | None = None  # in render_lines: the content region when it began

    def render_lines(self, crop: Region) -> list[Strip]:
        # OptionList checks its lines again at each line it draws (through `_lines`), and works
        # out its content region at each line and more: 109 times for the planner's first paint,
        # 6% of it. Neither changes while the lines are drawn.
        self._update_lines()
        self._region_while_drawing = self.scrollable_content_region
        try:
            return super().render_lines(crop)
        finally:
            self._region_while_drawing = None

    @property
    def scrollable_content_region(self) -> Region:
        return self._region_while_drawing or super().scrollable_content_region

    def _update_lines(self) -> None:
        """Textual's own (8.2.8), but in a list whose lines neither wrap nor fold (the side panes:
        `text-wrap: nowrap`, an ellipsis) an option's height is its text's number of lines: it is
        not converted and measured until it is shown. An OptionList measured all of its options
        to learn their heights -- at the first paint the event planner's and the timeline's
        hundred and sixty, a third of the first paint, for the forty in view."""
        if self._region_while_drawing is not None or not self.scrollable_content_region:
            return
        line_cache = self._line_cache
        lines = line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        get_visual = self._get_visual
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if next_index < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            styles = self.styles
            unwrapped = styles.text_wrap == "nowrap" and styles.text_overflow != "fold" and not padding.height
            for index, option in enumerate(self.options[next_index:], next_index):
                line_cache.index_to_line[index] = len(line_cache.lines)
                height = unwrapped_height(option) if unwrapped else None
                if height is None:
                    height = get_visual(option).get_height(styles, width - padding.width)
                line_count = height + option._divider
                line_cache.heights[index] = line_count
                line_cache.lines.extend([(index, line_no) for line_no in range(0, line_count)])
        last_divider = self.options and self.options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
