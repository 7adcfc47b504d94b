"""What a user interface needs around domain calls made outside the main thread."""

from __future__ import annotations

from netui.store.models import database


def worker_connection():
    """A context manager giving the current (worker) thread its own connection, closed at the end.

    SQLite connections belong to one thread; a worker that calls domain functions wraps its
    work in this.
    """
    return database.connection_context()
