"""Screenshot of the fact form (`a` on a contact screen), a label suggestion showing."""

from __future__ import annotations

from textual.widgets import Input

from test_snapshots import SIZE, demo_app, open_third_contact  # noqa: F401 - demo_app is a fixture


def test_fact_form(snap_compare, demo_app):  # noqa: F811 - the fixture, by name
    async def add_a_fact(pilot):
        await open_third_contact(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("k", "i")  # "kids" is suggested
        await pilot.pause()
        for field in pilot.app.screen.query(Input):  # a blinking cursor would make the picture random
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=add_a_fact)
