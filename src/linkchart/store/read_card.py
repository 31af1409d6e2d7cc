"""An entity's card: who it is, its ties with their evidence, its events, what it said
and the documents that name it. With a `limit`, each list holds at most that many (the
best-sourced ties, the oldest of the rest) and `totals` says how many there are. SQL
text run through a `dbapi.Reader`, by the Store and by the light reader alike."""

from __future__ import annotations

from typing import Any

from linkchart.store.dbapi import Reader
from linkchart.store.read_entities import entities_by_id
from linkchart.store.read_events import event_page
from linkchart.store.read_quotes import first_quotes, quotes_by_id
from linkchart.store.read_ties import best_stored
from linkchart.store.tie_shapes import QUOTES_KEPT

CARD_QUOTES = 3
"""Quotes a tie sends with a card: as many as the evidence panel shows before "show
more" (QUOTES in evidence.js), which fetches the rest from /api/edges/{id}. A hub's card
quotes 200 ties: 600 quotes read instead of 1,000."""

HEADER = ("SELECT documents.id, documents.title, documents.outlet, documents.published, "
          "documents.url FROM documents")


def header(row) -> dict[str, Any]:
    """A document's title, outlet, date and address."""
    return {"id": row.id, "title": row.title, "outlet": row.outlet,
            "published": row.published, "url": row.url}


def entity_card(reader: Reader, entity_id: str, limit: int | None = None
                ) -> dict[str, Any] | None:
    found = entities_by_id(reader, [entity_id]).get(entity_id)
    if found is None:
        return None
    ties = best_stored(reader, entity_id, limit, quotes=True)
    events, event_total = event_page(reader, entity_id, limit)
    documents, outlets = document_counts(reader, entity_id)
    shown = _quoted(reader, entity_id, ties, None if limit is None else CARD_QUOTES)
    return found | {
        "documents": entity_documents(reader, entity_id, limit),
        "relations": [_from_side(tie, entity_id) for tie in shown],
        "events": events,
        "attributions": attributions_by(reader, entity_id, limit),
        "limit": limit,
        "totals": {"documents": documents, "outlets": outlets,
                   "relations": found["relations"],
                   "events": event_total,
                   "attributions": attribution_count(reader, entity_id)},
    }


def _quoted(reader: Reader, entity_id: str, ties: list[dict[str, Any]],
            per_tie: int | None) -> list[dict[str, Any]]:
    """The ties as counted, each with its oldest `per_tie` quotes (all without):
    `evidence_total` says how many there are, /api/edges/{id} has them all. A hub's ties
    quote thousands of articles."""
    if per_tie is not None and per_tie <= QUOTES_KEPT:
        # the ids are stored oldest first
        quotes = quotes_by_id(reader, [i for tie in ties for i in tie["quote_ids"][:per_tie]])
    else:
        others = {end for tie in ties for end in (tie["source"], tie["target"])
                  if end != entity_id or tie["source"] == tie["target"]}
        quotes = first_quotes(reader, entity_id, others, per_tie)
    return [_without_quote_ids(tie) | {"evidence": quotes.get(tie["id"], [])[:per_tie],
                                       "evidence_total": tie["evidence_count"]}
            for tie in ties]


def _without_quote_ids(tie: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in tie.items() if k != "quote_ids"}


def _from_side(tie: dict[str, Any], entity_id: str) -> dict[str, Any]:
    outgoing = tie["source"] == entity_id
    other = "target" if outgoing else "source"
    direction = "undirected" if not tie["directed"] else "out" if outgoing else "in"
    return tie | {"direction": direction, "other": {
        "id": tie[other], "name": tie[f"{other}_name"], "type": tie[f"{other}_type"]}}


def entity_documents(reader: Reader, entity_id: str, limit: int | None = None
                     ) -> list[dict[str, Any]]:
    """The documents that name an entity, oldest first (the first `limit` of them)."""
    named = ("documents.id IN (SELECT doc_entities.document_id FROM doc_entities "
             "WHERE doc_entities.entity_id = :entity)")
    params: dict[str, Any] = {"entity": entity_id}
    if limit and reader.dialect == "sqlite":
        named = f"likelihood({named}, {_share_named(reader, entity_id)})"
    cut = ""
    if limit is not None:
        cut = " LIMIT :limit"
        params["limit"] = limit
    return [header(r) for r in reader.rows(
        f"{HEADER} WHERE {named} ORDER BY documents.published, documents.id{cut}", params)]


def _share_named(reader: Reader, entity_id: str) -> str:
    """The share of all documents that name an entity, for SQLite's planner, which keeps
    no statistics: a hub's first documents are found sooner by walking all documents in
    date order (the hub of 10,000 articles, named in 73% of them: 3 ms, against 8-10 ms
    sorting all 7,287 and 37 ms the first time), anyone else's by sorting the few that
    name them."""
    named = reader.scalar("SELECT documents FROM entities WHERE id = :entity",
                          {"entity": entity_id}) or 0
    total = reader.scalar("SELECT count(*) FROM documents") or 1
    return f"{min(named / total, 1.0):.2f}"


def document_counts(reader: Reader, entity_id: str) -> tuple[int, int]:
    """How many documents name an entity, and from how many independent sources (a
    document without an outlet counts alone, a wire copy as its original)."""
    return tuple(reader.rows(
        "SELECT count(*) AS documents, count(DISTINCT document_keys.source_key) AS sources "
        "FROM (SELECT DISTINCT doc_entities.document_id AS document_id FROM doc_entities "
        "WHERE doc_entities.entity_id = :entity) AS named "
        "JOIN document_keys ON document_keys.document_id = named.document_id",
        {"entity": entity_id})[0])


def attributions_by(reader: Reader, entity_id: str, limit: int | None = None
                    ) -> list[dict[str, Any]]:
    """What an entity is reported to have said, oldest first (the first `limit`)."""
    params: dict[str, Any] = {"entity": entity_id}
    cut = ""
    if limit is not None:
        cut = " LIMIT :limit"
        params["limit"] = limit
    rows = reader.rows(
        "SELECT attributions.*, documents.outlet, documents.published FROM attributions "
        "JOIN documents ON documents.id = attributions.document_id "
        "WHERE attributions.source_entity = :entity "
        f"ORDER BY documents.published, attributions.id{cut}", params)
    return [{"id": r.local_id, "document": r.document_id, "source": r.source_entity,
             "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
             "content": r.content, "direct": bool(r.direct), "start": r.start, "end": r.end,
             "outlet": r.outlet, "published": r.published} for r in rows]


def attribution_count(reader: Reader, entity_id: str) -> int:
    return reader.scalar("SELECT count(*) FROM attributions WHERE source_entity = :entity",
                         {"entity": entity_id})
