"""Knowledge packs: YAML files of curated actors, their types, aliases and ties.

A pack file holds `pack`, `description`, `source` and a list of `actors`, each with
`name`, `type` (FORMAT.md's twelve) and optional `aliases`, `country`, `parent`,
`patron`, `affiliation`, `role`, and for countries `capital` and `demonyms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from linkchart.model import ENTITY_TYPES
from linkchart.wordlists import read_yaml

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "packs"
KNOWN_KEYS = {"name", "type", "aliases", "country", "parent", "patron", "affiliation",
              "role", "capital", "demonyms", "description"}


class PackError(ValueError):
    """A pack file that cannot be used, with the file and the reason."""


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    pack: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    parent: str | None = None
    patron: str | None = None
    affiliation: str | None = None
    capital: str | None = None
    demonyms: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.pack}:{self.name}"

    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Pack:
    name: str
    path: Path
    description: str = ""
    source: str = ""
    actors: list[Actor] = field(default_factory=list)


def pack_files(extra: list[Path] | None = None, bundled: bool = True) -> list[Path]:
    files = sorted(BUNDLED_DIR.glob("*.yaml")) if bundled else []
    for path in extra or []:
        path = Path(path)
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return files


def load_pack(path: Path) -> Pack:
    try:
        data = read_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError(f"{path}: cannot read pack: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise PackError(f"{path}: a pack is a mapping with a list under 'actors'")
    name = str(data.get("pack") or Path(path).stem)
    pack = Pack(name=name, path=Path(path), description=data.get("description", ""),
                source=data.get("source", ""))
    for index, item in enumerate(data["actors"], 1):
        pack.actors.append(_actor(item, name, f"{path}: actor {index}"))
    return pack


def _actor(item: object, pack: str, where: str) -> Actor:
    if not isinstance(item, dict) or not item.get("name"):
        raise PackError(f"{where}: needs a 'name'")
    if item.get("type") not in ENTITY_TYPES:
        raise PackError(f"{where} ({item['name']}): type {item.get('type')!r} is not one of "
                        f"{', '.join(ENTITY_TYPES)}")
    unknown = set(item) - KNOWN_KEYS
    if unknown:
        raise PackError(f"{where} ({item['name']}): unknown keys {sorted(unknown)}")
    return Actor(name=str(item["name"]), type=item["type"], pack=pack,
                 aliases=tuple(str(a) for a in item.get("aliases") or ()),
                 country=item.get("country"), parent=item.get("parent"),
                 patron=item.get("patron"), affiliation=item.get("affiliation"),
                 capital=item.get("capital"),
                 demonyms=tuple(str(d) for d in item.get("demonyms") or ()))


POSSESSIVE = re.compile(r"^(.+?)(?:'s|’s|’|') (.+)$")


def validate(packs: list[Pack]) -> list[str]:
    """Problems that make a set of packs ambiguous: the same surface form for two actors,
    or an alias that spans two actors ("Lebanon's Hezbollah" hides a relation)."""
    problems, owner = [], {}
    for pack in packs:
        for actor in pack.actors:
            for form in actor.surface_forms():
                if not form.strip():
                    problems.append(f"{pack.path}: {actor.name}: empty alias")
                    continue
                other = owner.setdefault(form, actor)
                if other is not actor and other.name != actor.name:
                    problems.append(f"{pack.path}: '{form}' names both {other.name} "
                                    f"({other.pack}) and {actor.name} ({actor.pack})")
    for pack in packs:
        for actor in pack.actors:
            for form in actor.aliases:
                problems.extend(_spanning(pack, actor, form, owner))
    return problems


def _spanning(pack: Pack, actor: Actor, form: str, owner: dict[str, Actor]) -> list[str]:
    match = POSSESSIVE.match(form)
    if not match:
        return []
    holder, rest = owner.get(match.group(1)), owner.get(match.group(2))
    state_body = actor.type in ("security_agency", "government")
    if (rest is not None and rest is not actor) or (
            holder is not None and holder.type == "country" and not state_body):
        return [f"{pack.path}: {actor.name}: alias '{form}' spans two actors "
                f"({match.group(1)} and {match.group(2)}); remove it and let extraction "
                "find the tie"]
    return []


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...]) -> tuple[Pack, ...]:
    return tuple(load_pack(p) for p in paths)


def load_packs(extra: list[Path] | None = None, bundled: bool = True) -> list[Pack]:
    return list(_load_cached(tuple(pack_files(extra, bundled))))


class Knowledge:
    """All loaded actors, indexed by surface form, canonical name, capital and demonym."""

    def __init__(self, packs: list[Pack]):
        self.packs = packs
        self.by_form: dict[str, Actor] = {}
        self.by_name: dict[str, Actor] = {}
        self.by_capital: dict[str, Actor] = {}
        self.by_demonym: dict[str, Actor] = {}
        self.by_folded_form: dict[str, Actor] = {}
        for actor in (a for p in packs for a in p.actors):
            self.by_name.setdefault(actor.name.casefold(), actor)
            for form in actor.surface_forms():
                self.by_form.setdefault(form, actor)
                if len(form) >= 4:
                    self.by_folded_form.setdefault(form.casefold(), actor)
            if actor.capital:
                self.by_capital.setdefault(actor.capital, actor)
            for demonym in actor.demonyms:
                self.by_demonym.setdefault(demonym, actor)

    def actor(self, form: str) -> Actor | None:
        return self.by_form.get(form) or self.by_folded_form.get(form.casefold())

    def country(self, name: str | None) -> Actor | None:
        actor = self.actor(name) if name else None
        return actor if actor and actor.type == "country" else None

    def governed_country(self, actor: Actor) -> Actor | None:
        """The country whose government this actor is ('Government of Iraq'), whose
        names the annotation guide reads as the country's own; None for a government set
        apart ('Syrian Interim Government') or any other body."""
        if actor.type != "government" or not actor.country:
            return None
        country = self.country(actor.country)
        if country is None:
            return None
        names = {f"{federal}government of {the}{country.name}".casefold()
                 for federal in ("", "federal ") for the in ("", "the ")}
        return country if actor.name.casefold() in names else None
