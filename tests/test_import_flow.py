"""The import graph follows the flow: ingest -> nlp -> extract -> resolve -> store ->
analyze / export / server / cli. A package imports only its own layer's packages or
lower ones, and no two packages import each other, directly or round a longer cycle.
Read with `ast` from the sources, so an import inside a function counts too."""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "linkchart"

LAYERS: list[tuple[str, ...]] = [
    # the shapes every stage shares, and the settings
    ("__init__", "wordlists", "catalogue", "model", "config"),
    ("ingest",),
    ("nlp",),
    ("extract",),
    # documents through nlp and extract, in batches, over processes or Dask
    ("pipeline", "distributed", "jobs"),
    # entity names and the keys they are filed under: shared by resolve and store
    ("names",),
    ("resolve",),
    ("store",),
    ("analyze",),
    ("export",),
    # over the store: measuring quality and speed, and serving the chart
    ("evaluate", "server"),
    ("cli", "__main__"),
]
LAYER_OF = {unit: level for level, units in enumerate(LAYERS) for unit in units}

DEFERRED = {
    # the modules that import linkchart modules inside functions, and why it pays
    "linkchart.cli": "`linkchart --help` imports no spaCy, SQLAlchemy or FastAPI",
    "linkchart.cli.common": "`linkchart --help` imports no spaCy, SQLAlchemy or FastAPI",
    "linkchart.cli.analyze": "a command's --help imports no store or analyses",
    "linkchart.cli.measure": "a command's --help imports no spaCy",
    "linkchart.cli.review": "a command's --help imports no store",
    "linkchart.cli.serve": "a command's --help imports no FastAPI",
    "linkchart.model": "the relation catalogue is YAML: --help parses none",
    "linkchart.nlp": "`packs list` reads the packs without the pipeline loader's spaCy",
    "linkchart.store": "the listing commands read through store.light, without SQLAlchemy",
    "linkchart.names.keys": "the bundled packs' loader lives in nlp, which imports spaCy",
    "linkchart.distributed": "workers load spaCy, the parent process does not",
    "linkchart.evaluate.runner": "scoring alone (the scorer's tests) loads no spaCy",
    "linkchart.evaluate.speed": "reading a corpus (scripts, resolve-timing) loads no spaCy",
    "linkchart.evaluate.benchmarks": "each benchmark adapter is imported by name when run",
    "linkchart.export": "the format table (--help) imports no store or analysis layer",
    "linkchart.ingest.feeds": "the HTTP client only when a feed is read",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _unit(module: str) -> str:
    """The top-level package or module of `linkchart.x.y`: "x" ("__init__" for linkchart)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _is_unit(name: str) -> bool:
    return (PACKAGE / f"{name}.py").exists() or (PACKAGE / name / "__init__.py").exists()


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")[: len(module.split(".")) + is_package - node.level]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        if target == "linkchart":  # `from linkchart import x`: x may be a module
            return [f"linkchart.{alias.name}" if _is_unit(alias.name) else target
                    for alias in node.names]
        return [target]
    return []


@lru_cache(maxsize=1)
def _modules() -> tuple[tuple[Path, str, ast.Module], ...]:
    return tuple((path, _module_name(path), ast.parse(path.read_text(encoding="utf-8")))
                 for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts)


@lru_cache(maxsize=1)
def import_edges() -> list[tuple[str, str, str]]:
    """(importing module, imported linkchart module, "file:line") for every import."""
    edges = []
    for path, module, tree in _modules():
        for node in ast.walk(tree):
            for target in _imported(node, module, path.name == "__init__.py"):
                if target == "linkchart" or target.startswith("linkchart."):
                    where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                    edges.append((module, target, where))
    return edges


def modules_importing_inside_functions() -> set[str]:
    found = set()
    for path, module, tree in _modules():
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    targets = _imported(node, module, path.name == "__init__.py")
                    if any(t.startswith("linkchart") for t in targets):
                        found.add(module)
    return found


def units_with_code() -> set[str]:
    found = set()
    for path in PACKAGE.iterdir():
        if path.suffix == ".py" or (path / "__init__.py").exists():
            found.add(path.stem if path.suffix == ".py" else path.name)
    return found


def against_the_flow(edges) -> list[str]:
    wrong = []
    for source, target, where in edges:
        a, b = _unit(source), _unit(target)
        if a != b and LAYER_OF[a] < LAYER_OF[b]:
            wrong.append(f"{where}: {source} imports {target} ({a} is below {b})")
    return wrong


def cycles(edges) -> list[list[str]]:
    """Every strongly connected group of more than one unit (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target, _ in edges:
        a, b = _unit(source), _unit(target)
        if a != b:
            graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_package_has_a_layer():
    assert sorted(units_with_code() - set(LAYER_OF)) == []


def test_no_import_goes_against_the_flow():
    assert against_the_flow(import_edges()) == []


def test_no_packages_import_each_other():
    assert cycles(import_edges()) == []


def test_imports_wait_inside_functions_only_where_that_pays():
    assert sorted(modules_importing_inside_functions() - set(DEFERRED)) == []


def test_store_gets_its_resolver_from_the_caller():
    store_imports = [(s, t, w) for s, t, w in import_edges()
                     if _unit(s) == "store" and _unit(t) == "resolve"]
    assert store_imports == []


# The checks themselves, on small graphs, so that they can be seen to fail.

def test_an_import_against_the_flow_is_reported():
    edges = [("linkchart.store.writer", "linkchart.resolve", "store/writer.py:1"),
             ("linkchart.resolve", "linkchart.store.lookup", "resolve/__init__.py:9")]
    assert against_the_flow(edges) == [
        "resolve/__init__.py:9: linkchart.resolve imports linkchart.store.lookup "
        "(resolve is below store)"]


def test_a_cycle_round_three_packages_is_reported():
    edges = [("linkchart.export.a", "linkchart.server.b", ""),
             ("linkchart.server.b", "linkchart.evaluate.c", ""),
             ("linkchart.evaluate.c", "linkchart.export.d", ""),
             ("linkchart.cli", "linkchart.export", "")]
    assert cycles(edges) == [["evaluate", "export", "server"]]


@pytest.mark.parametrize("module, level, is_package, expected", [
    ("linkchart.store.writer", 1, False, "linkchart.store.schema"),
    ("linkchart.store", 1, True, "linkchart.store.schema"),
    ("linkchart.store.writer", 2, False, "linkchart.schema"),
])
def test_relative_imports_are_resolved(module, level, is_package, expected):
    node = ast.ImportFrom(module="schema", names=[ast.alias("x")], level=level)
    assert _imported(node, module, is_package) == [expected]
