"""Time to first screen: `python benchmarks/startup.py [--sizes 1000 10000 100000 1000000] [--repeats 7]`.

For each size it writes the demo network into a database file (kept in benchmarks/results/
so the next run reuses it; 7.5 interactions per person at 1,000 and 10,000 people, 1,000,000
interactions at 100,000 people and at 1,000,000), then starts the real `netui --db FILE` process in a
pseudo-terminal (120×40, like a user's terminal) and times from process start until the
screen shows the contact list's "N people" line: imports, opening and checking the database,
the first query and Textual's first paint. The process is then quit with `q`. Prints the
median and spread and writes benchmarks/results/startup.json. It also reports the app's peak
memory (RSS) at that point, and, the same way, the floor under it on this machine: plain
Python printing a word, `import textual.app`, and an empty Textual App's first paint.
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
    return cached(size, MAX_INTERACTIONS if size >= 100_000 else None, name="startup")


def child_environment() -> dict[str, str]:
    """The environment for the processes timed: bytecode caching on, as in an installed netui
    (pip compiles it). With PYTHONDONTWRITEBYTECODE set, as on some development machines,
    an editable install compiles all of netui's modules again at every start."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def netui_command() -> list[str]:
    installed = shutil.which("netui", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "netui"]


# The floor under netui's first screen on this machine: the same clock, the same terminal.
FLOOR = {
    "python -c pass": "print('ready')",
    "import textual.app": "import textual.app; print('ready')",
    "an empty Textual App, first paint": (
        "from textual.app import App\nfrom textual.widgets import Static\n"
        "class Empty(App):\n    def compose(self):\n        yield Static('ready')\nEmpty().run()"),
}


def first_screen(path: Path, size: int, linger: float = 0.0) -> tuple[float, int]:
    """Seconds from start until "N people" is on the screen, and the peak RSS in KiB; the app
    is quit `linger` seconds after (what it does right after its first paint then runs)."""
    return time_to_marker([*netui_command(), "--db", str(path)], _("{count} people", count=size).encode(),
                          linger=linger)


def floor_once(code: str) -> float:
    return time_to_marker([sys.executable, "-c", code], b"ready", quit_key=b"\x11")[0]


def spread(seconds: list[float]) -> dict:
    return {"median_s": round(statistics.median(seconds), 3), "min_s": round(min(seconds), 3),
            "max_s": round(max(seconds), 3), "runs": len(seconds)}


def time_to_marker(command: list[str], marker: bytes, quit_key: bytes = b"q", linger: float = 0.0) -> tuple[float, int]:
    """Seconds from starting `command` in a pseudo-terminal until `marker` is on the screen,
    and the process's peak RSS in KiB; then it is quit with `quit_key`."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**child_environment(), "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    began = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
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
        lingered = time.perf_counter() + linger
        while process.poll() is None and time.perf_counter() < lingered:  # reading what it writes
            if select.select([master], [], [], 0.1)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        if process.poll() is None:
            os.write(master, quit_key)
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
    parser.add_argument("--no-floor", action="store_true",
                        help="skip timing plain Python, `import textual.app` and an empty App the same way")
    args = parser.parse_args()
    paths = {}
    for size in args.sizes:
        print(f"{size:>9,} people: writing or reusing the demo network…", flush=True)
        paths[size] = network(size)
        first_screen(paths[size], size)  # warm the file cache: later runs measure netui, not the disk
    floors = {} if args.no_floor else FLOOR
    for code in floors.values():
        floor_once(code)  # the same for the floor's files
    # Round by round, each size and then each floor: the machine's speed drifts (other work
    # on it), and a ratio is only fair between figures taken side by side.
    runs = {size: [] for size in args.sizes}
    floor_seconds = {name: [] for name in floors}
    for _round in range(args.repeats):
        for size in args.sizes:
            runs[size].append(first_screen(paths[size], size))
        for name, code in floors.items():
            floor_seconds[name].append(floor_once(code))
    report = {}
    for size in args.sizes:
        seconds = [s for s, _rss in runs[size]]
        rss = [r / 1024 for _s, r in runs[size]]
        report[str(size)] = {**spread(seconds), "peak_rss_mib": round(max(rss), 1),
                             "rss_median_mib": round(statistics.median(rss), 1), "rss_min_mib": round(min(rss), 1)}
        figures = report[str(size)]
        print(f"{size:>9,} people: first screen {figures['median_s']:.3f} s "
              f"({figures['min_s']:.3f}-{figures['max_s']:.3f}), peak RSS {figures['peak_rss_mib']} MiB")
    if floors:
        report["floor"] = {name: spread(seconds) for name, seconds in floor_seconds.items()}
        for name, figures in report["floor"].items():
            print(f"  floor: {name:<36} {figures['median_s']:.3f} s ({figures['min_s']:.3f}-{figures['max_s']:.3f})",
                  flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "startup.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
