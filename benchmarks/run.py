"""Measure the domain layer on synthetic networks: `python benchmarks/run.py [--sizes 1000 10000]`.

For each size it builds a deterministic network in a temporary file through the same domain
functions the CLI uses, then times the operations a person waits for. Each figure is the
median of repeated runs, with the spread (min-max). Prints a table and writes JSON to
benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui import contacts, db, timeline  # noqa: E402

FIRST = ["Giulia", "Marco", "Nicolò", "Élodie", "Luca", "Marta", "Sofia", "Ødegaard", "Wei", "Anna",
         "Paolo", "Chiara", "Jonas", "Fatima", "Ahmed", "Lucía", "Zoë", "Björn", "Hana", "Ivan"]
LAST = ["Rossi", "Bianchi", "D'Amico", "Ferrari", "Esposito", "Müller", "García", "Nowak", "Łukasz",
        "Smith", "Kim", "Rahman", "Dubois", "Costa", "Greco", "Conti", "Ricci", "Moretti", "Bruno", "Gallo"]
COMPANIES = ["Lumen Digital", "Caffè Nero", "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne"]
CITIES = ["Milano", "Roma", "Torino", "Berlin", "Paris", "London", "Łódź", "Madrid"]
TAGS = ["fintech", "marketing", "design", "sales", "ai", "press", "investor", "alumni"]


def build(size: int, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    ids = []
    for n in range(size):
        ids.append(contacts.create_contact(
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            company=rng.choice(COMPANIES), city=rng.choice(CITIES),
            tags=rng.sample(TAGS, 2), notes=f"met at event {n % 97}",
        ))
    start = pendulum.datetime(2025, 1, 1)
    for n in range(size * 2):
        timeline.log_interaction(
            [rng.choice(ids)], "call", start.add(hours=rng.randrange(24 * 600)),
            summary=f"catch-up {n}",
        )
    return ids


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
        ids = build(size)
        build_seconds = time.perf_counter() - began
        keystrokes = ["g", "gi", "giu", "giul", "giuli", "giulia"]
        results = {
            "build (contacts + 2 interactions each), s": build_seconds,
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
