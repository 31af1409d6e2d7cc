"""Calibration maths on hand-made data: ECE, thresholds, rule precision, the fitted model."""

import math

import numpy as np
import pytest

from linkchart.evaluate.calibration import Example, fit_kind, fit_logistic, fit_rules, write_table
from linkchart.evaluate.confidence import (confidence_figures, expected_calibration_error,
                                           kept, lowest_threshold)
from linkchart.evaluate.scorer import prediction_labels
from linkchart.extract.confidence import confidence, load_table, rule_precision


def test_ece_is_zero_when_each_bin_is_right_as_often_as_it_says():
    points = [(0.25, True), (0.25, False), (0.25, False), (0.25, False),
              (0.95, True)] + [(0.95, True)] * 18 + [(0.95, False)]
    assert expected_calibration_error(points) == pytest.approx(0.0)


def test_ece_weights_each_bin_gap_by_its_share():
    # bin 0.9-1.0: said 0.9, right 1 of 2 -> gap 0.4; bin 0.1-0.2: said 0.1, right 1 of 2
    # -> gap 0.4; each holds half the points.
    points = [(0.9, True), (0.9, False), (0.1, True), (0.1, False)]
    assert expected_calibration_error(points) == pytest.approx(0.4)


def test_ece_puts_a_confidence_of_one_in_the_last_bin():
    assert expected_calibration_error([(1.0, True), (0.95, False)]) == pytest.approx(
        (abs(1.95 - 1)) / 2)
    assert expected_calibration_error([]) == 0.0


def _doc(relations):
    entities = [{"id": "e1", "name": "Army of the North", "type": "armed_group"},
                {"id": "e2", "name": "Ruritania", "type": "country"},
                {"id": "e3", "name": "Anna Berg", "type": "person"}]
    return {"entities": entities, "relations": relations, "events": [], "attributions": []}


GOLD = _doc([{"type": "part_of", "source": "e1", "target": "e2", "evidence": "x"},
             {"type": "leads", "source": "e3", "target": "e1", "evidence": "x"}])
PRED = _doc([{"type": "part_of", "source": "e1", "target": "e2", "evidence": "x",
              "confidence": 0.9},
             {"type": "member_of", "source": "e3", "target": "e2", "evidence": "x",
              "confidence": 0.3},
             {"type": "leads", "source": "e3", "target": "e1", "evidence": "x",
              "confidence": 0.6}])


def test_labels_come_from_the_scorer_matching():
    assert prediction_labels(GOLD, PRED)["relations"] == [True, False, True]


def test_kept_drops_items_below_the_threshold_and_keeps_unscored_ones():
    pred = PRED | {"relations": PRED["relations"] + [
        {"type": "opposes", "source": "e1", "target": "e3", "evidence": "x"}]}
    assert [r["type"] for r in kept(pred, 0.5)["relations"]] == ["part_of", "leads", "opposes"]


def test_precision_and_recall_at_a_threshold():
    figures = confidence_figures([("d", GOLD, PRED)], 0.5)
    at = figures.at_threshold["relations"]
    assert (at.tp, at.fp, at.fn) == (2, 0, 0)
    low = confidence_figures([("d", GOLD, PRED)], 0.2).at_threshold["relations"]
    assert (low.tp, low.fp) == (2, 1)
    assert figures.items["relations"] == 3


def test_lowest_threshold_reaching_a_precision():
    assert lowest_threshold([("d", GOLD, PRED)], "relations", 1.0) == pytest.approx(0.35)
    assert lowest_threshold([("d", GOLD, PRED)], "relations", 0.6) == 0.0
    empty = PRED | {"relations": [PRED["relations"][1]]}
    assert lowest_threshold([("d", GOLD, empty)], "relations", 0.8) is None


def _examples(rule, right, wrong, doc="d1"):
    return [Example(doc, rule, {}, True)] * right + [Example(doc, rule, {}, False)] * wrong


def test_rule_precision_is_pulled_toward_its_parent_then_the_kind():
    items = _examples("verb:supports", 3, 1) + _examples("verb:opposes", 0, 4) + \
        _examples("role:leads", 8, 0)
    table = fit_rules(items, strength=2.0)
    prior = (11 + 1) / (16 + 2)
    assert table["prior"] == pytest.approx(prior)
    verb = (3 + 2 * prior) / (8 + 2)
    assert table["rules"]["verb"] == pytest.approx(verb)
    assert table["rules"]["verb:supports"] == pytest.approx((3 + 2 * verb) / (4 + 2))
    assert table["support"]["verb:opposes"] == [0, 4]


def test_unknown_rules_fall_back_to_the_nearest_parent_then_the_kind():
    table = {"prior": 0.6, "rules": {"verb": 0.7, "verb:supports": 0.8}}
    assert rule_precision(table, "verb:supports:person>country") == 0.8
    assert rule_precision(table, "verb:controls") == 0.7
    assert rule_precision(table, "brand_new_rule:leads") == 0.6
    assert rule_precision(table, None) == 0.6


def test_the_logistic_model_moves_confidence_by_evidence():
    table = {"prior": 0.5, "rules": {"verb": 0.8},
             "model": {"intercept": 0.0, "rule_logit": 1.0, "hedged": -2.0}}
    assert confidence(table, "verb", {"hedged": 0.0}) == pytest.approx(0.8, abs=1e-4)
    hedged = 1 / (1 + math.exp(-(math.log(4) - 2)))
    assert confidence(table, "verb", {"hedged": 1.0}) == pytest.approx(hedged, abs=1e-4)


def test_logistic_fit_finds_a_separating_feature():
    rng = np.random.default_rng(0)
    feature = rng.integers(0, 2, 400).astype(float)
    y = (rng.random(400) < np.where(feature == 1, 0.9, 0.2)).astype(float)
    x = np.column_stack([np.ones(400), feature])
    w = fit_logistic(x, y, np.zeros(2), l2=0.01)
    assert 1 / (1 + math.exp(-w[0])) == pytest.approx(y[feature == 0].mean(), abs=0.02)
    assert 1 / (1 + math.exp(-(w[0] + w[1]))) == pytest.approx(y[feature == 1].mean(), abs=0.02)


def test_fitted_table_round_trips_through_its_file(tmp_path):
    items = []
    for doc in ("a", "b", "c", "d"):
        items += [Example(doc, "verb:supports", {"hedged": 0.0}, True)] * 3
        items += [Example(doc, "verb:supports", {"hedged": 1.0}, False)] * 2
    kind = fit_kind(items, k=4)
    assert kind["model"]["hedged"] < 0
    path = tmp_path / "calibration.yaml"
    write_table({"relations": kind, "events": fit_rules([]), "attributions": fit_rules([])},
                path, articles=4, k=4)
    table = load_table(path)
    assert table["fitted"]["articles"] == 4
    assert table["relations"]["support"]["verb:supports"] == [12, 20]
    plain = confidence(table["relations"], "verb:supports", {"hedged": 0.0})
    assert plain > confidence(table["relations"], "verb:supports", {"hedged": 1.0})
