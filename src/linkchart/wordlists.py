"""The one loader for the project's YAML data: word lists, patterns, packs, the
catalogue, export rules. Below every stage, so any of them may read its data with it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster
_BOOL = "tag:yaml.org,2002:bool"


class WordLoader(_BASE_LOADER):
    """YAML 1.1 reads on, off, yes, no, y and n as booleans; in a word list they are
    words ("attacks on X"). Only true and false stay booleans."""


WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()}
WordLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))


def read_yaml(text: str):
    return yaml.load(text, Loader=WordLoader)


@lru_cache(maxsize=None)
def load_yaml(path: Path) -> dict:
    return read_yaml(Path(path).read_text(encoding="utf-8"))


def words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)
