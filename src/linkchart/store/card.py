"""An entity's card: who it is, its ties with their evidence, its events, what it said
and the documents that name it. With a `limit`, each list holds at most that many (the
best-sourced ties, the oldest of the rest) and `totals` says how many there are."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, exists, select

from linkchart.store import queries
from linkchart.store.graph import first_quotes, quotes_by_id
from linkchart.store.schema import entities, event_participants
from linkchart.store.tie_table import QUOTES_KEPT
from linkchart.store.ties import best_stored

CARD_QUOTES = 3
"""Quotes a tie sends with a card: as many as the evidence panel shows before "show
more" (QUOTES in evidence.js), which fetches the rest from /api/edges/{id}. A hub's card
quotes 200 ties: 600 quotes read instead of 1,000."""


def entity_card(conn: Connection, entity_id: str, limit: int | None = None
                ) -> dict[str, Any] | None:
    found = queries.entities_by_id(conn, [entity_id]).get(entity_id)
    if found is None:
        return None
    ties = best_stored(conn, entity_id, limit, quotes=True)
    events, event_total = queries.event_page(conn, entity_id, limit)
    documents, outlets = queries.document_counts(conn, entity_id)
    shown = _quoted(conn, entity_id, ties, None if limit is None else CARD_QUOTES)
    return found | {
        "documents": queries.entity_documents(conn, entity_id, limit),
        "relations": [_from_side(tie, entity_id) for tie in shown],
        "events": events,
        "attributions": queries.attributions_by(conn, entity_id, limit),
        "limit": limit,
        "totals": {"documents": documents, "outlets": outlets,
                   "relations": found["relations"],
                   "events": event_total,
                   "attributions": queries.attribution_count(conn, entity_id)},
    }


def _quoted(conn: Connection, entity_id: str, ties: list[dict[str, Any]],
            per_tie: int | None) -> list[dict[str, Any]]:
    """The ties as counted, each with its oldest `per_tie` quotes (all without):
    `evidence_total` says how many there are, /api/edges/{id} has them all. A hub's ties
    quote thousands of articles."""
    if per_tie is not None and per_tie <= QUOTES_KEPT:
        # the ids are stored oldest first
        quotes = quotes_by_id(conn, [i for tie in ties for i in tie["quote_ids"][:per_tie]])
    else:
        others = {end for tie in ties for end in (tie["source"], tie["target"])
                  if end != entity_id or tie["source"] == tie["target"]}
        quotes = first_quotes(conn, entity_id, others, per_tie)
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


def smallest_full_card(conn: Connection) -> str | None:
    """The least-tied entity with ties and events (None in a store without one): its card
    runs every statement a card runs, over a few rows."""
    has_events = exists().where(event_participants.c.entity_id == entities.c.id)
    return conn.scalar(select(entities.c.id).where(entities.c.ties > 0, has_events)
                       .order_by(entities.c.ties, entities.c.id).limit(1))
