"""Writing a batch of extractions in one transaction (the caller holds it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, delete, insert, select, text, update

from linkchart.model import ORGANISATION_TYPES, DocExtraction
from linkchart.names.keys import keys_for
from linkchart.store import (copies, dates, event_pair_table, identity, judging, text_cues,
                             tie_table)
from linkchart.store.entity_rows import (count_documents, merge_aliases, rebuild_entities,
                                        search_text)
from linkchart.store.lookup import CHUNK, StoreLookup
from linkchart.store.outlets import outlet_key
from linkchart.store.schema import (attributions, doc_entities, document_keys, documents,
                                    entities, entity_keys, event_participants, events,
                                    relations)
from linkchart.store.search import Search

WRITER_LOCK = 7_406_001
Resolver = Callable[..., dict[tuple[str, str], str]]


@dataclass
class AddResult:
    stored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    """(document id, id of the stored document with the same text)."""
    replaced: list[str] = field(default_factory=list)
    """Ids stored before with another text, whose old version this batch replaced."""


@dataclass
class _Seen:
    """What one batch says about one global entity."""
    forms: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def add_extractions(conn: Connection, extractions: list[DocExtraction], search: Search,
                    resolver: Resolver) -> AddResult:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
    result = AddResult()
    fresh, affected = _fresh(conn, extractions, result, search)
    lookup = StoreLookup(conn)
    mapping = resolver(fresh, lookup) if fresh else {}
    _apply_entities(conn, _collect(fresh, mapping), search)
    links = copies.plan(conn, [x.document for x in fresh])
    tied: set[tuple[str, str]] = set()
    for extraction in fresh:
        tied |= _insert_document(conn, extraction, mapping, search,
                                 links.sources[extraction.document.id])
        result.stored.append(extraction.document.id)
    copies.record(conn, links)
    tie_table.refresh(conn, tied)
    event_pair_table.refresh_documents(conn, result.stored)
    count_documents(conn, mapping.values())
    rebuild_entities(conn, _existing(conn, affected), search)
    if fresh:
        identity.record_reviews(conn, lookup.reviews)
        judging.apply_for_batch(conn, result.stored, set(mapping.values()) | affected, search)
    return result


def _existing(conn: Connection, entity_ids: Iterable[str]) -> list[str]:
    ids = sorted(set(entity_ids))
    found: list[str] = []
    for i in range(0, len(ids), CHUNK):
        found += conn.scalars(select(entities.c.id).where(entities.c.id.in_(ids[i:i + CHUNK])))
    return found


def _fresh(conn: Connection, extractions: list[DocExtraction], result: AddResult,
           search: Search) -> tuple[list[DocExtraction], set[str]]:
    """The extractions to store; drops duplicates, and stored documents they replace."""
    hashes = {id(x): x.document.hash for x in extractions}
    by_hash = _pairs(conn, documents.c.text_hash, documents.c.id, set(hashes.values()))
    stored_ids = _pairs(conn, documents.c.id, documents.c.text_hash,
                        {x.document.id for x in extractions})
    fresh: dict[str, DocExtraction] = {}
    affected: set[str] = set()
    for extraction in extractions:
        doc_id, digest = extraction.document.id, hashes[id(extraction)]
        if digest in by_hash:
            result.duplicates.append((doc_id, by_hash[digest]))
            continue
        if doc_id in fresh:
            del by_hash[hashes[id(fresh.pop(doc_id))]]
            if doc_id not in result.replaced:
                result.replaced.append(doc_id)
        elif doc_id in stored_ids:
            affected |= _drop_document(conn, doc_id, search)
            result.replaced.append(doc_id)
        by_hash[digest] = doc_id
        fresh[doc_id] = extraction
    return list(fresh.values()), affected


def _pairs(conn: Connection, key, value, wanted: set[str]) -> dict[str, str]:
    wanted_list = sorted(wanted)
    found: dict[str, str] = {}
    for i in range(0, len(wanted_list), CHUNK):
        stmt = select(key, value).where(key.in_(wanted_list[i:i + CHUNK]))
        found.update(tuple(r) for r in conn.execute(stmt))
    return found


def _drop_document(conn: Connection, doc_id: str, search: Search) -> set[str]:
    affected = set(conn.scalars(select(doc_entities.c.entity_id)
                                .where(doc_entities.c.document_id == doc_id)))
    tied = tie_table.pairs_of_documents(conn, [doc_id])
    search.unindex_document(conn, doc_id)
    copies.forget(conn, doc_id)
    conn.execute(delete(documents).where(documents.c.id == doc_id))
    tie_table.refresh(conn, tied)
    return affected - {None}


def _collect(fresh: list[DocExtraction], mapping: dict[tuple[str, str], str]) -> dict[str, _Seen]:
    seen: dict[str, _Seen] = {}
    for x in fresh:
        doc_id = x.document.id
        for entity in x.entities:
            item = seen.setdefault(mapping[(doc_id, entity.id)], _Seen())
            item.forms.extend(entity.surface_forms())
            item.types.append(entity.type)
            item.dates.append(x.document.published)
        for event in x.events:
            for local in {*event.actors, *event.recipients, event.location} - {None}:
                if (doc_id, local) in mapping:
                    seen[mapping[(doc_id, local)]].dates.append(event.date)
    return seen


def _apply_entities(conn: Connection, seen: dict[str, _Seen], search: Search) -> None:
    ids = list(seen)
    existing = {}
    known_keys: set[tuple[str, str]] = set()
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        existing.update((r.id, r) for r in conn.execute(
            select(entities).where(entities.c.id.in_(chunk))))
        known_keys.update(tuple(r) for r in conn.execute(
            select(entity_keys.c.key, entity_keys.c.entity_id)
            .where(entity_keys.c.entity_id.in_(chunk))))
    inserts, updates, keys = [], [], []
    for entity_id, item in seen.items():
        row = existing.get(entity_id)
        name = row.name if row else item.forms[0]
        values = {
            "type": _more_specific(row.type if row else item.types[0], item.types),
            "aliases": merge_aliases(name, row.aliases if row else [], item.forms),
            "first_seen": dates.earliest(row.first_seen if row else None, *item.dates),
            "last_seen": dates.latest(row.last_seen if row else None, *item.dates),
        }
        values["search_text"] = search_text(name, values["aliases"])
        num = int(entity_id[1:])
        if row is None:
            inserts.append({"id": entity_id, "num": num, "name": name, **values})
        elif any(values[k] != getattr(row, k) for k in values):
            updates.append({"entity": entity_id, **values})
        else:
            continue
        keys += [{"key": k, "entity_id": entity_id}
                 for k in keys_for(name, values["aliases"], values["type"])
                 if (k, entity_id) not in known_keys]
        if row is None or values["search_text"] != row.search_text:
            search.index_entity(conn, num, entity_id, values["search_text"])
    if inserts:
        conn.execute(insert(entities), inserts)
    if updates:
        conn.execute(update(entities).where(entities.c.id == bindparam("entity")), updates)
    if keys:
        conn.execute(insert(entity_keys), keys)


def _more_specific(current: str, seen_types: list[str]) -> str:
    if current != "organization":
        return current
    specific = [t for t in seen_types if t in ORGANISATION_TYPES and t != "organization"]
    return specific[0] if specific else current


def _insert_document(conn: Connection, x: DocExtraction, mapping: dict[tuple[str, str], str],
                     search: Search, source_key: str) -> set[tuple[str, str]]:
    """Insert one document and what was extracted from it; returns the pairs of entities
    its relations tie (the ties to count again)."""
    doc = x.document
    conn.execute(insert(documents), {
        "id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
        "url": doc.url, "text": doc.text, "text_hash": doc.hash,
        "pipeline_version": x.pipeline_version,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds")})
    conn.execute(insert(document_keys), {
        "document_id": doc.id, "outlet_key": outlet_key(doc.outlet),
        "published_iso": dates.iso(doc.published),
        "source_key": source_key})
    glob = {local: g for (d, local), g in mapping.items() if d == doc.id}
    locals_ = {}
    for e in x.entities:
        locals_.setdefault(e.id, {
            "document_id": doc.id, "local_id": e.id, "name": e.name, "type": e.type,
            "aliases": list(e.aliases), "description": e.description,
            "mentions": [list(m) for m in e.mentions], "entity_id": glob.get(e.id)})
    if locals_:
        conn.execute(insert(doc_entities), list(locals_.values()))
    said_ids = _insert_returning(conn, attributions, [{
        "document_id": doc.id, "local_id": a.id, "source_local": a.source,
        "source_entity": glob.get(a.source), "source_text": a.source_text,
        "source_kind": a.source_kind, "cue": a.cue, "content": a.content,
        "direct": bool(a.direct), "confidence": a.confidence, **_span(a)}
        for a in x.attributions])
    said = dict(zip([a.id for a in x.attributions], said_ids, strict=True))
    if x.relations:
        conn.execute(insert(relations), [{
            "document_id": doc.id, "type": r.type, "source_local": r.source,
            "target_local": r.target, "source_entity": glob.get(r.source),
            "target_entity": glob.get(r.target), "role": r.role, "negated": bool(r.negated),
            "hedged": bool(r.hedged), "evidence": r.evidence,
            "attribution_id": said.get(r.attribution), "confidence": r.confidence,
            **_span(r)} for r in x.relations])
    event_ids = _insert_returning(conn, events, [{
        "document_id": doc.id, "local_id": v.id, "type": v.type, "mode": v.mode,
        "date": v.date, "date_text": v.date_text, "location_local": v.location,
        "location_entity": glob.get(v.location), "fatalities": v.fatalities,
        "injured": v.injured, "evidence": v.evidence,
        "attribution_id": said.get(v.attribution), "confidence": v.confidence,
        "content": v.content, "content_start": v.content_start,
        "content_end": v.content_end, "sort_date": dates.iso(v.date or doc.published),
        **_span(v)} for v in x.events])
    people = []
    for event_id, v in zip(event_ids, x.events, strict=True):
        roles = dict.fromkeys([*(("actor", a) for a in v.actors),
                               *(("recipient", r) for r in v.recipients)])
        people += [{"event_id": event_id, "role": role, "local_id": local,
                    "entity_id": glob.get(local)} for role, local in roles]
    if people:
        conn.execute(insert(event_participants), people)
    text_cues.record(conn, x)
    search.index_document(conn, doc.id, doc.title, doc.text)
    return {(glob.get(r.source), glob.get(r.target)) for r in x.relations}


def _insert_returning(conn: Connection, table, rows: list[dict]) -> list[int]:
    """Insert rows and return their new ids, in the rows' order."""
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.scalars(stmt, rows))


def _span(item) -> dict[str, int | None]:
    def offset(value):
        return value if isinstance(value, int) and value >= 0 else None
    return {"start": offset(item.start), "end": offset(item.end)}
