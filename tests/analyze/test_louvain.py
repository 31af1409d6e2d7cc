"""Louvain on lists and dicts gives networkx's communities exactly (the same sets in the
same order), so the clusters the brokers bridge are networkx's, only sooner."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from linkchart.analyze.louvain import louvain


def random_edges(seed: int, size: int, count: int, camps: int) -> list[tuple[int, int]]:
    """Edges mostly within `camps` groups of nodes, a few across, in a shuffled order."""
    rnd = random.Random(seed)
    edges = set()
    while len(edges) < count:
        a = rnd.randrange(size)
        b = rnd.randrange(size) if rnd.random() < 0.1 else \
            (a // (size // camps)) * (size // camps) + rnd.randrange(size // camps)
        if a != b and b < size:
            edges.add((min(a, b), max(a, b)))
    edges = sorted(edges)
    rnd.shuffle(edges)
    return edges


def networkx_louvain(size: int, edges: list[tuple[int, int]], seed: int) -> list[set[int]]:
    graph = nx.Graph()
    graph.add_nodes_from(range(size))
    graph.add_edges_from(edges)
    return nx.community.louvain_communities(graph, seed=seed)


@pytest.mark.parametrize("seed", range(6))
def test_the_communities_are_networkx_communities(seed):
    edges = random_edges(seed, 400, 1500, 8)
    assert louvain(400, edges, seed) == networkx_louvain(400, edges, seed)


def test_a_sparse_graph_with_many_levels():
    edges = random_edges(11, 1000, 1300, 40)
    assert louvain(1000, edges, 3) == networkx_louvain(1000, edges, 3)


def test_no_edges_leave_every_node_alone():
    assert louvain(3, [], 0) == [{0}, {1}, {2}]


def test_two_triangles_joined_by_one_edge():
    edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
    assert sorted(map(sorted, louvain(6, edges))) == [[0, 1, 2], [3, 4, 5]]
