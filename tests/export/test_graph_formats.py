"""GEXF and GraphML opened the way their users open them: the official GEXF 1.3 XSD,
and networkx (the reader most scripts use; Gephi and yEd read the same attributes)."""

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from linkchart.export import export
from linkchart.model import UNDIRECTED_RELATIONS

GEXF = "{http://gexf.net/1.3}"
XSD = Path(__file__).parent / "data" / "gexf-1.3" / "gexf.xsd"
nx = pytest.importorskip("networkx")


def values(element):
    return {v.get("for"): v.get("value") for v in element.iter(f"{GEXF}attvalue")}


@pytest.fixture
def gexf_file(loaded, tmp_path):
    out = tmp_path / "chart.gexf"
    export(loaded, "gexf", out)
    return out


def test_gexf_is_valid_against_the_official_xsd(gexf_file):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.parse(str(gexf_file))
    assert schema.validate(document), schema.error_log
    broken = etree.fromstring(gexf_file.read_bytes())
    broken.find(f".//{GEXF}edge").set("type", "sideways")
    assert not schema.validate(broken)


def test_gexf_content(loaded, gexf_file):
    graph = ET.parse(gexf_file).getroot().find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    corpus = loaded.corpus()
    assert set(nodes) == {e["id"] for e in corpus["entities"]} | {v["id"] for v in
                                                                   corpus["events"]}
    company = next(n for n in nodes.values() if n.get("label").startswith("Smith"))
    assert company.get("label") == 'Smith & Sons <Ltd> "Holdings"'
    assert values(company)["type"] == "company" and values(company)["kind"] == "entity"
    assert values(nodes["E1"])["stable_id"] == "armed_group:northern shield brigade"
    assert (company.get("start"), company.get("end")) == ("2022-02-01", "2022-02-28")
    assault = nodes["V1"]
    assert values(assault)["kind"] == "event" and values(assault)["type"] == "ASSAULT"
    assert (assault.get("start"), assault.get("end")) == ("2021-02-28", "2021-02-28")
    edges = list(graph.iter(f"{GEXF}edge"))
    relations = [e for e in edges if values(e)["kind"] == "relation"]
    assert len(relations) == len(corpus["relations"])
    for edge in relations:
        attrs = values(edge)
        assert edge.get("label") == attrs["type"]
        assert float(edge.get("weight")) == int(attrs["sources"]) >= 1
        assert edge.get("type") == ("mutual" if attrs["type"] in UNDIRECTED_RELATIONS
                                    else "directed")
        assert date.fromisoformat(edge.get("start")) <= date.fromisoformat(edge.get("end"))
    backing = next(e for e in edges if e.get("id") == "supports:E2:E1")
    assert (backing.get("start"), backing.get("end")) == ("2021-03-01", "2021-04-10")
    roles = {(e.get("source"), e.get("target"), values(e)["kind"]) for e in edges
             if "V1" in (e.get("source"), e.get("target"))}
    assert roles == {("E1", "V1", "actor"), ("V1", "E3", "recipient"), ("V1", "E4", "location")}


def test_networkx_reads_the_gexf(loaded, gexf_file):
    graph = nx.read_gexf(gexf_file)
    corpus = loaded.corpus()
    assert graph.is_directed()
    assert graph.nodes["E1"]["label"] == "Northern Shield Brigade"
    assert graph.nodes["V1"]["kind"] == "event"
    undirected = [r for r in corpus["relations"] if r["type"] in UNDIRECTED_RELATIONS]
    assert undirected, "the sample should hold an undirected relation"
    for r in undirected:
        assert graph.has_edge(r["source"], r["target"]) and graph.has_edge(r["target"],
                                                                           r["source"])
    backing = graph["E2"]["E1"]["supports:E2:E1"]
    assert backing["type"] == "supports" and backing["weight"] == 2.0
    assert (backing["start"], backing["end"]) == ("2021-03-01", "2021-04-10")


def test_graphml_with_labels_and_direction(loaded, tmp_path):
    out = tmp_path / "chart.graphml"
    export(loaded, "graphml", out)
    graph = nx.read_graphml(out)
    corpus = loaded.corpus()
    assert graph.is_directed()
    assert graph.nodes["E1"]["label"] == "Northern Shield Brigade"
    assert graph.nodes["E1"]["aliases"] == "Brigade; Northern-Shield Brigade; NSB"
    assert graph.nodes["V1"]["kind"] == "event"
    assert any(d["label"] == 'Smith & Sons <Ltd> "Holdings"' for _, d in graph.nodes(data=True))
    relations = {d["relation"] for _, _, d in graph.edges(data=True) if d["kind"] == "relation"}
    assert len(relations) == len(corpus["relations"])
    for source, target, data in graph.edges(data=True):
        if data["kind"] != "relation":
            continue
        assert data["directed"] == (data["type"] not in UNDIRECTED_RELATIONS)
        assert data["weight"] == data["sources"] and data["label"] == data["type"]
        if not data["directed"]:
            assert graph.has_edge(target, source)
    root = ET.parse(out).getroot()
    assert all(e.get("directed") == "true" for e in root.iter(
        "{http://graphml.graphdrawing.org/xmlns}edge"))


def test_confidence_is_exported_where_the_store_has_it(loaded, tmp_path, monkeypatch):
    corpus = loaded.corpus(detail=True)
    for number, relation in enumerate(corpus["relations"]):
        relation["confidence"] = 0.5 + number / 100
    corpus["events"][0]["confidence"] = 0.9
    monkeypatch.setattr(loaded, "corpus", lambda detail=False: corpus)
    export(loaded, "gexf", tmp_path / "chart.gexf")
    graph = nx.read_gexf(tmp_path / "chart.gexf")
    backing = graph["E2"]["E1"]["supports:E2:E1"]
    expected = next(r["confidence"] for r in corpus["relations"]
                    if (r["type"], r["source"], r["target"]) == ("supports", "E2", "E1"))
    assert backing["confidence"] == pytest.approx(expected)
    assert graph.nodes["V1"]["confidence"] == pytest.approx(0.9)
    export(loaded, "json", tmp_path / "chart.json")
    assert json.loads((tmp_path / "chart.json").read_text("utf-8"))["events"][0][
        "confidence"] == 0.9
