"""Shared fixtures: every test gets its own database file and its own data/config dirs."""

from __future__ import annotations

import pendulum
import pytest

from netui import db, i18n

# A Sunday morning in Rome; tests that care about "now" travel here.
FROZEN_NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Keep tests away from the real user's data, config and $NETUI_DB."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv(db.DB_ENV_VAR, raising=False)
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
    """Freeze pendulum's clock at FROZEN_NOW for the duration of the test."""
    with pendulum.travel_to(FROZEN_NOW, freeze=True):
        yield FROZEN_NOW


@pytest.fixture
def database(tmp_path):
    """A fresh, migrated netui database file bound to the models."""
    handle = db.open_database(tmp_path / "netui.db")
    yield handle
    handle.close()
