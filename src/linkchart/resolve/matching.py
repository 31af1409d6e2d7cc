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

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler

from linkchart.model import ORGANISATION_TYPES
from linkchart.resolve.names import (initials, is_acronym, is_descriptor, name_key,
                                     name_tokens, token_skeleton)

PLACE_TYPES = frozenset({"country", "location"})

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


def kind(entity_type: str) -> str:
    if entity_type == "person":
        return "person"
    if entity_type in PLACE_TYPES:
        return "place"
    if entity_type in ORGANISATION_TYPES:
        return "organisation"
    return entity_type


@dataclass(frozen=True)
class Form:
    text: str
    key: str
    tokens: tuple[str, ...]
    skeleton: tuple[str, ...]
    descriptor: bool
    acronym: bool


@functools.lru_cache(maxsize=200_000)
def form(text: str, person: bool) -> Form:
    tokens = name_tokens(text, person)
    return Form(text=text, key=name_key(text), tokens=tokens,
                skeleton=tuple(token_skeleton(t) for t in tokens),
                descriptor=is_descriptor(text, person), acronym=is_acronym(text))


class PackIndex:
    """Pack surface forms by normalised key -> (canonical name, type); a key that two
    actors share is ambiguous and dropped."""

    def __init__(self, actors: Iterable = ()):
        found: dict[str, tuple[str, str] | None] = {}
        for actor in actors:
            for surface in actor.surface_forms():
                key = name_key(surface)
                if not key:
                    continue
                value = (actor.name, actor.type)
                if key in found and found[key] not in (None, value):
                    found[key] = None
                else:
                    found.setdefault(key, value)
        self.by_key = {k: v for k, v in found.items() if v is not None}

    @classmethod
    def bundled(cls) -> "PackIndex":
        return _bundled_index()

    def actor(self, text: str, entity_type: str) -> str | None:
        """The pack actor a form names, when its kind fits the entity's."""
        found = self.by_key.get(name_key(text))
        if found and kind(found[1]) == kind(entity_type) and (
                kind(entity_type) != "place" or found[1] == entity_type):
            # a city is not its country, though the pack lists the capital's name
            return found[0]
        return None

    def actor_of(self, name: str, aliases: Iterable[str], entity_type: str) -> str | None:
        """The entity's pack actor: its name's, else the one all its aliases agree on."""
        own = self.actor(name, entity_type)
        if own:
            return own
        found = {a for a in (self.actor(x, entity_type) for x in aliases) if a}
        return next(iter(found)) if len(found) == 1 else None


@functools.lru_cache(maxsize=1)
def _bundled_index() -> PackIndex:
    from linkchart.config import Config
    from linkchart.nlp.packs import load_packs

    config = Config.from_env()
    try:
        packs = load_packs(config.packs, bundled=config.bundled_packs)
    except Exception:  # a broken extra pack must not stop resolution: bundled only
        packs = load_packs()
    return PackIndex(a for p in packs for a in p.actors)


@dataclass
class Profile:
    """What the resolver knows of an entity, local or global."""
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    pack: str | None = None

    @property
    def kind(self) -> str:
        return kind(self.type)

    def forms(self) -> list[Form]:
        person = self.type == "person"
        seen, found = set(), []
        for text in [self.name, *self.aliases]:
            if text and text not in seen:
                seen.add(text)
                found.append(form(text, person))
        return found

    def short_forms(self) -> set[str]:
        """Aliases of one word that another of the entity's names contains ("Hamed" of
        "Nura al-Hamed", "Washington" of "Washington Times"): fine inside the article
        that used them, ambiguous across articles."""
        forms = self.forms()
        longer = [set(f.tokens) for f in forms if len(f.tokens) > 1]
        return {f.text for f in forms[1:]
                if len(f.tokens) == 1 and any(f.tokens[0] in words for words in longer)}


def blocking_keys(profile: Profile) -> list[str]:
    """The keys under which a profile is filed and looked up.

    Plain `name_key`s (exact, every form, as v1 and the search use them); and, for proper
    names only: "x:" consonant skeletons, "k:" the pack actor, "s:" a person's last
    name's skeleton, "i:" the initials of a multi-word name or an acronym's letters."""
    keys: dict[str, None] = {}
    person = profile.type == "person"
    if profile.pack:
        keys[f"k:{profile.pack.casefold()}"] = None
    for f in profile.forms():
        if f.key:
            keys[f.key] = None
        if f.descriptor or not f.skeleton:
            continue
        keys["x:" + " ".join(f.skeleton)] = None
        if person:
            keys["s:" + f.skeleton[-1]] = None
        elif f.acronym:
            keys["i:" + f.key.replace(" ", "")] = None
        elif len(f.tokens) > 1:
            letters = initials(f.text)
            if len(letters) > 1:
                keys["i:" + letters] = None
    return list(keys)


def lookup_keys(profile: Profile) -> list[str]:
    """The keys to look candidates up under: `blocking_keys` less the plain keys of
    descriptors and one-word short forms, which are filed (search finds them) but
    would pull in every entity that ever was "the president" or "Washington", and
    less the initials of names that are not acronyms."""
    person = profile.type == "person"
    weak = {f.key for f in profile.forms() if f.descriptor}
    weak |= {form(t, person).key for t in profile.short_forms()}
    weak -= {f.key for f in profile.forms() if not f.descriptor and f.text not in
             profile.short_forms()}
    # initials are looked up from acronyms only (an acronym looks for its expansions):
    # two- and three-letter initials of ordinary names collide all the time
    acronyms = {"i:" + f.key.replace(" ", "") for f in profile.forms() if f.acronym}
    return [k for k in blocking_keys(profile)
            if k not in weak and (not k.startswith("i:") or k in acronyms)]


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


def keys_for(name: str, aliases: Iterable[str], entity_type: str,
             packs: PackIndex | None = None) -> list[str]:
    """The keys a global entity is filed under in the store (`entity_keys`)."""
    packs = packs or PackIndex.bundled()
    aliases = list(aliases)
    profile = Profile("", name, entity_type, aliases,
                      packs.actor_of(name, aliases, entity_type))
    return blocking_keys(profile)
