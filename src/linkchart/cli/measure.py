"""`linkchart evaluate` and `linkchart benchmark speed`: how good and how fast.

Registered on the main app by `register(app)` (called from linkchart.cli).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
)

from linkchart.cli.common import console, errors


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=errors, transient=True)


def _counted(description: str, work, *args):
    """`work(*args, progress=, on_start=)` under a progress bar that learns its total."""
    with _progress() as progress:
        task = progress.add_task(description, total=None)
        return work(*args, progress=lambda n: progress.advance(task, n),
                    on_start=lambda total: progress.update(task, total=total))


def _config(packs: Optional[list[Path]] = None, batch_size: Optional[int] = None):
    from linkchart.config import Config

    config = Config.from_env()
    config.packs.extend(packs or [])
    if batch_size:
        config.batch_size = batch_size
    return config


def _missing(error: Exception, explicit: bool) -> None:
    """Data that is not there: an error when the user named it, else a clean skip."""
    if explicit:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2)
    errors.print(f"[yellow]skipped:[/yellow] {error}")
    raise typer.Exit(0)


def _resolution(gold: Path, articles: Optional[Path], config, as_json: bool,
                wrong_merges: bool) -> None:
    """`linkchart evaluate --resolution GOLD` (`--per-doc` lists the wrong merges)."""
    from linkchart.evaluate.paths import DataMissing
    from linkchart.evaluate.report import print_json
    from linkchart.evaluate.resolution import evaluate_resolution, render

    try:
        run = _counted("extracting articles", evaluate_resolution, gold, articles, config)
    except DataMissing as error:
        _missing(error, explicit=articles is not None or Path(gold).exists())
    if as_json:
        print_json(run.to_json(errors=wrong_merges))
    else:
        render(run, console, errors=wrong_merges)


def evaluate(
    path: Optional[Path] = typer.Argument(
        None, metavar="[GOLD_DIR|PATH]",
        help="Gold folder of NNN.json (linkchart/1); with --benchmark, the benchmark's file "
             "or folder. Default: the shared corpus gold, or the benchmark's shared folder."),
    articles: Optional[Path] = typer.Option(
        None, "--articles", help="Folder of NNN_*.txt articles (default: articles/ beside "
                                 "the gold folder)"),
    benchmark: Optional[str] = typer.Option(
        None, "--benchmark", help="Run a third-party benchmark instead: plover-gsr, "
                                  "petr2-gsr or crossner-politics"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object"),
    per_doc: bool = typer.Option(False, "--per-doc",
                                 help="Add the per-document table (and errors in --json)"),
    pack: Optional[list[Path]] = typer.Option(None, "--pack",
                                              help="An extra knowledge pack (YAML file or folder)"),
    chart_events: bool = typer.Option(
        False, "--chart-events",
        help="Sentence benchmarks: score only the events the chart keeps (a named "
             "participant and a date, place or count), not every classified trigger"),
    resolution: Optional[Path] = typer.Option(
        None, "--resolution", metavar="GOLD",
        help="Score cross-document entity resolution against a who-is-who gold list "
             "(ingests the articles, --articles or the shared ones, into a temporary store)"),
    calibrate: bool = typer.Option(
        False, "--calibrate",
        help="Re-fit the confidence table on the gold articles (k-fold cross-validated "
             "figures) and write it where extraction reads it (or to --calibration-out)"),
    calibration_out: Optional[Path] = typer.Option(
        None, "--calibration-out", help="With --calibrate: write the table here instead"),
) -> None:
    """Score extraction against gold annotations, or run a third-party benchmark."""
    if resolution is not None:
        return _resolution(resolution, articles, _config(pack), as_json, per_doc)
    from linkchart.evaluate.paths import DataMissing
    from linkchart.evaluate.report import print_json, render_benchmark, render_evaluation

    config = _config(pack)
    if benchmark:
        from linkchart.evaluate.benchmarks import BENCHMARKS, adapter, default_path

        if benchmark not in BENCHMARKS:
            errors.print(f"[red]error:[/red] unknown benchmark {benchmark!r}; "
                         f"known: {', '.join(BENCHMARKS)}")
            raise typer.Exit(2)
        target = path or default_path(benchmark)
        module = adapter(benchmark)
        config.keep_all_entities = getattr(module, "KEEP_ALL_ENTITIES", False)
        config.event_candidates = getattr(module, "EVENT_CANDIDATES", False) and not chart_events
        try:
            with _progress() as progress:
                result = module.run(target, _extractor(config, progress, benchmark))
        except DataMissing as error:
            _missing(error, explicit=path is not None)
        except ImportError as error:
            _no_pipeline(error)
        if as_json:
            print_json(result.to_json())
        else:
            render_benchmark(result, console)
        return

    from linkchart.evaluate.runner import default_gold_dir, evaluate_gold

    gold_dir = path or default_gold_dir()
    try:
        run = _counted("extracting gold articles", evaluate_gold, gold_dir, articles, config)
    except DataMissing as error:
        _missing(error, explicit=path is not None or articles is not None)
    except ImportError as error:
        _no_pipeline(error)
    if calibrate:
        return _calibrate(run, calibration_out, as_json)
    if as_json:
        print_json(run.to_json(per_doc=per_doc))
    else:
        render_evaluation(run, console, per_doc=per_doc)


def _calibrate(run, out: Optional[Path], as_json: bool) -> None:
    from linkchart.evaluate.report import print_json, render_calibration
    from linkchart.evaluate.runner import calibrate
    from linkchart.extract.confidence import CALIBRATION, load_table

    result = calibrate(run, out or CALIBRATION)
    load_table.cache_clear()
    if as_json:
        print_json(result)
    else:
        render_calibration(result, console)


def _extractor(config, progress: Progress, label: str):
    from linkchart.evaluate.runner import extract

    def run(documents):
        task = progress.add_task(f"extracting {label}", total=len(documents))
        return extract(documents, config, progress=lambda n: progress.advance(task, n))

    return run


def _no_pipeline(error: ImportError) -> None:
    errors.print(f"[red]error:[/red] the extraction pipeline cannot be loaded: {error}")
    raise typer.Exit(1)


def speed(
    corpus: Path = typer.Argument(..., help="JSONL or JSONL.gz corpus of {id, title, outlet, "
                                            "published, url, text} objects"),
    n: int = typer.Option(500, "--n", help="How many documents (the first N with text)"),
    workers: int = typer.Option(1, "--workers", help="Worker processes per phase"),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="nlp.pipe batch size"),
    phases: str = typer.Option("bare,full,store", "--phases",
                               help="Which of bare, full, store to run (comma-separated)"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object"),
    pack: Optional[list[Path]] = typer.Option(None, "--pack",
                                              help="An extra knowledge pack (YAML file or folder)"),
) -> None:
    """Documents/s and words/s: (a) the bare spaCy model, (b) full extraction,
    (c) extraction plus storing into a fresh SQLite file; (b)/(a); peak memory."""
    from linkchart.evaluate.speed import PHASE_TITLES, PHASES, BenchmarkError, render
    from linkchart.evaluate.speed import speed as run_speed
    from linkchart.evaluate.report import print_json

    chosen = [p.strip() for p in phases.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in PHASES]
    if unknown or not chosen:
        errors.print(f"[red]error:[/red] --phases takes {', '.join(PHASES)}; got {phases!r}")
        raise typer.Exit(2)
    if not corpus.exists():
        errors.print(f"[red]error:[/red] corpus not found: {corpus}")
        raise typer.Exit(2)
    if n < 1 or workers < 1:
        errors.print("[red]error:[/red] --n and --workers must be at least 1")
        raise typer.Exit(2)
    config = _config(pack, batch_size)
    with _progress() as progress:
        def on_phase(phase: str, total: int):
            task = progress.add_task(PHASE_TITLES[phase], total=total)
            return lambda k: progress.advance(task, k)

        try:
            report = run_speed(corpus, n, workers, config, chosen, on_phase)
        except BenchmarkError as error:
            errors.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1)
    if as_json:
        print_json(report.to_json())
    else:
        render(report, console)


def register(app: typer.Typer) -> None:
    """Add `evaluate` and the `benchmark` group (with `speed`) to the main app."""
    app.command("evaluate")(evaluate)
    bench = typer.Typer(help="Measure throughput and memory.", no_args_is_help=True)
    bench.command("speed")(speed)
    app.add_typer(bench, name="benchmark")
