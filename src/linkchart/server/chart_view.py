"""The chart as drawn, for the view's exports and its printable report.

A view is what /api/graph answers for the chart's parameters: the actors on screen and
the links among them, no more (an export of the actors' facts would bring in every other
end of their ties, and their events as nodes). Exported as linkchart-view/1 JSON (the
actors, the links with every quote, the documents and outlets they rest on), GEXF,
GraphML, or Gephi's nodes.csv/edges.csv in a .zip: actors are nodes, links are edges
(an event link is an edge of kind `event`), so the file has as many nodes as the screen.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from linkchart import __version__
from linkchart.analyze.selection import Selection
from linkchart.export import gexf, graphml
from linkchart.export.common import day_end, day_start
from linkchart.export.csv_tables import gephi_zip
from linkchart.export.network import Edge, Node
from linkchart.server import views
from linkchart.store import Store

VIEW_FORMAT = "linkchart-view/1"
FORMATS = {"json": ("application/json", "json"), "gexf": ("application/gexf+xml", "gexf"),
           "graphml": ("application/graphml+xml", "graphml"),
           "csv": ("application/zip", "zip")}
NODE_ATTRIBUTES = (("kind", "string"), ("type", "string"), ("documents", "integer"),
                   ("hand_made", "boolean"), ("expanded", "boolean"))
EDGE_ATTRIBUTES = (("kind", "string"), ("type", "string"), ("sources", "integer"),
                   ("weak", "boolean"), ("negated", "boolean"), ("directed", "boolean"),
                   ("confidence", "double"), ("first_date", "string"),
                   ("last_date", "string"), ("evidence", "string"), ("hand_made", "boolean"))
QUOTE_SEPARATOR = " | "


def chart_view(store: Store, focus: list[str], expand: list[str], filters: Selection,
               hide: list[str], limit: int, title: str | None = None) -> dict[str, Any]:
    """The actors and links on screen for these parameters, each link with its evidence,
    and the documents and outlets they rest on."""
    shown = views.graph(store, focus, expand, filters, hide, limit)
    full = {e["id"]: e for e in views.graph(store, focus, expand, filters, hide, limit,
                                             evidence=True)["edges"]}
    edges = []
    for lean in shown["edges"]:
        found = full.get(lean["id"]) or views.edge(store, lean["id"], filters)
        edges.append((found or lean) | {k: lean[k] for k in ("sources", "weak") if k in lean})
    documents = _documents(store, edges)
    return {"format": VIEW_FORMAT, "title": title or default_title(shown["nodes"]),
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "linkchart": __version__, "filters": _filters(filters),
            "nodes": shown["nodes"], "edges": edges, "documents": documents,
            "outlets": _outlets(edges)}


def default_title(nodes: list[dict[str, Any]]) -> str:
    asked = [n["name"] for n in nodes if n.get("asked")] or [n["name"] for n in nodes]
    if not asked:
        return "An empty chart"
    names = ", ".join(asked[:3]) + (f" and {len(asked) - 3} more" if len(asked) > 3 else "")
    return f"Link chart: {names}"


def _filters(filters: Selection) -> dict[str, Any]:
    return {"entity_types": filters.entity_types, "relation_types": filters.relation_types,
            "event_types": filters.event_types, "date_from": filters.date_from,
            "date_to": filters.date_to, "min_sources": filters.min_sources,
            "min_confidence": filters.min_confidence, "events": filters.events}


def _evidence(edge: dict[str, Any]) -> list[dict[str, Any]]:
    return edge.get("evidence") or []


def _documents(store: Store, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cited = Counter(e["document"] for edge in edges for e in _evidence(edge))
    headers = store.document_headers(cited)
    listed = [headers[d] | {"quotes": n} for d, n in cited.items() if d in headers]
    return sorted(listed, key=lambda d: (d["published"] or "", d["id"]))


def _outlets(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each outlet the links rest on, with how many of the links cite it."""
    links: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    for edge in edges:
        named = set()
        for e in _evidence(edge):
            outlet = e.get("outlet") or "unknown outlet"
            named.add(outlet)
            documents.setdefault(outlet, set()).add(e["document"])
        links.update(named)
    return [{"outlet": o, "links": n, "documents": len(documents[o])}
            for o, n in sorted(links.items(), key=lambda item: (-item[1], item[0]))]


# ------------------------------------------------------------------ as a network

def network(view: dict[str, Any]) -> tuple[list[Node], list[Edge]]:
    nodes = [Node(n["id"], " ".join(n["name"].split()), day_start(n.get("first_seen")),
                  day_end(n.get("last_seen")), _present({
                      "kind": "entity", "type": n["type"], "documents": n.get("documents"),
                      "hand_made": bool(n.get("hand_made")),
                      "expanded": bool(n.get("expanded"))}))
             for n in view["nodes"]]
    edges = [Edge(e["id"], e["source"], e["target"], _edge_label(e), bool(e.get("directed")),
                  float(e.get("sources") or 1), day_start(e.get("first_date")),
                  day_end(e.get("last_date")), _present({
                      "kind": e["kind"], "type": e["type"], "sources": e.get("sources"),
                      "weak": bool(e.get("weak")), "negated": bool(e.get("negated")),
                      "directed": bool(e.get("directed")), "confidence": e.get("confidence"),
                      "first_date": e.get("first_date"), "last_date": e.get("last_date"),
                      "hand_made": bool(e.get("hand_made")),
                      "evidence": QUOTE_SEPARATOR.join(q["text"] for q in _evidence(e))}))
             for e in view["edges"]]
    return nodes, edges


def _edge_label(edge: dict[str, Any]) -> str:
    return f"not {edge['type']}" if edge.get("negated") else edge["type"]


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def write(view: dict[str, Any], format: str) -> bytes:
    """The view as the bytes of one file of `format` (FORMATS)."""
    if format == "json":
        return json.dumps(view, ensure_ascii=False, indent=1).encode()
    nodes, edges = network(view)
    if format == "csv":
        return gephi_zip(nodes, edges, NODE_ATTRIBUTES, EDGE_ATTRIBUTES)
    if format == "gexf":
        tree = gexf.build_network(nodes, edges, NODE_ATTRIBUTES, EDGE_ATTRIBUTES,
                                  view["title"])
    else:
        tree = graphml.build_network(nodes, edges, NODE_ATTRIBUTES, EDGE_ATTRIBUTES)
    buffer = io.BytesIO()
    tree.write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue()
