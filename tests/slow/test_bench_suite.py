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
    assert table["first screen, 1M people against 1k"] == ("2.00×", "≤ 1.3×", "missed")
    assert table["peak RSS at first screen, 1,000,000 people (1M interactions)"][2] == "missed"
    assert table["quick capture Enter → committed, 100k"][2] == "met"
    assert table["netui search against khard list, 10k"][0].startswith("skipped")
    assert "(floor) python -c pass" in table
