"""Read queries returning plain data: documents, entities, events, statistics."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (Connection, String, any_, cast, distinct, func, literal_column, or_,
                        select)

from linkchart.names.normalise import name_key
from linkchart.store import dates
from linkchart.store.lookup import CHUNK
from linkchart.store.schema import (attributions, doc_entities, document_keys, documents,
                                    entities, entity_keys, event_participants, events,
                                    relations)
from linkchart.store.schema import ties as tie_table
from linkchart.store.search import Search, snippet

HEADER = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published,
          documents.c.url)


def header(row) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "outlet": row.outlet,
            "published": row.published, "url": row.url}


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
        _event(r, people.get(r.id, {})) | {"local_id": r.local_id,
                                             "location_local": r.location_local,
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


def _entity_select():
    """An entity with the documents that name it and its ties (`relations`), as its
    card, the chart and the exports count them: both kept in its row (migration 0010)."""
    return select(entities.c.id, entities.c.name, entities.c.type, entities.c.aliases,
                  entities.c.first_seen, entities.c.last_seen, entities.c.documents,
                  entities.c.ties.label("relations"))


def _entity(row) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "type": row.type, "aliases": row.aliases,
            "first_seen": row.first_seen, "last_seen": row.last_seen,
            "documents": row.documents, "relations": row.relations}


def entity_list(conn: Connection, search: Search, type: str | None, query: str | None,
                limit: int, offset: int) -> list[dict[str, Any]]:
    stmt = _entity_select()
    if type:
        stmt = stmt.where(entities.c.type == type)
    if query:
        match = search.entity_match(query)
        if match is None:
            return []
        stmt = stmt.where(match)
    stmt = (stmt.order_by(entities.c.documents.desc(), entities.c.num)
            .limit(limit).offset(offset))
    return [_entity(r) for r in conn.execute(stmt)]


def entities_by_id(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = list(ids)
    found = {}
    for i in range(0, len(ids), CHUNK):
        found.update((r.id, _entity(r)) for r in conn.execute(
            _entity_select().where(entities.c.id.in_(ids[i:i + CHUNK]))))
    return found


def entity_types(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """The type of each of `ids` that is an entity: nothing counted."""
    ids = list(ids)
    found = {}
    for i in range(0, len(ids), CHUNK):
        found.update(conn.execute(select(entities.c.id, entities.c.type)
                                  .where(entities.c.id.in_(ids[i:i + CHUNK]))).all())
    return found


def find_entities(conn: Connection, search: Search, name: str,
                  limit: int = 20) -> list[dict[str, Any]]:
    exact = list(conn.scalars(select(entities.c.id)
                              .join(entity_keys, entity_keys.c.entity_id == entities.c.id)
                              .where(entity_keys.c.key == name_key(name))
                              .order_by(entities.c.num)))
    found = entities_by_id(conn, exact)
    ranked = [found[i] for i in dict.fromkeys(exact)]
    for item in entity_list(conn, search, None, name, limit, 0):
        if item["id"] not in found:
            ranked.append(item)
    return ranked[:limit]


def entity_documents(conn: Connection, entity_id: str, limit: int | None = None
                     ) -> list[dict[str, Any]]:
    """The documents that name an entity, oldest first (the first `limit` of them)."""
    named = documents.c.id.in_(select(doc_entities.c.document_id)
                               .where(doc_entities.c.entity_id == entity_id))
    if limit and conn.dialect.name == "sqlite":
        named = func.likelihood(named, literal_column(_share_named(conn, entity_id)))
    rows = conn.execute(select(*HEADER).where(named)
                        .order_by(documents.c.published, documents.c.id).limit(limit))
    return [header(r) for r in rows]


def _share_named(conn: Connection, entity_id: str) -> str:
    """The share of all documents that name an entity, for SQLite's planner, which keeps
    no statistics: a hub's first documents are found sooner by walking all documents in
    date order (the hub of 10,000 articles, named in 73% of them: 3 ms, against 8-10 ms
    sorting all 7,287 and 37 ms the first time), anyone else's by sorting the few that
    name them."""
    named = conn.scalar(select(entities.c.documents).where(entities.c.id == entity_id)) or 0
    total = conn.scalar(select(func.count()).select_from(documents)) or 1
    return f"{min(named / total, 1.0):.2f}"


def document_counts(conn: Connection, entity_id: str) -> tuple[int, int]:
    """How many documents name an entity, and from how many independent sources (a
    document without an outlet counts alone, a wire copy as its original)."""
    named = (select(doc_entities.c.document_id).distinct()
             .where(doc_entities.c.entity_id == entity_id).subquery())
    return tuple(conn.execute(
        select(func.count(), func.count(distinct(document_keys.c.source_key)))
        .select_from(named)
        .join(document_keys, document_keys.c.document_id == named.c.document_id)).one())


def entity_locals(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(doc_entities.c.document_id, doc_entities.c.local_id,
                               doc_entities.c.name, doc_entities.c.type,
                               doc_entities.c.aliases)
                        .where(doc_entities.c.entity_id == entity_id)
                        .order_by(doc_entities.c.document_id, doc_entities.c.local_id))
    return [{"document": r.document_id, "local": r.local_id, "name": r.name, "type": r.type,
             "aliases": r.aliases} for r in rows]


def attributions_by(conn: Connection, entity_id: str, limit: int | None = None
                    ) -> list[dict[str, Any]]:
    """What an entity is reported to have said, oldest first (the first `limit`)."""
    rows = conn.execute(select(attributions, documents.c.outlet, documents.c.published)
                        .join(documents, documents.c.id == attributions.c.document_id)
                        .where(attributions.c.source_entity == entity_id)
                        .order_by(documents.c.published, attributions.c.id).limit(limit))
    return [{"id": r.local_id, "document": r.document_id, "source": r.source_entity,
             "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
             "content": r.content, "direct": r.direct, "start": r.start, "end": r.end,
             "outlet": r.outlet, "published": r.published} for r in rows]


def attribution_count(conn: Connection, entity_id: str) -> int:
    return conn.scalar(select(func.count()).select_from(attributions)
                       .where(attributions.c.source_entity == entity_id))


def all_attributions(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(attributions).order_by(attributions.c.document_id,
                                                      attributions.c.id))
    return [{"id": r.local_id, "document": r.document_id, "source": r.source_entity,
             "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
             "content": r.content, "direct": r.direct} for r in rows]


def participants_of(conn: Connection, event_ids: list[int],
                    local: bool = False) -> dict[int, dict[str, list[str]]]:
    """Event id -> role -> the global (or, `local`, the local) ids taking part."""
    found: dict[int, dict[str, list[str]]] = {}
    column = event_participants.c.local_id if local else event_participants.c.entity_id
    for i in range(0, len(event_ids), CHUNK):
        for event_id, role, value in conn.execute(
                select(event_participants.c.event_id, event_participants.c.role, column)
                .where(event_participants.c.event_id.in_(event_ids[i:i + CHUNK]))
                .order_by(event_participants.c.event_id, event_participants.c.local_id)):
            if value is not None:
                roles = found.setdefault(event_id, {"actor": [], "recipient": []})
                if value not in roles[role]:
                    roles[role].append(value)
    return found


def _event(row, people: dict[str, list[str]]) -> dict[str, Any]:
    return {"id": f"V{row.id}", "document": row.document_id, "type": row.type,
            "mode": row.mode, "date": row.date, "date_text": row.date_text,
            "location": row.location_entity, "actors": people.get("actor", []),
            "recipients": people.get("recipient", []), "fatalities": row.fatalities,
            "injured": row.injured, "evidence": row.evidence, "start": row.start,
            "end": row.end, "confidence": row.confidence, "content": row.content,
            "content_start": row.content_start, "content_end": row.content_end}


def event_list(conn: Connection, entity_id: str | None, types: Iterable[str] | None,
               date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    """Events (of an entity, or all), oldest first."""
    return _events(conn, _event_rows(conn, entity_id, types, date_from, date_to))


def event_page(conn: Connection, entity_id: str, limit: int | None
               ) -> tuple[list[dict[str, Any]], int]:
    """An entity's first `limit` events, oldest first, and how many it has: all of them
    are ordered by their stored sort dates alone, and only the first `limit` are read
    whole (a hub takes part in thousands)."""
    if not limit:
        rows = _event_rows(conn, entity_id, None, None, None)
        return _events(conn, rows), len(rows)
    # the number of them beside each of the first: one look-up of the hub's events
    page = conn.execute(_involving(select(events.c.id, func.count().over()), entity_id,
                                   conn.dialect.name)
                        .order_by(*_oldest_event_sql(conn.dialect.name)).limit(limit)).all()
    first = [event_id for event_id, _ in page]
    total = page[0][1] if page else 0
    rows = []
    for i in range(0, len(first), CHUNK):
        rows += conn.execute(_event_select().where(events.c.id.in_(first[i:i + CHUNK]))).all()
    return _events(conn, sorted(rows, key=_oldest_event)), total


def _oldest_event(row) -> tuple[str, str]:
    return dates.iso(row.date or row.published) or "9999", f"V{row.id}"


def _oldest_event_sql(dialect: str) -> list:
    """`_oldest_event` in SQL, from the stored sort date (`events.sort_date`, the same
    `dates.iso`), so that a hub's first events are found without reading every event it
    took part in."""
    key = [func.coalesce(events.c.sort_date, "9999"), "V" + cast(events.c.id, String)]
    return [k.collate("C") for k in key] if dialect == "postgresql" else key


def _event_select():
    return (select(events, documents.c.outlet, documents.c.published,
                   attributions.c.local_id.label("attribution_local"),
                   attributions.c.source_entity.label("attribution_source"),
                   attributions.c.source_text, attributions.c.source_kind, attributions.c.cue)
            .join(documents, documents.c.id == events.c.document_id)
            .outerjoin(attributions, attributions.c.id == events.c.attribution_id))


def _involving(stmt, entity_id: str | None, dialect: str):
    """`stmt` narrowed to the events `entity_id` takes part in or happen at (all, without)."""
    if not entity_id:
        return stmt
    involved = select(event_participants.c.event_id).where(
        event_participants.c.entity_id == entity_id)
    if dialect == "postgresql":
        # one array of ids, looked up by key (with IN it read every event of the store)
        takes_part = events.c.id == any_(func.array(involved.scalar_subquery()))
    else:
        takes_part = events.c.id.in_(involved)
    return stmt.where(or_(takes_part, events.c.location_entity == entity_id))


def _event_rows(conn: Connection, entity_id: str | None, types: Iterable[str] | None,
                date_from: str | None, date_to: str | None) -> list:
    stmt = _involving(_event_select(), entity_id, conn.dialect.name)
    return sorted(event_rows_in(conn, stmt, types, date_from, date_to), key=_oldest_event)


def event_rows_in(conn: Connection, stmt, types: Iterable[str] | None,
                  date_from: str | None, date_to: str | None) -> list:
    """The rows of a select of events joined with their documents, of some types, dated
    (by the event's date, else its document's) in the period."""
    when = func.coalesce(events.c.date, documents.c.published)
    if types:
        stmt = stmt.where(events.c.type.in_(list(types)))
    low, high = dates.year_bounds(date_from, date_to)
    if low:
        stmt = stmt.where(when >= low)
    if high:
        stmt = stmt.where(when < high)
    return [r for r in conn.execute(stmt)
            if dates.in_range(r.date or r.published, date_from, date_to)]


def _events(conn: Connection, rows: list) -> list[dict[str, Any]]:
    people = participants_of(conn, [r.id for r in rows])
    found = []
    for r in rows:
        item = _event(r, people.get(r.id, {})) | {"outlet": r.outlet, "published": r.published}
        item["attribution"] = _attribution(r) if r.attribution_local else None
        found.append(item)
    _name(conn, found)
    return found


def _attribution(row) -> dict[str, Any]:
    return {"id": row.attribution_local, "source": row.attribution_source,
            "source_text": row.source_text, "source_kind": row.source_kind, "cue": row.cue}


def _name(conn: Connection, found: list[dict[str, Any]]) -> None:
    ids = {i for e in found for i in [*e["actors"], *e["recipients"], e["location"]] if i}
    names = entity_names(conn, ids)
    for e in found:
        e["names"] = {i: names.get(i) for i in [*e["actors"], *e["recipients"], e["location"]]
                      if i}


def entity_names(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    ids = list(ids)
    names = {}
    for i in range(0, len(ids), CHUNK):
        names.update(tuple(r) for r in conn.execute(
            select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids[i:i + CHUNK]))))
    return names


def stats(conn: Connection, top: int = 10) -> dict[str, Any]:
    def by_type(column):
        return {k: n for k, n in conn.execute(select(column, func.count())
                                              .group_by(column).order_by(column))}

    # an entity's ties, kept in its row (tie_table.count_ties)
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type,
                               entities.c.ties.label("degree"))
                        .where(entities.c.ties > 0)
                        .order_by(entities.c.ties.desc(), entities.c.num).limit(top))
    return {
        "documents": conn.scalar(select(func.count()).select_from(documents)),
        "entities": by_type(entities.c.type),
        "relations": by_type(tie_table.c.type),
        "ties": conn.scalar(select(func.count()).select_from(tie_table)),
        "statements": by_type(relations.c.type),
        "events": by_type(events.c.type),
        "attributions": conn.scalar(select(func.count()).select_from(attributions)),
        "top_entities": [{"id": r.id, "name": r.name, "type": r.type, "degree": r.degree}
                         for r in rows],
    }
