"""Shared fixtures: every test gets its own database file and its own data/config dirs.

Time: the `frozen` fixture stops pendulum's clock at FROZEN_NOW, a Sunday morning in Rome
unless $NETUI_TEST_NOW names another instant (`NETUI_TEST_NOW=2028-02-29T10:00:00+01:00`):
tests that use it write their dates relative to it, so the suite passes on any day. A test
that needs another moment for a while uses `travel(...)`, which comes back to the clock as it
was (frozen at FROZEN_NOW, or running) — `pendulum.travel_to` alone would go back to the real
clock. Such tests are marked `frozen_clock`; CI runs them again under other dates.

Tiers: tests/slow/ (crash, concurrency, benchmarks), tests/browser/ (`netui serve` in chromium),
the SVG snapshots and the tests named in tests/slow_tests.txt are marked `slow`; `python -m pytest -n 2 -m "not slow"` is the everyday
tier, CI runs everything. The Pilot helpers the TUI tests share are in tests/support.py.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pendulum
import pytest

from netui.store import db
from netui import i18n, team

TEST_NOW_VARIABLE = "NETUI_TEST_NOW"
DEFAULT_NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


def _frozen_now() -> pendulum.DateTime:
    text = os.environ.get(TEST_NOW_VARIABLE, "").strip()
    if not text:
        return DEFAULT_NOW
    # Shown in Rome's zone, where the tests' typed times are read.
    return pendulum.parse(text).in_tz("Europe/Rome")


FROZEN_NOW = _frozen_now()

# The instant the clock stands at while a test's clock is stopped (None: the real clock runs).
_stopped_at: list[pendulum.DateTime | None] = [None]


@contextlib.contextmanager
def travel(instant: pendulum.DateTime):
    """Stop the clock at `instant` for the block, then come back to the clock as it was."""
    outer = _stopped_at[0]
    pendulum.travel_to(instant, freeze=True)
    _stopped_at[0] = instant
    try:
        yield instant
    finally:
        _stopped_at[0] = outer
        if outer is None:
            pendulum.travel_back()
        else:
            pendulum.travel_to(outer, freeze=True)


TESTS_DIR = Path(__file__).parent
SLOW_LIST = TESTS_DIR / "slow_tests.txt"
# Folders and files that are slow whole (every snapshot file, the browser).
SLOW_WHOLE = ("slow/", "tui/test_snapshots", "browser/")


def slow_test_names(path: Path = SLOW_LIST) -> set[str]:
    """The `file::function` names (relative to tests/) listed in slow_tests.txt."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#")}


def is_slow(name: str, listed: set[str]) -> bool:
    """`name` is a test's `file::function[parameters]` relative to tests/."""
    return name.startswith(SLOW_WHOLE) or name.split("[", 1)[0] in listed


def pytest_collection_modifyitems(items):
    listed = slow_test_names()
    for item in items:
        # A test reads the stopped clock through the fixture or through FROZEN_NOW itself.
        if "frozen" in getattr(item, "fixturenames", ()) or hasattr(item.module, "FROZEN_NOW"):
            item.add_marker(pytest.mark.frozen_clock)
        relative = Path(item.path).relative_to(TESTS_DIR).as_posix()
        if is_slow(f"{relative}::{item.name}", listed):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Keep tests away from the real user's data, config and $NETUI_DB."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv(db.DB_ENV_VAR, raising=False)
    # Who is using netui: the login name unless a test says (the CLI's --user sets it in-process).
    monkeypatch.delenv(team.USER_ENV_VAR, raising=False)
    monkeypatch.setattr(team, "_current", None)
    # English unless a test asks for another language (the CLI reads $LANG).
    for variable in i18n.LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    # Typed times ("yesterday 18:00") are read in the local zone: make it the same everywhere.
    previous = pendulum.local_timezone()
    pendulum.set_local_timezone(pendulum.timezone("Europe/Rome"))
    yield
    pendulum.set_local_timezone(previous)
    i18n.set_language("en")


@pytest.fixture
def italian():
    """The interface in Italian for the duration of the test."""
    i18n.set_language("it")
    yield
    i18n.set_language("en")


@pytest.fixture
def frozen():
    """Stop pendulum's clock at FROZEN_NOW for the duration of the test."""
    with travel(FROZEN_NOW):
        yield FROZEN_NOW


@pytest.fixture
def known_sunday():
    """Stop the clock at DEFAULT_NOW whatever $NETUI_TEST_NOW says: for tests whose point is a
    calendar fact of that day ("monday" typed on Sunday 29 November 2026 is the 23rd). Every
    other test uses `frozen` and writes its dates relative to it."""
    with travel(DEFAULT_NOW):
        yield DEFAULT_NOW


# The domain tests run against both backends: a network in a SQLite file, and a team's on
# PostgreSQL (a throwaway server: tests/postgres_cluster.py). Elsewhere `database` is a file.
BACKENDS = ("sqlite", "postgresql")
BOTH_BACKENDS_FOLDERS = ("domain",)


def pytest_generate_tests(metafunc):
    path = metafunc.definition.path
    if ("database" in metafunc.fixturenames and path.parent.name in BOTH_BACKENDS_FOLDERS
            and not metafunc.definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("database", BACKENDS, indirect=True)


@pytest.fixture
def database(request, tmp_path):
    """A fresh, migrated netui database bound to the models: a file, or (a domain test's
    "postgresql" run) a database of its own on the throwaway PostgreSQL server."""
    if getattr(request, "param", "sqlite") == "postgresql":
        from netui.store import postgres  # noqa: F401 -- the driver, for tests that read the server
        yield request.getfixturevalue("emptied_postgres_database")
        return
    handle = db.open_database(tmp_path / "netui.db")
    yield handle
    handle.close()


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throwaway PostgreSQL server for this test process (tests/postgres_cluster.py)."""
    from tests.postgres_cluster import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def emptied_postgres_database(postgres_cluster):
    """An empty netui network on the throwaway PostgreSQL server, bound to the models: this
    process's shared one, emptied (cheaper than a copy; what a domain test needs)."""
    handle = db.open_database(postgres_cluster.address(postgres_cluster.emptied_database()))
    yield handle
    handle.close()


@pytest.fixture
def postgres_database(postgres_cluster):
    """A fresh netui network on the throwaway PostgreSQL server, bound to the models."""
    name = postgres_cluster.new_database()
    handle = db.open_database(postgres_cluster.address(name))
    yield handle
    handle.close()
    postgres_cluster.drop(name)
