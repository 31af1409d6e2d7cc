"""PLOVER event records, one JSON object a line (the fields of the PLOVER manual's JSON
table, as POLECAT uses them from 2023): id, date/enddate, actor and recipient entity
objects, event, mode (PLOVER's vocabulary only), event_loc with coordinates, event_text,
quad_code, size, text_info, cite_info, coder, comment."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from linkchart import __version__
from linkchart.export.common import day_end, day_start, published
from linkchart.export.places import locate
from linkchart.wordlists import load_yaml

RULES = load_yaml(Path(__file__).parent / "data" / "plover.yaml")


def plover_mode(event_type: str, mode: str | None) -> str | None:
    """Our mode in PLOVER's vocabulary for this event type, or None."""
    if not mode:
        return None
    mapped = RULES["mode_map"].get(event_type, {}).get(mode, mode)
    return mapped if mapped in RULES["modes"][event_type] else None


def _actor(entity: dict[str, Any] | None, entity_id: str) -> dict[str, Any]:
    if entity is None:
        return {"entity_text": entity_id, "identifier_id": entity_id}
    return {"entity_text": entity["name"], "identifier_id": entity["id"],
            "identifier_text": entity["name"], "entity_type": entity["type"]}


def record(v: dict[str, Any], entities: dict[str, dict[str, Any]],
           documents: dict[str, dict[str, Any]], dates: dict[str, str | None]
           ) -> dict[str, Any]:
    evidence = v["evidence"][0]
    doc = documents.get(evidence["document"], {})
    when = v.get("date") or dates.get(evidence["document"])
    mode = plover_mode(v["type"], v.get("mode"))
    notes = []
    if v.get("mode") and mode is None:
        notes.append(f"mode outside PLOVER's vocabulary: {v['mode']}")
    if not v.get("date"):
        notes.append("date: the article's publication date")
    elif day_start(when) != day_end(when):
        notes.append(f"date known to the {'month' if len(when) == 7 else 'year'}: {when}")
    found = {
        "id": f"{evidence['document']}-{v['id']}", "has_event": True,
        "date": day_start(when), "enddate": day_end(when),
        "actor": [_actor(entities.get(a), a) for a in v["actors"]],
        "recipient": [_actor(entities.get(a), a) for a in v["recipients"]],
        "event": [v["type"]], "mode": [mode] if mode else [], "context": [],
        "quad_code": RULES["quad"][v["type"]],
        "event_text": [evidence["text"]], "text": evidence["text"],
        "size": {"dead": v.get("fatalities"), "injured": v.get("injured")},
        "text_info": {"start": evidence["start"], "end": evidence["end"]},
        "cite_info": {"corpus": "linkchart", "citation": evidence["document"],
                      "url": doc.get("url"), "title": doc.get("title"),
                      "publication": doc.get("outlet"), "language": "en",
                      "coder": f"linkchart {__version__}", "codebook": RULES["codebook"]},
        "coder": f"linkchart {__version__}",
    }
    place = entities.get(v.get("location")) if v.get("location") else None
    if place is not None:
        found["event_loc"] = locate(place["name"])
    if v.get("confidence") is not None:
        found["confidence"] = v["confidence"]
    if notes:
        found["comment"] = "; ".join(notes)
    return found


def records(corpus: dict[str, Any]) -> list[dict[str, Any]]:
    entities = {e["id"]: e for e in corpus["entities"]}
    documents = {d["id"]: d for d in corpus["documents"]}
    dates = published(corpus)
    return [record(v, entities, documents, dates) for v in corpus["events"]
            if v.get("date") or dates.get(v["evidence"][0]["document"])]


def write(corpus: dict[str, Any], stream: BinaryIO) -> dict[str, int]:
    """Writes the records; an event with no date of its own in an undated article is
    left out (PLOVER requires a date), and counted."""
    found = records(corpus)
    for item in found:
        stream.write(json.dumps(item, ensure_ascii=False).encode("utf-8"))
        stream.write(b"\n")
    return {"events": len(found), "undated events left out": len(corpus["events"]) - len(found)}
