"""The whole store as one linkchart-corpus/1 object (FORMAT.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from linkchart.model import CORPUS_FORMAT
from linkchart.store.graph import relation_list
from linkchart.store.hand_made import hand_made, hand_made_links
from linkchart.store.queries import all_attributions, event_list, header
from linkchart.store.schema import doc_entities, documents, entities


def corpus(conn: Connection, detail: bool = False) -> dict[str, Any]:
    """With `detail`, facts also carry what the corpus form leaves out: relation roles and
    hedging, event mode, date_text, injured and attribution."""
    seen_in: dict[str, set[str]] = {}
    for entity_id, doc_id in conn.execute(select(doc_entities.c.entity_id,
                                                 doc_entities.c.document_id)):
        if entity_id:
            seen_in.setdefault(entity_id, set()).add(doc_id)
    made = hand_made(conn)
    links = hand_made_links(conn)
    return {
        "format": CORPUS_FORMAT,
        "documents": [header(r) for r in conn.execute(
            select(documents.c.id, documents.c.title, documents.c.outlet,
                   documents.c.published, documents.c.url).order_by(documents.c.id))],
        "entities": [
            {"id": r.id, "name": r.name, "type": r.type, "aliases": r.aliases,
             "documents": sorted(seen_in.get(r.id, ())), "first_seen": r.first_seen,
             "last_seen": r.last_seen} | ({"hand_made": True} if r.id in made else {})
            for r in conn.execute(select(entities).order_by(entities.c.num))],
        "relations": [_marked(_relation(g, detail), links.get(g["id"]))
                      for g in relation_list(conn)],
        "events": [_event(v, detail) for v in event_list(conn, None, None, None, None)],
        "attributions": all_attributions(conn),
    }


def _relation(group: dict[str, Any], detail: bool) -> dict[str, Any]:
    evidence = []
    for e in group["evidence"]:
        item = {"document": e["document"], "text": e["text"], "start": e["start"],
                "end": e["end"], "attribution": e["attribution"] and e["attribution"]["id"]}
        evidence.append(item | ({"role": e["role"], "hedged": e["hedged"]} if detail else {}))
    found = {"type": group["type"], "source": group["source"], "target": group["target"],
             "negated": group["negated"], "sources": group["sources"], "evidence": evidence}
    return found | ({"roles": group["roles"]} if detail else {})


def _marked(relation: dict[str, Any], made: dict[str, Any] | None) -> dict[str, Any]:
    """A relation that holds a quote added by hand says so, and so does that quote."""
    if not made:
        return relation
    quotes = set(made["quotes"])
    for e in relation["evidence"]:
        if (e["document"], e["text"]) in quotes:
            e["hand_made"] = True
    return relation | {"hand_made": True}


def _event(event: dict[str, Any], detail: bool) -> dict[str, Any]:
    found = {"id": event["id"], "type": event["type"], "date": event["date"],
             "location": event["location"], "actors": event["actors"],
             "recipients": event["recipients"], "fatalities": event["fatalities"],
             "evidence": [{"document": event["document"], "text": event["evidence"],
                           "start": event["start"], "end": event["end"]}]}
    if detail:
        found |= {"mode": event["mode"], "date_text": event["date_text"],
                  "injured": event["injured"],
                  "attribution": event["attribution"] and event["attribution"]["id"]}
    return found
