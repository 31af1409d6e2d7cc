"""docs/design.md's package map has one line for every module, and none for a module
that is gone."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "linkchart"


def modules() -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
            if "versions" not in p.relative_to(PACKAGE).parts}


def mapped() -> list[str]:
    text = (ROOT / "docs" / "design.md").read_text("utf-8")
    section = text.split("## Package map", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- `([\w/]+\.py)`: \S", section, re.M)


def test_every_module_has_one_line():
    lines = mapped()
    assert sorted(modules() - set(lines)) == []
    assert sorted(set(lines) - modules()) == []
    assert len(lines) == len(set(lines))
