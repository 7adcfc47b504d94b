"""The screen hides nothing (Trust 12): every key the README promises is in the footer at
80 columns in English and Italian, whole; the overdue mark is visible beside the scroll bar;
help names netui's keys, not Textual's; Esc and coming back leave the focus on the list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input

from netui import contacts, timeline, upkeep
from netui.app import NetuiApp
from netui.i18n import _
from netui.screens.contact import ContactScreen
from netui.screens.help import HelpScreen
from netui.screens.main import MainScreen
from netui.screens.today import TodayScreen
from netui.widgets.contact_list import ContactList
from netui.widgets.footer import KeysFooter
from support import settle, type_text

SMALL = (80, 24)

# The README's key table: the main screen's keys and the ones that work everywhere, with what
# the footer calls them (translated when shown).
MAIN_KEYS = [("/", "Search"), ("n", "New"), ("l", "Log"), ("N", "New event"), ("d", "Trash"),
             ("x", "Export"), ("c", "Capture"), ("t", "Today"), ("?", "Help"), ("q", "Quit"),
             ("^p", "palette")]
CONTACT_KEYS = [("esc", "Back"), ("e", "Edit"), ("l", "Log"), ("f", "Follow-up"), ("k", "Cadence"),
                ("b", "Date"), ("p", "Recurring"), ("w", "News"), ("g", "Gave"), ("r", "Received"),
                ("i", "Introduce"), ("d", "Trash"), ("c", "Capture"), ("t", "Today"), ("?", "Help"),
                ("q", "Quit"), ("^p", "palette")]


@pytest.fixture(params=["en", "it"])
def language(request):
    from netui import i18n

    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def app(database):
    return NetuiApp(Path(database.database), welcome=False)


def screen_lines(app) -> list[str]:
    """The characters on the terminal, line by line, as the user sees them."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def footer_lines(app) -> list[str]:
    region = app.screen.query_one(KeysFooter).region
    return screen_lines(app)[region.y:region.bottom]


def assert_footer_shows(app, keys) -> None:
    lines = footer_lines(app)
    text = " ".join(lines)
    missing = [f"{key} {_(description)}" for key, description in keys if f"{key} {_(description)}" not in text]
    assert not missing, f"not in the footer {lines}: {missing}"
    # The palette key closes its line: nothing after its word (no letter of a key under it).
    palette = f"^p {_('palette')}"
    [line] = [line for line in lines if palette in line]
    assert line.rstrip().endswith(palette), line


async def test_main_footer_shows_every_promised_key_at_80_columns(app, language):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        assert_footer_shows(pilot.app, MAIN_KEYS)


async def test_contact_footer_shows_its_keys_whole_at_80_columns(app, language):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("enter")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert_footer_shows(pilot.app, CONTACT_KEYS)


async def test_footer_keeps_every_key_when_the_terminal_is_resized(app, language):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, rounds=2)
        assert_footer_shows(pilot.app, MAIN_KEYS)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, rounds=2)
        assert_footer_shows(pilot.app, MAIN_KEYS)
        await pilot.resize_terminal(200, 40)
        await settle(pilot, rounds=2)
        assert_footer_shows(pilot.app, MAIN_KEYS)
        assert len(footer_lines(pilot.app)) == 1


async def test_overdue_mark_is_visible_when_the_list_scrolls(frozen, app):
    today = frozen.date()
    for number in range(40):
        contacts.create_contact(f"Person {number:02d}")
    late = contacts.create_contact("Aaron Overdue")
    upkeep.set_cadence(late, 30)
    timeline.log_interaction([late], "call", frozen.subtract(days=60))
    assert upkeep.keep_in_touch(late, today).overdue
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        contact_list = pilot.app.screen.query_one(ContactList)
        assert contact_list.max_scroll_y > 0, "the list needs a scroll bar for this test"
        [row] = [line for line in screen_lines(pilot.app) if "Aaron Overdue" in line]
        assert "!" in row, row


async def test_help_on_the_contact_screen_lists_netui_keys_only(app, language):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("enter")
        await settle(pilot, rounds=2)
        await pilot.press("question_mark")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, HelpScreen)
        shown = str(pilot.app.screen.query_one("#help-text").render())
        for internal in ("VerticalScroll", "Scroll Left", "Page Right", "Scroll Up", "Scroll Right",
                         "Page Left", _("Scroll Up")):
            assert internal not in shown
        assert _("Edit this contact") in shown
        assert _("Back") in shown


async def test_esc_in_the_search_box_hands_the_keys_back_to_the_list(app):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("slash", "g", "i", "u")
        await settle(pilot, rounds=2)
        await pilot.press("escape")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.focused, ContactList)
        assert pilot.app.screen.query_one("#search", Input).value == ""
        await pilot.press("t")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_esc_in_an_empty_search_box_goes_to_the_list(app):
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("slash", "escape")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.focused, ContactList)


async def open_from_the_search_box(pilot, way: str) -> None:
    """Leave the main screen while the search box has the focus (keys that work there)."""
    if way == "help":
        await pilot.press("f1")
    else:  # the palette's "today: open"
        await pilot.press("ctrl+p")
        await settle(pilot, rounds=2)
        await type_text(pilot, "today")
        await settle(pilot, rounds=2)
        await pilot.press("enter")


@pytest.mark.parametrize("way", ["help", "today"])
async def test_back_on_the_main_screen_the_focus_is_on_the_list_not_the_search_box(app, way):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("slash", "g", "i")
        await settle(pilot, rounds=2)
        await open_from_the_search_box(pilot, way)
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, HelpScreen if way == "help" else TodayScreen)
        await pilot.press("escape")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, MainScreen)
        assert isinstance(pilot.app.focused, ContactList)
        search = pilot.app.screen.query_one("#search", Input)
        assert search.value == "gi", "the search still applies"
        await pilot.press("t")  # a command again, not a letter in the search
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, TodayScreen)
        assert search.value == "gi"


async def test_back_from_a_contact_the_list_has_the_keys(app):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("slash", "g", "i", "enter", "enter")  # search, to the list, open
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, ContactScreen)
        await pilot.press("escape")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.focused, ContactList)
        await pilot.press("slash")
        assert pilot.app.focused is pilot.app.screen.query_one("#search", Input)


async def test_q_quits_after_coming_back_from_a_contact(app):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("slash", "escape", "enter")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, ContactScreen)
        await pilot.press("escape")
        await settle(pilot, rounds=2)
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app._exit, "q quit netui"


async def test_the_timeline_names_the_event_once(app, frozen):
    """A capture at Fiera logs "Met at Fiera": its row does not add "@ Fiera" again; a call
    logged at the event still says where it was."""
    from netui import capture, events

    fiera = events.create_event("Fiera", starts_at=frozen.subtract(hours=2), status="attended")
    result = capture.capture_line("Giulia Rossi @Lumen", fiera)
    timeline.log_interaction([result.contact_id], "call", frozen.subtract(hours=1), summary="Coffee",
                             event_id=fiera)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, rounds=2)
        await pilot.press("enter")
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, ContactScreen)
        text = "\n".join(screen_lines(pilot.app))
        assert "Met at Fiera" in text and "Met at Fiera @ Fiera" not in text
        assert "Coffee @ Fiera" in text


async def test_a_change_noticed_while_a_contact_opens_does_not_crash(app, frozen):
    """The 2-second check for other writers may fire between pushing the contact screen and
    its first frame; reloading a screen not yet built crashed the app (seen on a busy CI)."""
    anna = contacts.create_contact("Anna Verdi")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, rounds=2)
        pilot.app.open_contact(anna)
        pilot.app.publish_change()  # as check_other_writers does when data_version moved
        await settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert "Anna Verdi" in "\n".join(screen_lines(pilot.app))
