"""GEXF 1.3 (Gephi, networkx): entities and events as nodes, relations and event roles as
edges, each with its time interval (`mode="dynamic"`, dates), type and weight.

An undirected relation type is written as a `mutual` edge: Gephi and networkx read it as
a tie both ways, where `undirected` in a directed graph is refused by networkx."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any, BinaryIO

from linkchart.export.network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Edge, Node, network

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _attributes(graph: ET.Element, kind: str, spec) -> None:
    block = ET.SubElement(graph, "attributes", {"class": kind, "mode": "static"})
    for name, value_type in spec:
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": value_type})


def _values(parent: ET.Element, values: dict[str, Any]) -> None:
    block = ET.SubElement(parent, "attvalues")
    for key, value in values.items():
        text = str(value).lower() if isinstance(value, bool) else str(value)
        ET.SubElement(block, "attvalue", {"for": key, "value": text})


def _interval(element: ET.Element, start: str | None, end: str | None) -> None:
    if start:
        element.set("start", start)
    if end:
        element.set("end", end)


def _node(parent: ET.Element, node: Node) -> None:
    element = ET.SubElement(parent, "node", {"id": node.id, "label": node.label})
    _interval(element, node.start, node.end)
    _values(element, node.data)


def _edge(parent: ET.Element, edge: Edge) -> None:
    element = ET.SubElement(parent, "edge", {
        "id": edge.id, "source": edge.source, "target": edge.target, "label": edge.label,
        "kind": edge.data["kind"], "weight": str(edge.weight),
        "type": "directed" if edge.directed else "mutual"})
    _interval(element, edge.start, edge.end)
    _values(element, edge.data)


def build(corpus: dict[str, Any]) -> ET.ElementTree:
    return build_network(*network(corpus))


def build_network(nodes: list[Node], edges: list[Edge], node_attributes=NODE_ATTRIBUTES,
                  edge_attributes=EDGE_ATTRIBUTES,
                  description: str = "Actors, ties and events reported in news articles"
                  ) -> ET.ElementTree:
    """Any network of Nodes and Edges whose data are the attributes named."""
    root = ET.Element("gexf", {"xmlns": NS, "xmlns:xsi": XSI, "version": "1.3",
                               "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "linkchart"
    ET.SubElement(meta, "description").text = description
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "dynamic",
                                          "timeformat": "date"})
    _attributes(graph, "node", node_attributes)
    _attributes(graph, "edge", edge_attributes)
    node_block = ET.SubElement(graph, "nodes", {"count": str(len(nodes))})
    for node in nodes:
        _node(node_block, node)
    edge_block = ET.SubElement(graph, "edges", {"count": str(len(edges))})
    for edge in edges:
        _edge(edge_block, edge)
    ET.indent(root)
    return ET.ElementTree(root)


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    build(corpus).write(stream, encoding="utf-8", xml_declaration=True)
