"""Confidence in the store: stored per fact, a tie's rises with independent outlets
(noisy-OR of each outlet's best), counted alike in SQL and in Python; a threshold hides
ties below it; rows stored before calibration (NULL) always pass; facts the analyst adds
count as certain."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from linkchart.model import Attribution, DocExtraction, Document, Entity, Event, Relation
from linkchart.resolve import resolve
from linkchart.store import Store
from linkchart.store.engine import alembic_config

TEXT = "The Valley Guard backs the Hill Party. The Valley Guard fights the River Front."


def _article(doc_id: str, outlet: str | None, backs: float | None,
             fights: float | None = 0.3) -> DocExtraction:
    entities = [Entity("e1", "Valley Guard", "armed_group", mentions=[(4, 16)]),
                Entity("e2", "Hill Party", "political_party", mentions=[(27, 37)]),
                Entity("e3", "River Front", "armed_group", mentions=[(65, 76)])]
    relations = [Relation("supports", "e1", "e2", TEXT[:38], 0, 38, confidence=backs),
                 Relation("opposes", "e1", "e3", TEXT[39:], 39, len(TEXT),
                          confidence=fights)]
    events = [Event("v1", "ASSAULT", TEXT[39:], 39, len(TEXT), actors=["e1"],
                    recipients=["e3"], date="2024-05-02", confidence=0.7)]
    said = [Attribution("a1", None, "officials", "anonymous", "said", TEXT[:38], False, 0,
                        38, confidence=0.55)]
    document = Document(id=doc_id, text=f"{TEXT} Filed as {doc_id}.", outlet=outlet,
                        published="2024-05-03")  # texts differ: no duplicate is dropped
    return DocExtraction(document, entities, relations, events, said)


def _tie(found, kind):
    return next(t for t in found if t["type"] == kind)


@pytest.fixture
def corroborated(store):
    store.add_extractions([_article("d1", "Daily Ledger", 0.6),
                           _article("d2", "Daily Ledger", 0.4),  # same outlet: best counts
                           _article("d3", "Evening Star", 0.5)])
    return store


def test_facts_keep_their_confidence(corroborated):
    with corroborated.engine.connect() as conn:
        for table, value in (("events", 0.7), ("attributions", 0.55)):
            found = conn.execute(text(f"SELECT DISTINCT confidence FROM {table}")).scalars()
            assert list(found) == [pytest.approx(value)]


def test_independent_outlets_raise_a_ties_confidence(corroborated):
    backs = _tie(corroborated.ties(), "supports")
    assert backs["confidence"] == pytest.approx(1 - (1 - 0.6) * (1 - 0.5), abs=1e-4)
    fights = _tie(corroborated.ties(), "opposes")
    assert fights["confidence"] == pytest.approx(1 - 0.7 * 0.7, abs=1e-4)


def test_sql_and_python_counts_agree(corroborated):
    by_sql = {t["id"]: t["confidence"] for t in corroborated.ties()}
    by_python = {r["id"]: r["confidence"] for r in corroborated.relations()}
    assert by_sql == by_python


def test_a_threshold_hides_ties_below_it(corroborated):
    assert {t["type"] for t in corroborated.ties(min_confidence=0.5)} == {"supports", "opposes"}
    assert {t["type"] for t in corroborated.ties(min_confidence=0.7)} == {"supports"}
    assert {r["type"] for r in corroborated.relations(min_confidence=0.7)} == {"supports"}
    assert corroborated.ties(min_confidence=0.95) == []
    near = corroborated.neighbourhood("E1", evidence=False, min_confidence=0.7)
    assert [e["type"] for e in near["edges"]] == ["supports"]


def test_unscored_rows_always_pass(store):
    store.add_extractions([_article("d1", "Daily Ledger", None, None)])
    ties = store.ties(min_confidence=0.99)
    assert len(ties) == 2 and all(t["confidence"] is None for t in ties)


def test_a_fact_the_analyst_adds_is_certain(store):
    store.add_extractions([_article("d1", "Daily Ledger", 0.2, 0.2)])
    store.add_fact("allied_with", "E2", "E3", "d1", "Hill Party")
    added = _tie(store.ties(min_confidence=0.5), "allied_with")
    assert added["confidence"] == pytest.approx(1.0, abs=1e-4)


def test_upgrading_leaves_older_rows_unscored(url, sample):
    from alembic import command

    with Store.open(url, resolver=resolve) as store:
        config = alembic_config()
        with store.engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
            conn.commit()
            assert "confidence" not in {c["name"] for c in inspect(conn).get_columns("relations")}
    # a store of 0003 filled by hand, as an older linkchart wrote it
    with Store.open(url, resolver=resolve) as store:  # opening migrates to the head again
        store.add_extractions(sample)
        with store.engine.connect() as conn:
            for table in ("relations", "events", "attributions"):
                assert "confidence" in {c["name"] for c in inspect(conn).get_columns(table)}
        assert all(t["confidence"] is None for t in store.ties())
