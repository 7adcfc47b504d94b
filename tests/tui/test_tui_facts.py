"""Facts on the contact screen, with the real keys: `a` adds one (label suggestions, value) and
it shows in the brief's Remember block at once; `A` chooses one to change (Enter) or remove
(x, then y); bad input is said under the field and saves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from netui import contacts, facts, i18n
from netui.app import NetuiApp
from netui.screens.confirm import ConfirmScreen
from netui.screens.contact import ContactScreen
from netui.screens.forms.fact_form import FactChoice, FactForm
from support import open_contact, settle, type_text

SIZE = (120, 40)


@pytest.fixture
def giulia(database) -> int:
    return contacts.create_contact("Giulia Rossi", company="Lumen Digital")


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


def remember_block(screen: ContactScreen) -> str:
    return str(screen.query_one("#contact-brief", Static).visual)


def stored(contact_id: int) -> list[tuple[str, str]]:
    return [(f.label, f.value) for f in facts.facts_of(contact_id)]


async def add_fact(pilot, label_keys: list[str], value: str) -> FactForm:
    await pilot.press("a")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FactForm) and pilot.app.focused is form.query_one("#label", Input)
    await pilot.press(*label_keys)
    await pilot.press("tab")
    await type_text(pilot, value)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return form


async def test_add_a_fact_with_a_suggested_label_and_see_it_in_the_brief(database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        # "ki" then → takes the suggestion "kids".
        await add_fact(pilot, ["k", "i", "right"], "Leo and Mia")
        assert pilot.app.screen is screen
        assert stored(giulia) == [("kids", "Leo and Mia")]
        assert "Remember" in remember_block(screen) and "kids: Leo and Mia" in remember_block(screen)


async def test_an_empty_value_is_refused_under_the_field_and_nothing_is_saved(database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await open_contact(pilot, giulia)
        form = await add_fact(pilot, ["p", "e", "t"], "")
        assert pilot.app.screen is form
        error = form.query_one("#value-error", Static)
        assert not error.has_class("-empty") and "needs a value" in str(error.visual)
        assert pilot.app.focused is form.query_one("#value", Input)
        await pilot.press("escape")
        await settle(pilot)
        assert stored(giulia) == []


async def test_remove_a_fact_after_saying_yes(database, giulia):
    contacts.add_fact(giulia, "hobby", "sailing")
    contacts.add_fact(giulia, "pet", "a cat, Miso")
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        assert "pet: a cat, Miso" in remember_block(screen)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FactChoice)
        await pilot.press("down", "x")  # the second one: the pet
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert stored(giulia) == [("hobby", "sailing")]
        assert "Miso" not in remember_block(screen) and "hobby: sailing" in remember_block(screen)


async def test_saying_no_keeps_the_fact(database, giulia):
    contacts.add_fact(giulia, "hobby", "sailing")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await open_contact(pilot, giulia)
        await pilot.press("A", "x")
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        assert stored(giulia) == [("hobby", "sailing")]


async def test_change_a_fact(database, giulia):
    contacts.add_fact(giulia, "kids", "Leo")
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FactForm)
        assert form.query_one("#value", Input).value == "Leo"
        await pilot.press("tab", "end")  # tab selects the value: keep it, add to it
        await type_text(pilot, " and Mia")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(giulia) == [("kids", "Leo and Mia")]
        assert "kids: Leo and Mia" in remember_block(screen)


async def test_no_facts_to_change_says_how_to_add_one(database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        await pilot.press("A")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert any("a adds one" in str(n.message) for n in pilot.app._notifications)


async def test_the_labels_are_suggested_in_italian(database, giulia):
    i18n.set_language("it")
    try:
        async with make_app(database).run_test(size=SIZE) as pilot:
            await open_contact(pilot, giulia)
            await add_fact(pilot, ["f", "i", "right"], "Leo")
            assert stored(giulia) == [("figli", "Leo")]
    finally:
        i18n.set_language("en")


async def test_the_palette_offers_the_fact_commands(database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await open_contact(pilot, giulia)
        await pilot.press("ctrl+p")
        await type_text(pilot, "add fact")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FactForm)


async def test_a_fact_typed_in_capture_mode_is_previewed_saved_and_undone(frozen, database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        assert pilot.app.focused is screen.query_one("#capture-line")
        await type_text(pilot, "Giulia Rossi +kids: Leo, Mia #school")
        await settle(pilot)
        preview = screen.query_one("#capture-preview").render().plain
        assert "Facts:" in preview and "kids: Leo, Mia" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert stored(giulia) == [("kids", "Leo, Mia")]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stored(giulia) == []
