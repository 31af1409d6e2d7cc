"""What the analyses read of documents: their texts, the entities they mention, the
statements they report and their events of some types. SQL text run through a
`dbapi.Reader`, by the Store and by the light reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.store import dates
from linkchart.store.dbapi import CHUNK, Reader, decoded, in_list
from linkchart.store.read_events import participants_of


def id_chunks(ids: Iterable[str] | None) -> list[list[str] | None]:
    """`ids` sorted, in chunks of an IN list each; [None] (no narrowing) for all."""
    if ids is None:
        return [None]
    ids = sorted(set(ids))
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def document_texts(reader: Reader, ids: Iterable[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None
                   ) -> list[dict[str, Any]]:
    """Documents (of `ids`, or all) in a period, with their text."""
    where, params = dates.year_bounds_sql("published", date_from, date_to)
    found = []
    for chunk in id_chunks(ids):
        conditions, values = where, params
        if chunk is not None:
            among, values = in_list("id", chunk)
            conditions, values = [*where, f"id IN {among}"], params | values
        sql = ("SELECT id, title, outlet, published, text FROM documents"
               + (" WHERE " + " AND ".join(conditions) if conditions else "") + " ORDER BY id")
        found += [{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                   "text": r.text} for r in reader.rows(sql, values)
                  if dates.in_range(r.published, date_from, date_to)]
    return found


def _entity_rows(reader: Reader, doc_ids: Iterable[str], mentions: bool = False):
    """Each document's local entities (with their mentions), joined to the global entity
    each is now."""
    extra = ", doc_entities.mentions" if mentions else ""
    for chunk in id_chunks(doc_ids):
        among, params = in_list("document", chunk)
        yield from reader.rows(
            "SELECT doc_entities.document_id, doc_entities.local_id, doc_entities.name, "
            "doc_entities.type, doc_entities.entity_id, entities.name AS global_name, "
            f"entities.type AS global_type{extra} FROM doc_entities "
            "LEFT OUTER JOIN entities ON entities.id = doc_entities.entity_id "
            f"WHERE doc_entities.document_id IN {among}", params)


def _as_global(row) -> dict[str, Any]:
    """A local entity as the global one (id, name, type), or itself where unresolved."""
    return {"id": row.entity_id, "name": row.global_name or row.name,
            "type": row.global_type or row.type}


def local_entities(reader: Reader, doc_ids: Iterable[str]
                   ) -> dict[str, dict[str, dict[str, Any]]]:
    """Per document, each local entity (by local id) as the global one it is now."""
    found: dict[str, dict[str, dict[str, Any]]] = {d: {} for d in set(doc_ids)}
    for r in _entity_rows(reader, doc_ids):
        found[r.document_id][r.local_id] = _as_global(r)
    return found


def document_mentions(reader: Reader, doc_ids: Iterable[str]
                      ) -> dict[str, list[dict[str, Any]]]:
    """Each document's entity mentions, in text order: start, end, and the global entity
    (id, name, type) or, where unresolved, the local one."""
    found: dict[str, list[dict[str, Any]]] = {d: [] for d in set(doc_ids)}
    for r in _entity_rows(reader, doc_ids, mentions=True):
        for start, end in decoded(r.mentions) or []:
            found[r.document_id].append({"start": start, "end": end, **_as_global(r)})
    for mentions in found.values():
        mentions.sort(key=lambda m: (m["start"], -m["end"]))
    return found


def document_attributions(reader: Reader, doc_ids: Iterable[str]
                          ) -> dict[str, list[dict[str, Any]]]:
    """Each document's reported statements, in text order."""
    found: dict[str, list[dict[str, Any]]] = {d: [] for d in sorted(set(doc_ids))}
    for chunk in id_chunks(doc_ids):
        among, params = in_list("document", chunk)
        for r in reader.rows(
                "SELECT document_id, local_id, source_entity, source_text, source_kind, cue, "
                f'content, start, "end", confidence FROM attributions WHERE document_id IN '
                f"{among} ORDER BY document_id, start, id", params):
            found[r.document_id].append({
                "id": r.local_id, "document": r.document_id, "source": r.source_entity,
                "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
                "content": r.content, "start": r.start, "end": r.end,
                "confidence": r.confidence})
    return found


def document_events(reader: Reader, doc_ids: Iterable[str], types: Iterable[str]
                    ) -> dict[str, list[dict[str, Any]]]:
    """Each document's events of some types with their span, date, actors and recipients
    and what was asked (`content`)."""
    found: dict[str, list[dict[str, Any]]] = {d: [] for d in sorted(set(doc_ids))}
    kinds, params = in_list("type", list(types))
    for chunk in id_chunks(doc_ids):
        among, values = in_list("document", chunk)
        rows = reader.rows(
            "SELECT events.id, events.document_id, events.type, events.date, events.start, "
            'events."end", events.evidence, events.content FROM events '
            f"WHERE events.document_id IN {among} AND events.type IN {kinds}", params | values)
        people = participants_of(reader, [r.id for r in rows])
        for r in rows:
            roles = people.get(r.id, {})
            found[r.document_id].append({
                "id": f"V{r.id}", "type": r.type, "date": r.date, "start": r.start,
                "end": r.end, "evidence": r.evidence, "actors": roles.get("actor", []),
                "recipients": roles.get("recipient", []), "content": r.content})
    return found


def document_material(reader: Reader, doc_ids: Iterable[str], event_types: Iterable[str] = (),
                      mentions: bool = True) -> dict[str, dict[str, Any]]:
    """Per document: its entity mentions (or, with `mentions` false, its local entities by
    id: `locals`), its attributions and its events of some types, each in text order."""
    doc_ids = list(doc_ids)
    people = document_mentions(reader, doc_ids) if mentions else \
        local_entities(reader, doc_ids)
    said = document_attributions(reader, doc_ids)
    done = document_events(reader, doc_ids, event_types) if event_types else {}
    key, none = ("mentions", []) if mentions else ("locals", {})
    return {d: {key: people.get(d, none), "attributions": said.get(d, []),
                "events": done.get(d, [])} for d in doc_ids}
