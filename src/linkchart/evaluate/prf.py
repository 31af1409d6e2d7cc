"""Precision, recall and F1: one definition for every score `linkchart evaluate` reports.

The empty case, decided once: a ratio with nothing under it is 0.0. Nothing predicted
claims no precision, nothing to find shows no recall, and F1 is 0.0 when precision and
recall are both 0.0. (The who-is-who scorer gave 1.0 there; its figures differ only on
a set with no pairs, or no items, at all.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 of a precision and a recall."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


class PrecisionRecall:
    """Precision, recall and F1 of a score that says what it counted (`counts`): the
    predictions that were right and all predictions, the gold items found and all gold
    items. Most scores count one thing twice (true positives); span scores do not."""

    def counts(self) -> tuple[int, int, int, int]:
        raise NotImplementedError

    @property
    def precision(self) -> float:
        right, predicted, _, _ = self.counts()
        return ratio(right, predicted)

    @property
    def recall(self) -> float:
        _, _, found, gold = self.counts()
        return ratio(found, gold)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


@dataclass
class PRF(PrecisionRecall):
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def counts(self) -> tuple[int, int, int, int]:
        return self.tp, self.predicted, self.tp, self.gold

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_json(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "tp": self.tp,
                "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
