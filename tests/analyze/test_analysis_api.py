"""GET /api/analysis/{kind} over the articles written for the tests."""

from __future__ import annotations

import pytest

from server.live import test_client


@pytest.fixture(scope="module")
def client(texts_db):
    from linkchart.server.api import create_app

    with test_client(create_app(texts_db)) as opened:
        yield opened


def test_each_kind_answers_with_findings(client):
    for kind in ("chains", "directives", "fronts", "contradictions", "brokers", "sourcing"):
        response = client.get(f"/api/analysis/{kind}")
        assert response.status_code == 200, kind
        assert response.json() and response.json()[0]["kind"] == kind


def test_selection_parameters_reach_the_analysis(client):
    harbour = client.get("/api/analysis/directives",
                         params={"date_from": "2023", "date_to": "2023"}).json()
    assert [f["escalate"]["issuer"]["name"] for f in harbour] == ["Faisal al-Marri"]
    nothing = client.get("/api/analysis/fronts", params={"outlet": "Inland Herald"}).json()
    assert nothing == []


def test_principals_need_an_entity_and_unknown_kinds_are_404(client):
    assert client.get("/api/analysis/principals").status_code == 422
    assert client.get("/api/analysis/everything").status_code == 404
    assert client.get("/api/analysis/sourcing", params={"sources": "some"}).status_code == 422
    brigade = client.get("/api/entities", params={"q": "Ansongo Patrol Force"}).json()[0]
    found = client.get("/api/analysis/principals", params={"entity": brigade["id"]}).json()
    assert found[0]["principal"]["name"] == "Abdoulaye Maiga"
