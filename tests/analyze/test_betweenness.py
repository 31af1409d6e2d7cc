"""Betweenness and the 2-core on lists of numbers give networkx's figures (to the last
bit or so: numpy adds in another order), so the brokers found are the same as with
networkx, only sooner."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from linkchart.analyze.betweenness import betweenness, two_core


def random_graph(seed: int, size: int, edges: int) -> nx.Graph:
    rnd = random.Random(seed)
    graph = nx.Graph()
    graph.add_nodes_from(range(size))
    for _ in range(edges):
        a, b = rnd.randrange(size), rnd.randrange(size)
        if a != b:
            graph.add_edge(a, b)
    return graph


def same(figures) -> list:
    return [pytest.approx(f, rel=1e-12, abs=1e-15) for f in figures]


def lists(graph: nx.Graph) -> list[list[int]]:
    return [list(graph[n]) for n in range(graph.number_of_nodes())]


@pytest.mark.parametrize("seed", range(4))
def test_every_source_gives_networkx_figures(seed):
    graph = random_graph(seed, 60, 90)
    assert betweenness(lists(graph)) == same(nx.betweenness_centrality(graph).values())


@pytest.mark.parametrize("seed", range(4))
def test_a_sample_of_sources_gives_networkx_figures(seed):
    graph = random_graph(seed, 300, 700)
    expected = nx.betweenness_centrality(graph, k=48, seed=seed)
    assert betweenness(lists(graph), 48, seed=seed) == same(expected.values())


def test_a_sample_of_every_node_is_every_node():
    graph = random_graph(9, 30, 50)
    assert betweenness(lists(graph), 30) == same(betweenness(lists(graph)))


def test_tiny_graphs_are_not_rescaled():
    assert betweenness([[1], [0]]) == [0.0, 0.0]


def test_a_source_that_reaches_nothing():
    assert betweenness([[], [2], [1]]) == [0.0, 0.0, 0.0]


def test_no_nodes():
    assert betweenness([]) == []


@pytest.mark.parametrize("seed", range(4))
def test_the_two_core_is_networkx_k_core(seed):
    graph = random_graph(seed, 80, 90)
    assert two_core(graph.adj) == set(nx.k_core(graph, 2))


def test_a_tree_has_no_two_core():
    assert two_core({"a": ["b"], "b": ["a", "c"], "c": ["b"]}) == set()
