"""Measure the domain layer on synthetic networks: `python benchmarks/run.py [--sizes 1000 10000]`.

For each size it writes the deterministic demo network (netui.demo) into a temporary file,
then times, through the domain functions the TUI and CLI call, the operations a person waits for. Each figure is the
median of repeated runs, with the spread (min-max). Prints a table and writes JSON to
benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui import contacts, demo, timeline  # noqa: E402
from netui.store import db  # noqa: E402

def measure(action, repeats: int) -> dict:
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples), "max_ms": max(samples)}


def run(size: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        database = db.open_database(Path(folder) / "bench.db")
        began = time.perf_counter()
        demo.generate_network(size)
        build_seconds = time.perf_counter() - began
        ids = [s.id for s in contacts.list_contacts()]
        keystrokes = ["g", "gi", "giu", "giul", "giuli", "giulia"]
        results = {
            "demo network (7.5 interactions/person), s": build_seconds,
            "open the list: count + first page": measure(
                lambda: contacts.find_contacts("").page(0, 100), repeats),
            "search as you type (6 keystrokes)": measure(
                lambda: [contacts.search_contacts(k, limit=50) for k in keystrokes], repeats),
            "search 'caffe milano'": measure(lambda: contacts.search_contacts("caffe milano"), repeats),
            "list first 50 by name": measure(lambda: contacts.list_contacts(limit=50), repeats),
            "list first 50 by last contacted": measure(
                lambda: contacts.list_contacts("last_contacted", limit=50), repeats),
            "contact detail": measure(lambda: contacts.get_contact(ids[size // 2]), repeats),
            "contact timeline (50)": measure(lambda: timeline.contact_timeline(ids[size // 2]), repeats),
            "log one interaction": measure(
                lambda: timeline.log_interaction([ids[size // 3]], "note", summary="bench"), repeats),
        }
        database.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    report = {str(size): run(size, args.repeats) for size in args.sizes}
    out = Path(__file__).resolve().parent / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    names = list(next(iter(report.values())))
    print(f"{'operation':<40}" + "".join(f"{size + ' people':>26}" for size in report))
    for name in names:
        cells = []
        for figures in report.values():
            value = figures[name]
            if isinstance(value, dict):
                cells.append(f"{value['median_ms']:.1f} ms ({value['min_ms']:.1f}-{value['max_ms']:.1f})")
            else:
                cells.append(f"{value:.1f}")
        print(f"{name:<40}" + "".join(f"{c:>26}" for c in cells))
    print(f"\nJSON: {out}")


if __name__ == "__main__":
    main()
