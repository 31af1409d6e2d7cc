"""Calibrated confidence on relations, events and attributions.

A fact's confidence starts from the measured precision of its rule family on development
gold (`rule` names the family, most general part first: "verb:supports"), and a small
logistic model adjusts it by evidence features (hedged, negated, inside an anonymous
attribution, evidence length, ...). The fitted table is data, data/calibration.yaml,
written by `linkchart evaluate --calibrate` (linkchart.evaluate.calibration); extraction
only reads it. A rule the table does not know takes its parent's precision ("verb" for
"verb:controls"), or the kind's.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

from linkchart.model import Attribution, DocExtraction, Entity, Event, Relation
from linkchart.wordlists import read_yaml

CALIBRATION = Path(__file__).resolve().parent / "data" / "calibration.yaml"
KINDS = ("relations", "events", "attributions")
RULE_SEPARATOR = ":"
EPSILON = 1e-4  # keeps logits finite at precisions of 0 or 1

Fact = Union[Relation, Event, Attribution]


@lru_cache(maxsize=4)
def load_table(path: Path = CALIBRATION) -> dict[str, Any]:
    """The fitted calibration table; empty when no table has been fitted."""
    if not path.exists():
        return {}
    return read_yaml(path.read_text(encoding="utf-8")) or {}


def calibration_key(kind: str, fact: Fact, types: dict[str, str]) -> str | None:
    """What calibration is looked up by: the rule, and for a relation, under it the types
    of its ends ("role:member_of:person>country"), so the table can tell a title
    attached to a country from one attached to an organisation."""
    if kind != "relations" or not fact.rule:
        return fact.rule
    return f"{fact.rule}{RULE_SEPARATOR}{types.get(fact.source)}>{types.get(fact.target)}"


def features(kind: str, fact: Fact, attributions: dict[str, Attribution],
             entities: dict[str, Entity]) -> dict[str, float]:
    """The evidence features of one fact, each a number (booleans as 0 or 1)."""
    if kind == "attributions":
        return {"words": math.log1p(len(fact.content.split())),
                "direct": float(fact.direct),
                "anonymous_source": float(fact.source_kind == "anonymous")}
    said = attributions.get(fact.attribution) if fact.attribution else None
    found = {"words": math.log1p(len(fact.evidence.split())),
             "line_break": float("\n" in fact.evidence),
             "attributed": float(said is not None),
             "anonymous_source": float(said is not None and said.source_kind == "anonymous")}
    if kind == "relations":
        found |= {"hedged": float(fact.hedged), "negated": float(fact.negated),
                  "unnamed_ends": float(sum(not _named_in(fact, entities.get(end))
                                            for end in (fact.source, fact.target)))}
    else:
        found |= {"dated_in_text": float(bool(fact.date_text)),
                  "located": float(fact.location is not None),
                  "two_sides": float(bool(fact.actors) and bool(fact.recipients)),
                  "counted": float(bool(fact.fatalities or fact.injured)),
                  "unnamed_participants": _unnamed_share(fact, entities)}
    return found


def _named_in(fact: Fact, entity: Entity | None) -> bool:
    """A mention of the entity lies inside the fact's evidence: the rule saw the name,
    not only a pronoun or a description that was resolved to it."""
    return entity is not None and any(fact.start <= start and end <= fact.end
                                      for start, end in entity.mentions)


def _unnamed_share(event: Event, entities: dict[str, Entity]) -> float:
    """The share of an event's participants that no mention inside its evidence names."""
    parties = [*event.actors, *event.recipients]
    if not parties:
        return 0.0
    return sum(not _named_in(event, entities.get(p)) for p in parties) / len(parties)


def rule_precision(kind_table: dict[str, Any], rule: str | None) -> float:
    """The fitted precision of `rule`, else of its nearest fitted parent, else the kind's."""
    rules = kind_table.get("rules") or {}
    parts = (rule or "").split(RULE_SEPARATOR)
    while parts and parts[0]:
        name = RULE_SEPARATOR.join(parts)
        if name in rules:
            return float(rules[name])
        parts = parts[:-1]
    return float(kind_table.get("prior", 0.5))


def logit(p: float) -> float:
    p = min(max(p, EPSILON), 1 - EPSILON)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def confidence(kind_table: dict[str, Any], rule: str | None,
               evidence: dict[str, float]) -> float:
    """Rule precision through the kind's logistic model: sigmoid(intercept +
    rule_logit * logit(precision) + sum of coefficient * feature)."""
    base = rule_precision(kind_table, rule)
    model = kind_table.get("model")
    if not model:
        return round(base, 4)
    score = model.get("intercept", 0.0) + model.get("rule_logit", 1.0) * logit(base)
    score += sum(model.get(name, 0.0) * value for name, value in evidence.items())
    return round(sigmoid(score), 4)


def facts(extraction: DocExtraction) -> dict[str, list[Fact]]:
    return {"relations": extraction.relations, "events": extraction.events,
            "attributions": extraction.attributions}


def assign_confidence(extraction: DocExtraction, table: dict[str, Any] | None = None) -> None:
    """Set `confidence` on every relation, event and attribution that the table covers."""
    table = load_table() if table is None else table
    said = {a.id: a for a in extraction.attributions}
    entities = {e.id: e for e in extraction.entities}
    types = {e.id: e.type for e in extraction.entities}
    for kind, items in facts(extraction).items():
        kind_table = table.get(kind)
        if not kind_table:
            continue
        for item in items:
            item.confidence = confidence(kind_table, calibration_key(kind, item, types),
                                         features(kind, item, said, entities))
