"""One count of a tie (one per type, ends and negation, as the exports write them) on
every surface of one store: the home page, search, the card, the JSON export and
`linkchart stats`, before and after a judgement, on both backends."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from chart_fixture import chart
from linkchart.resolve import resolve
from live import test_client


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def chart_store(request, tmp_path):
    """The written chart in a store of its own: its URL."""
    from linkchart.store import Store
    from postgres_databases import postgres_available, temporary_database

    if request.param == "sqlite":
        url = str(tmp_path / "chart.db")
    else:
        if not postgres_available():
            pytest.skip("PostgreSQL is not reachable")
        database = temporary_database()
        url = database.__enter__()
        request.addfinalizer(lambda: database.__exit__(None, None, None))
    with Store.open(url, resolver=resolve) as store:
        store.add_extractions(chart())
    return url


def exported(url: str) -> list[dict]:
    from linkchart.export import export
    from linkchart.store import Store

    out = io.BytesIO()
    with Store.open(url) as store:
        export(store, "json", out)
    return json.loads(out.getvalue())["relations"]


def cli_stats(url: str) -> dict:
    from linkchart.cli import app

    result = CliRunner().invoke(app, ["stats", "--json", "--top", "100", "--db", url])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def per_entity(relations: list[dict]) -> dict[str, int]:
    found: dict[str, int] = {}
    for r in relations:
        for end in {r["source"], r["target"]}:
            found[end] = found.get(end, 0) + 1
    return found


def assert_every_surface_agrees(url: str) -> None:
    from linkchart.server.api import create_app

    relations = exported(url)
    expected = per_entity(relations)
    api = test_client(create_app(url))
    home = api.get("/api/overview", params={"top": 100}).json()
    assert home["stats"]["ties"] == sum(home["stats"]["relations"].values()) == len(relations)
    assert {e["id"]: e["degree"] for e in home["most_connected"]} == expected
    stats = cli_stats(url)
    assert stats["ties"] == sum(stats["relations"].values()) == len(relations)
    assert {e["id"]: e["degree"] for e in stats["top_entities"]} == expected
    for entity in api.get("/api/entities", params={"limit": 200}).json():
        found = api.get("/api/entities", params={"q": entity["name"]}).json()
        searched = next(e for e in found if e["id"] == entity["id"])
        card = api.get(f"/api/entities/{entity['id']}", params={"limit": 5000}).json()
        ties = expected.get(entity["id"], 0)
        assert searched["relations"] == entity["relations"] == ties
        assert card["totals"]["relations"] == card["corroboration"]["relations"] == ties
        assert len(card["relations"]) == ties


def test_every_surface_counts_ties_alike(chart_store):
    assert_every_surface_agrees(chart_store)
    assert len(exported(chart_store)) > 5


def test_and_still_after_a_merge_and_a_rejection(chart_store):
    from linkchart.store import Store

    with Store.open(chart_store, resolver=resolve) as store:
        top = [e["id"] for e in store.stats(top=2)["top_entities"]]
        store.merge(top)
        tie = store.ties()[0]
        store.reject_relation(tie["id"])
    assert_every_surface_agrees(chart_store)
    left = {(r["type"], r["source"], r["target"], r["negated"]) for r in exported(chart_store)}
    assert (tie["type"], tie["source"], tie["target"], tie["negated"]) not in left
