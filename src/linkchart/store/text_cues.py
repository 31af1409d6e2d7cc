"""The text cues of each document (linkchart.extract.cues): written with the document, in
its transaction; scanned again from the stored text and statements for documents stored
before (or with other cue words); read by the analyses, one indexed query per kind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select

from linkchart.extract.cues import REQUEST_TYPES, TextCues, find_cues, version
from linkchart.model import DocExtraction
from linkchart.store import dates
from linkchart.store.lookup import CHUNK
from linkchart.store.schema import (attributions, cue_documents, doc_entities, documents,
                                    event_participants, events, text_cues)


def record(conn: Connection, extraction: DocExtraction) -> None:
    """Find and store the cues of a document being written."""
    statements = [{"content": a.content, "source_kind": a.source_kind,
                   "source_text": a.source_text, "start": _offset(a.start),
                   "end": _offset(a.end)} for a in extraction.attributions]
    requests = [{"type": v.type, "content": v.content, "start": _offset(v.start),
                 "recipients": list(v.recipients)}
                for v in extraction.events if v.type in REQUEST_TYPES]
    document = extraction.document
    mentions, seen = [], set()
    for entity in extraction.entities:
        if entity.id not in seen:
            seen.add(entity.id)
            mentions += [(start, end, entity.id) for start, end in entity.mentions]
    _write(conn, document.id, find_cues(document.text, statements, requests, mentions),
           mentions)


def _offset(value) -> int | None:
    """As the writer stores a span's ends: a negative or missing offset is None."""
    return value if isinstance(value, int) and value >= 0 else None


def _write(conn: Connection, doc_id: str, found: TextCues,
           mentions: list[tuple[int, int, str]]) -> None:
    """A document's cues; with them, its sentences and its mentions in text order (as the
    analyses attach them to sentences: by start, the longer first, then by entity)."""
    mentions = sorted(mentions, key=lambda m: (m[0], -m[1], m[2])) if found.cues else []
    conn.execute(insert(cue_documents), {
        "document_id": doc_id, "version": version(),
        "sentences": [list(span) for span in found.sentences] or None,
        "mentions": [list(m) for m in mentions] or None})
    if found.cues:
        conn.execute(insert(text_cues), [{
            "document_id": doc_id, "kind": c.kind, "sentence": c.sentence,
            "cue_start": c.cue_start, "cue_end": c.cue_end, "detail": c.detail,
            "reaches": c.reaches}
            for c in found.cues])


def _unscanned(*columns):
    """Documents without cues of the current version: stored before text cues, or
    scanned with other cue words."""
    return (select(*columns).select_from(documents)
            .outerjoin(cue_documents, cue_documents.c.document_id == documents.c.id)
            .where(or_(cue_documents.c.version.is_(None),
                       cue_documents.c.version != version())))


def unscanned(conn: Connection) -> list[str]:
    return list(conn.scalars(_unscanned(documents.c.id).order_by(documents.c.id)))


def unscanned_count(conn: Connection) -> int:
    return conn.scalar(_unscanned(func.count()))


def rescan(conn: Connection, doc_ids: Iterable[str]) -> int:
    """Scan stored documents again from their text, statements and REQUEST/CONSULT
    events; their old cues are replaced. Returns how many cues were found."""
    doc_ids = sorted(set(doc_ids))
    found = 0
    for i in range(0, len(doc_ids), CHUNK):
        chunk = doc_ids[i:i + CHUNK]
        conn.execute(delete(text_cues).where(text_cues.c.document_id.in_(chunk)))
        conn.execute(delete(cue_documents).where(cue_documents.c.document_id.in_(chunk)))
        statements, requests = _stored_statements(conn, chunk), _stored_requests(conn, chunk)
        mentions = _stored_mentions(conn, chunk)
        for doc_id, text in conn.execute(select(documents.c.id, documents.c.text)
                                         .where(documents.c.id.in_(chunk))):
            mentioned = mentions.get(doc_id, [])
            cues = find_cues(text, statements.get(doc_id, []), requests.get(doc_id, []),
                             mentioned)
            _write(conn, doc_id, cues, mentioned)
            found += len(cues.cues)
    return found


def _stored_statements(conn: Connection, doc_ids: list[str]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    rows = conn.execute(select(attributions.c.document_id, attributions.c.content,
                               attributions.c.source_kind, attributions.c.source_text,
                               attributions.c.start, attributions.c.end)
                        .where(attributions.c.document_id.in_(doc_ids))
                        .order_by(attributions.c.id))
    for r in rows:
        found.setdefault(r.document_id, []).append({
            "content": r.content, "source_kind": r.source_kind,
            "source_text": r.source_text, "start": r.start, "end": r.end})
    return found


def _stored_mentions(conn: Connection, doc_ids: list[str]
                     ) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    rows = conn.execute(select(doc_entities.c.document_id, doc_entities.c.local_id,
                               doc_entities.c.mentions)
                        .where(doc_entities.c.document_id.in_(doc_ids)))
    for r in rows:
        found.setdefault(r.document_id, []).extend(
            (start, end, r.local_id) for start, end in r.mentions or [])
    return found


def _stored_requests(conn: Connection, doc_ids: list[str]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    rows = conn.execute(select(events.c.id, events.c.document_id, events.c.type,
                               events.c.content, events.c.start)
                        .where(events.c.document_id.in_(doc_ids),
                               events.c.type.in_(REQUEST_TYPES))
                        .order_by(events.c.id))
    by_event = {}
    for r in rows:
        by_event[r.id] = {"type": r.type, "content": r.content, "start": r.start,
                          "recipients": []}
        found.setdefault(r.document_id, []).append(by_event[r.id])
    for event_id, local in conn.execute(
            select(event_participants.c.event_id, event_participants.c.local_id)
            .where(event_participants.c.event_id.in_(list(by_event)),
                   event_participants.c.role == "recipient")):
        by_event[event_id]["recipients"].append(local)
    return found


def cues_of_kinds(conn: Connection, kinds: Iterable[str],
                  doc_ids: Iterable[str] | None = None, columns=()) -> list[dict[str, Any]]:
    """The cues of some kinds (of some documents), by document, sentence and offset."""
    stmt = (select(text_cues.c.document_id, text_cues.c.kind, text_cues.c.sentence,
                   text_cues.c.cue_start, text_cues.c.cue_end, text_cues.c.detail, *columns)
            .where(text_cues.c.kind.in_(list(kinds)))
            .order_by(text_cues.c.document_id, text_cues.c.id))
    chunks = [None] if doc_ids is None else [sorted(set(doc_ids))[i:i + CHUNK]
                                             for i in range(0, len(set(doc_ids)), CHUNK)]
    found = []
    for chunk in chunks:
        narrowed = stmt if chunk is None else stmt.where(text_cues.c.document_id.in_(chunk))
        found += [dict(r._mapping) for r in conn.execute(narrowed)]
    return found


def documents_with(conn: Connection, kinds: Iterable[str]) -> set[str]:
    """The documents holding a cue of one of these kinds."""
    return set(conn.scalars(select(text_cues.c.document_id)
                            .where(text_cues.c.kind.in_(list(kinds))).distinct()))


def reached_entities(conn: Connection, kinds: Iterable[str]) -> list[dict[str, Any]]:
    """The cues of some kinds with whom each may be addressed to, as the global entities
    those local ones are now (`reaches`: entity ids; unresolved ones left out)."""
    cues = [c for c in cues_of_kinds(conn, kinds, columns=[text_cues.c.reaches])]
    wanted = {(c["document_id"], local) for c in cues for local in c["reaches"] or []}
    docs = sorted({doc for doc, _ in wanted})
    global_of: dict[tuple[str, str], str] = {}
    for i in range(0, len(docs), CHUNK):
        rows = conn.execute(select(doc_entities.c.document_id, doc_entities.c.local_id,
                                   doc_entities.c.entity_id)
                            .where(doc_entities.c.document_id.in_(docs[i:i + CHUNK]),
                                   doc_entities.c.entity_id.is_not(None)))
        global_of.update(((doc, local), entity) for doc, local, entity in rows
                         if (doc, local) in wanted)
    for cue in cues:
        cue["reaches"] = sorted({global_of[(cue["document_id"], local)]
                                 for local in cue["reaches"] or []
                                 if (cue["document_id"], local) in global_of})
    return cues


def cue_documents_of(conn: Connection, doc_ids: Iterable[str], date_from: str | None = None,
                     date_to: str | None = None) -> list[dict[str, Any]]:
    """Documents in a period with their text and sentence spans, by id."""
    stmt = (select(documents.c.id, documents.c.title, documents.c.outlet,
                   documents.c.published, documents.c.text, cue_documents.c.sentences,
                   cue_documents.c.mentions)
            .join(cue_documents, cue_documents.c.document_id == documents.c.id)
            .order_by(documents.c.id))
    ids = sorted(set(doc_ids))
    found = []
    for i in range(0, len(ids), CHUNK):
        for r in conn.execute(stmt.where(documents.c.id.in_(ids[i:i + CHUNK]))):
            if dates.in_range(r.published, date_from, date_to):
                found.append({"id": r.id, "title": r.title, "outlet": r.outlet,
                              "published": r.published, "text": r.text,
                              "sentences": [tuple(s) for s in r.sentences or []],
                              "mentions": r.mentions or []})
    found.sort(key=lambda d: d["id"])
    return found
