"""Two members editing one person on a team's database: what the other changed in fields the
form left alone is kept (and said); a field both changed stops the save with what the first
changed, the typed text stays in the form, and saving again writes it over that field only."""

from __future__ import annotations

import subprocess
import sys

from netui import contacts
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.contact_form import ContactForm
from support import settle, type_text

SIZE = (120, 40)


def bruno_edits(address: str, *arguments: str) -> None:
    """Another member, in another process, changes Giulia meanwhile."""
    done = subprocess.run([sys.executable, "-m", "netui", "--db", address, "--user", "bruno", "edit", "Giulia Rossi",
                           *arguments], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def open_form(pilot) -> ContactForm:
    await settle(pilot)
    await pilot.press("enter", "e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ContactForm)
    return form


async def test_the_other_members_change_to_another_field_is_kept_and_said(postgres_database):
    contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    notices = []
    async with NetuiApp(postgres_database.path, welcome=False).run_test(size=SIZE) as pilot:
        pilot.app.notify = lambda message, **kw: notices.append(message)
        form = await open_form(pilot)
        form.query_one("#role").focus()
        await type_text(pilot, "Head of Sales")
        bruno_edits(postgres_database.address.conninfo, "--company", "Caffè Nero")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
    [giulia] = contacts.list_contacts()
    assert (giulia.company, giulia.role) == ("Caffè Nero", "Head of Sales")
    assert any("changes made meanwhile kept: company: Lumen Digital → Caffè Nero" in n for n in notices)


async def test_a_field_both_changed_keeps_the_typed_text_and_says_who_changed_what(postgres_database):
    contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    address = postgres_database.address.conninfo
    async with NetuiApp(postgres_database.path, welcome=False).run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        form.query_one("#company").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Bar Roma")
        bruno_edits(address, "--company", "Caffè Nero", "--city", "Torino")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form  # not saved: the form is still open, the text in it
        assert form.query_one("#company").value == "Bar Roma"
        shown = " ".join(str(w.render()) for w in form.query(".field-error"))
        assert "Giulia Rossi was changed by bruno" in shown and "company: Lumen Digital → Caffè Nero" in shown
        assert contacts.list_contacts()[0].company == "Caffè Nero"
        await pilot.press("ctrl+s")  # seen: save again
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
    giulia = contacts.get_contact(contacts.list_contacts()[0].id)
    assert (giulia.company, giulia.city) == ("Bar Roma", "Torino")  # mine where both changed; his city kept
