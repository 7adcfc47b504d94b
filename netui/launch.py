"""The `netui` command's entry point (and `python -m netui`'s).

Start-up runs without Python's cyclic garbage collector. Importing Textual, peewee and netui
and building the first screen make over 100,000 objects that live as long as the app, and
the collections they set off while they were made (some 170 young ones and a full one, each
walking what start-up had made so far) found almost nothing to free: 3,000 objects, half a
megabyte. The TUI switches the collector back on once its first screen is painted, with
start-up's objects frozen (netui.app.QuietCollector); every other command and `--demo` at
once, before they do any work (netui.cli.main).
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from netui.cli import main as run  # Textual, peewee and the rest load from here on

    return run()
