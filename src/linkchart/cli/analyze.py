"""`linkchart analyze KIND`: the analyses from the shell. Registered by linkchart.cli."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

import typer
from rich.markup import escape

from linkchart.cli.common import DbOption, console, errors, open_reader, open_store

KIND_HELP = ("chains, principals (needs --entity), directives, fronts, contradictions, "
             "brokers, sourcing (an actor with --entity, a tie with --tie)")


def register(app: typer.Typer) -> None:
    app.command()(analyze)
    app.command()(cues)


def cues(db: Optional[str] = DbOption,
         everything: bool = typer.Option(False, "--all", help="Scan every document again, "
                                         "not only those without current cues")):
    """Find the text cues the analyses read in documents stored without them.

    Directives, fronts and contradictions read the sentences found when each document was
    stored; a store written before text cues, or after the cue words changed, needs this
    once (`--all` scans every document)."""
    with open_store(db) as store:
        scanned, found = store.scan_cues(everything, progress=_scan_progress)
    if scanned:
        errors.print()
    console.print(f"scanned {scanned} documents: {found} text cues")


def _scan_progress(done: int, total: int) -> None:
    errors.print(f"  {done}/{total} documents", end="\r")


def analyze(kind: str = typer.Argument(..., help=KIND_HELP),
            db: Optional[str] = DbOption,
            as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON"),
            entity: Optional[list[str]] = typer.Option(
                None, "--entity", help="Keep findings that involve this entity (name, alias "
                "or id; repeat); the actor of principals and sourcing"),
            tie: Optional[str] = typer.Option(None, "--tie", help="sourcing of one tie: "
                                              "TYPE:SOURCE:TARGET[:not]"),
            date_from: Optional[str] = typer.Option(None, "--from", help="YYYY[-MM[-DD]]"),
            date_to: Optional[str] = typer.Option(None, "--to", help="YYYY[-MM[-DD]]"),
            entity_type: Optional[list[str]] = typer.Option(None, "--entity-type"),
            relation_type: Optional[list[str]] = typer.Option(None, "--relation-type"),
            event_type: Optional[list[str]] = typer.Option(None, "--event-type"),
            min_sources: int = typer.Option(1, "--min-sources",
                                            help="Independent outlets at least"),
            min_confidence: Optional[float] = typer.Option(None, "--min-confidence"),
            outlet: Optional[list[str]] = typer.Option(None, "--outlet"),
            sources: Optional[str] = typer.Option(None, "--sources",
                                                  help="named or anonymous"),
            document: Optional[list[str]] = typer.Option(None, "--document"),
            limit: int = typer.Option(100, help="Findings at most")):
    """Find the patterns behind the reporting, each finding with its evidence."""
    from linkchart.analyze import AnalysisError, Selection, analyze as run

    with _without_cycle_collection(), open_reader(db) as store:
        ids = [_entity_id(store, name) for name in entity or []]
        try:
            selection = Selection(entity_type or None, relation_type or None,
                                  event_type or None, date_from, date_to, min_sources,
                                  min_confidence, outlet or None, sources, document or None,
                                  ids or None)
            actor = ids[0] if ids else None
            if kind in ("principals", "sourcing") and actor:
                selection.entity_ids = None if kind == "principals" else ids
            found = run(store, kind, selection, limit, entity=actor, tie=tie)
        except (AnalysisError, ValueError) as error:
            errors.print(f"[red]error:[/red] {escape(str(error))}")
            raise typer.Exit(2)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    _print(found)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The analysis without Python's cyclic garbage collector: its passes over the tens of
    thousands of ties, sentences and findings an analysis keeps (none of them garbage)
    took 0.3 s of the 2 s `analyze brokers` takes on a 10,000-article store. What is
    built holds no reference cycles worth collecting; the collector is back afterwards
    (tests run the command inside their own process)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _entity_id(store, name: str) -> str:
    if store.entity(name):
        return name
    matches = store.find_entities(name)
    if not matches:
        errors.print(f"no entity named {name!r}; try `linkchart entities --search`")
        raise typer.Exit(1)
    return matches[0]["id"]


def _print(found: list[dict]) -> None:
    if not found:
        console.print("[dim]no findings[/dim]")
    for n, item in enumerate(found, 1):
        console.print(f"[bold]{n}. {escape(item['summary'])}[/bold]")
        for quote in item["evidence"][:4]:
            console.print(f"   [dim]{escape(quote['document'])} · "
                          f"{escape(str(quote['source_text']))}:[/dim] "
                          f"{escape(quote['text'][:240])}")
