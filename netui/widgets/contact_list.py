"""A contact list that is a window onto the database: it asks for the rows it shows.

The screen gives it a `RowSource` (a row count, a function returning a page of
ContactSummary, and the first page, read with the count in the screen's worker); the list
renders only visible lines with the Line API, caching pages, so 100,000 people cost what one
screenful costs. Rendering never reads the database: a page not cached yet is fetched in a
worker and drawn when it arrives (the cursor's own row is read at once, for the keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netui.contacts import ContactSummary
from netui.i18n import N_
from netui.records import Record
from netui.screens.work import WorkerErrors, run_in_thread
from netui.widgets.lists import SteadyScrollBars
from netui.when import humanize, now

PAGE_SIZE = 50  # a screenful and more: the rows a keystroke reads before the list repaints


class RowSource(Record):
    """Where the rows come from: how many, and a page of them."""

    count: int
    fetch: Callable[[int, int], list[ContactSummary]]  # (offset, limit) -> rows
    first_page: list[ContactSummary] | None = field(default=None, compare=False)  # rows 0..PAGE_SIZE-1


WARMTH_MARKS = {"warm": "●", "cooling": "◐", "cold": "○"}


class ContactList(WorkerErrors, SteadyScrollBars, ScrollView, can_focus=True):
    """Contacts, one per line: star, name, company, city, warmth, last contacted, overdue mark.

    Warmth (netui.upkeep): ● warm, ◐ cooling, ○ cold -- a shape as well as a colour."""

    BINDINGS = [
        Binding("down,j", "cursor_down", N_("Down"), show=False),
        Binding("up,k", "cursor_up", N_("Up"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("home", "first", N_("First"), show=False),
        Binding("end", "last", N_("Last"), show=False),
        Binding("enter", "open", N_("Open"), tooltip=N_("Open the selected contact")),
    ]
    COMPONENT_CLASSES = {
        "contact-list--cursor",
        "contact-list--dim",
        "contact-list--overdue",
        "contact-list--star",
        "contact-list--warm",
        "contact-list--cooling",
        "contact-list--cold",
    }
    DEFAULT_CSS = """
    ContactList { height: 1fr; overflow-x: hidden; }
    ContactList > .contact-list--cursor { background: $accent 40%; }
    ContactList:focus > .contact-list--cursor { background: $accent; color: $text; }
    ContactList > .contact-list--dim { color: $text-muted; }
    ContactList > .contact-list--overdue { color: $error; text-style: bold; }
    ContactList > .contact-list--star { color: $warning; }
    ContactList > .contact-list--warm { color: $success; }
    ContactList > .contact-list--cooling { color: $warning; }
    ContactList > .contact-list--cold { color: $text-muted; }
    """

    cursor = reactive(0)

    class Highlighted(Message):
        """The cursor moved onto a contact (None when the list is empty)."""

        def __init__(self, contact_id: int | None) -> None:
            self.contact_id = contact_id
            super().__init__()

    class Opened(Message):
        def __init__(self, contact_id: int) -> None:
            self.contact_id = contact_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._source = RowSource(0, lambda offset, limit: [])
        self._pages: dict[int, list[ContactSummary]] = {}
        self._asked: set[int] = set()  # pages a worker is fetching
        self._now = now()
        self._row_styles: dict[str, dict[str, Style]] = {}
        self._humanized: dict[tuple, str] = {}

    # --- data --------------------------------------------------------------------------

    def set_source(self, source: RowSource, keep_place: bool = False) -> None:
        """Show another set of rows: a new search or filter starts at the top; the same one
        read again (`keep_place`, after a change) keeps the cursor where it was."""
        highlighted = self._cached_row(self.cursor) if keep_place else None
        self._source = source
        self._pages.clear()
        self._asked.clear()
        if source.first_page is not None:
            self._pages[0] = source.first_page
        self.virtual_size = Size(0, source.count)
        if keep_place and source.count:
            # The same person stays highlighted when someone is added or removed above them.
            place = next((index for index, row in enumerate(source.first_page or ())
                          if highlighted is not None and row.id == highlighted.id), self.cursor)
            self.set_reactive(ContactList.cursor, min(place, source.count - 1))
            self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True)
        else:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
        self.refresh()
        self._announce()

    @property
    def row_count(self) -> int:
        return self._source.count

    def row(self, index: int) -> ContactSummary | None:
        """The row at `index`, read now if its page is not cached (for the keys' actions)."""
        if not 0 <= index < self._source.count:
            return None
        page = index // PAGE_SIZE
        if page not in self._pages:
            self._keep(page, self._source.fetch(page * PAGE_SIZE, PAGE_SIZE))
        return self._cached_row(index)

    def _cached_row(self, index: int) -> ContactSummary | None:
        rows = self._pages.get(index // PAGE_SIZE)
        position = index % PAGE_SIZE
        return rows[position] if rows is not None and position < len(rows) else None

    def _keep(self, page: int, rows: list[ContactSummary]) -> None:
        if len(self._pages) > 20:  # keep memory flat while scrolling far
            self._pages.clear()
        self._pages[page] = rows

    def _ask_for(self, page: int) -> None:
        """Fetch a page in a worker; the lines showing it are drawn again when it arrives."""
        if page in self._asked:
            return
        self._asked.add(page)
        source = self._source

        def arrived(rows: list[ContactSummary]) -> None:
            self._asked.discard(page)
            if source is self._source:  # not a page of an older search
                self._keep(page, rows)
                self.refresh()
                if self.cursor // PAGE_SIZE == page:
                    self._announce()

        run_in_thread(self, lambda: source.fetch(page * PAGE_SIZE, PAGE_SIZE), done=arrived,
                      failed=lambda error: self._asked.discard(page), group="contact-rows")

    @property
    def selected(self) -> ContactSummary | None:
        return self.row(self.cursor)

    # --- rendering ---------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # One "now" for every line of this paint ("3 weeks ago"), and the row styles worked
        # out once per paint, not once a line.
        self._now = now()
        self._row_styles = {}
        # The same for its place: the scroll offset, its width and the room left of the scroll bar
        # (the row is laid out there: the overdue mark at the end stays visible when it scrolls).
        self._place = (self.scroll_offset, self.size.width, self.scrollable_content_region.width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        (scroll_x, scroll_y), width, inside = self._place
        index = scroll_y + y
        summary = self._cached_row(index)
        if summary is None:
            if 0 <= index < self._source.count:
                self._ask_for(index // PAGE_SIZE)
            return Strip.blank(width, self.rich_style)
        styles = self._styles(index == self.cursor)
        base, dim = styles["base"], styles["dim"]
        where = ", ".join(part for part in (summary.company, summary.city) if part)
        # Right-aligned: when last contacted and the overdue mark; the left side is cut to fit.
        # Built as plain segments with their widths counted here: one Strip per line (each
        # Strip sets up its own caches; a line made of five took a third of a repaint).
        warmth = WARMTH_MARKS.get(summary.warmth)
        right = [
            Segment(f"{warmth} " if warmth else "", styles.get(summary.warmth, base)),
            Segment(self._when(summary.last_contacted), dim),
            Segment(" !" if summary.overdue else "  ", styles["overdue"]),
        ]
        left = [
            Segment("★ " if summary.starred else "  ", styles["star"]),
            Segment(summary.name, base),
            Segment(f"  {where}" if where else "", dim),
        ]
        right_width = sum(cell_len(segment.text) for segment in right)
        left_width = sum(cell_len(segment.text) for segment in left)
        room = max(0, inside - right_width - 1)
        if left_width > room:
            left = [*Segment.adjust_line_length(left, max(0, room - 1), pad=False), Segment("…" if room else "", dim)]
            left_width = min(room, max(0, room - 1) + 1)
        gap = Segment(" " * max(0, inside - left_width - right_width), base)
        line = [*left, gap, *right]
        length = max(inside, left_width + right_width)
        if length < width:  # the columns under the scroll bar
            line.append(Segment(" " * (width - length), base))
        strip = Strip(line, max(width, length))
        return strip.crop(scroll_x, scroll_x + width) if scroll_x or length > width else strip

    def _when(self, instant) -> str:
        """'3 weeks ago', worked out once a minute for each instant shown (pendulum's
        intervals are the dearest part of a line)."""
        key = (instant, self._now.replace(second=0, microsecond=0))
        text = self._humanized.get(key)
        if text is None:
            if len(self._humanized) > 2000:
                self._humanized.clear()
            text = self._humanized[key] = humanize(instant, self._now)
        return text

    def _styles(self, cursor: bool) -> dict[str, Style]:
        """A row's styles (the cursor's row has its own), once per paint."""
        key = "cursor" if cursor else "row"
        styles = self._row_styles.get(key)
        if styles is None:
            base = self.rich_style
            if cursor:
                base = base + self.get_component_rich_style("contact-list--cursor")
            styles = self._row_styles[key] = {
                "base": base,
                **{part: base + self._foreground(f"contact-list--{part}")
                   for part in ("dim", "star", "overdue", "warm", "cooling", "cold")},
            }
        return styles

    def _foreground(self, component: str) -> Style:
        """A component's colour and text style only, resolved against the list's own
        background (so "muted" text stays readable in light themes too)."""
        full = self.get_component_rich_style(component)
        return Style(color=full.color, bold=full.bold, italic=full.italic)

    def on_resize(self) -> None:
        self.virtual_size = Size(0, self._source.count)

    # --- cursor ------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_lines(old - self.scroll_offset.y)
        self.refresh_lines(new - self.scroll_offset.y)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self._announce()

    def refresh_lines(self, y: int, count: int = 1) -> None:
        self.refresh(Region(0, y, self.size.width, count))

    def _announce(self) -> None:
        """Say who is highlighted; a row whose page is not read yet is said when it arrives
        (a worker reads it: moving the cursor never waits on the database)."""
        summary = self._cached_row(self.cursor)
        if summary is None and 0 <= self.cursor < self._source.count:
            self._ask_for(self.cursor // PAGE_SIZE)
            return
        self.post_message(self.Highlighted(summary.id if summary else None))

    def _move_to(self, index: int) -> None:
        if self._source.count:
            self.cursor = max(0, min(index, self._source.count - 1))

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        self._move_to(self.cursor + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self._move_to(self.cursor - max(1, self.size.height - 1))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self._source.count - 1)

    def action_open(self) -> None:
        summary = self.selected
        if summary is not None:
            self.post_message(self.Opened(summary.id))

    def on_click(self, event) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self._source.count:
            if index == self.cursor:
                self.action_open()
            self._move_to(index)
