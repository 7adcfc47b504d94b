"""The layering rules: the domain never depends on Textual, and the UI never builds queries.

The domain (models, db, contacts, search, ...) must stay usable from the CLI and from tests
without a terminal UI; screens and widgets must go through the domain functions.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import netui
from support import imported_modules, module_name

PACKAGE_DIR = Path(netui.__file__).parent
DOMAIN_MODULES = (
    "netui.store.models",
    "netui.store.db",
    "netui.store.migrations",
    "netui.contacts",
    "netui.store.search",
    "netui.timeline",
    "netui.events",
    "netui.followups",
    "netui.when",
    "netui.text",
    "netui.errors",
    "netui.cli",
)
UI_DIRS = ("screens", "widgets")
UI_FORBIDDEN = ("netui.store.models", "peewee", "playhouse")


def imports_any(source: str, module: str, forbidden) -> set[str]:
    return {
        name
        for name in imported_modules(source, module)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    }


def domain_files() -> list[Path]:
    """Every module below the user interface: all of netui but app.py, screens/ and widgets/."""
    return sorted(
        path for path in PACKAGE_DIR.rglob("*.py")
        if path.name != "app.py" or path.parent != PACKAGE_DIR
        if path.relative_to(PACKAGE_DIR).parts[0] not in UI_DIRS
    )


def ui_files() -> list[Path]:
    return sorted(p for d in UI_DIRS for p in (PACKAGE_DIR / d).rglob("*.py"))


# --- the checker itself can fail ---------------------------------------------------------


@pytest.mark.parametrize(
    "source, module, forbidden, found",
    [
        ("import textual", "netui.store.db", ("textual",), True),
        ("from textual.app import App", "netui.store.db", ("textual",), True),
        ("import textualize_extra", "netui.store.db", ("textual",), False),
        ("from netui.store.models import Contact", "netui.widgets.card", UI_FORBIDDEN, True),
        ("from netui.store import models", "netui.widgets.card", UI_FORBIDDEN, True),
        ("from ..store.models import Contact", "netui.widgets.card", UI_FORBIDDEN, True),
        ("from ..store import models", "netui.screens.main", UI_FORBIDDEN, True),
        ("import peewee", "netui.screens.main", UI_FORBIDDEN, True),
        ("from playhouse.sqlite_ext import fn", "netui.screens.main", UI_FORBIDDEN, True),
        ("from netui import contacts", "netui.screens.main", UI_FORBIDDEN, False),
        ("from netui.contacts import ContactSummary", "netui.screens.main", UI_FORBIDDEN, False),
    ],
)
def test_import_checker(source, module, forbidden, found):
    """The static checks below really detect forbidden imports (and only those)."""
    assert bool(imports_any(source, module, forbidden)) is found


# --- the rules ---------------------------------------------------------------------------


def test_domain_modules_do_not_load_textual():
    """Importing the whole domain (and the CLI) in a fresh interpreter leaves Textual unloaded."""
    code = f"import {', '.join(DOMAIN_MODULES)}; import sys; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        cwd=PACKAGE_DIR.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_domain_files_have_no_textual_import():
    """No domain file imports Textual, not even lazily inside a function."""
    files = domain_files()
    assert PACKAGE_DIR / "store" / "db.py" in files and PACKAGE_DIR / "contacts.py" in files
    offenders = {
        path.name: found
        for path in files
        if (found := imports_any(path.read_text(), module_name(path), ("textual",)))
    }
    assert offenders == {}


def test_screens_and_widgets_do_not_touch_the_database_layer():
    """Widgets and screens call domain functions; they never import models, peewee or playhouse."""
    files = ui_files()
    for directory in UI_DIRS:
        assert (PACKAGE_DIR / directory / "__init__.py") in files
    offenders = {
        str(path.relative_to(PACKAGE_DIR)): found
        for path in files
        if (found := imports_any(path.read_text(), module_name(path), UI_FORBIDDEN))
    }
    assert offenders == {}
