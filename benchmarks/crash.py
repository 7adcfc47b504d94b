"""Crash safety: kill netui with SIGKILL at random moments while it writes, then check the file.

    .venv/bin/python benchmarks/crash.py [--runs 200] [--seed S] [--db PATH]

Every run starts a netui process on the same database file and kills it (SIGKILL: no
clean-up of any kind) at a random moment, alternating between two kinds of work:

* capture: quick-capture lines one after the other, as at an event, as the capture screen does
  on Enter: each line written down in the capture journal (netui.capture.journal, one durable
  commit), then applied (the person, the meeting, the follow-up, the journal row deleted: one
  transaction). Once the line is written down the process prints the e-mail of its person:
  acknowledged -- from there on the line must not be lost;
* import: a generated LinkedIn Connections.csv of IMPORT_ROWS people (a company unique to
  the run) in one `import` transaction.

After each kill: `PRAGMA integrity_check` is "ok"; the file is opened again as netui opens it
(the lines left in the journal are applied: `--child recover`), then every acknowledged capture
is in the file, as exactly one person; the run's import is all there or not there at all (and
all there if the process said it had finished). Prints one line per failed check and a summary (JSON); exit status 1 on any
failure. tests/test_crash.py runs a short version (about 20 kills).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import targets  # noqa: E402

IMPORT_ROWS = 1500
CAPTURE_WINDOW = 0.6  # seconds after "ready" in which the kill falls
# An import's kill falls within 1.1 times the time an import takes here (measured first).


def _capture_email(run: int, index: int) -> str:
    return f"crash{run}.p{index}@capture.example"


def _import_company(run: int) -> str:
    return f"CrashCo {run}"


def write_import_file(path: Path, run: int, rows: int = IMPORT_ROWS) -> None:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for index in range(rows):
        lines.append(f"Imported{index},Run{run},https://www.linkedin.com/in/crash-{run}-{index},"
                     f"crash{run}.i{index}@import.example,{_import_company(run)},Engineer,07 Nov 2023")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the process that gets killed ----------------------------------------------------------


def child_capture(path: str, run: int) -> None:
    from netui import capture, timeline
    from netui.store import db

    db.open_database(path)
    print("ready", flush=True)
    index = 0
    while True:
        line = (f"Person{index} Run{run} @Crash Fair #crash {_capture_email(run, index)} !2d "
                f"met at stand {index}")
        pending = capture.journal(line)
        print(f"ok {_capture_email(run, index)}", flush=True)  # on disk: acknowledged
        result = capture.apply(pending)
        if index % 4 == 3:
            timeline.log_interaction([result.contact_id], "call", summary=f"call {run}.{index}")
        index += 1


def child_recover(path: str) -> None:
    """Open the file as netui does after a crash: the lines written down and not applied are applied."""
    from netui import capture
    from netui.store import db

    db.open_database(path)
    applied, waiting = capture.recover()
    print(f"recovered {len(applied)} waiting {len(waiting)}", flush=True)


def child_import(path: str, file: str) -> None:
    from netui.store import db
    from netui.exchange import importing

    db.open_database(path)
    plan = importing.plan_import(importing.read_file(Path(file)))
    print("ready", flush=True)
    importing.apply_import(plan)
    print("done", flush=True)


# --- the parent ----------------------------------------------------------------------------


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(Path(__file__).resolve()), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_after_ready(process: subprocess.Popen, delay: float) -> tuple[list[str], str]:
    """Wait for "ready", let it work `delay` seconds, SIGKILL it; its output lines and stderr."""
    lines = []
    first = process.stdout.readline()
    if first.strip() == "ready":
        time.sleep(delay)
    else:
        lines.append(first.strip())
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    lines += [line.strip() for line in out.splitlines() if line.strip()]
    return lines, err


def import_seconds(folder: Path, path=None) -> float:
    """How long applying one generated import takes on this machine (into `path`, a team's
    database, or a throwaway file)."""
    from netui.store import db

    if path is None:
        path = folder / "calibrate.db"
        db.open_database(path).close()
    file = folder / "calibrate.csv"
    write_import_file(file, -1)
    process = _start(["--child", "import", "--db", str(path), "--file", str(file)])
    process.stdout.readline()  # ready
    started = time.perf_counter()
    process.stdout.readline()  # done
    seconds = time.perf_counter() - started
    process.communicate(timeout=60)
    return seconds


def one_run(path: Path, run: int, kind: str, rng: random.Random, folder: Path, window: float) -> dict:
    if kind == "capture":
        delay = rng.uniform(0, CAPTURE_WINDOW)
        lines, err = _kill_after_ready(_start(["--child", "capture", "--db", str(path), "--run", str(run)]), delay)
    else:
        file = folder / f"connections-{run}.csv"
        write_import_file(file, run)
        delay = rng.uniform(0, window)
        lines, err = _kill_after_ready(_start(["--child", "import", "--db", str(path), "--file", str(file)]), delay)
        file.unlink()
    problems = []
    if err.strip() and "Traceback" in err:
        problems.append(f"run {run}: the process failed before it was killed: {err.strip().splitlines()[-1]}")
    integrity = targets.integrity(path)
    if integrity != "ok":
        problems.append(f"run {run}: integrity_check says {integrity}")
    if kind == "capture":
        acknowledged = [line.split(" ", 1)[1] for line in lines if line.startswith("ok ")]
        recovery = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", "recover", "--db", str(path)],
                                  capture_output=True, text=True, timeout=120)
        said = recovery.stdout.split()
        if recovery.returncode != 0 or len(said) != 4:
            problems.append(f"run {run}: opening the file again failed: {recovery.stderr.strip()[-300:]}")
            said = ["recovered", "0", "waiting", "0"]
        stored = [row[0] for row in targets.rows(
            path, "SELECT value FROM channel WHERE kind = 'email' AND value LIKE ?", (f"crash{run}.p%",))]
        lost = [email for email in acknowledged if email not in stored]
        if lost:
            problems.append(f"run {run}: {len(lost)} acknowledged captures missing, e.g. {lost[0]}")
        twice = sorted({email for email in stored if stored.count(email) > 1})
        if twice:
            problems.append(f"run {run}: {len(twice)} captures applied twice, e.g. {twice[0]}")
        if int(said[3]):
            problems.append(f"run {run}: {said[3]} captured lines still waiting after opening again")
        result = {"acknowledged": len(acknowledged), "stored": len(set(stored)), "recovered": int(said[1])}
    else:
        count = targets.rows(path, "SELECT count(*) FROM contact WHERE company = ?", (_import_company(run),))[0][0]
        finished = "done" in lines
        if count not in (0, IMPORT_ROWS) or (finished and count != IMPORT_ROWS):
            problems.append(f"run {run}: the import left {count} of {IMPORT_ROWS} people"
                            f"{' after saying it was done' if finished else ''}")
        result = {"imported": count, "finished": finished}
    return {"run": run, "kind": kind, "delay": round(delay, 3), "problems": problems, **result}


def run_all(path, runs: int, seed: int, progress=None) -> dict:
    """`path`: a database file, or a team's PostgreSQL address (str) netui has made already."""
    targets.ensure_exists(path)
    rng = random.Random(seed)
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        window = 1.1 * import_seconds(Path(folder), path if targets.is_server(path) else None)
        for run in range(runs):
            kind = "capture" if run % 2 == 0 else "import"
            results.append(one_run(path, run, kind, rng, Path(folder), window))
            if progress:
                progress(results[-1])
    captures = [r for r in results if r["kind"] == "capture"]
    imports = [r for r in results if r["kind"] == "import"]
    problems = [p for r in results for p in r["problems"]]
    return {
        "runs": runs, "seed": seed, "seconds": round(time.perf_counter() - started, 1),
        "import_kill_window_seconds": round(window, 2),
        "capture_runs": len(captures), "captures_acknowledged": sum(r["acknowledged"] for r in captures),
        "captures_applied_at_the_next_open": sum(r["recovered"] for r in captures),
        "captures_applied_twice": sum("applied twice" in p for p in problems),
        "acknowledged_missing": sum("acknowledged captures missing" in p for p in problems),
        "import_runs": len(imports),
        "imports_none": sum(r["imported"] == 0 for r in imports),
        "imports_all": sum(r["imported"] == IMPORT_ROWS for r in imports),
        "imports_partial": sum(r["imported"] not in (0, IMPORT_ROWS) for r in imports),
        "integrity_failures": sum("integrity_check" in p for p in problems),
        "problems": problems,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="same seed, same kill moments")
    parser.add_argument("--db", help="the database file (default: a temporary one)")
    parser.add_argument("--child", choices=("capture", "import", "recover"), help=argparse.SUPPRESS)
    parser.add_argument("--run", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "capture":
        child_capture(args.db, args.run)
        return 0
    if args.child == "recover":
        child_recover(args.db)
        return 0
    if args.child == "import":
        child_import(args.db, args.file)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(10**6)

    def progress(result: dict) -> None:
        for problem in result["problems"]:
            print(problem, flush=True)
        if (result["run"] + 1) % 20 == 0:
            print(f"{result['run'] + 1} runs…", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.db) if args.db else Path(folder) / "crash.db"
        summary = run_all(path, args.runs, seed, progress)
    print(json.dumps(summary, indent=2))
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
