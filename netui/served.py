"""Whether this netui runs in a browser tab, started by `netui serve` (netui.cli.serve).

The server sets $NETUI_SERVED for the app processes it starts: what needs a real terminal (the
$EDITOR for notes) then says it is not there, instead of waiting on a terminal nobody sees.
"""

from __future__ import annotations

import os

SERVED_VARIABLE = "NETUI_SERVED"


def is_served() -> bool:
    """Whether this process is a browser tab's netui."""
    return os.environ.get(SERVED_VARIABLE) == "1"
