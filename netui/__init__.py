"""netui: a keyboard-driven terminal app for building and keeping a professional network."""

import importlib
import importlib.util
import re
import sys
import types

__version__ = "0.1.0"

# Peewee imports the PostgreSQL driver whenever it is installed (about 150 ms at every start),
# and a network in a file never uses it: `import psycopg` fails at once (peewee then does
# without) until netui.store.postgres.driver() takes this away to open a team's database.
sys.modules.setdefault("psycopg", None)  # type: ignore[arg-type]
# The same for the drivers peewee looks for that netui never uses (it speaks to PostgreSQL
# through psycopg 3): one failed search of the path each instead of their import.
for _driver in ("psycopg2", "psycopg2cffi", "pymysql", "MySQLdb"):
    sys.modules.setdefault(_driver, None)  # type: ignore[arg-type]


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
def _stand_in_until_used(name: str) -> None:
    """Put a stand-in for module `name` in sys.modules: `import name` binds it at no cost, and
    the first attribute read from it imports the module (then the stand-in holds its names).
    For a module imported by a plain `import` statement, which in Python 3.11 reads __spec__
    and so would load a LazyLoader's module at once."""
    if name in sys.modules:
        return

    class StandIn(types.ModuleType):
        def __getattr__(self, attribute: str):
            if sys.modules.get(name) is self:
                del sys.modules[name]
            module = importlib.import_module(name)
            self.__dict__.update(vars(module))
            return getattr(module, attribute)

    sys.modules[name] = StandIn(name)


# Peewee imports hashlib at its own import (OpenSSL's start-up: ~6 M instructions) for the
# names of constraints it makes up, which netui's schema never asks it for.
_stand_in_until_used("hashlib")

# pendulum's Locale.load imports importlib.resources at each call, to look for the locale's
# folder when it is not loaded yet (netui.i18n loads netui's languages without that look):
# ~4 M instructions, before the first screen.
_stand_in_until_used("importlib.resources")

# Peewee imports json at its own import, for JSON fields netui does not use; netui's JSON (the
# commands' --json, exports) is read and written after the first screen, if at all: json's
# decoder and its patterns cost ~5 M instructions at each start.
_stand_in_until_used("json")


def _import_with_patterns_compiled_on_first_use(package: str) -> None:
    """Import `package`, the regular expressions its modules compile at their import being
    netui.text.LazyPattern's (compiled at first use). A package imported already is left
    as it is."""
    if package in sys.modules:
        return
    from netui.text import LazyPattern

    compile_now = re.compile

    def compile_later(pattern, flags=0):
        module = sys._getframe(1).f_globals.get("__name__", "")
        if isinstance(pattern, str) and (module == package or module.startswith(package + ".")):
            return LazyPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_later
    try:
        importlib.import_module(package)
    finally:
        re.compile = compile_now


# pendulum compiles its formatter's two patterns and its parser's at its import (~9 M
# instructions); the first screen uses neither ("3 weeks ago" and its days are written
# without them): they are compiled when a date is first formatted or parsed.
_import_with_patterns_compiled_on_first_use("pendulum")
