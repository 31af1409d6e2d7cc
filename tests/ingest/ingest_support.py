"""Helpers for the ingest tests (a plain module, so no conftest name clashes)."""

from contextlib import contextmanager
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def write(directory: Path, name: str, content: str | bytes) -> Path:
    """A file under `directory`, from str (UTF-8, as is) or bytes."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def fail_extraction_of(monkeypatch, doc_id: str) -> None:
    """Make extraction raise ValueError("odd text") for the document `doc_id` only."""
    import linkchart.pipeline as pipeline

    real = pipeline.extract

    def extract(doc, document, *args):
        if document.id == doc_id:
            raise ValueError("odd text")
        return real(doc, document, *args)

    monkeypatch.setattr(pipeline, "extract", extract)


@contextmanager
def store_of(backend: str, folder: Path):
    """A fresh store: a SQLite file in `folder`, or a throw-away PostgreSQL database
    (the test skips where no server answers)."""
    import pytest

    from linkchart.resolve import resolve
    from linkchart.store import Store
    from postgres_databases import postgres_available, temporary_database

    if backend == "sqlite":
        with Store.open(str(folder / "store.db"), resolver=resolve) as opened:
            yield opened
        return
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable")
    with temporary_database() as url, Store.open(url, resolver=resolve) as opened:
        yield opened
