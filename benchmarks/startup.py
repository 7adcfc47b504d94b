"""Time to first screen: `python benchmarks/startup.py [--sizes 1000 10000 100000 1000000] [--repeats 7]`.

For each size it writes the demo network into a database file (kept in benchmarks/results/
so the next run reuses it; 7.5 interactions per person up to 1,000,000 interactions, so the
100,000-person network has 1,000,000 and so has the 1,000,000-person one), then starts the real `netui --db FILE` process in a
pseudo-terminal (120×40, like a user's terminal) and times from process start until the
screen shows the contact list's "N people" line: imports, opening and checking the database,
the first query and Textual's first paint. The process is then quit with `q`. Prints the
median and spread and writes benchmarks/results/startup.json. It also reports the app's peak
memory (RSS) at that point.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from netui.i18n import _  # noqa: E402

from networks import cached  # noqa: E402

TIMEOUT_SECONDS = 60


MAX_INTERACTIONS = 1_000_000


def network(size: int) -> Path:
    """The demo network at this size, written once and reused."""
    return cached(size, min(round(size * 7.5), MAX_INTERACTIONS), name="startup")


def netui_command() -> list[str]:
    installed = shutil.which("netui", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "netui"]


def first_screen(path: Path, size: int) -> tuple[float, int]:
    """Seconds from start until "N people" is on the screen, and the peak RSS in KiB."""
    marker = _("{count} people", count=size).encode()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    began = time.perf_counter()
    process = subprocess.Popen([*netui_command(), "--db", str(path)], stdin=slave, stdout=slave, stderr=slave,
                               env=env, close_fds=True)
    os.close(slave)
    seen = b""
    try:
        while marker not in seen.replace(b"\xc2\xa0", b" "):
            if time.perf_counter() - began > TIMEOUT_SECONDS:
                raise RuntimeError(f"no first screen after {TIMEOUT_SECONDS} s")
            ready = select.select([master], [], [], 0.5)[0]
            if ready:
                try:
                    seen = (seen + os.read(master, 65536))[-200_000:]
                except OSError:
                    break
        elapsed = time.perf_counter() - began
        rss = _peak_rss_kib(process.pid)
        os.write(master, b"q")
        quit_by = time.perf_counter() + 10
        while process.poll() is None and time.perf_counter() < quit_by:  # drain: the app must not block
            if select.select([master], [], [], 0.2)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return elapsed, rss


def _peak_rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    report = {}
    for size in args.sizes:
        print(f"{size:>9,} people: writing or reusing the demo network…", flush=True)
        path = network(size)
        first_screen(path, size)  # warm the file cache: later runs measure netui, not the disk
        runs = [first_screen(path, size) for _ in range(args.repeats)]
        seconds = [s for s, _rss in runs]
        rss = [r / 1024 for _s, r in runs]
        report[str(size)] = {
            "median_s": round(statistics.median(seconds), 3), "min_s": round(min(seconds), 3),
            "max_s": round(max(seconds), 3), "runs": len(runs),
            "peak_rss_mib": round(max(rss), 1), "rss_median_mib": round(statistics.median(rss), 1),
            "rss_min_mib": round(min(rss), 1),
        }
        figures = report[str(size)]
        print(f"{size:>9,} people: first screen {figures['median_s']:.3f} s "
              f"({figures['min_s']:.3f}-{figures['max_s']:.3f}), peak RSS {figures['peak_rss_mib']} MiB")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "startup.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
