"""People to meet who are not contacts yet, on the event screen with real keys: w adds one,
capture (c) at the event meets them, m meets someone by hand, s marks the event attended
and the list shows who was met and missed; f on someone missed adds them as a contact with
a follow-up to write to them, after a yes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, OptionList

from netui import contacts, events, followups, wishes
from netui.app import NetuiApp
from netui.screens.capture import CaptureScreen
from netui.screens.confirm import ConfirmScreen
from netui.screens.event import EventScreen
from netui.screens.forms.wish_form import WishForm
from support import settle, type_text

SIZE = (120, 40)


def rows(screen: EventScreen) -> list[str]:
    attendees = screen.query_one("#attendees", OptionList)
    return [attendees.get_option_at_index(i).prompt.plain for i in range(attendees.option_count)]


def counts(screen: EventScreen) -> str:
    return screen.query_one("#event-counts").render().plain


async def open_event(pilot, event_id: int) -> EventScreen:
    await pilot.pause()
    pilot.app.push_screen(EventScreen(event_id))
    await settle(pilot)
    assert isinstance(pilot.app.screen, EventScreen)
    return pilot.app.screen


async def highlight(pilot, screen: EventScreen, words: str) -> None:
    attendees = screen.query_one("#attendees", OptionList)
    for _press in range(attendees.option_count + 1):
        index = attendees.highlighted
        if index is not None and words in attendees.get_option_at_index(index).prompt.plain:
            return
        await pilot.press("down")
    raise AssertionError(f"no row with {words!r}: {rows(screen)}")


async def test_want_capture_meet_and_write_to_the_missed(frozen, database):
    event_id = events.create_event("Fintech Forum", kind="congress", status="registered",
                                   starts_at=frozen.subtract(hours=1), ends_at=frozen.add(hours=6))
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen")
    events.set_attendee(event_id, giulia, "to meet")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, event_id)
        for typed in ("Nicolò Ødegaard @Fjord Capital - runs the accelerator", "Luca Neri @Borsa - the speaker",
                      "Anna Verdi"):
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, WishForm)
            await type_text(pilot, typed)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
        assert [w.name for w in wishes.wishes_of(event_id)] == ["Nicolò Ødegaard", "Luca Neri", "Anna Verdi"]
        assert contacts.count_contacts() == 1  # wishes are not contacts
        shown = rows(screen)
        assert any("Luca Neri · Borsa  to meet · the speaker  (not a contact yet)" in r for r in shown)
        assert "4 to meet · 0 met · 3 not contacts yet" in counts(screen)

        # A bad one: the sentence under the field, the text kept.
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "Luca Neri @Borsa")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WishForm)
        assert "already on the list" in app.screen.query_one("#person-error").render().plain
        assert app.screen.query_one("#person", Input).value == "Luca Neri @Borsa"
        await pilot.press("escape")
        await pilot.pause()

        # c: capture at this event, typed fast without accents: the wish becomes a met contact.
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen) and app.screen.event_id == event_id
        await type_text(pilot, "nicolo odegaard @fjord capital")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        nicolo = contacts.resolve_contact("Nicolò Ødegaard")
        assert contacts.get_contact(nicolo).company == "Fjord Capital"
        assert any(r.startswith("✓ Nicolò Ødegaard") and "met" in r for r in rows(screen))

        # m on Anna (not a contact yet): met, now a contact.
        await highlight(pilot, screen, "Anna Verdi")
        await pilot.press("m")
        await settle(pilot)
        assert contacts.get_contact(contacts.resolve_contact("Anna Verdi")).met_at_id == event_id

        # s: attended. The list now says who was met and who was missed.
        await pilot.press("s")
        await settle(pilot)
        assert events.get_event(event_id).status == "attended"
        assert "You met 2 of the 4 people on the list; missed 2." in counts(screen)
        shown = rows(screen)
        assert shown[0] == "Met there (2)" and "Missed (2) · f: write to them" in shown
        assert any(r.startswith("✗ Luca Neri") and "missed" in r for r in shown)

        # f on Luca: asked first; n changes nothing, y adds him and the follow-up.
        await highlight(pilot, screen, "Luca Neri")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert contacts.count_contacts() == 3
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        luca = contacts.resolve_contact("Luca Neri")
        person = contacts.get_contact(luca)
        assert (person.company, person.how_met) == ("Borsa", "Missed at Fintech Forum")
        [item] = [f for f in followups.open_followups() if f.contact_id == luca]
        assert item.source_event_id == event_id and "Luca Neri" in item.action
        assert item.due_on == frozen.date() + dt.timedelta(days=2)
        # Giulia, a contact missed: f gives her a follow-up too.
        await highlight(pilot, screen, "Giulia Rossi")
        await pilot.press("f", "y")
        await settle(pilot)
        assert [f.contact_id for f in followups.open_followups() if f.source_event_id == event_id].count(giulia) == 1


async def test_f_before_the_event_is_over_only_says_when(frozen, database):
    event_id = events.create_event("Salone", starts_at="in 5 days 09:00")
    wishes.add_wish(event_id, "Sara Conti", "Lumen")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, event_id)
        await pilot.press("f")
        await pilot.pause()
        assert app.screen is screen and contacts.count_contacts() == 0
        assert any("Once the event is over" in n.message for n in app._notifications)
        # delete takes the wish off the list
        await pilot.press("delete")
        await settle(pilot)
        assert wishes.wishes_of(event_id) == []
