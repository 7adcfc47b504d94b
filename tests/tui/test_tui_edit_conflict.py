"""Two members editing one person on a team's database: the second save is stopped with what
the first changed, the typed text stays in the form, and saving again writes it."""

from __future__ import annotations

import subprocess
import sys

from netui import contacts
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.contact_form import ContactForm
from support import settle, type_text

SIZE = (120, 40)


async def test_a_conflicting_save_keeps_the_typed_text_and_says_who_changed_what(postgres_database):
    contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    address = postgres_database.address.conninfo
    async with NetuiApp(postgres_database.path, welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#role").focus()
        await type_text(pilot, "Head of Sales")
        # Another member, in another process, changes her company meanwhile.
        done = subprocess.run([sys.executable, "-m", "netui", "--db", address, "--user", "bruno", "edit", "Giulia Rossi",
                               "--company", "Caffè Nero"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form  # not saved: the form is still open, the text in it
        assert form.query_one("#role").value == "Head of Sales"
        shown = " ".join(str(w.render()) for w in form.query(".field-error"))
        assert "Giulia Rossi was changed by bruno" in shown and "company: Lumen Digital → Caffè Nero" in shown
        assert contacts.list_contacts()[0].company == "Caffè Nero"
        await pilot.press("ctrl+s")  # seen: save again
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
    [giulia] = contacts.list_contacts()
    assert (giulia.company, giulia.role) == ("Lumen Digital", "Head of Sales")
