"""One way for key actions that write to report what the domain refused (a read-only file, a
full disk, someone else's lock held too long): a notification, never a crash."""

from __future__ import annotations

import functools

from netui.errors import NetuiError


def reports_errors(action):
    """Decorate a method of a screen or of the app: a NetuiError becomes an error notice."""

    @functools.wraps(action)
    def guarded(self, *args, **kwargs):
        try:
            return action(self, *args, **kwargs)
        except NetuiError as error:
            self.notify(str(error), severity="error", timeout=10)
            return None

    return guarded
