"""Import and export speed: `python benchmarks/transfer.py [--linkedin-rows 30000] [--export-people 100000]`.

1. Writes a LinkedIn Connections.csv with N rows (deterministic) and times `netui import`'s
   domain call into an empty database (reading, matching, writing in one transaction).
2. Copies the demo network with M people (benchmarks/networks.py: written once, reused) and
   times exporting every contact to netui's CSV -- beside, in the same rounds, its floor: a
   bare SELECT of the contact table's own columns (no channel, tag, date or fact), by name,
   handed row by row to csv.writer, the least any export of these people through Python does.
Each is run --repeats times; prints the median seconds (min-max), the median CPU seconds of
the process (time.process_time: what the machine's other load moves least), rows per second,
the export's ratio to the floor, and the load average; writes JSON to
benchmarks/results/transfer.json.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui.store import db  # noqa: E402
from netui.store.models import database  # noqa: E402
from netui.exchange import exporting, table_import  # noqa: E402

from networks import cached, scratch_copy  # noqa: E402

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def linkedin_csv(rows: int) -> str:
    lines = ["Notes:", '"When exporting your connection data, you may notice that some of the email addresses '
             'are missing."', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for n in range(rows):
        email = f"person{n}@example.com" if n % 3 == 0 else ""
        lines.append(f"Person{n},Surname{n % 977},https://www.linkedin.com/in/person-{n},{email},"
                     f"Company {n % 541},Role {n % 97},{1 + n % 28:02d} {MONTHS[n % 12]} {2015 + n % 11}")
    return "\n".join(lines) + "\n"


FLOOR_COLUMNS = ("first_name, last_name, company, role, city, country, circle, how_met, cadence_days, starred, "
                 "notes, id, introduced_by_id, cadence_snoozed_until, created_at")


def export_floor(out: Path) -> None:
    """The floor beside the export: the contacts' own columns read by a bare SELECT in the
    export's order and written by csv.writer, in one go, to a file."""
    rows = database.execute_sql(f"SELECT {FLOOR_COLUMNS} FROM contact WHERE trashed_at IS NULL "
                                "ORDER BY sort_name, id").fetchall()
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    out.write_bytes(buffer.getvalue().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--linkedin-rows", type=int, default=30_000)
    parser.add_argument("--export-people", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    result = {}
    imports, exports, import_cpu, export_cpu, floors, floor_cpu = [], [], [], [], [], []
    load_at_start = os.getloadavg()
    source = cached(args.export_people)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "Connections.csv").write_text(linkedin_csv(args.linkedin_rows), encoding="utf-8")
        for run in range(args.repeats):
            handle = db.open_database(folder / f"import-{run}.db")
            began, cpu = time.perf_counter(), time.process_time()
            report = table_import.import_file(folder / "Connections.csv")
            imports.append(time.perf_counter() - began)
            import_cpu.append(time.process_time() - cpu)
            handle.close()
            rows = len(report.plan.new)
        handle = db.open_database(scratch_copy(source, folder))
        for run in range(args.repeats):  # the export and its floor side by side, round by round
            began, cpu = time.perf_counter(), time.process_time()
            exporting.export_csv(folder / f"contacts-{run}.csv")
            exports.append(time.perf_counter() - began)
            export_cpu.append(time.process_time() - cpu)
            began, cpu = time.perf_counter(), time.process_time()
            export_floor(folder / f"floor-{run}.csv")
            floors.append(time.perf_counter() - began)
            floor_cpu.append(time.process_time() - cpu)
        handle.close()
    for name, count, seconds, cpu in (("linkedin_import", rows, imports, import_cpu),
                                      ("csv_export", args.export_people, exports, export_cpu),
                                      ("csv_export_floor", args.export_people, floors, floor_cpu)):
        median = statistics.median(seconds)
        result[name] = {"rows": count, "seconds": round(median, 2), "min_s": round(min(seconds), 2),
                        "max_s": round(max(seconds), 2), "runs": len(seconds),
                        "rows_per_second": round(count / median), "cpu_s": round(statistics.median(cpu), 2),
                        "rows_per_cpu_second": round(count / statistics.median(cpu))}
    result["csv_export"]["over_floor"] = round(result["csv_export"]["seconds"] / result["csv_export_floor"]["seconds"], 2)
    result["csv_export"]["cpu_over_floor"] = round(result["csv_export"]["cpu_s"] / result["csv_export_floor"]["cpu_s"], 2)
    result["load_average"] = {"start": [round(n, 2) for n in load_at_start],
                              "end": [round(n, 2) for n in os.getloadavg()]}
    out = Path(__file__).resolve().parent / "results" / "transfer.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    for name, figures in result.items():
        if name == "load_average":
            continue
        print(f"{name}: {figures['rows']} rows in {figures['seconds']} s ({figures['min_s']}-{figures['max_s']}), "
              f"{figures['rows_per_second']} rows/s; CPU {figures['cpu_s']} s ({figures['rows_per_cpu_second']} rows/s)")
    print(f"csv_export / floor: {result['csv_export']['over_floor']}x wall, {result['csv_export']['cpu_over_floor']}x CPU; "
          f"load average {load_at_start[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
