"""What a tie and a quote of it look like, made from rows of any reader (SQLAlchemy's or
a plain DB-API cursor's): ids, ranking, the tie table's columns. No SQL. The relation
catalogue (model.UNDIRECTED_RELATIONS) is read when a tie is first made, not on import."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from linkchart import model
from linkchart.store import dates
from linkchart.store.outlets import outlet_key

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


def count_sources(evidence: Iterable[dict[str, Any]], keys: Iterable[Any] | None = None) -> int:
    """Independent sources: distinct outlet names; a document with none counts alone.
    `keys`, one a piece of evidence, are the sources the store counts them as (a wire
    copy as its original), when known."""
    return len(set(keys) if keys is not None else {_source(e) for e in evidence})


def _source(evidence: dict[str, Any]) -> Any:
    return outlet_key(evidence["outlet"]) or ("document", evidence["document"])


CONFIDENCE_CAP = 0.999999
"""As `ties.CONFIDENCE_CAP`: what a confidence of 1 counts as in the noisy-OR."""


def corroborated(evidence: Iterable[dict[str, Any]],
                 keys: Iterable[Any] | None = None) -> float | None:
    """A tie's confidence: noisy-OR over independent sources (see count_sources) of each
    one's best confidence, 1 - prod(1 - c); None when no evidence has a confidence."""
    evidence = list(evidence)
    keys = list(keys) if keys is not None else [_source(e) for e in evidence]
    best: dict[Any, float] = {}
    for e, key in zip(evidence, keys, strict=True):
        if e["confidence"] is not None:
            best[key] = max(best.get(key, 0.0), min(e["confidence"], CONFIDENCE_CAP))
    if not best:
        return None
    return round(1 - math.prod(1 - c for c in best.values()), 4)


def confident(confidence: float | None, threshold: float | None) -> bool:
    """At or above `threshold`; a tie of rows stored before calibration always passes."""
    return threshold is None or confidence is None or confidence >= threshold


def aggregate(rows) -> list[dict[str, Any]]:
    groups: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        ends = [(r.source_entity, r.source_name, r.source_type),
                (r.target_entity, r.target_name, r.target_type)]
        if r.type in model.UNDIRECTED_RELATIONS:
            ends.sort(key=lambda end: entity_num(end[0]))
        (s, s_name, s_type), (t, t_name, t_type) = ends
        group = groups.setdefault((r.type, s, t, bool(r.negated)), {
            "type": r.type, "source": s, "target": t, "negated": bool(r.negated),
            "directed": r.type not in model.UNDIRECTED_RELATIONS,
            "source_name": s_name, "source_type": s_type,
            "target_name": t_name, "target_type": t_type, "evidence": [], "keys": []})
        group["keys"].append(r.source_key)
        group["evidence"].append(evidence_of_row(r))
    found = []
    for group in groups.values():
        evidence, keys = group["evidence"], group.pop("keys")
        seen_dates = [e["published"] for e in evidence]
        group |= {"id": edge_id(group), "sources": count_sources(evidence, keys),
                  "documents": sorted({e["document"] for e in evidence}),
                  "roles": sorted({e["role"] for e in evidence if e["role"]}),
                  "first_date": dates.earliest(*seen_dates),
                  "last_date": dates.latest(*seen_dates),
                  "confidence": corroborated(evidence, keys)}
        found.append(group)
    found.sort(key=rank)
    return found
