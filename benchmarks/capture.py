"""Time from Enter to stored for quick capture: `python benchmarks/capture.py [--people 100000]`.

Copies the demo network at that size (benchmarks/networks.py: written once, reused) into
a temporary file, then captures lines one at a
time at an event (new people, and people already known, which are updated) through the
same domain call the capture screen makes on Enter. Each capture is committed durably
(synchronous=FULL) before the clock stops. Prints median / p95 / max and writes JSON.
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

from netui import capture, contacts, db  # noqa: E402

from networks import cached, scratch_copy  # noqa: E402


def lines(count: int, known: list[str]) -> list[str]:
    out = []
    for n in range(count):
        if n % 5 == 4 and known:  # every fifth line is someone already in the network
            out.append(f'{known[n % len(known)]} "Speaker" #bench !1w talked about the keynote')
        else:
            out.append(f'Bench Person{n} @Company {n % 37} "Role {n % 11}" #bench{n % 7} '
                       f"person{n}@example.com +39 333 {n:07d} !2d met at the stand, likes coffee")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--captures", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        handle = db.open_database(scratch_copy(cached(args.people), folder))
        event_id = capture.event_for_today("Benchmark Fair")
        known = [s.name for s in contacts.list_contacts(limit=50)]
        samples = []
        for line in lines(args.captures, known):
            began = time.perf_counter()
            capture.capture_line(line, event_id)
            samples.append((time.perf_counter() - began) * 1000)
        handle.close()
    samples.sort()
    result = {
        "people": args.people, "captures": len(samples),
        "median_ms": round(statistics.median(samples), 2), "min_ms": round(samples[0], 2),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
        "max_ms": round(samples[-1], 2),
    }
    out = Path(__file__).resolve().parent / "results" / "capture.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"{result['people']} people: capture Enter -> stored, {result['captures']} lines: "
          f"median {result['median_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms")


if __name__ == "__main__":
    main()
