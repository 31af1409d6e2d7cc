"""Documents in, DocExtractions out: the model loads once, texts go through nlp.pipe."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from linkchart.config import Config
from linkchart.extract.extraction import extract
from linkchart.model import DocExtraction, Document
from linkchart.nlp import knowledge_of, load_pipeline


log = logging.getLogger(__name__)
OnError = Callable[[Document, Exception], None]


def extract_documents(documents: Iterable[Document], config: Config | None = None,
                      on_error: OnError | None = None) -> Iterator[DocExtraction]:
    """Extractions in input order. A document whose annotation or extraction fails is
    reported to `on_error` (or logged) and skipped, so one bad document never stops a run."""
    config = config or Config.from_env()
    nlp = load_pipeline(config)
    # The length limit is ingest's (--max-chars); spaCy's own would fail a whole batch.
    nlp.max_length = max(nlp.max_length, config.max_chars + 1)
    knowledge = knowledge_of(nlp)
    report = on_error or _log_failure
    for doc, document in _annotated(nlp, documents, config.batch_size, report):
        try:
            yield extract(doc, document, knowledge, config.keep_all_entities,
                          config.event_candidates)
        except Exception as error:  # noqa: BLE001 - reported, never swallowed silently
            report(document, error)


def _annotated(nlp, documents: Iterable[Document], batch_size: int, on_error: OnError):
    """(Doc, Document) pairs through nlp.pipe, a batch at a time; when a batch fails, its
    documents one by one, so that only the one that fails is lost."""
    iterator = iter(documents)
    while batch := list(islice(iterator, batch_size)):
        try:
            yield from list(nlp.pipe(((d.text, d) for d in batch), as_tuples=True,
                                     batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retried one by one below
            yield from _one_by_one(nlp, batch, on_error)


def _one_by_one(nlp, batch: list[Document], on_error: OnError):
    for document in batch:
        try:
            doc = nlp(document.text)
        except Exception as error:  # noqa: BLE001 - this document's failure
            on_error(document, error)
            continue
        yield doc, document


def _log_failure(document: Document, error: Exception) -> None:
    log.error("%s: extraction failed: %r", document.source_path or document.id, error)
