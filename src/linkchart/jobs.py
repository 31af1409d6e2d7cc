"""The main job: read sources, extract, and store in transactional batches.

Documents already in the store (same text hash) are counted as duplicates and not
extracted again, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from linkchart.config import Config
from linkchart.distributed import extract_on_dask, extract_parallel
from linkchart.ingest import Duplicate, IngestOptions, ReadFailure, read
from linkchart.model import DocExtraction, Document
from linkchart.pipeline import extract_documents


@dataclass
class IngestSummary:
    """Every item read is stored, a duplicate or a failure: read = stored + duplicates +
    failed. `replaced` names the stored ids whose earlier, different text this run replaced."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


class StrictFailure(Exception):
    def __init__(self, failure: ReadFailure):
        super().__init__(f"{failure.path}: {failure.reason}")
        self.failure = failure


def ingest(sources: Iterable[str], store, options: IngestOptions | None = None,
           config: Config | None = None, strict: bool = False,
           progress: Callable[[int], None] | None = None, workers: int = 1,
           dask: str | None = None) -> IngestSummary:
    config = config or Config.from_env()
    options = options or IngestOptions(max_chars=config.max_chars)
    summary = IngestSummary()
    fresh = _fresh_documents(read(list(sources), options), store, summary, strict)

    def failed(document: Document, error: Exception) -> None:
        summary.failures.append(_failure(document, "extraction failed", error))

    if dask:
        extractions = extract_on_dask(fresh, config, dask, on_error=failed)
    else:
        extractions = extract_parallel(fresh, config, workers, on_error=failed)
    while batch := list(islice(extractions, config.batch_size)):
        _store(batch, store, summary)
        if progress:
            progress(len(batch))
    return summary


def _store(batch: list[DocExtraction], store, summary: IngestSummary) -> None:
    """The batch in one transaction; when that fails, each document in its own, so that
    only the documents that cannot be stored are lost, each reported with its reason."""
    try:
        _count(store.add_extractions(batch), summary)
        return
    except Exception as error:  # noqa: BLE001 - retried one by one below
        if len(batch) == 1:
            summary.failures.append(_failure(batch[0].document, "could not be stored", error))
            return
    for extraction in batch:
        _store([extraction], store, summary)


def _count(result, summary: IngestSummary) -> None:
    summary.stored += len(result.stored)
    summary.duplicates += len(result.duplicates)
    summary.replaced += result.replaced


def _failure(document: Document, what: str, error: Exception) -> ReadFailure:
    return ReadFailure(document.source_path or document.id,
                       f"{what}: {type(error).__name__}: {error}")


def _fresh_documents(items, store, summary: IngestSummary, strict: bool) -> Iterator[Document]:
    for item in items:
        summary.read += 1
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            if strict:
                raise StrictFailure(item)
            continue
        if isinstance(item, Duplicate) or store.has_hash(item.hash):
            summary.duplicates += 1
            continue
        yield item


def extract_only(sources: Iterable[str], options: IngestOptions | None = None,
                 config: Config | None = None,
                 failures: list[ReadFailure] | None = None) -> Iterator[DocExtraction]:
    """Extraction without a store, for `linkchart extract`."""
    config = config or Config.from_env()

    def documents() -> Iterator[Document]:
        for item in read(list(sources), options or IngestOptions(max_chars=config.max_chars)):
            if isinstance(item, ReadFailure):
                if failures is not None:
                    failures.append(item)
            elif isinstance(item, Document):
                yield item

    def failed(document: Document, error: Exception) -> None:
        failures.append(_failure(document, "extraction failed", error))

    return extract_documents(documents(), config,
                             on_error=failed if failures is not None else None)
