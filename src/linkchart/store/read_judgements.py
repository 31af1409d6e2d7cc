"""Analysts' judgements and the resolution review queue, as listed: SQL text run through
a `dbapi.Reader`, by the Store and by the light reader alike."""

from __future__ import annotations

from typing import Any

from linkchart.store.dbapi import Reader, decoded, in_list

INACTIVE = ("superseded", "withdrawn", "invalid")


def judgement(r) -> dict[str, Any]:
    """A row of `judgements` (JSON columns decoded or not) as a judgement."""
    return {"id": r.id, "kind": r.kind, "payload": decoded(r.payload), "author": r.author,
            "created_at": r.created_at, "status": r.status, "targets": decoded(r.targets),
            "applied_at": r.applied_at}


def judgements(reader: Reader, kind: str | None = None) -> list[dict[str, Any]]:
    where = " WHERE kind = :kind" if kind else ""
    return [judgement(r) for r in reader.rows(
        f"SELECT * FROM judgements{where} ORDER BY id", {"kind": kind} if kind else {})]


def active(reader: Reader, kinds: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Judgements still in force, oldest first (the order they are applied in)."""
    inactive, params = in_list("inactive", list(INACTIVE))
    where = f"(status IS NULL OR status NOT IN {inactive})"
    if kinds:
        among, values = in_list("kind", list(kinds))
        where, params = f"{where} AND kind IN {among}", params | values
    return [judgement(r) for r in reader.rows(
        f"SELECT * FROM judgements WHERE {where} ORDER BY id", params)]


def reviews(reader: Reader, status: str | None = "open", limit: int = 50,
            entity: str | None = None) -> list[dict[str, Any]]:
    """Review candidates (of a status, of an entity), best score first."""
    where, params = [], {"limit": limit}
    if status:
        where.append("r.status = :status")
        params["status"] = status
    if entity:
        where.append("(r.entity_id = :entity OR r.candidate_id = :entity)")
        params["entity"] = entity
    rows = reader.rows(
        "SELECT r.*, a.name AS entity_name, a.type AS entity_type, "
        "a.aliases AS entity_aliases, b.name AS candidate_name, b.type AS candidate_type, "
        "b.aliases AS candidate_aliases FROM review_candidates AS r "
        "JOIN entities AS a ON a.id = r.entity_id JOIN entities AS b ON b.id = r.candidate_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY r.score DESC, r.id LIMIT :limit", params)
    return [{"id": r.id, "score": r.score, "reasons": decoded(r.reasons), "status": r.status,
             "document": r.document_id, "local": r.local_id,
             "decided_at": r.decided_at, "decided_by": r.decided_by,
             "entity": {"id": r.entity_id, "name": r.entity_name, "type": r.entity_type,
                        "aliases": decoded(r.entity_aliases)},
             "candidate": {"id": r.candidate_id, "name": r.candidate_name,
                           "type": r.candidate_type, "aliases": decoded(r.candidate_aliases)}}
            for r in rows]
