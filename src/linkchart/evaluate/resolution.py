"""Scoring cross-document entity resolution against a who-is-who gold list.

The gold (`linkchart-who-is-who/1`, see docs/evaluation.md) lists global actors, each
with the names every article uses for it. A run ingests the articles into a fresh,
temporary store (the real pipeline, resolver and writer) and compares the store's global
entities with the gold grouping, over the local entities that both sides agree exist:

- an *item* is one extracted local entity (document, local id) that maps to exactly one
  gold actor of its article (`map_locals`); the rest are counted and left out;
- predicted cluster = the store's global entity id; gold cluster = the gold actor id;
- pairwise precision and recall of "same actor" decisions over all item pairs (and over
  the pairs from different documents only), and B-cubed precision, recall and F1.

Pure functions (`map_locals`, `score_clusters`) are unit-tested on small hand-made
cases; `evaluate_resolution` is the glue that runs the pipeline.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkchart.config import Config
from linkchart.evaluate.normalise import normalise_name
from linkchart.evaluate.paths import DataMissing, require, shared_path
from linkchart.evaluate.prf import PrecisionRecall, harmonic_mean, ratio
from linkchart.evaluate.runner import extract, read_article
from linkchart.resolve import resolve
from linkchart.store import Store

FORMAT = "linkchart-who-is-who/1"
_ARTICLE_ID = re.compile(r"^(\d+)(?:_|$)")


# ------------------------------------------------------------------ the gold list

@dataclass
class Actor:
    id: str
    name: str
    type: str
    mentions: dict[str, list[str]]
    """document key ("000") -> the names that article uses for the actor, first = main."""


@dataclass
class WhoIsWho:
    actors: list[Actor]
    documents: dict[str, str]
    """document key -> article file stem."""

    def in_document(self, key: str) -> list[Actor]:
        return [a for a in self.actors if key in a.mentions]


def load_gold(path: Path) -> WhoIsWho:
    require(path, "who-is-who gold list")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: format {data.get('format')!r}, expected {FORMAT}")
    actors = [Actor(a["id"], a["name"], a.get("type", ""),
                    {str(d): list(n) for d, n in a["mentions"].items()})
              for a in data["actors"]]
    ids = [a.id for a in actors]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: actor ids are not unique")
    documents = {str(k): v for k, v in (data.get("documents") or {}).items()}
    return WhoIsWho(actors, documents)


# ------------------------------------------------------------------ local -> gold

@dataclass
class Mapping:
    items: dict[tuple[str, str], str] = field(default_factory=dict)
    """(document key, local id) -> gold actor id."""
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)
    """(document key, local id, name) of local entities no gold name matches."""
    ambiguous: list[tuple[str, str, str]] = field(default_factory=list)
    """(document key, local id, name) of local entities that match several actors."""


def map_locals(gold: WhoIsWho, key: str, entities: Iterable[dict[str, Any]],
               mapping: Mapping | None = None) -> Mapping:
    """Map one article's extracted local entities onto the gold actors of that article.

    1. The actors whose names in this article include the local entity's *name*
       (after `normalise_name`). Several: keep those of the local entity's type; still
       several: those whose first (main) name in the article is it; still several:
       ambiguous.
    2. None: the actors whose names include one of its *aliases*; exactly one maps,
       several are ambiguous, none is unmatched.
    """
    mapping = mapping or Mapping()
    actors = gold.in_document(key)
    names = {a.id: {normalise_name(n) for n in a.mentions[key]} - {""} for a in actors}
    main = {a.id: normalise_name(a.mentions[key][0]) if a.mentions[key] else "" for a in actors}
    types = {a.id: a.type for a in actors}
    for entity in entities:
        local, name = entity["id"], entity.get("name") or ""
        own = normalise_name(name)
        found = [a for a in names if own and own in names[a]]
        if len(found) > 1:
            found = [a for a in found if types[a] == entity.get("type")] or found
        if len(found) > 1:
            found = [a for a in found if main[a] == own] or found
        if not found:
            aliases = {normalise_name(x) for x in entity.get("aliases") or []} - {""}
            found = [a for a in names if names[a] & aliases]
        if len(found) == 1:
            mapping.items[(key, local)] = found[0]
        elif found:
            mapping.ambiguous.append((key, local, name))
        else:
            mapping.unmatched.append((key, local, name))
    return mapping


# ------------------------------------------------------------------ scores

@dataclass
class PairScore(PrecisionRecall):
    predicted: int
    gold: int
    correct: int

    def counts(self) -> tuple[int, int, int, int]:
        return self.correct, self.predicted, self.correct, self.gold

    def to_json(self) -> dict[str, Any]:
        return {"predicted_pairs": self.predicted, "gold_pairs": self.gold,
                "correct_pairs": self.correct, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class ClusterScore:
    items: int
    gold_clusters: int
    predicted_clusters: int
    pairwise: PairScore
    cross_document: PairScore
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        return harmonic_mean(self.bcubed_precision, self.bcubed_recall)

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "gold_clusters": self.gold_clusters,
                "predicted_clusters": self.predicted_clusters,
                "pairwise": self.pairwise.to_json(),
                "cross_document_pairwise": self.cross_document.to_json(),
                "bcubed": {"precision": round(self.bcubed_precision, 4),
                           "recall": round(self.bcubed_recall, 4),
                           "f1": round(self.bcubed_f1, 4)}}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_clusters(predicted: dict[Hashable, Hashable],
                   gold: dict[Hashable, Hashable],
                   document: Callable[[Hashable], Hashable] | None = None) -> ClusterScore:
    """Pairwise and B-cubed scores of a predicted clustering against a gold one, over the
    items both assign. `document(item)` (default: item[0]) tells cross-document pairs."""
    items = [i for i in gold if i in predicted]
    document = document or (lambda item: item[0])
    cells = Counter((predicted[i], gold[i]) for i in items)
    pred_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    pairwise = PairScore(sum(_pairs(n) for n in pred_sizes.values()),
                         sum(_pairs(n) for n in gold_sizes.values()),
                         sum(_pairs(n) for n in cells.values()))
    # cross-document: subtract the pairs within one document
    doc_cells = Counter((predicted[i], gold[i], document(i)) for i in items)
    doc_pred = Counter((predicted[i], document(i)) for i in items)
    doc_gold = Counter((gold[i], document(i)) for i in items)
    cross = PairScore(pairwise.predicted - sum(_pairs(n) for n in doc_pred.values()),
                      pairwise.gold - sum(_pairs(n) for n in doc_gold.values()),
                      pairwise.correct - sum(_pairs(n) for n in doc_cells.values()))
    precision = ratio(sum(cells[(predicted[i], gold[i])] / pred_sizes[predicted[i]]
                          for i in items), len(items))
    recall = ratio(sum(cells[(predicted[i], gold[i])] / gold_sizes[gold[i]]
                       for i in items), len(items))
    return ClusterScore(len(items), len(gold_sizes), len(pred_sizes), pairwise, cross,
                        precision, recall)


# ------------------------------------------------------------------ running

@dataclass
class ResolutionRun:
    gold_path: Path
    article_dir: Path
    score: ClusterScore
    mapping: Mapping
    locals_total: int
    timings: dict[str, float]
    wrong_merges: list[dict[str, Any]] = field(default_factory=list)
    missed_merges: list[dict[str, Any]] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)

    def to_json(self, errors: bool = False) -> dict[str, Any]:
        data = {"gold": str(self.gold_path), "articles": str(self.article_dir),
                "local_entities": self.locals_total, "mapped": len(self.mapping.items),
                "unmatched": len(self.mapping.unmatched),
                "ambiguous": len(self.mapping.ambiguous),
                "scores": self.score.to_json(),
                "timings_s": {k: round(v, 2) for k, v in self.timings.items()}}
        if self.missing_articles:
            data["missing_articles"] = self.missing_articles
        if errors:
            data["wrong_merges"] = self.wrong_merges
            data["missed_merges"] = self.missed_merges
            data["unmatched_locals"] = [list(x) for x in self.mapping.unmatched]
            data["ambiguous_locals"] = [list(x) for x in self.mapping.ambiguous]
        return data


def default_articles() -> Path:
    return shared_path("corpus", "articles")


def find_articles(article_dir: Path, keys: Iterable[str]) -> dict[str, Path]:
    wanted = set(keys)
    found: dict[str, Path] = {}
    for path in sorted(require(article_dir, "articles directory").iterdir()):
        match = _ARTICLE_ID.match(path.stem)
        if path.is_file() and path.suffix == ".txt" and match and match.group(1) in wanted:
            found.setdefault(match.group(1), path)
    return found


def evaluate_resolution(gold_path: Path, articles: Path | None = None, config: Any = None,
                        progress: Callable[[int], None] | None = None,
                        on_start: Callable[[int], None] | None = None,
                        db: str | None = None) -> ResolutionRun:
    """Extract the gold's articles, store them in a fresh store (temporary unless `db`
    names a new one), and score the store's global entities against the gold."""
    gold = load_gold(gold_path)
    keys = sorted({k for a in gold.actors for k in a.mentions} | set(gold.documents))
    article_dir = articles or default_articles()
    paths = find_articles(article_dir, keys)
    missing = sorted(set(keys) - set(paths))
    if not paths:
        raise DataMissing(f"none of the gold's articles are in {article_dir}")
    documents = [read_article(paths[k]) for k in sorted(paths)]
    key_of = {d.id: k for d, k in zip(documents, sorted(paths))}
    if on_start:
        on_start(len(documents))
    config = config or Config.from_env()
    started = time.perf_counter()
    extractions = extract(documents, config, progress)
    extracted = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(db or str(Path(tmp) / "resolution.db"), resolver=resolve) as store:
            batch = max(1, config.batch_size)
            for i in range(0, len(extractions), batch):
                store.add_extractions(extractions[i:i + batch])
            stored = time.perf_counter()
            predicted, mapping, total, names = {}, Mapping(), 0, {}
            for doc_id, key in key_of.items():
                found = store.document(doc_id)
                if found is None:
                    continue
                total += len(found["entities"])
                map_locals(gold, key, found["entities"], mapping)
                for e in found["entities"]:
                    predicted[(key, e["id"])] = e["entity"]
                    names[(key, e["id"])] = e["name"]
            entity_names = {e["id"]: e["name"] for e in store.entities(limit=1_000_000)}
    score = score_clusters(predicted, mapping.items)
    run = ResolutionRun(Path(gold_path), Path(article_dir), score, mapping, total,
                        {"extract": extracted - started, "store": stored - extracted},
                        missing_articles=missing)
    _errors(run, gold, predicted, mapping.items, names, entity_names)
    return run


def _errors(run, gold, predicted, items, names, entity_names) -> None:
    actor_name = {a.id: a.name for a in gold.actors}
    by_pred: dict[Any, list] = defaultdict(list)
    by_gold: dict[Any, list] = defaultdict(list)
    for item, actor in items.items():
        by_pred[predicted.get(item)].append(item)
        by_gold[actor].append(item)
    for entity, members in sorted(by_pred.items(), key=lambda x: str(x[0])):
        actors = Counter(items[i] for i in members)
        if len(actors) > 1:
            run.wrong_merges.append({
                "entity": entity, "name": entity_names.get(entity),
                "actors": {actor_name[a]: sorted({f"{i[0]}:{names[i]}" for i in members
                                                  if items[i] == a}) for a in actors}})
    for actor, members in sorted(by_gold.items()):
        entities = Counter(predicted.get(i) for i in members)
        if len(entities) > 1:
            run.missed_merges.append({
                "actor": actor_name[actor],
                "entities": {f"{e} {entity_names.get(e)}": sorted(
                    {f"{i[0]}:{names[i]}" for i in members if predicted.get(i) == e})
                    for e in entities}})


def render(run: ResolutionRun, console, errors: bool = False) -> None:
    from rich.table import Table

    s = run.score
    table = Table(title="resolution against the who-is-who gold", title_justify="left")
    table.add_column("")
    for column in ("P", "R", "F1"):
        table.add_column(column, justify="right")
    for label, p, r, f in (
            ("B-cubed", s.bcubed_precision, s.bcubed_recall, s.bcubed_f1),
            ("pairwise", s.pairwise.precision, s.pairwise.recall, s.pairwise.f1),
            ("pairwise, cross-document", s.cross_document.precision, s.cross_document.recall,
             s.cross_document.f1)):
        table.add_row(label, f"{100 * p:.1f}", f"{100 * r:.1f}", f"{100 * f:.1f}")
    console.print(table)
    console.print(f"{s.items} local entities scored (of {run.locals_total} extracted; "
                  f"{len(run.mapping.unmatched)} match no gold name, "
                  f"{len(run.mapping.ambiguous)} ambiguous) in {s.gold_clusters} gold actors "
                  f"and {s.predicted_clusters} predicted entities; pairs: "
                  f"{s.pairwise.correct} right of {s.pairwise.predicted} predicted, "
                  f"{s.pairwise.gold} gold")
    console.print(f"extract {run.timings['extract']:.1f}s, store and resolve "
                  f"{run.timings['store']:.1f}s")
    if run.missing_articles:
        console.print(f"[yellow]articles not found:[/yellow] {', '.join(run.missing_articles)}")
    if errors:
        for wrong in run.wrong_merges:
            console.print(f"[red]wrong merge[/red] {wrong['entity']} {wrong['name']}: "
                          f"{wrong['actors']}")
        for missed in run.missed_merges:
            console.print(f"[yellow]missed merge[/yellow] {missed['actor']}: "
                          f"{missed['entities']}")
