"""Documents in, DocExtractions out: the model loads once, texts go through nlp.pipe."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from linkchart.config import Config
from linkchart.extract import extract
from linkchart.model import DocExtraction, Document
from linkchart.nlp import knowledge_of, load_pipeline


log = logging.getLogger(__name__)


def extract_documents(documents: Iterable[Document], config: Config | None = None,
                      on_error: Callable[[Document, Exception], None] | None = None
                      ) -> Iterator[DocExtraction]:
    """Extractions in input order. A document whose extraction fails is reported to
    `on_error` (or logged) and skipped, so one bad document never stops a run."""
    config = config or Config.from_env()
    nlp = load_pipeline(config)
    knowledge = knowledge_of(nlp)
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size):
        try:
            yield extract(doc, document, knowledge, config.keep_all_entities,
                          config.event_candidates)
        except Exception as error:  # noqa: BLE001 - reported, never swallowed silently
            if on_error is None:
                log.error("%s: extraction failed: %r", document.source_path or document.id,
                          error)
            else:
                on_error(document, error)
