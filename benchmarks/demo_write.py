"""Writing the demo network: `python benchmarks/demo_write.py [--specs 10000:100000 100000:1000000] [--repeats 3]`.

Runs the real command a user runs, `netui demo --people N --interactions M --db NEW_FILE`,
into a fresh temporary file each time, and times it from process start to exit: wall time,
the CPU time the process used (less disturbed by other work on the machine) and its peak
RSS. Prints the medians with min-max and writes benchmarks/results/demo_write.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import child_environment  # noqa: E402


def netui_command() -> list[str]:
    installed = shutil.which("netui", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "netui"]


def one_run(people: int, interactions: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        began = time.perf_counter()
        process = subprocess.Popen([*netui_command(), "demo", "--people", str(people),
                                    "--interactions", str(interactions), "--db", str(path)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_environment())
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
        if status != 0:
            raise RuntimeError(f"netui demo failed: {process.stderr.read().decode()[:500]}")
        return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
                "file_mib": path.stat().st_size / 2**20}


def spread(values: list[float], digits: int = 1) -> dict:
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits)}


def measure(specs: list[tuple[int, int]], repeats: int) -> dict:
    report = {}
    for people, interactions in specs:
        runs = [one_run(people, interactions) for _ in range(repeats)]
        figures = {key: spread([r[key] for r in runs]) for key in ("wall_s", "cpu_s", "rss_mib", "file_mib")}
        figures["runs"] = repeats
        report[f"{people}:{interactions}"] = figures
        print(f"{people:>9,} people, {interactions:>9,} interactions: wall {figures['wall_s']['median']} s "
              f"({figures['wall_s']['min']}-{figures['wall_s']['max']}), CPU {figures['cpu_s']['median']} s, "
              f"peak RSS {figures['rss_mib']['median']} MiB", flush=True)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", nargs="+", default=["10000:100000", "100000:1000000"],
                        help="PEOPLE:INTERACTIONS pairs")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    specs = [tuple(int(part) for part in spec.split(":")) for spec in args.specs]
    report = measure(specs, args.repeats)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "demo_write.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
