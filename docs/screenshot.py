"""Write docs/main-screen.svg and docs/main-screen-it.svg: the main screen on the demo
network, as the app exports it, in English and in Italian.

Run: python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pendulum

from netui.store import db
from netui import demo, i18n
from netui.app import NetuiApp

HERE = Path(__file__).resolve().parent
NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


async def main() -> None:
    for language, name, title in (("en", "main-screen.svg", "demo network"), ("it", "main-screen-it.svg", "rete demo")):
        i18n.set_language(language)
        await screenshot(name, title)
        print(HERE / name)


async def screenshot(name: str, title: str) -> None:
    pendulum.set_local_timezone(pendulum.timezone("Europe/Rome"))
    with tempfile.TemporaryDirectory() as folder, pendulum.travel_to(NOW, freeze=True):
        handle = db.open_database(Path(folder) / "demo.db")
        demo.generate_network(now=NOW)
        app = NetuiApp(Path(handle.database), welcome=False)
        app.sub_title = title
        async with app.run_test(size=(130, 34)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.press("j", "j", "j")
            await pilot.pause()
            app.save_screenshot(name, str(HERE))
        handle.close()


if __name__ == "__main__":
    asyncio.run(main())
