"""CrossNER politics-domain NER (zliucr/CrossNER), scored on three coarse classes.

Each test sentence is a Document whose text is its tokens joined by single spaces.
Gold BIO spans and predicted entity mentions (character offsets) are compared
exactly on token boundaries and class, after mapping both label sets onto:

    person        CrossNER politician, person;          ours person
    organisation  CrossNER politicalparty, organisation; ours every organisation type
    place         CrossNER country, location;            ours country, location

CrossNER's election, event and misc spans are ignored: they are not scored, and a
predicted span lying inside one is dropped rather than counted as a false positive
(CrossNER does not annotate names nested in those spans). A fine table crosses our
types with CrossNER's labels over spans whose boundaries agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from linkchart.evaluate.benchmarks.common import entity_spans, files
from linkchart.evaluate.scorer import PRF
from linkchart.model import ORGANISATION_TYPES, DocExtraction, Document

NAME = "crossner-politics"
DEFAULT_PATH = ("crossner-politics", "test.txt")
CLASSES = ("person", "organisation", "place")

CROSSNER_CLASS = {"politician": "person", "person": "person",
                  "politicalparty": "organisation", "organisation": "organisation",
                  "country": "place", "location": "place"}
IGNORED_LABELS = frozenset({"election", "event", "misc"})
OUR_CLASS = {"person": "person", "country": "place", "location": "place",
             **{t: "organisation" for t in ORGANISATION_TYPES}}
NO_SPAN = "(none)"


@dataclass
class Sentence:
    id: str
    tokens: list[str]
    labels: list[str]
    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    """Gold spans as (start char, end char, CrossNER label)."""

    def __post_init__(self) -> None:
        if not self.text:
            pos, offsets = 0, []
            for token in self.tokens:
                offsets.append((pos, pos + len(token)))
                pos += len(token) + 1
            self.text = " ".join(self.tokens)
            self.offsets = offsets
        if not self.spans:
            self.spans = bio_spans(self.labels, self.offsets)


# NER is scored on every recognised name, not only those the chart keeps (places tied
# to nothing are left out of a document's entities by default).
KEEP_ALL_ENTITIES = True

def bio_spans(labels: Sequence[str], offsets: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Character spans from BIO tags (an I- tag that continues nothing starts a span)."""
    spans: list[tuple[int, int, str]] = []
    start = label = None
    end = 0
    for tag, (s, e) in zip(labels, offsets):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and label == name:
            end = e
            continue
        if label is not None:
            spans.append((start, end, label))
            label = None
        if prefix in ("B", "I") and name:
            start, end, label = s, e, name
    if label is not None:
        spans.append((start, end, label))
    return spans


def load(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL file (token TAB tag, blank line between sentences)."""
    sentences: list[Sentence] = []
    for file in files(path, "test.txt", "CrossNER politics"):
        tokens: list[str] = []
        labels: list[str] = []

        def flush() -> None:
            if tokens:
                sentences.append(Sentence(f"{file.stem}-{len(sentences):04d}",
                                          list(tokens), list(labels)))
                tokens.clear()
                labels.clear()

        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                flush()
                continue
            token, _, tag = line.rstrip("\n").rpartition("\t")
            if not _:
                token, _, tag = line.strip().rpartition(" ")
            tokens.append(token)
            labels.append(tag.strip() or "O")
        flush()
    return sentences


def documents(sentences: Sequence[Sentence]) -> list[Document]:
    return [Document(id=s.id, text=s.text, meta={"benchmark": NAME}) for s in sentences]


def predicted_spans(extraction: DocExtraction) -> list[tuple[int, int, str]]:
    """(start, end, our fine type) for every mention of every entity, deduplicated."""
    spans = {}
    for entity in extraction.entities:
        for start, end in entity_spans(entity, extraction.document.text):
            spans.setdefault((start, end, entity.type), None)
    return list(spans)


@dataclass
class Result:
    name: str = NAME
    path: str = ""
    sentences: int = 0
    classes: dict[str, PRF] = field(default_factory=lambda: {c: PRF() for c in CLASSES})
    dropped_in_ignored: int = 0
    """Predicted spans inside a gold election/event/misc span, left out."""
    fine: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    """fine[our type][CrossNER label]: spans with the same boundaries."""

    @property
    def micro(self) -> PRF:
        total = PRF()
        for counts in self.classes.values():
            total += counts
        return total

    @property
    def micro_strict(self) -> PRF:
        """Micro counts with the dropped spans counted as false positives after all."""
        total = self.micro
        total.fp += self.dropped_in_ignored
        return total

    def to_json(self) -> dict[str, Any]:
        return {"benchmark": self.name, "path": self.path, "sentences": self.sentences,
                "micro": self.micro.to_json(),
                "micro_dropped_counted_as_fp": self.micro_strict.to_json(),
                "classes": {c: self.classes[c].to_json() for c in CLASSES},
                "dropped_inside_ignored_spans": self.dropped_in_ignored,
                "fine": {ours: dict(sorted(row.items()))
                         for ours, row in sorted(self.fine.items())}}


def score(sentences: Sequence[Sentence], extractions: Sequence[DocExtraction]) -> Result:
    result = Result(sentences=len(sentences))
    for sentence, extraction in zip(sentences, extractions, strict=True):
        gold = {(s, e, CROSSNER_CLASS[label]) for s, e, label in sentence.spans
                if label in CROSSNER_CLASS}
        ignored = [(s, e) for s, e, label in sentence.spans if label in IGNORED_LABELS]
        fine_pred = predicted_spans(extraction)
        pred = set()
        for s, e, etype in fine_pred:
            coarse = OUR_CLASS.get(etype)
            if coarse is None:
                continue
            if any(gs <= s and e <= ge for gs, ge in ignored):
                result.dropped_in_ignored += 1
                continue
            pred.add((s, e, coarse))
        for cls in CLASSES:
            g = {x for x in gold if x[2] == cls}
            p = {x for x in pred if x[2] == cls}
            counts = result.classes[cls]
            counts.tp += len(g & p)
            counts.fp += len(p - g)
            counts.fn += len(g - p)
        gold_by_span = {(s, e): label for s, e, label in sentence.spans}
        pred_by_span: dict[tuple[int, int], str] = {}
        for s, e, etype in fine_pred:
            pred_by_span.setdefault((s, e), etype)
        for span, etype in pred_by_span.items():
            result.fine[etype][gold_by_span.get(span, NO_SPAN)] += 1
        for span, label in gold_by_span.items():
            if span not in pred_by_span:
                result.fine[NO_SPAN][label] += 1
    return result


def run(path: Path, extract: Callable[[list[Document]], list[DocExtraction]]) -> Result:
    sentences = load(path)
    result = score(sentences, extract(documents(sentences)))
    result.path = str(path)
    return result
