"""Read queries returning plain data: documents, entities, events, statistics."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, text

from linkchart.store import read_card, read_entities, read_events
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.dbapi import CHUNK
from linkchart.store.read_card import header
from linkchart.store.schema import (attributions, doc_entities, documents, entities, events,
                                    relations)
from linkchart.store.search import Search, snippet

HEADER = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published,
          documents.c.url)


def document_headers(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet, date and address of some documents, without their text."""
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), CHUNK):
        found.update((r.id, header(r)) for r in conn.execute(
            select(*HEADER).where(documents.c.id.in_(wanted[i:i + CHUNK]))))
    return found


def documents_page(conn: Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    rows = conn.execute(select(*HEADER, documents.c.pipeline_version, documents.c.ingested_at)
                        .order_by(documents.c.published.desc(), documents.c.id)
                        .limit(limit).offset(offset))
    return [header(r) | {"pipeline_version": r.pipeline_version,
                         "ingested_at": r.ingested_at} for r in rows]


def document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    said = {r.id: r.local_id for r in conn.execute(
        select(attributions.c.id, attributions.c.local_id)
        .where(attributions.c.document_id == doc_id))}
    found = header(row) | {"text": row.text, "text_hash": row.text_hash,
                           "pipeline_version": row.pipeline_version,
                           "ingested_at": row.ingested_at}
    found["entities"] = [
        {"id": r.local_id, "name": r.name, "type": r.type, "aliases": r.aliases,
         "description": r.description, "mentions": r.mentions, "entity": r.entity_id}
        for r in conn.execute(select(doc_entities).where(doc_entities.c.document_id == doc_id)
                              .order_by(doc_entities.c.local_id))]
    found["relations"] = [
        {"type": r.type, "source": r.source_local, "target": r.target_local,
         "source_entity": r.source_entity, "target_entity": r.target_entity, "role": r.role,
         "negated": r.negated, "hedged": r.hedged, "evidence": r.evidence, "start": r.start,
         "end": r.end, "attribution": said.get(r.attribution_id)}
        for r in conn.execute(select(relations).where(relations.c.document_id == doc_id)
                              .order_by(relations.c.id))]
    rows = conn.execute(select(events).where(events.c.document_id == doc_id)
                        .order_by(events.c.id)).all()
    people = participants_of(conn, [r.id for r in rows], local=True)
    found["events"] = [
        read_events.event_dict(r, people.get(r.id, {}))
        | {"local_id": r.local_id, "location_local": r.location_local,
           "attribution": said.get(r.attribution_id)}
        for r in rows]
    found["attributions"] = [
        {"id": r.local_id, "source": r.source_local, "source_entity": r.source_entity,
         "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
         "content": r.content, "direct": r.direct, "start": r.start, "end": r.end}
        for r in conn.execute(select(attributions).where(attributions.c.document_id == doc_id)
                              .order_by(attributions.c.id))]
    return found


def search_documents(conn: Connection, search: Search, query: str,
                     limit: int) -> list[dict[str, Any]]:
    ranked = search.document_ranking(conn, query, limit)
    rows = {r.id: r for r in conn.execute(select(*HEADER, documents.c.text)
                                          .where(documents.c.id.in_(ranked)))}
    return [header(rows[i]) | {"snippet": snippet(rows[i].text, query)}
            for i in ranked if i in rows]


def entity_types(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """The type of each of `ids` that is an entity: nothing counted."""
    ids = list(ids)
    found = {}
    for i in range(0, len(ids), CHUNK):
        found.update(conn.execute(select(entities.c.id, entities.c.type)
                                  .where(entities.c.id.in_(ids[i:i + CHUNK]))).all())
    return found


def entity_documents(conn: Connection, entity_id: str, limit: int | None = None
                     ) -> list[dict[str, Any]]:
    """The documents that name an entity, oldest first (read_card.entity_documents)."""
    return read_card.entity_documents(AlchemyReader(conn), entity_id, limit)


def document_counts(conn: Connection, entity_id: str) -> tuple[int, int]:
    """Documents naming an entity, and their independent sources (read_card)."""
    return read_card.document_counts(AlchemyReader(conn), entity_id)


def entity_locals(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(doc_entities.c.document_id, doc_entities.c.local_id,
                               doc_entities.c.name, doc_entities.c.type,
                               doc_entities.c.aliases)
                        .where(doc_entities.c.entity_id == entity_id)
                        .order_by(doc_entities.c.document_id, doc_entities.c.local_id))
    return [{"document": r.document_id, "local": r.local_id, "name": r.name, "type": r.type,
             "aliases": r.aliases} for r in rows]


def participants_of(conn: Connection, event_ids: list[int],
                    local: bool = False) -> dict[int, dict[str, list[str]]]:
    """Event id -> role -> the global (or, `local`, the local) ids taking part."""
    return read_events.participants_of(AlchemyReader(conn), event_ids, local)


def entities_by_id(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    return read_entities.entities_by_id(AlchemyReader(conn), ids)


def event_list(conn: Connection, entity_id: str | None, types: Iterable[str] | None,
               date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    """Events (of an entity, or all), oldest first."""
    return read_events.event_list(AlchemyReader(conn), entity_id, types, date_from, date_to)


def event_page(conn: Connection, entity_id: str, limit: int | None
               ) -> tuple[list[dict[str, Any]], int]:
    """An entity's first `limit` events and how many it has (read_events.event_page)."""
    return read_events.event_page(AlchemyReader(conn), entity_id, limit)


def event_rows_in(conn: Connection, stmt, types: Iterable[str] | None,
                  date_from: str | None, date_to: str | None) -> list:
    """The rows of a select of events joined with their documents, of some types, dated
    (by the event's date, else its document's) in the period (read_events.period_sql)."""
    where, params = read_events.period_sql(types, date_from, date_to)
    if where:
        stmt = stmt.where(text(" AND ".join(where)).bindparams(**params))
    return read_events.in_period(conn.execute(stmt), date_from, date_to)
