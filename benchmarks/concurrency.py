"""Several netui processes writing to one database file at the same time.

    .venv/bin/python benchmarks/concurrency.py [--apps 2] [--cli 1] [--writes 50] [--db PATH]

Starts `--apps` processes that keep one connection open for their whole life, as the app
does (each captures `--writes` people one by one, logs an interaction with every fifth, and
polls PRAGMA data_version to notice the others' writes), and `--cli` processes that run
`netui --db FILE capture LINE` through netui.cli.main for every write (opening and closing
the file each time, like a shell loop of the real command). Then it checks: every process
exited 0, no "database is locked" (or any other error) was printed, every acknowledged
write is in the file, PRAGMA integrity_check is ok. Prints a summary (writes/s, lost,
locked) and exits 1 if anything was lost or refused. tests/test_concurrency.py runs a short
version.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import targets  # noqa: E402


def _email(worker: str, index: int) -> str:
    return f"{worker}.p{index}@concurrency.example"


def _line(worker: str, index: int) -> str:
    return f"Person{index} {worker.capitalize()} @Firm {worker} #{worker} {_email(worker, index)} !3d met in the crowd"


def _wait_until(start: float) -> None:
    """Every process begins writing at the same moment (their start-up times differ)."""
    time.sleep(max(0.0, start - time.time()))


def app_worker(path: str, worker: str, writes: int, start: float = 0.0) -> dict:
    """One long-lived connection, like the app: capture, log, notice the others' writes."""
    from netui import capture, timeline
    from netui.store import db

    handle = db.open_database(path)
    _wait_until(start)
    began = time.time()
    acknowledged, errors, seen_changes = [], [], 0
    version = db.data_version()
    try:
        for index in range(writes):
            try:
                result = capture.capture_line(_line(worker, index))
                acknowledged.append(_email(worker, index))
                if index % 5 == 4:
                    timeline.log_interaction([result.contact_id], "call", summary=f"{worker} call {index}")
            except Exception as error:  # noqa: BLE001 - counted and reported, that is the test
                errors.append(f"{type(error).__name__}: {error}")
            now = db.data_version()
            seen_changes += now != version
            version = now
    finally:
        handle.close()
    return {"worker": worker, "acknowledged": acknowledged, "errors": errors, "seen_changes": seen_changes,
            "began": began, "ended": time.time()}


def cli_worker(path: str, worker: str, writes: int, start: float = 0.0) -> dict:
    """`netui --db FILE capture LINE` for every write, in this one process."""
    from netui import cli

    _wait_until(start)
    began = time.time()
    acknowledged, errors = [], []
    for index in range(writes):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = cli.main(["--db", path, "capture", _line(worker, index)])
        if code == 0 and not err.getvalue():
            acknowledged.append(_email(worker, index))
        else:
            errors.append(f"exit {code}: {err.getvalue().strip()}")
    return {"worker": worker, "acknowledged": acknowledged, "errors": errors, "seen_changes": None,
            "began": began, "ended": time.time()}


def run(path, apps: int = 2, clis: int = 1, writes: int = 50) -> dict:
    """Start the processes, wait, check the database (a file, or a team's PostgreSQL address);
    the summary as a dict."""
    # Not when this process has the file open already: opening a file twice in one process
    # (netui's checks read its header with a plain open/close) drops SQLite's locks on it.
    targets.ensure_exists(path)
    script = str(Path(__file__).resolve())
    workers = [("app", f"app{n}") for n in range(apps)] + [("cli", f"cli{n}") for n in range(clis)]
    start = time.time() + 2.0 + 0.5 * len(workers)  # after every process has started up
    processes = [
        subprocess.Popen([sys.executable, script, "--child", kind, "--name", name, "--db", str(path),
                          "--writes", str(writes), "--start", str(start)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for kind, name in workers
    ]
    results, exit_codes, stderr = [], [], []
    for process in processes:
        out, err = process.communicate(timeout=600)
        exit_codes.append(process.returncode)
        stderr.append(err)
        results.append(json.loads(out.strip().splitlines()[-1]) if out.strip() else {"acknowledged": [], "errors": []})
    seconds = time.time() - start
    acknowledged = [email for result in results for email in result["acknowledged"]]
    errors = [error for result in results for error in result["errors"]]
    stored = {row[0] for row in targets.rows(path, "SELECT value FROM channel WHERE kind = 'email'")}
    integrity = targets.integrity(path)
    lost = [email for email in acknowledged if email not in stored]
    everything = errors + stderr
    return {
        "processes": len(workers), "writes_asked": writes * len(workers), "writes_acknowledged": len(acknowledged),
        "lost": len(lost), "errors": errors, "locked": sum("locked" in text or "busy" in text for text in everything),
        "exit_codes": exit_codes, "stderr": [text for text in stderr if text.strip()], "integrity": integrity,
        "seconds": round(seconds, 2), "writes_per_second": round(len(acknowledged) / seconds, 1),
        "apps_saw_changes": [r.get("seen_changes") for r in results if r.get("seen_changes") is not None],
        "late_starts": sum(r.get("began", start) - start > 0.5 for r in results),
        "overlap_seconds": round(min(r.get("ended", 0) for r in results) - max(r.get("began", 0) for r in results), 2),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apps", type=int, default=2)
    parser.add_argument("--cli", type=int, default=1)
    parser.add_argument("--writes", type=int, default=50, help="writes per process")
    parser.add_argument("--db", help="the database file (default: a temporary one)")
    parser.add_argument("--child", choices=("app", "cli"), help=argparse.SUPPRESS)
    parser.add_argument("--name", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        worker = app_worker if args.child == "app" else cli_worker
        print(json.dumps(worker(args.db, args.name, args.writes, args.start)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.db) if args.db else Path(folder) / "concurrency.db"
        summary = run(path, args.apps, args.cli, args.writes)
    print(json.dumps(summary, indent=2))
    ok = (summary["lost"] == 0 and not summary["errors"] and not summary["stderr"]
          and set(summary["exit_codes"]) == {0} and summary["integrity"] == "ok")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
