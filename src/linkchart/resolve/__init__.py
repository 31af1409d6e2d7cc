"""Cross-document resolution: map each document's local entities onto global ones.

`resolve(extractions, lookup)` is the store's entry point. For every local entity it
computes blocking keys (`matching.blocking_keys`), asks the lookup for the global
entities filed under them, scores each candidate (`matching.compare`: names,
knowledge-pack actors, type), adds a context bonus for actors co-mentioned with both,
and then:

- joins the best candidate when the score reaches `AUTO` (0.9) and nothing else comes
  close; a name that only partly agrees (a surname, an acronym) needs context to get
  there, and may never join an entity that already holds another local entity of the
  same document;
- otherwise starts a new global entity, and when a candidate scored at least `REVIEW`
  (0.65) files the pair for an analyst (`lookup.review`).

Two global entities are never merged by the machine: a local entity joins at most one.
Analysts' judgements (merge, split, not-same, ...) are applied by the store on top of
this, on every write (`linkchart.store.identity`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from linkchart.model import ORGANISATION_TYPES, DocExtraction, Entity
from linkchart.names.keys import PackIndex, Profile, blocking_keys, kind, lookup_keys
from linkchart.resolve.matching import Match, compare
from linkchart.names.normalise import name_key, name_keys

__all__ = ["AUTO", "REVIEW", "EntityLookup", "MemoryLookup", "Resolver", "ReviewItem",
           "compatible", "name_key", "resolve"]

AUTO = 0.9
"""Merge automatically at or above this score."""
REVIEW = 0.65
"""Queue for review at or above this score (and below AUTO)."""
CONTEXT_STEP = 0.05
CONTEXT_MAX = 0.15
AMBIGUITY = 0.03
"""A runner-up within this of the best candidate makes an automatic merge unsafe."""
SAME_DOCUMENT_PARTIAL = 0.7
"""A partial person name may join another entity of its own article at this score."""
BLOCK_LIMIT = 50
"""Loose keys (skeletons, surnames, initials) filed under more entities are skipped."""

Candidate = tuple[str, str]
"""A global entity as (id, type)."""


class EntityLookup(Protocol):
    def candidates(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """For each key, the global entities known under it."""

    def new_id(self) -> str:
        """A global id never used before."""

    def learn(self, key: str, candidate: Candidate) -> None:
        """Note a key resolved in this call (a store records keys when it writes)."""

    # Optional, used when present:
    # profiles(ids) -> {id: Profile}: names, aliases and types of global entities;
    # context(ids) -> {id: set of global ids co-mentioned with it};
    # review(items: list[ReviewItem]) -> None: pairs for an analyst;
    # remember(profile, context) -> None: a global entity as this call leaves it.


@dataclass
class ReviewItem:
    document: str
    local: str
    entity: str
    """The global entity the local entity went to."""
    candidate: str
    """The global entity it may also be."""
    score: float
    reasons: list[str] = field(default_factory=list)


class MemoryLookup:
    """A lookup with no store behind it (the scorer, tests): every id is new."""

    def __init__(self, start: int = 1):
        self._next = start
        self.index: dict[str, list[Candidate]] = {}
        self._profiles: dict[str, Profile] = {}
        self._context: dict[str, set[str]] = {}
        self.reviews: list[ReviewItem] = []

    def candidates(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        return {k: list(self.index[k]) for k in keys if k in self.index}

    def new_id(self) -> str:
        self._next += 1
        return f"E{self._next - 1}"

    def learn(self, key: str, candidate: Candidate) -> None:
        known = self.index.setdefault(key, [])
        if all(c[0] != candidate[0] for c in known):
            known.append(candidate)

    def profiles(self, ids: Iterable[str]) -> dict[str, Profile]:
        return {i: self._profiles[i] for i in ids if i in self._profiles}

    def context(self, ids: Iterable[str]) -> dict[str, set[str]]:
        return {i: set(self._context.get(i, ())) for i in ids}

    def remember(self, profile: Profile, context: set[str]) -> None:
        self._profiles[profile.id] = profile
        self._context.setdefault(profile.id, set()).update(context)

    def review(self, items: list[ReviewItem]) -> None:
        self.reviews.extend(items)


def compatible(a: str, b: str) -> bool:
    return a == b or (a in ORGANISATION_TYPES and b in ORGANISATION_TYPES)


def resolve(extractions: list[DocExtraction],
            lookup: EntityLookup | None = None) -> dict[tuple[str, str], str]:
    """(document id, local entity id) -> global entity id, for every local entity.

    `lookup` is an EntityLookup (the store's, inside the caller's transaction), or None
    for a fresh in-memory one."""
    return Resolver()(extractions, lookup or MemoryLookup())


@dataclass
class _Local:
    entity: Entity
    profile: Profile
    keys: list[str]
    scored: list[tuple[Match, Profile]] = field(default_factory=list)


class Resolver:
    def __init__(self, packs: PackIndex | None = None, auto: float = AUTO,
                 review: float = REVIEW, partial_context: float = CONTEXT_MAX):
        self.packs = packs
        self.auto = auto
        self.review_at = review
        self.partial_context = partial_context
        """The context bonus a partial name (a surname, an acronym) needs to merge."""

    def __call__(self, extractions: list[DocExtraction],
                 lookup: EntityLookup) -> dict[tuple[str, str], str]:
        packs = self.packs or PackIndex.bundled()
        run = _Run(self, lookup, packs)
        docs = [(x.document.id, [self._local(e, packs) for e in x.entities])
                for x in extractions]
        run.prefetch({k for _, items in docs for item in items for k in item.keys})
        mapping: dict[tuple[str, str], str] = {}
        for doc_id, items in docs:
            mapping.update(run.document(doc_id, items))
        run.finish()
        return mapping

    def _local(self, entity: Entity, packs: PackIndex) -> _Local:
        profile = Profile(entity.id, entity.name, entity.type, list(entity.aliases))
        # The actor extraction matched (any pack given to the run), else a name look-up.
        # Not for places: extraction gives a capital acting for its state ("Cairo said")
        # the country's actor, and the city must stay apart from the country here.
        matched = entity.actor if kind(entity.type) != "place" else None
        profile.pack = matched or packs.actor_of(entity.name, entity.aliases, entity.type)
        return _Local(entity, profile, lookup_keys(profile))


class _Run:
    """One call: the index and profiles seen so far, including this batch's."""

    def __init__(self, resolver: Resolver, lookup: EntityLookup, packs: PackIndex):
        self.r = resolver
        self.lookup = lookup
        self.packs = packs
        self.index: dict[str, list[Candidate]] = {}
        self.profiles: dict[str, Profile] = {}
        self.context: dict[str, set[str]] = {}
        self.touched: dict[str, set[str]] = {}
        self.reviews: list[ReviewItem] = []
        self._bare: dict[str, str] = {}

    def prefetch(self, keys: set[str]) -> None:
        self.index = {k: list(v) for k, v in self.lookup.candidates(keys).items()
                      if not _loose(k) or len(v) <= BLOCK_LIMIT}
        ids = {c[0] for found in self.index.values() for c in found}
        self._load_profiles(ids)

    def _load_profiles(self, ids: set[str]) -> None:
        missing = ids - set(self.profiles)
        if not missing:
            return
        known = self.lookup.profiles(missing) if hasattr(self.lookup, "profiles") else {}
        for entity_id, profile in known.items():
            if profile.pack is None:
                profile.pack = self.packs.actor_of(profile.name, profile.aliases,
                                                   profile.type)
            self.profiles[entity_id] = profile

    def _context(self, ids: set[str]) -> None:
        missing = {i for i in ids if i not in self.context}
        if missing and hasattr(self.lookup, "context"):
            for entity_id, found in self.lookup.context(missing).items():
                self.context[entity_id] = set(found)
        for entity_id in missing:
            self.context.setdefault(entity_id, set())

    def _candidates(self, item: _Local) -> list[tuple[Match, Profile]]:
        found: dict[str, Profile | None] = {}
        plain = set(name_keys([item.profile.name, *item.profile.aliases]))
        for key in item.keys:
            listed = self.index.get(key, ())
            if _loose(key) and len(listed) > BLOCK_LIMIT:
                continue
            for entity_id, entity_type in listed:
                if kind(entity_type) != item.profile.kind:
                    continue
                profile = self.profiles.get(entity_id)
                if profile is None and key in plain:
                    found.setdefault(entity_id, None)
                    self._bare.setdefault(entity_id, entity_type)
                elif profile is not None:
                    found[entity_id] = profile
        scored = []
        for entity_id, profile in found.items():
            if profile is None:
                # A lookup that cannot describe its entities: a plain key is a name match.
                profile = Profile(entity_id, item.profile.name, self._bare[entity_id])
                match = compare(item.profile, profile)
            else:
                match = compare(item.profile, profile)
            if match.score > 0:
                scored.append((match, profile))
        return scored

    def document(self, doc_id: str, items: list[_Local]) -> dict[tuple[str, str], str]:
        self._bare = {}
        unique: dict[str, _Local] = {}
        for item in items:
            unique.setdefault(item.entity.id, item)
        locals_ = list(unique.values())
        for item in locals_:
            item.scored = self._candidates(item)
        chosen: dict[str, str] = {}
        used: dict[str, str] = {}
        # 1. confident matches on names alone
        for item in locals_:
            pick = self._pick(item, {}, used)
            if pick:
                chosen[item.entity.id] = pick
                used[pick] = item.entity.id
        # 2. the rest, with the context of what this document is already known to hold
        doc_context = set(chosen.values())
        waiting = [i for i in locals_ if i.entity.id not in chosen and i.scored]
        self._context({p.id for i in waiting for m, p in i.scored
                       if m.score + CONTEXT_MAX >= self.r.review_at})
        queued: list[tuple[_Local, str, float, list[str]]] = []
        for item in waiting:
            bonus = {p.id: self._bonus(p.id, doc_context) for _, p in item.scored}
            pick = self._pick(item, bonus, used)
            if pick:
                chosen[item.entity.id] = pick
                used[pick] = item.entity.id
                continue
            for match, profile in item.scored:
                total = match.score + bonus.get(profile.id, 0.0)
                if total >= self.r.review_at:
                    reasons = list(match.reasons)
                    if bonus.get(profile.id):
                        reasons.append(f"context +{bonus[profile.id]:.2f}")
                    queued.append((item, profile.id, round(total, 4), reasons))
        # 3. a person's partial name that the article's extraction kept apart from the
        # full name ("Bernales" / "Enrique Bernales Ballesteros"), when only one fits
        linked = self._within(locals_, chosen)
        # 4. new ids in document order, then remember what this document taught
        mapping = {}
        for item in items:
            local_id = item.entity.id
            target = linked.get(local_id)
            if target and target in chosen:
                chosen[local_id] = chosen[target]
            if local_id not in chosen:
                chosen[local_id] = self.lookup.new_id()
            if target and target not in chosen:
                chosen[target] = chosen[local_id]
            mapping[(doc_id, local_id)] = chosen[local_id]
        for item in locals_:
            self._learn(item, chosen[item.entity.id])
        globals_here = set(chosen.values())
        for entity_id in globals_here:
            self.touched.setdefault(entity_id, set()).update(globals_here - {entity_id})
            self.context.setdefault(entity_id, set()).update(globals_here - {entity_id})
        for item, candidate, score, reasons in queued:
            entity_id = chosen[item.entity.id]
            if entity_id != candidate:
                self.reviews.append(ReviewItem(doc_id, item.entity.id, entity_id, candidate,
                                               score, reasons))
        return mapping

    def _within(self, locals_: list[_Local], chosen: dict[str, str]) -> dict[str, str]:
        links: dict[str, str] = {}
        people = [i for i in locals_ if i.profile.kind == "person"]
        for item in people:
            if item.entity.id in chosen:
                continue
            fits = []
            for other in people:
                if other is item:
                    continue
                match = compare(item.profile, other.profile)
                longer = len(other.profile.forms()[0].tokens) > len(item.profile.forms()[0].tokens)
                if match.partial and longer and match.score >= SAME_DOCUMENT_PARTIAL:
                    fits.append(other.entity.id)
            if len(fits) == 1 and links.get(fits[0]) != item.entity.id:
                links[item.entity.id] = fits[0]
        return links

    def _bonus(self, entity_id: str, doc_context: set[str]) -> float:
        shared = len(self.context.get(entity_id, set()) & (doc_context - {entity_id}))
        return min(CONTEXT_MAX, CONTEXT_STEP * shared)

    def _pick(self, item: _Local, bonus: dict[str, float], used: dict[str, str]) -> str | None:
        ranked = []
        for match, profile in item.scored:
            extra = bonus.get(profile.id, 0.0)
            total = match.score + extra
            if profile.id in used:
                # another local entity of this document is there already: a full name
                # match may join it, and so may a person's surname or partial name (the
                # article's own "Bernales" for its "Enrique Bernales Ballesteros"), if no
                # other person of the article shares it (checked below as ambiguity)
                if (match.partial and profile.kind == "person"
                        and match.score >= SAME_DOCUMENT_PARTIAL):
                    total = max(total, self.r.auto)
                elif match.partial or match.score < self.r.auto:
                    continue
            elif match.partial and extra < self.r.partial_context - 1e-9:
                continue
            ranked.append((total, profile.type == item.profile.type, -_num(profile.id),
                           profile.id, match))
        if not ranked:
            return None
        ranked.sort(reverse=True)
        best = ranked[0]
        if best[0] < self.r.auto:
            return None
        if len(ranked) > 1 and ranked[1][0] >= best[0] - AMBIGUITY and (
                best[4].partial or ranked[1][4].partial):
            return None
        return best[3]

    def _learn(self, item: _Local, entity_id: str) -> None:
        profile = self.profiles.get(entity_id)
        if profile is None:
            profile = Profile(entity_id, item.profile.name, item.profile.type,
                              list(item.profile.aliases), item.profile.pack)
            self.profiles[entity_id] = profile
        else:
            known = {profile.name, *profile.aliases}
            profile.aliases += [f for f in [item.profile.name, *item.profile.aliases]
                                if f not in known and not known.add(f)]
            if profile.pack is None:
                profile.pack = item.profile.pack
        candidate = (entity_id, profile.type)
        for key in blocking_keys(profile):
            known = self.index.setdefault(key, [])
            if all(c[0] != entity_id for c in known):
                known.append(candidate)
                self.lookup.learn(key, candidate)

    def finish(self) -> None:
        if hasattr(self.lookup, "remember"):
            for entity_id, context in self.touched.items():
                self.lookup.remember(self.profiles[entity_id], context)
        if self.reviews and hasattr(self.lookup, "review"):
            self.lookup.review(self.reviews)


def _loose(key: str) -> bool:
    """A skeleton, surname or initials key: one of many names may share it."""
    return key[:2] in ("x:", "s:", "i:")


def _num(global_id: str) -> int:
    digits = global_id.lstrip("E")
    return int(digits) if digits.isdigit() else 0
