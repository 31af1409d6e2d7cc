"""What the analyses read of the store: document texts with the entities they mention and
the statements they report, raw relation rows, and the columns a store may lack (the
sentences that hold text cues: linkchart.store.text_cues)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, func, or_, select, tuple_, union

from linkchart.store import dates
from linkchart.store.graph import aggregate, relation_rows
from linkchart.store.lookup import CHUNK
from linkchart.store.queries import participants_of
from linkchart.store.schema import (attributions, doc_entities, documents, entities, events,
                                    relations)


def optional_column(table, name: str):
    """A column that a later schema adds (e.g. `confidence`, `content`), or None."""
    return table.c.get(name)


def document_texts(conn: Connection, ids: Iterable[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None
                   ) -> list[dict[str, Any]]:
    """Documents (of `ids`, or all) in a period, with their text."""
    stmt = select(documents.c.id, documents.c.title, documents.c.outlet,
                  documents.c.published, documents.c.text).order_by(documents.c.id)
    low, high = dates.year_bounds(date_from, date_to)
    if low:
        stmt = stmt.where(documents.c.published >= low)
    if high:
        stmt = stmt.where(documents.c.published < high)
    chunks = [None] if ids is None else [sorted(ids)[i:i + CHUNK]
                                         for i in range(0, len(set(ids)), CHUNK)]
    found = []
    for chunk in chunks:
        narrowed = stmt if chunk is None else stmt.where(documents.c.id.in_(chunk))
        for r in conn.execute(narrowed):
            if dates.in_range(r.published, date_from, date_to):
                found.append({"id": r.id, "title": r.title, "outlet": r.outlet,
                              "published": r.published, "text": r.text})
    return found


def _entity_rows(conn: Connection, doc_ids: Iterable[str], *columns):
    """Each document's local entities (with `columns`), joined to the global entity each
    is now."""
    doc_ids = sorted(set(doc_ids))
    for i in range(0, len(doc_ids), CHUNK):
        yield from conn.execute(
            select(doc_entities.c.document_id, doc_entities.c.local_id, doc_entities.c.name,
                   doc_entities.c.type, doc_entities.c.entity_id,
                   entities.c.name.label("global_name"), entities.c.type.label("global_type"),
                   *columns)
            .outerjoin(entities, entities.c.id == doc_entities.c.entity_id)
            .where(doc_entities.c.document_id.in_(doc_ids[i:i + CHUNK])))


def _as_global(row) -> dict[str, Any]:
    """A local entity as the global one (id, name, type), or itself where unresolved."""
    return {"id": row.entity_id, "name": row.global_name or row.name,
            "type": row.global_type or row.type}


def local_entities(conn: Connection, doc_ids: Iterable[str]
                   ) -> dict[str, dict[str, dict[str, Any]]]:
    """Per document, each local entity (by local id) as the global one it is now."""
    found: dict[str, dict[str, dict[str, Any]]] = {d: {} for d in set(doc_ids)}
    for r in _entity_rows(conn, doc_ids):
        found[r.document_id][r.local_id] = _as_global(r)
    return found


def document_mentions(conn: Connection, doc_ids: Iterable[str]
                      ) -> dict[str, list[dict[str, Any]]]:
    """Each document's entity mentions, in text order: start, end, and the global entity
    (id, name, type) or, where unresolved, the local one."""
    found: dict[str, list[dict[str, Any]]] = {d: [] for d in set(doc_ids)}
    for r in _entity_rows(conn, doc_ids, doc_entities.c.mentions):
        for start, end in r.mentions or []:
            found[r.document_id].append({"start": start, "end": end, **_as_global(r)})
    for mentions in found.values():
        mentions.sort(key=lambda m: (m["start"], -m["end"]))
    return found


def document_attributions(conn: Connection, doc_ids: Iterable[str]
                          ) -> dict[str, list[dict[str, Any]]]:
    """Each document's reported statements, in text order."""
    doc_ids = sorted(set(doc_ids))
    found: dict[str, list[dict[str, Any]]] = {d: [] for d in doc_ids}
    confidence = optional_column(attributions, "confidence")
    columns = [attributions.c.document_id, attributions.c.local_id,
               attributions.c.source_entity, attributions.c.source_text,
               attributions.c.source_kind, attributions.c.cue, attributions.c.content,
               attributions.c.start, attributions.c.end]
    if confidence is not None:
        columns.append(confidence)
    for i in range(0, len(doc_ids), CHUNK):
        rows = conn.execute(select(*columns)
                            .where(attributions.c.document_id.in_(doc_ids[i:i + CHUNK]))
                            .order_by(attributions.c.document_id, attributions.c.start,
                                      attributions.c.id))
        for r in rows:
            found[r.document_id].append({
                "id": r.local_id, "document": r.document_id, "source": r.source_entity,
                "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
                "content": r.content, "start": r.start, "end": r.end,
                "confidence": r._mapping.get("confidence")})
    return found


def document_events(conn: Connection, doc_ids: Iterable[str], types: Iterable[str]
                    ) -> dict[str, list[dict[str, Any]]]:
    """Each document's events of some types with their span, date, actors and recipients
    and, where the store has it, what was asked (`content`)."""
    doc_ids = sorted(set(doc_ids))
    found: dict[str, list[dict[str, Any]]] = {d: [] for d in doc_ids}
    content = optional_column(events, "content")
    columns = [events.c.id, events.c.document_id, events.c.type, events.c.date,
               events.c.start, events.c.end, events.c.evidence]
    if content is not None:
        columns.append(content.label("content"))
    for i in range(0, len(doc_ids), CHUNK):
        rows = conn.execute(select(*columns)
                            .where(events.c.document_id.in_(doc_ids[i:i + CHUNK]),
                                   events.c.type.in_(list(types))))
        rows = list(rows)
        people = participants_of(conn, [r.id for r in rows])
        for r in rows:
            roles = people.get(r.id, {})
            found[r.document_id].append({
                "id": f"V{r.id}", "type": r.type, "date": r.date, "start": r.start,
                "end": r.end, "evidence": r.evidence, "actors": roles.get("actor", []),
                "recipients": roles.get("recipient", []),
                "content": r._mapping.get("content")})
    return found


def relations_kept(conn: Connection, types: Iterable[str] | None, date_from: str | None,
                   date_to: str | None, keep, containing: Iterable[str] = (),
                   denied_only: bool = False) -> list[dict[str, Any]]:
    """Relations aggregated per tie (as `Store.relations`) from the rows whose evidence
    `keep` accepts: it is given {document, outlet, published, source_kind, confidence};
    with `containing`, only rows whose evidence holds one of those words; with
    `denied_only`, only the ties that some row denies (both sides of each)."""
    confidence = optional_column(relations, "confidence")
    stmt = relation_rows(types, date_from, date_to)
    words = [w for w in containing if w]
    if words:
        stmt = stmt.where(or_(*[relations.c.evidence.ilike(f"%{w}%") for w in words]))
    denied = _denied_pairs(conn) if denied_only else None
    if denied is not None:  # the rows of denied ties only, not every row of their ends
        key = tuple_(relations.c.type, relations.c.source_entity, relations.c.target_entity)
        stmt = stmt.where(key.in_(select(_denied_keys().subquery("denied"))))
    if confidence is not None:
        stmt = stmt.add_columns(confidence.label("fact_confidence"))
    rows = conn.execute(stmt)
    if denied is not None:
        rows = [r for r in rows if (r.type, r.source_entity, r.target_entity) in denied]
    kept = [r for r in rows if keep({
        "document": r.document_id, "outlet": r.outlet, "published": r.published,
        "source_kind": r.source_kind, "confidence": r._mapping.get("fact_confidence")})]
    return aggregate(kept)


def _denied_keys():
    """(type, end, end) of every tie some row denies, both ways round, in SQL."""
    negated = relations.c.negated.is_(True)
    return union(select(relations.c.type, relations.c.source_entity,
                        relations.c.target_entity).where(negated),
                 select(relations.c.type, relations.c.target_entity,
                        relations.c.source_entity).where(negated))


def _denied_pairs(conn: Connection) -> set[tuple[str, str, str]]:
    """(type, end, end) of every tie some row denies, both ways round."""
    rows = conn.execute(select(relations.c.type, relations.c.source_entity,
                               relations.c.target_entity)
                        .where(relations.c.negated.is_(True)).distinct())
    return {key for t, a, b in rows for key in ((t, a, b), (t, b, a))}


def pair_quotes(conn: Connection, pairs: Iterable[tuple[str, str]]
                ) -> dict[tuple[str, str], dict[str, Any]]:
    """The first stored quote of a tie (not a denial) between each pair of entities, in
    the shape of a relation's evidence: the relation row of the lowest id either way
    round. Found for all the pairs at once (an analysis quotes hundreds)."""
    wanted = list(dict.fromkeys(pairs))
    first = _lowest_ids(conn, wanted)
    rows = {}
    ids = sorted(set(first.values()))
    for i in range(0, len(ids), CHUNK):
        rows.update((row.id, row) for row in conn.execute(
            _QUOTE.where(relations.c.id.in_(ids[i:i + CHUNK]))))
    return {pair: _quote(rows[first[pair]]) for pair in wanted if pair in first}


def _lowest_ids(conn: Connection, pairs: list[tuple[str, str]]
                ) -> dict[tuple[str, str], int]:
    """The lowest id of a relation row (not a denial) between each pair, either way
    round: the lowest per (source, target) among all the pairs' ends, from the index."""
    ends = sorted({end for pair in pairs for end in pair})
    lowest: dict[tuple[str, str], int] = {}
    for i in range(0, len(ends), CHUNK):
        lowest.update(((s, t), n) for s, t, n in conn.execute(
            select(relations.c.source_entity, relations.c.target_entity,
                   func.min(relations.c.id))
            .where(relations.c.source_entity.in_(ends[i:i + CHUNK]),
                   relations.c.target_entity.in_(ends), relations.c.negated.is_(False))
            .group_by(relations.c.source_entity, relations.c.target_entity)))
    found = {}
    for a, b in pairs:
        ids = [lowest[key] for key in ((a, b), (b, a)) if key in lowest]
        if ids:
            found[(a, b)] = min(ids)
    return found


_QUOTE = (select(relations.c.id, relations.c.document_id, relations.c.evidence,
                 relations.c.start, relations.c.end, documents.c.outlet, documents.c.published,
                 attributions.c.source_text, attributions.c.source_kind)
          .join(documents, documents.c.id == relations.c.document_id)
          .outerjoin(attributions, attributions.c.id == relations.c.attribution_id))


def _quote(row) -> dict[str, Any]:
    return {"document": row.document_id, "text": row.evidence, "start": row.start,
            "end": row.end, "outlet": row.outlet, "published": row.published,
            "attribution": None if row.source_kind is None else {
                "source_text": row.source_text, "source_kind": row.source_kind}}
