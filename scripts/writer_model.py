"""Where the one writer saturates: processor time to extract a document (one process)
against wall time to write it (one writer, batches of 16, fresh stores), on the first N
articles of a JSONL(.gz) corpus; with and without wire-copy detection.

    PYTHONPATH=src:tests python scripts/writer_model.py ../shared/corpus/bulk/news-10k.jsonl.gz 120
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from linkchart.config import Config
from linkchart.evaluate.speed import read_corpus
from linkchart.pipeline import extract_documents
from linkchart.resolve import resolve
from linkchart.store import Store, copies
from postgres_databases import postgres_available, temporary_database

BATCH = 16


def extracted(corpus: Path, n: int):
    documents = read_corpus(corpus, n)
    config = Config.from_env()
    list(extract_documents(documents[:2], config))  # the model loaded first
    start = time.process_time()
    found = list(extract_documents(documents, config))
    return found, (time.process_time() - start) / len(found)


def write_seconds(url: str, found) -> float:
    with Store.open(url, resolver=resolve) as store:
        start = time.perf_counter()
        for i in range(0, len(found), BATCH):
            store.add_extractions(found[i:i + BATCH])
        return (time.perf_counter() - start) / len(found)


def main(corpus: str, n: str) -> None:
    found, extract_s = extracted(Path(corpus), int(n))
    print(f"extraction: {extract_s * 1000:.0f} ms processor time a document ({len(found)})")
    real_plan = copies.plan

    def no_copies(conn, batch):
        return copies.Links({d.id: copies.own_source(d.id, d.outlet) for d in batch})

    # each twice, in turns, so that warm caches favour neither
    for label, plan in [("without wire copies", no_copies),
                        ("with wire copies", real_plan)] * 2:
        copies.plan = plan
        with tempfile.TemporaryDirectory() as folder:
            _report(f"SQLite {label}", write_seconds(str(Path(folder) / "w.db"), found),
                    extract_s)
        if postgres_available():
            with temporary_database() as url:
                _report(f"PostgreSQL {label}", write_seconds(url, found), extract_s)
    copies.plan = real_plan


def _report(label: str, per_document: float, extract_s: float) -> None:
    print(f"write, {label}: {per_document * 1000:.1f} ms a document: the writer keeps up "
          f"with {extract_s / per_document:.1f} extraction workers")


if __name__ == "__main__":
    main(*sys.argv[1:3])
