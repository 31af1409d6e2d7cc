"""A part of a corpus to export, chosen by the analysis layer's `Selection`: some
entities, types, documents, outlets or a period."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.analyze.selection import Selection
from linkchart.store.dates import in_range
from linkchart.store.graph import count_sources
from linkchart.store.outlets import outlet_key


def apply(corpus: dict[str, Any], sel: Selection) -> dict[str, Any]:
    outlets = {outlet_key(o) for o in sel.outlets or ()}
    docs = {d["id"]: d for d in corpus["documents"]
            if (sel.documents is None or d["id"] in set(sel.documents))
            and (not outlets or outlet_key(d["outlet"]) in outlets)}
    dated = {i for i, d in docs.items() if in_range(d["published"], sel.date_from, sel.date_to)}
    types = {e["id"]: e["type"] for e in corpus["entities"]}
    focus = set(sel.entity_ids) if sel.entity_ids is not None else None
    kinds = set(sel.entity_types) if sel.entity_types is not None else None

    def typed(entity_id: str | None) -> bool:
        return entity_id is None or kinds is None or types.get(entity_id) in kinds

    def involved(ids: Iterable[str | None]) -> bool:
        return focus is None or bool(focus & set(ids))

    relations = []
    for r in corpus["relations"]:
        evidence = [e for e in r["evidence"] if e["document"] in dated]
        if (not evidence or not typed(r["source"]) or not typed(r["target"])
                or not involved([r["source"], r["target"]])
                or (sel.relation_types is not None and r["type"] not in set(sel.relation_types))):
            continue
        sources = count_sources({"document": e["document"],
                                 "outlet": docs[e["document"]]["outlet"]} for e in evidence)
        if sources >= sel.min_sources:
            relations.append(r | {"evidence": evidence, "sources": sources})
    events = []
    for v in corpus["events"]:
        doc = v["evidence"][0]["document"]
        if (doc in docs and in_range(v["date"] or docs[doc]["published"], sel.date_from,
                                     sel.date_to)
                and (sel.event_types is None or v["type"] in set(sel.event_types))
                and involved([*v["actors"], *v["recipients"], v["location"]])):
            trimmed = v | {"actors": [a for a in v["actors"] if typed(a)],
                           "recipients": [a for a in v["recipients"] if typed(a)],
                           "location": v["location"] if typed(v["location"]) else None}
            if trimmed["actors"] or trimmed["recipients"]:
                events.append(trimmed)
    cited = {(e["document"], e["attribution"]) for r in relations for e in r["evidence"]}
    cited |= {(v["evidence"][0]["document"], v.get("attribution")) for v in events}
    attributions = [a for a in corpus["attributions"] if (a["document"], a["id"]) in cited
                    or (a["document"] in dated and (focus is None or a["source"] in focus))]
    used = {i for r in relations for i in (r["source"], r["target"])}
    used |= {i for v in events for i in [*v["actors"], *v["recipients"], v["location"]] if i}
    used |= {a["source"] for a in attributions if a["source"]}
    used |= focus or set()
    kept_docs = {e["document"] for r in relations for e in r["evidence"]}
    kept_docs |= {v["evidence"][0]["document"] for v in events}
    kept_docs |= {a["document"] for a in attributions}
    if focus is None:
        kept_docs |= dated
    entities = []
    for e in corpus["entities"]:
        seen_in = [d for d in e["documents"] if d in kept_docs]
        if typed(e["id"]) and (e["id"] in used or (focus is None and seen_in)):
            entities.append(e | {"documents": seen_in})
    return corpus | {
        "documents": [d for d in corpus["documents"] if d["id"] in kept_docs],
        "entities": entities, "relations": relations, "events": events,
        "attributions": attributions,
    }
