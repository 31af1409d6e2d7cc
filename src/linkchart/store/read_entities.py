"""Entities as a listing shows them, by id, by name, and their names: SQL text run
through a `dbapi.Reader`, by the Store and by the light reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.names.normalise import name_key
from linkchart.store.dbapi import CHUNK, Reader, decoded, in_list
from linkchart.store.search_terms import entity_match

# An entity with the documents that name it and its ties (`relations`), as its card,
# the chart and the exports count them: both kept in its row (migration 0010).
ENTITY = ("SELECT entities.id, entities.name, entities.type, entities.aliases, "
          "entities.first_seen, entities.last_seen, entities.documents, "
          "entities.ties AS relations FROM entities")


def _entity(row) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "type": row.type,
            "aliases": decoded(row.aliases), "first_seen": row.first_seen,
            "last_seen": row.last_seen, "documents": row.documents,
            "relations": row.relations}


def entity_list(reader: Reader, type: str | None, query: str | None, limit: int,
                offset: int) -> list[dict[str, Any]]:
    """Entities (of a type, matching a search), most documented first."""
    where, params = [], {"limit": limit, "offset": offset}
    if type:
        where.append("entities.type = :type")
        params["type"] = type
    if query:
        match = entity_match(query, reader.dialect, reader.fts)
        if match is None:
            return []
        where.append(match[0])
        params |= match[1]
    sql = (ENTITY + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY entities.documents DESC, entities.num LIMIT :limit OFFSET :offset")
    return [_entity(r) for r in reader.rows(sql, params)]


def entities_by_id(reader: Reader, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = list(ids)
    found = {}
    for i in range(0, len(ids), CHUNK):
        among, params = in_list("id", ids[i:i + CHUNK])
        found.update((r.id, _entity(r)) for r in reader.rows(
            f"{ENTITY} WHERE entities.id IN {among}", params))
    return found


def find_entities(reader: Reader, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Exact matches of the normalised name or an alias first, then full-text ones."""
    exact = [r.id for r in reader.rows(
        "SELECT entities.id FROM entities JOIN entity_keys "
        "ON entity_keys.entity_id = entities.id WHERE entity_keys.key = :key "
        "ORDER BY entities.num", {"key": name_key(name)})]
    found = entities_by_id(reader, exact)
    ranked = [found[i] for i in dict.fromkeys(exact)]
    for item in entity_list(reader, None, name, limit, 0):
        if item["id"] not in found:
            ranked.append(item)
    return ranked[:limit]


def entity_names(reader: Reader, ids: Iterable[str]) -> dict[str, str]:
    ids = list(ids)
    names = {}
    for i in range(0, len(ids), CHUNK):
        among, params = in_list("id", ids[i:i + CHUNK])
        names.update((r.id, r.name) for r in reader.rows(
            f"SELECT id, name FROM entities WHERE id IN {among}", params))
    return names
