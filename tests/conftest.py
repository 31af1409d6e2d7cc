"""Shared fixtures: the project's own texts, and ../shared when it is present."""

from __future__ import annotations

import pytest

from shared_data import FIXTURES


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
