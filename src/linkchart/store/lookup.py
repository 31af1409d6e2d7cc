"""The resolver's view of the store inside one write transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from linkchart.store.schema import entities, entity_keys

CHUNK = 500


class StoreLookup:
    def __init__(self, conn: Connection):
        self.conn = conn
        self._next: int | None = None

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

    def new_id(self) -> str:
        if self._next is None:
            self._next = (self.conn.scalar(select(func.max(entities.c.num))) or 0) + 1
        self._next += 1
        return f"E{self._next - 1}"

    def learn(self, key: str, candidate: tuple[str, str]) -> None:
        pass
