"""PLOVER gold-standard sentences (openeventdata/PLOVER, normalised to the 16 types).

Per sentence: the PLOVER type of the main event (the first event extracted, in text
order; NONE when none is), scored as accuracy, per-type P/R/F1, macro-F1 and a
confusion table; and actor/recipient span overlap between the record's actorText spans
and the mentions of the main event's actor/recipient entities.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from linkchart.evaluate.benchmarks.common import (
    NONE, Classification, SpanScore, files, find_span, main_event, role_spans,
)
from linkchart.model import DocExtraction, Document

NAME = "plover-gsr"
DEFAULT_PATH = ("plover-gsr", "normalized")


@dataclass
class Record:
    id: str
    text: str
    event: str
    actors: list[str]
    recipients: list[str]
    date: str | None = None

    def spans(self, texts: list[str]) -> list[tuple[int, int]]:
        return [span for span in (find_span(self.text, t) for t in texts) if span]


# The sentence benchmarks score the event classifier: every classified trigger counts,
# also those the chart drops for lacking a named participant and a date, place or count
# (`linkchart evaluate --chart-events` scores the chart's own events instead).
EVENT_CANDIDATES = True

def load(path: Path) -> list[Record]:
    """Records from `normalized/*.jsonl` (or the given file)."""
    records = []
    for file in files(path, "*.jsonl", "PLOVER gold standard", subdir="normalized"):
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                data = json.loads(line)
                records.append(Record(
                    id=str(data["id"]), text=data["text"], event=data["event"],
                    actors=[a["actorText"] for a in data.get("actor") or [] if a.get("actorText")],
                    recipients=[a["actorText"] for a in data.get("recipient") or []
                                if a.get("actorText")],
                    date=data.get("date")))
    return records


def documents(records: Sequence[Record]) -> list[Document]:
    return [Document(id=r.id, text=r.text, published=r.date, meta={"benchmark": NAME})
            for r in records]


@dataclass
class Result:
    name: str = NAME
    path: str = ""
    sentences: int = 0
    types: Classification = field(default_factory=Classification)
    with_event: int = 0
    """Sentences where extraction found any event."""
    any_type: int = 0
    """Sentences where some extracted event (not only the main one) has the gold type."""
    actors: SpanScore = field(default_factory=SpanScore)
    recipients: SpanScore = field(default_factory=SpanScore)
    participants: SpanScore = field(default_factory=SpanScore)
    """Actors and recipients together, roles ignored."""
    unlocated: int = 0
    """Gold actor/recipient texts not found in their sentence (left out of span scores)."""

    def to_json(self) -> dict[str, Any]:
        return {"benchmark": self.name, "path": self.path, "sentences": self.sentences,
                "main_event_rule": "first extracted event: the trigger nearest the root of the parse; NONE if none",
                "event_type": self.types.to_json(),
                "sentences_with_event": self.with_event,
                "any_event_has_gold_type": self.any_type,
                "actors": self.actors.to_json(), "recipients": self.recipients.to_json(),
                "participants_any_role": self.participants.to_json(),
                "unlocated_gold_spans": self.unlocated}


def score(records: Sequence[Record], extractions: Sequence[DocExtraction]) -> Result:
    result = Result(sentences=len(records))
    for record, extraction in zip(records, extractions, strict=True):
        event = main_event(extraction)
        result.types.add(record.event, event.type if event else NONE)
        if extraction.events:
            result.with_event += 1
        if any(v.type == record.event for v in extraction.events):
            result.any_type += 1
        gold_actors = record.spans(record.actors)
        gold_recipients = record.spans(record.recipients)
        result.unlocated += (len(record.actors) + len(record.recipients)
                             - len(gold_actors) - len(gold_recipients))
        actors = role_spans(extraction, event.actors) if event else []
        recipients = role_spans(extraction, event.recipients) if event else []
        result.actors.add(gold_actors, actors)
        result.recipients.add(gold_recipients, recipients)
        result.participants.add(gold_actors + gold_recipients,
                               role_spans(extraction, event.actors + event.recipients)
                               if event else [])
    return result


def run(path: Path, extract: Callable[[list[Document]], list[DocExtraction]]) -> Result:
    records = load(path)
    result = score(records, extract(documents(records)))
    result.path = str(path)
    return result
