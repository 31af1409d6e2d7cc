"""The API hides ties below the default confidence threshold; `min_confidence` lowers it."""

from __future__ import annotations

import pytest

from live import test_client
from linkchart.model import DEFAULT_CONFIDENCE


@pytest.fixture(scope="module")
def client(sample_url):
    from linkchart.server.api import create_app

    return test_client(create_app(sample_url))


def _ties(client, entity, **extra):
    params = {"entity": entity, "expand": entity, "events": "false", **extra}
    response = client.get("/api/graph", params=params)
    assert response.status_code == 200
    return [e for e in response.json()["edges"] if e["kind"] == "relation"]


def test_the_default_threshold_is_published(client):
    assert client.get("/api/types").json()["default_min_confidence"] == DEFAULT_CONFIDENCE


def test_ties_below_the_threshold_are_hidden_by_default(client):
    top = [e["id"] for e in client.get("/api/overview").json()["most_connected"]]
    lowered_any = False
    for entity in top:
        shown, every = _ties(client, entity), _ties(client, entity, min_confidence=0)
        assert {e["id"] for e in shown} <= {e["id"] for e in every}
        assert all(e["confidence"] is None or e["confidence"] >= DEFAULT_CONFIDENCE
                   for e in shown)
        lowered_any |= len(every) > len(shown)
    assert lowered_any


def test_an_edge_carries_its_confidence(client):
    entity = client.get("/api/overview").json()["most_connected"][0]["id"]
    tie = _ties(client, entity, min_confidence=0)[0]
    edge = client.get(f"/api/edges/{tie['id']}").json()
    assert 0 <= edge["confidence"] <= 1
    assert all("confidence" in e for e in edge["evidence"])


@pytest.mark.parametrize("bad", ["-0.1", "1.5", "high"])
def test_a_threshold_outside_zero_to_one_is_refused(client, bad):
    entity = client.get("/api/overview").json()["most_connected"][0]["id"]
    assert client.get("/api/graph", params={"entity": entity,
                                            "min_confidence": bad}).status_code == 422


def test_event_links_follow_the_threshold(client):
    top = [e["id"] for e in client.get("/api/overview").json()["most_connected"]]
    for entity in top:
        params = {"entity": entity, "expand": entity}
        shown = [e for e in client.get("/api/graph", params=params).json()["edges"]
                 if e["kind"] == "event"]
        every = [e for e in client.get("/api/graph", params=params | {"min_confidence": 0})
                 .json()["edges"] if e["kind"] == "event"]
        assert {e["id"] for e in shown} <= {e["id"] for e in every}
        assert all(e["confidence"] is None or e["confidence"] >= DEFAULT_CONFIDENCE
                   for e in shown)
        assert all(0 <= e["confidence"] <= 1 for e in every)
