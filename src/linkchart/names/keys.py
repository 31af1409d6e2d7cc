"""How an entity is filed: its name forms and the blocking keys the store keeps for it.

Shared by the resolver (which looks candidates up under these keys and scores them,
`linkchart.resolve.matching`) and the store (which files every global entity under
them, `entity_keys`), so neither needs the other. `keys_for` is what the store calls.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from linkchart.config import Config
from linkchart.model import ORGANISATION_TYPES
from linkchart.names.normalise import (initials, is_acronym, is_descriptor, name_key,
                                       name_tokens, token_skeleton)

PLACE_TYPES = frozenset({"country", "location"})


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
    from linkchart.nlp.packs import load_packs  # deferred: the nlp package imports spaCy

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


def keys_for(name: str, aliases: Iterable[str], entity_type: str,
             packs: PackIndex | None = None) -> list[str]:
    """The keys a global entity is filed under in the store (`entity_keys`)."""
    packs = packs or PackIndex.bundled()
    aliases = list(aliases)
    profile = Profile("", name, entity_type, aliases,
                      packs.actor_of(name, aliases, entity_type))
    return blocking_keys(profile)
