"""Keys that arrive together -- a fast typist, a paste of keystrokes, a laggy SSH link, tmux
send-keys -- go where they would go one by one: a Tab moves the focus before the next key."""

from __future__ import annotations

from pathlib import Path

from netui.app import NetuiApp
from netui.screens.forms.form import FormScreen
from support import settle

SIZE = (120, 40)


async def burst(pilot, keys: list[str]) -> None:
    """`keys` handed to the app all at once, as the terminal driver does with what one read of
    the terminal brought (no waiting between them)."""
    from textual import events

    app = pilot.app
    for key in keys:
        character = key if len(key) == 1 else None
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot._wait_for_screen()
    await pilot.pause()


async def test_a_tab_among_keys_that_arrive_together_moves_the_focus_before_the_next_key(database):
    async with NetuiApp(Path(database.database), welcome=False).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        await burst(pilot, [*"Anna", "tab", *"Neri", "tab", *"Acme"])
        await settle(pilot)
        values = [widget.value for widget in form.query("Input")[:3]]
        assert values == ["Anna", "Neri", "Acme"], values
        # Back to the last name, together too: the field's text is selected when it gets the
        # focus, so what is typed replaces it, as when typed key by key.
        await burst(pilot, ["shift+tab", *"Rossi"])
        await settle(pilot)
        assert [widget.value for widget in form.query("Input")[:3]] == ["Anna", "Rossi", "Acme"]
