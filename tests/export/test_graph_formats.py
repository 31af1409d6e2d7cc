import xml.etree.ElementTree as ET
from datetime import date

from linkchart.export import export
from linkchart.model import UNDIRECTED_RELATIONS

GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_gexf(loaded, tmp_path):
    out = tmp_path / "chart.gexf"
    export(loaded, "gexf", out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    declared = {(block.get("class"), a.get("id"))
                for block in graph.findall(f"{GEXF}attributes")
                for a in block.findall(f"{GEXF}attribute")}
    assert {("node", "type"), ("edge", "type"), ("edge", "sources")} <= declared
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    corpus = loaded.corpus()
    assert set(nodes) == {e["id"] for e in corpus["entities"]}
    company = next(n for n in nodes.values() if n.get("label").startswith("Smith"))
    assert company.get("label") == 'Smith & Sons <Ltd> "Holdings"'
    assert values(company)["type"] == "company"
    assert (company.get("start"), company.get("end")) == ("2022-02-01", "2022-02-28")
    edges = list(graph.iter(f"{GEXF}edge"))
    assert len(edges) == len(corpus["relations"])
    for edge in edges:
        attrs = values(edge)
        assert edge.get("source") in nodes and edge.get("target") in nodes
        assert edge.get("kind") == attrs["type"] == edge.get("label")
        assert float(edge.get("weight")) == int(attrs["sources"]) >= 1
        assert edge.get("type") == ("undirected" if attrs["type"] in UNDIRECTED_RELATIONS
                                    else "directed")
        assert date.fromisoformat(edge.get("start")) <= date.fromisoformat(edge.get("end"))
    backing = next(e for e in edges if e.get("id") == "supports:E2:E1")
    assert (backing.get("start"), backing.get("end")) == ("2021-03-01", "2021-04-10")
    assert values(backing)["sources"] == "2"


def values(element):
    return {v.get("for"): v.get("value") for v in element.iter(f"{GEXF}attvalue")}


def test_graphml(loaded, tmp_path):
    out = tmp_path / "chart.graphml"
    export(loaded, "graphml", out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{GRAPHML}graphml"
    keys = {k.get("id"): k for k in root.findall(f"{GRAPHML}key")}
    graph = root.find(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"
    casts = {"string": str, "int": int, "double": float, "boolean": {"true", "false"}.__contains__}
    nodes = {}
    for node in graph.findall(f"{GRAPHML}node"):
        data = {}
        for d in node.findall(f"{GRAPHML}data"):
            key = keys[d.get("key")]
            assert key.get("for") == "node"
            casts[key.get("attr.type")](d.text or "")
            data[key.get("attr.name")] = d.text
        nodes[node.get("id")] = data
    assert nodes["E1"]["name"] == "Northern Shield Brigade"
    assert nodes["E1"]["aliases"] == "Brigade; Northern-Shield Brigade; NSB"
    assert any(n["name"] == 'Smith & Sons <Ltd> "Holdings"' for n in nodes.values())
    edges = graph.findall(f"{GRAPHML}edge")
    assert len(edges) == len(loaded.corpus()["relations"])
    for edge in edges:
        data = {keys[d.get("key")].get("attr.name"): d.text for d in edge.findall(f"{GRAPHML}data")}
        assert edge.get("source") in nodes and edge.get("target") in nodes
        assert (data["directed"] == "false") == (data["type"] in UNDIRECTED_RELATIONS)
        assert float(data["weight"]) == int(data["sources"])
        assert data["negated"] in {"true", "false"}
