"""PETRARCH2 validation sentences (openeventdata/UniversalPetrarch), CAMEO-coded.

Gold CAMEO codes are mapped to PLOVER types with the crosswalk in
`plover-gsr/CAMEO2PLOVER-2021.txt` (exact code, else its 3- then 2-digit parent).
Per event sentence: the main event (the first extracted: the main clause's) is right when its
type is one of the sentence's gold types. Per no-event sentence: right when extraction
leaves it empty. Sentences whose codes all fall outside the crosswalk (CAMEO 01 "make
a public statement" and 02 "appeal" have no PLOVER row) are counted apart.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from linkchart.evaluate.benchmarks.common import NONE, Classification, files, main_event
from linkchart.evaluate.paths import require, shared_path
from linkchart.evaluate.prf import ratio
from linkchart.model import EVENT_TYPES, DocExtraction, Document

NAME = "petr2-gsr"
DEFAULT_PATH = ("petr2-gsr",)
CROSSWALK_PATH = ("plover-gsr", "CAMEO2PLOVER-2021.txt")

_ROW = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,(.*))?$")


@dataclass(frozen=True)
class CrosswalkRow:
    cameo: str
    plover: str
    mode: str | None
    context: str | None
    description: str | None


class Crosswalk:
    """CAMEO code -> PLOVER event type (and mode, context), from the PLOVER project's table."""

    def __init__(self, rows: dict[str, CrosswalkRow]):
        self.rows = rows

    @classmethod
    def load(cls, path: Path) -> "Crosswalk":
        require(path, "CAMEO to PLOVER crosswalk")
        rows: dict[str, CrosswalkRow] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            body, _, comment = line.partition("#")
            match = _ROW.match(body)
            if not match:
                continue
            code, plover, rest = match.group(1), match.group(2), match.group(3) or ""
            if plover not in EVENT_TYPES:
                continue
            parts = [p.strip() or None for p in rest.split(",")] + [None, None]
            # The first row for a code wins (the table lists "08" and "175" twice).
            rows.setdefault(code, CrosswalkRow(code, plover, parts[0], parts[1],
                                               comment.strip() or None))
        return cls(rows)

    def row(self, cameo: str) -> CrosswalkRow | None:
        code = str(cameo).strip()
        for length in range(len(code), 1, -1):
            row = self.rows.get(code[:length])
            if row is not None:
                return row
        return None

    def plover(self, cameo: str) -> str | None:
        row = self.row(cameo)
        return row.plover if row else None

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class GoldEvent:
    source: str | None
    target: str | None
    cameo: str


@dataclass
class Record:
    id: str
    text: str
    date: str | None
    no_event: bool
    events: list[GoldEvent]


# The sentence benchmarks score the event classifier: every classified trigger counts,
# also those the chart drops for lacking a named participant and a date, place or count
# (`linkchart evaluate --chart-events` scores the chart's own events instead).
EVENT_CANDIDATES = True

def _iso(date: str | None) -> str | None:
    if date and re.fullmatch(r"\d{8}", date):
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return date or None


def load(path: Path) -> list[Record]:
    records = []
    for file in files(path, "*.jsonl", "PETRARCH2 validation set"):
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                data = json.loads(line)
                records.append(Record(
                    id=str(data["id"]), text=data["text"], date=_iso(data.get("date")),
                    no_event=bool(data.get("no_event")),
                    events=[GoldEvent(e.get("source_code"), e.get("target_code"),
                                      str(e["cameo_code"])) for e in data.get("events") or []]))
    return records


def load_crosswalk(benchmark_path: Path | None = None) -> Crosswalk:
    """The crosswalk beside the PETR2 folder's sibling `plover-gsr/`."""
    if benchmark_path is not None:
        base = benchmark_path if benchmark_path.is_dir() else benchmark_path.parent
        candidate = base.parent.joinpath(*CROSSWALK_PATH)
        if candidate.exists():
            return Crosswalk.load(candidate)
    return Crosswalk.load(shared_path("benchmarks", *CROSSWALK_PATH))


def documents(records: Sequence[Record]) -> list[Document]:
    return [Document(id=r.id, text=r.text, published=r.date, meta={"benchmark": NAME})
            for r in records]


@dataclass
class Result:
    name: str = NAME
    path: str = ""
    sentences: int = 0
    event_sentences: int = 0
    main_correct: int = 0
    """Event sentences whose main extracted event has one of the gold PLOVER types."""
    any_correct: int = 0
    """Event sentences where any extracted event has one of the gold types."""
    no_event_sentences: int = 0
    no_event_correct: int = 0
    """No-event sentences that extraction left without events."""
    unmapped_sentences: int = 0
    unmapped_codes: dict[str, int] = field(default_factory=dict)
    types: Classification = field(default_factory=Classification)
    """Main event type against the first gold event's type (for the confusion table)."""

    @property
    def accuracy(self) -> float:
        return ratio(self.main_correct, self.event_sentences)

    @property
    def any_accuracy(self) -> float:
        return ratio(self.any_correct, self.event_sentences)

    @property
    def no_event_accuracy(self) -> float:
        return ratio(self.no_event_correct, self.no_event_sentences)

    def to_json(self) -> dict[str, Any]:
        return {"benchmark": self.name, "path": self.path, "sentences": self.sentences,
                "main_event_rule": "first extracted event: the trigger nearest the root of the parse; NONE if none",
                "event_sentences": self.event_sentences,
                "event_type_accuracy": round(self.accuracy, 4),
                "main_correct": self.main_correct,
                "any_event_type_accuracy": round(self.any_accuracy, 4),
                "no_event_sentences": self.no_event_sentences,
                "no_event_left_empty": self.no_event_correct,
                "no_event_accuracy": round(self.no_event_accuracy, 4),
                "unmapped_sentences": self.unmapped_sentences,
                "unmapped_codes": self.unmapped_codes,
                "confusion": self.types.to_json()}


def score(records: Sequence[Record], extractions: Sequence[DocExtraction],
          crosswalk: Crosswalk) -> Result:
    result = Result(sentences=len(records))
    for record, extraction in zip(records, extractions, strict=True):
        if record.no_event or not record.events:
            result.no_event_sentences += 1
            result.no_event_correct += not extraction.events
            continue
        gold_types = []
        for event in record.events:
            plover = crosswalk.plover(event.cameo)
            if plover is None:
                result.unmapped_codes[event.cameo] = result.unmapped_codes.get(event.cameo, 0) + 1
            elif plover not in gold_types:
                gold_types.append(plover)
        if not gold_types:
            result.unmapped_sentences += 1
            continue
        result.event_sentences += 1
        event = main_event(extraction)
        predicted = event.type if event else NONE
        result.main_correct += predicted in gold_types
        result.any_correct += any(v.type in gold_types for v in extraction.events)
        result.types.add(predicted if predicted in gold_types else gold_types[0], predicted)
    return result


def run(path: Path, extract: Callable[[list[Document]], list[DocExtraction]]) -> Result:
    records = load(path)
    crosswalk = load_crosswalk(path)
    result = score(records, extract(documents(records)), crosswalk)
    result.path = str(path)
    return result
