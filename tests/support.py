"""Helpers the tests share: driving the app with Textual's Pilot, and reading netui's imports.

Import them as `from support import settle, type_text, tab_to, open_contact` (tests/ is on
sys.path, as for `conftest`). One definition each: a test that needs to wait longer says so at
the call (`settle(pilot, rounds=2)`), not with a local copy.
"""

from __future__ import annotations

import ast
import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import netui

if TYPE_CHECKING:  # the import checks use this module without loading Textual
    from netui.screens.contact import ContactScreen


# --- the command line, as a user runs it ------------------------------------------------------


def netui_program(db_path, **environment: str) -> Callable[..., subprocess.CompletedProcess]:
    """`run(*argv)` runs `netui ARGV` as a real process on `db_path`, in English, stdin closed,
    in the tests' own zone (conftest's Europe/Rome: a day the test computes is the program's day
    too, also in the hour when Rome's date is not the machine's); `environment` adds variables."""
    env = {**os.environ, "NETUI_DB": str(db_path), "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "",
           "TZ": "Europe/Rome", **environment}

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "netui", *argv], capture_output=True, text=True, env=env,
                              timeout=120, stdin=subprocess.DEVNULL)

    return run


# --- Pilot -------------------------------------------------------------------------------


async def settle(pilot, rounds: int = 1, failures_expected: bool = False) -> None:
    """Let the workers (search, timeline, ...) finish and the screen catch up with what they found.

    `rounds=2` for screens whose first refresh starts another worker (a pane that follows the
    highlight). A worker that fails stops the test, unless `failures_expected` (a test of what
    the user sees when one does).
    """
    from textual.worker import WorkerCancelled, WorkerFailed

    for _round in range(rounds):
        if failures_expected:
            for worker in list(pilot.app.workers):
                try:
                    await worker.wait()
                except (WorkerFailed, WorkerCancelled):
                    pass
        else:
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key into whatever has the focus, as a quick typist does, then let the
    screen catch up.

    The same key events `pilot.press` sends, through the same driver, in order; but Pilot waits
    after every key until the whole process has been idle for a while (two 20 ms sleeps at
    least, up to a second while a worker thread is busy), which made typing a line the bulk of
    a TUI test's time. Here the app gets each key as soon as it has taken the one before."""
    import asyncio

    from textual import events
    from textual.app import _character_to_key

    app = pilot.app
    for character in text:
        key = "space" if character == " " else character
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
        await asyncio.sleep(0)
    await pilot._wait_for_screen()
    await pilot.pause()


async def open_contact(pilot, contact_id: int) -> ContactScreen:
    """Open the contact and wait until its screen shows (one pause is not enough on a busy machine)."""
    from netui.screens.contact import ContactScreen

    await pilot.pause()
    pilot.app.open_contact(contact_id)
    for _attempt in range(50):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        screen = pilot.app.screen
        if isinstance(screen, ContactScreen) and screen.query("#contact-name"):
            return screen
    raise AssertionError("the contact screen never showed")


async def tab_to(pilot, widget_id: str, limit: int = 20) -> None:
    """Press Tab, as a user would, until the widget with this id has the focus."""
    for _press in range(limit):
        if pilot.app.focused is not None and pilot.app.focused.id == widget_id:
            return
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"Tab never reached #{widget_id} (focus: {pilot.app.focused!r})")


# --- imports, read from the source (for the layering and architecture checks) ------------

PACKAGE_DIR = Path(netui.__file__).parent


def module_name(path: Path) -> str:
    """netui/store/db.py -> netui.store.db; a package's __init__.py -> netui.store.__init__."""
    return ".".join(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)



def import_statements(source: str, module: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every import in `source`, at module level or inside a function, as (origin, names):
    `import a.b` is ("a.b", ()), `from a import b, c` is ("a", ("b", "c")).

    `module` is the dotted name of the file (`pkg.__init__` for a package's __init__.py), used
    to make relative imports absolute.
    """
    if module.endswith(".__init__"):
        package = module.removesuffix(".__init__")
    else:
        package = module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module
            found.append((origin, tuple(alias.name for alias in node.names)))
    return found


def imported_modules(source: str, module: str) -> set[str]:
    """Absolute names of the modules (and `from X import name` as X.name) `source` imports."""
    names = set()
    for origin, imported in import_statements(source, module):
        names.add(origin)
        names.update(f"{origin}.{name}" for name in imported)
    return names


def sqlite_steps(action: Callable[[], object], every: int = 100) -> int:
    """How many times SQLite's virtual machine ran `every` more instructions during `action`
    (rows read, sorted, ranked): its work, counted the same on any machine however busy."""
    from netui.store.models import database

    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0  # carry on

    connection = database.connection()
    connection.set_progress_handler(count, every)
    try:
        action()
    finally:
        connection.set_progress_handler(None, every)
    return steps


@contextlib.contextmanager
def statements():
    """The SQL statements SQLite runs inside the block, BEGIN and COMMIT too (its own trigger
    lines left out): `with statements() as seen: ...`."""
    from netui.store.models import database

    seen: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(lambda sql: seen.append(sql) if not sql.startswith("--") else None)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)
