"""The analyses' cue lists (data/cues.yaml), compiled once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from linkchart.wordlists import load_yaml

CUES = Path(__file__).resolve().parent / "data" / "cues.yaml"


@cache
def cues() -> dict[str, Any]:
    return load_yaml(CUES)


@cache
def pattern(section: str, name: str) -> re.Pattern[str]:
    """One cue list as a regular expression: any entry, on word boundaries."""
    entries = sorted(cues()[section][name], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(entries) + r")(?![\w-])", re.IGNORECASE)


def setting(section: str, name: str) -> Any:
    return cues()[section][name]


def plain_words(section: str, name: str) -> list[str]:
    """The literal leading words of a cue list: what a document must contain for one of
    its entries to match (for a cheap first cut in SQL)."""
    found = set()
    for entry in cues()[section][name]:
        word = re.match(r"[A-Za-z]+", re.sub(r"^\(\?<!\w+ \)", "", entry))
        if word and len(word.group(0)) >= 3:
            found.add(word.group(0).lower())
    return sorted(found)
