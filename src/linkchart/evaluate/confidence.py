"""How good the confidences are: precision and recall of what is kept at a threshold,
and the expected calibration error (ECE). Pure functions over linkchart/1 dicts; which
predictions are right comes from the scorer's own matching (`prediction_labels`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from linkchart.evaluate.scorer import PRF, prediction_labels, score_corpus

KINDS = ("relations", "events", "attributions")
BINS = 10


def expected_calibration_error(points: Sequence[tuple[float, bool]], bins: int = BINS) -> float:
    """Sum over equal-width confidence bins of (share of points) x |mean confidence -
    share right|. A confidence of exactly 1 falls in the last bin."""
    if not points:
        return 0.0
    totals = [[0, 0.0, 0] for _ in range(bins)]  # count, confidence sum, right
    for confidence, right in points:
        row = totals[min(int(confidence * bins), bins - 1)]
        row[0] += 1
        row[1] += confidence
        row[2] += bool(right)
    return sum(abs(total - right) for count, total, right in totals if count) / len(points)


def kept(pred: dict, threshold: float) -> dict:
    """`pred` without the relations, events and attributions below `threshold`; items
    without a confidence are kept."""
    def keep(item: dict) -> bool:
        return item.get("confidence") is None or item["confidence"] >= threshold

    return pred | {kind: [i for i in pred.get(kind) or [] if keep(i)] for kind in KINDS}


def calibration_points(triples: Iterable[tuple[str, dict, dict]]) -> dict[str, list]:
    """Per kind, (confidence, right) for every predicted item that has a confidence."""
    points: dict[str, list] = {kind: [] for kind in KINDS}
    for _, gold, pred in triples:
        labels = prediction_labels(gold, pred)
        for kind in KINDS:
            for item, right in zip(pred.get(kind) or [], labels[kind]):
                if item.get("confidence") is not None:
                    points[kind].append((float(item["confidence"]), right))
    return points


def lowest_threshold(triples: Sequence[tuple[str, dict, dict]], kind: str, target: float,
                     steps: int = 20) -> float | None:
    """The lowest threshold on a grid of `steps` at which `kind` reaches precision
    `target`, counted by the scorer on what is kept; None when none does."""
    for step in range(steps + 1):
        threshold = step / steps
        total, _ = score_corpus((d, g, kept(p, threshold)) for d, g, p in triples)
        counts: PRF = getattr(total, kind)
        if counts.predicted and counts.precision >= target:
            return threshold
    return None


@dataclass
class ConfidenceFigures:
    """Per kind: P/R/F1 of what is kept at `threshold`, and the ECE of all items."""

    threshold: float
    at_threshold: dict[str, PRF]
    ece: dict[str, float]
    items: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"threshold": self.threshold,
                **{kind: {"at_threshold": self.at_threshold[kind].to_json(),
                          "ece": round(self.ece[kind], 4), "items": self.items[kind]}
                   for kind in KINDS}}


def confidence_figures(triples: Sequence[tuple[str, dict, dict]],
                       threshold: float) -> ConfidenceFigures:
    total, _ = score_corpus((d, g, kept(p, threshold)) for d, g, p in triples)
    points = calibration_points(triples)
    return ConfidenceFigures(
        threshold, {kind: getattr(total, kind) for kind in KINDS},
        {kind: expected_calibration_error(points[kind]) for kind in KINDS},
        {kind: len(points[kind]) for kind in KINDS})
