"""An actor's neighbourhood: its best-sourced neighbours, level by level, and every tie
among them, with their evidence (`graph`) or counted in SQL without it (`ties`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from linkchart.store.graph import entity_num, rank, relation_list
from linkchart.store.queries import entities_by_id
from linkchart.store.schema import entities
from linkchart.store.ties import neighbour_weights, tie_list


def _best_new_ends(found: list[dict[str, Any]], levels: dict[str, int],
                   limit: int | None) -> list[str]:
    """Ends not yet reached, best-sourced first, at most `limit` of them."""
    score: dict[str, int] = {}
    for edge in found:
        for end in (edge["source"], edge["target"]):
            if end not in levels:
                score[end] = score.get(end, 0) + edge["sources"]
    ranked = sorted(score, key=lambda end: (-score[end], entity_num(end)))
    return ranked[:limit] if limit else ranked


def _heaviest(weights: dict[str, int], limit: int) -> list[str]:
    """The `limit` ends of most weight, as `_best_new_ends` ranks them."""
    return sorted(weights, key=lambda end: (-weights[end], entity_num(end)))[:limit]


def neighbourhood(conn: Connection, entity_id: str, depth: int = 1, entity_types=None,
                  relation_types=None, date_from=None, date_to=None,
                  min_sources: int = 1, limit: int | None = None, evidence: bool = True,
                  min_confidence: float | None = None) -> dict[str, list[dict[str, Any]]]:
    """The actor, its neighbours to `depth` (with `limit`, the best-sourced ones at each
    level), and every relation among them: with `evidence`, as `graph.relation_list` gives
    them, otherwise as `ties.tie_list` counts them."""
    if conn.scalar(select(entities.c.id).where(entities.c.id == entity_id)) is None:
        return {"nodes": [], "edges": []}
    kinds = set(entity_types) if entity_types else None
    listing = relation_list if evidence else tie_list

    def ties(ids: set[str], among: set[str] | None = None) -> list[dict[str, Any]]:
        found = listing(conn, ids, relation_types, date_from, date_to, min_sources,
                        among=among, min_confidence=min_confidence)
        return [edge for edge in found if kinds is None or all(
            end == entity_id or kind in kinds
            for end, kind in ((edge["source"], edge["source_type"]),
                              (edge["target"], edge["target_type"])))]

    levels = {entity_id: 0}
    looked_up: dict[str, dict[str, Any]] = {}
    frontier = {entity_id}
    reachable = 0
    weighed = limit and not (evidence or date_from or date_to)
    for level in range(1, max(depth, 0) + 1):
        if not frontier:
            break
        if level == 1 and weighed:
            # the best-sourced neighbours chosen from the tie table's counts; only the
            # ties to them are built
            weights = neighbour_weights(conn, entity_id, relation_types, min_sources,
                                        min_confidence, kinds)
            reachable = len(weights)
            for end in _heaviest(weights, limit):
                levels[end] = level
            frontier = set(levels) - {entity_id}
            found = ties({entity_id}, among=set(levels))
            looked_up.update((edge["id"], edge) for edge in found)
            continue
        found = ties(frontier)
        looked_up.update((edge["id"], edge) for edge in found)
        new = _best_new_ends(found, levels, limit)
        if level == 1:
            reachable = len({end for edge in found for end in (edge["source"], edge["target"])
                             if end != entity_id})
        for end in new:
            levels[end] = level
        frontier = set(new)
    nodes = entities_by_id(conn, levels)
    return {"nodes": sorted((nodes[i] | {"depth": d} for i, d in levels.items()),
                            key=lambda n: (n["depth"], entity_num(n["id"]))),
            "edges": _among(levels, looked_up, frontier, ties), "neighbours": reachable}


def _among(levels: dict[str, int], looked_up: dict[str, dict[str, Any]], last: set[str],
           ties) -> list[dict[str, Any]]:
    """Every tie among the nodes, best-sourced first: those found when their nodes were
    looked up, and those among the `last` level's nodes (never looked up)."""
    found = [edge for edge in looked_up.values()
             if edge["source"] in levels and edge["target"] in levels]
    if last:
        found += ties(last, among=last)
    return sorted(found, key=rank)
