"""The who-is-who scorer (linkchart.evaluate.resolution) on hand-made cases."""

import json

import pytest

from linkchart.evaluate.resolution import (Actor, WhoIsWho, load_gold, map_locals,
                                           score_clusters)
from shared_data import FIXTURES, shared_path

GOLD = FIXTURES / "resolution" / "articles-who-is-who.json"


def test_pairwise_and_bcubed():
    gold = {("a", 1): "X", ("a", 2): "X", ("b", 1): "X", ("b", 2): "Y", ("c", 1): "Z"}
    perfect = score_clusters(dict(gold), gold)
    assert perfect.pairwise.precision == perfect.pairwise.recall == perfect.bcubed_f1 == 1.0
    # one X split off, and Y wrongly merged with Z
    predicted = {("a", 1): "E1", ("a", 2): "E1", ("b", 1): "E2", ("b", 2): "E3",
                 ("c", 1): "E3", ("d", 9): "E9"}
    s = score_clusters(predicted, gold)
    assert s.items == 5 and s.gold_clusters == 3 and s.predicted_clusters == 3
    assert (s.pairwise.predicted, s.pairwise.gold, s.pairwise.correct) == (2, 3, 1)
    assert s.pairwise.precision == 0.5 and s.pairwise.recall == pytest.approx(1 / 3)
    # cross-document pairs: the ("a",1)-("a",2) pair is within one document
    assert (s.cross_document.predicted, s.cross_document.gold, s.cross_document.correct) == (
        1, 2, 0)
    # B-cubed precision: items a1, a2 1; b1 1; b2, c1 1/2 -> 4/5
    assert s.bcubed_precision == pytest.approx(0.8)
    # B-cubed recall: a1, a2 2/3; b1 1/3; b2, c1 1 -> (2/3+2/3+1/3+1+1)/5
    assert s.bcubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 2) / 5)


def test_map_locals():
    gold = WhoIsWho([
        Actor("A1", "Iran", "country", {"000": ["Iran", "Tehran"]}),
        Actor("A2", "Tehran", "location", {"000": ["Tehran"]}),
        Actor("A3", "Kataib Hezbollah", "armed_group", {"000": ["Kataeb Hezbollah", "KH"]}),
    ], {"000": "000_x"})
    m = map_locals(gold, "000", [
        {"id": "e1", "name": "Iran", "type": "country"},
        {"id": "e2", "name": "Tehran", "type": "location"},
        {"id": "e3", "name": "Tehran", "type": "country"},
        {"id": "e4", "name": "Kata'ib Hezbollah", "type": "armed_group", "aliases": ["KH"]},
        {"id": "e5", "name": "the militia", "type": "armed_group", "aliases": ["KH"]},
        {"id": "e6", "name": "Slideshow", "type": "person"},
    ])
    assert m.items == {("000", "e1"): "A1", ("000", "e2"): "A2", ("000", "e3"): "A1",
                       ("000", "e4"): "A3", ("000", "e5"): "A3"}
    assert m.unmatched == [("000", "e6", "Slideshow")]


def test_the_gold_list_is_well_formed():
    gold = load_gold(GOLD)
    assert len(gold.documents) == 39
    assert {k for a in gold.actors for k in a.mentions} == set(gold.documents)
    data = json.loads(GOLD.read_text("utf-8"))
    assert set(data) >= {"format", "documents", "actors"}
    assert all(set(a) == {"id", "name", "type", "mentions"} for a in data["actors"])
    per_doc_names = [n for a in gold.actors for names in a.mentions.values() for n in names]
    assert all(n and len(n) < 120 for n in per_doc_names)   # names, not text


def test_gold_names_occur_in_their_articles():
    articles = shared_path("corpus", "articles")
    gold = load_gold(GOLD)
    for actor in gold.actors:
        for key, names in actor.mentions.items():
            text = " ".join((articles / f"{gold.documents[key]}.txt").read_text("utf-8").split())
            for name in names:
                assert name in text, (key, actor.name, name)
