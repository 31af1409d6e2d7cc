"""The extraction lexicons and patterns: YAML files in patterns/, one per layer."""

from __future__ import annotations

from pathlib import Path

from linkchart.nlp.lexicon import load_yaml

PATTERNS = Path(__file__).resolve().parent / "patterns"


def lexicon(name: str) -> dict:
    return load_yaml(PATTERNS / f"{name}.yaml")
