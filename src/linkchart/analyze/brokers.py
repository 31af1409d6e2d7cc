"""Brokers: actors that bridge otherwise separate clusters of the tie graph (betweenness),
and the most central actors per period."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from linkchart.analyze.findings import finding, relation_evidence
from linkchart.analyze.selection import Selection
from linkchart.analyze.ties import selected_ties

if TYPE_CHECKING:
    import networkx as nx

EXACT_UP_TO = 200
"""Above this many actors, betweenness is estimated from a fixed sample of them."""
SAMPLE = 48
PER_PERIOD = 3


def tie_graph(ties: list[dict[str, Any]]) -> nx.Graph:
    import networkx as nx  # here: `linkchart analyze` of another kind never needs it

    graph = nx.Graph()
    for tie in ties:
        if tie["negated"] or tie["source"] == tie["target"]:
            continue
        for end in ("source", "target"):
            graph.add_node(tie[end], name=tie[f"{end}_name"], type=tie[f"{end}_type"])
        weight = graph.get_edge_data(tie["source"], tie["target"], {}).get("sources", 0)
        graph.add_edge(tie["source"], tie["target"], sources=weight + tie["sources"])
    return graph


def _node(graph: nx.Graph, node: str) -> dict[str, Any]:
    return {"id": node, "name": graph.nodes[node]["name"], "type": graph.nodes[node]["type"]}


def _quotes(store, selection: Selection, broker: str, others: list[str]) -> list[dict]:
    """The first quote of the broker's tie to each of `others` (in the selection)."""
    found = store.pair_quotes([(broker, other) for other in others])
    return relation_evidence({"evidence": [q for q in found.values()
                                           if selection.keeps_evidence(q)]})


def _numbered(graph: nx.Graph) -> tuple[nx.Graph, dict[int, str]]:
    """The graph with its actors numbered in sorted order and its edges added in order:
    the 2-core and Louvain keep nodes in sets, whose order changes with each process for
    names (and so would the clusters and the brokers)."""
    import networkx as nx

    entity_of = dict(enumerate(sorted(graph)))
    number = {entity: n for n, entity in entity_of.items()}
    numbered = nx.Graph()
    numbered.add_nodes_from(entity_of)
    numbered.add_edges_from(sorted(tuple(sorted((number[a], number[b])))
                                   for a, b in graph.edges()))
    return numbered, entity_of


def bridges(store, selection: Selection, graph: nx.Graph, limit: int) -> list[dict[str, Any]]:
    """Actors whose neighbours fall in two clusters or more, by betweenness on the graph's
    2-core (actors with one tie bridge nothing)."""
    import networkx as nx

    if graph.number_of_edges() == 0:
        return []
    core = nx.k_core(graph, 2)
    graph = core if core.number_of_edges() else graph
    k = None if graph.number_of_nodes() <= EXACT_UP_TO else SAMPLE
    numbered, entity_of = _numbered(graph)
    between = {entity_of[n]: score for n, score in
               nx.betweenness_centrality(numbered, k=k, seed=0).items()}
    cluster_of = {}
    for n, members in enumerate(nx.community.louvain_communities(numbered, seed=0)):
        for member in members:
            cluster_of[entity_of[member]] = n
    found = []
    for node, score in sorted(between.items(), key=lambda x: (-x[1], x[0])):
        if score <= 0 or len(found) >= limit:
            break
        if not selection.involves([node]):
            continue
        sides: dict[int, str] = {}
        for other in sorted(graph[node], key=lambda o: (-graph.degree(o), o)):
            sides.setdefault(cluster_of[other], other)
        if len(sides) < 2:
            continue
        reps = list(sides.values())
        me = _node(graph, node)
        examples = ", ".join(graph.nodes[r]["name"] for r in reps[:4])
        found.append(finding(
            "brokers", f"{me['name']} bridges {len(sides)} clusters of the chart "
            f"(betweenness {score:.3f}), e.g. {examples}",
            [me, *[_node(graph, r) for r in reps]], _quotes(store, selection, node, reps[:4]),
            betweenness=round(score, 4), clusters=len(sides), degree=graph.degree(node),
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
        names[tie["source"]] = (tie["source_name"], tie["source_type"])
        names[tie["target"]] = (tie["target_name"], tie["target_type"])
        for year in _years(tie):
            per_year.setdefault(year, Counter()).update([tie["source"], tie["target"]])
    tops = {year: counter.most_common(PER_PERIOD) for year, counter in per_year.items()}
    leaders = {top[0][0] for top in tops.values() if top}
    ties_of: dict[str, list[dict[str, Any]]] = {actor: [] for actor in leaders}
    for tie in ties:  # each year's leader's ties, in one pass over them all
        for end in {tie["source"], tie["target"]} & leaders:
            ties_of[end].append(tie)
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
