"""The shape of the house, read from the source: no import cycle, no module over 800 lines, no
function over 80, no SQL only SQLite understands outside netui/store/ (the storage seam a second
backend will plug into). And the test suite's own shape: one place for the Pilot helpers, a
slow-tier list that names real tests.

Each check is a function of source text, run first on planted examples that must fail it (so
it cannot pass by finding nothing), then on netui itself. The import reader is the one the
layering test uses (tests/support.py).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from conftest import SLOW_LIST, TESTS_DIR, slow_test_names
from support import PACKAGE_DIR, import_statements, module_name

MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 80
STORE_DIR = PACKAGE_DIR / "store"  # the one place allowed to speak SQLite's own dialect


def netui_sources() -> dict[str, str]:
    """Every module of netui, by dotted name, with its text."""
    return {module_name(path): path.read_text(encoding="utf-8") for path in sorted(PACKAGE_DIR.rglob("*.py"))}


# --- 1. the import graph has no cycle ------------------------------------------------------


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """Which module of `sources` imports which, counting imports inside functions too.

    Nodes are module names (a package is its name, not `.__init__`). `from pkg import sub` is an
    arrow to pkg.sub when sub is a module, to pkg when it is a name defined there; a package
    being imported on the way to its submodule is not an arrow (Python allows that circle).
    """
    def node(name: str) -> str:
        return name.removesuffix(".__init__")

    known = {node(name) for name in sources}
    graph: dict[str, set[str]] = {node(name): set() for name in sources}
    for name, source in sources.items():
        for origin, names in import_statements(source, name):
            targets = [f"{origin}.{n}" if f"{origin}.{n}" in known else origin for n in names] or [origin]
            graph[node(name)].update(t for t in targets if t in known and t != node(name))
    return graph


def import_knots(graph: dict[str, set[str]]) -> list[set[str]]:
    """The knots of modules that import each other, directly or not: the strongly connected
    components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    knots: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            knot = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                knot.add(member)
                if member == module:
                    break
            if len(knot) > 1:
                knots.append(knot)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return knots


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for every knot (its first module repeated at the end)."""
    return [cycle_within(graph, knot) for knot in import_knots(graph)]


def cycle_within(graph: dict[str, set[str]], knot: set[str]) -> list[str]:
    """A shortest way from the knot's first module back to itself, inside the knot."""
    start = min(knot)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph[module] & knot):
                if target == start:
                    return paths[module] + [start]
                if target not in paths:
                    paths[target] = paths[module] + [target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle in {sorted(knot)}")  # a knot always has one


def test_cycle_finder_finds_planted_cycles():
    """Module level, inside a function, relative, through `from pkg import sub`: all found."""
    planted = {
        "netui.a": "from netui import b\n",
        "netui.b": "def later():\n    from netui.c import thing\n",
        "netui.c": "from . import a\n",
        "netui.pkg.__init__": "def readers():\n    from netui.pkg import reader\n",
        "netui.pkg.reader": "from netui.d import Record\n",
        "netui.d": "import netui.pkg.reader\n",
    }
    cycles = import_cycles(import_graph(planted))
    assert sorted(cycles) == [["netui.a", "netui.b", "netui.c", "netui.a"],
                              ["netui.d", "netui.pkg.reader", "netui.d"]]


def test_cycle_finder_passes_a_graph_that_only_points_down():
    """A package that imports its own submodules, and modules that import the package's
    functions, are not a cycle; imports from outside netui are not arrows."""
    planted = {
        "netui.store.migrations.__init__": "from netui.store.migrations import v0001\n",
        "netui.store.migrations.v0001": "import peewee\n",
        "netui.store.db": "from netui.store.migrations import MIGRATIONS, v0001\n",
        "netui.contacts": "from netui.store import db\nimport textual.app\n",
        "netui.store.__init__": "",
    }
    graph = import_graph(planted)
    assert graph["netui.store.db"] == {"netui.store.migrations", "netui.store.migrations.v0001"}
    assert graph["netui.contacts"] == {"netui.store.db"}
    assert import_cycles(graph) == []


def test_no_import_cycle():
    """No module of netui imports, even inside a function, a module that comes back to it."""
    graph = import_graph(netui_sources())
    assert "netui.store.db" in graph and graph["netui.store.db"]  # it read the real package
    cycles = [
        f"{' → '.join(cycle_within(graph, knot))}  (the knot: {', '.join(sorted(knot))})"
        for knot in import_knots(graph)
    ]
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


# --- 2. no module over 800 lines -----------------------------------------------------------


def long_modules(sources: dict[str, str], limit: int = MAX_MODULE_LINES) -> dict[str, int]:
    counts = {name: len(source.splitlines()) for name, source in sources.items()}
    return {name: count for name, count in counts.items() if count > limit}


def test_module_length_check_finds_a_planted_long_module():
    planted = {"netui.short": "x = 1\n" * MAX_MODULE_LINES, "netui.long": "x = 1\n" * (MAX_MODULE_LINES + 1)}
    assert long_modules(planted) == {"netui.long": MAX_MODULE_LINES + 1}


def test_no_module_over_800_lines():
    sources = netui_sources()
    assert len(sources) > 50
    assert long_modules(sources) == {}


# --- 3. no function over 80 lines ----------------------------------------------------------


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> dict[str, int]:
    """`Class.method` or `function` (nested ones too) -> its lines, def to last, when over `limit`."""
    found = {}

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    lines = child.end_lineno - child.lineno + 1
                    if lines > limit:
                        found[name] = lines
                walk(child, name + ".")
            else:
                walk(child, prefix)

    walk(ast.parse(source), "")
    return found


def test_function_length_check_finds_planted_long_functions():
    planted = (
        "def fits():\n" + "    x = 1\n" * (MAX_FUNCTION_LINES - 1)
        + "class Screen:\n    async def too_long(self):\n" + "        x = 1\n" * MAX_FUNCTION_LINES
        + "def outer():\n    def inner():\n" + "        x = 1\n" * MAX_FUNCTION_LINES
    )
    assert long_functions(planted) == {
        "Screen.too_long": MAX_FUNCTION_LINES + 1,
        "outer": MAX_FUNCTION_LINES + 2,
        "outer.inner": MAX_FUNCTION_LINES + 1,
    }


def test_no_function_over_80_lines():
    offenders = {
        f"{name}.{function}": lines
        for name, source in netui_sources().items()
        for function, lines in long_functions(source).items()
    }
    assert offenders == {}, "\n".join(f"{lines:4d} lines  {where}" for where, lines in sorted(offenders.items()))


# --- 4. no SQLite-only SQL outside netui/store/ --------------------------------------------

# What only SQLite understands, or raw SQL that bypasses Peewee's query builder. Searched in the
# code and its strings, not in comments and docstrings (which may name them to explain).
SQLITE_ONLY = re.compile(
    r"\bexecute_sql\b"  # hand-written SQL
    r"|\bexecutemany\b|\.cursor\("  # hand-written SQL through the raw DB-API cursor
    r"|\bPRAGMA\b|\.pragma\("
    r"|\bsqlite_\w+"  # sqlite_master, sqlite_stat1, ...
    r"|\bsqlite3\b"  # the driver itself (import sqlite3, sqlite3.OperationalError)
    r"|\bplayhouse\.sqlite\w*|\bSqlite\w*Database\b"
    r"|\b[Ff][Tt][Ss][345]\b|\bMATCH\b|\bbm25\b"  # full-text search
    r"|\bANALYZE\b"
)


def sqlite_only_lines(source: str) -> list[tuple[int, str]]:
    """(line number, the SQLite-only words on it) for every line of code or string that has any."""
    lines = source.splitlines()
    tree = ast.parse(source)
    for node in ast.walk(tree):  # blank the docstrings
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                for number in range(first.lineno, first.end_lineno + 1):
                    lines[number - 1] = ""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):  # and the comments
        if token.type == tokenize.COMMENT:
            row, column = token.start
            lines[row - 1] = lines[row - 1][:column]
    return [
        (number, " ".join(found))
        for number, line in enumerate(lines, start=1)
        if (found := SQLITE_ONLY.findall(line))
    ]


def test_sqlite_check_finds_planted_sql_and_ignores_explanations():
    planted = '''"""Talks to the store; never runs PRAGMA or execute_sql itself."""
import re
import sqlite3

MATCH_REASONS = {"email": "same e-mail"}


def statistics(database):
    """Refreshes the planner's statistics (ANALYZE) -- the docstring may say so."""
    database.execute_sql("ANALYZE")  # the code may not
    rows = database.execute_sql("SELECT name FROM sqlite_master").fetchall()
    database.cursor().executemany("INSERT INTO contact VALUES (?)", rows)
    return re.match(r"x", "y"), f"SELECT rowid FROM contact_search WHERE contact_search MATCH ?"
# PRAGMA foreign_keys = 0 in a comment is fine
keys = database.pragma("foreign_keys")
'''
    assert sqlite_only_lines(planted) == [
        (3, "sqlite3"),
        (10, "execute_sql ANALYZE"),
        (11, "execute_sql sqlite_master"),
        (12, ".cursor( executemany"),
        (13, "MATCH"),
        (15, ".pragma("),
    ]


def test_no_sqlite_only_sql_outside_the_store():
    """Domain, exchange, CLI and UI use Peewee's query builder; what only SQLite speaks (raw
    SQL, PRAGMAs, FTS5, the sqlite3 driver) lives in netui/store/, where a second backend goes."""
    files = sorted(p for p in PACKAGE_DIR.rglob("*.py") if STORE_DIR not in p.parents)
    assert PACKAGE_DIR / "contacts.py" in files and STORE_DIR / "db.py" not in files
    offenders = [
        f"{path.relative_to(PACKAGE_DIR.parent)}:{number}: {found}"
        for path in files
        for number, found in sqlite_only_lines(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "\n".join(offenders)


# --- 5. the test suite's own shape ----------------------------------------------------------

PILOT_HELPERS = ("settle", "type_text", "type_line", "tab_to", "focus_field", "open_contact")


def local_pilot_helpers(source: str) -> list[str]:
    """Names of the shared Pilot helpers that `source` defines again at its top level."""
    return [
        node.name for node in ast.parse(source).body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in PILOT_HELPERS
    ]


def test_pilot_helper_check_finds_a_local_copy():
    planted = "from support import settle\n\nasync def type_text(pilot, text):\n    await pilot.press(*text)\n"
    assert local_pilot_helpers(planted) == ["type_text"]


def test_pilot_helpers_live_in_support_only():
    """settle, type_text, tab_to, open_contact: defined once, in tests/support.py."""
    test_files = sorted(TESTS_DIR.rglob("test_*.py"))
    assert TESTS_DIR / "tui" / "test_tui_main.py" in test_files
    copies = {
        str(path.relative_to(TESTS_DIR)): found
        for path in test_files
        if (found := local_pilot_helpers(path.read_text(encoding="utf-8")))
    }
    assert copies == {}


def missing_slow_tests(names: set[str], tests_dir: Path = TESTS_DIR) -> list[str]:
    """The `file::function` names of slow_tests.txt that name no test function."""
    missing = []
    for name in sorted(names):
        file, _, function = name.partition("::")
        path = tests_dir / file
        defined = set()
        if path.is_file():
            defined = {node.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                       if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if function not in defined or not function.startswith("test_"):
            missing.append(name)
    return missing


def test_slow_list_check_finds_a_renamed_test(tmp_path):
    listed = tmp_path / "slow_tests.txt"
    listed.write_text("# a comment\ncli/test_cli.py::test_output_cut_short_by_a_pipe_is_not_an_error\n"
                      "cli/test_cli.py::test_that_was_renamed\nnowhere/test_gone.py::test_x\n")
    assert missing_slow_tests(slow_test_names(listed)) == [
        "cli/test_cli.py::test_that_was_renamed", "nowhere/test_gone.py::test_x"]


def test_every_slow_test_listed_exists():
    """A renamed or moved test would silently come back to the everyday tier: the list follows."""
    names = slow_test_names(SLOW_LIST)
    assert len(names) > 20
    assert missing_slow_tests(names) == []

