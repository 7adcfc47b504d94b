"""netui: a keyboard-driven terminal app for building and keeping a professional network."""

import importlib.util
import sys

__version__ = "0.1.0"

# Peewee imports the PostgreSQL driver whenever it is installed (about 150 ms at every start),
# and a network in a file never uses it: `import psycopg` fails at once (peewee then does
# without) until netui.store.postgres.driver() takes this away to open a team's database.
sys.modules.setdefault("psycopg", None)  # type: ignore[arg-type]


def _load_on_first_use(name: str) -> None:
    """Import `name` now but run its code only when one of its attributes is first used
    (importlib.util.LazyLoader)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _dot, child = name.rpartition(".")
    if parent:  # `from parent import child` then finds it without touching it (which would load it)
        setattr(sys.modules[parent], child, module)


# pendulum imports python-dateutil's free-form date parser at its own import (with dateutil's
# time zones, ctypes and importlib.resources: about a tenth of netui's imports at start) for
# its non-strict parsing, which netui never asks for (pendulum.parse is strict by default).
_load_on_first_use("dateutil.parser")
