"""`netui serve` from the command line: what it refuses before serving anything. The served app
itself is tested in a real browser (tests/browser/test_serve.py)."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from netui.cli import main
from netui.cli.serve import is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "netui.example.org"])
def test_a_host_other_machines_reach_needs_allow_remote(capsys, tmp_path, host):
    database = tmp_path / "netui.db"
    status = main(["serve", "--host", host, "--db", str(database)])
    error = capsys.readouterr().err
    assert status == 2
    assert f"{host} can be reached from other machines: add --allow-remote" in error
    assert not database.exists()  # refused before anything was opened


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("10.0.0.5", False)])
def test_only_this_machines_own_addresses_are_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_a_port_in_use_is_one_sentence_not_a_traceback(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "netui", "serve", "--db", str(tmp_path / "netui.db"),
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith(f"netui: cannot listen on 127.0.0.1 port {port} (")
    assert "Traceback" not in done.stderr and "served at" not in done.stdout
