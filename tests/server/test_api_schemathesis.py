"""Schemathesis against the live app on SQLite and PostgreSQL: generated requests, valid
and not, to every operation; no server error, and every answer (status, content type,
body) as the OpenAPI document describes it. Bounded to a few examples per operation."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance, response_schema_conformance, status_code_conformance)

from chart_fixture import chart  # noqa: E402

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
EXAMPLES = 12


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    from postgres_databases import postgres_available, temporary_database

    if request.param == "sqlite":
        yield str(tmp_path / "chart.db")
        return
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable")
    with temporary_database() as url:
        yield url


def test_every_operation_answers_as_documented(store_url):
    from linkchart.server.api import create_app
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(store_url, resolver=resolve) as store:
        store.add_extractions(chart())
        schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store_url,
                                                                              store=store))
        failures = []
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 15
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                failures += _failures(operation, mode)
    assert failures == []


def test_refusals_without_the_token_are_documented(tmp_path):
    from linkchart.server.api import create_app
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = str(tmp_path / "chart.db")
    with Store.open(path, resolver=resolve) as store:
        store.add_extractions(chart())
        app = create_app(path, token="a-secret", store=store)
        schema = schemathesis.openapi.from_asgi("/openapi.json", app,
                                                headers={"Authorization": "Bearer a-secret"})
        failures = []
        for operation in [result.ok() for result in schema.get_all_operations()]:
            failures += _failures(operation, GenerationMode.POSITIVE, examples=3,
                                  headers={"Authorization": "Bearer wrong"})
    assert failures == []


def _failures(operation, mode, examples: int = EXAMPLES, headers=None) -> list[str]:
    found: list[str] = []

    @given(case=operation.as_strategy(mode))
    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def run(case):
        try:
            response = case.call_and_validate(checks=CHECKS, headers=headers)
            assert headers is None or response.status_code == 401
        except AssertionError as error:  # schemathesis's failure groups are AssertionErrors
            found.append(f"{operation.label} ({mode}): {str(error)[:600]}")

    try:
        run()
    except Unsatisfiable:  # an operation without parameters has no invalid form
        assert mode == GenerationMode.NEGATIVE
    return found
