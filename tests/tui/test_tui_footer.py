"""The footer is one widget that draws its keys (Textual's Footer mounted a widget per key, and
mounted them all again whenever the focus moved: a sixth of the first screen's start-up and
most of a focus change). It still follows the focus, a click on a key runs it, and hovering a
key shows what it does."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui import contacts
from netui.app import NetuiApp
from netui.i18n import _
from netui.screens.today import TodayScreen
from netui.widgets.contact_list import ContactList
from netui.widgets.footer import KeysFooter, place_keys, FooterEntry
from support import settle

SMALL = (80, 24)


@pytest.fixture
def app(database):
    contacts.create_contact("Giulia Rossi")
    return NetuiApp(Path(database.database), welcome=False)


def footer_lines(app) -> list[str]:
    footer = app.screen.query_one(KeysFooter)
    lines = ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]
    return lines[footer.region.y:footer.region.bottom]


def where(app, text: str) -> tuple[int, int]:
    """The offset, within the footer, of the first letter of `text`."""
    for y, line in enumerate(footer_lines(app)):
        if text in line:
            return line.index(text), y
    raise AssertionError(f"{text!r} not in the footer {footer_lines(app)}")


async def test_the_footer_follows_the_focus_without_mounting_widgets(app):
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        screen = pilot.app.screen
        footer = screen.query_one(KeysFooter)
        assert not footer.children, "the keys are drawn, not widgets"
        assert isinstance(pilot.app.focused, ContactList)
        trash = f"d {_('Trash')}"
        assert trash in " ".join(footer_lines(pilot.app))
        widgets = set(screen.walk_children())
        await pilot.press("slash")  # to the search box: d is a letter there, not Trash
        await settle(pilot)
        assert trash not in " ".join(footer_lines(pilot.app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.focused, ContactList)
        assert trash in " ".join(footer_lines(pilot.app))
        assert set(screen.walk_children()) == widgets, "moving the focus mounted or removed widgets"


@pytest.mark.parametrize("size", [SMALL, (160, 40)])
async def test_clicking_a_key_in_the_footer_runs_it(app, size):
    async with app.run_test(size=size) as pilot:
        await settle(pilot, rounds=2)
        await pilot.click(KeysFooter, offset=where(pilot.app, f"t {_('Today')}"))
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_hovering_a_key_shows_what_it_does(app):
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        footer = pilot.app.screen.query_one(KeysFooter)
        x, y = where(pilot.app, f"n {_('New')}")
        await pilot.hover(KeysFooter, offset=(x + 2, y))  # on the word, not the key
        assert footer.tooltip == _("Add a new contact")
        await pilot.hover(KeysFooter, offset=where(pilot.app, f"x {_('Export')}"))
        assert footer.tooltip == _("Export the contacts this list shows")


def test_keys_wrap_whole_and_the_palette_ends_the_first_line():
    keys = [FooterEntry(letter, letter, "Word" * 3, True, "") for letter in "abcdefgh"]
    palette = FooterEntry("ctrl+p", "^p", "palette", True, "")
    compact, placed = place_keys(keys, palette, 40)  # "a WordWordWord " takes 15 columns
    assert compact
    per_line = [sum(1 for place in placed[:-1] if place.y == y) for y in range(5)]
    assert per_line == [1, 2, 2, 2, 1], "as many as fit; the first line keeps room for the palette key"
    assert all(place.end <= 40 for place in placed)
    *_keys, last = placed
    assert (last.y, last.end, last.index) == (0, 40, len(keys))
    assert [place.index for place in placed[:-1]] == list(range(len(keys))), "in order"
    compact, placed = place_keys(keys[:2], palette, 80)
    assert not compact and {place.y for place in placed} == {0}


async def test_the_first_screen_at_80_columns_shows_both_lines_of_keys(database):
    """The keys take two lines at 80 columns: the footer is two lines high from the first
    screen on (it once kept one line, its height worked out before the keys were read, and
    hid ? Help, c Capture and t Today)."""
    from netui import demo

    demo.generate_network(people=60, interactions=200)
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeysFooter)
        text = " ".join(footer_lines(app))
        assert footer.size.height == 2, footer_lines(app)
        for key in (f"? {_('Help')}", f"c {_('Capture')}", f"t {_('Today')}", f"q {_('Quit')}"):
            assert key in text, footer_lines(app)


async def test_the_welcome_shows_its_own_keys_not_the_main_screen_s(database):
    """A new user's first screen: the welcome over the main screen shows the keys that work
    while it is there -- the main screen's footer under it said "d Trash" where d loads the
    demo (and before that was a blank line)."""
    app = NetuiApp(Path(database.database), welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "WelcomeScreen"
        footer = app.screen.query_one(KeysFooter)
        lines = ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]
        text = " ".join(lines[footer.region.y:footer.region.bottom])
        for key in (f"d {_('Demo network')}", f"n {_('First contact')}", f"{_('Start empty')}", f"q {_('Quit')}"):
            assert key in text, text
        assert _("Trash") not in text and _("Search") not in text, text
