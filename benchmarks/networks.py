"""Demo networks for the benchmarks, written once into benchmarks/results/ and reused.

A network is named by its size and its interactions, so a cache never answers for another
shape; benchmarks that write copy it into a temporary file first (`scratch_copy`).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from netui.store import db  # noqa: E402
from netui import demo  # noqa: E402

SEED = 2026


def cached(people: int, interactions: int | None = None, name: str = "network") -> Path:
    interactions = demo.default_interactions(people) if interactions is None else interactions
    path = RESULTS / f"{name}-{people}-{interactions}.db"
    if not path.exists():
        RESULTS.mkdir(exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            stale.unlink(missing_ok=True)
        handle = db.open_database(partial)
        demo.generate_network(people, interactions, seed=SEED)
        handle.close()  # checkpoints the log into the file: one file to copy
        partial.rename(path)
    return path


def scratch_copy(source: Path, folder: Path) -> Path:
    target = Path(folder) / source.name
    shutil.copyfile(source, target)
    return target
