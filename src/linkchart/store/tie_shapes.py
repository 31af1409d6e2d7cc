"""What a tie and a quote of it look like, made from rows of any reader (SQLAlchemy's or
a plain DB-API cursor's): ids, ranking, the tie table's columns. No SQL. The relation
catalogue (model.UNDIRECTED_RELATIONS) is read when a tie is first made, not on import."""

from __future__ import annotations

from typing import Any

from linkchart import model

MAX_AMONG_IN_SQL = 2000
QUOTES_KEPT = 5
"""Quotes a tie keeps the ids of: at least as many as a card sends (read_card.CARD_QUOTES)."""
ROLE_SEPARATOR = "\x1f"  # a control character no role holds
TIE_KEY = ("type", "source", "target", "negated")
COUNTS = ("sources", "mentions", "documents", "anonymous", "first_date", "last_date",
          "roles", "confidence", "max_confidence")
"""The tie table's columns besides TIE_KEY: what `ties.counts` gives per tie."""


def entity_num(entity_id: str) -> int:
    """E12 -> 12: entities are numbered in the order the store met them."""
    return int(entity_id[1:])


def edge_id(relation: dict[str, Any]) -> str:
    negated = ":not" if relation["negated"] else ""
    return f"{relation['type']}:{relation['source']}:{relation['target']}{negated}"


def rank(tie: dict[str, Any]) -> tuple:
    """Best-sourced ties first, then in a fixed order."""
    # entity_num inlined: a hub's chart ranks thousands of ties, twice
    return (-tie["sources"], tie["type"], int(tie["source"][1:]), int(tie["target"][1:]),
            tie["negated"])


def evidence_of_row(r) -> dict[str, Any]:
    """A relation row (of `graph.relation_rows` or `read_quotes`) as a piece of its tie's
    evidence."""
    return {"document": r.document_id, "text": r.evidence, "start": r.start, "end": r.end,
            "role": r.role, "hedged": bool(r.hedged), "outlet": r.outlet,
            "published": r.published, "confidence": r.confidence,
            "attribution": None if r.attribution_local is None else {
                "id": r.attribution_local, "source": r.attribution_source,
                "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue}}


def tie_id_of_row(r) -> str:
    """The id of the tie a relation row (of `relation_rows`, or the relations table) belongs to."""
    source, target = r.source_entity, r.target_entity
    if r.type in model.UNDIRECTED_RELATIONS and entity_num(source) > entity_num(target):
        source, target = target, source
    return edge_id({"type": r.type, "source": source, "target": target,
                    "negated": bool(r.negated)})


def oldest_quote(quote: dict[str, Any]) -> tuple:
    return quote["published"] or "", quote["document"]


def split_roles(joined: str | None) -> list[str]:
    return sorted(joined.split(ROLE_SEPARATOR)) if joined else []


def tie_of_row(row, quotes: bool = False) -> dict[str, Any]:
    """A row of TIE_KEY, COUNTS, its ends' names and types (and the quotes' ids) as a
    tie (read by position: a hub has thousands)."""
    (kind, source, target, negated, sources, mentions, documents_, anonymous, first, last,
     roles, confidence, _highest, source_name, source_type, target_name, target_type,
     *quoted) = row
    tie = {"type": kind, "source": source, "target": target, "negated": bool(negated),
           "directed": kind not in model.UNDIRECTED_RELATIONS,
           "source_name": source_name, "source_type": source_type,
           "target_name": target_name, "target_type": target_type}
    tie |= {"id": edge_id(tie), "sources": sources, "roles": split_roles(roles),
            "first_date": first, "last_date": last, "anonymous_only": anonymous == mentions,
            "evidence_count": mentions, "document_count": documents_,
            "confidence": round(confidence, 4) if confidence is not None else None}
    if quotes:
        tie["quote_ids"] = [int(i) for i in (quoted[0] or "").split(",") if i]
    return tie
