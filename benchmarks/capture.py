"""Time from Enter to stored for quick capture, against the disk's floor:
`python benchmarks/capture.py [--people 100000] [--network FILE]`.

Copies the demo network at that size (benchmarks/networks.py: written once, reused; or
--network FILE, e.g. benchmarks/results/network-100000-750000.db) into a temporary file, then captures lines one
at a time at an event (new people, and people already known, which are updated) through the
same domain call the capture screen makes on Enter. Each capture is committed durably
(synchronous=FULL) before the clock stops.

The floor, measured in the same run on a file in the same folder: a bare SQLite durable
commit (one small INSERT + COMMIT, with the pragmas netui opens every file with:
netui.store.sqlite.PRAGMAS, WAL and synchronous=FULL), --captures times. Runs --runs times
(3), each on a fresh copy; prints the medians over the runs of each figure, the p95's spread
across runs and the ratio capture p95 / floor p95, and writes benchmarks/results/capture.json.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui import capture, contacts  # noqa: E402
from netui.store import db  # noqa: E402
from netui.store.sqlite import PRAGMAS  # noqa: E402

from networks import cached, scratch_copy  # noqa: E402


def lines(count: int, known: list[tuple[str, str]]) -> list[str]:
    out = []
    for n in range(count):
        if n % 5 == 4 and known:  # every fifth line is someone already in the network
            name, company = known[n % len(known)]
            at = f" @{company}" if company else ""  # a name alone may be several people's
            out.append(f'{name}{at} "Speaker" #bench !1w talked about the keynote')
        else:
            out.append(f'Bench Person{n} @Company {n % 37} "Role {n % 11}" #bench{n % 7} '
                       f"person{n}@example.com +39 333 {n:07d} !2d met at the stand, likes coffee")
    return out


def figures(samples: list[float]) -> dict:
    samples = sorted(samples)
    return {"median_ms": statistics.median(samples), "min_ms": samples[0],
            "p95_ms": samples[int(len(samples) * 0.95) - 1], "max_ms": samples[-1]}


def bare_commits(folder: str, count: int) -> list[float]:
    """`count` durable commits of one small row each, on a new file in `folder`, with netui's
    pragmas: what the disk costs a write that must survive a power cut."""
    connection = sqlite3.connect(Path(folder) / "floor.db", isolation_level=None)
    for name, value in PRAGMAS.items():
        connection.execute(f"PRAGMA {name} = {value}")
    connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL, at TEXT NOT NULL)")
    samples = []
    for n in range(count):
        began = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO note (text, at) VALUES (?, ?)", (f"line {n}", "2026-12-03 10:00:00"))
        connection.execute("COMMIT")
        samples.append((time.perf_counter() - began) * 1000)
    connection.close()
    return samples


def one_run(source: Path, captures: int) -> tuple[dict, dict]:
    """(capture figures, floor figures), both measured on the same disk in this run."""
    with tempfile.TemporaryDirectory() as folder:  # the floor and the copy: one folder, one disk
        floor = figures(bare_commits(folder, captures))
        handle = db.open_database(scratch_copy(source, folder))
        event_id = capture.event_for_today("Benchmark Fair")
        known = [(s.name, s.company) for s in contacts.list_contacts(limit=50)]
        samples, cpu = [], []
        for line in lines(captures, known):
            began, began_cpu = time.perf_counter(), time.process_time()
            try:
                capture.capture_line(line, event_id)
            except capture.SeveralPeopleError as several:  # the user would pick one: the first
                capture.capture_line(line, event_id, choice=several.candidates[0].id)
            samples.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        handle.close()
    cpu.sort()
    return {**figures(samples), "cpu_median_ms": statistics.median(cpu), "cpu_p95_ms": cpu[int(len(cpu) * 0.95) - 1]}, floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--network", type=Path, help="a demo network file to copy instead of benchmarks/results'")
    parser.add_argument("--captures", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="runs, each on a fresh copy of the network")
    args = parser.parse_args()
    source = args.network or cached(args.people)
    runs = [one_run(source, args.captures) for _ in range(args.runs)]

    def medians(which: int) -> dict:
        p95 = [r[which]["p95_ms"] for r in runs]
        return {**{key: round(statistics.median(r[which][key] for r in runs), 2)
                   for key in ("median_ms", "min_ms", "p95_ms", "max_ms", "cpu_median_ms", "cpu_p95_ms")
                   if key in runs[0][which]},
                "p95_min_ms": round(min(p95), 2), "p95_max_ms": round(max(p95), 2)}

    result = {  # medians over the runs; the p95's spread across them
        "people": args.people, "network": source.name, "captures": args.captures, "runs": args.runs,
        **medians(0), "floor": medians(1),
    }
    result["p95_over_floor_p95"] = round(result["p95_ms"] / result["floor"]["p95_ms"], 2)
    result["median_over_floor_median"] = round(result["median_ms"] / result["floor"]["median_ms"], 2)
    out = Path(__file__).resolve().parent / "results" / "capture.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    floor = result["floor"]
    print(f"{result['people']} people: capture Enter -> stored, {result['captures']} lines x {args.runs} runs: "
          f"median {result['median_ms']} ms, p95 {result['p95_ms']} ms ({result['p95_min_ms']}-{result['p95_max_ms']} "
          f"over the runs), max {result['max_ms']} ms; CPU median {result['cpu_median_ms']} ms, "
          f"p95 {result['cpu_p95_ms']} ms")
    print(f"  floor, a bare SQLite durable commit on the same disk: median {floor['median_ms']} ms, "
          f"p95 {floor['p95_ms']} ms ({floor['p95_min_ms']}-{floor['p95_max_ms']})")
    print(f"  capture / floor: p95 {result['p95_over_floor_p95']}x, median {result['median_over_floor_median']}x")


if __name__ == "__main__":
    main()
