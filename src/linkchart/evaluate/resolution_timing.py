"""How much of ingest time resolution takes: `linkchart resolve-timing CORPUS`.

Extracts N documents of a JSONL(.gz) corpus, then stores them batch by batch into a
store (a fresh temporary one, or `--db` to add to an existing store, such as a full
10k-article one), timing separately: extraction; the whole store write; inside it the
resolver (`resolve`: keys, candidates, scores) and the judgements and review queue
bookkeeping. With `--replicas R` the same extractions are stored R more times as new
documents whose actors are partly renamed, to see how resolution's cost per batch
behaves as the store grows far beyond what was extracted (a synthetic scale test: it
says nothing about quality).
"""

from __future__ import annotations

import copy
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkchart.config import Config
from linkchart.distributed import extract_parallel
from linkchart.evaluate.speed import count_words, read_corpus
from linkchart.model import DocExtraction
from linkchart.resolve import resolve
from linkchart.store import Store, identity, judging


@dataclass
class Timing:
    documents: int = 0
    words: int = 0
    extract_s: float = 0.0
    store_s: float = 0.0
    resolve_s: float = 0.0
    judgements_s: float = 0.0
    batches: list[dict[str, Any]] = field(default_factory=list)
    entities: int = 0
    replica_batches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def resolution_s(self) -> float:
        return self.resolve_s + self.judgements_s

    def to_json(self) -> dict[str, Any]:
        total = self.extract_s + self.store_s
        return {
            "documents": self.documents, "words": self.words,
            "extract_s": round(self.extract_s, 2), "store_s": round(self.store_s, 2),
            "resolve_s": round(self.resolve_s, 3),
            "judgements_and_review_s": round(self.judgements_s, 3),
            "resolution_share_of_ingest": round(self.resolution_s / total, 4) if total else None,
            "resolution_ms_per_document": round(1000 * self.resolution_s / self.documents, 2)
            if self.documents else None,
            "entities_in_store": self.entities,
            "batches": self.batches, "replica_batches": self.replica_batches,
        }


def _instrument(store, timing: Timing, into: list) -> None:
    """Wrap the store's resolver and the judgement step with clocks."""
    resolver = store.resolver

    def timed_resolver(extractions, lookup):
        start = time.perf_counter()
        try:
            return resolver(extractions, lookup)
        finally:
            timing.resolve_s += time.perf_counter() - start
            into.append(time.perf_counter() - start)

    store.resolver = timed_resolver
    for module, name in ((judging, "apply_for_batch"), (identity, "record_reviews")):
        original = getattr(module, name)
        if getattr(original, "_timed", False):
            continue

        def wrapped(*args, _original=original, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                timing.judgements_s += time.perf_counter() - start

        wrapped._timed = True
        setattr(module, name, wrapped)


def _renamed(extractions: list[DocExtraction], replica: int, share: float) -> list[DocExtraction]:
    """Copies as new documents; `share` of each document's actors get a new name."""
    copies = []
    for x in extractions:
        y = copy.deepcopy(x)
        y.document.id = f"{x.document.id}~r{replica}"
        y.document.text = f"{x.document.text}\n[replica {replica}]"
        for i, entity in enumerate(y.entities):
            if (i * 7 + replica) % 100 < share * 100:
                suffix = " " + _pseudo_word(f"{x.document.id}/{entity.id}/{replica}")
                entity.name += suffix
                entity.aliases = [a + suffix for a in entity.aliases]
        copies.append(y)
    return copies


def _pseudo_word(seed: str) -> str:
    """A made-up name word ("Kotaberu"), different for each seed: a new actor's name."""
    import hashlib

    digest = hashlib.sha256(seed.encode()).digest()
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    letters = []
    for i in range(4):
        letters += [consonants[digest[2 * i] % len(consonants)],
                    vowels[digest[2 * i + 1] % len(vowels)]]
    return "".join(letters).capitalize()


def measure(corpus: Path, n: int = 300, skip: int = 0, db: str | None = None,
            batch: int = 64, workers: int = 1, replicas: int = 0, renamed: float = 0.5,
            config: Any = None, progress=None, cache: Path | None = None) -> Timing:
    config = config or Config.from_env()
    documents = read_corpus(Path(corpus), n + skip)[skip:]
    timing = Timing(documents=len(documents), words=count_words(documents))
    start = time.perf_counter()
    if cache and Path(cache).exists():
        extractions, timing.extract_s = _load(Path(cache), documents)
    else:
        extractions = []
        for x in extract_parallel(iter(documents), config, workers):
            extractions.append(x)
            if progress:
                progress(1)
        timing.extract_s = time.perf_counter() - start
        if cache:
            _save(Path(cache), extractions, timing.extract_s)
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(db or str(Path(tmp) / "timing.db"), resolver=resolve) as store:
            per_batch: list[float] = []
            _instrument(store, timing, per_batch)
            start = time.perf_counter()
            for i in range(0, len(extractions), batch):
                chunk = extractions[i:i + batch]
                began = time.perf_counter()
                store.add_extractions(chunk)
                timing.batches.append({"documents": len(chunk),
                                       "store_s": round(time.perf_counter() - began, 3),
                                       "resolve_s": round(per_batch[-1], 3) if per_batch else 0,
                                       "entities_before": timing.entities})
                timing.entities = store.stats()["entities"] and sum(
                    store.stats()["entities"].values())
            timing.store_s = time.perf_counter() - start
            real_judgements = timing.judgements_s
            for replica in range(1, replicas + 1):
                copies = _renamed(extractions, replica, renamed)
                resolve_before = timing.resolve_s
                began = time.perf_counter()
                for i in range(0, len(copies), batch):
                    store.add_extractions(copies[i:i + batch])
                entities = sum(store.stats()["entities"].values())
                timing.replica_batches.append({
                    "replica": replica, "documents": len(copies),
                    "store_s": round(time.perf_counter() - began, 2),
                    "resolve_s": round(timing.resolve_s - resolve_before, 3),
                    "entities_after": entities})
            timing.resolve_s = sum(per_batch[:len(timing.batches)])
            timing.judgements_s = real_judgements
    return timing


def _save(path: Path, extractions: list[DocExtraction], seconds: float) -> None:
    """Keep extractions (and the time they took) to re-run the store part alone."""
    import json

    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps({"extract_s": seconds}) + "\n")
        for x in extractions:
            out.write(json.dumps({"extraction": x.to_json(), "text": x.document.text},
                                 ensure_ascii=False) + "\n")


def _load(path: Path, documents) -> tuple[list[DocExtraction], float]:
    import json

    with open(path, encoding="utf-8") as handle:
        seconds = json.loads(handle.readline())["extract_s"]
        found = [DocExtraction.from_json(item["extraction"], item["text"])
                 for item in map(json.loads, handle)]
    wanted = {d.id for d in documents}
    return [x for x in found if x.document.id in wanted], seconds
