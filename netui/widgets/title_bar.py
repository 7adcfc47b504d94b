"""The top line of every screen: the command palette's mark, then the title (netui — the network open)."""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from netui.i18n import _

PALETTE_MARK = "⭘"
DIM = Style(dim=True)  # a Style, not "dim": the first style read from a string tokenises every theme variable (~2 ms)
SIDE_CELLS = 8  # the mark's room on the left (a click there opens the palette), kept on the right too: the title is centred


class TitleBar(Widget):
    """Textual's Header drawn by one widget. Header is four (icon, title, the clock's room), and
    sets its title four times as it mounts: its parts were a tenth of the first screen's paint."""

    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; background: $panel; color: $foreground; }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._changed, init=False)
            self.watch(node, "sub_title", self._changed, init=False)
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = _("Open the command palette")

    def _changed(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        # Its one line drawn as segments at once: through render() (a Visual, wrapped and
        # aligned as any text) this one line cost as much as twenty of the contact list's.
        return Strip(self.render().render_segments(self.visual_style), self.size.width)

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = Content(screen.title if screen.title is not None else app.title)
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        if sub_title:  # as App.format_title: "netui — the file", the file dim
            title = Content.assemble(title, (" — ", DIM), (sub_title, DIM))
        width = self.size.width
        side = min(SIDE_CELLS, width // 4)
        middle = width - 2 * side
        title = title.truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2
        mark = f" {PALETTE_MARK}" if self.app.ENABLE_COMMAND_PALETTE else ""
        return Content.assemble(mark.ljust(side), title.pad(left, middle - title.cell_length - left), " " * side)

    async def on_click(self, event: Click) -> None:
        if event.x < SIDE_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
