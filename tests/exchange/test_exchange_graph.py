"""The exchange package's import graph has no cycle: the reader records sit below both the
readers (netui.exchange.formats) and the importer, so neither needs the other's name lazily.

Every import counts, those inside functions too: an import moved into a function to dodge a
cycle still is one. The graph is read from the source (ast), nothing is imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

import netui

SOURCE_ROOT = Path(netui.__file__).parent.parent


def module_file(name: str) -> Path | None:
    """The file of the netui module or package `name`, or None if there is none."""
    base = SOURCE_ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def netui_imports(name: str, source: str | None = None) -> set[str]:
    """The netui modules the module `name` imports anywhere in its file (or in `source`),
    with the packages that loading them loads first (importing a.b.c runs a/__init__ and
    a/b/__init__)."""
    path = module_file(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    if source is None:
        source = path.read_text(encoding="utf-8")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            origin = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([origin] if origin else []))
            # `from package import module` loads that module; `from module import name` only the module
            targets = [f"{origin}.{alias.name}" if module_file(f"{origin}.{alias.name}") else origin
                       for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            found.update(".".join(parts[:end]) for end in range(2, len(parts) + 1)
                         if parts[0] == "netui" and module_file(".".join(parts[:end])))
    found.discard(name)
    return found


def exchange_modules() -> list[str]:
    folder = SOURCE_ROOT / "netui" / "exchange"
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(SOURCE_ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def graph_from(starts: list[str]) -> dict[str, set[str]]:
    """Every netui module reachable from `starts`, with the netui modules it imports."""
    graph: dict[str, set[str]] = {}
    waiting = list(starts)
    while waiting:
        name = waiting.pop()
        if name not in graph:
            graph[name] = netui_imports(name)
            waiting += graph[name]
    return graph


def a_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as [a, b, ..., a], or [] when there is none."""
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> list[str]:
        if name in path:
            return path[path.index(name):] + [name]
        if name in done:
            return []
        path.append(name)
        for following in sorted(graph[name]):
            if cycle := visit(following):
                return cycle
        path.pop()
        done.add(name)
        return []

    for start in sorted(graph):
        if cycle := visit(start):
            return cycle
    return []


def test_the_cycle_finder_finds_cycles():
    assert a_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert a_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    source = "def read():\n    from netui.exchange import importing\n    from .text import line_where\n"
    assert netui_imports("netui.exchange.formats.vcard", source) == {
        "netui.exchange", "netui.exchange.importing", "netui.exchange.formats", "netui.exchange.formats.text"}


def test_no_import_cycle_reachable_from_the_exchange_package():
    modules = exchange_modules()
    assert {"netui.exchange.importing", "netui.exchange.formats.vcard"} <= set(modules)
    assert a_cycle(graph_from(modules)) == []


def test_records_and_readers_sit_below_the_importer():
    assert module_file("netui.exchange.records") is not None
    below_records = graph_from(["netui.exchange.records"])
    assert not [name for name in below_records if name.startswith(("netui.exchange.importing",
                                                                   "netui.exchange.formats"))]
    graph = graph_from(exchange_modules())
    readers = [name for name in graph if name.startswith("netui.exchange.formats.")]
    assert len(readers) >= 6
    assert [name for name in readers if "netui.exchange.importing" in graph[name]] == []
