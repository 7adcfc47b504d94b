"""The app and other writers: changes made by another process show up; a read-only file says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from netui import contacts
from netui.store import db
from netui.app import NetuiApp
from support import settle

SIZE = (120, 40)


async def test_a_contact_added_by_another_process_appears_in_the_open_list(database):
    contacts.create_contact("Anna Verdi")
    path = Path(database.database)
    async with NetuiApp(path, welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        label = pilot.app.screen.query_one("#contacts-title")
        assert label.render().plain.startswith("1 person")
        done = subprocess.run([sys.executable, "-m", "netui", "--db", str(path), "add", "Bruno Neri"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        pilot.app.check_other_writers()  # what the 2-second timer does
        await settle(pilot)
        assert label.render().plain.startswith("2 people")


async def test_a_read_only_file_opens_with_a_notice(tmp_path):
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    contacts.create_contact("Anna Verdi")
    handle.close()
    handle = db.open_database(path, read_only=True)  # what a file the user cannot write gives
    try:
        async with NetuiApp(path, welcome=False).run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert pilot.app.sub_title.endswith("(read-only)")
            assert any("read-only" in n.message for n in pilot.app._notifications)
            assert pilot.app.screen.query_one("#contacts-title").render().plain.startswith("1 person")
    finally:
        handle.close()


async def test_writing_to_a_read_only_file_says_so_and_keeps_the_app_running(tmp_path):
    path = tmp_path / "netui.db"
    handle = db.open_database(path)
    anna = contacts.create_contact("Anna Verdi")
    handle.close()
    handle = db.open_database(path, read_only=True)
    try:
        async with NetuiApp(path, welcome=False).run_test(size=SIZE) as pilot:
            await settle(pilot)
            pilot.app.open_contact(anna)
            await pilot.pause()
            await pilot.press("d")  # trash: refused, said, the app goes on
            await pilot.pause()
            assert any("read-only" in n.message for n in pilot.app._notifications if n.severity == "error")
            await pilot.press("w")  # a form: the refusal shows in the form
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "read-only" in pilot.app.screen.query_one("#milestone-error").render().plain
        assert [c.name for c in contacts.list_contacts()] == ["Anna Verdi"]
    finally:
        handle.close()


async def test_the_daily_backup_is_made_in_the_background_once_the_list_shows(frozen, database):
    from netui.store import backup

    contacts.create_contact("Anna Verdi")
    path = Path(database.database)
    async with NetuiApp(path, welcome=False, daily_backup=True).run_test(size=SIZE) as pilot:
        await settle(pilot)
    (made,) = backup.backups_folder(path).glob(f"*-daily-{frozen:%Y%m%d}.db")  # today's
    assert made.stat().st_mode & 0o777 == 0o600


async def test_another_members_contact_appears_on_a_team_server_without_polling(postgres_database):
    """Two members on one PostgreSQL database: what one adds shows on the other's open list,
    told by the server (LISTEN/NOTIFY) -- nothing here calls check_other_writers."""
    contacts.create_contact("Anna Verdi")
    address = postgres_database.address.conninfo
    async with NetuiApp(postgres_database.path, welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        label = pilot.app.screen.query_one("#contacts-title")
        assert label.render().plain.startswith("1 person")
        contacts.create_contact("Carla Bruni")  # this app's own write: not news from the server
        done = subprocess.run([sys.executable, "-m", "netui", "--db", address, "add", "Bruno Neri"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        for _ in range(100):  # the notice arrives within moments; a slow machine gets 10 s
            await pilot.pause(0.1)
            if label.render().plain.startswith("3 people"):
                break
        assert label.render().plain.startswith("3 people")
        assert pilot.app.sub_title == str(postgres_database.path)


async def test_an_empty_team_network_welcomes_with_the_server_not_a_file(postgres_database):
    from textual.widgets import Markdown

    from netui.screens.welcome import WelcomeScreen

    async with NetuiApp(postgres_database.path).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, WelcomeScreen)
        text = pilot.app.screen.query_one(Markdown).source
        assert "The team's network is empty" in text
        assert str(postgres_database.path) in text
        assert "one file on this computer" not in text
