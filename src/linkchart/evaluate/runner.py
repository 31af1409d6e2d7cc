"""Run the real pipeline over gold articles or benchmark records, then score.

Extraction goes through `linkchart.pipeline.extract_documents` (one model load,
`nlp.pipe` batches); everything here is glue: finding files, pairing ids, progress.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from linkchart.evaluate.paths import DataMissing, require, shared_path
from linkchart.evaluate.calibration import FOLDS, cross_validate, fit, write_table
from linkchart.evaluate.confidence import ConfidenceFigures, confidence_figures, lowest_threshold
from linkchart.evaluate.scorer import Score, score_corpus
from linkchart.model import DEFAULT_CONFIDENCE, DocExtraction, Document

Progress = Callable[[int], None]
"""Called with the number of documents just finished."""

_GOLD_NAME = re.compile(r"^(\d+)\.json$")
_ARTICLE_ID = re.compile(r"^(\d+)(?:_|$)")


def default_gold_dir() -> Path:
    return shared_path("corpus", "gold")


def extract(documents: Sequence[Document], config: Any = None,
            progress: Progress | None = None) -> list[DocExtraction]:
    """DocExtractions for `documents`, in the same order (one per document)."""
    from linkchart.pipeline import extract_documents

    by_id: dict[str, DocExtraction] = {}
    for extraction in extract_documents(list(documents), config):
        by_id[extraction.document.id] = extraction
        if progress:
            progress(1)
    missing = [d.id for d in documents if d.id not in by_id]
    result = []
    for document in documents:
        # A document the pipeline yields nothing for is scored as an empty extraction.
        result.append(by_id.get(document.id) or DocExtraction(document=document))
    if missing and progress:
        progress(len(missing))
    return result


# -------------------------------------------------------------------------- gold

def load_gold(gold_dir: Path) -> dict[str, dict]:
    """{"000": linkchart/1 dict, ...} from the NNN.json files of `gold_dir`."""
    require(gold_dir, "gold directory")
    gold = {}
    for path in sorted(gold_dir.iterdir()):
        match = _GOLD_NAME.match(path.name)
        if match:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") not in (None, "linkchart/1"):
                raise ValueError(f"{path}: format {data.get('format')!r}, expected linkchart/1")
            gold[match.group(1)] = data
    if not gold:
        raise DataMissing(f"no gold files (NNN.json) in {gold_dir}")
    return gold


def article_dir_for(gold_dir: Path, articles: Path | None = None) -> Path:
    """`--articles`, else the `articles/` folder beside the gold folder (the shared layout)."""
    if articles is not None:
        return require(articles, "articles directory")
    return require(gold_dir.resolve().parent / "articles",
                   f"articles for {gold_dir} (give --articles DIR)")


def find_articles(article_dir: Path, ids: Iterable[str]) -> dict[str, Path]:
    """{gold id: article file}; an article `000_some-slug.txt` has the gold id "000"."""
    wanted = set(ids)
    found: dict[str, Path] = {}
    for path in sorted(article_dir.iterdir()):
        match = _ARTICLE_ID.match(path.stem)
        if path.is_file() and match and match.group(1) in wanted:
            found.setdefault(match.group(1), path)
    return found


def read_article(path: Path) -> Document:
    """One article through `linkchart.ingest.read`, alone (so no deduplication drops it)."""
    from linkchart.ingest import read

    for item in read(path):
        if isinstance(item, Document):
            return item
        raise ValueError(f"{path}: could not be read: {item}")
    raise ValueError(f"{path}: no document read")


@dataclass
class EvaluationRun:
    gold_dir: Path
    article_dir: Path
    total: Score
    per_doc: dict[str, Score]
    missing_articles: list[str] = field(default_factory=list)
    extractions: list[tuple[str, dict, DocExtraction]] = field(default_factory=list)
    """(gold id, gold, extraction) per article: what calibration fits on."""
    confidence: ConfidenceFigures | None = None

    def to_json(self, per_doc: bool = False) -> dict[str, Any]:
        data = {"gold": str(self.gold_dir), "articles": str(self.article_dir),
                "micro": self.total.to_json()}
        if self.confidence is not None:
            data["confidence"] = self.confidence.to_json()
        if self.missing_articles:
            data["missing_articles"] = self.missing_articles
        if per_doc:
            data["documents"] = {k: v.to_json(errors=True) for k, v in self.per_doc.items()}
        return data


def evaluate_gold(gold_dir: Path, articles: Path | None = None, config: Any = None,
                  progress: Progress | None = None,
                  on_start: Callable[[int], None] | None = None) -> EvaluationRun:
    """Extract every article that has a gold file and score it (micro-averaged)."""
    gold = load_gold(gold_dir)
    article_dir = article_dir_for(gold_dir, articles)
    paths = find_articles(article_dir, gold)
    missing = sorted(set(gold) - set(paths))
    documents = []
    for gold_id, path in sorted(paths.items()):
        document = read_article(path)
        documents.append((gold_id, document))
    if on_start:
        on_start(len(documents))
    extractions = extract([d for _, d in documents], config, progress)
    triples = [(gold_id, gold[gold_id], extraction.to_json())
               for (gold_id, _), extraction in zip(documents, extractions)]
    total, per_doc = score_corpus(triples)
    return EvaluationRun(gold_dir, article_dir, total, per_doc, missing,
                         [(gold_id, gold[gold_id], extraction)
                          for (gold_id, _), extraction in zip(documents, extractions)],
                         confidence_figures(triples, DEFAULT_CONFIDENCE))


def calibrate(run: EvaluationRun, path: Path, folds: int = FOLDS) -> dict[str, Any]:
    """Fit the confidence table on every article of `run` and write it to `path`; the
    figures returned are cross-validated: each article scored with a table fitted
    without its fold. The run's extractions keep those out-of-fold confidences."""
    cross_validate(run.extractions, folds)
    triples = [(d, g, x.to_json()) for d, g, x in run.extractions]
    figures = confidence_figures(triples, DEFAULT_CONFIDENCE)
    table = fit(run.extractions, folds)
    write_table(table, path, len(run.extractions), folds)
    return {"table": str(path), "folds": folds, "cross_validated": figures.to_json(),
            "relations_threshold_for_precision_0.80":
                lowest_threshold(triples, "relations", RELATIONS_TARGET_PRECISION),
            "rules": {kind: _rule_rows(table[kind]) for kind in table}}


RELATIONS_TARGET_PRECISION = 0.8


def _rule_rows(kind_table: dict[str, Any]) -> dict[str, Any]:
    support = kind_table.get("support", {})
    return {"prior": round(kind_table["prior"], 4),
            **{name: {"precision": round(p, 4), "right": support[name][0],
                      "predicted": support[name][1]}
               for name, p in kind_table["rules"].items()}}
