"""Every analysis gives the same findings on SQLite and on a PostgreSQL copy of the same
store. On the first 2,000 bulk articles `contradictions` did not: two statements that
begin at one offset ("The blast did not cause any casualties ..., said Col. X, ...,
according to the Y agency": X's and the agency's) came back from `ORDER BY start` in
whichever order the backend kept them, and the first of them spoke for the sentence."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import text

from linkchart.analyze import KINDS, Selection, analyze

pytestmark = pytest.mark.postgres

TEXTS = Path(__file__).parent / "backends"
COPY_STORE = Path(__file__).parents[1] / "server" / "copy_store.py"
LAST_FIRST = ["CREATE INDEX last_first ON attributions (id DESC)",
              "CLUSTER attributions USING last_first", "DROP INDEX last_first"]


def _copy_store():
    spec = importlib.util.spec_from_file_location("copy_store", COPY_STORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.copy


@pytest.fixture(scope="module")
def both_backends(tmp_path_factory):
    """The written article through the real pipeline into SQLite, and the store copied
    into a new PostgreSQL database whose statement rows were then laid down again from the
    last to the first (CLUSTER, as a database administrator may run it: the rows no longer
    lie in the order of their ids, nor do their entries in the indexes)."""
    from linkchart.config import Config
    from linkchart.jobs import ingest
    from linkchart.resolve import resolve
    from linkchart.store import Store
    from postgres_databases import postgres_available, temporary_database

    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable")
    path = str(tmp_path_factory.mktemp("backends") / "blast.db")
    with Store.open(path, resolver=resolve) as store:
        assert ingest([str(TEXTS)], store, config=Config.from_env()).stored == 1
    with temporary_database() as url:
        _copy_store()(path, url)
        with Store.open(url) as store, store.engine.begin() as conn:
            for sql in LAST_FIRST:
                conn.execute(text(sql))
        with Store.open(path) as sqlite, Store.open(url) as postgres:
            yield sqlite, postgres


def test_the_article_has_two_statements_that_begin_at_one_offset(both_backends):
    sqlite, _ = both_backends
    with sqlite.engine.connect() as conn:
        starts = [s for (s,) in conn.execute(text("SELECT start FROM attributions"))]
    assert len(starts) > len(set(starts))


@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"principals"}))
def test_findings_are_the_same_on_both_backends(both_backends, kind):
    sqlite, postgres = both_backends
    found = analyze(sqlite, kind, Selection(), 1000)
    assert found == analyze(postgres, kind, Selection(), 1000)


def test_the_casualty_dispute_is_found(both_backends):
    sqlite, _ = both_backends
    found = analyze(sqlite, "contradictions", Selection(), 1000)
    assert any(f["about"] == "casualties" for f in found)
