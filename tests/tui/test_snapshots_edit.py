"""Screenshots of the contact form editing someone with several channels (each a row: kind,
value, label) and an introducer, with time frozen: at 100x36, and at 80x24 scrolled to the
channels (the form scrolls; nothing is cut off).

After an intended change of the look, review and update them with
`python -m pytest tests/tui/test_snapshots_edit.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input

from conftest import travel
from netui import contacts
from netui.app import NetuiApp
from netui.store import db

NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


@pytest.fixture
def edit_app(tmp_path):
    with travel(NOW):
        handle = db.open_database(tmp_path / "edit.db")
        marco = contacts.create_contact("Marco Bianchi", company="Acme")
        contacts.create_contact(
            "Giulia Rossi", company="Lumen Digital", role="Head of PR", city="Milano", circle="work",
            tags=["fintech"], introduced_by_id=marco, channels=[
                ("email", "giulia@lumen.it", "work"), ("email", "giulia.rossi@gmail.com", "home"),
                ("phone", "+39 333 123 4567", "mobile"), ("phone", "+39 02 765 4321", "office"),
                ("linkedin", "https://www.linkedin.com/in/giuliarossi", ""),
                ("website", "https://giulia.example/blog?a=b:c", "blog"), ("other", "Signal: giulia", "chat"),
            ])
        app = NetuiApp(Path(handle.database), welcome=False)
        app.sub_title = "edit.db"
        yield app
        handle.close()


async def open_form(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")  # Giulia Rossi, first by name
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)
    await pilot.press("e")
    await pilot.app.workers.wait_for_complete()
    for field in pilot.app.screen.query(Input):  # a blinking cursor would make the picture random
        field.cursor_blink = False
    await pilot.pause()


async def open_form_at_the_channels(pilot) -> None:
    await open_form(pilot)
    await pilot.press("ctrl+n")  # a new row, scrolled into view
    await pilot.app.workers.wait_for_complete()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause(0.3)


def test_contact_form_with_every_channel(snap_compare, edit_app):
    assert snap_compare(edit_app, terminal_size=(100, 36), run_before=open_form)


def test_contact_form_small_terminal_scrolled_to_a_new_channel_row(snap_compare, edit_app):
    assert snap_compare(edit_app, terminal_size=(80, 24), run_before=open_form_at_the_channels)
