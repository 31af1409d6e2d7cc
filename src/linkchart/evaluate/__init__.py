"""Scoring extraction: against linkchart/1 gold files, and on third-party benchmarks.

    from linkchart.evaluate import score_document, score_corpus
    score = score_document(gold_dict, DocExtraction.to_json())
    score.entities.f1, score.relations.precision, score.events.recall, ...

`scorer` is pure (dicts in, counts out); `runner` extracts the gold articles;
`benchmarks` holds the plover-gsr, petr2-gsr and crossner-politics adapters; `report`
renders Rich tables and JSON. The rules are in docs/evaluation.md.
"""

from linkchart.evaluate.normalise import normalise_name
from linkchart.evaluate.scorer import PRF, Accuracy, Score, score_corpus, score_document

__all__ = ["PRF", "Accuracy", "Score", "normalise_name", "score_corpus", "score_document"]
