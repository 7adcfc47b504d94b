"""Who introduced whom, from the contact form with the real keys: the "Introduced by" people
picker sets it (type a name, Enter), Backspace in its empty field clears it, a circle is
refused under the field and nothing is saved; and a capture line's `via NAME` sets it too."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from netui import chains, contacts
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.contact_form import ContactForm
from support import open_contact, settle, type_text

SIZE = (100, 40)


@pytest.fixture
def people(database) -> dict[str, int]:
    return {
        "giulia": contacts.create_contact("Giulia Rossi", company="Lumen Digital"),
        "marco": contacts.create_contact("Marco Bianchi", company="Acme"),
    }


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


async def open_form(pilot, contact_id: int) -> ContactForm:
    await open_contact(pilot, contact_id)
    await pilot.press("e")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, ContactForm)
    return form


async def to_picker(pilot, form: ContactForm) -> None:
    picker_input = form.query_one("#introduced_by .picker-input", Input)
    for _press in range(40):
        if pilot.app.focused is picker_input:
            return
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError("Tab never reached the Introduced by field")


async def test_pick_the_introducer_and_see_it_on_the_contact(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, people["giulia"])
        await to_picker(pilot, form)
        await type_text(pilot, "Marco")
        await settle(pilot)
        await pilot.press("enter")  # picks the highlighted match
        await pilot.pause()
        assert "Marco Bianchi" in str(form.query_one("#introduced_by .picker-chosen", Static).visual)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        assert "introduced by Marco Bianchi" in str(screen.query_one("#contact-brief", Static).visual)
    assert contacts.get_contact(people["giulia"]).introduced_by_id == people["marco"]


async def test_backspace_in_the_empty_field_clears_the_introducer(database, people):
    chains.set_introduced_by(people["giulia"], people["marco"])
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, people["giulia"])
        await to_picker(pilot, form)
        await pilot.press("backspace")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    assert contacts.get_contact(people["giulia"]).introduced_by_id is None


async def test_a_circle_is_refused_under_the_field_and_nothing_is_saved(database, people):
    chains.set_introduced_by(people["marco"], people["giulia"])  # Giulia brought Marco in
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, people["giulia"])
        form.query_one("#company", Input).value = "Changed Srl"
        await to_picker(pilot, form)
        await type_text(pilot, "Marco")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form
        error = form.query_one("#introduced_by-error", Static)
        assert "circle" in str(error.visual) and not error.has_class("-empty")
        assert pilot.app.focused is form.query_one("#introduced_by .picker-input", Input)
    detail = contacts.get_contact(people["giulia"])
    assert (detail.introduced_by_id, detail.company) == (None, "Lumen Digital")


async def test_a_name_typed_but_not_picked_is_said_not_dropped(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, people["giulia"])
        await to_picker(pilot, form)
        await type_text(pilot, "Nobody Known")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form
        assert "Pick who introduced them" in str(form.query_one("#introduced_by-error", Static).visual)
    assert contacts.get_contact(people["giulia"]).introduced_by_id is None


async def test_a_new_contact_with_an_introducer(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        await type_text(pilot, "Anna")
        await to_picker(pilot, form)
        await type_text(pilot, "Giulia")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
    anna = contacts.resolve_contact("Anna")
    assert contacts.get_contact(anna).introduced_by_name == "Giulia Rossi"


async def test_capture_via_sets_the_introducer_and_the_preview_says_so(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "Anna Verdi @Acme via Marco Bianchi #fintech")
        await settle(pilot)
        preview = str(pilot.app.screen.query_one("#capture-preview", Static).visual)
        assert "Introduced by" in preview and "Marco Bianchi" in preview
        await pilot.press("enter")
        await settle(pilot)
        # Someone unknown: the preview says so, the words stay in the note.
        await type_text(pilot, "Bruno Neri via Zeno Zeta")
        await settle(pilot)
        preview = str(pilot.app.screen.query_one("#capture-preview", Static).visual)
        assert "No contact is called 'Zeno Zeta'" in preview and "via Zeno Zeta" in preview
    anna = contacts.get_contact(contacts.resolve_contact("Anna Verdi"))
    assert anna.introduced_by_id == people["marco"]


