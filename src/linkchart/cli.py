"""The `linkchart` command: Typer commands over ingest, extract, store, export and more."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from linkchart.config import Config, database_url

app = typer.Typer(help="Turn news reporting into a sourced link chart.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
packs_app = typer.Typer(help="Knowledge packs: curated actors with types and aliases.")
app.add_typer(packs_app, name="packs")
console = Console()
errors = Console(stderr=True)

DbOption = typer.Option(None, "--db", help="SQLite path or database URL (default "
                        "./linkchart.db, or LINKCHART_DB)")
PackOption = typer.Option(None, "--pack", help="An extra knowledge pack (YAML file or folder)")


def _config(packs: Optional[list[Path]] = None, max_chars: Optional[int] = None) -> Config:
    config = Config.from_env()
    config.packs.extend(packs or [])
    if max_chars:
        config.max_chars = max_chars
    return config


def _open_store(db: Optional[str]):
    from linkchart.store import Store
    return Store.open(database_url(db))


def _field_map(fields: Optional[list[str]]) -> dict[str, str]:
    mapping = {}
    for item in fields or []:
        ours, _, theirs = item.partition("=")
        if not theirs:
            raise typer.BadParameter(f"--field takes OURS=THEIRS, got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin"),
           db: Optional[str] = DbOption, pack: Optional[list[Path]] = PackOption,
           field: Optional[list[str]] = typer.Option(None, "--field",
                                                     help="Map a field: text=content"),
           max_chars: Optional[int] = typer.Option(None, help="Refuse longer documents"),
           strict: bool = typer.Option(False, help="Stop at the first unreadable input"),
           workers: int = typer.Option(1, help="Extract in this many local processes"),
           dask: Optional[str] = typer.Option(None, help="Extract on this Dask scheduler")):
    """Read articles, extract the chart, and store it."""
    from linkchart.ingest import IngestOptions
    from linkchart.jobs import StrictFailure, ingest as run_ingest

    config = _config(pack, max_chars)
    options = IngestOptions(max_chars=config.max_chars, field_map=_field_map(field))
    with _open_store(db) as store, _progress() as progress:
        task = progress.add_task("extracting", total=None)
        try:
            summary = run_ingest(paths, store, options, config, strict,
                                 progress=lambda n: progress.advance(task, n),
                                 workers=workers, dask=dask)
        except StrictFailure as failure:
            errors.print(f"[red]error:[/red] {failure} (--strict: stopped; "
                         "nothing after the last stored batch was written)")
            raise typer.Exit(1)
    _print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), console=errors, transient=True)


def _print_summary(summary) -> None:
    table = Table(title="ingest", show_header=False)
    for label, value in (("documents read", summary.read), ("stored", summary.stored),
                         ("duplicates", summary.duplicates), ("failed", summary.failed)):
        table.add_row(label, str(value))
    console.print(table)
    for failure in summary.failures:
        errors.print(f"[red]failed:[/red] {failure.path}: {failure.reason}")


@app.command()
def extract(paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin"),
            out: Optional[Path] = typer.Option(None, help="Write DIR/<id>.json instead"),
            pack: Optional[list[Path]] = PackOption,
            field: Optional[list[str]] = typer.Option(None, "--field")):
    """Print linkchart/1 JSON for each document (one per line); no store."""
    from linkchart.ingest import IngestOptions
    from linkchart.jobs import extract_only

    config = _config(pack)
    failures: list = []
    options = IngestOptions(max_chars=config.max_chars, field_map=_field_map(field))
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for extraction in extract_only(paths, options, config, failures):
        data = extraction.to_json()
        if out:
            target = out / f"{extraction.document.id}.json"
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    for failure in failures:
        errors.print(f"[red]failed:[/red] {failure.path}: {failure.reason}")
    if failures:
        raise typer.Exit(1)


@app.command()
def entities(db: Optional[str] = DbOption,
             type: Optional[str] = typer.Option(None, "--type", help="An entity type"),
             search: Optional[str] = typer.Option(None, help="Name or alias to look for"),
             limit: int = typer.Option(50)):
    """List the chart's entities."""
    with _open_store(db) as store:
        rows = store.entities(type=type, search=search, limit=limit)
    table = Table("id", "name", "type", "documents", "relations", "aliases")
    for row in rows:
        table.add_row(row["id"], row["name"], row["type"], str(row.get("documents", "")),
                      str(row.get("relations", "")), ", ".join(row.get("aliases") or [])[:60])
    console.print(table)


@app.command()
def show(name: str = typer.Argument(..., help="An entity's name, alias or id"),
         db: Optional[str] = DbOption):
    """An entity's card: type, aliases, relations and events with evidence and sources."""
    from linkchart.cards import render_card

    with _open_store(db) as store:
        matches = store.find_entities(name)
        if not matches:
            errors.print(f"no entity named {name!r}; try `linkchart entities --search`")
            raise typer.Exit(1)
        card = store.entity_card(matches[0]["id"])
    render_card(console, card)
    if len(matches) > 1:
        others = ", ".join(f"{m['name']} ({m['id']})" for m in matches[1:6])
        console.print(f"[dim]also matching: {others}[/dim]")


@app.command()
def export(format: str = typer.Option("json", "--format", "-f",
                                      help="json, gexf, graphml, csv, ftm"),
           out: Optional[Path] = typer.Option(None, help="Output file (default stdout)"),
           db: Optional[str] = DbOption):
    """Export the chart (linkchart-corpus/1 JSON, GEXF, GraphML, CSV, FollowTheMoney)."""
    from linkchart.export import export as run_export

    with _open_store(db) as store:
        run_export(store, format, out or sys.stdout)


@app.command()
def demo(db: Optional[str] = typer.Option("linkchart-demo.db", "--db")):
    """Ingest the bundled sample articles into a fresh store and show what they hold."""
    from linkchart.demo import run_demo

    run_demo(console, database_url(db))


@packs_app.command("list")
def packs_list(pack: Optional[list[Path]] = PackOption):
    """The knowledge packs in use and their actors by type."""
    from linkchart.nlp.packs import load_packs

    table = Table("pack", "actors", "types", "file")
    for loaded in load_packs(pack or []):
        kinds: dict[str, int] = {}
        for actor in loaded.actors:
            kinds[actor.type] = kinds.get(actor.type, 0) + 1
        summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1]))
        table.add_row(loaded.name, str(len(loaded.actors)), summary, str(loaded.path))
    console.print(table)


@packs_app.command("validate")
def packs_validate(paths: Optional[list[Path]] = typer.Argument(None)):
    """Check pack files: shape, types, and surface forms claimed by two actors."""
    from linkchart.nlp.packs import PackError, load_pack, pack_files, validate

    files = pack_files(paths or [], bundled=not paths)
    try:
        packs = [load_pack(path) for path in files]
    except PackError as error:
        errors.print(f"[red]invalid:[/red] {error}")
        raise typer.Exit(1)
    problems = validate(packs)
    for problem in problems:
        errors.print(f"[yellow]ambiguous:[/yellow] {problem}")
    total = sum(len(p.actors) for p in packs)
    console.print(f"{len(packs)} packs, {total} actors, {len(problems)} problems")
    if problems:
        raise typer.Exit(1)


def _register_extensions() -> None:
    """Commands that live beside their subject: measuring, serving, reviewing."""
    from linkchart import cli_measure
    from linkchart.analyze import commands as analysis_commands
    from linkchart.resolve import commands as review_commands
    from linkchart.server import commands as server_commands

    for module in (cli_measure, server_commands, review_commands, analysis_commands):
        module.register(app)


_register_extensions()


def main() -> None:
    """The console script: known errors become one clear line and exit code 2."""
    from linkchart.nlp.packs import PackError

    try:
        app()
    except PackError as error:
        errors.print(f"[red]error:[/red] {error}")
        sys.exit(2)


if __name__ == "__main__":
    main()
