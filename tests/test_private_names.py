"""No module reaches into another's private names: what two modules share is public
(`from linkchart.x import _y` and `x._y` on an imported linkchart module both fail)."""

import ast
from pathlib import Path

import linkchart

PACKAGE = Path(linkchart.__file__).resolve().parent


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    found, modules = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("linkchart"):
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"{where}:{node.lineno}: from {node.module} import {alias.name}")
                modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            modules |= {a.asname or a.name.split(".")[0] for a in node.names
                        if a.name.startswith("linkchart")}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                node.value.id in modules and _private(node.attr):
            found.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_module_uses_another_modules_private_names():
    found = [use for path in sorted(PACKAGE.rglob("*.py"))
             for use in private_uses(path.read_text(encoding="utf-8"),
                                     str(path.relative_to(PACKAGE)))]
    assert found == []


def test_a_private_use_is_reported():
    source = ("from linkchart.store import identity\n"
              "from linkchart.store.graph import _select\n"
              "identity._num('E1')\n")
    assert private_uses(source, "m.py") == [
        "m.py:2: from linkchart.store.graph import _select", "m.py:3: identity._num"]
