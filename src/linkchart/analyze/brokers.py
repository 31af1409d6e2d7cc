"""Brokers: actors that bridge otherwise separate clusters of the tie graph (betweenness),
and the most central actors per period."""

from __future__ import annotations

from heapq import nlargest
from operator import itemgetter
from typing import Any, NamedTuple

from linkchart.analyze.betweenness import betweenness, two_core
from linkchart.analyze.findings import finding, relation_evidence
from linkchart.analyze.louvain import louvain
from linkchart.analyze.selection import Selection
from linkchart.analyze.ties import selected_ties

EXACT_UP_TO = 200
"""Above this many actors, betweenness is estimated from a fixed sample of them."""
SAMPLE = 48
PER_PERIOD = 3


class TieGraph(NamedTuple):
    """The undirected graph of the ties: each actor ({"id", "name", "type"}) and its
    neighbours; every actor has one at least."""
    actors: dict[str, dict[str, str]]
    near: dict[str, set[str]]


def tie_graph(ties: list[dict[str, Any]]) -> TieGraph:
    """The ties as one undirected graph, denials and ties of an actor with itself left
    out (plain dicts and sets: the measures below work on numbered lists of them)."""
    actors: dict[str, dict[str, str]] = {}
    near: dict[str, set[str]] = {}
    for tie in ties:
        source, target = tie["source"], tie["target"]
        if tie["negated"] or source == target:
            continue
        for end, other, side in ((source, target, "source"), (target, source, "target")):
            if end not in actors:
                actors[end] = {"id": end, "name": tie[f"{side}_name"],
                               "type": tie[f"{side}_type"]}
                near[end] = set()
            near[end].add(other)
    return TieGraph(actors, near)


def _node(graph: TieGraph, node: str) -> dict[str, Any]:
    return dict(graph.actors[node])


def _quoted(selection: Selection, quotes: dict[tuple[str, str], dict[str, Any]],
            actor: str, others: list[str]) -> list[dict]:
    """The first quote of the actor's tie to each of `others` (in the selection), of
    `quotes` (`Store.pair_quotes`: read for every finding at once)."""
    found = [quotes[(actor, other)] for other in others if (actor, other) in quotes]
    return relation_evidence({"evidence": [q for q in found if selection.keeps_evidence(q)]})


def _numbered(near: dict[str, set[str]], nodes: set[str]
              ) -> tuple[list[tuple[int, int]], list[str]]:
    """The edges among `nodes`, numbered in sorted order, in sorted order: Louvain keeps
    nodes in sets, whose order changes with each process for names (and so would the
    clusters and the brokers)."""
    entity_of = sorted(nodes)
    number = {entity: n for n, entity in enumerate(entity_of)}
    return sorted((number[a], number[b]) for a in entity_of for b in near[a]
                  if b in number and number[a] < number[b]), entity_of


def _neighbours_of(size: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Each node's neighbours in the order the edges give them."""
    near: list[list[int]] = [[] for _ in range(size)]
    for a, b in edges:
        near[a].append(b)
        near[b].append(a)
    return near


def _scores(near: list[list[int]], edges: list[tuple[int, int]]
            ) -> tuple[list[float], dict[int, int]]:
    """Each actor's betweenness (from a fixed sample of sources on a large graph) and
    Louvain cluster."""
    size = len(near)
    scores = betweenness(near, None if size <= EXACT_UP_TO else SAMPLE, seed=0)
    cluster_of = {}
    for n, members in enumerate(louvain(size, edges, seed=0)):
        for member in members:
            cluster_of[member] = n
    return scores, cluster_of


def _sides(near: list[list[int]], cluster_of: dict[int, int], entity_of: list[str], n: int
           ) -> list[str]:
    """One neighbour of actor `n` per cluster its neighbours fall in, the best connected."""
    sides: dict[int, int] = {}
    for other in sorted(near[n], key=lambda o: (-len(near[o]), entity_of[o])):
        sides.setdefault(cluster_of[other], other)
    return [entity_of[o] for o in sides.values()]


def bridges(store, selection: Selection, graph: TieGraph, limit: int) -> list[dict[str, Any]]:
    """Actors whose neighbours fall in two clusters or more, by betweenness on the graph's
    2-core (actors with one tie bridge nothing)."""
    if not graph.near:
        return []
    edges, entity_of = _numbered(graph.near, two_core(graph.near) or set(graph.near))
    near = _neighbours_of(len(entity_of), edges)
    scores, cluster_of = _scores(near, edges)
    chosen: list[tuple[int, list[str]]] = []
    for n in sorted(range(len(scores)), key=lambda n: (-scores[n], entity_of[n])):
        if scores[n] <= 0 or len(chosen) >= limit:
            break
        if not selection.involves([entity_of[n]]):
            continue
        reps = _sides(near, cluster_of, entity_of, n)
        if len(reps) >= 2:
            chosen.append((n, reps))
    quotes = store.pair_quotes([(entity_of[n], r) for n, reps in chosen for r in reps[:4]])
    found = []
    for n, reps in chosen:
        node, score = entity_of[n], scores[n]
        me = _node(graph, node)
        examples = ", ".join(graph.actors[r]["name"] for r in reps[:4])
        found.append(finding(
            "brokers", f"{me['name']} bridges {len(reps)} clusters of the chart "
            f"(betweenness {score:.3f}), e.g. {examples}",
            [me, *[_node(graph, r) for r in reps]], _quoted(selection, quotes, node, reps[:4]),
            betweenness=round(score, 4), clusters=len(reps), degree=len(near[n]),
            role="broker"))
    return found


def _years(tie: dict[str, Any]) -> set[int]:
    """The years the tie was reported in (its first and its last report)."""
    return {int(d[:4]) for d in (tie.get("first_date"), tie.get("last_date")) if d}


def _first_neighbours(ties: list[dict[str, Any]], leaders: set[str], kept: int = 2
                      ) -> dict[tuple[str, int], list[str]]:
    """(leader, year) -> the leader's first `kept` neighbours in the ties (in their order)
    reported that year, in one pass over them all."""
    found: dict[tuple[str, int], list[str]] = {}
    for tie in ties:
        source, target = tie["source"], tie["target"]
        if tie["negated"] or (source not in leaders and target not in leaders):
            continue
        years = _years(tie)
        ends = ((source, target),) if source == target else ((source, target), (target, source))
        for leader, other in ends:
            if leader not in leaders:
                continue
            for year in years:
                neighbours = found.setdefault((leader, year), [])
                if len(neighbours) < kept:
                    neighbours.append(other)
    return found


def central_per_period(store, selection: Selection, ties: list[dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """The actors with the most ties in each year of the selection."""
    per_year: dict[int, dict[str, int]] = {}
    names = {}
    for tie in ties:
        if tie["negated"]:
            continue
        source, target = tie["source"], tie["target"]
        if source not in names:
            names[source] = (tie["source_name"], tie["source_type"])
        if target not in names:
            names[target] = (tie["target_name"], tie["target_type"])
        for year in _years(tie):
            counts = per_year.get(year)
            if counts is None:
                counts = per_year[year] = {}
            counts[source] = counts.get(source, 0) + 1
            counts[target] = counts.get(target, 0) + 1
    # as Counter.most_common: the most ties first, the first met first among equals
    tops = {year: nlargest(PER_PERIOD, counts.items(), key=itemgetter(1))
            for year, counts in per_year.items()}
    neighbours = _first_neighbours(ties, {top[0][0] for top in tops.values() if top})
    years = sorted(per_year, reverse=True)
    quoted = {year: (tops[year][0][0], neighbours.get((tops[year][0][0], year), []))
              for year in years if tops[year]}
    quotes = store.pair_quotes([(leader, other) for leader, others in quoted.values()
                                for other in others])
    found = []
    for year in years:
        top = tops[year]
        people = [{"id": i, "name": names[i][0], "type": names[i][1]} for i, _ in top]
        found.append(finding(
            "brokers", f"Most connected in {year}: " + ", ".join(
                f"{p['name']} ({n} ties)" for p, (_, n) in zip(people, top)),
            people, _quoted(selection, quotes, *quoted[year]) if people else [],
            role="central", period=str(year), ties=[n for _, n in top]))
    return found


def brokers(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    ties = selected_ties(store, selection)
    graph = tie_graph(ties)
    return bridges(store, selection, graph, limit) + central_per_period(store, selection, ties)
