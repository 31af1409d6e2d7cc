"""`linkchart demo`: the bundled sample articles into a fresh store, and a tour of it."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from linkchart.config import Config
from linkchart.jobs import ingest
from linkchart.resolve import resolve
from linkchart.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run_demo(console: Console, url: str) -> None:
    _remove_sqlite(url)
    with Store.open(url, resolver=resolve) as store:
        with console.status("reading and charting the sample articles..."):
            summary = ingest([str(SAMPLES)], store, config=Config.from_env())
        stats = store.stats(top=10)
    console.print(f"[bold]linkchart demo[/bold]: {summary.stored} sample articles charted "
                  f"into {url.removeprefix('sqlite:///')}\n")
    console.print(_counts(stats))
    console.print(_top(stats))
    db = url.removeprefix("sqlite:///")
    console.print("\nExplore it:")
    for command in (f"linkchart entities --db {db} --type armed_group",
                    f"linkchart show 'Quds Force' --db {db}",
                    f"linkchart export --format gexf --db {db} --out chart.gexf",
                    f"linkchart serve --db {db}   # the chart in your browser"):
        console.print(f"  [green]{command}[/green]")


def _remove_sqlite(url: str) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)


def _counts(stats: dict) -> Table:
    table = Table(title="what the articles hold", show_header=False)
    table.add_row("documents", str(stats["documents"]))
    for layer in ("entities", "relations", "events"):
        by_type = stats[layer]
        detail = ", ".join(f"{k} {v}" for k, v in sorted(by_type.items(), key=lambda x: -x[1]))
        table.add_row(layer, f"{sum(by_type.values())}  ({detail})")
    table.add_row("attributions", str(stats["attributions"]))
    return table


def _top(stats: dict) -> Table:
    table = Table("actor", "type", "ties", title="most connected actors")
    for entity in stats["top_entities"]:
        table.add_row(entity["name"], entity["type"], str(entity["degree"]))
    return table
