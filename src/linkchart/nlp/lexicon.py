"""Load the YAML word lists that steer typing and extraction."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

NLP_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def typing_lexicon() -> dict:
    return load_yaml(NLP_DATA / "typing.yaml")


def words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)
