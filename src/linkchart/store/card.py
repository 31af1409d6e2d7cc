"""An entity's card: who it is, its ties with their evidence, its events, what it said
and the documents that name it. With a `limit`, each list holds at most that many (the
best-sourced ties, the oldest of the rest) and `totals` says how many there are."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from linkchart.store import queries
from linkchart.store.graph import relations_with
from linkchart.store.ties import tie_list

CARD_QUOTES = 5


def entity_card(conn: Connection, entity_id: str, limit: int | None = None
                ) -> dict[str, Any] | None:
    found = queries.entities_by_id(conn, [entity_id]).get(entity_id)
    if found is None:
        return None
    ties = tie_list(conn, [entity_id])
    counted = {tie["id"]: tie for tie in ties[:limit]}
    events, event_total = queries.event_page(conn, entity_id, limit)
    documents, outlets = queries.document_counts(conn, entity_id)
    return found | {
        "documents": queries.entity_documents(conn, entity_id, limit),
        "relations": [_from_side(_quotes(tie, counted[tie["id"]], limit), entity_id)
                      for tie in _with_evidence(conn, entity_id, ties[:limit])],
        "events": events,
        "attributions": queries.attributions_by(conn, entity_id, limit),
        "limit": limit,
        "totals": {"documents": documents, "outlets": outlets, "relations": len(ties),
                   "events": event_total,
                   "attributions": queries.attribution_count(conn, entity_id)},
    }


def _with_evidence(conn: Connection, entity_id: str, ties: list[dict[str, Any]]
                   ) -> list[dict[str, Any]]:
    """The same ties, in the same order, with their evidence."""
    kept = {tie["id"] for tie in ties}
    others = {end for tie in ties for end in (tie["source"], tie["target"])
              if end != entity_id or tie["source"] == tie["target"]}
    return [tie for tie in relations_with(conn, entity_id, others) if tie["id"] in kept]


def _quotes(tie: dict[str, Any], counted: dict[str, Any], limit: int | None
            ) -> dict[str, Any]:
    """With a `limit`, a tie keeps its first few quotes (`evidence_total` says how many
    there are; /api/edges/{id} has them all): a hub's ties quote thousands of articles.
    Whether only anonymous sources back it is read from all of them (`counted`)."""
    evidence = sorted(tie["evidence"], key=lambda e: (e["published"] or "", e["document"]))
    kept = evidence if limit is None else evidence[:CARD_QUOTES]
    return tie | {"evidence": kept, "evidence_total": len(evidence),
                  "anonymous_only": counted["anonymous_only"]}


def _from_side(tie: dict[str, Any], entity_id: str) -> dict[str, Any]:
    outgoing = tie["source"] == entity_id
    other = "target" if outgoing else "source"
    direction = "undirected" if not tie["directed"] else "out" if outgoing else "in"
    return tie | {"direction": direction, "other": {
        "id": tie[other], "name": tie[f"{other}_name"], "type": tie[f"{other}_type"]}}
