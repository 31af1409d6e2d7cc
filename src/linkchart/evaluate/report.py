"""Rich tables and JSON for evaluation results."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from linkchart.evaluate.benchmarks.crossner import CLASSES, NO_SPAN
from linkchart.evaluate.scorer import PRF, Accuracy, Score
from linkchart.model import ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def prf_table(title: str, rows: dict[str, PRF], first: str = "type",
              order: list[str] | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for column in ("gold", "pred", "tp", "P", "R", "F1"):
        table.add_column(column, justify="right")
    keys = order if order is not None else sorted(rows)
    for key in keys:
        counts = rows.get(key)
        if counts is None:
            continue
        table.add_row(key, str(counts.gold), str(counts.predicted), str(counts.tp),
                      _pct(counts.precision), _pct(counts.recall), _pct(counts.f1))
    return table


def summary_table(score: Score, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("")
    for column in ("gold", "pred", "tp", "P", "R", "F1"):
        table.add_column(column, justify="right")

    def row(name: str, counts: PRF) -> None:
        table.add_row(name, str(counts.gold), str(counts.predicted), str(counts.tp),
                      _pct(counts.precision), _pct(counts.recall), _pct(counts.f1))

    def accuracy(name: str, acc: Accuracy) -> None:
        table.add_row(name, "", "", f"{acc.correct}/{acc.total}", "", "",
                      f"acc {_pct(acc.value)}")

    row("entities", score.entities)
    accuracy("  fine type (matched)", score.entity_types)
    row("relations", score.relations)
    row("  untyped pairs", score.relations_untyped)
    row("events", score.events)
    accuracy("  date (matched)", score.event_dates)
    row("attributions", score.attributions)
    row("  content only", score.attributions_content)
    return table


def per_doc_table(per_doc: dict[str, Score]) -> Table:
    table = Table(title="Per document (F1; gold/pred counts)", title_justify="left")
    table.add_column("doc")
    for column in ("entities", "relations", "events", "attributions"):
        table.add_column(column, justify="right")
    for doc_id in sorted(per_doc):
        score = per_doc[doc_id]
        cells = [f"{_pct(c.f1)} ({c.gold}/{c.predicted})"
                 for c in (score.entities, score.relations, score.events, score.attributions)]
        table.add_row(doc_id, *cells)
    return table


def render_evaluation(run, console: Console, per_doc: bool = False) -> None:
    score = run.total
    console.print(summary_table(
        score, f"linkchart evaluate: {score.documents} documents, micro-averaged "
               f"(gold {run.gold_dir})"))
    if run.confidence is not None:
        console.print(confidence_table(
            run.confidence.to_json(),
            f"At the default confidence threshold {run.confidence.threshold} "
            f"(ECE: expected calibration error, 10 bins)"))
    console.print(prf_table("Entities by type (a hit needs the same type on both sides)",
                            score.entities_by_type, order=list(ENTITY_TYPES)))
    console.print(prf_table("Relations by type", score.relations_by_type,
                            order=list(RELATION_TYPES)))
    console.print(prf_table("Events by PLOVER type", score.events_by_type,
                            order=list(EVENT_TYPES)))
    if per_doc:
        console.print(per_doc_table(run.per_doc))
    if run.missing_articles:
        console.print(f"[yellow]gold files without an article (not scored): "
                      f"{', '.join(run.missing_articles)}[/yellow]")


def confidence_table(figures: dict[str, Any], title: str) -> Table:
    """Per kind: P/R/F1 of what is kept at the threshold, and the ECE (10 bins)."""
    table = Table(title=title, title_justify="left")
    table.add_column("")
    for column in ("kept", "tp", "P", "R", "F1", "ECE", "items"):
        table.add_column(column, justify="right")
    for kind in ("relations", "events", "attributions"):
        row = figures[kind]
        kept = row["at_threshold"]
        table.add_row(kind, str(kept["predicted"]), str(kept["tp"]), _pct(kept["precision"]),
                      _pct(kept["recall"]), _pct(kept["f1"]), f"{row['ece']:.3f}",
                      str(row["items"]))
    return table


def render_calibration(result: dict[str, Any], console: Console) -> None:
    figures = result["cross_validated"]
    console.print(confidence_table(
        figures, f"Cross-validated ({result['folds']} folds) at the default confidence "
                 f"threshold {figures['threshold']}"))
    console.print(f"relations reach precision 0.80 from threshold "
                  f"{result['relations_threshold_for_precision_0.80']}")
    for kind, rows in result["rules"].items():
        table = Table(title=f"{kind}: rule precision (prior {rows['prior']})",
                      title_justify="left")
        for column in ("rule", "right", "predicted", "precision"):
            table.add_column(column, justify="left" if column == "rule" else "right")
        for name, row in rows.items():
            if name != "prior":
                table.add_row(name, str(row["right"]), str(row["predicted"]),
                              _pct(row["precision"]))
        console.print(table)
    console.print(f"written: {result['table']}")


def print_json(data: Any, console: Console | None = None) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if console is None:
        print(text)
    else:
        console.print_json(text)


# ------------------------------------------------------------------------ benchmarks

ABBREVIATIONS = {"AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CNC",
                 "COOPERATE": "COP", "AID": "AID", "RETREAT": "RET", "REQUEST": "REQ",
                 "ACCUSE": "ACC", "REJECT": "REJ", "THREATEN": "THR", "PROTEST": "PRO",
                 "SANCTION": "SAN", "MOBILIZE": "MOB", "COERCE": "COE", "ASSAULT": "ASL",
                 "NONE": "none"}


def _abbrev(label: str) -> str:
    return ABBREVIATIONS.get(label, label[:4])


def confusion_table(classification, title: str) -> Table:
    from rich import box

    labels = classification.labels()
    gold_labels = [label for label in labels if label in classification.confusion]
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 0),
                  caption="rows: gold; columns: predicted: " + ", ".join(
                      f"{_abbrev(label)}={label if label != 'NONE' else 'no event'}"
                      for label in labels if _abbrev(label) != label),
                  caption_justify="left")
    table.add_column("gold", no_wrap=True, min_width=9)
    for label in labels:
        table.add_column(_abbrev(label), justify="right", no_wrap=True, min_width=3)
    for gold in gold_labels:
        row = classification.confusion[gold]
        cells = []
        for label in labels:
            n = row.get(label, 0)
            cell = str(n) if n else "."
            cells.append(f"[bold green]{cell}[/]" if label == gold and n else cell)
        table.add_row(gold, *cells)
    return table


def span_table(title: str, rows: dict[str, Any]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("")
    for column in ("gold", "found", "pred", "right", "P", "R", "F1"):
        table.add_column(column, justify="right")
    for name, s in rows.items():
        table.add_row(name, str(s.gold), str(s.gold_found), str(s.predicted),
                      str(s.predicted_right), _pct(s.precision), _pct(s.recall), _pct(s.f1))
    return table


def render_plover(result, console: Console) -> None:
    types = result.types
    console.print(f"[bold]plover-gsr[/bold]: {result.sentences} sentences ({result.path}); "
                  f"main event = the main clause's event (first extracted)")
    console.print(f"event type accuracy {_pct(types.accuracy)} ({types.correct}/{types.total}), "
                  f"macro-F1 {_pct(types.macro_f1)}; sentences with any event "
                  f"{result.with_event}/{result.sentences}; any event of the gold type "
                  f"{result.any_type}/{result.sentences}")
    console.print(prf_table("Main event type by PLOVER type", types.per_class(),
                            order=[t for t in types.labels() if t != "NONE"]))
    console.print(confusion_table(types, "Confusion (main event type)"))
    console.print(span_table("Actor / recipient span overlap (main event)",
                             {"actors": result.actors, "recipients": result.recipients,
                              "either role": result.participants}))
    if result.unlocated:
        console.print(f"{result.unlocated} gold actor/recipient texts not found in their "
                      f"sentence were left out")


def render_petr2(result, console: Console) -> None:
    console.print(f"[bold]petr2-gsr[/bold]: {result.sentences} sentences ({result.path}); "
                  f"CAMEO mapped to PLOVER with CAMEO2PLOVER-2021")
    table = Table(title="PETRARCH2 validation", title_justify="left")
    table.add_column("")
    table.add_column("right", justify="right")
    table.add_column("of", justify="right")
    table.add_column("%", justify="right")
    table.add_row("event type (main event in gold types)", str(result.main_correct),
                  str(result.event_sentences), _pct(result.accuracy))
    table.add_row("event type (any event in gold types)", str(result.any_correct),
                  str(result.event_sentences), _pct(result.any_accuracy))
    table.add_row("no-event sentences left empty", str(result.no_event_correct),
                  str(result.no_event_sentences), _pct(result.no_event_accuracy))
    console.print(table)
    if result.unmapped_sentences:
        codes = ", ".join(f"{c}×{n}" for c, n in sorted(result.unmapped_codes.items()))
        console.print(f"{result.unmapped_sentences} sentences left out: their CAMEO codes "
                      f"have no PLOVER row ({codes})")
    console.print(confusion_table(result.types, "Confusion (main event type)"))


def render_crossner(result, console: Console) -> None:
    console.print(f"[bold]crossner-politics[/bold]: {result.sentences} sentences "
                  f"({result.path}); exact token-boundary spans")
    rows = {c: result.classes[c] for c in CLASSES}
    rows["micro"] = result.micro
    console.print(prf_table("Coarse classes", rows, first="class", order=[*CLASSES, "micro"]))
    if result.dropped_in_ignored:
        strict = result.micro_strict
        console.print(f"{result.dropped_in_ignored} predicted spans inside CrossNER "
                      f"election/event/misc spans left out; counted as false positives "
                      f"instead: micro P {_pct(strict.precision)} R {_pct(strict.recall)} "
                      f"F1 {_pct(strict.f1)}")
    labels = {"politician": "pol", "person": "pers", "politicalparty": "party",
              "organisation": "org", "country": "ctry", "location": "loc",
              "election": "elec", "event": "evt", "misc": "misc", NO_SPAN: NO_SPAN}
    table = Table(title="Fine: our type (rows) × CrossNER label (columns), same boundaries",
                  title_justify="left", padding=(0, 1), caption_justify="left",
                  caption="columns: " + ", ".join(f"{short}={label}" for label, short
                                                  in labels.items() if label != NO_SPAN)
                  + f"; {NO_SPAN}: no span with those boundaries on the other side")
    table.add_column("ours", no_wrap=True)
    for short in labels.values():
        table.add_column(short, justify="right", no_wrap=True)
    for ours in sorted(result.fine, key=lambda t: (t == NO_SPAN, t)):
        row = result.fine[ours]
        table.add_row(ours, *[str(row.get(label, 0) or ".") for label in labels])
    console.print(table)


RENDERERS = {"plover-gsr": render_plover, "petr2-gsr": render_petr2,
             "crossner-politics": render_crossner}


def render_benchmark(result, console: Console) -> None:
    RENDERERS[result.name](result, console)
