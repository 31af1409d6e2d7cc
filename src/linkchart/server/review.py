"""Analyst judgements from the UI: checked, recorded in the store, and applied when entity
resolution offers `linkchart.resolve.apply_judgements(store)`.

Payloads (the store keeps them as given):
  merge     {"entities": ["E1", "E3"]}            the first id is the one kept
  not_same  {"entities": ["E1", "E3"]}
  split     {"entity": "E1", "documents": ["doc-id", ...]}
  retype    {"entity": "E1", "type": "armed_group"}
  rename    {"entity": "E1", "name": "Kataib Hezbollah"}
  reject    {"relation": "supports:E2:E1"} (an edge id), {"event": "V9"} or
            {"events": ["V9", "V12"]} (the events behind one link of the chart)
  add_fact  anything the resolution work defines
"""

from __future__ import annotations

import importlib
from typing import Any

from linkchart.model import ENTITY_TYPES
from linkchart.store import Store


def _applier():
    try:
        module = importlib.import_module("linkchart.resolve")
    except ImportError:
        return None
    return getattr(module, "apply_judgements", None)


def applies() -> bool:
    """Whether recorded judgements change the chart now (resolution has landed)."""
    return _applier() is not None


def check(store: Store, kind: str, payload: dict[str, Any]) -> None:
    """Refuse a judgement that names entities the store does not hold, or is malformed."""
    def entity(value) -> None:
        if not isinstance(value, str) or store.entity(value) is None:
            raise ValueError(f"no such entity: {value!r}")

    if kind in ("merge", "not_same"):
        ids = payload.get("entities")
        if not isinstance(ids, list) or len(set(map(str, ids))) < 2:
            raise ValueError(f"{kind} needs at least two different entities")
        for value in ids:
            entity(value)
    elif kind in ("split", "retype", "rename"):
        entity(payload.get("entity"))
        if kind == "retype" and payload.get("type") not in ENTITY_TYPES:
            raise ValueError(f"retype needs a type among: {', '.join(ENTITY_TYPES)}")
        if kind == "rename" and not str(payload.get("name") or "").strip():
            raise ValueError("rename needs a name")
    elif kind == "reject":
        events = payload.get("events")
        if not (isinstance(payload.get("relation") or payload.get("event"), str)
                or (isinstance(events, list) and events and all(isinstance(e, str) for e in events))):
            raise ValueError('reject needs {"relation": edge id}, {"event": event id} or '
                             '{"events": [event ids]}')


def record(store: Store, kind: str, payload: dict[str, Any],
           author: str | None = None) -> dict[str, Any]:
    check(store, kind, payload)
    judgement_id = store.add_judgement(kind, payload, author)
    apply = _applier()
    if apply is not None:
        apply(store)
    return {"id": judgement_id, "kind": kind, "payload": payload, "author": author,
            "applied": apply is not None}
