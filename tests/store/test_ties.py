"""Ties counted in SQL (the chart's lean edges) agree with the same relations counted in
Python from their evidence: on real text and on the written sample, on both backends."""

from __future__ import annotations

import pytest

from linkchart.analyze import Selection
from linkchart.model import DocExtraction, Document, Entity, Relation
from linkchart.server import views

FILTERS = [{}, {"date_from": "2019-09"}, {"date_to": "2019"},
           {"date_from": "2019-09-16", "date_to": "2020-01"}, {"date_from": "2021-03",
                                                              "date_to": "2021-03-31"},
           {"date_from": "2022"}, {"min_sources": 2}]
"""Store filters: periods at every precision (the written sample is dated 2021-2022, the
articles 2019-2020), and a minimum of independent outlets."""


def lean_from_evidence(relations):
    """What the API drew before ties were counted in SQL: each relation with its
    evidence, shaped as a chart edge and stripped of it."""
    return [views.lean(views.relation_edge(r)) for r in relations]


def counted_in_sql(ties):
    return [views.tie_edge(t) for t in ties]


def busiest(store, top=6):
    return [e["id"] for e in store.stats(top=top)["top_entities"]]


@pytest.mark.parametrize("filters", FILTERS)
def test_all_ties_agree(articles, filters):
    expected = lean_from_evidence(articles.relations(**filters))
    assert counted_in_sql(articles.ties(**filters)) == expected
    if not filters:
        assert len(expected) > 50
        assert {e["sources"] for e in expected} > {1}


def test_ties_of_some_entities_agree(articles):
    some = busiest(articles)
    for entity_ids in ([some[0]], some):
        for types in (None, ["member_of", "leads", "supports"]):
            expected = lean_from_evidence(articles.relations(entity_ids, types))
            assert counted_in_sql(articles.ties(entity_ids, types)) == expected


@pytest.mark.parametrize("depth", [1, 2])
def test_lean_neighbourhood_is_the_same_chart(articles, depth):
    for entity_id in busiest(articles):
        for filters in FILTERS:
            for limit in (3, views.DEFAULT_LIMIT):
                _same_neighbourhood(articles, entity_id, depth, filters, limit)


def test_lean_neighbourhood_of_the_written_sample(loaded):
    for entity_id in ("E1", "E3", "E7"):
        for filters in FILTERS:
            for depth in (1, 2):
                _same_neighbourhood(loaded, entity_id, depth, filters, 2)
    assert counted_in_sql(loaded.ties()) == lean_from_evidence(loaded.relations())


def test_lean_graph_is_the_same_chart(articles):
    top = busiest(articles, 3)
    for filters in ({}, {"date_from": "2019-09"}, {"min_sources": 2}):
        chosen = Selection(date_from=filters.get("date_from"),
                               min_sources=filters.get("min_sources", 1))
        found = views.graph(articles, top, top[:2], chosen, limit=4)
        full = views.graph(articles, top, top[:2], chosen, limit=4, evidence=True)
        assert found["edges"] == [views.lean(e) for e in full["edges"]]
        assert found["nodes"] == full["nodes"] and found["truncated"] == full["truncated"]


def test_undirected_ends_go_in_numeric_order(store):
    """E9 before E10 (not as strings), however the articles write the tie."""
    names = [f"Party {n}" for n in range(1, 11)]
    text = " ".join(names)
    entities = [Entity(f"e{n}", name, "political_party") for n, name in enumerate(names, 1)]
    store.add_extractions([DocExtraction(
        Document(f"d{i}", f"{text} ({i})", outlet=f"Outlet {i}", published=f"2020-01-0{i}"),
        entities, [Relation("allied_with", *ends, text, 0, len(text))])
        for i, ends in enumerate([("e10", "e9"), ("e9", "e10"), ("e10", "e9")], 1)])
    tie, = store.ties()
    assert (tie["source"], tie["target"], tie["sources"]) == ("E9", "E10", 3)
    assert counted_in_sql([tie]) == lean_from_evidence(store.relations())


def _same_neighbourhood(store, entity_id, depth, filters, limit):
    chosen = Selection(date_from=filters.get("date_from"), date_to=filters.get("date_to"),
                           min_sources=filters.get("min_sources", 1))
    found = views.neighbourhood(store, entity_id, depth, chosen, limit)
    full = views.neighbourhood(store, entity_id, depth, chosen, limit, evidence=True)
    assert found["edges"] == [views.lean(e) for e in full["edges"]], (entity_id, filters)
    assert {k: v for k, v in found.items() if k != "edges"} == \
        {k: v for k, v in full.items() if k != "edges"}


def test_roles_with_commas_survive_counting(store):
    """Roles are aggregated in SQL in one string: one holding a comma stays whole."""
    text = "Adviser, security and spokesman Ali Hamid of the Party of Light"
    entities = [Entity("e1", "Ali Hamid", "person"), Entity("e2", "Party of Light",
                                                             "political_party")]
    store.add_extractions([DocExtraction(
        Document(f"d{i}", f"{text} ({i})", outlet=f"Outlet {i}", published="2020-01-01"),
        entities, [Relation("member_of", "e1", "e2", text, 0, len(text), role=role)])
        for i, role in enumerate(["adviser, security", "spokesman", "spokesman"], 1)])
    tie, = store.ties()
    assert tie["roles"] == ["adviser, security", "spokesman"]
    assert counted_in_sql([tie]) == lean_from_evidence(store.relations())
