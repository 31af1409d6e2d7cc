"""Which actors and ties an analyst added by hand (linkchart.store.hand_made): SQL text
run through a `dbapi.Reader`, by the Store and by the light reader alike."""

from __future__ import annotations

from typing import Any

from linkchart.store.dbapi import CHUNK, Reader, in_list
from linkchart.store.read_judgements import active
from linkchart.store.tie_shapes import tie_id_of_row

KIND = "add_actor"
LINK_KIND = "add_fact"
MANUAL = "manual"
"""The local id of both ends of a relation row added by hand."""


def hand_made(reader: Reader) -> dict[str, dict[str, Any]]:
    """Entity id -> who added it by hand and when, for the actors added by hand now."""
    found: dict[str, dict[str, Any]] = {}
    for j in active(reader, kinds=(KIND,)):
        for entity_id in j["targets"] or []:
            if entity_id and entity_id not in found:
                found[entity_id] = {"author": j["author"], "created_at": j["created_at"],
                                    "judgement": j["id"]}
    return found


def hand_made_links(reader: Reader) -> dict[str, dict[str, Any]]:
    """Tie id -> who added it by hand and when, and its hand-made quotes (`quotes`:
    (document, text) pairs), for the ties that hold a relation added by hand now. Read
    from the rows the judgements inserted, so a tie follows its ends through merges."""
    made = [j for j in active(reader, kinds=(LINK_KIND,)) if j["status"] == "applied"]
    by_quote = {(j["payload"].get("document"), j["payload"].get("evidence")): j for j in made}
    if not by_quote:
        return {}
    found: dict[str, dict[str, Any]] = {}
    for r in _manual_rows(reader, sorted({d for d, _ in by_quote if d})):
        j = by_quote.get((r.document_id, r.evidence))
        if j is None:
            continue
        link = found.setdefault(tie_id_of_row(r), {
            "author": j["author"], "created_at": j["created_at"], "judgement": j["id"],
            "quotes": []})
        link["quotes"].append((r.document_id, r.evidence))
    return found


def _manual_rows(reader: Reader, documents: list[str]) -> list:
    """The relation rows added by hand to some documents, in the order they were added."""
    rows = []
    for i in range(0, len(documents), CHUNK):
        among, params = in_list("document", documents[i:i + CHUNK])
        rows += reader.rows(f"SELECT * FROM relations WHERE document_id IN {among} "
                            "AND source_local = :manual", params | {"manual": MANUAL})
    return sorted(rows, key=lambda r: r.id)
