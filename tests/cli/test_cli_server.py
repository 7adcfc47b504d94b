"""The command line on a team's PostgreSQL server: the same commands, and the password in
the address shown nowhere (locate, errors, the app's title)."""

from __future__ import annotations

import subprocess
import sys

from netui import contacts
from netui.app import NetuiApp

PASSWORD = "s3cret-Pw"


def with_password(postgres_cluster, name: str) -> str:
    """The test database's address as a URL holding a password (the throwaway server trusts
    its socket, so any password is accepted: what matters is where it is shown)."""
    return f"postgresql://postgres:{PASSWORD}@/{name}?host={postgres_cluster.folder}"


def netui(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "netui", *args], capture_output=True, text=True, timeout=120)


def test_commands_work_and_never_print_the_password(postgres_database, postgres_cluster):
    address = with_password(postgres_cluster, postgres_database.address.conninfo.split("dbname=")[1])
    added = netui("--db", address, "add", "Giulia Rossi", "--company", "Lumen Digital")
    assert added.returncode == 0, added.stderr
    located = netui("--db", address, "locate")
    assert "postgres:***@" in located.stdout and PASSWORD not in located.stdout + located.stderr
    refused = netui("--db", address, "fact", "Nobody Here", "hobby", "chess")
    assert refused.returncode != 0 and PASSWORD not in refused.stdout + refused.stderr
    unreachable = netui("--db", address.replace(str(postgres_cluster.folder), "/nonexistent"), "today")
    assert unreachable.returncode == 2 and "cannot connect" in unreachable.stderr
    assert PASSWORD not in unreachable.stdout + unreachable.stderr
    assert [c.name for c in contacts.list_contacts()] == ["Giulia Rossi"]


async def test_the_title_bar_shows_the_address_without_its_password(postgres_database, postgres_cluster):
    from netui.store.location import ServerAddress

    address = ServerAddress(with_password(postgres_cluster, "x"))
    async with NetuiApp(address, welcome=False).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert PASSWORD not in pilot.app.sub_title and "postgres:***@" in pilot.app.sub_title
