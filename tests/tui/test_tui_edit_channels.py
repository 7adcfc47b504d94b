"""The contact form edits every channel, with the real keys: all of a person's e-mails, phones,
LinkedIn, websites and others show as rows with their labels; ctrl+n adds a row, ctrl+r
removes the focused one; saving keeps every channel the user did not remove. Bad input is said
under its row and saves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from netui import contacts
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.contact_form import ChannelRow, ContactForm
from support import open_contact, settle, type_text

SIZE = (100, 40)


@pytest.fixture
def giulia(database) -> int:
    return contacts.create_contact("Giulia Rossi", company="Lumen Digital", channels=[
        ("email", "giulia@lumen.it", "work"), ("email", "giulia.rossi@gmail.com", "home"),
        ("phone", "+39 333 1234567", "mobile"), ("linkedin", "https://www.linkedin.com/in/giuliarossi", ""),
        ("website", "https://giulia.example/a=b:c", "blog"), ("x", "@giulia", ""),
    ])


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


def stored(contact_id: int) -> list[tuple[str, str, str]]:
    return sorted((c.kind, c.value, c.label) for c in contacts.get_contact(contact_id).channels)


async def open_form(pilot, contact_id: int) -> ContactForm:
    await open_contact(pilot, contact_id)
    await pilot.press("e")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, ContactForm)
    return form


def rows(form: ContactForm) -> list[tuple[str, str, str]]:
    return [row.row[1:] for row in form.query(ChannelRow)]


async def test_every_channel_shows_with_its_label_and_saving_loses_none(database, giulia):
    before = stored(giulia)
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, giulia)
        assert sorted(rows(form)) == before
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    assert stored(giulia) == before


async def test_add_a_second_phone_with_a_label_and_remove_an_email(database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, giulia)
        # ctrl+n: a new row, its kind chosen first.
        await pilot.press("ctrl+n")
        await settle(pilot)
        new_row = list(form.query(ChannelRow))[-1]
        kind = new_row.query_one(Select)
        assert pilot.app.focused is kind
        kind.value = "phone"
        await pilot.press("tab")
        await type_text(pilot, "+39 02 1234567")
        await pilot.press("tab")
        await type_text(pilot, "office")
        # Go to the home e-mail's value and remove its row with ctrl+r.
        home = next(r for r in form.query(ChannelRow) if r.row[2] == "giulia.rossi@gmail.com")
        home.query_one(".channel-value", Input).focus()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert ("email", "giulia.rossi@gmail.com", "home") not in rows(form)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    channels = stored(giulia)
    assert ("phone", "+39 02 1234567", "office") in channels
    assert ("email", "giulia.rossi@gmail.com", "home") not in channels
    assert len(channels) == 6  # five kept, one added


async def test_change_a_label_and_a_value_in_place(database, giulia):
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, giulia)
        work = next(r for r in form.query(ChannelRow) if r.row[2] == "giulia@lumen.it")
        work.query_one(".channel-label", Input).value = "old work"
        work.query_one(".channel-value", Input).value = "giulia@lumen.example"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert ("email", "giulia@lumen.example", "old work") in stored(giulia)
    assert ("email", "giulia@lumen.it", "work") not in stored(giulia)


async def test_a_malformed_email_is_said_under_its_row_and_nothing_is_saved(database, giulia):
    before = stored(giulia)
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, giulia)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "giulia-at-home")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form, "the form stays open"
        new_row = list(form.query(ChannelRow))[-1]
        error = form.query_one(f"#channel-{new_row.serial}-error", Static)
        assert "giulia-at-home" in str(error.visual) and not error.has_class("-empty")
        assert pilot.app.focused is new_row.query_one(".channel-value", Input)
    assert stored(giulia) == before


async def test_ctrl_r_outside_a_row_removes_nothing_and_says_where_to_go(database, giulia):
    before = stored(giulia)
    async with make_app(database).run_test(size=SIZE) as pilot:
        form = await open_form(pilot, giulia)
        form.query_one("#company", Input).focus()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert len(rows(form)) == len(before)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored(giulia) == before


async def test_a_new_contact_starts_with_an_email_and_a_phone_row(database):
    async with make_app(database).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, ContactForm)
        await type_text(pilot, "Marco")
        email, phone = form.query(ChannelRow)
        email.query_one(".channel-value", Input).value = "marco@acme.it"
        email.query_one(".channel-label", Input).value = "work"
        await pilot.press("ctrl+s")
        await settle(pilot)
    [marco] = contacts.list_contacts()
    assert stored(marco.id) == [("email", "marco@acme.it", "work")]
