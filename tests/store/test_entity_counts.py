"""Each entity's counts kept in its row (migration 0010) equal a count from scratch: the
documents that name it (`entities.documents`) and its ties in the tie table
(`entities.ties`), after everything that changes who is named where or which ties there
are: ingest, a replaced document, merges (made, and re-applied to a new batch), splits,
rejected and added facts (an upgraded store: tests/store/test_migrations.py). The
chart's nodes, cards and entity lists read them. On both backends."""

from __future__ import annotations

from sqlalchemy import distinct, func, select

from linkchart.model import DocExtraction, Document, Entity, Relation
from linkchart.store.schema import doc_entities, entities
from linkchart.store.ties import tie_counts


def kept_and_recount(store) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """Each entity's stored (documents, ties), and the same counted again."""
    with store.engine.connect() as conn:
        kept = {row.id: (row.documents, row.ties) for row in conn.execute(
            select(entities.c.id, entities.c.documents, entities.c.ties))}
        named = dict(conn.execute(
            select(doc_entities.c.entity_id, func.count(distinct(doc_entities.c.document_id)))
            .where(doc_entities.c.entity_id.is_not(None))
            .group_by(doc_entities.c.entity_id)).all())
        tied = tie_counts(conn, kept)
    return kept, {entity_id: (named.get(entity_id, 0), tied[entity_id]) for entity_id in kept}


def assert_counts_are_a_recount(store) -> dict[str, tuple[int, int]]:
    kept, recount = kept_and_recount(store)
    assert kept == recount
    for entity_id in busiest(store):
        shown = store.entity(entity_id)
        card = store.entity_card(entity_id)
        assert (shown["documents"], shown["relations"]) == kept[entity_id]
        assert kept[entity_id] == (len(card["documents"]), len(card["relations"]))
    return kept


def busiest(store, top=3) -> list[str]:
    return [e["id"] for e in store.stats(top=top)["top_entities"]]


def documents_of(store, entity_id: str) -> set[str]:
    return {d["id"] for d in store.entity_card(entity_id)["documents"]}


def entity_named(store, name: str) -> str:
    return store.find_entities(name)[0]["id"]


def test_ingest_counts_them(articles):
    counts = assert_counts_are_a_recount(articles)
    assert max(documents for documents, _ in counts.values()) > 2
    listed = articles.entities(limit=10)
    assert [e["documents"] for e in listed] == sorted(
        (e["documents"] for e in listed), reverse=True)
    assert listed[0]["documents"] == max(documents for documents, _ in counts.values())
    top = articles.stats(top=5)["top_entities"]
    assert [e["degree"] for e in top] == sorted((ties for _, ties in counts.values()),
                                                reverse=True)[:5]


def test_a_merge_adds_the_documents_of_the_absorbed_entity(articles):
    keep, absorbed = sorted(busiest(articles, 2), key=lambda i: int(i[1:]))
    together = documents_of(articles, keep) | documents_of(articles, absorbed)
    articles.merge([keep, absorbed])
    counts = assert_counts_are_a_recount(articles)
    assert absorbed not in counts
    assert counts[keep][0] == len(together)


def test_a_split_moves_its_documents(loaded):
    before = assert_counts_are_a_recount(loaded)
    stays, moved = loaded.split("E1", documents=["d4"])["targets"]
    counts = assert_counts_are_a_recount(loaded)
    assert counts[moved][0] == 1 and counts[stays][0] == before["E1"][0] - 1
    assert counts[moved][1] > 0


def test_rejected_and_added_facts_change_no_count(loaded):
    before = assert_counts_are_a_recount(loaded)
    tie = loaded.ties()[0]
    loaded.reject_relation(tie["id"])
    rejected = assert_counts_are_a_recount(loaded)
    assert rejected[tie["source"]] == (before[tie["source"]][0], before[tie["source"]][1] - 1)
    text = loaded.document("d2")["text"].split(".")[0]
    loaded.add_fact("supports", "E2", "E3", "d2", text)
    added = assert_counts_are_a_recount(loaded)
    assert {e: documents for e, (documents, _) in added.items()} == {
        e: documents for e, (documents, _) in before.items()}


def test_a_replaced_document_is_counted_again(loaded, d1_rewritten):
    valoria = entity_named(loaded, "Valoria")
    before = assert_counts_are_a_recount(loaded)
    assert "d1" in documents_of(loaded, valoria)
    loaded.add_extractions([d1_rewritten])
    counts = assert_counts_are_a_recount(loaded)
    assert counts[valoria][0] == before[valoria][0] - 1


def test_a_merge_is_counted_again_when_a_new_batch_names_the_absorbed_entity(loaded):
    brigade = entity_named(loaded, "Northern Shield Brigade")
    movement = entity_named(loaded, "Free Coast Movement")
    loaded.merge([brigade, movement])
    keep = min((brigade, movement), key=lambda i: int(i[1:]))
    before = assert_counts_are_a_recount(loaded)
    text = "The Free Coast Movement marched on Port Selin, Valoria said."
    loaded.add_extractions([DocExtraction(
        Document(id="d5", text=text, outlet="Coastal Post", published="2023-06-01"),
        entities=[Entity("e1", "Free Coast Movement", "armed_group"),
                  Entity("e2", "Port Selin", "location"), Entity("e3", "Valoria", "country")])])
    counts = assert_counts_are_a_recount(loaded)
    assert counts[keep][0] == before[keep][0] + 1 and "d5" in documents_of(loaded, keep)
