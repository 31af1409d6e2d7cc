"""Score predicted linkchart/1 documents against gold ones.

Pure functions over plain dicts (the JSON form, `DocExtraction.to_json()`), so the
scorer can be tested on hand-made pairs and reused on any producer's output. The
matching rules are documented in docs/evaluation.md; in short:

- entities: one-to-one, greedy, on equal normalised name-or-alias; scored over
  person, the organisation types and country (locations are matched, for relations
  and events, but not scored as entities);
- relations: (type, source, target) after entity matching, undirected types in
  either order; untyped: unordered source-target pairs;
- events: same PLOVER type, a shared participant, compatible dates; one-to-one;
- attributions: content overlap of at least 60% of the shorter's words and the same
  source (the matched entity, or both anonymous); one-to-one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from linkchart.evaluate.normalise import name_keys, words
from linkchart.evaluate.prf import PRF, ratio
from linkchart.model import ORGANISATION_TYPES, UNDIRECTED_RELATIONS

SCORED_ENTITY_TYPES = frozenset({"person", "country"}) | ORGANISATION_TYPES
"""Entity types scored for entity P/R (the issue's "person, organisation types, country")."""
CONTENT_OVERLAP = 0.6
"""Share of the shorter content's words that the other must contain."""


# ---------------------------------------------------------------------------- counts

@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return ratio(self.correct, self.total)

    def __iadd__(self, other: "Accuracy") -> "Accuracy":
        self.correct += other.correct
        self.total += other.total
        return self

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


def _add_tables(into: dict[str, PRF], other: dict[str, PRF]) -> None:
    for key, counts in other.items():
        into.setdefault(key, PRF())
        into[key] += counts


@dataclass
class Score:
    """Scores for one document, or summed over many (micro-averaging)."""

    documents: int = 0
    entities: PRF = field(default_factory=PRF)
    entity_types: Accuracy = field(default_factory=Accuracy)
    entities_by_type: dict[str, PRF] = field(default_factory=dict)
    """Per type: tp = matched with that type on both sides; gold/pred by their own type."""
    relations: PRF = field(default_factory=PRF)
    relations_untyped: PRF = field(default_factory=PRF)
    relations_by_type: dict[str, PRF] = field(default_factory=dict)
    events: PRF = field(default_factory=PRF)
    event_dates: Accuracy = field(default_factory=Accuracy)
    events_by_type: dict[str, PRF] = field(default_factory=dict)
    attributions: PRF = field(default_factory=PRF)
    attributions_content: PRF = field(default_factory=PRF)
    """Diagnostic: attributions matched on content alone, whatever the source."""
    errors: dict[str, list[str]] = field(default_factory=dict)
    """Per document only: the misses and spurious items, readable, for error analysis."""

    def __iadd__(self, other: "Score") -> "Score":
        self.documents += other.documents
        for name in ("entities", "relations", "relations_untyped", "events",
                     "attributions", "attributions_content"):
            getattr(self, name).__iadd__(getattr(other, name))
        self.entity_types += other.entity_types
        self.event_dates += other.event_dates
        _add_tables(self.entities_by_type, other.entities_by_type)
        _add_tables(self.relations_by_type, other.relations_by_type)
        _add_tables(self.events_by_type, other.events_by_type)
        return self

    def to_json(self, errors: bool = False) -> dict[str, Any]:
        def table(rows: dict[str, PRF]) -> dict[str, Any]:
            return {key: rows[key].to_json() for key in sorted(rows)}

        data = {
            "documents": self.documents,
            "entities": self.entities.to_json(),
            "entity_type_accuracy": self.entity_types.to_json(),
            "entities_by_type": table(self.entities_by_type),
            "relations": self.relations.to_json(),
            "relations_untyped": self.relations_untyped.to_json(),
            "relations_by_type": table(self.relations_by_type),
            "events": self.events.to_json(),
            "event_date_accuracy": self.event_dates.to_json(),
            "events_by_type": table(self.events_by_type),
            "attributions": self.attributions.to_json(),
            "attributions_content_only": self.attributions_content.to_json(),
        }
        if errors:
            data["errors"] = self.errors
        return data


# -------------------------------------------------------------------------- entities

@dataclass
class EntityMatching:
    """The one-to-one pairing of predicted entities to gold ones (all types)."""

    pred_to_gold: dict[str, str]
    gold_to_pred: dict[str, str]

    def gold_id(self, pred_id: str | None) -> str | None:
        return self.pred_to_gold.get(pred_id) if pred_id is not None else None


def match_entities(gold: list[dict], pred: list[dict]) -> EntityMatching:
    """Pair entities one-to-one when a name or alias of one equals one of the other.

    Greedy by best candidate: pairs whose primary names are equal first, then pairs of
    the same type, then by how many normalised forms they share, then by document
    order. Each entity is used at most once.
    """
    gold_keys = [name_keys(g) for g in gold]
    pred_keys = [name_keys(p) for p in pred]
    index: dict[str, list[int]] = {}
    for gi, keys in enumerate(gold_keys):
        for key in keys:
            index.setdefault(key, []).append(gi)
    candidates = []
    for pi, keys in enumerate(pred_keys):
        hits = {gi for key in keys for gi in index.get(key, ())}
        for gi in hits:
            shared = len(gold_keys[gi] & keys)
            same_name = (name_keys({"name": gold[gi].get("name")})
                         == name_keys({"name": pred[pi].get("name")}))
            same_type = gold[gi].get("type") == pred[pi].get("type")
            candidates.append(((-int(same_name), -int(same_type), -shared, gi, pi), gi, pi))
    candidates.sort()
    pred_to_gold: dict[str, str] = {}
    gold_to_pred: dict[str, str] = {}
    for _, gi, pi in candidates:
        gid, pid = gold[gi]["id"], pred[pi]["id"]
        if gid in gold_to_pred or pid in pred_to_gold:
            continue
        pred_to_gold[pid] = gid
        gold_to_pred[gid] = pid
    return EntityMatching(pred_to_gold, gold_to_pred)


def _scored(entity: dict | None) -> bool:
    return entity is not None and entity.get("type") in SCORED_ENTITY_TYPES


def score_entities(gold: list[dict], pred: list[dict], matching: EntityMatching,
                   score: Score) -> None:
    gold_by_id = {g["id"]: g for g in gold}
    pred_by_id = {p["id"]: p for p in pred}
    for g in gold:
        if not _scored(g):
            continue
        p = pred_by_id.get(matching.gold_to_pred.get(g["id"], ""))
        if _scored(p):
            score.entities.tp += 1
            score.entity_types.total += 1
            score.entity_types.correct += g.get("type") == p.get("type")
            if g.get("type") != p.get("type"):
                score.errors.setdefault("entity_type", []).append(
                    f"{g.get('name')}: gold {g.get('type')}, predicted {p.get('type')}")
        else:
            score.entities.fn += 1
            how = f", predicted as {p.get('type')}" if p is not None else ""
            score.errors.setdefault("entities_missed", []).append(
                f"{g.get('name')} ({g.get('type')}{how})")
    for p in pred:
        if not _scored(p):
            continue
        g = gold_by_id.get(matching.pred_to_gold.get(p["id"], ""))
        if not _scored(g):
            score.entities.fp += 1
            how = f", gold {g.get('type')}" if g is not None else ""
            score.errors.setdefault("entities_spurious", []).append(
                f"{p.get('name')} ({p.get('type')}{how})")
    # Per type: a gold entity of type T is a hit when matched to a predicted entity of
    # type T; predicted entities count towards their own type.
    by_type = score.entities_by_type
    for g in gold:
        if not _scored(g):
            continue
        row = by_type.setdefault(g["type"], PRF())
        p = pred_by_id.get(matching.gold_to_pred.get(g["id"], ""))
        if p is not None and p.get("type") == g["type"]:
            row.tp += 1
        else:
            row.fn += 1
    for p in pred:
        if not _scored(p):
            continue
        g = gold_by_id.get(matching.pred_to_gold.get(p["id"], ""))
        if g is None or g.get("type") != p["type"]:
            by_type.setdefault(p["type"], PRF()).fp += 1


# ------------------------------------------------------------------------- relations

def relation_key(rtype: str, source: str, target: str) -> tuple:
    if rtype in UNDIRECTED_RELATIONS:
        source, target = sorted((source, target))
    return (rtype, source, target)


def _pred_endpoint(matching: EntityMatching, pred_id: str) -> str:
    # An unmatched predicted endpoint gets a key no gold id can equal.
    return matching.pred_to_gold.get(pred_id) or f"{UNMATCHED}{pred_id}"


UNMATCHED = "\0pred:"
"""Prefix of the key of a predicted entity that matched no gold entity."""


def score_relations(gold: list[dict], pred: list[dict], matching: EntityMatching,
                    score: Score, names: dict[str, str]) -> None:
    gold_keys = {relation_key(r["type"], r["source"], r["target"]) for r in gold}
    pred_keys = {relation_key(r["type"], _pred_endpoint(matching, r["source"]),
                              _pred_endpoint(matching, r["target"])) for r in pred}
    _score_sets(gold_keys, pred_keys, score.relations)
    for rtype in {k[0] for k in gold_keys | pred_keys}:
        row = score.relations_by_type.setdefault(rtype, PRF())
        _score_sets({k for k in gold_keys if k[0] == rtype},
                    {k for k in pred_keys if k[0] == rtype}, row)
    gold_pairs = {frozenset(k[1:]) for k in gold_keys}
    pred_pairs = {frozenset(k[1:]) for k in pred_keys}
    _score_sets(gold_pairs, pred_pairs, score.relations_untyped)

    def show(key: tuple) -> str:
        return f"{key[0]}({names.get(key[1], key[1])}, {names.get(key[2], key[2])})"

    for key in sorted(gold_keys - pred_keys):
        score.errors.setdefault("relations_missed", []).append(show(key))
    for key in sorted(pred_keys - gold_keys):
        score.errors.setdefault("relations_spurious", []).append(show(key))


def _score_sets(gold: set, pred: set, counts: PRF) -> None:
    counts.tp += len(gold & pred)
    counts.fp += len(pred - gold)
    counts.fn += len(gold - pred)


# ---------------------------------------------------------------------------- events

def _date_parts(date: Any) -> tuple[str, ...] | None:
    if not date:
        return None
    text = str(date).strip()
    parts = text[:10].split("-")
    return tuple(p for p in parts if p) or None


def dates_compatible(a: Any, b: Any) -> bool:
    """Equal at the coarser of the two precisions; a missing date fits any date.

    >>> dates_compatible("2021-03", "2021-03-11"), dates_compatible("2021-02", "2021-03-11")
    (True, False)
    """
    pa, pb = _date_parts(a), _date_parts(b)
    if pa is None or pb is None:
        return True
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def _participants(event: dict) -> set[str]:
    return set(event.get("actors") or []) | set(event.get("recipients") or [])


def match_events(gold: list[dict], pred: list[dict],
                 matching: EntityMatching) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of matching events."""
    candidates = []
    for gi, g in enumerate(gold):
        g_parts = _participants(g)
        if not g_parts and g.get("location"):
            # A gold event that names no participant ("a bridge was blown up in X")
            # is matched through its location instead.
            g_parts = {g["location"]}
        for pi, p in enumerate(pred):
            if p.get("type") != g.get("type"):
                continue
            p_parts = _participants(p) | ({p["location"]} if p.get("location") else set())
            shared = g_parts & {matching.gold_id(x) for x in p_parts}
            if not shared or not dates_compatible(g.get("date"), p.get("date")):
                continue
            same_date = (g.get("date") or None) == (p.get("date") or None)
            candidates.append(((-len(shared), -int(same_date), gi, pi), gi, pi))
    return _greedy(candidates)


def score_events(gold: list[dict], pred: list[dict], matching: EntityMatching,
                 score: Score, names: dict[str, str]) -> None:
    pairs = match_events(gold, pred, matching)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    score.events.tp += len(pairs)
    score.events.fn += len(gold) - len(matched_gold)
    score.events.fp += len(pred) - len(matched_pred)
    for gi, pi in pairs:
        score.event_dates.total += 1
        score.event_dates.correct += (gold[gi].get("date") or None) == (pred[pi].get("date") or None)
    for gi, g in enumerate(gold):
        row = score.events_by_type.setdefault(g.get("type"), PRF())
        if gi in matched_gold:
            row.tp += 1
        else:
            row.fn += 1
            score.errors.setdefault("events_missed", []).append(
                _show_event(g, lambda x: names.get(x, x)))
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            score.events_by_type.setdefault(p.get("type"), PRF()).fp += 1
            score.errors.setdefault("events_spurious", []).append(
                _show_event(p, lambda x: names.get(_pred_endpoint(matching, x), x)))


def _show_event(event: dict, name) -> str:
    actors = ", ".join(name(x) for x in event.get("actors") or [])
    recipients = ", ".join(name(x) for x in event.get("recipients") or [])
    return f"{event.get('type')} [{actors}] -> [{recipients}] {event.get('date')}: " \
           f"{(event.get('evidence') or '')[:80]}"


def _greedy(candidates: list[tuple]) -> list[tuple[int, int]]:
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return pairs


# ---------------------------------------------------------------------- attributions

def content_overlap(a: str, b: str) -> float:
    """Shared words (with multiplicity) over the word count of the shorter text."""
    wa, wb = Counter(words(a)), Counter(words(b))
    shorter = min(sum(wa.values()), sum(wb.values()))
    if not shorter:
        return 0.0
    return sum((wa & wb).values()) / shorter


def _anonymous(attribution: dict) -> bool:
    return attribution.get("source") is None or attribution.get("source_kind") == "anonymous"


def same_source(gold: dict, pred: dict, matching: EntityMatching) -> bool:
    if _anonymous(gold) or _anonymous(pred):
        return _anonymous(gold) and _anonymous(pred)
    return matching.gold_id(pred.get("source")) == gold.get("source")


def match_attributions(gold: list[dict], pred: list[dict], matching: EntityMatching
                       ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One-to-one (gold index, predicted index) pairs: on content alone, and on content
    and source."""
    overlaps = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = content_overlap(g.get("content") or "", p.get("content") or "")
            if overlap >= CONTENT_OVERLAP:
                overlaps[gi, pi] = overlap
    content_pairs = _greedy([((-o, gi, pi), gi, pi) for (gi, pi), o in overlaps.items()])
    sourced = [((-o, gi, pi), gi, pi) for (gi, pi), o in overlaps.items()
               if same_source(gold[gi], pred[pi], matching)]
    return content_pairs, _greedy(sourced)


def score_attributions(gold: list[dict], pred: list[dict], matching: EntityMatching,
                       score: Score) -> None:
    content_pairs, pairs = match_attributions(gold, pred, matching)
    _count_pairs(content_pairs, len(gold), len(pred), score.attributions_content)
    _count_pairs(pairs, len(gold), len(pred), score.attributions)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            score.errors.setdefault("attributions_missed", []).append(
                f"{g.get('source_text')} {g.get('cue')}: {(g.get('content') or '')[:80]}")
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            score.errors.setdefault("attributions_spurious", []).append(
                f"{p.get('source_text')} {p.get('cue')}: {(p.get('content') or '')[:80]}")


def _count_pairs(pairs: list, n_gold: int, n_pred: int, counts: PRF) -> None:
    counts.tp += len(pairs)
    counts.fn += n_gold - len(pairs)
    counts.fp += n_pred - len(pairs)


# -------------------------------------------------------------------------- document

def score_document(gold: dict, pred: dict) -> Score:
    """Score one predicted linkchart/1 document against its gold document."""
    score = Score(documents=1)
    gold_entities = list(gold.get("entities") or [])
    pred_entities = list(pred.get("entities") or [])
    matching = match_entities(gold_entities, pred_entities)
    names = {g["id"]: g.get("name", g["id"]) for g in gold_entities}
    names.update({f"{UNMATCHED}{p['id']}": f"?{p.get('name', p['id'])}" for p in pred_entities})
    score_entities(gold_entities, pred_entities, matching, score)
    score_relations(list(gold.get("relations") or []), list(pred.get("relations") or []),
                    matching, score, names)
    score_events(list(gold.get("events") or []), list(pred.get("events") or []),
                 matching, score, names)
    score_attributions(list(gold.get("attributions") or []),
                       list(pred.get("attributions") or []), matching, score)
    return score


def prediction_labels(gold: dict, pred: dict) -> dict[str, list[bool]]:
    """Per kind, whether each predicted relation, event and attribution (in `pred`'s
    order) is right under the matching above: a relation whose key is a gold relation's
    key, an event or attribution paired with a gold one. Calibration's ground truth."""
    matching = match_entities(list(gold.get("entities") or []),
                              list(pred.get("entities") or []))
    gold_keys = {relation_key(r["type"], r["source"], r["target"])
                 for r in gold.get("relations") or []}
    relations_right = [relation_key(r["type"], _pred_endpoint(matching, r["source"]),
                                    _pred_endpoint(matching, r["target"])) in gold_keys
                       for r in pred.get("relations") or []]
    labels = {"relations": relations_right}
    for kind, match in (("events", match_events),
                        ("attributions", lambda g, p, m: match_attributions(g, p, m)[1])):
        predicted = list(pred.get(kind) or [])
        paired = {pi for _, pi in match(list(gold.get(kind) or []), predicted, matching)}
        labels[kind] = [index in paired for index in range(len(predicted))]
    return labels


def score_corpus(pairs: Iterable[tuple[str, dict, dict]]) -> tuple[Score, dict[str, Score]]:
    """Micro-averaged totals and per-document scores over (doc id, gold, pred) triples."""
    total = Score()
    per_doc: dict[str, Score] = {}
    for doc_id, gold, pred in pairs:
        doc_score = score_document(gold, pred)
        per_doc[doc_id] = doc_score
        total += doc_score
    return total, per_doc
