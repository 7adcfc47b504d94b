"""Screenshots of the reach view and the missing details sweep on the demo network, with time
frozen. After an intended change of the look, review and update them with
`python -m pytest tests/tui/test_snapshots_reach.py --snapshot-update`.
"""

from __future__ import annotations

from textual.widgets import DataTable

from test_snapshots import SIZE, demo_app  # noqa: F401 -- the demo network's app, a fixture


async def settled(pilot) -> None:
    """Until the screen is still: a worker's answer is shown on the UI thread after the worker
    is done, and a table sizes its columns to new rows a refresh later (on a busy machine a
    fixed pause caught the columns at their headers' widths)."""
    previous = None
    for _attempt in range(40):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)
        screen = pilot.app.export_screenshot()
        # A table measures new rows when it is next idle: on a loaded machine two screenshots
        # could agree while its columns still had their headers' widths.
        measuring = any(table._require_update_dimensions or table._updated_cells
                        for table in pilot.app.screen.query(DataTable))
        if screen == previous and not measuring:
            return
        previous = screen


def press_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        await settled(pilot)
        for key in keys:
            await pilot.press(key)
            await settled(pilot)

    return run_before


def test_reach_view(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=press_then_settle("o"))


def test_missing_details_sweep(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=press_then_settle("M"))


def test_missing_details_sweep_with_a_refused_value(snap_compare, demo_app):
    # The first person lacks a phone: a word is refused with a sentence, the text kept.
    keys = ("M", "e", *"call-me", "enter")
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=press_then_settle(*keys))
