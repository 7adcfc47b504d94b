"""What a person waits for on a big network: `python benchmarks/scale.py [--people 100000] [--repeats 30]`.

On the demo network at that size (written once into benchmarks/results/ and reused):
1. one search keystroke: the domain call, and in the app (a key pressed in the search box
   until the contact list shows the new count), p50 and p95;
2. opening the timeline of a contact with 10,000 interactions (added to one person first);
3. Today: the time to its first rows (netui.agenda.first_rows, what the screen shows at once)
   and to the whole agenda (netui.agenda.today_agenda, what `netui today` prints), with the
   CPU time of each (the machine is shared: CPU time is the steadier figure).
Prints a table and writes benchmarks/results/scale.json. `--only today` runs only (3);
`--network FILE` measures a copy of that network (e.g. benchmarks/results/network-100000-750000.db) instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from netui import agenda, contacts, demo, timeline  # noqa: E402
from netui.store import db  # noqa: E402
from netui.store.models import Interaction, InteractionParticipant, database  # noqa: E402

WORDS = ["g", "gi", "giu", "giul", "giuli", "giulia", "m", "ma", "mar", "marc", "marco", "r", "ro", "ros"]
BUSY_PERSON_INTERACTIONS = 10_000
# The search box's domain call, CPU time per query (issue 18's list: short prefixes, names,
# a city, filters); the machine is shared, so CPU time is steadier than the wall clock.
SEARCHES = ["g", "gi", "giu", "giulia", "rossi", "milano", "ma", "e", "giulia rossi", "circle:work g", "#tag x"]


def percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "min_ms": round(ordered[0], 1), "max_ms": round(ordered[-1], 1)}


def network(people: int) -> Path:
    path = RESULTS / f"scale-{people}.db"
    if not path.exists():
        RESULTS.mkdir(exist_ok=True)
        handle = db.open_database(path)
        demo.generate_network(people, seed=2026)
        busy = contacts.list_contacts(limit=1)[0].id
        first = Interaction.select(Interaction.id).order_by(Interaction.id.desc()).scalar() + 1
        with database.atomic():
            from netui.store import bulk
            from netui import when

            stamp = when.now()
            bulk.insert_rows(Interaction, [Interaction.id, Interaction.kind, Interaction.occurred_at,
                                           Interaction.summary, Interaction.notes, Interaction.created_at],
                             [(first + n, "note", stamp.subtract(hours=n), f"busy note {n}", "", stamp)
                              for n in range(BUSY_PERSON_INTERACTIONS)])
            bulk.insert_rows(InteractionParticipant, [InteractionParticipant.interaction,
                                                      InteractionParticipant.contact],
                             [(first + n, busy) for n in range(BUSY_PERSON_INTERACTIONS)])
        handle.close()
    return path


def timed(action, repeats: int, clock=time.perf_counter) -> list[float]:
    samples = []
    for _ in range(repeats):
        began = clock()
        action()
        samples.append((clock() - began) * 1000)
    return samples


def search_cpu() -> dict:
    """Each of SEARCHES and its first page of 50: median CPU ms of 5, and the worst of them."""
    medians = {typed: round(statistics.median(timed(lambda t=typed: contacts.find_contacts(t).page(0, 50), 5,
                                                    time.process_time)), 1) for typed in SEARCHES}
    return {"worst_ms": max(medians.values()), "per_query_ms": medians}


async def app_keystrokes(path: Path, repeats: int) -> tuple[list[float], list[float]]:
    """A key pressed in the search box until the contact list has been searched again and
    repainted (the search worker done, the screen idle): what the eye waits for. Also the
    same for a key that does nothing (F12): the test pilot's own cost, to subtract."""
    from netui.app import NetuiApp

    samples, idle = [], []
    async with NetuiApp(path, welcome=False).run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        for _ in range(repeats):
            began = time.perf_counter()
            await pilot.press("f12")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            idle.append((time.perf_counter() - began) * 1000)
        await pilot.press("slash")
        search = pilot.app.screen.query_one("#search")
        for n in range(repeats):
            word = WORDS[n % len(WORDS)]
            if len(word) == 1:
                search.value = ""
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
            began = time.perf_counter()
            await pilot.press(word[-1])
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            samples.append((time.perf_counter() - began) * 1000)
    return samples, idle


def today_figures(repeats: int) -> dict:
    """Today's two steps, each timed `repeats` times after one warm-up (wall and CPU)."""
    agenda.today_agenda(7)
    report = {}
    for name, step in (("Today: time to first rows", lambda: agenda.first_rows(7)),
                       ("Today: all", lambda: agenda.today_agenda(7))):
        wall, cpu = [], []
        for _ in range(repeats):
            began, began_cpu = time.perf_counter(), time.process_time()
            step()
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        report[name] = {**percentiles(wall), "cpu_p50_ms": round(statistics.median(cpu), 1)}
    report["Today"] = report["Today: all"]  # the row's old name, which benchmarks/all.py reads
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--only", choices=["today"], help="only the Today rows")
    parser.add_argument("--network", type=Path, help="a demo network file to copy instead of benchmarks/results'")
    args = parser.parse_args()
    source = args.network or network(args.people)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        shutil.copy(source, path)
        handle = db.open_database(path)
        report = {"people": args.people, **today_figures(max(10, args.repeats))}
        if args.only is None:
            busy = contacts.list_contacts(limit=1)[0].id
            report["search keystroke, domain"] = percentiles(
                [t for word in WORDS for t in timed(lambda w=word: contacts.find_contacts(w).page(0, 100), 3)])
            report["search keystroke, domain, CPU per query (first page of 50)"] = search_cpu()
            report["timeline of a contact with 10,000 interactions (first 200)"] = percentiles(
                timed(lambda: timeline.contact_timeline(busy, limit=200), args.repeats))
        handle.close()
        if args.only is None:
            handle = db.open_database(path)
            typed, idle = asyncio.run(app_keystrokes(path, args.repeats))
            report["search keystroke, in the app (test pilot)"] = percentiles(typed)
            report["a key that does nothing, in the app (the pilot's own cost)"] = percentiles(idle)
            handle.close()
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / ("scale-today.json" if args.only else "scale.json")
    out.write_text(json.dumps(report, indent=2))
    print(f"{args.people:,} people")
    for name, figures in report.items():
        if isinstance(figures, dict) and "per_query_ms" in figures:
            print(f"  {name:<60} worst {figures['worst_ms']:>6.1f} ms: "
                  + ", ".join(f"{q!r} {ms}" for q, ms in figures["per_query_ms"].items()))
        elif isinstance(figures, dict) and name != "Today":
            cpu = f"   CPU p50 {figures['cpu_p50_ms']:>7.1f} ms" if "cpu_p50_ms" in figures else ""
            print(f"  {name:<60} p50 {figures['p50_ms']:>8.1f} ms   p95 {figures['p95_ms']:>8.1f} ms{cpu}")


if __name__ == "__main__":
    main()
