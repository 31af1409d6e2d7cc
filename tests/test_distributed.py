"""Extraction on a Dask LocalCluster started for the run (`--dask local:N`) stores the
same chart as one process: the same documents, entities, ties, events and attributions."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

from linkchart.config import Config
from linkchart.cli.demo import SAMPLES
from linkchart.distributed import local_workers
from linkchart.jobs import ingest
from linkchart.resolve import resolve
from linkchart.store import Store

pytest.importorskip("dask.distributed")


def test_local_addresses():
    assert local_workers("local:3") == 3
    assert local_workers("local") >= 1
    assert local_workers("tcp://10.0.0.5:8786") is None
    for wrong in ("local:0", "local:two"):
        with pytest.raises(ValueError, match="local:N"):
            local_workers(wrong)


def test_a_local_cluster_stores_what_one_process_stores(tmp_path, monkeypatch):
    import linkchart.distributed as distributed

    clients = []
    real_client = distributed._client

    @contextmanager
    def recorded(address):
        with real_client(address) as client:
            clients.append(len(client.scheduler_info()["workers"]))
            yield client

    monkeypatch.setattr(distributed, "_client", recorded)
    articles = tmp_path / "articles"
    articles.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[:4]:
        shutil.copy(sample, articles)
    config = Config.from_env(batch_size=1)  # a batch a document: both workers get some
    charts = []
    for name, dask in (("one", None), ("cluster", "local:2")):
        with Store.open(str(tmp_path / f"{name}.db"), resolver=resolve) as store:
            summary = ingest([str(articles)], store, config=config, dask=dask)
            assert (summary.stored, summary.failed) == (4, 0)
            charts.append(store.corpus(detail=True))
    one, cluster = charts
    assert len(one["documents"]) == 4 and len(one["relations"]) > 5
    assert cluster == one
    assert clients == [2]  # the second run went through a cluster of two workers
