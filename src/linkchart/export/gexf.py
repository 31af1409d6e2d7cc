"""GEXF 1.3 (Gephi): entities as nodes, relations as edges, with time intervals."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any, BinaryIO

from linkchart.export.common import day_end, day_start, edge_key, evidence_span, published
from linkchart.model import UNDIRECTED_RELATIONS

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NODE_ATTRIBUTES = (("type", "string"), ("aliases", "string"), ("documents", "integer"))
EDGE_ATTRIBUTES = (("type", "string"), ("sources", "integer"), ("negated", "boolean"),
                   ("evidence", "string"))


def _attributes(graph: ET.Element, kind: str, spec) -> None:
    block = ET.SubElement(graph, "attributes", {"class": kind, "mode": "static"})
    for name, value_type in spec:
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": value_type})


def _values(parent: ET.Element, values: dict[str, Any]) -> None:
    block = ET.SubElement(parent, "attvalues")
    for key, value in values.items():
        text = str(value).lower() if isinstance(value, bool) else str(value)
        ET.SubElement(block, "attvalue", {"for": key, "value": text})


def _interval(element: ET.Element, first: str | None, last: str | None) -> None:
    if first:
        element.set("start", day_start(first))
    if last:
        element.set("end", day_end(last))


def build(corpus: dict[str, Any]) -> ET.ElementTree:
    root = ET.Element("gexf", {"xmlns": NS, "xmlns:xsi": XSI, "version": "1.3",
                               "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "linkchart"
    ET.SubElement(meta, "description").text = "Actors and ties reported in news articles"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "dynamic",
                                          "timeformat": "date"})
    _attributes(graph, "node", NODE_ATTRIBUTES)
    _attributes(graph, "edge", EDGE_ATTRIBUTES)
    nodes = ET.SubElement(graph, "nodes")
    for e in corpus["entities"]:
        node = ET.SubElement(nodes, "node", {"id": e["id"], "label": e["name"]})
        _interval(node, e["first_seen"], e["last_seen"])
        _values(node, {"type": e["type"], "aliases": "; ".join(e["aliases"]),
                       "documents": len(e["documents"])})
    dates = published(corpus)
    edges = ET.SubElement(graph, "edges")
    for r in corpus["relations"]:
        edge = ET.SubElement(edges, "edge", {
            "id": edge_key(r), "source": r["source"], "target": r["target"],
            "label": r["type"], "kind": r["type"], "weight": str(float(r["sources"])),
            "type": "undirected" if r["type"] in UNDIRECTED_RELATIONS else "directed"})
        _interval(edge, *evidence_span(r, dates))
        _values(edge, {"type": r["type"], "sources": r["sources"], "negated": r["negated"],
                       "evidence": " | ".join(e["text"] for e in r["evidence"])})
    ET.indent(root)
    return ET.ElementTree(root)


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    build(corpus).write(stream, encoding="utf-8", xml_declaration=True)
