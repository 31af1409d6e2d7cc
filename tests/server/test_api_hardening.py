"""Parameters out of range or holding NUL are answered 4xx in the documented shape, on
SQLite and PostgreSQL (issue 18, case 5), and impossible dates are refused (case 7)."""

from __future__ import annotations

import pytest

from chart_fixture import chart
from live import test_client

HUGE = str(2**64)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def store_url(request, tmp_path_factory):
    from postgres_databases import postgres_available, temporary_database

    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("hardening") / "chart.db")
        return
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable")
    with temporary_database() as url:
        yield url


@pytest.fixture(scope="module")
def client(store_url):
    from linkchart.server.api import create_app
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(store_url, resolver=resolve) as store:
        store.add_extractions(chart())
    with test_client(create_app(store_url)) as opened:
        yield opened


def _refused(response, status=422):
    assert response.status_code == status, response.text
    assert "detail" in response.json()
    return response.json()["detail"]


@pytest.mark.parametrize("method, path", [
    ("get", f"/api/documents?offset={HUGE}"),
    ("get", f"/api/entities?offset={HUGE}"),
    ("delete", f"/api/judgements/{HUGE}"),
    ("delete", f"/api/judgements/{2**31}"),
    ("post", f"/api/review/{HUGE}"),
])
def test_integers_beyond_the_columns_range_are_refused(client, method, path):
    body = {"json": {"decision": "skip"}} if method == "post" else {}
    _refused(getattr(client, method)(path, **body))


def test_the_largest_offset_is_answered(client):
    assert client.get(f"/api/documents?offset={2**63 - 1}").json() == []


@pytest.mark.parametrize("path", [
    "/api/documents/%00", "/api/documents/d1%00x", "/api/entities/E1%00",
    "/api/graph?entity=a%00b", "/api/entities?q=a%00b", "/api/judgements?kind=merge%00",
    "/api/edges/supports:a%00:b",
])
def test_nul_in_a_parameter_is_refused(client, path):
    assert "NUL" in _refused(client.get(path))


def test_a_rename_holding_nul_is_refused_and_nothing_is_stored(client):
    entity = client.get("/api/entities?limit=1").json()[0]
    before = client.get("/api/judgements").json()
    answer = client.post("/api/judgements", json={
        "kind": "rename", "payload": {"entity": entity["id"], "name": "Bad\u0000Name"}})
    assert "NUL" in _refused(answer)
    assert client.get("/api/judgements").json() == before
    assert client.get(f"/api/entities/{entity['id']}").json()["name"] == entity["name"]


@pytest.mark.parametrize("value", ["2020-13-45", "2020-02-30", "2021-00", "2019-04-31"])
def test_impossible_dates_are_refused(client, value):
    _refused(client.get(f"/api/graph?date_from={value}"))
    _refused(client.get(f"/api/events?date_to={value}"))


@pytest.mark.parametrize("value", ["2020", "2020-02", "2020-02-29"])
def test_real_dates_are_answered(client, value):
    assert client.get(f"/api/events?date_from={value}").status_code == 200


def test_not_found_is_documented_and_answered_in_its_shape(client):
    assert client.get("/api/documents/no-such-doc").json() == {"detail": "no such document"}
    spec = client.get("/openapi.json").json()
    answers = spec["paths"]["/api/documents/{doc_id}"]["get"]["responses"]
    assert {"400", "401", "403", "404", "422"} <= set(answers)
    assert set(answers["400"]["content"]) == {"application/json", "text/plain"}
    assert "application/gexf+xml" in spec["paths"]["/api/export"]["get"]["responses"]["200"][
        "content"]
