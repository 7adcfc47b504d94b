"""netui search against khard on the same people: `python benchmarks/khard.py [--people 10000] [--khard PATH]`.

khard (https://github.com/lucc/khard, `pip install khard`, best in a venv of its own) is a
command-line address book over a folder of vCards. This writes the demo network at that
size (benchmarks/results/, reused), exports its people as vCards with netui's own export,
one file per person in a folder as khard (and vdirsyncer) keep them, writes a throwaway
khard config pointing at it, then times the real processes, start-up included:
`khard -c CONFIG list QUERY` against `netui --db FILE search QUERY`, for several queries,
each run several times. Prints the medians (with min-max) and their ratio, and writes
benchmarks/results/khard.json. Without khard (not on PATH, next to this Python, nor given
with --khard or $KHARD) it says so and writes {"skipped": reason}.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from netui.store import db  # noqa: E402
from netui.exchange import exporting  # noqa: E402

from networks import cached  # noqa: E402
from startup import child_environment  # noqa: E402

QUERIES = ("giulia", "rossi", "lumen", "nowak", "milano")
CONFIG = """\
[addressbooks]
[[netui]]
path = {folder}

[general]
debug = no
default_action = list
editor = true
merge_editor = true

[contact table]
display = first_name
group_by_addressbook = no
reverse = no
show_nicknames = no
show_uids = no
sort = last_name
localize_dates = no

[vcard]
search_in_source_files = no
skip_unparsable = yes
"""


def find_khard(given: str | None) -> str | None:
    for candidate in (given, os.environ.get("KHARD")):
        if candidate:
            return candidate if Path(candidate).exists() else shutil.which(candidate)
    beside = Path(sys.executable).parent / "khard"
    return str(beside) if beside.exists() else shutil.which("khard")


def vcard_folder(database: Path, people: int) -> Path:
    """The same people as a folder of .vcf files, one card each, exported by netui."""
    folder = RESULTS / f"khard-{people}-vcards"
    if folder.exists() and len(list(folder.glob("*.vcf"))) == people:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    handle = db.open_database(database)
    exported = exporting.export_vcard(folder / "all.vcf.tmp")
    handle.close()
    text = exported.read_text(encoding="utf-8")
    exported.unlink()
    cards = [card for card in text.split("BEGIN:VCARD") if card.strip()]
    for number, card in enumerate(cards, 1):
        (folder / f"{number:06d}.vcf").write_text("BEGIN:VCARD" + card, encoding="utf-8")
    return folder


def run_times(command: list[str], repeats: int) -> tuple[list[float], str]:
    samples, output = [], ""
    for _ in range(repeats):
        began = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=child_environment())
        samples.append(time.perf_counter() - began)
        output = done.stdout
        if done.returncode not in (0, 1):  # 1: khard found nobody
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[:300]}")
    return samples, output


def summary(samples: list[float]) -> dict:
    return {"median_s": round(statistics.median(samples), 3), "min_s": round(min(samples), 3),
            "max_s": round(max(samples), 3), "runs": len(samples)}


def measure(people: int = 10_000, repeats: int = 3, khard: str | None = None) -> dict:
    khard = find_khard(khard)
    if not khard:
        return {"skipped": "khard is not installed (pip install khard, or pass --khard PATH)"}
    database = cached(people, name="khard")
    folder = vcard_folder(database, people)
    config = RESULTS / f"khard-{people}.conf"
    config.write_text(CONFIG.format(folder=folder), encoding="utf-8")
    netui = shutil.which("netui", path=str(Path(sys.executable).parent))
    netui_command = [netui] if netui else [sys.executable, "-m", "netui"]
    khard_samples, netui_samples, found = [], [], {}
    for query in QUERIES:
        seconds, output = run_times([khard, "-c", str(config), "list", query], repeats)
        khard_samples += seconds
        khard_found = sum(1 for line in output.splitlines() if line[:1].isdigit())
        seconds, output = run_times([*netui_command, "--db", str(database), "search", query], repeats)
        netui_samples += seconds
        found[query] = {"khard_lines": khard_found, "netui_lines": len(output.splitlines())}
    result = {"people": people, "khard": summary(khard_samples), "netui": summary(netui_samples),
              "queries": found, "khard_version": subprocess.run(
                  [khard, "--version"], capture_output=True, text=True).stdout.strip()}
    result["ratio"] = round(result["khard"]["median_s"] / result["netui"]["median_s"], 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--khard", help="the khard executable (default: $KHARD, or khard on PATH)")
    args = parser.parse_args()
    result = measure(args.people, args.repeats, args.khard)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "khard.json").write_text(json.dumps(result, indent=2))
    if "skipped" in result:
        print(f"khard comparison skipped: {result['skipped']}")
        return
    k, n = result["khard"], result["netui"]
    print(f"{result['people']:,} people, {len(QUERIES)} queries x {args.repeats} runs ({result['khard_version']}):")
    print(f"  khard list QUERY   {k['median_s']:.3f} s ({k['min_s']:.3f}-{k['max_s']:.3f})")
    print(f"  netui search QUERY {n['median_s']:.3f} s ({n['min_s']:.3f}-{n['max_s']:.3f})")
    print(f"  netui is {result['ratio']}x faster")


if __name__ == "__main__":
    main()
