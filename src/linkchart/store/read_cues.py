"""The text cues found at ingest (linkchart.store.text_cues), as the analyses read them:
one indexed query per kind. SQL text run through a `dbapi.Reader`, by the Store and by
the light reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.extract.cues import version
from linkchart.store import dates
from linkchart.store.dbapi import Reader, decoded, in_list
from linkchart.store.read_material import id_chunks

UNSCANNED = ("FROM documents LEFT OUTER JOIN cue_documents "
             "ON cue_documents.document_id = documents.id "
             "WHERE cue_documents.version IS NULL OR cue_documents.version != :version")
"""Documents without cues of the current version: stored before text cues, or scanned
with other cue words."""


def unscanned(reader: Reader) -> list[str]:
    return [r[0] for r in reader.rows(f"SELECT documents.id {UNSCANNED} ORDER BY documents.id",
                                      {"version": version()})]


def unscanned_count(reader: Reader) -> int:
    return reader.scalar(f"SELECT count(*) {UNSCANNED}", {"version": version()})


def cues_of_kinds(reader: Reader, kinds: Iterable[str], doc_ids: Iterable[str] | None = None,
                  reaches: bool = False) -> list[dict[str, Any]]:
    """The cues of some kinds (of some documents), by document, sentence and offset (and
    with `reaches`, the local entities each may be addressed to)."""
    sorts, params = in_list("kind", list(kinds))
    columns = ("document_id, kind, sentence, cue_start, cue_end, detail"
               + (", reaches" if reaches else ""))
    found = []
    for chunk in id_chunks(doc_ids):
        where, values = f"kind IN {sorts}", params
        if chunk is not None:
            among, values = in_list("document", chunk)
            where, values = f"{where} AND document_id IN {among}", params | values
        found += [r._asdict() for r in reader.rows(
            f"SELECT {columns} FROM text_cues WHERE {where} ORDER BY document_id, id", values)]
    if reaches:
        for cue in found:
            cue["reaches"] = decoded(cue["reaches"])
    return found


def documents_with(reader: Reader, kinds: Iterable[str]) -> set[str]:
    """The documents holding a cue of one of these kinds."""
    sorts, params = in_list("kind", list(kinds))
    return {r[0] for r in reader.rows(
        f"SELECT DISTINCT document_id FROM text_cues WHERE kind IN {sorts}", params)}


def reached_entities(reader: Reader, kinds: Iterable[str]) -> list[dict[str, Any]]:
    """The cues of some kinds with whom each may be addressed to, as the global entities
    those local ones are now (`reaches`: entity ids; unresolved ones left out)."""
    cues = cues_of_kinds(reader, kinds, reaches=True)
    wanted = {(c["document_id"], local) for c in cues for local in c["reaches"] or []}
    global_of: dict[tuple[str, str], str] = {}
    for chunk in id_chunks({doc for doc, _ in wanted}):
        among, params = in_list("document", chunk)
        rows = reader.rows("SELECT document_id, local_id, entity_id FROM doc_entities "
                           f"WHERE document_id IN {among} AND entity_id IS NOT NULL", params)
        global_of.update(((doc, local), entity) for doc, local, entity in rows
                         if (doc, local) in wanted)
    for cue in cues:
        cue["reaches"] = sorted({global_of[(cue["document_id"], local)]
                                 for local in cue["reaches"] or []
                                 if (cue["document_id"], local) in global_of})
    return cues


def cue_documents(reader: Reader, doc_ids: Iterable[str], date_from: str | None = None,
                  date_to: str | None = None) -> list[dict[str, Any]]:
    """Documents in a period with their text and sentence spans, by id."""
    found = []
    for chunk in id_chunks(doc_ids):
        among, params = in_list("id", chunk)
        for r in reader.rows(
                "SELECT documents.id, documents.title, documents.outlet, documents.published, "
                "documents.text, cue_documents.sentences, cue_documents.mentions "
                "FROM documents JOIN cue_documents ON cue_documents.document_id = documents.id "
                f"WHERE documents.id IN {among} ORDER BY documents.id", params):
            if dates.in_range(r.published, date_from, date_to):
                found.append({"id": r.id, "title": r.title, "outlet": r.outlet,
                              "published": r.published, "text": r.text,
                              "sentences": [tuple(s) for s in decoded(r.sentences) or []],
                              "mentions": decoded(r.mentions) or []})
    found.sort(key=lambda d: d["id"])
    return found
