"""The main screen and the contact screens, driven with real key presses."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui import contacts
from netui.app import NetuiApp
from netui.screens.contact import ContactScreen
from netui.screens.forms.contact_form import ContactForm
from netui.screens.help import HelpScreen
from netui.screens.welcome import WelcomeScreen
from netui.widgets.contact_list import ContactList
from support import settle, type_text

SIZE = (120, 40)


@pytest.fixture
def app(database):
    return NetuiApp(Path(database.database), welcome=False)


def listed_names(pilot) -> list[str]:
    contact_list = pilot.app.screen.query_one(ContactList)
    return [contact_list.row(i).name for i in range(contact_list.row_count)]


async def test_main_screen_lists_people_with_their_details(app):
    contacts.create_contact("Giulia Rossi", company="Lumen Digital", city="Milano", starred=True)
    contacts.create_contact("Marco Bianchi", city="Roma")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert listed_names(pilot) == ["Giulia Rossi", "Marco Bianchi"]
        assert str(pilot.app.screen.query_one("#contacts-title").render()) == "2 people"
        assert isinstance(pilot.app.focused, ContactList)


async def test_add_a_contact_with_the_form(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert isinstance(pilot.app.screen, ContactForm)
        await type_text(pilot, "Giulia")
        await pilot.press("tab")
        await type_text(pilot, "Rossi")
        await pilot.press("tab")
        await type_text(pilot, "Lumen Digital")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactForm)
        [summary] = contacts.list_contacts()
        assert (summary.name, summary.company) == ("Giulia Rossi", "Lumen Digital")
        assert listed_names(pilot) == ["Giulia Rossi"]


async def test_validation_error_shows_next_to_the_field_and_keeps_what_was_typed(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "Giulia")
        form = pilot.app.screen
        form.query_one("#channel-1").focus()
        await type_text(pilot, "giulia-at-lumen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form, "the form stays open"
        error = str(form.query_one("#channel-1-error").render())
        assert "giulia-at-lumen" in error and "e-mail" in error
        assert form.query_one("#first_name").value == "Giulia"
        assert form.query_one("#channel-1").value == "giulia-at-lumen"
        assert contacts.count_contacts() == 0
        # Fix it and save: the same form now succeeds.
        form.query_one("#channel-1").value = "giulia@lumen.it"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert contacts.get_contact(contacts.resolve_contact("Giulia")).emails == ["giulia@lumen.it"]


async def test_open_and_edit_a_contact(app):
    contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ContactForm)
        assert form.query_one("#company").value == "Lumen Digital"
        form.query_one("#company").value = ""
        form.query_one("#company").focus()
        await type_text(pilot, "Caffè Nero")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)
        assert "Caffè Nero" in str(pilot.app.screen.query_one("#contact-fields").render())
        [summary] = contacts.list_contacts()
        assert summary.company == "Caffè Nero"


async def test_search_as_you_type_with_and_without_accents(app):
    contacts.create_contact("Nicolò D'Amico", company="Caffè Nero")
    contacts.create_contact("Giulia Rossi", city="Milano")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "nicolo")
        await settle(pilot)
        assert listed_names(pilot) == ["Nicolò D'Amico"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(listed_names(pilot)) == 2
        await pilot.press("slash")
        await type_text(pilot, "caffè")
        await settle(pilot)
        assert listed_names(pilot) == ["Nicolò D'Amico"]
        await pilot.press("enter")  # back to the list, then open the one found
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactScreen)


async def test_trash_and_undo(app):
    giulia = contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Marco Bianchi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "d")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactScreen)
        assert listed_names(pilot) == ["Marco Bianchi"]
        assert contacts.get_contact(giulia).trashed_at is not None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert listed_names(pilot) == ["Giulia Rossi", "Marco Bianchi"]
        assert contacts.get_contact(giulia).trashed_at is None


async def test_j_and_k_move_and_the_timeline_follows(app):
    from netui import timeline

    giulia = contacts.create_contact("Giulia Rossi")
    marco = contacts.create_contact("Marco Bianchi")
    timeline.log_interaction([marco], "call", "yesterday 18:00", summary="Budget call")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline_pane = pilot.app.screen.query_one("#timeline")
        assert "Giulia Rossi" in timeline_pane.border_title
        await pilot.press("j")
        await pilot.pause()
        assert "Marco Bianchi" in timeline_pane.border_title  # the title at once...
        await pilot.pause(0.3)  # ...the timeline once the highlight has settled
        await settle(pilot)
        assert "Budget call" in str(timeline_pane.get_option_at_index(0).prompt)
        await pilot.press("k")
        await pilot.pause()
        assert pilot.app.screen.query_one(ContactList).selected.id == giulia


async def test_help_lists_the_keys_of_the_focused_pane(app):
    contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = str(pilot.app.screen.query_one("#help-text").render())
        assert "Open the selected contact" in text  # the contact list's own key
        assert "Add a new contact" in text  # the main screen's
        assert "Quit netui" in text  # global
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_command_palette_offers_noun_verb_commands(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "contact: new")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactForm)


async def test_first_run_welcome_offers_the_demo_network(database, frozen):
    async with NetuiApp(Path(database.database)).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, WelcomeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert contacts.count_contacts() > 100
        assert len(listed_names(pilot)) == contacts.count_contacts()


async def test_welcome_is_not_shown_once_there_is_someone(database):
    contacts.create_contact("Giulia Rossi")
    async with NetuiApp(Path(database.database)).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(pilot.app.screen, WelcomeScreen)


async def test_q_in_a_form_does_not_quit(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        pilot.app.screen.query_one("#circle").focus()
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.is_running
        assert isinstance(pilot.app.screen, ContactForm)


async def test_filters_in_the_search_box(app):
    contacts.create_contact("Giulia Rossi", circle="work", tags=["fintech"])
    contacts.create_contact("Marco Bianchi", circle="friends")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "circle:friends")
        await settle(pilot)
        assert listed_names(pilot) == ["Marco Bianchi"]
        assert "circle: friends" in str(pilot.app.screen.query_one("#contacts-title").render())
        pilot.app.screen.query_one("#search").value = "#fintech"
        await settle(pilot)
        assert listed_names(pilot) == ["Giulia Rossi"]
        pilot.app.screen.query_one("#search").value = "circle:colleagues"
        await settle(pilot)
        assert "colleagues" in str(pilot.app.screen.query_one("#contacts-title").render())


async def test_notes_open_in_the_users_editor(app, tmp_path, monkeypatch):
    """ctrl+e on a contact hands the notes to $EDITOR and saves what it wrote."""
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "\\nLoves ristretto." >> "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    giulia = contacts.create_contact("Giulia Rossi", notes="Met at SMAU.")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+e")
        await pilot.pause()
        assert contacts.get_contact(giulia).notes == "Met at SMAU.\nLoves ristretto."
        assert "Loves ristretto." in str(pilot.app.screen.query_one("#contact-fields").render())


async def test_a_missing_editor_is_reported_and_nothing_changes(app, monkeypatch):
    monkeypatch.setenv("VISUAL", "/nonexistent/editor")
    giulia = contacts.create_contact("Giulia Rossi", notes="Met at SMAU.")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+e")
        await pilot.pause()
        assert contacts.get_contact(giulia).notes == "Met at SMAU."
        assert isinstance(pilot.app.screen, ContactScreen)


async def test_in_the_browser_the_editor_is_not_started_and_says_so(app, tmp_path, monkeypatch):
    """Under `netui serve` no terminal is there for $EDITOR: a notice, not a hang."""
    started = tmp_path / "started"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\ntouch "{started}"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    monkeypatch.setenv("NETUI_SERVED", "1")
    giulia = contacts.create_contact("Giulia Rossi", notes="Met at SMAU.")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+e")
        await pilot.pause()
        assert any("not available in the browser" in str(n.message) for n in pilot.app._notifications)
        assert isinstance(pilot.app.screen, ContactScreen)
    assert not started.exists()
    assert contacts.get_contact(giulia).notes == "Met at SMAU."


async def test_d_in_the_event_planner_does_not_trash_the_highlighted_contact(app):
    giulia = contacts.create_contact("Giulia Rossi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pilot.app.screen.query_one("#events").focus()
        await pilot.press("d")
        await settle(pilot)
        assert contacts.get_contact(giulia).trashed_at is None


async def test_escape_clears_the_search_and_goes_to_the_list(app):
    contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Marco Bianchi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "marco")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        search = pilot.app.screen.query_one("#search")
        assert search.value == ""
        assert isinstance(pilot.app.focused, ContactList)
        assert len(listed_names(pilot)) == 2


async def test_x_exports_exactly_the_current_view(app, tmp_path):
    contacts.create_contact("Giulia Rossi", circle="work")
    contacts.create_contact("Marco Bianchi", circle="friends")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "circle:work")
        await settle(pilot)
        await pilot.press("enter", "x")
        await pilot.pause()
        pilot.app.screen.query_one("#export-out").value = str(tmp_path / "view.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
    lines = (tmp_path / "view.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("Giulia,Rossi")
