"""Time from Enter to stored for quick capture: `python benchmarks/capture.py [--people 100000]`.

Copies the demo network at that size (benchmarks/networks.py: written once, reused) into a
temporary file, then captures lines one at a time at an event (new people, and people
already known, which are updated) through the same domain call the capture screen makes on
Enter. Each capture is committed durably (synchronous=FULL) before the clock stops. Runs
--runs times (3), each on a fresh copy; prints the medians over the runs of the median, p95
and max, with the p95's spread across runs, and writes JSON.
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

from netui import capture, contacts  # noqa: E402
from netui.store import db  # noqa: E402

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


def one_run(people: int, captures: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        handle = db.open_database(scratch_copy(cached(people), folder))
        event_id = capture.event_for_today("Benchmark Fair")
        known = [(s.name, s.company) for s in contacts.list_contacts(limit=50)]
        samples = []
        for line in lines(captures, known):
            began = time.perf_counter()
            try:
                capture.capture_line(line, event_id)
            except capture.SeveralPeopleError as several:  # the user would pick one: the first
                capture.capture_line(line, event_id, choice=several.candidates[0].id)
            samples.append((time.perf_counter() - began) * 1000)
        handle.close()
    samples.sort()
    return {"median_ms": statistics.median(samples), "min_ms": samples[0],
            "p95_ms": samples[int(len(samples) * 0.95) - 1], "max_ms": samples[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--captures", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="runs, each on a fresh copy of the network")
    args = parser.parse_args()
    runs = [one_run(args.people, args.captures) for _ in range(args.runs)]
    p95 = [r["p95_ms"] for r in runs]
    result = {  # medians over the runs; the p95's spread across them
        "people": args.people, "captures": args.captures, "runs": args.runs,
        **{key: round(statistics.median(r[key] for r in runs), 2) for key in ("median_ms", "min_ms", "p95_ms", "max_ms")},
        "p95_min_ms": round(min(p95), 2), "p95_max_ms": round(max(p95), 2),
    }
    out = Path(__file__).resolve().parent / "results" / "capture.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"{result['people']} people: capture Enter -> stored, {result['captures']} lines x {args.runs} runs: "
          f"median {result['median_ms']} ms, p95 {result['p95_ms']} ms ({result['p95_min_ms']}-{result['p95_max_ms']} "
          f"over the runs), max {result['max_ms']} ms")


if __name__ == "__main__":
    main()
