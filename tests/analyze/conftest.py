"""Stores for the analysis tests: the articles written for them (tests/analyze/texts)
through the real pipeline, and a small chart written without it for the graph analyses."""

from __future__ import annotations

from pathlib import Path

import pytest

from written_graph import two_camps

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="session")
def texts_db(tmp_path_factory) -> str:
    from linkchart.config import Config
    from linkchart.jobs import ingest
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = tmp_path_factory.mktemp("analyze") / "texts.db"
    with Store.open(str(path), resolver=resolve) as store:
        summary = ingest([str(TEXTS)], store, config=Config.from_env())
        assert summary.stored == len(list(TEXTS.glob("*.txt"))), summary
    return str(path)


@pytest.fixture(scope="session")
def texts_store(texts_db):
    from linkchart.resolve import resolve
    from linkchart.store import Store

    store = Store.open(texts_db, resolver=resolve)
    yield store
    store.close()


@pytest.fixture(scope="session")
def camps_store(tmp_path_factory):
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = tmp_path_factory.mktemp("camps") / "camps.db"
    store = Store.open(str(path), resolver=resolve)
    store.add_extractions(two_camps())
    yield store
    store.close()
