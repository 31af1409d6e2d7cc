"""The shortest chains of ties between two actors, composed from the store's ties.

Denied ties are left out. A breadth-first search from the first actor, one level of ties at a time (each level
is one query), that stops at the level where the second actor is reached or at
`max_length`; every shortest chain is then read back, best-sourced first.
"""

from __future__ import annotations

from typing import Any

from linkchart.analyze.selection import Selection
from linkchart.server.views import tie_edge
from linkchart.store import Store

MAX_LENGTH = 4
MAX_PATHS = 20


def _levels(store: Store, source: str, target: str, max_length: int, filters: Selection
            ) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """For each actor reached, the (previous actor, tie) pairs that reach it first."""
    depth = {source: 0}
    reached_by: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    frontier = {source}
    for level in range(1, max_length + 1):
        following: set[str] = set()
        for tie in store.ties(sorted(frontier), filters.relation_types or None,
                              filters.date_from, filters.date_to, filters.min_sources,
                              filters.min_confidence):
            if tie["negated"]:   # a tie the text denies joins no chain
                continue
            for near, far in ((tie["source"], tie["target"]), (tie["target"], tie["source"])):
                if near in frontier and depth.get(far, level) == level and near != far:
                    depth[far] = level
                    reached_by.setdefault(far, []).append((near, tie))
                    following.add(far)
        if target in following or not following:
            break
        frontier = following
    return reached_by


def shortest_paths(store: Store, source: str, target: str, filters: Selection,
                   max_length: int = 3, limit: int = MAX_PATHS) -> dict[str, Any]:
    """`paths` (each a list of edge ids from source to target), and the `nodes` and
    `edges` (lean ties) they use."""
    reached_by = _levels(store, source, target, max_length, filters)
    paths: list[list[dict[str, Any]]] = []

    def walk(actor: str, tail: list[dict[str, Any]]) -> None:
        if len(paths) >= limit:
            return
        if actor == source:
            paths.append(tail)
            return
        for before, tie in reached_by.get(actor, []):
            walk(before, [tie, *tail])

    if source != target and target in reached_by:
        walk(target, [])
    paths.sort(key=lambda path: -min(tie["sources"] for tie in path))
    edges = {tie["id"]: tie_edge(tie) for path in paths for tie in path}
    ids = {source, target} | {end for e in edges.values() for end in (e["source"], e["target"])}
    found = store.entities_by_id(ids)
    return {"paths": [[tie["id"] for tie in path] for path in paths],
            "nodes": [found[i] for i in sorted(ids) if i in found],
            "edges": list(edges.values())}
