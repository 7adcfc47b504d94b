"""Give & take with real keys: a favour (g / r), an introduction (i), the views, the chain tree."""

from __future__ import annotations

from pathlib import Path

from netui import chains, contacts, followups, giving, timeline
from netui.app import NetuiApp
from netui.screens.chain import ChainScreen
from netui.screens.confirm import ConfirmScreen
from netui.screens.contact import ContactScreen
from netui.screens.give_take import GiveTakeScreen
from support import open_contact, type_text

SIZE = (120, 40)


def brief_of(screen: ContactScreen) -> str:
    return screen.query_one("#contact-brief").render().plain


async def test_g_records_a_favour_given_with_a_follow_up(database, frozen):
    giulia = contacts.create_contact("Giulia Rossi")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        await pilot.press("g")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#kind").value = "reference letter"
        form.query_one("#note").value = "for the Bocconi MBA"
        form.query_one("#followup").value = "in 2 weeks"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "Give & take: you gave 1, received 0 (+1)" in brief_of(screen)
        await pilot.press("r")
        await pilot.pause()
        pilot.app.screen.query_one("#kind").value = "job lead"
        pilot.app.screen.query_one("#when").value = "tomorrow"  # the future: refused, typed text kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "future" in pilot.app.screen.query_one("#when-error").render().plain
        pilot.app.screen.query_one("#when").value = "yesterday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "you gave 1, received 1 (+0)" in brief_of(screen)
    (given, received) = sorted(giving.favours_of(giulia), key=lambda f: f.direction)
    assert (given.kind, given.note, given.followup_id is not None) == ("reference letter", "for the Bocconi MBA", True)
    assert received.kind == "job lead" and received.followup_id is None
    (check,) = followups.open_for_contact(giulia)
    assert check.action == "Check the reference letter helped"


async def test_i_introduces_two_people_both_timelines_show_it(database, frozen):
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen")
    marco = contacts.create_contact("Marco Bianchi", company="Pagamenti")
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        screen = await open_contact(pilot, giulia)
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "marco")
        await pilot.pause(0.3)
        await pilot.press("enter")  # picks Marco (does not save)
        await pilot.pause()
        pilot.app.screen.query_one("#reason").value = "both in payments"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "Giulia Rossi → Marco Bianchi: made · both in payments" in brief_of(screen)
    for person in (giulia, marco):
        (entry,) = timeline.contact_timeline(person)
        assert entry.summary == "Introduced Giulia Rossi to Marco Bianchi: both in payments"
        assert giving.balance(person).given == 1
        assert [f.action for f in followups.open_for_contact(person)] == [
            "Ask how the introduction with " + ("Marco Bianchi" if person == giulia else "Giulia Rossi") + " went"]


async def test_introductions_move_on_from_the_give_and_take_screen(database, frozen):
    anna, bruno = contacts.create_contact("Anna Verdi"), contacts.create_contact("Bruno Neri")
    introduction = giving.introduce(anna, bruno, "design work")  # proposed
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_give_and_take("introductions")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, GiveTakeScreen)
        await pilot.press("s")  # proposed -> made: offers follow-ups with both
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("s", "s")  # made -> met -> outcome: what came of it?
        await pilot.pause()
        pilot.app.screen.query_one("#outcome").value = "they work together"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "they work together" in str(screen.query_one("#introductions").get_row_at(0)[4])
    info = giving.get_introduction(introduction)
    assert (info.status, info.outcome) == ("outcome", "they work together")
    assert followups.open_for_contact(anna) == []  # the offer was declined


async def test_people_i_owe_and_top_connectors(database, frozen):
    anna, bruno, carla = (contacts.create_contact(n) for n in ("Anna Verdi", "Bruno Neri", "Carla Blu"))
    giving.record_favour(bruno, "received", "advice")
    giving.record_favour(bruno, "received", "job lead")
    giving.record_favour(anna, "received", "advice")
    chains.set_introduced_by(bruno, anna)
    chains.set_introduced_by(carla, bruno)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_give_and_take("owe")
        await pilot.pause()
        owe = pilot.app.screen.query_one("#owe")
        assert [str(owe.get_row_at(i)[0]) for i in range(owe.row_count)] == ["Bruno Neri", "Anna Verdi"]
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen.contact_id == bruno
        await pilot.press("escape")
        await pilot.pause()
        pilot.app.screen.query_one("#give-take").active = "tab-connectors"
        await pilot.pause()
        connectors = pilot.app.screen.query_one("#connectors")
        assert [str(connectors.get_row_at(i)[0]) for i in range(connectors.row_count)] == ["Anna Verdi", "Bruno Neri"]
        assert str(connectors.get_row_at(0)[3]) == "2"  # Bruno, and Carla through him


async def test_the_chain_tree_shows_who_they_brought_in(database, frozen):
    anna, bruno, carla = (contacts.create_contact(n) for n in ("Anna Verdi", "Bruno Neri", "Carla Blu"))
    dario = contacts.create_contact("Dario Gialli")
    chains.set_introduced_by(bruno, anna)
    chains.set_introduced_by(carla, bruno)
    chains.set_introduced_by(anna, dario)
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await open_contact(pilot, anna)
        await pilot.press("ctrl+p", *"who they brought")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ChainScreen)
        assert screen.query_one("#chain-up").render().plain == "Came through: Anna Verdi ← Dario Gialli"
        tree = screen.query_one("#chain-tree")
        assert tree.root.label.plain.startswith("Anna Verdi")
        (bruno_node,) = tree.root.children
        assert bruno_node.label.plain.startswith("Bruno Neri") and "+1 through them" in bruno_node.label.plain
        assert [n.label.plain for n in bruno_node.children] == ["Carla Blu"]
