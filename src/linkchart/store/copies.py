"""Wire copies: a document whose text is a near copy of one stored before it (one agency
story printed by several outlets) is linked to that original, and counts as the same
independent source as it wherever ties count sources."""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select, update

from linkchart.store import minhash
from linkchart.store.lookup import CHUNK
from linkchart.store.outlets import outlet_key
from linkchart.store.schema import copy_bands, document_copies, document_keys, documents

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


def link(conn: Connection, doc_id: str, text: str, outlet: str | None) -> str:
    """Record the stored document's signature, link it to the earlier document it
    copies, if any; the source it counts as (its original's, for a copy)."""
    own = own_source(doc_id, outlet)
    signature = minhash.signature(text)
    if signature is None:
        return own
    keys = minhash.bands(signature)
    original, score = _original(conn, signature, keys)
    conn.execute(insert(document_copies), {"document_id": doc_id, "copy_of": original,
                                           "similarity": score,
                                           "signature": minhash.to_bytes(signature)})
    conn.execute(insert(copy_bands), [{"band": key, "document_id": doc_id} for key in keys])
    if original is None:
        return own
    return conn.scalar(select(document_keys.c.source_key)
                       .where(document_keys.c.document_id == original)) or own


def _original(conn: Connection, signature, keys: list[str]) -> tuple[str | None, float | None]:
    """The stored document the signature copies best (the original of that one, when it
    is a copy itself), and how similar they are; (None, None) when none is close."""
    candidates = list(conn.scalars(select(copy_bands.c.document_id).distinct()
                                   .where(copy_bands.c.band.in_(keys))))
    best: tuple[float, str] | None = None
    for i in range(0, len(candidates), CHUNK):
        for doc_id, data, copy_of in conn.execute(
                select(document_copies.c.document_id, document_copies.c.signature,
                       document_copies.c.copy_of)
                .where(document_copies.c.document_id.in_(candidates[i:i + CHUNK]))):
            score = minhash.similarity(signature, minhash.from_bytes(data))
            if score >= COPY_SIMILARITY and (best is None or (score, doc_id) > best[:2]):
                best = (score, doc_id, copy_of or doc_id)
    return (best[2], best[0]) if best else (None, None)


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
