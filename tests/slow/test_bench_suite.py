"""The benchmark suite's own plumbing (benchmarks/all.py, khard.py): no timing, no subprocess."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import all as suite  # noqa: E402
import khard  # noqa: E402


def test_khard_absent_is_skipped_with_a_reason(monkeypatch, tmp_path):
    monkeypatch.delenv("KHARD", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(khard.sys, "executable", str(tmp_path / "python"))
    result = khard.measure(people=10, repeats=1)
    assert set(result) == {"skipped"} and "pip install khard" in result["skipped"]


def test_table_says_met_or_missed_and_by_how_much():
    results = {
        "startup": {"1000": {"median_s": 0.7, "min_s": 0.6, "max_s": 0.9, "runs": 7, "peak_rss_mib": 50.0},
                    "1000000": {"median_s": 1.4, "min_s": 1.2, "max_s": 1.6, "runs": 7, "peak_rss_mib": 160.0},
                    "floor": {"python -c pass": {"median_s": 0.03, "min_s": 0.03, "max_s": 0.04, "runs": 7}}},
        "capture": {"median_ms": 9.0, "p95_ms": 15.0, "max_ms": 90.0, "runs": 3, "p95_min_ms": 12.0,
                    "p95_max_ms": 19.0},
        "khard": {"skipped": "khard is not installed"},
    }
    table = {what: (measured, target, verdict) for what, measured, target, verdict in suite.rows(results)}
    assert table["first screen, 1,000 people"][2] == "missed 2.0×"
    assert table["first screen, 1M people against 1k"] == ("2.00×", "≤ 1.3× (flat)", "missed")
    assert table["peak RSS at first screen, 1,000,000 people (1M interactions)"][2] == "missed"
    assert table["quick capture Enter → committed, 100k"][2] == "met"
    assert table["netui search against khard list, 10k"][0].startswith("skipped")
    assert "(floor) python -c pass" in table


def test_first_screen_and_keystrokes_are_judged_against_the_floor_of_the_same_run():
    """Issue 18: the first screen within 1.5× an empty Textual App; a keystroke's p50 within 1.5×
    and its p95 within 2× a bare Input echo's."""
    results = {
        "startup": {"1000": {"median_s": 0.50, "min_s": 0.45, "max_s": 0.6, "runs": 7, "peak_rss_mib": 50.0},
                    "100000": {"median_s": 0.80, "min_s": 0.7, "max_s": 0.9, "runs": 7, "peak_rss_mib": 55.0},
                    "floor": {"an empty Textual App, first paint": {"median_s": 0.40, "min_s": 0.3, "max_s": 0.5}}},
        "keystrokes": {"floor": {"p50_ms": 40.0, "p95_ms": 50.0, "min_ms": 30.0, "max_ms": 60.0, "keys": 20},
                       "1000": {"p50_ms": 55.0, "p95_ms": 90.0, "min_ms": 40.0, "max_ms": 95.0, "keys": 20},
                       "100000": {"p50_ms": 70.0, "p95_ms": 120.0, "min_ms": 40.0, "max_ms": 130.0, "keys": 20}},
        "capture": {"median_ms": 5.0, "p95_ms": 9.0, "max_ms": 90.0, "floor": {"median_ms": 0.2, "p95_ms": 0.3},
                    "p95_over_floor_p95": 30.0},
    }
    table = {what: (measured, target, verdict) for what, measured, target, verdict in suite.rows(results)}
    assert table["first screen, 1,000 people"][1:] == ("≤ 1.5× the empty App", "met")
    assert table["first screen, 100,000 people"][2] == "missed: 2.00× the floor"
    assert table["search keystroke, 1,000 people, from outside"][2] == "met"
    assert table["search keystroke, 100,000 people, from outside"][2] == "missed: p50 1.75×, p95 2.40×"
    assert table["(floor) a bare SQLite durable commit, same disk"][2] == "missed 15.0×"


def test_capture_is_judged_at_durable_against_the_floor_and_applied_is_shown_beside_it():
    """Issue 18 with the capture journal: Enter -> durable (the line written down) within 20 ms
    and 2x a bare durable commit; Enter -> applied shown beside it against 20 ms."""
    floor = {"median_ms": 0.2, "p95_ms": 0.3}
    applied = {"median_ms": 7.0, "p95_ms": 11.0, "max_ms": 90.0, "runs": 3, "floor": floor, "p95_over_floor_p95": 36.7}
    met = {**applied, "durable": {"median_ms": 0.35, "p95_ms": 0.5, "p95_over_floor_p95": 1.67}}
    missed = {**applied, "durable": {"median_ms": 0.5, "p95_ms": 0.9, "p95_over_floor_p95": 3.0}}
    durable, shown = "quick capture Enter → durable (the line in the journal), 100k", \
        "quick capture Enter → applied (the person in the network), 100k"
    table = {what: (measured, target, verdict) for what, measured, target, verdict in suite.rows({"capture": met})}
    assert table[durable][1:] == ("≤ 20 ms p95 and ≤ 2× the floor", "met")
    assert table[shown][2] == "met"
    assert table["(floor) a bare SQLite durable commit, same disk"][2] == ""
    table = {what: (measured, target, verdict) for what, measured, target, verdict in suite.rows({"capture": missed})}
    assert table[durable][2] == "missed 1.5×"
