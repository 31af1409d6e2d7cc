"""The resolver's view of the store inside one write transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from linkchart.names.keys import Profile
from linkchart.store.dbapi import CHUNK
from linkchart.store.schema import doc_entities, entities, entity_keys

CONTEXT_DOCUMENTS = 25
"""How many of an entity's documents (the latest ids) its context is read from."""


class StoreLookup:
    def __init__(self, conn: Connection):
        self.conn = conn
        self._next: int | None = None
        self.reviews: list = []
        """ReviewItems the resolver filed; the writer stores them once entities exist."""

    def candidates(self, keys: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        keys = list(keys)
        found: dict[str, list[tuple[str, str]]] = {}
        for i in range(0, len(keys), CHUNK):
            rows = self.conn.execute(
                select(entity_keys.c.key, entities.c.id, entities.c.type)
                .join(entities, entities.c.id == entity_keys.c.entity_id)
                .where(entity_keys.c.key.in_(keys[i:i + CHUNK]))
                .order_by(entities.c.num))
            for key, entity_id, entity_type in rows:
                found.setdefault(key, []).append((entity_id, entity_type))
        return found

    def profiles(self, ids: Iterable[str]) -> dict:
        ids = sorted(ids)
        found = {}
        for i in range(0, len(ids), CHUNK):
            for row in self.conn.execute(
                    select(entities.c.id, entities.c.name, entities.c.type, entities.c.aliases)
                    .where(entities.c.id.in_(ids[i:i + CHUNK]))):
                found[row.id] = Profile(row.id, row.name, row.type, list(row.aliases or []))
        return found

    def context(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """For each entity, the entities co-mentioned with it in (some of) its documents."""
        ids = sorted(ids)
        wanted: dict[str, set[str]] = {}
        for entity_id in ids:
            # the latest few documents only (by id, on the entity index): the cost does
            # not grow with how often an actor is mentioned
            for doc_id in self.conn.scalars(
                    select(doc_entities.c.document_id)
                    .where(doc_entities.c.entity_id == entity_id)
                    .order_by(doc_entities.c.document_id.desc())
                    .limit(CONTEXT_DOCUMENTS)):
                wanted.setdefault(doc_id, set()).add(entity_id)
        context: dict[str, set[str]] = {i: set() for i in ids}
        doc_ids = sorted(wanted)
        for i in range(0, len(doc_ids), CHUNK):
            for doc_id, other in self.conn.execute(
                    select(doc_entities.c.document_id, doc_entities.c.entity_id)
                    .where(doc_entities.c.document_id.in_(doc_ids[i:i + CHUNK]))):
                if other is None:
                    continue
                for entity_id in wanted[doc_id]:
                    if other != entity_id:
                        context[entity_id].add(other)
        return context

    def new_id(self) -> str:
        if self._next is None:
            self._next = (self.conn.scalar(select(func.max(entities.c.num))) or 0) + 1
        self._next += 1
        return f"E{self._next - 1}"

    def learn(self, key: str, candidate: tuple[str, str]) -> None:
        pass

    def review(self, items: list) -> None:
        self.reviews.extend(items)
