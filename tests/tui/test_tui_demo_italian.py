"""The first thing a new Italian user sees: the welcome screen's demo network, in Italian."""

from __future__ import annotations

from textual.widgets import Static

from netui import i18n
from netui.app import NetuiApp
from netui.store import db
from netui.store.models import Contact
from support import open_contact, settle


async def test_the_welcome_demo_speaks_italian(frozen, tmp_path):
    real = tmp_path / "mine.db"
    handle = db.open_database(real)
    i18n.set_language("it")
    try:
        app = NetuiApp(real)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("d")  # "Carica la demo"
            await app.workers.wait_for_complete()
            await settle(pilot)
            giulia = Contact.get(Contact.first_name == "Giulia", Contact.last_name == "Rossi")
            screen = await open_contact(pilot, giulia.id)
            shown = "\n".join(str(widget.render()) for widget in screen.query(Static))
            assert "Italia" in shown and "Italy" not in shown
            assert "Paese" in shown  # the label is Italian, and so is what it labels
            await pilot.press("escape", "q")
    finally:
        i18n.set_language("en")
        handle.close()
