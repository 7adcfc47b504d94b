"""The import screen, with real keys: choose a file, see the preview, import."""

from __future__ import annotations

from pathlib import Path

from netui import contacts
from netui.app import NetuiApp
from netui.screens.import_screen import ImportScreen, PathSuggester

DATA = Path(__file__).resolve().parent / "data"
SIZE = (120, 40)


async def open_import(pilot) -> ImportScreen:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"import file")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportScreen)
    return pilot.app.screen


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_preview_then_import(database):
    contacts.create_contact("Hannah Schmidt", emails=["hannah@example.de"])
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        screen.query_one("#import-path").value = str(DATA / "google_old_layout.csv")
        await pilot.press("enter")
        await settle(pilot)
        status = screen.query_one("#import-status").render().plain
        assert status.startswith("Google Contacts: 2 new, 1 updated, 0 unchanged, 2 skipped")
        table = screen.query_one("#import-preview")
        actions = [table.get_row_at(i)[2] for i in range(table.row_count)]
        assert actions.count("new") == 2 and actions.count("skipped") == 2
        assert contacts.count_contacts() == 1  # a preview writes nothing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_one("#import-status").render().plain.startswith("Imported:")
    assert contacts.count_contacts() == 3


async def test_a_file_that_is_not_importable_says_why(database, tmp_path):
    bogus = tmp_path / "list.txt"
    bogus.write_text("milk\neggs\n")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        screen.query_one("#import-path").value = str(bogus)
        await pilot.press("enter")
        await settle(pilot)
        assert "does not recognise" in screen.query_one("#import-status").render().plain
        await pilot.press("ctrl+s")  # nothing to import: nothing happens
        await settle(pilot)
        assert contacts.count_contacts() == 0


async def test_path_completion_suggests_files_on_disk(tmp_path):
    (tmp_path / "Connections.csv").write_text("x")
    (tmp_path / "contacts").mkdir()
    suggester = PathSuggester()
    assert await suggester.get_suggestion(str(tmp_path / "Conn")) == str(tmp_path / "Connections.csv")
    assert await suggester.get_suggestion(str(tmp_path / "cont")) == str(tmp_path / "contacts") + "/"
    assert await suggester.get_suggestion(str(tmp_path / "nothing")) is None
