"""The nlp stage's word lists (data/*.yaml)."""

from __future__ import annotations

from pathlib import Path

from linkchart.wordlists import load_yaml

NLP_DATA = Path(__file__).resolve().parent / "data"


def typing_lexicon() -> dict:
    return load_yaml(NLP_DATA / "typing.yaml")
