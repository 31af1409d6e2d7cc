"""Helpers the benchmark adapters share: finding files, spans, classification scores."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from linkchart.evaluate.paths import DataMissing, require
from linkchart.evaluate.prf import PRF, PrecisionRecall, ratio
from linkchart.model import EVENT_TYPES, DocExtraction, Entity, Event

NONE = "NONE"
"""The label of "no event predicted"."""


def files(path: Path, pattern: str, what: str, subdir: str | None = None) -> list[Path]:
    """`path` itself if a file, else the files matching `pattern` in it (or its `subdir`)."""
    require(path, what)
    if path.is_file():
        return [path]
    folder = path / subdir if subdir and (path / subdir).is_dir() else path
    found = sorted(folder.glob(pattern))
    if not found:
        raise DataMissing(f"{what}: no {pattern} files in {folder}")
    return found


def main_event(extraction: DocExtraction) -> Event | None:
    """The first event the extractor lists. For the sentence benchmarks it lists the main
    clause's event first (the trigger nearest the root of the parse); in a chart, events
    come in text order."""
    return extraction.events[0] if extraction.events else None


def entity_spans(entity: Entity, text: str) -> list[tuple[int, int]]:
    """The entity's mention offsets; when it has none, where its name and aliases occur."""
    if entity.mentions:
        return [(int(s), int(e)) for s, e in entity.mentions]
    spans = []
    for form in entity.surface_forms():
        if form:
            spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(form), text))
    return spans


def find_span(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` first occurs in `text` (exactly, else ignoring case)."""
    if not needle:
        return None
    at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower())
    return (at, at + len(needle)) if at >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class SpanScore(PrecisionRecall):
    """Span overlap with its own recall (gold spans found) and precision (predicted
    entities that overlap a gold span); unlike PRF, the two sides count different things."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_right: int = 0

    def add(self, gold: list[tuple[int, int]], predicted: list[list[tuple[int, int]]]) -> None:
        self.gold += len(gold)
        self.gold_found += sum(1 for g in gold
                               if any(overlaps(g, s) for spans in predicted for s in spans))
        self.predicted += len(predicted)
        self.predicted_right += sum(1 for spans in predicted
                                    if any(overlaps(g, s) for g in gold for s in spans))

    def counts(self) -> tuple[int, int, int, int]:
        return self.predicted_right, self.predicted, self.gold_found, self.gold

    def to_json(self) -> dict[str, Any]:
        return {"gold": self.gold, "gold_found": self.gold_found, "predicted": self.predicted,
                "predicted_right": self.predicted_right, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Classification:
    """Single-label classification with a NONE prediction: accuracy, per-class P/R/F1,
    macro-F1 over the gold classes, and a confusion table."""

    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, gold: str, predicted: str) -> None:
        self.confusion[gold][predicted] += 1

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    @property
    def correct(self) -> int:
        return sum(row[label] for label, row in self.confusion.items())

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)

    def per_class(self) -> dict[str, PRF]:
        labels = set(self.confusion) | {p for row in self.confusion.values() for p in row}
        table = {}
        for label in labels - {NONE}:
            tp = self.confusion.get(label, Counter())[label]
            gold = sum(self.confusion.get(label, Counter()).values())
            predicted = sum(row[label] for row in self.confusion.values())
            table[label] = PRF(tp=tp, fp=predicted - tp, fn=gold - tp)
        return table

    @property
    def macro_f1(self) -> float:
        table = self.per_class()
        gold_labels = [label for label in self.confusion if label != NONE]
        if not gold_labels:
            return 0.0
        return sum(table[label].f1 for label in gold_labels) / len(gold_labels)

    def labels(self) -> list[str]:
        present = set(self.confusion) | {p for row in self.confusion.values() for p in row}
        ordered = [t for t in EVENT_TYPES if t in present]
        ordered += sorted(present - set(ordered) - {NONE})
        return ordered + ([NONE] if NONE in present else [])

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "correct": self.correct,
                "accuracy": round(self.accuracy, 4), "macro_f1": round(self.macro_f1, 4),
                "per_class": {k: v.to_json() for k, v in sorted(self.per_class().items())},
                "confusion": {g: dict(sorted(row.items()))
                              for g, row in sorted(self.confusion.items())}}


def role_spans(extraction: DocExtraction, ids: Iterable[str]) -> list[list[tuple[int, int]]]:
    """For each entity id, the list of its mention spans (one list per entity)."""
    result = []
    for entity_id in dict.fromkeys(ids):
        entity = extraction.entity(entity_id)
        if entity is not None:
            result.append(entity_spans(entity, extraction.document.text))
    return result
