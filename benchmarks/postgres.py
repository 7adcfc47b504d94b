"""A team's network on PostgreSQL beside the same network in a SQLite file, one command:
`python benchmarks/postgres.py [--people 100000] [--only NAME ...]`.

Starts a throwaway PostgreSQL server as a real one runs (fsync and synchronous commits on;
tests/postgres_cluster.py, on a Unix socket), writes the demo network of --people into it
once (timed: `demo_write`), and measures, each beside the same figure on the SQLite file of
benchmarks/networks.py measured in the same run:

    first_screen  seconds from `netui --db …` to "N people" on the screen (startup.py's clock)
    capture       Enter -> durable (the journal) and -> applied for 300 lines (capture.py's lines), with each backend's floor:
                  one bare durable INSERT + COMMIT
    import        a 30,000-row LinkedIn file into an empty network (transfer.py's file)
    export        netui's contacts CSV of the whole network
    search        one search query as a keystroke sets it off (netui.contacts.search_contacts'
                  first page), the words of keystrokes.py, p50/p95

Writes benchmarks/results/postgres.json and prints one line per figure.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from networks import SEED, cached, scratch_copy  # noqa: E402

STEPS = ("first_screen", "capture", "import", "export", "search")


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"median": round(statistics.median(ordered), 4), "p95": round(ordered[int(len(ordered) * 0.95) - 1], 4),
            "runs": len(ordered)}


def first_screen(target, people: int, runs: int) -> dict:
    import startup

    return percentiles([startup.first_screen(target, people)[0] for _ in range(runs)])


def capture_figures(open_target, captures: int) -> dict:
    """Enter -> durable (the line in the capture journal) and Enter -> applied (the person in
    the network) for `captures` lines on a fresh copy (`open_target()` opens one), and the
    backend's bare durable commit, one just before each capture (the same moments' load). As in
    the app, the line was read by the preview before Enter (capture.py)."""
    import capture as bench
    from netui import capture, contacts, when
    from netui.capture_line import parse_capture_line

    handle = open_target()
    try:
        event_id = capture.event_for_today("Benchmark Fair")
        known = [(s.name, s.company) for s in contacts.list_contacts(limit=50)]
        handle.execute_sql("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, text TEXT)")
        durable, applied, floor = [], [], []
        for n, line in enumerate(bench.lines(captures, known)):
            began = time.perf_counter()
            with handle.atomic():
                handle.execute_sql(f"INSERT INTO bench_floor (id, text) VALUES ({n}, 'line {n}')")
            floor.append((time.perf_counter() - began) * 1000)
            parse_capture_line(line, when.today())  # the preview's, while the line was typed
            began = time.perf_counter()
            pending = capture.journal(line, event_id)
            durable.append((time.perf_counter() - began) * 1000)
            try:
                capture.apply(pending)
            except capture.SeveralPeopleError as several:
                capture.apply(pending, choice=several.candidates[0].id)
            applied.append((time.perf_counter() - began) * 1000)
    finally:
        handle.close()
    return {"durable_ms": percentiles(durable), "capture_ms": percentiles(applied), "bare_commit_ms": percentiles(floor)}


def import_seconds(open_empty, rows: int) -> dict:
    import transfer
    from netui.exchange import table_import

    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "Connections.csv"
        file.write_text(transfer.linkedin_csv(rows), encoding="utf-8")
        handle = open_empty()
        try:
            began = time.perf_counter()
            table_import.import_file(file)
            return {"rows": rows, "seconds": round(time.perf_counter() - began, 2)}
        finally:
            handle.close()


def export_seconds(open_target, people: int) -> dict:
    from netui.exchange import exporting

    handle = open_target()
    try:
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            exporting.export_csv(Path(folder) / "contacts.csv")
            seconds = time.perf_counter() - began
    finally:
        handle.close()
    return {"rows": people, "seconds": round(seconds, 2), "rows_per_second": round(people / seconds)}


# keystrokes.py's words, typed one letter at a time.
WORDS = ("giulia", "rossi", "milano", "ma", "e")


def search_ms(open_target) -> dict:
    from netui import contacts

    handle = open_target()
    try:
        samples = []
        for word in WORDS:
            for end in range(1, len(word) + 1):
                began = time.perf_counter()
                contacts.search_contacts(word[:end])
                samples.append((time.perf_counter() - began) * 1000)
    finally:
        handle.close()
    return percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--captures", type=int, default=300)
    parser.add_argument("--linkedin-rows", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5, help="first-screen runs per backend")
    parser.add_argument("--only", nargs="*", choices=STEPS)
    args = parser.parse_args()
    steps = args.only or STEPS

    from netui import demo
    from netui.store import db
    from tests.postgres_cluster import Cluster

    source = cached(args.people)
    cluster = Cluster(durable=True)
    result: dict = {"people": args.people, "source": source.name}
    try:
        cluster.admin("CREATE DATABASE network")
        handle = db.open_database(cluster.address("network"))
        began = time.perf_counter()
        demo.generate_network(args.people, demo.default_interactions(args.people), seed=SEED)  # the file's network
        result["demo_write_s"] = round(time.perf_counter() - began, 1)
        handle.execute_sql("ANALYZE")
        handle.close()
        print(f"demo network of {args.people:,} people written on PostgreSQL in {result['demo_write_s']} s", flush=True)
        copies = iter(range(1, 1000))

        def server_copy():
            name = f"copy{next(copies)}"
            cluster.admin(f"CREATE DATABASE {name} TEMPLATE network")
            return db.open_database(cluster.address(name))

        def server_empty():
            name = f"empty{next(copies)}"
            cluster.admin(f"CREATE DATABASE {name}")
            return db.open_database(cluster.address(name))

        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            files = iter(range(1, 1000))

            def file_copy():
                copy_folder = folder / f"f{next(files)}"
                copy_folder.mkdir()
                return db.open_database(scratch_copy(source, copy_folder))

            def file_empty():
                return db.open_database(folder / f"empty{next(files)}.db")

            for step in steps:
                if step == "first_screen":
                    figures = {"sqlite": first_screen(source, args.people, args.runs),
                               "postgresql": first_screen(cluster.address("network"), args.people, args.runs)}
                elif step == "capture":
                    figures = {"sqlite": capture_figures(file_copy, args.captures),
                               "postgresql": capture_figures(server_copy, args.captures)}
                elif step == "import":
                    figures = {"sqlite": import_seconds(file_empty, args.linkedin_rows),
                               "postgresql": import_seconds(server_empty, args.linkedin_rows)}
                elif step == "export":
                    figures = {"sqlite": export_seconds(file_copy, args.people),
                               "postgresql": export_seconds(server_copy, args.people)}
                else:
                    figures = {"sqlite": search_ms(file_copy), "postgresql": search_ms(server_copy)}
                result[step] = figures
                print(f"{step}: {json.dumps(figures)}", flush=True)
    finally:
        cluster.stop()
    out = HERE / "results" / "postgres.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
