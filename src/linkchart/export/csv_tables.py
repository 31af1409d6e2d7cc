"""CSV tables in a folder or a .zip: Gephi-ready nodes.csv and edges.csv, and the
documents, entities, relations, evidence, events and attributions tables.

nodes.csv and edges.csv use the column names Gephi's spreadsheet import knows (Id,
Label, Source, Target, Type = Directed or Undirected, Weight, Interval as
`<[start, end]>`); `Kind` holds what Gephi would otherwise take `type` for: the relation
type, or actor/recipient/location for the ties of an event. With `excel=True` every
file starts with a UTF-8 byte order mark, so Excel shows accents and curly quotes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from linkchart.export.common import edge_key, evidence_span, names, published
from linkchart.export.network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Edge, Node, network

LIST = "; "


def _interval(start: str | None, end: str | None) -> str | None:
    return f"<[{start}, {end or start}]>" if start else None


def gephi_node(node: Node) -> dict[str, Any]:
    return {"Id": node.id, "Label": node.label, "Kind": node.data.get("kind"),
            "Type": node.data.get("type"), "Interval": _interval(node.start, node.end)
            } | node.data


def gephi_edge(edge: Edge) -> dict[str, Any]:
    relation = edge.data["kind"] == "relation"
    return edge.data | {
        "Id": edge.id, "Source": edge.source, "Target": edge.target, "Label": edge.label,
        "Type": "Directed" if edge.directed else "Undirected",
        "Kind": edge.data["type"] if relation else edge.data["kind"],
        "event_type": None if relation else edge.data["type"],
        "Weight": edge.weight, "Interval": _interval(edge.start, edge.end)}


def gephi_tables(corpus: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    nodes, edges = network(corpus)
    return {"nodes": [gephi_node(n) for n in nodes], "edges": [gephi_edge(e) for e in edges]}


def tables(corpus: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    name = names(corpus)
    dates = published(corpus)
    relations, evidence = [], []
    for r in corpus["relations"]:
        first, last = evidence_span(r, dates)
        relations.append({
            "id": edge_key(r), "type": r["type"], "source": r["source"],
            "source_name": name.get(r["source"]), "target": r["target"],
            "target_name": name.get(r["target"]), "negated": r["negated"],
            "sources": r["sources"], "roles": LIST.join(r.get("roles", [])),
            "documents": LIST.join(sorted({e["document"] for e in r["evidence"]})),
            "first_date": first, "last_date": last})
        evidence += [{"relation": edge_key(r), "document": e["document"], "text": e["text"],
                      "start": e["start"], "end": e["end"], "attribution": e["attribution"]}
                     for e in r["evidence"]]
    return {
        "documents": corpus["documents"],
        "entities": [e | {"aliases": LIST.join(e["aliases"]),
                          "documents": LIST.join(e["documents"])} for e in corpus["entities"]],
        "relations": relations,
        "evidence": evidence,
        "events": [{
            "id": v["id"], "type": v["type"], "mode": v.get("mode"), "date": v["date"],
            "location": v["location"], "location_name": name.get(v["location"]),
            "actors": LIST.join(v["actors"]),
            "actor_names": LIST.join(name.get(a, a) for a in v["actors"]),
            "recipients": LIST.join(v["recipients"]),
            "recipient_names": LIST.join(name.get(a, a) for a in v["recipients"]),
            "fatalities": v["fatalities"], "injured": v.get("injured"),
            "document": v["evidence"][0]["document"], "evidence": v["evidence"][0]["text"],
            "start": v["evidence"][0]["start"], "end": v["evidence"][0]["end"]}
            for v in corpus["events"]],
        "attributions": [a | {"source_name": name.get(a["source"])}
                         for a in corpus["attributions"]],
    }


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: str(v).lower() if isinstance(v, bool) else v for k, v in row.items()}
                     for row in rows)
    return buffer.getvalue()


COLUMNS = {
    "nodes": ["Id", "Label", "Kind", "Type", "Interval",
              *(n for n, _ in NODE_ATTRIBUTES if n not in {"kind", "type"})],
    "edges": ["Id", "Source", "Target", "Label", "Type", "Kind", "Weight", "Interval",
              *(n for n, _ in EDGE_ATTRIBUTES if n not in {"kind", "type", "directed"}),
              "event_type"],
    "documents": ["id", "title", "outlet", "published", "url"],
    "entities": ["id", "name", "type", "aliases", "documents", "first_seen", "last_seen"],
    "relations": ["id", "type", "source", "source_name", "target", "target_name", "negated",
                  "sources", "roles", "documents", "first_date", "last_date"],
    "evidence": ["relation", "document", "text", "start", "end", "attribution"],
    "events": ["id", "type", "mode", "date", "location", "location_name", "actors",
               "actor_names", "recipients", "recipient_names", "fatalities", "injured",
               "document", "evidence", "start", "end"],
    "attributions": ["document", "id", "source", "source_name", "source_text", "source_kind",
                     "cue", "content", "direct"],
}


def write(corpus: dict[str, Any], out: Path, excel: bool = False) -> None:
    every = gephi_tables(corpus) | tables(corpus)
    bom = "\ufeff" if excel else ""
    files = {f"{key}.csv": bom + _csv(rows, COLUMNS[key]) for key, rows in every.items()}
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_text(content, encoding="utf-8", newline="")


def gephi_zip(nodes: list[Node], edges: list[Edge], node_attributes=NODE_ATTRIBUTES,
              edge_attributes=EDGE_ATTRIBUTES, excel: bool = False) -> bytes:
    """Gephi's nodes.csv and edges.csv of any network, as the bytes of a .zip."""
    columns = {
        "nodes": ["Id", "Label", "Kind", "Type", "Interval",
                  *(n for n, _ in node_attributes if n not in {"kind", "type"})],
        "edges": ["Id", "Source", "Target", "Label", "Type", "Kind", "Weight", "Interval",
                  *(n for n, _ in edge_attributes if n not in {"kind", "type", "directed"}),
                  "event_type"]}
    rows = {"nodes": [gephi_node(n) for n in nodes], "edges": [gephi_edge(e) for e in edges]}
    bom = "\ufeff" if excel else ""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for key in ("nodes", "edges"):
            archive.writestr(f"{key}.csv", bom + _csv(rows[key], columns[key]))
    return buffer.getvalue()
