"""Screenshots of the main screens on the demo network, with time frozen.

After an intended change of the look, review and update them with
`python -m pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input

from conftest import travel
from netui.store import db
from netui import demo
from netui.app import NetuiApp

SIZE = (120, 36)
# The demo network's "now": follow-ups due today, events coming up, "3 weeks ago" texts.
NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


@pytest.fixture
def demo_app(tmp_path):
    with travel(NOW):
        handle = db.open_database(tmp_path / "demo.db")
        demo.generate_network(now=NOW)
        app = NetuiApp(Path(handle.database), welcome=False)
        app.sub_title = "demo.db"  # the temporary path differs on every run
        yield app
        handle.close()


async def wait_for_workers(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)  # the timeline pane follows the highlight a moment later
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_third_contact(pilot):
    await wait_for_workers(pilot)
    await pilot.press("j", "j", "enter")
    await wait_for_workers(pilot)


async def open_help(pilot):
    await wait_for_workers(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def open_today(pilot):
    await wait_for_workers(pilot)
    await pilot.press("t")
    await wait_for_workers(pilot)


def test_main_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=wait_for_workers)


def test_main_screen_small_terminal(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=wait_for_workers)


def test_contact_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_third_contact)


def test_event_form(snap_compare, demo_app):
    async def open_form(pilot):
        await wait_for_workers(pilot)
        await pilot.press("N")
        await wait_for_workers(pilot)  # the form settles (one pause is not enough on a busy machine)
        for field in pilot.app.screen.query(Input):  # a blinking cursor would make the picture random
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_form)


def test_help(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_help)


def test_main_screen_light_theme(snap_compare, demo_app):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await wait_for_workers(pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=light)


def test_capture_screen(snap_compare, demo_app):
    async def capture_a_line(pilot):
        await wait_for_workers(pilot)
        await pilot.press("c")
        await pilot.pause()
        line = 'Giulia Rossi @Lumen "CMO" #fintech !1w met at the stand'
        await pilot.press(*[{" ": "space"}.get(c, c) for c in line])
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=capture_a_line)


def test_today_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_today)


def test_trip_screen(snap_compare, demo_app):
    async def plan_a_trip_to_milano(pilot):
        await wait_for_workers(pilot)
        pilot.app.open_trip("Milano")
        await wait_for_workers(pilot)
        await pilot.press("space", "j", "space")  # two people selected
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=plan_a_trip_to_milano)


# --- the same screens in Italian (netui --lang it) -------------------------------------------


@pytest.fixture
def italian_demo_app(italian, demo_app):
    """Italian first, then the demo: it is written in the interface's language, as a new user sees it."""
    return demo_app


def test_main_screen_in_italian(snap_compare, italian_demo_app):
    assert snap_compare(italian_demo_app, terminal_size=SIZE, run_before=wait_for_workers)


def test_contact_screen_in_italian(snap_compare, italian_demo_app):
    assert snap_compare(italian_demo_app, terminal_size=SIZE, run_before=open_third_contact)


def test_today_screen_in_italian(snap_compare, italian_demo_app):
    assert snap_compare(italian_demo_app, terminal_size=SIZE, run_before=open_today)


def test_help_in_italian(snap_compare, italian_demo_app):
    assert snap_compare(italian_demo_app, terminal_size=SIZE, run_before=open_help)
