"""The missing details sweep, with the real keys: `M` opens it from the main screen; Enter (or
e) opens the field for the highlighted missing detail, Enter there saves and moves on to the
next person; a bad e-mail is refused with a sentence and nothing is saved; `s` skips; the
counter says how many are left; 1–5 choose the details; a list of thousands stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from netui import contacts, missing
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.missing import MissingScreen
from support import settle, type_text

SIZE = (100, 30)


@pytest.fixture
def people(database) -> dict[str, int]:
    return {
        "anna": contacts.create_contact("Anna Verdi", company="Acme", city="Roma", how_met="school",
                                        phones=["+39 06 1234567"]),
        "bruno": contacts.create_contact("Bruno Neri", company="Lumen", city="Milano", how_met="a fair"),
        "carla": contacts.create_contact("Carla Blu", company="Acme", city="Roma", how_met="work",
                                         emails=["carla@acme.it"], phones=["+39 06 7654321"]),
        "dario": contacts.create_contact("Dario Gialli", city="Torino", how_met="neighbours",
                                         emails=["dario@x.it"], phones=["+39 011 555555"]),
    }


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).visual)


async def open_sweep(pilot) -> MissingScreen:
    await settle(pilot)
    await pilot.press("M")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MissingScreen)
    return screen


def emails(contact_id: int) -> list[str]:
    return contacts.get_contact(contact_id).emails


async def test_fill_an_email_then_skip_then_done(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_sweep(pilot)
        # Anna (no e-mail), Bruno (no e-mail, no phone), Dario (no company), in name order.
        assert "Anna Verdi" in text_of(screen, "#missing-person")
        assert text_of(screen, "#missing-counter") == "3 of 3 left"
        listing = screen.query_one("#missing-details", OptionList)
        assert pilot.app.focused is listing and listing.highlighted_option.id == "email"

        await pilot.press("enter")                       # opens the field for the e-mail
        field = screen.query_one("#missing-field", Input)
        assert pilot.app.focused is field
        await type_text(pilot, "anna@acme.it")
        await pilot.press("enter")                       # saves, on to Bruno
        await settle(pilot)
        assert emails(people["anna"]) == ["anna@acme.it"]
        assert "Bruno Neri" in text_of(screen, "#missing-person")
        assert text_of(screen, "#missing-counter") == "2 of 3 left"

        await pilot.press("s")                           # skip Bruno
        await settle(pilot)
        assert "Dario Gialli" in text_of(screen, "#missing-person")
        assert text_of(screen, "#missing-counter") == "1 of 3 left"
        assert screen.query_one("#missing-details", OptionList).highlighted_option.id == "company"

        await pilot.press("e")
        await type_text(pilot, "Gialli Srl")
        await pilot.press("enter")
        await settle(pilot)
        assert contacts.get_contact(people["dario"]).company == "Gialli Srl"
        assert text_of(screen, "#missing-counter") == "0 of 3 left"
        assert "everyone" in text_of(screen, "#missing-person")
        assert emails(people["bruno"]) == []             # skipped: unchanged


async def test_a_bad_email_is_refused_with_a_sentence_and_nothing_is_saved(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_sweep(pilot)
        await pilot.press("enter")
        await type_text(pilot, "anna at acme")
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(screen, "#missing-field-error") == (
            "'anna at acme' is not an e-mail address (like name@example.com).")
        field = screen.query_one("#missing-field", Input)
        assert pilot.app.focused is field and field.value == "anna at acme"   # kept, to correct
        assert "Anna Verdi" in text_of(screen, "#missing-person")
        assert emails(people["anna"]) == []

        # Esc closes the field, a second Esc leaves the sweep.
        await pilot.press("escape")
        await pilot.pause()
        assert field.has_class("-hidden") and pilot.app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, MissingScreen)
        assert emails(people["anna"]) == []


async def test_choose_the_details_with_the_number_keys(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_sweep(pilot)
        await pilot.press("1", "2")                      # e-mail and phone off: only the company
        await settle(pilot)
        assert screen.details == ("company", "how-met", "city")
        assert "Dario Gialli" in text_of(screen, "#missing-person")
        assert text_of(screen, "#missing-counter") == "1 of 1 left"
        await pilot.press("3")                           # company off too: nobody lacks the rest
        await settle(pilot)
        assert "Nobody is missing these details." in text_of(screen, "#missing-person")


async def test_open_the_person_from_the_sweep(database, people):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await open_sweep(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert pilot.app.screen.contact_id == people["anna"]


async def test_a_long_imported_list_is_read_a_page_at_a_time(database):
    for number in range(3 * missing.PAGE_SIZE + 7):
        contacts.create_contact(f"Person {number:04d}")
    async with make_app(database).run_test(size=SIZE) as pilot:
        screen = await open_sweep(pilot)
        total = 3 * missing.PAGE_SIZE + 7
        assert text_of(screen, "#missing-counter") == f"{total} of {total} left"
        assert len(screen._ahead) < missing.PAGE_SIZE   # never the whole list at once
        for _skip in range(missing.PAGE_SIZE + 5):        # past the first page
            await pilot.press("s")
        await settle(pilot)
        assert "Person 0055" in text_of(screen, "#missing-person")
        assert text_of(screen, "#missing-counter") == f"{total - 55} of {total} left"
