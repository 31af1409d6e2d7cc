"""The whole store as one linkchart-corpus/1 object (FORMAT.md): SQL text run through a
`dbapi.Reader`, by the Store and by the light reader alike (`linkchart export`)."""

from __future__ import annotations

from typing import Any

from linkchart.model import CORPUS_FORMAT
from linkchart.store.dbapi import Reader, decoded
from linkchart.store.read_card import header
from linkchart.store.read_events import event_list
from linkchart.store.read_hand_made import hand_made, hand_made_links
from linkchart.store.read_relations import relation_rows_sql
from linkchart.store.tie_shapes import aggregate


def corpus(reader: Reader, detail: bool = False) -> dict[str, Any]:
    """With `detail`, facts also carry what the corpus form leaves out: relation roles and
    hedging, event mode, date_text, injured and attribution."""
    seen_in: dict[str, set[str]] = {}
    for r in reader.rows("SELECT entity_id, document_id FROM doc_entities"):
        if r.entity_id:
            seen_in.setdefault(r.entity_id, set()).add(r.document_id)
    made = hand_made(reader)
    links = hand_made_links(reader)
    return {
        "format": CORPUS_FORMAT,
        "documents": [header(r) for r in reader.rows(
            "SELECT id, title, outlet, published, url FROM documents ORDER BY id")],
        "entities": [
            {"id": r.id, "name": r.name, "type": r.type, "aliases": decoded(r.aliases),
             "documents": sorted(seen_in.get(r.id, ())), "first_seen": r.first_seen,
             "last_seen": r.last_seen} | ({"hand_made": True} if r.id in made else {})
            for r in reader.rows("SELECT * FROM entities ORDER BY num")],
        "relations": [_marked(_relation(g, detail), links.get(g["id"]))
                      for g in aggregate(reader.rows(relation_rows_sql([])))],
        "events": [_event(v, detail) for v in event_list(reader, None, None, None, None)],
        "attributions": attributions(reader),
    }


def attributions(reader: Reader) -> list[dict[str, Any]]:
    """Every attribution, by document (`direct`: a boolean on SQLite too)."""
    return [{"id": r.local_id, "document": r.document_id, "source": r.source_entity,
             "source_text": r.source_text, "source_kind": r.source_kind, "cue": r.cue,
             "content": r.content, "direct": bool(r.direct)}
            for r in reader.rows("SELECT * FROM attributions ORDER BY document_id, id")]
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
