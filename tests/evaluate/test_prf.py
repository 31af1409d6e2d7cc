"""One precision/recall/F1 definition, and its empty case (linkchart.evaluate.prf)."""

import pytest

from linkchart.evaluate.benchmarks.common import SpanScore
from linkchart.evaluate.prf import PRF, harmonic_mean, ratio
from linkchart.evaluate.resolution import PairScore, score_clusters


def test_counts_give_precision_recall_and_f1():
    counts = PRF(tp=3, fp=1, fn=2)
    assert (counts.precision, counts.recall) == (0.75, 0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


@pytest.mark.parametrize("score", [
    PRF(), PRF(fn=4), PRF(fp=4), PairScore(0, 0, 0), PairScore(0, 3, 0), PairScore(3, 0, 0),
    SpanScore()])
def test_an_empty_side_scores_zero_everywhere(score):
    assert score.f1 == 0.0
    assert 0.0 in (score.precision, score.recall)


def test_nothing_predicted_has_no_precision():
    assert PRF(fn=4).precision == PairScore(0, 3, 0).precision == ratio(0, 0) == 0.0


def test_clusters_with_no_items_score_zero():
    empty = score_clusters({}, {})
    assert empty.bcubed_precision == empty.bcubed_recall == empty.bcubed_f1 == 0.0


def test_harmonic_mean():
    assert harmonic_mean(1.0, 1.0) == 1.0
    assert harmonic_mean(0.0, 0.0) == 0.0
    assert harmonic_mean(0.5, 1.0) == pytest.approx(2 / 3)
