"""Comparing a local entity with a global one: blocking keys and a score.

A score is built from three signals (docs/review.md explains them for analysts):

- **names**: the best pair of proper-name forms (descriptors such as "the army" never
  count across documents): exact after normalisation; equal after titles and Arabic
  articles are stripped; equal consonant skeletons (transliteration variants); every
  word aligned with a close variant; one person name a part of the other ("Soleimani"
  in "Qassem Soleimani"); an acronym against a name with those initials;
- **knowledge packs**: a form that is a pack surface form carries its pack actor; two
  forms of one pack actor are the strongest evidence, two different pack actors a veto
  ("Hezbollah" is not "Kataib Hezbollah"; "al-Qaeda" is not AQAP);
- **type**: person, organisation and place are coarse kinds that never match each other;
  within organisations a different subtype costs a little, as does country vs location;
- **context** (added by the resolver): actors co-mentioned with both.

Keys ("blocking") decide which global entities are compared at all, so the cost grows
with the number of local entities, not with pairs of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from linkchart.names.keys import Form, Profile, form
from linkchart.names.normalise import initials

# Name similarity levels (see the module docstring).
EXACT = 1.0
STRIPPED = 0.97
SKELETON = 0.93
ALIGNED = 0.88
PARTIAL_FULL = 0.8
PARTIAL_SURNAME = 0.75
ACRONYM = 0.62
SAME_ACRONYM = 0.86
PACK = 0.99
ALIAS_FACTOR = 0.98
SHORT_PERSON = PARTIAL_SURNAME
SHORT_OTHER = 0.4
SHORT_BOTH = 0.55
CAPITAL_ALIAS = 0.6
FULL_NAMES_DISAGREE = 0.5
SUBTYPE_PENALTY = 0.03
PLACE_PENALTY = 0.08


@dataclass
class Match:
    score: float
    reasons: list[str]
    partial: bool = False
    """True when the names only partly agree (a surname, an acronym): never enough to
    join two local entities of one document."""


def _token_similarity(a: str, b: str, sa: str, sb: str) -> float:
    if a == b:
        return 1.0
    if sa == sb and len(sa) > 1:
        similar = JaroWinkler.similarity(a, b)
        return 0.95 if similar >= 0.75 else 0.0
    similar = JaroWinkler.similarity(a, b)
    return similar if similar >= 0.9 and min(len(a), len(b)) >= 5 else 0.0


def _align(short: Form, long: Form) -> list[float] | None:
    """Best one-to-one alignment of the shorter name's words into the longer's (greedy),
    or None when some word has no counterpart."""
    used: set[int] = set()
    sims = []
    for i, word in enumerate(short.tokens):
        best, best_j = 0.0, -1
        for j, other in enumerate(long.tokens):
            if j in used:
                continue
            s = _token_similarity(word, other, short.skeleton[i], long.skeleton[j])
            if s > best:
                best, best_j = s, j
        if best_j < 0:
            return None
        used.add(best_j)
        sims.append(best)
    return sims


def form_similarity(a: Form, b: Form, person: bool) -> tuple[float, str, bool]:
    """(similarity, reason, partial) of two proper-name forms."""
    if a.key and a.key == b.key:
        if a.acronym and b.acronym:
            # "IS" and "IS" are likely one actor, "PA" and "PA" may not be: an
            # acronym alone needs context (or a pack) to merge.
            return SAME_ACRONYM, "same acronym", True
        return EXACT, "same name", False
    if a.tokens and a.tokens == b.tokens:
        return STRIPPED, "same name without titles/articles", False
    if a.acronym != b.acronym:
        acro, full = (a, b) if a.acronym else (b, a)
        if len(full.tokens) > 1 and acro.key.replace(" ", "") == initials(full.text):
            return ACRONYM, "acronym of the name", True
        return 0.0, "", False
    if not a.tokens or not b.tokens:
        return 0.0, "", False
    if len(a.tokens) == len(b.tokens):
        if a.skeleton == b.skeleton and sum(len(s) for s in a.skeleton) >= 2:
            # a short skeleton ("kd" of Qaeda / Qaida) needs the spellings closer
            needed = 0.75 if sum(len(s) for s in a.skeleton) >= 4 else 0.85
            if JaroWinkler.similarity(" ".join(a.tokens), " ".join(b.tokens)) >= needed:
                return SKELETON, "transliteration variant", False
        sims = _align(a, b)
        if sims and min(sims) > 0:
            return ALIGNED + 0.08 * (sum(sims) / len(sims) - 0.9), "close spelling", False
        return 0.0, "", False
    short, long = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
    sims = _align(short, long)
    if not sims or min(sims) <= 0:
        return 0.0, "", False
    if not person:
        # "Hezbollah" in "Kataib Hezbollah", "al-Qaeda" in "al-Qaeda in Yemen": for
        # organisations and places a part of a name is another actor more often than not.
        return 0.4, "part of the name", True
    # a family name: any word but the first (Spanish names carry two: "Guzmán Loera")
    has_family = any(_token_similarity(w, other, s, so) > 0
                     for w, s in zip(short.tokens, short.skeleton)
                     for other, so in zip(long.tokens[1:], long.skeleton[1:]))
    if not has_family:
        return 0.5, "first names only", True
    exactness = min(sims)
    if len(short.tokens) > 1:
        return PARTIAL_FULL * exactness, "part of the full name", True
    return PARTIAL_SURNAME * exactness, "surname only", True


def compare(local: Profile, other: Profile) -> Match:
    """How likely two profiles name one actor, before context."""
    if local.kind != other.kind:
        return Match(0.0, ["different kinds"])
    if local.pack and other.pack and local.pack != other.pack:
        return Match(0.0, [f"different pack actors ({local.pack} / {other.pack})"])
    person = local.kind == "person"
    best, reason, partial, by_names = 0.0, "", False, False
    mine = [f for f in local.forms() if not f.descriptor]
    theirs = [f for f in other.forms() if not f.descriptor]
    my_short, their_short = local.short_forms(), other.short_forms()
    for a in mine:
        for b in theirs:
            score, why, part = form_similarity(a, b, person)
            names = a.text == local.name and b.text == other.name
            if not names:
                score *= ALIAS_FACTOR
                why += " (alias)"
            shorts = (a.text in my_short) + (b.text in their_short)
            if shorts and score > 0:
                # a one-word short form: a surname at best, never enough on its own;
                # two of them ("Hamed" / "Hamdi") are not evidence at all
                cap = (SHORT_PERSON if person else SHORT_OTHER) if shorts == 1 else SHORT_BOTH
                score, part, why = min(score, cap), True, why + " (short form)"
            if score > best or (score == best and partial and not part):
                best, reason, partial, by_names = score, why, part, names
    if person and partial and best > FULL_NAMES_DISAGREE:
        # two full names that do not match ("Nura al-Hamed", "Mongi Hamdi") are two
        # people, whatever their short forms share
        mine_full, theirs_full = form(local.name, True), form(other.name, True)
        if (len(mine_full.tokens) > 1 and len(theirs_full.tokens) > 1
                and form_similarity(mine_full, theirs_full, True)[0] == 0):
            best = FULL_NAMES_DISAGREE
            reason += " (the full names differ)"
    reasons = [reason] if reason else []
    if local.pack and local.pack == other.pack:
        best, partial = max(best, PACK), False
        reasons = [f"same pack actor ({local.pack})"]
    if best <= 0:
        return Match(0.0, reasons or ["no name in common"])
    if local.type != other.type:
        if local.kind == "place":
            best -= PLACE_PENALTY
            reasons.append(f"{local.type} vs {other.type}")
            if not by_names and not reasons[0].startswith("same pack"):
                # "Baghdad" the city against Iraq, whose alias it is as its government
                best, partial = min(best, CAPITAL_ALIAS), True
        elif "organization" not in (local.type, other.type):
            best -= SUBTYPE_PENALTY
            reasons.append(f"{local.type} vs {other.type}")
    return Match(round(best, 4), reasons, partial)

