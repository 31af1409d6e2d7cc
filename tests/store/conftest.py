import json
from pathlib import Path

import pytest

from linkchart.model import DocExtraction
from linkchart.store import Store
from linkchart.store.testing import (POSTGRES_URL, empty_database, postgres_available,
                                     temporary_database)

SAMPLE = Path(__file__).parent / "data" / "sample.json"


def load_sample() -> list[DocExtraction]:
    return [DocExtraction.from_json(item["extraction"], item["text"])
            for item in json.loads(SAMPLE.read_text("utf-8"))]


@pytest.fixture
def sample() -> list[DocExtraction]:
    return load_sample()


@pytest.fixture(scope="session")
def postgres_url():
    if not postgres_available():
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")
    with temporary_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "linkchart.db")
    database = request.getfixturevalue("postgres_url")
    empty_database(database)
    return database


@pytest.fixture
def store(url):
    with Store.open(url) as opened:
        yield opened


@pytest.fixture
def loaded(store, sample):
    store.add_extractions(sample)
    return store
