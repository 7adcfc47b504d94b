"""The TUI's plumbing: work off the UI thread shows its errors, and one "data changed" signal
brings every screen up to date (after a form, after another connection wrote)."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import Input, OptionList

from netui import agenda, contacts, followups
from netui.app import NetuiApp
from netui.errors import NetuiError
from netui.screens.contact import ContactScreen
from netui.screens.forms.followup_form import FollowUpForm
from netui.screens.main import MainScreen
from netui.widgets.contact_list import ContactList
from netui.screens.today import TodayScreen
from netui.store.session import worker_connection

import support

SIZE = (120, 36)


def make_app(database) -> NetuiApp:
    return NetuiApp(Path(database.database), welcome=False)


def errors_shown(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def in_another_connection(write) -> None:
    """Write as another process would: from a connection that is not the app's."""
    def run() -> None:
        with worker_connection():
            write()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


async def test_a_worker_that_fails_with_a_bug_shows_an_error(database, frozen, monkeypatch):
    def broken(days: int = 7, **options):
        raise RuntimeError("the agenda broke")

    monkeypatch.setattr(agenda, "first_rows", broken)  # the first thing the Today screen's worker computes
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=3, failures_expected=True)
        pilot.app.open_today()
        await support.settle(pilot, rounds=3, failures_expected=True)
        assert isinstance(pilot.app.screen, TodayScreen)
        assert any("RuntimeError: the agenda broke" in message for message in errors_shown(pilot.app))


async def test_a_netui_error_in_a_worker_shows_its_sentence(database, frozen, monkeypatch):
    def busy(days: int = 7, **options):
        raise NetuiError("The database is busy: try again in a moment.")

    monkeypatch.setattr(agenda, "first_rows", busy)
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=3, failures_expected=True)
        pilot.app.open_today()
        await support.settle(pilot, rounds=3, failures_expected=True)
        assert errors_shown(pilot.app) == ["The database is busy: try again in a moment."]


async def test_a_change_by_another_connection_shows_on_the_current_screen_after_the_poll(database, frozen):
    anna = contacts.create_contact("Anna Verdi")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=3, failures_expected=True)
        pilot.app.open_today()
        await support.settle(pilot, rounds=3, failures_expected=True)
        listing = pilot.app.screen.query_one("#today-list", OptionList)
        before = listing.option_count

        in_another_connection(lambda: followups.create_followup(anna, frozen.date(), "Call about the fair"))
        pilot.app.check_other_writers()  # what the 2-second timer does
        await support.settle(pilot, rounds=3, failures_expected=True)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert listing.option_count > before
        assert any("Call about the fair" in line for line in shown)


async def test_a_screen_under_another_one_catches_up_when_shown_again(database, frozen):
    contacts.create_contact("Anna Verdi")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=3, failures_expected=True)
        title = pilot.app.screen.query_one("#contacts-title")
        pilot.app.open_today()
        await support.settle(pilot, rounds=3, failures_expected=True)
        in_another_connection(lambda: contacts.create_contact("Bruno Neri"))
        pilot.app.check_other_writers()
        await support.settle(pilot, rounds=3, failures_expected=True)
        assert title.render().plain.startswith("1 person")  # not shown: not read yet
        await pilot.press("escape")
        await support.settle(pilot, rounds=3, failures_expected=True)
        assert isinstance(pilot.app.screen, MainScreen)
        assert title.render().plain.startswith("2 people")


async def test_after_saving_a_form_the_screen_underneath_shows_the_new_data_once(database, frozen, monkeypatch):
    anna = contacts.create_contact("Anna Verdi")
    reloads = []
    original = ContactScreen.reload
    monkeypatch.setattr(ContactScreen, "reload", lambda screen: (reloads.append(1), original(screen)))
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=3, failures_expected=True)
        pilot.app.open_contact(anna)
        await support.settle(pilot, rounds=3, failures_expected=True)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        assert screen.query_one("#contact-followups", OptionList).option_count == 0

        await pilot.press("f")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FollowUpForm)
        form.query_one("#action", Input).value = "Send the deck"
        reloads.clear()
        await pilot.press("ctrl+s")
        await support.settle(pilot, rounds=3, failures_expected=True)

        assert pilot.app.screen is screen
        listing = screen.query_one("#contact-followups", OptionList)
        assert listing.option_count == 1
        assert "Send the deck" in str(listing.get_option_at_index(0).prompt)
        assert len(reloads) == 1  # one signal, one reload: no callback refreshing it again


async def test_a_new_contact_from_the_main_screen_shows_in_its_list(database, frozen):
    contacts.create_contact("Anna Verdi")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=3, failures_expected=True)
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#first_name", Input).value = "Bruno"
        pilot.app.screen.query_one("#last_name", Input).value = "Neri"
        await pilot.press("ctrl+s")
        await support.settle(pilot, rounds=3, failures_expected=True)
        assert isinstance(pilot.app.screen, MainScreen)
        assert pilot.app.screen.query_one("#contacts-title").render().plain.startswith("2 people")


async def test_trashing_from_the_contact_screen_closes_it_and_the_list_no_longer_shows_them(frozen, database):
    anna = contacts.create_contact("Anna Verdi")
    contacts.create_contact("Bruno Neri")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=2)
        await support.open_contact(pilot, anna)
        await pilot.press("d")
        await support.settle(pilot, rounds=2)
        assert isinstance(pilot.app.screen, MainScreen)
        listing = pilot.app.screen.query_one(ContactList)
        assert [listing.row(i).name for i in range(listing.row_count)] == ["Bruno Neri"]
        assert contacts.list_contacts(trashed=True)[0].id == anna


async def test_the_end_key_far_down_the_list_reads_the_page_off_the_ui_thread(frozen, database, monkeypatch):
    for number in range(250):  # three pages of the contact list
        contacts.create_contact(f"Person {number:03d}")
    on_ui_thread = []
    read_page = contacts.list_contacts

    def watched(*args, **kwargs):
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return read_page(*args, **kwargs)

    monkeypatch.setattr(contacts, "list_contacts", watched)
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=2)
        on_ui_thread.clear()
        await pilot.press("end")
        await support.settle(pilot, rounds=3)
        title = pilot.app.screen.query_one("#timeline").border_title
        assert title == "Timeline · Person 249"
        assert on_ui_thread == [False]  # the last page, read once, by a worker


async def test_someone_added_above_by_another_writer_leaves_the_same_person_highlighted(frozen, database):
    contacts.create_contact("Giulia Rossi")
    contacts.create_contact("Marco Bianchi")
    async with make_app(database).run_test(size=SIZE) as pilot:
        await support.settle(pilot, rounds=2)
        await pilot.press("down")  # Marco Bianchi, after Giulia Rossi
        await support.settle(pilot, rounds=2)
        listing = pilot.app.screen.query_one(ContactList)
        assert listing.selected.name == "Marco Bianchi"

        in_another_connection(lambda: contacts.create_contact("Anna Verdi"))  # sorts first
        pilot.app.check_other_writers()
        await support.settle(pilot, rounds=3)
        assert [listing.row(i).name for i in range(listing.row_count)][0] == "Anna Verdi"
        assert listing.selected.name == "Marco Bianchi"
