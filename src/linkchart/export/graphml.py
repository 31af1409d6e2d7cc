"""GraphML: entities as nodes, relations as edges, attributes as typed keys.

Every edge is directed (edgedefault); an undirected relation type carries
`directed=false` as data rather than as the edge attribute, since common readers
(networkx among them) refuse graphs that mix the two."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, BinaryIO

from linkchart.export.common import edge_key, evidence_span, published
from linkchart.model import UNDIRECTED_RELATIONS

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
NODE_KEYS = (("name", "string"), ("type", "string"), ("aliases", "string"),
             ("documents", "int"), ("first_seen", "string"), ("last_seen", "string"))
EDGE_KEYS = (("type", "string"), ("sources", "int"), ("weight", "double"),
             ("negated", "boolean"), ("directed", "boolean"), ("first_date", "string"),
             ("last_date", "string"), ("evidence", "string"))


def _data(parent: ET.Element, prefix: str, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value is not None:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(parent, "data", {"key": f"{prefix}_{key}"}).text = text


def build(corpus: dict[str, Any]) -> ET.ElementTree:
    root = ET.Element("graphml", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA})
    for prefix, owner, keys in (("n", "node", NODE_KEYS), ("e", "edge", EDGE_KEYS)):
        for name, value_type in keys:
            ET.SubElement(root, "key", {"id": f"{prefix}_{name}", "for": owner,
                                        "attr.name": name, "attr.type": value_type})
    graph = ET.SubElement(root, "graph", {"id": "linkchart", "edgedefault": "directed"})
    for e in corpus["entities"]:
        node = ET.SubElement(graph, "node", {"id": e["id"]})
        _data(node, "n", {"name": e["name"], "type": e["type"],
                          "aliases": "; ".join(e["aliases"]), "documents": len(e["documents"]),
                          "first_seen": e["first_seen"], "last_seen": e["last_seen"]})
    dates = published(corpus)
    for r in corpus["relations"]:
        edge = ET.SubElement(graph, "edge", {"id": edge_key(r), "source": r["source"],
                                             "target": r["target"]})
        first, last = evidence_span(r, dates)
        _data(edge, "e", {"type": r["type"], "sources": r["sources"],
                          "weight": float(r["sources"]), "negated": r["negated"],
                          "directed": r["type"] not in UNDIRECTED_RELATIONS,
                          "first_date": first, "last_date": last,
                          "evidence": " | ".join(e["text"] for e in r["evidence"])})
    ET.indent(root)
    return ET.ElementTree(root)


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    build(corpus).write(stream, encoding="utf-8", xml_declaration=True)
