"""Brokers: actors that bridge otherwise separate clusters of the tie graph (betweenness),
and the most central actors per period."""

from __future__ import annotations

from collections import Counter
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


def _quotes(store, selection: Selection, broker: str, others: list[str]) -> list[dict]:
    """The first quote of the broker's tie to each of `others` (in the selection)."""
    found = store.pair_quotes([(broker, other) for other in others])
    return relation_evidence({"evidence": [q for q in found.values()
                                           if selection.keeps_evidence(q)]})


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
    found = []
    for n in sorted(range(len(scores)), key=lambda n: (-scores[n], entity_of[n])):
        node, score = entity_of[n], scores[n]
        if score <= 0 or len(found) >= limit:
            break
        if not selection.involves([node]):
            continue
        reps = _sides(near, cluster_of, entity_of, n)
        if len(reps) < 2:
            continue
        me = _node(graph, node)
        examples = ", ".join(graph.actors[r]["name"] for r in reps[:4])
        found.append(finding(
            "brokers", f"{me['name']} bridges {len(reps)} clusters of the chart "
            f"(betweenness {score:.3f}), e.g. {examples}",
            [me, *[_node(graph, r) for r in reps]], _quotes(store, selection, node, reps[:4]),
            betweenness=round(score, 4), clusters=len(reps), degree=len(near[n]),
            role="broker"))
    return found


def _years(tie: dict[str, Any]) -> set[int]:
    """The years the tie was reported in (its first and its last report)."""
    return {int(d[:4]) for d in (tie.get("first_date"), tie.get("last_date")) if d}


def _neighbours(ties: list[dict[str, Any]], actor: str, year: int) -> list[str]:
    """`actor`'s neighbours in its `ties` (those it is an end of) reported in `year`."""
    return [t["target"] if t["source"] == actor else t["source"] for t in ties
            if year in _years(t) and not t["negated"]]


def central_per_period(store, selection: Selection, ties: list[dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """The actors with the most ties in each year of the selection."""
    per_year: dict[int, Counter] = {}
    names = {}
    for tie in ties:
        if tie["negated"]:
            continue
        source, target = tie["source"], tie["target"]
        names[source] = (tie["source_name"], tie["source_type"])
        names[target] = (tie["target_name"], tie["target_type"])
        for year in _years(tie):
            counter = per_year.get(year) or per_year.setdefault(year, Counter())
            counter[source] += 1
            counter[target] += 1
    tops = {year: counter.most_common(PER_PERIOD) for year, counter in per_year.items()}
    leaders = {top[0][0] for top in tops.values() if top}
    ties_of: dict[str, list[dict[str, Any]]] = {actor: [] for actor in leaders}
    for tie in ties:  # each year's leader's ties, in one pass over them all
        source, target = tie["source"], tie["target"]
        if source in leaders:
            ties_of[source].append(tie)
        if target in leaders and target != source:
            ties_of[target].append(tie)
    found = []
    for year in sorted(per_year, reverse=True):
        top = tops[year]
        people = [{"id": i, "name": names[i][0], "type": names[i][1]} for i, _ in top]
        found.append(finding(
            "brokers", f"Most connected in {year}: " + ", ".join(
                f"{p['name']} ({n} ties)" for p, (_, n) in zip(people, top)),
            people, _quotes(store, selection, people[0]["id"], _neighbours(
                ties_of[people[0]["id"]], people[0]["id"], year)[:2]) if people else [],
            role="central", period=str(year), ties=[n for _, n in top]))
    return found


def brokers(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    ties = selected_ties(store, selection)
    graph = tie_graph(ties)
    return bridges(store, selection, graph, limit) + central_per_period(store, selection, ties)
