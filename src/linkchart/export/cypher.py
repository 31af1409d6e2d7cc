"""A Cypher script that builds the chart in Neo4j (`cypher-shell -f chart.cypher`, or
paste it into Neo4j Browser): one statement a line, each ending in `;`.

Documents are (:Document) nodes; entities are (:Entity) nodes with a second label from
their type (:ArmedGroup, :Person, ...); events are (:Event) nodes tied to their actors
(:ACTOR_IN), recipients (:TARGETED) and place (:LOCATED_AT); relations are typed
relationships (:SUPPORTS, :MEMBER_OF, ...) with their evidence; named sources
(:SAID)-> the document. Statements MERGE on keys made from what a thing is (see
linkchart.export.network), so running a script twice changes nothing and the scripts
of two stores build one graph where they name the same actors."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from linkchart.export.network import Edge, Node, network


def literal(value: Any) -> str:
    """A Cypher literal: strings single-quoted with backslash escapes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    text = json.dumps(str(value), ensure_ascii=False)[1:-1].replace("'", "\\'")
    return f"'{text}'"


def properties(values: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in values.items()
                           if v is not None and v != "") + "}"


def label(name: str) -> str:
    """A type name as a node label (armed_group -> ArmedGroup) or a relationship type
    (member_of -> MEMBER_OF)."""
    return "".join(part.capitalize() for part in name.split("_"))


def node_label(node: Node) -> str:
    return "Event" if node.data["kind"] == "event" else "Entity"


def node_statement(node: Node) -> str:
    kind = node_label(node)
    second = label(node.data["type"].lower()) if kind == "Entity" else label(
        node.data["type"].lower()) + "Event"
    values = {"name": node.label, "id": node.id} | {
        k: v for k, v in node.data.items() if k not in {"kind", "stable_id"}}
    return (f"MERGE (n:{kind} {{key: {literal(node.data['stable_id'])}}}) SET n:{second} "
            f"SET n += {properties(values)};")


def edge_statement(edge: Edge, labels: dict[str, str], keys: dict[str, str]) -> str:
    kind = edge.data["kind"]
    name = {"actor": "ACTOR_IN", "recipient": "TARGETED", "location": "LOCATED_AT"}.get(
        kind) or edge.data["type"].upper()
    values = {k: v for k, v in edge.data.items() if k not in {"kind", "stable_id"}} | {
        "id": edge.id, "weight": edge.weight, "start": edge.start, "end": edge.end}
    return (f"MATCH (a:{labels[edge.source]} {{key: {literal(keys[edge.source])}}}), "
            f"(b:{labels[edge.target]} {{key: {literal(keys[edge.target])}}}) "
            f"MERGE (a)-[r:{name} {{key: {literal(edge.data['stable_id'])}}}]->(b) "
            f"SET r += {properties(values)};")


def document_statements(corpus: dict[str, Any], keys: dict[str, str]) -> list[str]:
    found = [f"MERGE (d:Document {{id: {literal(d['id'])}}}) SET d += {properties(d)};"
             for d in corpus["documents"]]
    for a in corpus["attributions"]:
        if a.get("source") in keys:
            key = f"{a['document']}:{a['id']}"
            values = {k: a[k] for k in ("cue", "content", "direct", "source_text")}
            found.append(f"MATCH (s:Entity {{key: {literal(keys[a['source']])}}}), "
                         f"(d:Document {{id: {literal(a['document'])}}}) "
                         f"MERGE (s)-[r:SAID {{key: {literal(key)}}}]->(d) "
                         f"SET r += {properties(values)};")
    return found


def statements(corpus: dict[str, Any]) -> list[str]:
    nodes, edges = network(corpus)
    labels = {n.id: node_label(n) for n in nodes}
    keys = {n.id: n.data["stable_id"] for n in nodes}
    return ([node_statement(n) for n in nodes]
            + [edge_statement(e, labels, keys) for e in edges]
            + document_statements(corpus, keys))


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    for statement in statements(corpus):
        stream.write(statement.encode("utf-8") + b"\n")
