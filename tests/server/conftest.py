"""Stores for the server tests: a small written chart (exact ids and sources, no NLP) and
the bundled sample corpus ingested for real, with an article full of markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from chart_fixture import chart
from live import test_client as _client

DATA = Path(__file__).parent / "data"
XSS_ARTICLE = DATA / "xss-article.txt"


@pytest.fixture(scope="session")
def chart_url(tmp_path_factory) -> str:
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = tmp_path_factory.mktemp("chart") / "chart.db"
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions(chart())
    return str(path)


@pytest.fixture(scope="session")
def api(chart_url):
    """A client of the API over the written chart (read-only tests)."""
    from linkchart.server.api import create_app

    return _client(create_app(chart_url))


@pytest.fixture
def fresh_api(tmp_path):
    """A client over a store of its own, for tests that write judgements."""
    from linkchart.server.api import create_app
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = tmp_path / "chart.db"
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions(chart())
    return _client(create_app(str(path)))


@pytest.fixture(scope="session")
def ids(chart_url) -> dict[str, str]:
    """Global ids of the written chart's actors by name."""
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(chart_url, resolver=resolve) as store:
        return {e["name"]: e["id"] for e in store.entities(limit=100)}


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory) -> str:
    """The bundled sample articles and the markup-laden fixture, through the real pipeline."""
    from linkchart.config import Config
    from linkchart.cli.demo import SAMPLES
    from linkchart.jobs import ingest
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = tmp_path_factory.mktemp("samples") / "samples.db"
    with Store.open(str(path), resolver=resolve) as store:
        summary = ingest([str(SAMPLES), str(XSS_ARTICLE)], store, config=Config.from_env())
    assert summary.stored >= 15, summary
    return str(path)
