"""Time from Enter to durable and to applied for quick capture, against the disk's floor:
`python benchmarks/capture.py [--people 100000] [--network FILE]`.

Copies the demo network at that size (benchmarks/networks.py: written once, reused; or
--network FILE, e.g. benchmarks/results/network-100000-750000.db) into a temporary file, then captures lines one
at a time at an event (new people, and people already known, which are updated) through the
same domain calls the capture screen makes on Enter, timing two moments of each:

* Enter -> durable: `capture.journal` -- the line checked (a bad one is refused here) and
  written down in the capture journal, committed durably (synchronous=FULL): from then on the
  line cannot be lost (a crash leaves it to be applied at the next open). As in the app, the
  line was read (parsed) before Enter, by the preview while it was typed, and Enter finds it
  read: that reading is timed on its own ("parse", CPU), not inside Enter -> durable;
* Enter -> applied: that, then `capture.apply` -- the person created or updated, met at the
  event, the meeting and the follow-up, and the journal row deleted, in one transaction: when
  the network shows the person (what this benchmark timed before the journal).

The floor, measured in the same run on a file in the same folder, one commit just before each
capture: a bare SQLite durable commit (one small INSERT + COMMIT, with the pragmas netui opens
every file with: netui.store.sqlite.PRAGMAS, WAL and synchronous=FULL). Runs --runs times (3),
each on a fresh copy; prints the medians over the runs of each figure, the p95's spread across
runs and the ratios to the floor, and writes benchmarks/results/capture.json (the applied
figures at the top level, as before; the durable ones under "durable").
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

from netui import capture, contacts, when  # noqa: E402
from netui.capture_line import parse_capture_line  # noqa: E402
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


class Floor:
    """Durable commits of one small row each, on a new file in `folder`, with netui's pragmas:
    what the disk costs a write that must survive a power cut."""

    def __init__(self, folder: str) -> None:
        self.connection = sqlite3.connect(Path(folder) / "floor.db", isolation_level=None)
        for name, value in PRAGMAS.items():
            self.connection.execute(f"PRAGMA {name} = {value}")
        self.connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL, at TEXT NOT NULL)")
        self.samples: list[float] = []
        self.cpu: list[float] = []

    def commit(self) -> None:
        began, began_cpu = time.perf_counter(), time.process_time()
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute("INSERT INTO note (text, at) VALUES (?, ?)", (f"line {len(self.samples)}", "2026-12-03 10:00:00"))
        self.connection.execute("COMMIT")
        self.samples.append((time.perf_counter() - began) * 1000)
        self.cpu.append((time.process_time() - began_cpu) * 1000)


def bare_commits(folder: str, count: int) -> list[float]:
    """`count` floor commits in a row (benchmarks/postgres.py's file side)."""
    floor = Floor(folder)
    for _n in range(count):
        floor.commit()
    floor.connection.close()
    return floor.samples


def with_cpu(wall: list[float], cpu: list[float]) -> dict:
    cpu = sorted(cpu)
    return {**figures(wall), "cpu_median_ms": statistics.median(cpu), "cpu_p95_ms": cpu[int(len(cpu) * 0.95) - 1]}


def one_run(source: Path, captures: int) -> tuple[dict, dict, dict, dict]:
    """(applied figures, durable figures, floor figures), all measured on the same disk in this
    run, a floor commit just before each capture."""
    with tempfile.TemporaryDirectory() as folder:  # the floor and the copy: one folder, one disk
        floor = Floor(folder)
        handle = db.open_database(scratch_copy(source, folder))
        event_id = capture.event_for_today("Benchmark Fair")
        known = [(s.name, s.company) for s in contacts.list_contacts(limit=50)]
        durable, applied, durable_cpu, applied_cpu, parse_cpu = [], [], [], [], []
        for line in lines(captures, known):
            began_cpu = time.process_time()
            parse_capture_line(line, when.today())  # the preview's, while the line was typed
            parse_cpu.append((time.process_time() - began_cpu) * 1000)
            floor.commit()
            began, began_cpu = time.perf_counter(), time.process_time()
            pending = capture.journal(line, event_id)  # Enter -> the line on disk
            durable.append((time.perf_counter() - began) * 1000)
            durable_cpu.append((time.process_time() - began_cpu) * 1000)
            try:
                capture.apply(pending)
            except capture.SeveralPeopleError as several:  # the user would pick one: the first
                capture.apply(pending, choice=several.candidates[0].id)
            applied.append((time.perf_counter() - began) * 1000)
            applied_cpu.append((time.process_time() - began_cpu) * 1000)
        assert not capture.waiting_lines()
        handle.close()
        floor.connection.close()
    parse_cpu.sort()
    return (with_cpu(applied, applied_cpu), with_cpu(durable, durable_cpu), with_cpu(floor.samples, floor.cpu),
            {"cpu_median_ms": statistics.median(parse_cpu), "cpu_p95_ms": parse_cpu[int(len(parse_cpu) * 0.95) - 1]})


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
        found = {key: round(statistics.median(r[which][key] for r in runs), 3)
                 for key in ("median_ms", "min_ms", "p95_ms", "max_ms", "cpu_median_ms", "cpu_p95_ms")
                 if key in runs[0][which]}
        if "p95_ms" in found:
            p95 = [r[which]["p95_ms"] for r in runs]
            found.update(p95_min_ms=round(min(p95), 3), p95_max_ms=round(max(p95), 3))
        return found

    result = {  # medians over the runs; the p95's spread across them
        "people": args.people, "network": source.name, "captures": args.captures, "runs": args.runs,
        **medians(0), "durable": medians(1), "floor": medians(2), "parse_before_enter": medians(3),
    }
    floor, durable = result["floor"], result["durable"]
    result["p95_over_floor_p95"] = round(result["p95_ms"] / floor["p95_ms"], 2)
    result["median_over_floor_median"] = round(result["median_ms"] / floor["median_ms"], 2)
    durable["p95_over_floor_p95"] = round(durable["p95_ms"] / floor["p95_ms"], 2)
    durable["median_over_floor_median"] = round(durable["median_ms"] / floor["median_ms"], 2)
    out = Path(__file__).resolve().parent / "results" / "capture.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"{result['people']} people, {result['captures']} lines x {args.runs} runs (medians over the runs):")
    for label, f in (("Enter -> durable (the line in the journal)", durable),
                     ("Enter -> applied (the person in the network)", result)):
        print(f"  {label}: median {f['median_ms']} ms, p95 {f['p95_ms']} ms ({f['p95_min_ms']}-{f['p95_max_ms']} "
              f"over the runs), max {f['max_ms']} ms; CPU median {f['cpu_median_ms']} ms, p95 {f['cpu_p95_ms']} ms; "
              f"/ floor: p95 {f['p95_over_floor_p95']}x, median {f['median_over_floor_median']}x")
    print(f"  floor, a bare SQLite durable commit on the same disk: median {floor['median_ms']} ms, "
          f"p95 {floor['p95_ms']} ms ({floor['p95_min_ms']}-{floor['p95_max_ms']}); CPU median {floor['cpu_median_ms']} ms, "
          f"p95 {floor['cpu_p95_ms']} ms")
    parse = result["parse_before_enter"]
    print(f"  the line read by the preview before Enter (not in the figures above): CPU median "
          f"{parse['cpu_median_ms']} ms, p95 {parse['cpu_p95_ms']} ms")


if __name__ == "__main__":
    main()
