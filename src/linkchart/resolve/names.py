"""Name normalisation shared by the resolver and the evaluation scorer.

`name_key` is the blocking key: casefolded, accents stripped, apostrophes and dots
dropped, hyphens and other punctuation made spaces, a leading "the" and "al" dropped,
spaces collapsed. "Kata'ib Hezbollah", "Kataib-Hezbollah" and "the Kataib Hezbollah"
share one key; so do "al-Qaeda" and "Qaeda", "U.S." and "US".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

DROPPED = re.compile(r"['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4.]")
SEPARATORS = re.compile(r"[\W_]+")
LEADING = ("the", "al")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    text = DROPPED.sub("", strip_accents(name).casefold())
    words = SEPARATORS.sub(" ", text).split()
    for article in LEADING:
        if len(words) > 1 and words[0] == article:
            words = words[1:]
    return " ".join(words)


def name_keys(names: Iterable[str]) -> list[str]:
    """The distinct non-empty keys of several names, in order."""
    keys: dict[str, None] = {}
    for name in names:
        key = name_key(name)
        if key:
            keys[key] = None
    return list(keys)
