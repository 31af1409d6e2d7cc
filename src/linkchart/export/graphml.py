"""GraphML (yEd, Gephi, networkx, Cytoscape): entities and events as nodes with a
`label` key, relations and event roles as edges with their own `directed` attribute.

An undirected relation type becomes a mutual pair of directed edges (both carrying
`directed=false` as data and the relation's id as `relation`), because common readers,
networkx among them, refuse a graph that mixes directed and undirected edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, BinaryIO

from linkchart.export.network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Edge, Node, network

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
TYPES = {"string": "string", "integer": "int", "double": "double", "boolean": "boolean"}


def _data(parent: ET.Element, prefix: str, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value is not None:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(parent, "data", {"key": f"{prefix}_{key}"}).text = text


def _edges(graph: ET.Element, edge: Edge) -> None:
    ends = [(edge.source, edge.target)]
    if not edge.directed:
        ends.append((edge.target, edge.source))
    for number, (source, target) in enumerate(ends):
        element = ET.SubElement(graph, "edge", {
            "id": edge.id + (":reverse" if number else ""), "source": source,
            "target": target, "directed": "true"})
        _data(element, "e", {"label": edge.label, "weight": edge.weight,
                             "relation": edge.id} | edge.data)


def build(corpus: dict[str, Any]) -> ET.ElementTree:
    return build_network(*network(corpus))


def build_network(nodes: list[Node], edges: list[Edge], node_attributes=NODE_ATTRIBUTES,
                  edge_attributes=EDGE_ATTRIBUTES) -> ET.ElementTree:
    """Any network of Nodes and Edges whose data are the attributes named."""
    root = ET.Element("graphml", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA})
    node_keys = (("label", "string"), *node_attributes)
    edge_keys = (("label", "string"), ("weight", "double"), ("relation", "string"),
                 *edge_attributes)
    for prefix, owner, keys in (("n", "node", node_keys), ("e", "edge", edge_keys)):
        for name, value_type in keys:
            ET.SubElement(root, "key", {"id": f"{prefix}_{name}", "for": owner,
                                        "attr.name": name, "attr.type": TYPES[value_type]})
    graph = ET.SubElement(root, "graph", {"id": "linkchart", "edgedefault": "directed"})
    for node in nodes:
        element = ET.SubElement(graph, "node", {"id": node.id})
        _data(element, "n", {"label": node.label} | node.data)
    for edge in edges:
        _edges(graph, edge)
    ET.indent(root)
    return ET.ElementTree(root)


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    build(corpus).write(stream, encoding="utf-8", xml_declaration=True)
