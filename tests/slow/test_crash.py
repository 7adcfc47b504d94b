"""Crash safety, the short version of benchmarks/crash.py (200 runs there, its result in the
README): 20 netui processes killed with SIGKILL at random moments while capturing or
importing; after each, integrity_check is ok, every acknowledged capture is in the file and
the import is all there or not at all."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "crash.py"


def test_twenty_kills_lose_no_acknowledged_write_and_no_half_import(tmp_path):
    spec = importlib.util.spec_from_file_location("netui_crash_benchmark", SCRIPT)
    crash = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crash)
    summary = crash.run_all(tmp_path / "crash.db", runs=20, seed=2026)
    assert summary["problems"] == [], summary
    assert summary["integrity_failures"] == 0 and summary["imports_partial"] == 0
    assert summary["acknowledged_missing"] == 0
    assert summary["captures_acknowledged"] > 0
    assert summary["imports_none"] + summary["imports_all"] == summary["import_runs"] == 10


def test_kills_on_a_team_server_lose_no_acknowledged_write_and_no_half_import(postgres_database):
    """The same on PostgreSQL: a member's netui killed mid-capture or mid-import loses nothing
    it acknowledged, and an import is there whole or not at all."""
    spec = importlib.util.spec_from_file_location("netui_crash_benchmark", SCRIPT)
    crash = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crash)
    summary = crash.run_all(postgres_database.address.conninfo, runs=10, seed=2026)
    assert summary["problems"] == [], summary
    assert summary["imports_partial"] == 0 and summary["acknowledged_missing"] == 0
    assert summary["captures_acknowledged"] > 0
    assert summary["imports_none"] + summary["imports_all"] == summary["import_runs"] == 5
