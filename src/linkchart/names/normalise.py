"""Name normalisation shared by the resolver, the store, the exports and the scorer.

`name_key` is the blocking key: casefolded, accents stripped, apostrophes and dots
dropped, hyphens and other punctuation made spaces, a leading "the" and "al" dropped,
spaces collapsed. "Kata'ib Hezbollah", "Kataib-Hezbollah" and "the Kataib Hezbollah"
share one key; so do "al-Qaeda" and "Qaeda", "U.S." and "US".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from linkchart.wordlists import load_yaml
from anyascii import anyascii

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


# ---------------------------------------------------------------- cross-document matching
#
# `name_key` above is exact. The helpers below make the looser forms the resolver
# compares across documents: titles stripped from persons' names, Arabic articles
# dropped, and a consonant *skeleton* that folds the usual transliteration variants of
# Arabic, Persian, Pashto, Russian and Spanish names onto one string (Qassem / Qasem /
# Kassem; Soleimani / Suleimani; Kataeb / Kataib / Kata'ib; Hezbollah / Hizballah;
# Sergey / Sergei). The skeleton is a blocking key and one signal of the score, never a
# verdict on its own.

DATA = Path(__file__).resolve().parent / "data" / "names.yaml"
VOWELS = frozenset("aeiouy")
WORD = re.compile(r"[^\W_]+")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
# Ordered digraph folds: what several transliteration schemes write differently.
FOLDS = (("x", "ks"), ("tch", "$"), ("sch", "$"), ("sh", "$"), ("ch", "$"), ("zh", "j"),
         ("dj", "j"), ("kh", "k"), ("gh", "k"), ("ph", "f"), ("dh", "z"), ("th", "t"),
         ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("c", "k"),
         ("w", "v"))


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    data = load_yaml(DATA)
    titles = sorted((t.split() for t in data["person_titles"]), key=len, reverse=True)
    return {
        "titles": [tuple(t) for t in titles],
        "generic": frozenset(data["generic_words"]),
        "prefixes": re.compile(r"^(?:%s)[-\u2010\u2011](?=\w)" % "|".join(
            sorted(data["article_prefixes"], key=len, reverse=True))),
        "particles": frozenset(data["particles"]),
        "acronym_skip": frozenset(data["acronym_skip"]),
    }


def ascii_fold(text: str) -> str:
    """Transliterated to ASCII, case folded, apostrophes and ayn marks dropped."""
    return DROPPED.sub("", anyascii(text).casefold())


@functools.lru_cache(maxsize=200_000)
def name_tokens(name: str, person: bool = False) -> tuple[str, ...]:
    """The words that carry a name: ASCII, folded, hyphen-joined Arabic articles and
    standalone particles dropped, a leading "the" dropped, and for persons leading
    titles and honorifics ("Gen.", "Sheikh", "President") dropped."""
    data = _data()
    words = []
    for raw in anyascii(name).split():
        raw = DROPPED.sub("", raw.casefold())
        raw = data["prefixes"].sub("", raw)
        words += WORD.findall(raw)
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if person:
        stripped = True
        while stripped and len(words) > 1:
            stripped = False
            for title in data["titles"]:
                if len(words) > len(title) and tuple(words[:len(title)]) == title:
                    words = words[len(title):]
                    stripped = True
                    break
    kept = [w for w in words if w not in data["particles"]]
    return tuple(kept or words)


@functools.lru_cache(maxsize=200_000)
def token_skeleton(token: str) -> str:
    """A token's consonant skeleton: digraphs folded, vowels after the first letter
    dropped (a leading vowel becomes "a"), a final "h" dropped, doubles collapsed."""
    word = token
    for old, new in FOLDS:
        word = word.replace(old, new)
    if not word:
        return ""
    if len(word) > 2 and word.endswith("h"):
        word = word[:-1]
    head = "a" if word[0] in VOWELS else word[0]
    body = [c for c in word[1:] if c not in VOWELS]
    out = [head]
    for c in body:
        if c != out[-1]:
            out.append(c)
    return "".join(out)


def skeleton(name: str, person: bool = False) -> str:
    return " ".join(token_skeleton(t) for t in name_tokens(name, person))


def is_acronym(form: str) -> bool:
    """"KH", "AQAP", "IRGC", "U.S." (dots ignored): an upper-case abbreviation."""
    return bool(ACRONYM.match(form.replace(".", "").replace("-", "")))


def initials(name: str) -> str:
    """The letters an acronym of `name` would have: "Kataib Hezbollah" -> "kh",
    "al-Qaeda in the Arabian Peninsula" -> "aqap" (connectives skipped, but an Arabic
    article joined by a hyphen keeps its letter, as in AQAP)."""
    skip = _data()["acronym_skip"]
    letters = []
    for raw in anyascii(name).split():
        raw = DROPPED.sub("", raw)
        parts = [p for p in re.split(r"[-\u2010\u2011]", raw) if p]
        for i, part in enumerate(parts):
            word = WORD.findall(part)
            if not word:
                continue
            text = word[0]
            if text.casefold() in skip and not (i == 0 and len(parts) > 1):
                continue
            letters.append(text[0].casefold())
    return "".join(letters)


def is_descriptor(form: str, person: bool = False) -> bool:
    """A form that is not a proper name: no capital letter ("the general", "army"), or
    made only of generic words ("Iraqi army" keeps "iraqi"; "the Army" does not)."""
    if not any(c.isupper() for c in form):
        return True
    words = name_tokens(form, person)
    if not words:
        return True
    generic = _data()["generic"]
    return all(w in generic for w in words)
