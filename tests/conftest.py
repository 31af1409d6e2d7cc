"""Shared fixtures: the project's own texts, and ../shared when it is present."""

from __future__ import annotations

import os

import pytest

from shared_data import FIXTURES


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory):
    """The gazetteer's index (linkchart.export.city_index) kept in a folder of this run,
    not the user's cache: for the commands the tests run in this process and in others."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("LINKCHART_CACHE")
    os.environ["LINKCHART_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("LINKCHART_CACHE", None)
    else:
        os.environ["LINKCHART_CACHE"] = before


@pytest.fixture(scope="session")
def mini_config():
    from linkchart.config import Config
    return Config(packs=[FIXTURES / "packs" / "mini.yaml"], bundled_packs=False)


@pytest.fixture(scope="session")
def mini_nlp(mini_config):
    from linkchart.nlp import load_pipeline
    return load_pipeline(mini_config)


@pytest.fixture(scope="session")
def proxy_report():
    from linkchart.ingest import read
    return next(read(FIXTURES / "articles" / "proxy-report.txt"))


@pytest.fixture(scope="session")
def proxy_extraction(proxy_report, mini_config):
    from linkchart.pipeline import extract_documents
    return next(extract_documents([proxy_report], mini_config))
