"""The first screen loads only what it shows (issue 18): forms, the capture screen, the flows,
help, the duplicate finder (rapidfuzz), the importers and the demo writer load on first use.
Every module imported before the first paint is time a person waits for at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pendulum

from netui import contacts, events

# Not on the first screen: each of these loads when its key or command is used.
LOADED_ON_FIRST_USE = (
    "netui.screens.flows", "netui.screens.forms", "netui.screens.forms.form",
    "netui.screens.forms.contact_form", "netui.screens.capture", "netui.screens.help",
    "netui.screens.contact", "netui.screens.today", "netui.screens.welcome",
    "netui.widgets.contact_picker", "netui.capture", "netui.capture_line", "netui.lifecycle",
    "netui.duplicates", "netui.giving", "netui.wishes", "netui.reaching", "netui.privacy",
    "netui.exchange", "netui.demo", "rapidfuzz", "vobject", "icalendar",
)

FIRST_SCREEN = """
import asyncio, json, sys
from netui.store import db
from netui.app import NetuiApp

db.open_database(sys.argv[1])


async def first_screen():
    app = NetuiApp(None, welcome=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _attempt in range(200):
            await pilot.pause(0.02)
            await app.workers.wait_for_complete()
            title = str(app.screen.query_one("#contacts-title").render())
            planner = app.screen.query_one("#events")
            if "2 people" in title and planner.option_count:
                break
        else:
            raise SystemExit("the first screen never showed its people and events: " + title)
        print("MODULES " + json.dumps(sorted(set(sys.modules))))

asyncio.run(first_screen())
"""


def test_the_first_screen_imports_no_form_capture_or_import_machinery(database, tmp_path):
    contacts.create_contact(first_name="Giulia", last_name="Rossi", company="Lumen")
    contacts.create_contact(first_name="Marco", last_name="Bianchi")
    events.create_event("Alumni dinner", starts_at=pendulum.now().add(days=30))
    database.close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "LANG": "C.UTF-8", "NETUI_DB": str(tmp_path / "netui.db")}
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(tmp_path / "netui.db")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
    modules = set(json.loads(result.stdout.rpartition("MODULES ")[2]))
    assert "netui.screens.main" in modules  # the probe did reach the first screen
    loaded = sorted(name for name in modules
                    if any(name == lazy or name.startswith(lazy + ".") for lazy in LOADED_ON_FIRST_USE))
    assert loaded == [], f"the first screen imported {loaded}: import them where they are first used"
