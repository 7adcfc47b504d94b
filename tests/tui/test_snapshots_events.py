"""Screenshots of the event screen with people to meet who are not contacts yet: before the
event (to meet) and after it (who was met, who was missed), with time frozen.

Update after an intended change of the look (and look at the SVGs):
`python -m pytest tests/tui/test_snapshots_events.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from conftest import travel
from netui import capture, contacts, events, wishes
from netui.app import NetuiApp
from netui.screens.event import EventScreen
from netui.store import db

SIZE = (120, 36)
NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


def _network(over: bool) -> int:
    start = NOW.subtract(hours=2) if over else NOW.add(days=5).at(9, 0)
    event_id = events.create_event(
        "Fintech Forum", kind="congress", status="registered", starts_at=start, ends_at=start.add(hours=8),
        venue="MiCo", city="Milano", goal="meet 3 buyers", timezone="Europe/Rome")
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital")
    events.set_attendee(event_id, giulia, "to meet", role="speaker")
    wishes.add_wish(event_id, "Nicolò Ødegaard", "Fjord Capital", "runs the accelerator")
    wishes.add_wish(event_id, "Luca Neri", "Borsa Italiana", "the keynote speaker")
    wishes.add_wish(event_id, "Sara Conti", "", "asked about our pilot")
    if over:
        capture.capture_line("nicolo odegaard @fjord capital", event_id)
        events.mark_met(event_id, giulia)
        events.set_event_status(event_id, "attended")
    return event_id


@pytest.fixture(params=[False, True], ids=["coming", "over"])
def event_app(request, tmp_path):
    with travel(NOW):
        handle = db.open_database(tmp_path / "events.db")
        event_id = _network(request.param)
        app = NetuiApp(Path(handle.database), welcome=False)
        app.sub_title = "events.db"
        app.event_to_open = event_id
        yield app
        handle.close()


async def open_event(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.push_screen(EventScreen(pilot.app.event_to_open))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)


def test_event_screen_with_people_to_meet(snap_compare, event_app):
    assert snap_compare(event_app, terminal_size=SIZE, run_before=open_event)
