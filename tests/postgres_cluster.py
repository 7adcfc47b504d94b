"""A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` in a temporary folder,
listening on a Unix socket there only (no TCP port), removed at the end of the run.

As root (CI), the server runs as the `postgres` user (PostgreSQL refuses root). Each test gets
a database of its own, copied from a template that already holds netui's schema.

Without PostgreSQL's programs the PostgreSQL tests are skipped -- unless $NETUI_REQUIRE_POSTGRES
is set (.ci/run sets it): then they fail, so that CI cannot pass without running them.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REQUIRE_VARIABLE = "NETUI_REQUIRE_POSTGRES"
TEMPLATE = "netui_template"
FOLDER_PREFIX = "netui-pg-"
OWNER_FILE = "owner"  # the pid of the test process that started the server


def _programs() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[-2]))
    return Path(folders[-1]) if folders and (Path(folders[-1]) / "initdb").exists() else None


def unavailable(reason: str):
    if os.environ.get(REQUIRE_VARIABLE):
        pytest.fail(f"PostgreSQL is required (${REQUIRE_VARIABLE}) but {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL: {reason}")


class Cluster:
    """One server for this test process; `new_database()` gives each test an empty netui network."""

    def __init__(self, durable: bool = False):
        """`durable`: fsync and synchronous commits on, as a real server runs (benchmarks);
        off by default, as a throwaway test server needs no power-cut safety."""
        self.programs = _programs()
        if self.programs is None:
            unavailable("initdb was not found")
        self._stop_abandoned()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        (self.folder / OWNER_FILE).write_text(str(os.getpid()))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        self._names = itertools.count(1)
        self._reused, self._reset, self._reset_statement = None, None, ""
        self._run("initdb", "-D", str(self.data), "--auth=trust", "-U", "postgres", "--encoding=UTF8",
                  "--locale=C.UTF-8")
        # Durability is the machine's business in a throwaway test server: no fsync.
        options = f"-k {self.folder} -c listen_addresses='' -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")
        self.admin(f"CREATE DATABASE {TEMPLATE}")
        from netui.store import db

        db.open_database(self.address(TEMPLATE)).close()

    def _stop_abandoned(self) -> None:
        """The servers of test runs that were killed (their finalizers never ran) are stopped
        and their folders removed, so that they do not pile up on a machine."""
        for owner_file in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*/{OWNER_FILE}"):
            try:
                os.kill(int(owner_file.read_text()), 0)
                continue  # its run is still going
            except ProcessLookupError:
                pass
            except (ValueError, OSError):
                continue
            folder = owner_file.parent
            if (folder / "data" / "postmaster.pid").exists():
                command = [str(self.programs / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"]
                if os.geteuid() == 0:
                    command = ["runuser", "-u", "postgres", "--", *command]
                subprocess.run(command, capture_output=True)
            shutil.rmtree(folder, ignore_errors=True)

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.programs / program), *arguments]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if done.returncode:
            unavailable(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}")

    def address(self, name: str) -> str:
        return f"host={self.folder} user=postgres dbname={name}"

    def admin(self, statement: str) -> None:
        from netui.store.postgres import driver

        psycopg = driver()
        with psycopg.connect(self.address("postgres"), autocommit=True) as connection:
            connection.execute(statement)

    def emptied_database(self) -> str:
        """This process's reused netui network, every table back to what the template holds
        (its schema version row): TRUNCATE instead of a new copy. A database some connection
        still holds (a test that leaked one) is left alone and a new copy given instead."""
        psycopg = __import__("netui.store.postgres", fromlist=["driver"]).driver()
        if self._reused is None:
            self._reused = self.new_database()
            self._reset = psycopg.connect(self.address(self._reused), autocommit=True)
            tables = [name for (name,) in self._reset.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
            kept = [name for name in tables
                    if self._reset.execute(f'SELECT EXISTS (SELECT FROM "{name}")').fetchone()[0]]
            self._reset.execute("CREATE SCHEMA pristine")
            for name in kept:
                self._reset.execute(f'CREATE TABLE pristine."{name}" AS TABLE public."{name}"')
            self._reset_statement = (
                "TRUNCATE " + ", ".join(f'public."{name}"' for name in tables) + " RESTART IDENTITY CASCADE;"
                + "".join(f'INSERT INTO public."{name}" OVERRIDING SYSTEM VALUE TABLE pristine."{name}";'
                          for name in kept))
            return self._reused
        try:
            with self._reset.transaction():
                self._reset.execute("SET LOCAL lock_timeout = '5s'")
                self._reset.execute(self._reset_statement)
        except psycopg.errors.LockNotAvailable:
            return self.new_database()
        return self._reused

    def new_database(self) -> str:
        """An empty netui network (the schema, no rows) of its own; its address."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        return name

    def copy_of(self, name: str) -> str:
        """A database of its own holding what `name` holds (nobody may be connected to it)."""
        copy = f"test_{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {copy} TEMPLATE {name} STRATEGY FILE_COPY")
        return copy

    def drop(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self._reset is not None:
            self._reset.close()
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
