"""The extraction lexicons and patterns: YAML files in patterns/, one per layer."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from linkchart.wordlists import load_yaml

PATTERNS = Path(__file__).resolve().parent / "patterns"


@lru_cache(maxsize=None)  # called per token by some rules: skip building the path
def lexicon(name: str) -> dict:
    return load_yaml(PATTERNS / f"{name}.yaml")
