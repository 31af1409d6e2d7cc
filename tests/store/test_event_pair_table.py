"""The event-pair table equals the pairs written again from scratch of every event after
everything that changes events, who takes part in them or whom they are credited to:
ingest, a replaced document, merges, splits, rejected events and statements (an upgraded
store: tests/store/test_migrations.py). A chart's event links are counted from it
(tests/server/test_lean_event_links.py). On both backends."""

from __future__ import annotations

from sqlalchemy import select

from linkchart.model import DocExtraction, Document, Entity, Event
from linkchart.store.event_pair_table import COLUMNS, pair_rows
from linkchart.store.schema import event_pairs


def table_and_recount(store) -> tuple[list[tuple], list[tuple]]:
    with store.engine.connect() as conn:
        table = conn.execute(select(*(event_pairs.c[k] for k in COLUMNS))).all()
        recount = conn.execute(pair_rows(None)).all()
    return sorted(map(tuple, table)), sorted(map(tuple, recount))


def assert_table_is_a_recount(store) -> list[tuple]:
    table, recount = table_and_recount(store)
    assert table == recount
    return table


def ends(pairs: list[tuple]) -> set[str]:
    return {end for pair in pairs for end in pair[1:3]}


def entity_named(store, name: str) -> str:
    return store.find_entities(name)[0]["id"]


def test_ingest_fills_it(articles):
    pairs = assert_table_is_a_recount(articles)
    assert len(pairs) > 20 and len({p[0] for p in pairs}) < len(pairs)
    assert len({p[3] for p in pairs}) > 2  # of several PLOVER types


def test_a_merge_moves_the_pairs_of_the_absorbed_entity(articles):
    before = assert_table_is_a_recount(articles)
    busiest = sorted(ends(before), key=lambda e: -sum(e in p[1:3] for p in before))
    keep, absorbed = sorted(busiest[:2], key=lambda i: int(i[1:]))
    articles.merge([keep, absorbed])
    after = assert_table_is_a_recount(articles)
    assert absorbed not in ends(after) and keep in ends(after)


def test_a_split_moves_its_pairs(loaded):
    movement = entity_named(loaded, "Free Coast Movement")
    assert movement in ends(assert_table_is_a_recount(loaded))
    _, moved = loaded.split(movement, documents=["d1"])["targets"]
    after = assert_table_is_a_recount(loaded)
    assert moved in ends(after) and movement in ends(after)


def test_rejected_statements_and_events_change_their_pairs(loaded):
    credited = [p for p in assert_table_is_a_recount(loaded) if p[4] == "d1"]
    assert credited and all(p[-1] == 1 for p in credited)
    loaded.reject_attribution("d1", "a1")
    after = assert_table_is_a_recount(loaded)
    assert [p[:-1] for p in after if p[4] == "d1"] == [p[:-1] for p in credited]
    assert all(p[-1] == 0 for p in after if p[4] == "d1")
    loaded.reject_event(f"V{credited[0][0]}")
    assert not [p for p in assert_table_is_a_recount(loaded) if p[4] == "d1"]


def test_a_replaced_document_brings_its_new_pairs(loaded):
    before = assert_table_is_a_recount(loaded)
    text = "Valoria shelled the Free Coast Movement in Port Selin on Monday."
    loaded.add_extractions([DocExtraction(
        Document(id="d2", text=text, outlet="Coastal Post", published="2021-03-08"),
        entities=[Entity("e1", "Valoria", "country"),
                  Entity("e2", "Free Coast Movement", "armed_group")],
        events=[Event("v1", "ASSAULT", text, 0, len(text), date="2021-03-08",
                      actors=["e1"], recipients=["e2"])])])
    after = assert_table_is_a_recount(loaded)
    replaced = [p for p in after if p[4] == "d2"]
    assert [p[3] for p in replaced] == ["ASSAULT"] and replaced != \
        [p for p in before if p[4] == "d2"]
