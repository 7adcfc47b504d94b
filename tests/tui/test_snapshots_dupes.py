"""Screenshot of the duplicates screen: pairs with why, the highlighted pair side by side.

After an intended change of the look, review and update it with
`python -m pytest tests/tui/test_snapshots_dupes.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from conftest import travel
from netui import contacts, timeline
from netui.app import NetuiApp
from netui.store import db

SIZE = (120, 36)
NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


@pytest.fixture
def dupes_app(tmp_path):
    with travel(NOW):
        handle = db.open_database(tmp_path / "dupes.db")
        giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital", role="Head of PR", city="Milano",
                                         emails=["giulia@lumen.it"], tags=["fintech", "milano"])
        twin = contacts.create_contact("G. Rossi", role="PR", phones=["+39 333 123 4567"],
                                       emails=["Giulia@Lumen.it"], tags=["pr"])
        contacts.add_fact(twin, "kids", "Leo and Mia")
        timeline.log_interaction([giulia], "meeting", summary="coffee")
        timeline.log_interaction([twin], "call", summary="catch-up")
        contacts.create_contact("Nicolò Ødegaard", company="Fjord AS")
        contacts.create_contact("Nicolo Odegaard", city="Oslo")
        contacts.create_contact("Marco Bianchi")
        contacts.create_contact("Marco Bianchii")
        app = NetuiApp(Path(handle.database), welcome=False)
        app.sub_title = "dupes.db"  # the temporary path differs on every run
        yield app
        handle.close()


async def open_duplicates(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("D")
    for _round in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)


def test_duplicates_screen(snap_compare, dupes_app):
    assert snap_compare(dupes_app, terminal_size=SIZE, run_before=open_duplicates)
