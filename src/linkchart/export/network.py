"""The chart as one network for the graph formats (GEXF, GraphML, Gephi CSV, Neo4j):
entities and events are nodes; relations are edges between entities, and each event
is tied to its actors, recipients and place.

Undirected relation types (allied_with, affiliated_with, ...) are `directed=False`;
writers that cannot mix directions in one graph write them as a mutual pair.

Ids (E17, V3) are the store's counters. Every node and edge also has a `stable_id` from
what it is (an entity's type and normalised name, an event's article, span and type, a
relation's type and ends), the same in exports of two stores, so that charts can be
loaded side by side (the Cypher export MERGEs on it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linkchart.export.common import day_end, day_start, edge_key, evidence_span, published
from linkchart.model import UNDIRECTED_RELATIONS
from linkchart.names.normalise import name_key

LIST = "; "

# (name, value type) of the attributes a node or an edge may carry, in writing order.
NODE_ATTRIBUTES = (("stable_id", "string"), ("kind", "string"), ("type", "string"), ("aliases", "string"),
                   ("documents", "integer"), ("first_seen", "string"), ("last_seen", "string"),
                   ("mode", "string"), ("date", "string"), ("fatalities", "integer"),
                   ("injured", "integer"), ("evidence", "string"), ("document", "string"),
                   ("confidence", "double"), ("hand_made", "boolean"))
EDGE_ATTRIBUTES = (("stable_id", "string"), ("kind", "string"), ("type", "string"), ("sources", "integer"),
                   ("negated", "boolean"), ("directed", "boolean"), ("roles", "string"),
                   ("first_date", "string"), ("last_date", "string"), ("evidence", "string"),
                   ("confidence", "double"), ("hand_made", "boolean"))


@dataclass
class Node:
    id: str
    label: str
    start: str | None = None
    end: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    """Values of NODE_ATTRIBUTES; None where not known."""


@dataclass
class Edge:
    id: str
    source: str
    target: str
    label: str
    directed: bool = True
    weight: float = 1.0
    start: str | None = None
    end: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def entity_node(e: dict[str, Any]) -> Node:
    return Node(e["id"], " ".join(e["name"].split()), day_start(e["first_seen"]),
                day_end(e["last_seen"]), _present({
                    "kind": "entity", "type": e["type"], "aliases": LIST.join(e["aliases"]),
                    "documents": len(e["documents"]), "first_seen": e["first_seen"],
                    "last_seen": e["last_seen"], "confidence": e.get("confidence"),
                    "hand_made": e.get("hand_made")}))


def event_label(v: dict[str, Any], names: dict[str, str]) -> str:
    who = ", ".join(names.get(a, a) for a in v["actors"][:2])
    return " ".join(p for p in (v["type"], v.get("date") or "", who) if p)


def event_node(v: dict[str, Any], names: dict[str, str], dates: dict[str, str | None]
               ) -> Node:
    evidence = v["evidence"][0]
    when = v.get("date") or dates.get(evidence["document"])
    return Node(v["id"], event_label(v, names), day_start(when), day_end(when), _present({
        "kind": "event", "type": v["type"], "mode": v.get("mode"), "date": v.get("date"),
        "fatalities": v.get("fatalities"), "injured": v.get("injured"),
        "evidence": evidence["text"], "document": evidence["document"],
        "confidence": v.get("confidence")}))


def relation_edge(r: dict[str, Any], dates: dict[str, str | None]) -> Edge:
    first, last = evidence_span(r, dates)
    directed = r["type"] not in UNDIRECTED_RELATIONS
    return Edge(edge_key(r), r["source"], r["target"], r["type"], directed,
                float(r["sources"]), day_start(first), day_end(last), _present({
                    "kind": "relation", "type": r["type"], "sources": r["sources"],
                    "negated": r["negated"], "directed": directed,
                    "roles": LIST.join(r.get("roles") or []), "first_date": first,
                    "last_date": last, "evidence": " | ".join(e["text"] for e in r["evidence"]),
                    "confidence": r.get("confidence"), "hand_made": r.get("hand_made")}))


def event_edges(v: dict[str, Any], node: Node) -> list[Edge]:
    """actor → event, event → recipient, event → place: who did it, to whom, where."""
    ties = [(a, v["id"], "actor") for a in v["actors"]]
    ties += [(v["id"], r, "recipient") for r in v["recipients"]]
    if v.get("location"):
        ties.append((v["id"], v["location"], "location"))
    return [Edge(f"{v['id']}:{kind}:{target if source == v['id'] else source}", source,
                 target, kind, True, 1.0, node.start, node.end, _present({
                     "kind": kind, "type": v["type"], "sources": 1, "negated": False,
                     "directed": True, "first_date": node.data.get("date"),
                     "last_date": node.data.get("date")}))
            for source, target, kind in ties]


def stable_keys(corpus: dict[str, Any]) -> dict[str, str]:
    """Store id -> a key from what the entity or event is."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for e in corpus["entities"]:
        key = f"{e['type']}:{name_key(e['name']) or e['name']}"
        if key in taken:  # two actors the analyst keeps apart under one name
            key = f"{key}#{e['id']}"
        taken.add(key)
        keys[e["id"]] = key
    for v in corpus["events"]:
        evidence = v["evidence"][0]
        keys[v["id"]] = (f"event:{evidence['document']}:{evidence['start']}-"
                         f"{evidence['end']}:{v['type']}")
    return keys


def _keyed(item: Node | Edge, key: str) -> Node | Edge:
    item.data = {"stable_id": key} | item.data
    return item


def _edge_key(edge: Edge, keys: dict[str, str]) -> str:
    negated = ":not" if edge.data.get("negated") else ""
    return f"{edge.label}:{keys[edge.source]}>{keys[edge.target]}{negated}"


def network(corpus: dict[str, Any]) -> tuple[list[Node], list[Edge]]:
    dates = published(corpus)
    names = {e["id"]: e["name"] for e in corpus["entities"]}
    keys = stable_keys(corpus)
    nodes = [entity_node(e) for e in corpus["entities"]]
    edges = [relation_edge(r, dates) for r in corpus["relations"]
             if r["source"] in names and r["target"] in names]
    for v in corpus["events"]:
        node = event_node(v, names, dates)
        nodes.append(node)
        edges += [e for e in event_edges(v, node)
                  if (e.target if e.source == v["id"] else e.source) in names]
    return ([_keyed(n, keys[n.id]) for n in nodes],
            [_keyed(e, _edge_key(e, keys)) for e in edges])
