"""The tie table equals a count from scratch of the relation rows after everything that
changes them: ingest, a replaced document, merges, splits, rejected and added facts (an
upgraded store: tests/store/test_migrations.py). On both backends."""

from __future__ import annotations

from sqlalchemy import select

from linkchart.store.read_card import CARD_QUOTES
from linkchart.store.graph import first_quotes
from linkchart.store.schema import ties as tie_table
from linkchart.store.ties import counted, stored


def table_and_recount(store) -> tuple[list, list]:
    """The tie table's ties, and the same counted again from the relation rows."""
    with store.engine.connect() as conn:
        return (sorted(stored(conn), key=lambda t: t["id"]),
                sorted(counted(conn), key=lambda t: t["id"]))


def assert_table_is_a_recount(store) -> list:
    table, recount = table_and_recount(store)
    assert table == recount
    for entity_id in busiest(store, 2):
        assert_card_quotes_the_oldest(store, entity_id)
    return table


def assert_card_quotes_the_oldest(store, entity_id: str) -> None:
    """The quotes a card reads by the ids the table keeps are those that ranking all of
    a tie's rows finds."""
    card = store.entity_card(entity_id, limit=1000)
    others = {r["other"]["id"] for r in card["relations"]} | {entity_id}
    with store.engine.connect() as conn:
        oldest = first_quotes(conn, entity_id, others, CARD_QUOTES)
    assert card["relations"]
    for tie in card["relations"]:
        assert tie["evidence"] == oldest[tie["id"]]


def tie_ends(store) -> set[str]:
    with store.engine.connect() as conn:
        return {end for row in conn.execute(select(tie_table.c.source, tie_table.c.target))
                for end in row}


def busiest(store, top=4) -> list[str]:
    return [e["id"] for e in store.stats(top=top)["top_entities"]]


def test_ingest_fills_it(articles):
    ties = assert_table_is_a_recount(articles)
    assert len(ties) > 50 and {t["sources"] for t in ties} > {1}
    assert any(t["roles"] for t in ties) and any(not t["directed"] for t in ties)


def test_a_merge_moves_every_tie_of_the_absorbed_entity(articles):
    keep, absorbed = sorted(busiest(articles)[:2], key=lambda i: int(i[1:]))
    before = articles.stats(top=100)["top_entities"]
    articles.merge([keep, absorbed])
    assert_table_is_a_recount(articles)
    assert absorbed not in tie_ends(articles)
    after = {e["id"]: e["degree"] for e in articles.stats(top=100)["top_entities"]}
    degrees = {e["id"]: e["degree"] for e in before}
    assert degrees[keep] < after[keep] <= degrees[keep] + degrees[absorbed]


def test_rejecting_a_relation_takes_its_mentions_away(articles):
    tie = next(t for t in articles.ties() if t["document_count"] >= 2)
    one_document = articles.relations([tie["source"]], [tie["type"]])
    document = next(r for r in one_document if r["id"] == tie["id"])["documents"][0]
    articles.reject_relation(tie["id"], document)
    table = assert_table_is_a_recount(articles)
    left = next(t for t in table if t["id"] == tie["id"])
    assert left["document_count"] == tie["document_count"] - 1
    articles.reject_relation(tie["id"])
    assert tie["id"] not in {t["id"] for t in assert_table_is_a_recount(articles)}


def test_split_and_added_facts(loaded):
    _, moved = loaded.split("E1", documents=["d4"])["targets"]
    assert_table_is_a_recount(loaded)
    assert moved != "E1" and moved in tie_ends(loaded)
    loaded.add_fact("supports", "E2", "E3", "d2", _passage(loaded, "d2"))
    ties = assert_table_is_a_recount(loaded)
    assert "supports:E2:E3" in {t["id"] for t in ties}


def test_a_replaced_document_takes_its_ties_along(loaded, d1_rewritten):
    before = assert_table_is_a_recount(loaded)
    loaded.add_extractions([d1_rewritten])
    after = assert_table_is_a_recount(loaded)
    assert after != before and "member_of" in {t["type"] for t in after}
    assert "leads" not in {t["type"] for t in after}


def _passage(store, doc_id: str) -> str:
    return store.document(doc_id)["text"].split(".")[0]
