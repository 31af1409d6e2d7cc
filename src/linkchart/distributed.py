"""Extraction beyond one process: local worker processes, or a Dask cluster (one at an
address, or a LocalCluster started for the run with `local[:N]`).

Each worker loads the pipeline once and extracts batches of documents; results stream
back in input order to the one process that writes the store.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from linkchart.config import Config
from linkchart.model import DocExtraction, Document
from linkchart.pipeline import extract_documents

Failure = tuple[Document, str]
_worker_config: Config | None = None


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_batch(batch: list[Document], config: Config | None = None
                  ) -> tuple[list[DocExtraction], list[Failure]]:
    failures: list[Failure] = []
    found = list(extract_documents(batch, config or _worker_config,
                                   on_error=lambda d, e: failures.append((d, repr(e)))))
    return found, failures


def _init_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config
    from linkchart.nlp import load_pipeline
    load_pipeline(config)


def extract_parallel(documents: Iterable[Document], config: Config, workers: int,
                     on_error: Callable[[Document, Exception], None] | None = None
                     ) -> Iterator[DocExtraction]:
    """Like pipeline.extract_documents, over `workers` local processes."""
    if workers <= 1:
        yield from extract_documents(documents, config, on_error)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        for found, failures in pool.imap(extract_batch, batches(documents, config.batch_size)):
            _report(failures, on_error)
            yield from found


def extract_on_dask(documents: Iterable[Document], config: Config, address: str,
                    on_error: Callable[[Document, Exception], None] | None = None,
                    in_flight: int = 8) -> Iterator[DocExtraction]:
    """Like extract_parallel, on the Dask scheduler at `address` (`pip install
    linkchart[dask]`), or on a LocalCluster of N single-threaded worker processes started
    for the run when `address` is `local:N` (`local`: one a processor); at most
    `in_flight` batches are queued at a time."""
    with _client(address) as client:
        pending = []
        for batch in batches(documents, config.batch_size):
            pending.append(client.submit(extract_batch, batch, config, pure=False))
            if len(pending) >= in_flight:
                yield from _collect(pending.pop(0), on_error)
        for future in pending:
            yield from _collect(future, on_error)


@contextmanager
def _client(address: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise RuntimeError("--dask needs dask.distributed: pip install 'linkchart[dask]'") \
            from error
    workers = local_workers(address)
    if workers is None:
        with Client(address) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def local_workers(address: str) -> int | None:
    """How many workers `local[:N]` asks for; None for the address of a scheduler."""
    name, _, count = address.partition(":")
    if name != "local":
        return None
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"--dask {address}: give local or local:N, N a whole number >= 1")
    return int(count)


def _collect(future, on_error) -> Iterator[DocExtraction]:
    found, failures = future.result()
    _report(failures, on_error)
    yield from found


def _report(failures: list[Failure], on_error) -> None:
    for document, reason in failures:
        if on_error:
            on_error(document, RuntimeError(reason))
