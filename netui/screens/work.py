"""The one way netui runs work off the UI thread.

`run_in_thread(node, job, ...)` runs `job()` in a thread worker of `node` (a screen or the
app), inside the worker's own database connection. On the UI thread it then hands the result
to `done`, or a NetuiError (a sentence for the user) to `failed` (default: an error notice).
Any other exception ends the worker in ERROR: `WorkerErrors.on_worker_state_changed` shows
it as an error notice instead of letting it vanish (Worker.StateChanged does not bubble, so
the app and every screen base mix it in).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState, get_current_worker

from netui.errors import NetuiError
from netui.i18n import _
from netui.store.session import worker_connection


def run_in_thread(node: DOMNode, job: Callable[[], Any], *, done: Callable[[Any], None] | None = None,
                  failed: Callable[[NetuiError], None] | None = None, group: str = "default",
                  exclusive: bool = False, description: str = "", drop_cancelled: bool = False) -> Worker:
    """Run `job` off the UI thread; `done(result)` / `failed(error)` run on the UI thread, and
    only while `node` is still there (a screen closed meanwhile is not woken up).
    `drop_cancelled`: a worker cancelled meanwhile (an exclusive one superseded by a newer
    request) delivers nothing."""
    app = node.app

    def deliver(callback: Callable[[Any], None], value: Any) -> None:
        if node is app or node.is_attached:
            callback(value)

    def in_thread() -> None:
        try:
            with worker_connection():
                result = job()
        except NetuiError as error:
            app.call_from_thread(deliver, failed or show_error(node), error)
            return
        if done is not None and not (drop_cancelled and get_current_worker().is_cancelled):
            app.call_from_thread(deliver, done, result)

    return node.run_worker(in_thread, group=group, description=description or group,
                           exclusive=exclusive, exit_on_error=False, thread=True)


def show_error(node: DOMNode) -> Callable[[NetuiError], None]:
    """The default for `failed`: the domain's sentence as an error notice."""
    return lambda error: node.app.notify(str(error), severity="error", timeout=10)


class WorkerErrors:
    """Mix into the app and the screens: a worker that ends in ERROR (a bug, not a NetuiError,
    which run_in_thread already showed) becomes an error notice, as harlequin does."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            what = f"{type(error).__name__}: {error}"  # i18n: not text (the error as Python names it)
            self.app.notify(_("Something went wrong: {error}", error=what),
                            title=_("Unexpected error"), severity="error", timeout=15)
