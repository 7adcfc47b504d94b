"""One search keystroke as a person feels it, beside Textual's own floor, measured from outside.

    python benchmarks/keystrokes.py [--sizes 1000 10000 100000] [--rounds 3] [--words giulia,rossi,milano,ma,e]
                                    [--networks 'folder/n{size}.db']

Each program runs in a private tmux session (120x36). Words are typed into the search box one key at a
time; each key is timed from `tmux send-keys` until the screen stops changing (the last change before
0.3 s of stillness): the search, the repaint and everything the key set off (the timeline following
the highlight too). The floor is a bare Textual Input whose value is echoed into 30 lines, timed the
same way in the same run -- rounds alternate floor and netui, so a noisy neighbour weighs on both.
The method is ../shared/bench/keylat.py's (issue 18's figures were taken with it). Needs tmux.
Writes benchmarks/results/keystrokes.json.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

from startup import child_environment, netui_command, network  # noqa: E402

FLOOR_APP = '''
from textual.app import App
from textual.widgets import Input, Static

class Floor(App):
    def compose(self):
        yield Input(placeholder="search")
        yield Static("200 people", id="out")

    def on_input_changed(self, event):
        self.query_one("#out", Static).update("\\n".join(f"{i:3} {event.value} found" for i in range(30)))

    def on_key(self, event):
        if event.key == "escape":
            self.query_one(Input).value = ""

Floor().run()
'''
STILL_SECONDS = 0.3


class Terminal:
    """A program in a private tmux session: its screen, and keys sent to it."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = "kb" + uuid.uuid4().hex[:8]
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items()
                           if key in ("PATH", "HOME", "LANG", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NETUI_DB"))
        unset = "" if "PYTHONDONTWRITEBYTECODE" in env else "unset PYTHONDONTWRITEBYTECODE; "
        command_line = ["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "36",
                        f"{unset}env {exports} {shlex.join(command)}"]
        for _attempt in range(3):  # the tmux server exits with its last session: a new one may meet it going
            if subprocess.run(command_line).returncode == 0:
                break
            time.sleep(0.3)
        else:
            subprocess.run(command_line, check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-t", self.name, "-p"], capture_output=True, text=True).stdout

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        ends = time.perf_counter() + timeout
        while text not in self.screen():
            if time.perf_counter() > ends:
                raise RuntimeError(f"{text!r} never showed:\n{self.screen()}")
            time.sleep(0.05)

    def settle(self, began: float) -> float:
        """Seconds from `began` to the last screen change before STILL_SECONDS without one."""
        last, last_change = self.screen(), began
        while time.perf_counter() - max(last_change, began) <= STILL_SECONDS:
            now = self.screen()
            if now != last:
                last, last_change = now, time.perf_counter()
            time.sleep(0.002)
        return last_change - began

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def type_words(command: list[str], ready: str, open_key: str | None, words: list[str], env: dict) -> list[float]:
    """Milliseconds per key, every key of every word."""
    terminal = Terminal(command, env)
    try:
        terminal.wait_for(ready)
        time.sleep(1.0)  # the first screen's own follow-ups (events, timeline) are done
        terminal.settle(time.perf_counter())
        latencies = []
        for word in words:
            if open_key:
                terminal.keys(open_key)
                terminal.settle(time.perf_counter())
            for character in word:
                began = time.perf_counter()
                terminal.keys("-l", character)
                latencies.append(terminal.settle(began) * 1000)
            terminal.keys("Escape")
            terminal.settle(time.perf_counter())
        return latencies
    finally:
        terminal.close()


def figures(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    return {"p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
            "min_ms": round(ordered[0], 1), "max_ms": round(ordered[-1], 1), "keys": len(ordered)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--words", default="giulia,rossi,milano,ma,e")
    parser.add_argument("--networks", metavar="PATTERN",
                        help="demo network files to copy, e.g. 'nets/n{size}.db' (default: benchmarks/results')")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("keystrokes.py needs tmux")
    words = args.words.split(",")
    env = child_environment()
    with tempfile.TemporaryDirectory() as folder:
        floor_app = Path(folder) / "floor_input.py"
        floor_app.write_text(FLOOR_APP)
        copies = {}
        for size in args.sizes:  # a copy: the daily backup and the migration must not touch the cache
            copies[size] = Path(folder) / f"network-{size}.db"
            shutil.copy(Path(args.networks.format(size=size)) if args.networks else network(size), copies[size])
        measured: dict[str, list[float]] = {"floor": [], **{str(size): [] for size in args.sizes}}
        for round_ in range(args.rounds):
            measured["floor"] += type_words([sys.executable, str(floor_app)], "200 people", None, words, env)
            for size in args.sizes:
                run_env = {**env, "XDG_DATA_HOME": str(Path(folder) / "data"),
                           "XDG_CONFIG_HOME": str(Path(folder) / "config")}
                measured[str(size)] += type_words([*netui_command(), "--db", str(copies[size])],
                                                  "people", "/", words, run_env)
            print(f"  round {round_ + 1}: floor p50 {statistics.median(measured['floor']):.0f} ms; "
                  + ", ".join(f"{size:,} people p50 {statistics.median(measured[str(size)]):.0f} ms"
                              for size in args.sizes), flush=True)
    report = {name: figures(values) for name, values in measured.items()}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "keystrokes.json").write_text(json.dumps(report, indent=2))
    floor = report["floor"]
    print(f"  floor (Input echo)   p50 {floor['p50_ms']:.0f} ms  p95 {floor['p95_ms']:.0f} ms")
    for size in args.sizes:
        f = report[str(size)]
        print(f"  netui, {size:>9,} people  p50 {f['p50_ms']:.0f} ms ({f['p50_ms'] / floor['p50_ms']:.2f}× floor)  "
              f"p95 {f['p95_ms']:.0f} ms ({f['p95_ms'] / floor['p95_ms']:.2f}× floor)  max {f['max_ms']:.0f} ms")


if __name__ == "__main__":
    main()
