"""Wire copies: a document whose text is a near copy of one stored before it (one agency
story printed by several outlets) is linked to that original, and counts as the same
independent source as it wherever ties count sources.

The writer calls `plan` for a batch before inserting its documents (each document's
source goes into its `document_keys` row) and `record` after (the signatures and links
refer to the documents)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, insert, select, update

from linkchart.model import Document
from linkchart.store import minhash, tie_table
from linkchart.store.lookup import CHUNK
from linkchart.store.outlets import outlet_key
from linkchart.store.schema import copy_bands, document_copies, document_keys, documents

if TYPE_CHECKING:
    import numpy as np

COPY_SIMILARITY = 0.6
"""Estimated Jaccard similarity of five-word shingles from which a text is a copy. On the
10,000 articles of the bulk corpus, agency stories reprinted by other outlets score 0.74
to 1.0, while the pairs between 0.5 and 0.6 were different stories of one outlet sharing
its boilerplate (docs/formats.md, "Wire copies")."""
OWN_DOCUMENT = "\x1fdocument:"
"""Before a document id, the source of a document that names no outlet: itself (the
control character keeps it apart from every cleaned outlet name)."""


def own_source(doc_id: str, outlet: str | None) -> str:
    """The independent source a document is when it copies nothing: its outlet, or
    itself when it names none."""
    return outlet_key(outlet) or OWN_DOCUMENT + doc_id


@dataclass
class _Signed:
    """A document of the batch, or a stored one that shares a band with one."""
    doc_id: str
    signature: np.ndarray
    root: str
    """The original of its group: itself, or the document it copies."""
    source: str


@dataclass
class Links:
    """What a batch's documents count as, and the rows that record their signatures."""
    sources: dict[str, str] = field(default_factory=dict)
    copies: list[dict] = field(default_factory=list)
    bands: list[dict] = field(default_factory=list)


def plan(conn: Connection, batch: list[Document]) -> Links:
    """Each document's source, linking each to the closest earlier document (stored, or
    before it in the batch) that it copies; in three statements for the whole batch."""
    signed = {d.id: minhash.signature(d.text) for d in batch}
    bands = {doc_id: minhash.bands(sig) for doc_id, sig in signed.items() if sig is not None}
    by_band = _stored(conn, {band for keys in bands.values() for band in keys})
    links = Links()
    for document in batch:
        own = own_source(document.id, document.outlet)
        signature = signed[document.id]
        if signature is None:
            links.sources[document.id] = own
            continue
        keys = bands[document.id]
        candidates = {c.doc_id: c for band in keys for c in by_band.get(band, ())}
        best = max(((minhash.similarity(signature, c.signature), c.doc_id)
                    for c in candidates.values()), default=(0.0, None))
        copied = candidates[best[1]] if best[0] >= COPY_SIMILARITY else None
        this = _Signed(document.id, signature, copied.root if copied else document.id,
                       copied.source if copied else own)
        links.sources[document.id] = this.source
        links.copies.append({"document_id": document.id, "signature": minhash.to_bytes(signature),
                             "copy_of": copied and copied.root,
                             "similarity": best[0] if copied else None})
        links.bands += [{"band": band, "document_id": document.id} for band in keys]
        for band in keys:
            by_band.setdefault(band, []).append(this)
    return links


def record(conn: Connection, links: Links) -> None:
    """After the batch's documents are inserted: their signatures, bands and links."""
    if links.copies:
        conn.execute(insert(document_copies), links.copies)
        conn.execute(insert(copy_bands), links.bands)


def _stored(conn: Connection, bands: set[str]) -> dict[str, list[_Signed]]:
    """The stored documents that share one of `bands`, by band."""
    wanted = sorted(bands)
    pairs: list[tuple[str, str]] = []
    for i in range(0, len(wanted), CHUNK):
        pairs += conn.execute(select(copy_bands.c.band, copy_bands.c.document_id)
                              .where(copy_bands.c.band.in_(wanted[i:i + CHUNK]))).all()
    ids = sorted({doc_id for _, doc_id in pairs})
    found: dict[str, _Signed] = {}
    for i in range(0, len(ids), CHUNK):
        for doc_id, data, copy_of, source in conn.execute(
                select(document_copies.c.document_id, document_copies.c.signature,
                       document_copies.c.copy_of, document_keys.c.source_key)
                .join(document_keys,
                      document_keys.c.document_id == document_copies.c.document_id)
                .where(document_copies.c.document_id.in_(ids[i:i + CHUNK]))):
            found[doc_id] = _Signed(doc_id, minhash.from_bytes(data), copy_of or doc_id, source)
    by_band: dict[str, list[_Signed]] = {}
    for band, doc_id in pairs:
        by_band.setdefault(band, []).append(found[doc_id])
    return by_band


def forget(conn: Connection, doc_id: str) -> None:
    """Before `doc_id` is removed: its copies become sources of their own again."""
    copies = conn.execute(select(documents.c.id, documents.c.outlet)
                          .join(document_copies, document_copies.c.document_id == documents.c.id)
                          .where(document_copies.c.copy_of == doc_id)).all()
    for copy_id, outlet in copies:
        conn.execute(update(document_keys).where(document_keys.c.document_id == copy_id)
                     .values(source_key=own_source(copy_id, outlet)))
        conn.execute(update(document_copies).where(document_copies.c.document_id == copy_id)
                     .values(copy_of=None, similarity=None))
    # the copies' ties now count them as sources of their own
    tie_table.refresh(conn, tie_table.pairs_of_documents(conn, [c for c, _ in copies]))


def copies_of(conn: Connection, doc_id: str) -> list[dict]:
    """The documents stored as near copies of `doc_id`, with their similarity."""
    return [{"id": r.document_id, "similarity": round(r.similarity, 3)}
            for r in conn.execute(select(document_copies.c.document_id,
                                         document_copies.c.similarity)
                                  .where(document_copies.c.copy_of == doc_id)
                                  .order_by(document_copies.c.document_id))]


def copy_count(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(document_copies)
                       .where(document_copies.c.copy_of.is_not(None)))
