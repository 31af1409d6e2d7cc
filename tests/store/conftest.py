import json
from pathlib import Path

import pytest

from linkchart.model import DocExtraction, Document, Entity, Relation
from linkchart.resolve import resolve
from linkchart.store import Store
from postgres_databases import (POSTGRES_URL, empty_database, postgres_available,
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
    with Store.open(url, resolver=resolve) as opened:
        yield opened


@pytest.fixture
def loaded(store, sample):
    store.add_extractions(sample)
    return store


@pytest.fixture
def d1_rewritten() -> DocExtraction:
    """Document d1 of the sample as a new version: one resignation, one tie."""
    text = "Ardan Kovar resigned as head of the Northern Shield Brigade."
    return DocExtraction(
        Document(id="d1", text=text, outlet="Meridian Times", published="2023-05-01"),
        entities=[Entity("e1", "Ardan Kovar", "person"),
                  Entity("e2", "Northern Shield Brigade", "armed_group")],
        relations=[Relation("member_of", "e1", "e2", text, 0, len(text))])


OUTLETS = ["Meridian Times", "  meridian TIMES", None, "", "Straße Zeitung",
           "STRASSE ZEITUNG ", "Coastal Post", "\tCoastal Post\n"]
"""One outlet written several ways (case, spaces, a casefolded ß), and none at all."""
ODD_DATES = [None, "2019", "2019-09", "2019-9-15", "2020-01-05T10:00:00Z"]
"""Undated, year and month only, not quite ISO, and with a time."""


@pytest.fixture(scope="session")
def sample_articles() -> list[DocExtraction]:
    """The bundled sample articles through the real pipeline, their outlets and some of
    their dates rewritten so that every way of counting sources and dates occurs."""
    from dataclasses import replace

    from linkchart.cli.demo import SAMPLES
    from linkchart.jobs import extract_only

    extractions = list(extract_only([str(SAMPLES)]))
    for i, x in enumerate(extractions):
        published = ODD_DATES[i // 3 % len(ODD_DATES)] if i % 3 == 1 else x.document.published
        x.document = replace(x.document, outlet=OUTLETS[i % len(OUTLETS)],
                             published=published)
    return extractions


@pytest.fixture
def articles(store, sample_articles):
    store.add_extractions(sample_articles)
    return store
