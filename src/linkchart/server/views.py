"""What the web UI shows, composed from the store's repository API (no SQL here)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from linkchart.analyze.selection import Selection
from linkchart.store import Store
from linkchart.store.graph import confident, corroborated, count_sources

MAX_EVENTS = 2000
DEFAULT_LIMIT = 100
"""Neighbours shown per expanded actor, best sourced first."""
CARD_LIMIT = 200
"""Ties (best sourced first), events, statements and documents listed on an entity's card."""


def anonymous_only(evidence: Iterable[dict[str, Any]]) -> bool:
    """Every piece of evidence is credited to an unnamed source."""
    kinds = [(e.get("attribution") or {}).get("source_kind") for e in evidence]
    return bool(kinds) and all(kind == "anonymous" for kind in kinds)


def relation_edge(edge: dict[str, Any]) -> dict[str, Any]:
    """A relation with its evidence as a chart edge; an `anonymous_only` the store already
    counted over all the evidence (a card sends only the first quotes) is kept."""
    anonymous = edge["anonymous_only"] if "anonymous_only" in edge \
        else anonymous_only(edge["evidence"])
    return edge | {"kind": "relation", "anonymous_only": anonymous,
                   "weak": edge["sources"] < 2 or anonymous}


def tie_edge(tie: dict[str, Any]) -> dict[str, Any]:
    """A lean tie of the store (counted without its evidence) as a chart edge: the same
    as `lean(relation_edge(relation))` for the relation with its evidence."""
    return tie | {"kind": "relation", "weak": tie["sources"] < 2 or tie["anonymous_only"]}


def lean(edge: dict[str, Any]) -> dict[str, Any]:
    """An edge without its evidence (fetch it from /api/edges/{id}): what a chart draws."""
    found = {k: v for k, v in edge.items() if k not in ("evidence", "documents")}
    found["evidence_count"] = len(edge["evidence"])
    found["document_count"] = len(edge.get("documents") or ())
    return found


def mentions(edge: dict[str, Any]) -> int:
    """How many pieces of evidence an edge rests on, lean or not."""
    return len(edge["evidence"]) if "evidence" in edge else edge["evidence_count"]


def strongest(found: dict[str, list[dict[str, Any]]], centre: str, limit: int,
              hidden: set[str] = frozenset()) -> tuple[dict[str, dict[str, Any]], int]:
    """The centre and its `limit` best-sourced neighbours (nearest first), and how many
    neighbours there were in all."""
    strength: dict[str, tuple[int, int]] = {}
    for edge in found["edges"]:
        told = mentions(edge)
        for end in (edge["source"], edge["target"]):
            sources, said = strength.get(end, (0, 0))
            strength[end] = (sources + edge["sources"], said + told)
    others = [n for n in found["nodes"] if n["id"] != centre and n["id"] not in hidden]
    others.sort(key=lambda n: (n.get("depth", 1), [-x for x in strength.get(n["id"], (0, 0))]))
    kept = [n for n in found["nodes"] if n["id"] == centre] + others[:limit]
    total = max(len(others), found.get("neighbours", 0) - len(hidden))
    return {n["id"]: n for n in kept}, total


def _edges_among(found: Iterable[dict[str, Any]], nodes: dict[str, Any]
                 ) -> Iterable[dict[str, Any]]:
    return (e for e in found if e["source"] in nodes and e["target"] in nodes)


def neighbourhood(store: Store, entity_id: str, depth: int, filters: Selection,
                  limit: int = DEFAULT_LIMIT, evidence: bool = False) -> dict[str, Any]:
    found = store.neighbourhood(entity_id, depth, limit=limit, evidence=evidence,
                                **filters.store_args())
    nodes, total = strongest(found, entity_id, limit)
    shape = relation_edge if evidence else tie_edge
    return {"nodes": list(nodes.values()),
            "edges": [shape(e) for e in _edges_among(found["edges"], nodes)],
            "neighbours": total, "truncated": total > len(nodes) - 1}


def graph(store: Store, focus: list[str], expand: list[str], filters: Selection,
          hide: Iterable[str] = (), limit: int = DEFAULT_LIMIT, evidence: bool = False
          ) -> dict[str, Any]:
    """The chart of some entities: those asked for, and the best-sourced `limit` neighbours
    of each expanded one (less the hidden ones), with the links among them that pass the
    filters. Links between the neighbours of two different expanded actors are drawn when
    the store's neighbourhood of one of them holds both ends."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    hidden = set(hide) - set(focus) - set(expand)
    truncated: dict[str, dict[str, int]] = {}
    found_edges: list[dict[str, Any]] = []
    for entity_id in dict.fromkeys(expand):
        found = store.neighbourhood(entity_id, 1, limit=limit + len(hidden),
                                    evidence=evidence, **filters.store_args())
        kept, total = strongest(found, entity_id, limit, hidden)
        if total > len(kept) - 1:
            truncated[entity_id] = {"neighbours": total, "shown": len(kept) - 1}
        nodes.update(kept)
        found_edges.extend(found["edges"])
    for entity_id in dict.fromkeys([*focus, *expand]):
        if entity_id not in nodes:
            entity = store.entity(entity_id)
            if entity:
                nodes[entity_id] = entity
    lone = [i for i in dict.fromkeys(focus) if i in nodes and i not in expand]
    if lone:
        args = filters.store_args()
        args.pop("entity_types")
        types = args.pop("relation_types")
        if evidence:
            found_edges.extend(store.relations(entity_ids=lone, types=types, **args))
        else:  # only the ties drawn: a hub asked for has thousands
            found_edges.extend(store.ties(entity_ids=lone, types=types, among=set(nodes),
                                          **args))
    shape = relation_edge if evidence else tie_edge
    for edge in _edges_among(found_edges, nodes):
        edges[edge["id"]] = shape(edge)
    if filters.events:
        for edge in event_edges(store, [e for e in expand if e in nodes], filters, nodes,
                                hidden, limit, lean=not evidence):
            edges[edge["id"]] = edge
    mark_hand_made(store, edges.values())
    asked = set(focus) | set(expand)
    made = store.hand_made()
    for node in nodes.values():
        node["expanded"] = node["id"] in expand
        node["asked"] = node["id"] in asked
        node["hand_made"] = node["id"] in made
        node.pop("depth", None)
    shown = list(edges.values()) if evidence else [
        lean(e) if "evidence" in e else e for e in edges.values()]
    return {"nodes": list(nodes.values()), "edges": shown, "truncated": truncated}


def mark_hand_made(store: Store, edges: Iterable[dict[str, Any]]) -> None:
    """Links holding a relation added by hand get `hand_made` (who added it and when), and
    so do the quotes of theirs that were added by hand."""
    links = store.hand_made_links()
    for found in edges:
        made = links.get(found["id"]) if found["kind"] == "relation" else None
        found["hand_made"] = None if made is None else {
            "author": made["author"], "created_at": made["created_at"]}
        if found["kind"] == "relation":
            quotes = set(made["quotes"]) if made else set()
            for e in found.get("evidence") or ():
                e["hand_made"] = (e["document"], e["text"]) in quotes


def edge(store: Store, edge_id: str, filters: Selection) -> dict[str, Any] | None:
    """One link of the chart with all its evidence, by its id (a relation's
    `type:source:target[:not]`, or an event link's `event:TYPE:actor:recipient`)."""
    parts = edge_id.split(":")
    if parts[0] == "event" and len(parts) == 4:
        _, kind, actor, recipient = parts
        groups: dict[str, dict[str, Any]] = {}
        for event in store.events(actor, [kind], filters.date_from, filters.date_to):
            if actor in event["actors"] and recipient in event["recipients"]:
                _add_event(groups, event, actor, recipient)
        found = groups.get(edge_id)
        if found is None:
            return None
        nodes = {i: store.entity(i) for i in (actor, recipient)}
        return _finish_event(found, nodes)
    if len(parts) in (3, 4):
        for found in store.relations([parts[1]], [parts[0]], filters.date_from,
                                     filters.date_to):
            if found["id"] == edge_id:
                shown = relation_edge(found)
                mark_hand_made(store, [shown])
                return shown
    return None


def event_edges(store: Store, expand: list[str], filters: Selection,
                nodes: dict[str, dict[str, Any]], hidden: set[str] = frozenset(),
                limit: int = DEFAULT_LIMIT, lean: bool = False) -> list[dict[str, Any]]:
    """Events drawn as links from each actor to each recipient, one link per (PLOVER type,
    actor, recipient), where one end is expanded; at most `limit` new ends, best-sourced
    links first, join `nodes`. `lean` links are counted without the events' text (a chart
    draws them; their evidence is read when one is opened): without a period, in SQL."""
    counted = lean and not (filters.date_from or filters.date_to)
    links = _counted_links(store, expand, filters, hidden) if counted \
        else _read_links(store, expand, filters, hidden, lean)
    kinds = set(filters.entity_types or ())
    ranked = sorted(links, key=lambda e: (-e["sources"], -e["evidence_count"], e["id"]))
    # the ends' types, where they are to be kept or not (one look-up, not one per end)
    types = store.entity_types({end for edge in ranked for end in (edge["source"],
                                                                    edge["target"])
                                if end not in nodes}) if kinds else {}
    chosen, joining = [], {}
    for edge in ranked:
        if edge["sources"] < filters.min_sources or not confident(
                edge["confidence"], filters.min_confidence):
            continue
        missing = [end for end in (edge["source"], edge["target"])
                   if end not in nodes and end not in joining]
        if missing and len(joining) >= limit:
            continue
        if kinds and any(types.get(end) not in kinds for end in missing):
            continue
        joining.update(dict.fromkeys(missing))
        chosen.append(edge)
    # only the ends that join are read whole (with their counts), in the order they join
    known = store.entities_by_id(joining)
    nodes.update((end, known[end]) for end in joining if end in known)
    return [_finish_counted(edge, nodes) if counted else _finish_event(edge, nodes)
            for edge in chosen]


def _read_links(store: Store, expand: list[str], filters: Selection, hidden: set[str],
                lean: bool) -> list[dict[str, Any]]:
    """The links with their evidence, read event by event (each event once, for the
    first expanded actor that takes part in it)."""
    groups: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    read = store.event_links if lean else store.events
    for entity_id in expand:
        for event in read(entity_id, filters.event_types or None, filters.date_from,
                          filters.date_to):
            if event["id"] in seen:
                continue
            seen.add(event["id"])
            for actor in event["actors"]:
                for recipient in event["recipients"]:
                    if (actor != recipient and entity_id in (actor, recipient)
                            and actor not in hidden and recipient not in hidden):
                        _add_event(groups, event, actor, recipient)
    for edge in groups.values():
        edge["sources"] = count_sources(edge["evidence"])
        edge["evidence_count"] = len(edge["evidence"])
        edge["confidence"] = corroborated(edge["evidence"])
    return list(groups.values())


def _counted_links(store: Store, expand: list[str], filters: Selection, hidden: set[str]
                   ) -> list[dict[str, Any]]:
    """The links as `_read_links` gives them, lean, from the store's counts per link and
    outlet (`Store.event_link_counts`)."""
    links: dict[str, dict[str, Any]] = {}
    for row in store.event_link_counts(expand, filters.event_types or None, hidden):
        key = f"event:{row['type']}:{row['actor']}:{row['recipient']}"
        link = links.setdefault(key, {
            "id": key, "kind": "event", "type": row["type"], "source": row["actor"],
            "target": row["recipient"], "negated": False, "directed": True,
            "source_name": None, "target_name": None, "sources": 0, "best": [],
            "evidence_count": 0, "document_count": 0, "anonymous": 0, "dates": []})
        link["sources"] += 1
        link["evidence_count"] += row["mentions"]
        link["document_count"] += row["documents"]
        link["anonymous"] += row["anonymous"]
        link["dates"] += [d for d in (row["first_date"], row["last_date"]) if d]
        if row["best"] is not None:
            link["best"].append(row["best"])
    for link in links.values():
        best = link.pop("best")
        link["confidence"] = round(1 - math.prod(1 - c for c in best), 4) if best else None
    return list(links.values())


def _finish_counted(edge: dict[str, Any], nodes: dict[str, dict[str, Any] | None]
                    ) -> dict[str, Any]:
    """A counted link (`_counted_links`) as `lean(_finish_event(...))` gives it."""
    for end in ("source", "target"):
        node = nodes.get(edge[end]) or {}
        edge[f"{end}_type"] = node.get("type")
        edge[f"{end}_name"] = node.get("name")
    edge["anonymous_only"] = edge.pop("anonymous") == edge["evidence_count"]
    edge["weak"] = edge["sources"] < 2 or edge["anonymous_only"]
    dated = sorted(edge.pop("dates"))
    edge["first_date"], edge["last_date"] = (dated[0], dated[-1]) if dated else (None, None)
    return edge


def _finish_event(edge: dict[str, Any], nodes: dict[str, dict[str, Any] | None]
                  ) -> dict[str, Any]:
    edge["sources"] = count_sources(edge["evidence"])
    for end in ("source", "target"):
        node = nodes.get(edge[end]) or {}
        edge[f"{end}_type"] = node.get("type")
        edge[f"{end}_name"] = edge[f"{end}_name"] or node.get("name")  # lean: no names
    edge["anonymous_only"] = anonymous_only(edge["evidence"])
    edge["weak"] = edge["sources"] < 2 or edge["anonymous_only"]
    dated = sorted(e["date"] for e in edge["evidence"] if e["date"])
    edge["first_date"], edge["last_date"] = (dated[0], dated[-1]) if dated else (None, None)
    edge["documents"] = sorted({e["document"] for e in edge["evidence"]})
    edge["confidence"] = corroborated(edge["evidence"])
    return edge


def _add_event(groups: dict[str, dict[str, Any]], event: dict[str, Any], actor: str,
               recipient: str) -> None:
    key = f"event:{event['type']}:{actor}:{recipient}"
    names = event.get("names") or {}
    edge = groups.setdefault(key, {
        "id": key, "kind": "event", "type": event["type"], "source": actor,
        "target": recipient, "negated": False, "directed": True,
        "source_name": names.get(actor), "target_name": names.get(recipient), "evidence": []})
    edge["evidence"].append({
        "document": event["document"], "text": event.get("evidence"),
        "start": event.get("start"), "end": event.get("end"), "outlet": event["outlet"],
        "published": event["published"], "attribution": event["attribution"],
        "event": event["id"], "mode": event.get("mode"),
        "date": event["date"] or event["published"], "date_text": event.get("date_text"),
        "location": event.get("location"), "location_name": names.get(event.get("location")),
        "fatalities": event.get("fatalities"), "injured": event.get("injured"),
        "hedged": False, "confidence": event.get("confidence")})


def events(store: Store, entity_ids: list[str], types: list[str], date_from: str | None,
           date_to: str | None, limit: int) -> dict[str, Any]:
    """Events of some entities (or all), oldest first, each once."""
    if entity_ids:
        found: dict[str, dict[str, Any]] = {}
        for entity_id in dict.fromkeys(entity_ids):
            for event in store.events(entity_id, types or None, date_from, date_to):
                found.setdefault(event["id"], event)
        listed = sorted(found.values(), key=lambda e: (e["date"] or e["published"] or "9999",
                                                       e["id"]))
    else:
        listed = store.events(None, types or None, date_from, date_to)
    return {"total": len(listed), "events": listed[:limit]}


def card(store: Store, entity_id: str, limit: int = CARD_LIMIT) -> dict[str, Any] | None:
    """An entity's card, with how many documents and independent outlets report it; each
    list holds at most `limit` items (the best-sourced ties first), `totals` says how
    many there are."""
    found = store.entity_card(entity_id, limit)
    if found is None:
        return None
    found["relations"] = [relation_edge(r) for r in found["relations"]]
    mark_hand_made(store, found["relations"])
    found["hand_made"] = store.hand_made().get(entity_id)
    totals = found["totals"]
    found["corroboration"] = {"documents": totals["documents"], "outlets": totals["outlets"],
                              "relations": totals["relations"], "events": totals["events"],
                              "statements": totals["attributions"]}
    return found


def overview(store: Store, top: int) -> dict[str, Any]:
    stats = store.stats(top=top)
    return {"stats": stats, "most_connected": stats.pop("top_entities"),
            "most_reported": store.entities(limit=top)}


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its extracted items; global entity names beside local ids."""
    found = store.document(doc_id)
    if found is None:
        return None
    names = {e["id"]: e["name"] for e in found["entities"]}
    for event in found["events"]:
        event["names"] = {i: names.get(i) for i in [*event["actors"], *event["recipients"],
                                                     event.get("location_local")] if i}
    return found
