"""Fitting the confidence table (extract/data/calibration.yaml) on development gold.

Per kind (relations, events, attributions):
1. rule precision: for every rule family and each of its parents ("verb" for
   "verb:supports"), the share of its predictions that the scorer counts right, pulled
   toward its parent's precision (the kind's, at the top) by PRIOR_STRENGTH pseudo-counts
   (a Beta prior);
2. a logistic model over logit(rule precision) and the evidence features of
   `linkchart.extract.confidence.features`, fitted on rule precisions estimated on other
   articles than the one scored (inner folds), so it learns how far to trust them.

`cross_validate` fits on k-1 folds of articles and assigns confidences to the held-out
fold: the honest figures. `fit` uses every article: the table that ships.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import yaml

from linkchart.evaluate.scorer import prediction_labels
from linkchart.extract.confidence import (KINDS, RULE_SEPARATOR, assign_confidence,
                                          calibration_key, facts, features, logit,
                                          rule_precision)
from linkchart.model import DocExtraction

PRIOR_STRENGTH = 2.0
"""Pseudo-counts of the parent's precision in a rule's estimate."""
L2 = 1.0
"""Ridge penalty pulling the logistic weights toward 'trust the rule precision as is'."""
FOLDS = 5


@dataclass
class Example:
    doc: str
    rule: str | None
    features: dict[str, float]
    right: bool


Article = tuple[str, dict, DocExtraction]
"""(gold id, gold linkchart/1 dict, the extraction of that article)."""


def examples(articles: Sequence[Article]) -> dict[str, list[Example]]:
    found: dict[str, list[Example]] = {kind: [] for kind in KINDS}
    for doc_id, gold, extraction in articles:
        labels = prediction_labels(gold, extraction.to_json())
        said = {a.id: a for a in extraction.attributions}
        entities = {e.id: e for e in extraction.entities}
        types = {e.id: e.type for e in extraction.entities}
        for kind, items in facts(extraction).items():
            for item, right in zip(items, labels[kind]):
                found[kind].append(Example(doc_id, calibration_key(kind, item, types),
                                           features(kind, item, said, entities), right))
    return found


def _prefixes(rule: str | None) -> list[str]:
    parts = (rule or "").split(RULE_SEPARATOR)
    return [RULE_SEPARATOR.join(parts[:n]) for n in range(1, len(parts) + 1) if parts[0]]


def fit_rules(items: Sequence[Example], strength: float = PRIOR_STRENGTH) -> dict[str, Any]:
    """The kind's prior (Laplace), and every rule's and parent's shrunk precision."""
    prior = (sum(e.right for e in items) + 1) / (len(items) + 2)
    counts: dict[str, list[int]] = {}
    for item in items:
        for name in _prefixes(item.rule):
            row = counts.setdefault(name, [0, 0])
            row[0] += item.right
            row[1] += 1
    rules: dict[str, float] = {}
    for name in sorted(counts, key=lambda n: n.count(RULE_SEPARATOR)):
        parent = name.rsplit(RULE_SEPARATOR, 1)[0] if RULE_SEPARATOR in name else None
        base = rules.get(parent, prior) if parent else prior
        right, total = counts[name]
        rules[name] = (right + strength * base) / (total + strength)
    return {"prior": prior, "rules": rules, "support": counts}


def fit_logistic(x: np.ndarray, y: np.ndarray, start: np.ndarray, l2: float = L2,
                 rounds: int = 50) -> np.ndarray:
    """Weights w of P(right) = sigmoid(x @ w), by Newton's method, with a ridge penalty
    on w - start except on the first column (the intercept)."""
    w = start.astype(float).copy()
    penalty = np.full(len(w), l2)
    penalty[0] = 1e-6
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * (w - start)
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def _folds(docs: Sequence[str], k: int) -> list[set[str]]:
    ordered = sorted(set(docs))
    return [set(ordered[i::k]) for i in range(min(k, len(ordered)))]


def fit_kind(items: Sequence[Example], k: int = FOLDS) -> dict[str, Any]:
    """Rule precisions on every item, and the logistic model on out-of-fold ones."""
    table = fit_rules(items)
    if len({e.doc for e in items}) < 2:
        return table
    names = sorted({name for e in items for name in e.features})
    out_of_fold = np.zeros(len(items))
    for fold in _folds([e.doc for e in items], k):
        inner = fit_rules([e for e in items if e.doc not in fold])
        for i, item in enumerate(items):
            if item.doc in fold:
                out_of_fold[i] = logit(rule_precision(inner, item.rule))
    x = np.column_stack([np.ones(len(items)), out_of_fold,
                         *[[e.features.get(n, 0.0) for e in items] for n in names]])
    y = np.array([float(e.right) for e in items])
    start = np.zeros(x.shape[1])
    start[1] = 1.0
    w = fit_logistic(x, y, start)
    table["model"] = {"intercept": float(w[0]), "rule_logit": float(w[1]),
                      **{n: float(v) for n, v in zip(names, w[2:])}}
    return table


def fit(articles: Sequence[Article], k: int = FOLDS) -> dict[str, Any]:
    by_kind = examples(articles)
    return {kind: fit_kind(by_kind[kind], k) for kind in KINDS}


def cross_validate(articles: Sequence[Article], k: int = FOLDS) -> None:
    """Give every extraction the confidences of a table fitted without its fold."""
    for fold in _folds([doc for doc, _, _ in articles], k):
        table = fit([a for a in articles if a[0] not in fold], k)
        for doc_id, _, extraction in articles:
            if doc_id in fold:
                assign_confidence(extraction, table)


def write_table(table: dict[str, Any], path: Path, articles: int, k: int) -> None:
    """The table as YAML, rounded, with how and when it was fitted."""
    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 4)
        if isinstance(value, dict):
            return {key: rounded(v) for key, v in value.items()}
        if isinstance(value, list):
            return [rounded(v) for v in value]
        return value

    header = (f"# Written by `linkchart evaluate --calibrate` on {articles} gold articles "
              f"({dt.date.today().isoformat()}).\n# Do not edit by hand: re-fit instead "
              f"(docs/confidence.md). support: [right, predicted] per rule.\n")
    body = {"fitted": {"articles": articles, "folds": k, "prior_strength": PRIOR_STRENGTH,
                       "l2": L2}, **rounded(table)}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.dump(body, Dumper=_InlineLists, sort_keys=False,
                                       allow_unicode=True), encoding="utf-8")


class _InlineLists(yaml.SafeDumper):
    """Writes [right, predicted] pairs on one line."""


_InlineLists.add_representer(
    list, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data,
                                                         flow_style=True))
