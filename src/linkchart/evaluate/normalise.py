"""The scorer's own name normalisation, exactly as docs/evaluation.md defines it.

Kept apart from `linkchart.resolve` on purpose: the yardstick must not move when the
resolver's normalisation is tuned.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u02bb\u02bf\u02be\u0060\u00b4\u2032"
"""' ‘ ’ ‛ ʼ ʻ ʿ ʾ ` ´ ′: removed."""
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""- ‐ ‑ ‒ – — ― −: become a space."""

_APOSTROPHE_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_HYPHEN_RE = re.compile(f"[{re.escape(HYPHENS)}]")
_LEADING_RE = re.compile(r"^(?:the\s+)?(?:al\s+)?")
_WORD_RE = re.compile(r"\w+")


def normalise_name(name: str) -> str:
    """Case, accents, apostrophes, hyphens and a leading "the"/"al-" folded away.

    >>> normalise_name("the Islamic State")
    'islamic state'
    >>> normalise_name("Al-Shabaab") == normalise_name("al Shabaab") == normalise_name("Shabaab")
    True
    >>> normalise_name("Qur’an") == normalise_name("Qur'an") == normalise_name("Quran")
    True
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = _APOSTROPHE_RE.sub("", text)
    text = _HYPHEN_RE.sub(" ", text)
    text = " ".join(text.split())
    return _LEADING_RE.sub("", text, count=1).strip()


def name_keys(entity: dict) -> set[str]:
    """The normalised forms of an entity's name and aliases (empty forms dropped)."""
    forms = [entity.get("name") or "", *(entity.get("aliases") or [])]
    return {key for key in (normalise_name(f) for f in forms) if key}


def words(text: str) -> list[str]:
    """Lower-cased word tokens, accents folded, for content overlap."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _WORD_RE.findall(_APOSTROPHE_RE.sub("", text))
