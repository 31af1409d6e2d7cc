"""The scorer on small hand-made gold/prediction pairs."""

from __future__ import annotations

import pytest

from linkchart.evaluate.normalise import normalise_name
from linkchart.evaluate.scorer import (
    content_overlap, dates_compatible, match_entities, score_corpus, score_document,
)


def doc(entities=(), relations=(), events=(), attributions=()):
    return {"format": "linkchart/1", "document": {"id": "900"}, "entities": list(entities),
            "relations": list(relations), "events": list(events),
            "attributions": list(attributions)}


def ent(eid, name, etype, *aliases):
    return {"id": eid, "name": name, "type": etype, "aliases": list(aliases)}


def rel(rtype, source, target):
    return {"type": rtype, "source": source, "target": target, "evidence": "x"}


def event(vid, vtype, actors=(), recipients=(), date=None):
    return {"id": vid, "type": vtype, "actors": list(actors), "recipients": list(recipients),
            "date": date, "evidence": "x"}


def attr(aid, content, source=None, kind="anonymous"):
    return {"id": aid, "source": source, "source_kind": kind, "source_text": "officials",
            "cue": "said", "content": content, "direct": False}


# ------------------------------------------------------------------ normalisation

@pytest.mark.parametrize("a, b", [
    ("The Islamic State", "islamic state"),
    ("al-Shabaab", "Al Shabaab"),
    ("al-Shabaab", "Shabaab"),
    ("Kata’ib Hezbollah", "Kataib Hezbollah"),
    ("Ka'ʿba", "kaba"),
    ("Hay’at Tahrir al-Sham", "Hayat Tahrir al Sham"),
    ("Pérez  Molina", "perez molina"),
    ("Abu Mahdi al‑Muhandis", "abu mahdi al muhandis"),
])
def test_normalise_equal(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_normalise_keeps_distinctions():
    assert normalise_name("Theodore") == "theodore"
    assert normalise_name("Alma") == "alma"
    assert normalise_name("Hashd al-Shaabi") == "hashd al shaabi"


# ----------------------------------------------------------------------- entities

def test_entity_matches_through_aliases():
    gold = doc([ent("e1", "Islamic State", "armed_group", "IS", "ISIS")])
    pred = doc([ent("p1", "ISIS", "armed_group")])
    score = score_document(gold, pred)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (1, 0, 0)


def test_entity_matching_is_one_to_one():
    gold = doc([ent("e1", "Qassem Soleimani", "person", "Soleimani")])
    pred = doc([ent("p1", "Soleimani", "person"), ent("p2", "Qassem Soleimani", "person")])
    matching = match_entities(gold["entities"], pred["entities"])
    assert matching.gold_to_pred == {"e1": "p2"}  # the equal primary name wins
    score = score_document(gold, pred)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (1, 1, 0)


def test_entity_greedy_prefers_same_type():
    gold = doc([ent("e1", "Hezbollah", "armed_group"), ent("e2", "Lebanon", "country")])
    pred = doc([ent("p1", "Hezbollah", "political_party"), ent("p2", "Lebanon", "location")])
    score = score_document(gold, pred)
    # Lebanon is matched (so events placed there resolve) but a location is not a
    # scored entity type: the gold country is missed.
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (1, 0, 1)
    assert (score.entity_types.correct, score.entity_types.total) == (0, 1)
    assert score.entities_by_type["armed_group"].fn == 1
    assert score.entities_by_type["political_party"].fp == 1


def test_locations_not_scored_as_entities_but_matched():
    gold = doc([ent("e1", "Baghdad", "location"), ent("e2", "Kataib Hezbollah", "armed_group")],
               relations=[rel("based_in", "e2", "e1")])
    pred = doc([ent("p1", "Baghdad", "location"), ent("p2", "Mosul", "location"),
                ent("p3", "Kataib Hezbollah", "armed_group")],
               relations=[rel("based_in", "p3", "p1")])
    score = score_document(gold, pred)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (1, 0, 0)
    assert score.relations.tp == 1 and score.relations.fp == 0


def test_type_accuracy_counts_matched_pairs():
    gold = doc([ent("e1", "Quds Force", "security_agency"), ent("e2", "Iran", "country"),
                ent("e3", "Nasrallah", "person")])
    pred = doc([ent("p1", "Quds Force", "armed_group"), ent("p2", "Iran", "country")])
    score = score_document(gold, pred)
    assert (score.entity_types.correct, score.entity_types.total) == (1, 2)
    assert (score.entities.tp, score.entities.fn) == (2, 1)


# ---------------------------------------------------------------------- relations

GOLD_ENTITIES = [ent("e1", "Iran", "country", "Tehran"), ent("e2", "Hezbollah", "armed_group"),
                 ent("e3", "Israel", "country"), ent("e4", "Hassan Nasrallah", "person")]
PRED_ENTITIES = [ent("p1", "Tehran", "country"), ent("p2", "Hezbollah", "armed_group"),
                 ent("p3", "Israel", "country"), ent("p4", "Nasrallah", "person"),
                 ent("p5", "Syria", "country")]


def test_undirected_relation_either_order():
    gold = doc(GOLD_ENTITIES, relations=[rel("opposes", "e2", "e3")])
    pred = doc(PRED_ENTITIES, relations=[rel("opposes", "p3", "p2")])
    assert score_document(gold, pred).relations.tp == 1


def test_directed_relation_order_matters_but_untyped_does_not():
    gold = doc(GOLD_ENTITIES, relations=[rel("supports", "e1", "e2")])
    pred = doc(PRED_ENTITIES, relations=[rel("supports", "p2", "p1")])
    score = score_document(gold, pred)
    assert (score.relations.tp, score.relations.fp, score.relations.fn) == (0, 1, 1)
    assert score.relations_untyped.tp == 1


def test_relation_type_and_unmatched_endpoint():
    gold = doc(GOLD_ENTITIES, relations=[rel("supports", "e1", "e2"), rel("leads", "e4", "e2")])
    # p4 "Nasrallah" matches nothing (no shared alias), so its relation cannot match
    pred = doc(PRED_ENTITIES, relations=[rel("controls", "p1", "p2"), rel("leads", "p4", "p2"),
                                         rel("supports", "p5", "p2")])
    score = score_document(gold, pred)
    assert score.relations.tp == 0 and score.relations.fp == 3 and score.relations.fn == 2
    assert score.relations_untyped.tp == 1   # Iran-Hezbollah
    assert score.relations_by_type["supports"].fn == 1
    assert score.relations_by_type["controls"].fp == 1


def test_duplicate_predicted_relations_count_once():
    gold = doc(GOLD_ENTITIES, relations=[rel("opposes", "e2", "e3")])
    pred = doc(PRED_ENTITIES, relations=[rel("opposes", "p2", "p3"), rel("opposes", "p3", "p2")])
    score = score_document(gold, pred)
    assert (score.relations.tp, score.relations.fp) == (1, 0)


# ------------------------------------------------------------------------- events

def test_dates_compatible_at_coarser_precision():
    assert dates_compatible("2021-03", "2021-03-11")
    assert dates_compatible("2021", "2021-03-11")
    assert not dates_compatible("2021-02", "2021-03-11")
    assert not dates_compatible("2021-03-10", "2021-03-11")
    assert dates_compatible(None, "2021-03-11")


def test_event_matching_and_date_accuracy():
    gold = doc(GOLD_ENTITIES, events=[event("v1", "ASSAULT", ["e3"], ["e2"], "2021-03-11"),
                                      event("v2", "ASSAULT", ["e2"], ["e3"], "2021-02-01")])
    pred = doc(PRED_ENTITIES, events=[event("w1", "ASSAULT", ["p3"], [], "2021-03"),
                                      event("w2", "ASSAULT", ["p2"], [], "2021-03-11")])
    score = score_document(gold, pred)
    # w1 and w2 both fit v1 (a shared participant, a compatible date); w2 wins, having
    # the same date. w1 does not fit v2 (2021-03 vs 2021-02-01): one spurious, one missed.
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 1, 1)
    assert (score.event_dates.correct, score.event_dates.total) == (1, 1)
    pred["events"][1]["date"] = None   # now w1 takes v1, and w2 (no date) fits v2
    score = score_document(gold, pred)
    assert (score.events.tp, score.events.fp, score.events.fn) == (2, 0, 0)
    assert (score.event_dates.correct, score.event_dates.total) == (0, 2)


def test_event_without_participants_matches_on_location():
    entities = GOLD_ENTITIES + [ent("e9", "Bogota", "location")]
    gold = doc(entities, events=[event("v1", "ASSAULT", date=None) | {"location": "e9"}])
    pred = doc(PRED_ENTITIES + [ent("p9", "Bogotá", "location")],
               events=[event("w1", "ASSAULT", [], [], "1988-10-24") | {"location": "p9"}])
    assert score_document(gold, pred).events.tp == 1


def test_event_needs_type_and_shared_participant():
    gold = doc(GOLD_ENTITIES, events=[event("v1", "CONSULT", ["e1"], ["e2"], "2021-03-11")])
    wrong_type = doc(PRED_ENTITIES, events=[event("w1", "AGREE", ["p1"], ["p2"], "2021-03-11")])
    no_shared = doc(PRED_ENTITIES, events=[event("w1", "CONSULT", ["p5"], [], "2021-03-11")])
    roles_swapped = doc(PRED_ENTITIES, events=[event("w1", "CONSULT", ["p2"], ["p1"], None)])
    assert score_document(gold, wrong_type).events.tp == 0
    assert score_document(gold, no_shared).events.tp == 0
    score = score_document(gold, roles_swapped)
    assert score.events.tp == 1
    assert score.event_dates.correct == 0 and score.event_dates.total == 1


# ------------------------------------------------------------------- attributions

def test_content_overlap_of_shorter():
    assert content_overlap("the militia was funded by Iran", "funded by Iran") == 1.0
    assert content_overlap("a b c d e", "a b c x y") == pytest.approx(0.6)


def test_attribution_overlap_threshold():
    gold = doc(GOLD_ENTITIES, attributions=[attr("a1", "one two three four five")])
    ok = doc(PRED_ENTITIES, attributions=[attr("b1", "one two three six seven")])
    short = doc(PRED_ENTITIES, attributions=[attr("b1", "one two eight six seven")])
    assert score_document(gold, ok).attributions.tp == 1
    assert score_document(gold, short).attributions.tp == 0


def test_attribution_anonymous_vs_named():
    content = "Iran is arming the group with missiles"
    gold = doc(GOLD_ENTITIES, attributions=[attr("a1", content)])
    named = doc(PRED_ENTITIES, attributions=[attr("b1", content, "p4", "named_person")])
    anonymous = doc(PRED_ENTITIES, attributions=[attr("b1", content)])
    score = score_document(gold, named)
    assert score.attributions.tp == 0 and score.attributions_content.tp == 1
    assert score_document(gold, anonymous).attributions.tp == 1


def test_attribution_named_source_through_entity_matching():
    content = "we will respond"
    gold = doc(GOLD_ENTITIES, attributions=[attr("a1", content, "e1", "named_org")])
    right = doc(PRED_ENTITIES, attributions=[attr("b1", content, "p1", "named_org")])
    wrong = doc(PRED_ENTITIES, attributions=[attr("b1", content, "p3", "named_org")])
    assert score_document(gold, right).attributions.tp == 1
    assert score_document(gold, wrong).attributions.tp == 0


# ----------------------------------------------------------------------- corpus

def test_micro_average_over_documents():
    gold_a = doc([ent("e1", "Iran", "country")])
    gold_b = doc([ent("e1", "Iraq", "country"), ent("e2", "Syria", "country")])
    pred_a = doc([ent("p1", "Iran", "country"), ent("p2", "Qatar", "country")])
    pred_b = doc([ent("p1", "Iraq", "country")])
    total, per_doc = score_corpus([("a", gold_a, pred_a), ("b", gold_b, pred_b)])
    assert total.documents == 2
    assert (total.entities.tp, total.entities.fp, total.entities.fn) == (2, 1, 1)
    assert total.entities.precision == pytest.approx(2 / 3)
    assert per_doc["a"].entities.f1 == pytest.approx(2 / 3)
    data = total.to_json()
    assert data["entities"]["f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_gold_scored_against_itself_is_perfect():
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "gold" / "000.json"
    if not path.exists():
        pytest.skip(f"shared gold not found at {path}")
    gold = json.loads(path.read_text(encoding="utf-8"))
    score = score_document(gold, gold)
    for counts in (score.entities, score.relations, score.events, score.attributions):
        assert counts.fp == 0 and counts.fn == 0
