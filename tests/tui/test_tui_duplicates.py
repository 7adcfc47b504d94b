"""The duplicates screen, with real keys: open it (D, the palette), see both records side by
side, merge a pair keeping either record (after saying yes), say "not the same person", open
a record."""

from __future__ import annotations

from pathlib import Path

from netui import contacts, duplicates, timeline
from netui.app import NetuiApp
from netui.screens.confirm import ConfirmScreen
from netui.screens.contact import ContactScreen
from netui.screens.duplicates import DuplicatesScreen
from support import settle

SIZE = (120, 40)


def people():
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen", emails=["giulia@lumen.it"], tags=["fintech"])
    twin = contacts.create_contact("G. Rossi", role="CTO", emails=["GIULIA@lumen.it"])
    contacts.add_fact(twin, "kids", "Leo")
    timeline.log_interaction([twin], "call", summary="catch-up")
    marco = contacts.create_contact("Marco Bianchi")
    marco_too = contacts.create_contact("Marco Bianchii")
    return giulia, twin, marco, marco_too


async def open_duplicates(pilot) -> DuplicatesScreen:
    await settle(pilot)
    await pilot.press("D")
    await settle(pilot, rounds=2)
    assert isinstance(pilot.app.screen, DuplicatesScreen)
    return pilot.app.screen


def text_of(screen, selector: str) -> str:
    return screen.query_one(selector).render().plain


async def test_open_see_both_sides_and_merge_keeping_the_right(database):
    giulia, twin, _marco, _marco_too = people()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_duplicates(pilot)
        assert "2 pairs may be one person" in text_of(screen, "#duplicates-status")
        assert screen.query_one("#duplicates-list").row_count == 2
        left, right = text_of(screen, "#duplicates-left"), text_of(screen, "#duplicates-right")
        assert "Giulia Rossi" in left and "#fintech" in left and "0 interactions" in left
        assert "G. Rossi" in right and "kids: Leo" in right and "1 interaction" in right
        await pilot.press("M")  # keep the right one, G. Rossi
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # changed their mind: nothing merged
        await pilot.pause()
        assert len(contacts.list_contacts()) == 4
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, rounds=2)
        assert pilot.app.screen is screen
        assert screen.query_one("#duplicates-list").row_count == 1
    kept = contacts.get_contact(twin)
    assert (kept.name, kept.company, kept.role) == ("G. Rossi", "Lumen", "CTO")
    assert "Giulia Rossi" in kept.notes and kept.tags == ["fintech"]
    assert giulia not in [s.id for s in contacts.list_contacts()]


async def test_not_the_same_person_and_open_a_record(database):
    _giulia, _twin, marco, marco_too = people()
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"contacts: duplicates")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, rounds=2)
        screen = pilot.app.screen
        assert isinstance(screen, DuplicatesScreen)
        await pilot.press("j")  # the second pair: Marco Bianchi ~ Marco Bianchii
        await settle(pilot)
        assert "Marco Bianchii" in text_of(screen, "#duplicates-right")
        await pilot.press("O")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen) and pilot.app.screen.contact_id == marco_too
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot, rounds=2)
        assert screen.query_one("#duplicates-list").row_count == 1
    assert [(p.first.id, p.second.id) for p in duplicates.find_duplicates()] != [(marco, marco_too)]
    assert len(duplicates.find_duplicates()) == 1 and len(contacts.list_contacts()) == 4


async def test_no_duplicates_says_so(database):
    contacts.create_contact("Anna Bell")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_duplicates(pilot)
        assert "No likely duplicates" in text_of(screen, "#duplicates-status")
        assert screen.check_action("merge", (0,)) is False


async def test_the_capture_preview_says_who_a_new_person_looks_like(database):
    from support import type_text

    contacts.create_contact("Giulia Rossi", company="Lumen", phones=["+39 333 123 4567"])
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "Giulia Rosi @Lumen")
        await settle(pilot)
        preview = pilot.app.screen.query_one("#capture-preview").render().plain
        assert "New contact" in preview and "Looks like #1 Giulia Rossi (close spelling)" in preview


async def test_the_new_contact_form_warns_of_a_look_alike_and_saves_on_a_second_save(database):
    from support import type_text
    from netui.screens.forms.contact_form import ContactForm

    giulia = contacts.create_contact("Giulia Rossi", emails=["giulia@lumen.it"])
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        form = pilot.app.screen
        assert isinstance(form, ContactForm)
        await type_text(pilot, "Giulia")
        await pilot.press("tab")
        await type_text(pilot, "Rosi")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form, "not saved yet: the warning shows first"
        warning = form.query_one("#first_name-error").render().plain
        assert warning == (f"Looks like #{giulia} Giulia Rossi (close spelling). Save again to add them anyway, "
                           "or Esc and open that contact.")
        assert contacts.count_contacts() == 1
        await pilot.press("ctrl+s")  # the same values again: saved
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactForm)
    assert sorted(s.name for s in contacts.list_contacts()) == ["Giulia Rosi", "Giulia Rossi"]
