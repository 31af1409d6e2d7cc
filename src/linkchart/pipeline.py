"""Documents in, DocExtractions out: the model loads once, texts go through nlp.pipe."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from linkchart.config import Config
from linkchart.extract import extract
from linkchart.model import DocExtraction, Document
from linkchart.nlp import knowledge_of, load_pipeline


def extract_documents(documents: Iterable[Document],
                      config: Config | None = None) -> Iterator[DocExtraction]:
    config = config or Config.from_env()
    nlp = load_pipeline(config)
    knowledge = knowledge_of(nlp)
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size):
        yield extract(doc, document, knowledge)
