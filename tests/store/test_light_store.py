"""The light reader (linkchart.store.light: no SQLAlchemy) answers exactly as the Store,
on SQLite and PostgreSQL, and leaves a store it cannot read as it is to the Store."""

import pytest
from sqlalchemy import insert

from linkchart.config import database_url
from linkchart.model import DocExtraction, Document, Entity
from linkchart.store import Store
from linkchart.store.light import LightStore
from linkchart.store.schema import review_candidates
from test_migrations import _downgraded

SEARCHES = ["intel", "Kata'ib", "coast", "VALORIA", "al_", "100%", "a/b", "Port Selin",
            "Шield", "", "  "]


@pytest.fixture
def judged(loaded):
    """The sample with judgements and review candidates to list."""
    loaded.rename("E5", "General Ardan Kovar", author="ana")
    loaded.retype("E4", "country", author="bo")
    with loaded.engine.connect() as conn, conn.begin():
        for n, (a, b, status) in enumerate([("E1", "E3", "open"), ("E2", "E4", "open"),
                                            ("E6", "E8", "merged")]):
            conn.execute(insert(review_candidates).values(
                entity_id=a, candidate_id=b, score=0.5 + n / 10, status=status,
                reasons=["same key", f"reason {n}"], document_id="d1", local_id=f"e{n}",
                created_at="2024-01-01T00:00:00"))
    return loaded


@pytest.fixture
def light(judged):
    with LightStore.open(judged.engine.url.render_as_string(hide_password=False)) as opened:
        yield opened


def _same(store, light, method, *args, **kwargs):
    expected = getattr(store, method)(*args, **kwargs)
    assert getattr(light, method)(*args, **kwargs) == expected
    return expected


def test_stats_are_the_stores(judged, light):
    for top in (0, 3, 50):
        assert _same(judged, light, "stats", top)["documents"] == 4


def test_entities_are_the_stores(judged, light):
    assert len(_same(judged, light, "entities")) == 8
    _same(judged, light, "entities", limit=3, offset=2)
    _same(judged, light, "entities", type="country")
    for search in SEARCHES:
        _same(judged, light, "entities", search=search)
        _same(judged, light, "entities", type="armed_group", search=search)
        _same(judged, light, "find_entities", search or "E1")
    for entity_id in ("E1", "E5", "E999"):
        _same(judged, light, "entity", entity_id)
    aliases = light.entity("E5")["aliases"]  # a JSON column, decoded
    assert isinstance(aliases, list) and "Ardan Kovar" in aliases


def test_search_without_full_text_tables_is_the_stores(judged, light):
    judged.search.fts = light.reader.fts = False
    for search in SEARCHES:
        _same(judged, light, "entities", search=search)


def test_events_are_the_stores(judged, light):
    assert len(_same(judged, light, "events")) == 2
    for entity_id in ("E1", "E2", "E4", "E999"):
        _same(judged, light, "events", entity_id)
    _same(judged, light, "events", types=["ASSAULT", "COERCE"])
    for period in (("2021", None), (None, "2021-03-01"), ("2021-03", "2021-03"),
                   ("2022", "2023")):
        _same(judged, light, "events", None, None, *period)


def test_cards_are_the_stores(judged, light):
    for entity in judged.entities(limit=100):
        for limit in (None, 1, 3, 50):
            _same(judged, light, "entity_card", entity["id"], limit)
    card = light.entity_card("E1")
    assert card["relations"] and card["events"] and card["documents"]
    assert isinstance(card["relations"][0]["negated"], bool)
    assert light.entity_card("E999") is None


def test_judgements_and_reviews_are_the_stores(judged, light):
    assert len(_same(judged, light, "judgements")) == 2
    assert light.judgements("retype")[0]["payload"]["type"] == "country"
    _same(judged, light, "judgements", "rename")
    assert [r["reasons"] for r in _same(judged, light, "review_candidates")] == [
        ["same key", "reason 1"], ["same key", "reason 0"]]
    assert len(_same(judged, light, "review_candidates", None, 2)) == 2
    _same(judged, light, "review_candidates", "merged")
    _same(judged, light, "review_candidates", None, entity="E4")


def test_the_corpus_is_the_stores(judged, light):
    """What `linkchart export` writes from: hand-made actors and links marked, booleans
    as booleans on SQLite too."""
    judged.add_actor("Harbour Watch", "organization", ["HW"], author="ana")
    judged.add_fact("supports", "E2", "E3", "d2", judged.document("d2")["text"][:40],
                    author="ana")
    for detail in (False, True):
        corpus = _same(judged, light, "corpus", detail=detail)
    assert [r["type"] for r in corpus["relations"] if r.get("hand_made")] == ["supports"]
    assert [e["name"] for e in corpus["entities"] if e.get("hand_made")] == ["Harbour Watch"]
    assert {type(a["direct"]) for a in corpus["attributions"]} == {bool}


def test_a_store_not_at_the_newest_revision_is_left_to_the_store(url, sample):
    with Store.open(url) as store:
        pass
    _downgraded(url, "0011", "event_pairs")
    assert LightStore.open(database_url(url)) is None
    with Store.open(url) as store:  # what a command falls back to upgrades it
        assert store.stats()["documents"] == 0
    with LightStore.open(database_url(url)) as light:
        assert light.stats()["documents"] == 0


def test_other_databases_are_left_to_the_store(tmp_path):
    for url in ("sqlite://", "sqlite:///:memory:", "mysql://localhost/chart",
                f"sqlite:///file:{tmp_path}/chart.db?mode=ro&uri=true"):
        assert LightStore.open(url) is None
    assert LightStore.open(database_url(str(tmp_path / "new.db"))) is None  # no tables


def test_each_sqlite_read_sees_one_snapshot(tmp_path, sample):
    """As each of the Store's reads, each of the light reader's runs in one transaction:
    a write committed meanwhile shows in the next read, not in the one under way."""
    path = str(tmp_path / "chart.db")
    with Store.open(path) as store:
        pass
    with LightStore.open(database_url(path)) as light:
        count = "SELECT count(*) FROM judgements"
        with light.reader.transaction():
            before = light.reader.scalar(count)
            with Store.open(path) as store:
                store.add_judgement("note", {"on": "entity", "target": "E1", "text": "x"})
            assert light.reader.scalar(count) == before == 0
        assert light.reader.scalar(count) == 1


def _cited(evidence):
    return evidence["outlet"] != "Coastal Post" and evidence["source_kind"] != "anonymous"


def test_what_the_analyses_read_is_the_stores(judged, light):
    """`linkchart analyze`: ties, relations with their evidence (kept by a test, holding
    some words, denied), the first quotes of pairs, entities by id."""
    ids = [e["id"] for e in judged.entities(limit=100)]
    _same(judged, light, "entities_by_id", [*ids, "E999"])
    for types in (None, ["member_of", "supports"]):
        assert _same(judged, light, "ties", None, types)
        _same(judged, light, "ties", ["E1", "E4"], types, min_sources=2, min_confidence=0.5)
        for period in ((None, None), ("2021", None), (None, "2021-03-01"), ("2021-03", "2022")):
            assert _same(judged, light, "ties", None, types, *period) or period[0]
            _same(judged, light, "ties", ["E1", "E3"], types, *period, among={"E1", "E3"})
            _same(judged, light, "ties", ids, types, *period, min_sources=2, among=set(ids[:4]))
            assert _same(judged, light, "relations", None, types, *period) or period[0]
            _same(judged, light, "relations", ["E1", "E3"], types, *period, min_sources=2)
            _same(judged, light, "relations_kept", types, *period, _cited)
    kept = _same(judged, light, "relations_kept", None, None, None, lambda e: True,
                 containing=["commander", "SHIELD", ""])
    assert 0 < len(kept) < len(judged.relations())
    _same(judged, light, "relations_kept", None, None, None, lambda e: True, ["100%"])
    denied = _same(judged, light, "relations_kept", None, None, None, lambda e: True,
                   denied_only=True)
    assert [t["negated"] for t in denied] == [True]
    assert len(_same(judged, light, "pair_quotes", [(a, b) for a in ids for b in ids])) > 2


ORDER = ("Valoria ordered the Northern Shield Brigade to withdraw from Port Selin. "
         "Commanders met in Port Selin on Monday.")


def test_what_the_analyses_read_of_documents_is_the_stores(judged, light):
    """Documents with their text, mentions, local entities, statements and events, and the
    text cues found at ingest (here a directive to the brigade)."""
    judged.add_extractions([DocExtraction(
        Document(id="d5", text=ORDER, outlet="Coastal Post", published="2021-04-02"),
        entities=[Entity("e1", "Valoria", "country", mentions=[(0, 7)]),
                  Entity("e2", "Northern Shield Brigade", "armed_group", mentions=[(20, 43)])])])
    docs = [d["id"] for d in judged.documents()]
    assert len(_same(judged, light, "document_texts")) == 5
    _same(judged, light, "document_texts", docs[1:3], "2021")
    for event_types in ((), ("ASSAULT", "COERCE")):
        for mentions in (True, False):
            _same(judged, light, "document_material", docs, event_types, mentions)
    kinds = ["directive", "request", "meeting", "front_claim", "denial", "anonymous_contrast"]
    _same(judged, light, "cues_of_kinds", kinds)
    _same(judged, light, "cues_of_kinds", kinds, docs[:2])
    _same(judged, light, "documents_with_cues", kinds)
    assert [c["reaches"] for c in _same(judged, light, "reached_entities", kinds)] == [["E1"]]
    assert _same(judged, light, "cue_documents", docs)
    assert _same(judged, light, "cue_documents", docs, "2021", "2021-06") is not None
    assert _same(judged, light, "documents_without_cues") == 0
