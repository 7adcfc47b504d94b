"""Instructions to the first screen, by phase: `python benchmarks/instructions.py [--size 1000]`.

Wall time on a shared machine moves with the load; the instructions a process executes do
not. This runs the real `netui --db FILE` (the demo network of benchmarks/startup.py) and,
as the floor, an empty Textual App under valgrind's callgrind in a 120x40 pseudo-terminal,
each until its first screen is written ("N people" / "ready"), and prints the instructions
of each phase and the ratio. netui is started once before, unmeasured: its first start writes
the first screen's parsed CSS for the later ones (netui.screens.stylesheet). A few lines of Python around each (PHASES below) call
`os.getppid()` where a phase ends, and callgrind (`--dump-before=os_getppid`) writes one count
per phase. Needs valgrind; about a minute (callgrind runs Python ~50x slower).
"""

from __future__ import annotations

import argparse
import fcntl
import glob
import os
import select
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import _, child_environment, first_screen, network  # noqa: E402

# Run in the measured process: each `mark()` ends a phase.
PROBE = '''
import os, sys
mark = os.getppid
marker = sys.argv[1]
import textual.drivers.linux_driver as linux_driver
write = linux_driver.LinuxDriver.write
def first_screen(self, data):
    if marker in data.replace("\\xa0", " "):
        mark()
        os._exit(0)
    return write(self, data)
linux_driver.LinuxDriver.write = first_screen
mark()  # Python and Textual's driver
if sys.argv[2] == "floor":
    from textual.app import App
    from textual.widgets import Static
    mark()  # imports
    class Empty(App):
        def compose(self):
            mark()  # App.run to composing
            yield Static("ready")
        def on_mount(self):
            mark()  # composing and mounting
    mark()  # to App.run
    Empty().run()
else:
    import gc
    gc.disable()  # as netui.launch does
    from netui.cli import main
    import netui.app
    mark()  # imports
    from textual.app import App
    run = App.run
    def marked_run(self, *args, **kwargs):
        mark()  # to App.run: the command line, the settings, the database
        return run(self, *args, **kwargs)
    App.run = marked_run
    import netui.screens.main as screen
    compose, on_mount = screen.MainScreen.compose, screen.MainScreen.on_mount
    def marked_compose(self):
        mark()  # App.run to composing
        yield from compose(self)
    def marked_on_mount(self):
        mark()  # composing and mounting
        on_mount(self)
        mark()  # on_mount: the first view read
    screen.MainScreen.compose, screen.MainScreen.on_mount = marked_compose, marked_on_mount
    sys.exit(main(sys.argv[3:]))
'''

PHASES = {
    "netui": ["driver", "imports", "to App.run", "to compose", "compose+mount", "on_mount", "first paint"],
    "floor": ["driver", "imports", "to App.run", "to compose", "compose+mount", "first paint"],
}


def run_in_terminal(command: list[str]) -> None:
    """Run `command` in a 120x40 pseudo-terminal until it exits (the probe exits at the first screen)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**child_environment(), "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    try:
        while process.poll() is None:
            if select.select([master], [], [], 0.5)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        process.wait(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


def counts(kind: str, arguments: list[str], marker: str, folder: str) -> list[int]:
    out = os.path.join(folder, kind)
    probe = os.path.join(folder, "probe.py")
    Path(probe).write_text(PROBE, encoding="utf-8")
    run_in_terminal(["valgrind", "--tool=callgrind", "--dump-before=os_getppid",
                         f"--callgrind-out-file={out}", sys.executable, probe, marker, kind, *arguments])
    dumps = sorted(glob.glob(out + ".*"), key=lambda name: int(name.rpartition(".")[2]))
    values = []
    for dump in dumps:
        with open(dump, encoding="utf-8") as lines:
            values.append(next(int(line.split()[1]) for line in lines if line.startswith(("summary:", "totals:"))))
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    path = network(args.size)
    # A start as the user's every start but their first: the first one writes the first screen's
    # parsed CSS for the next (netui.screens.stylesheet; the probe below exits at the first paint,
    # before it would be written).
    from netui.screens.stylesheet import CACHE_FILE

    for _attempt in range(3):  # a start quit right at its first screen may not have written it yet
        first_screen(path, args.size, linger=1.0)
        if CACHE_FILE.exists():
            break
    with tempfile.TemporaryDirectory() as folder:
        netui = counts("netui", ["--db", str(path)], _("{count} people", count=args.size), folder)
        floor = counts("floor", [], "ready", folder)
    for kind, values in (("netui", netui), ("floor", floor)):
        phases = " · ".join(f"{name} {value / 1e6:.0f} M" for name, value in zip(PHASES[kind], values))
        print(f"{kind}: {sum(values) / 1e6:,.0f} M instructions ({phases})")
    print(f"ratio: {sum(netui) / sum(floor):.2f}x the empty App's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
