"""A card's documents (those naming the entity, without a DISTINCT join), its first
events with their number counted beside them, and the types of entities read without
their counts, agree with the full reads, on both backends."""

from __future__ import annotations

from linkchart.store import queries


def test_first_documents_are_the_first_of_all(articles):
    with articles.engine.connect() as conn:
        for entity in articles.stats(top=10)["top_entities"]:
            everything = queries.entity_documents(conn, entity["id"])
            ids = [d["id"] for d in everything]
            assert len(ids) == len(set(ids)) == queries.document_counts(conn, entity["id"])[0]
            for limit in (1, 2, 3):
                assert queries.entity_documents(conn, entity["id"], limit) == everything[:limit]


def test_first_events_and_their_number(articles):
    compared = 0
    with articles.engine.connect() as conn:
        for entity in articles.stats(top=10)["top_entities"]:
            everything, total = queries.event_page(conn, entity["id"], None)
            assert total == len(everything)
            for limit in (1, 2, 200):
                first, counted = queries.event_page(conn, entity["id"], limit)
                assert counted == total
                assert first == everything[:limit]
                compared += len(first)
        assert queries.event_page(conn, "E999999", 5) == ([], 0)
    assert compared > 0


def test_entity_types_without_counts(articles):
    ids = [e["id"] for e in articles.entities(limit=50)]
    found = articles.entity_types([*ids, "E999999"])
    assert found == {i: e["type"] for i, e in articles.entities_by_id(ids).items()}
