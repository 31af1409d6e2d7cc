"""The text cues of each document (linkchart.extract.cues): written with the document, in
its transaction; scanned again from the stored text and statements for documents stored
before (or with other cue words). The analyses read them through `read_cues`."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, insert, select

from linkchart.extract.cues import REQUEST_TYPES, TextCues, find_cues, version
from linkchart.model import DocExtraction
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
