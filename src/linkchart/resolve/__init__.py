"""Cross-document resolution: map each document's local entities onto global ones.

Version 1 matches on blocking keys (`names.name_key` of a name or alias) and type
compatibility. `resolve` asks an `EntityLookup` for the global entities already known
under some keys and for fresh ids; the store passes one bound to its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import Connection

from linkchart.model import ORGANISATION_TYPES, DocExtraction, Entity
from linkchart.resolve.names import name_key, name_keys

__all__ = ["EntityLookup", "MemoryLookup", "compatible", "name_key", "resolve"]

Candidate = tuple[str, str]
"""A global entity as (id, type)."""


class EntityLookup(Protocol):
    def candidates(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """For each key, the global entities known under it."""

    def new_id(self) -> str:
        """A global id never used before."""

    def learn(self, key: str, candidate: Candidate) -> None:
        """Note a key resolved in this call (a store records keys when it writes)."""


class MemoryLookup:
    """A lookup with no store behind it (the scorer, tests): every id is new."""

    def __init__(self, start: int = 1):
        self._next = start
        self.index: dict[str, list[Candidate]] = {}

    def candidates(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        return {k: self.index[k] for k in keys if k in self.index}

    def new_id(self) -> str:
        self._next += 1
        return f"E{self._next - 1}"

    def learn(self, key: str, candidate: Candidate) -> None:
        known = self.index.setdefault(key, [])
        if candidate not in known:
            known.append(candidate)


def compatible(a: str, b: str) -> bool:
    return a == b or (a in ORGANISATION_TYPES and b in ORGANISATION_TYPES)


def resolve(extractions: list[DocExtraction],
            lookup: EntityLookup | Connection | None = None) -> dict[tuple[str, str], str]:
    """(document id, local entity id) -> global entity id, for every local entity.

    `lookup` is an EntityLookup, a store connection (inside the caller's transaction), or
    None for a fresh in-memory one."""
    if isinstance(lookup, Connection):
        from linkchart.store.lookup import StoreLookup
        lookup = StoreLookup(lookup)
    lookup = lookup or MemoryLookup()
    wanted = {k for x in extractions for e in x.entities for k in name_keys(e.surface_forms())}
    index: dict[str, list[Candidate]] = {k: list(v) for k, v in lookup.candidates(wanted).items()}
    mapping: dict[tuple[str, str], str] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            keys = name_keys(entity.surface_forms())
            found = _best(entity, keys, index)
            global_id = found[0] if found else lookup.new_id()
            for key in keys:
                known = index.setdefault(key, [])
                if all(c[0] != global_id for c in known):
                    candidate = (global_id, found[1] if found else entity.type)
                    known.append(candidate)
                    lookup.learn(key, candidate)
            mapping[(extraction.document.id, entity.id)] = global_id
    return mapping


def _best(entity: Entity, keys: list[str], index: dict[str, list[Candidate]]) -> Candidate | None:
    """The candidate under the name's key first, then aliases'; an identical type first."""
    for key in keys:
        matches = [c for c in index.get(key, ()) if compatible(c[1], entity.type)]
        if matches:
            return min(matches, key=lambda c: (c[1] != entity.type, _num(c[0])))
    return None


def _num(global_id: str) -> int:
    digits = global_id.lstrip("E")
    return int(digits) if digits.isdigit() else 0
