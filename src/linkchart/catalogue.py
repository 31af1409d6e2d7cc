"""The relation-type catalogue (catalogue.yaml): what each relation type joins, whether
it has a direction, its label, its FollowTheMoney link and its colour."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linkchart.wordlists import read_yaml

CATALOGUE = Path(__file__).resolve().parent / "catalogue.yaml"


@dataclass(frozen=True)
class RelationType:
    name: str
    label: str
    directed: bool
    source_types: frozenset[str]
    target_types: frozenset[str]
    colour: str
    ftm: dict[str, str] | None = None

    def public(self) -> dict[str, Any]:
        """Its JSON form for the API and the UI."""
        return {"type": self.name, "label": self.label, "directed": self.directed,
                "source_types": sorted(self.source_types),
                "target_types": sorted(self.target_types), "colour": self.colour}


def _expand(names: list[str], groups: dict[str, list[str]]) -> frozenset[str]:
    """Entity types, with group names replaced by their members (groups may nest)."""
    found: set[str] = set()
    for name in names:
        found |= _expand(groups[name], groups) if name in groups else {name}
    return frozenset(found)


def read_catalogue(path: Path = CATALOGUE) -> dict[str, RelationType]:
    data = read_yaml(path.read_text(encoding="utf-8"))
    groups = data["entity_groups"]
    return {name: RelationType(
        name=name, label=entry["label"], directed=entry["directed"],
        source_types=_expand(entry["source"], groups),
        target_types=_expand(entry["target"], groups),
        colour=entry["colour"], ftm=entry.get("ftm"))
        for name, entry in data["relations"].items()}


RELATIONS = read_catalogue()
