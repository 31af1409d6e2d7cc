"""A card's first ties, ranked and cut in SQL (`ties.best_stored`), are the first of all
the entity's ties ranked in Python, on real text and on both backends."""

from __future__ import annotations

from linkchart.store.graph import rank
from linkchart.store.ties import best_stored, stored, tie_counts


def test_the_best_ties_are_the_first_of_all_ranked(articles):
    compared = 0
    with articles.engine.connect() as conn:
        ids = [e["id"] for e in articles.stats(top=25)["top_entities"]]
        for entity_id in ids:
            everything = sorted(stored(conn, [entity_id], quotes=True), key=rank)
            assert tie_counts(conn, [entity_id])[entity_id] == len(everything)
            for limit in (1, 2, 5, 200, None):
                best = best_stored(conn, entity_id, limit, quotes=True)
                assert best == everything[:limit]
                compared += len(best)
    assert compared > 100


def test_the_card_lists_the_best_ties_and_counts_them_all(articles):
    entity_id = articles.stats(top=1)["top_entities"][0]["id"]
    card = articles.entity_card(entity_id, 3)
    full = articles.entity_card(entity_id)
    assert card["totals"]["relations"] == full["totals"]["relations"] > 3
    assert [t["id"] for t in card["relations"]] == [t["id"] for t in full["relations"][:3]]
