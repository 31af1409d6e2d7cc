"""Analysts' judgements from the UI and the API, made through the store's judgement API:
each is recorded with its author and time, applied at once, and re-applied by the store
on every later ingest (see docs/review.md).

What POST /api/judgements takes, by kind (entity ids as the chart shows them):
  merge     {"entities": ["E1", "E3", ...]}        all become one (the oldest id stays)
  not_same  {"entities": ["E1", "E3"]}
  split     {"entity": "E1", "names": [...], "documents": [...], "undo": judgement id}
  retype    {"entity": "E1", "type": "armed_group"}
  rename    {"entity": "E1", "name": "Kataib Hezbollah"}
  reject    {"relation": "supports:E2:E1", "document": optional doc id}
            {"event": "V9"} or {"events": ["V9", "V12"]} (the events behind one link)
            {"attribution": "a3", "document": doc id}
  add_fact  {"type": "supports", "source": "E2", "target": "E1", "document": doc id,
             "evidence": an exact passage of the document, "role": ..., "negated": false}
  add_actor {"name": "Harbour Watch", "type": "organization", "aliases": [...]}
            an actor added by hand (refused when one of its kind has the name)
"""

from __future__ import annotations

from typing import Any

from linkchart.store import Store


def _text(payload: dict[str, Any], key: str, required: bool = True) -> str | None:
    value = payload.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"the payload needs {key!r} (a string)")
    return value


def _texts(payload: dict[str, Any], key: str, at_least: int = 0) -> list[str] | None:
    value = payload.get(key)
    if value is None and not at_least:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) \
            or len(set(value)) < at_least:
        raise ValueError(f"the payload needs {key!r}: a list of at least {at_least} "
                         "different strings")
    return value


def _reject(store: Store, payload: dict[str, Any], author: str | None) -> list[dict]:
    if "relation" in payload:
        return [store.reject_relation(_text(payload, "relation"),
                                      _text(payload, "document", False), author)]
    if "event" in payload:
        return [store.reject_event(_text(payload, "event"), author)]
    if "events" in payload:
        return [store.reject_event(e, author) for e in _texts(payload, "events", 1)]
    if "attribution" in payload:
        return [store.reject_attribution(_text(payload, "document"),
                                         _text(payload, "attribution"), author)]
    raise ValueError('reject needs "relation", "event", "events" or "attribution"')


def _split(store: Store, payload: dict[str, Any], author: str | None) -> list[dict]:
    undo = payload.get("undo")
    if undo is not None and not isinstance(undo, int):
        raise ValueError('"undo" is a judgement id (a number)')
    return [store.split(_text(payload, "entity"), _texts(payload, "names"),
                        _texts(payload, "documents"), undo, author)]


def _add_fact(store: Store, payload: dict[str, Any], author: str | None) -> list[dict]:
    return [store.add_fact(_text(payload, "type"), _text(payload, "source"),
                           _text(payload, "target"), _text(payload, "document"),
                           _text(payload, "evidence"), _text(payload, "role", False),
                           bool(payload.get("negated")), author)]


def _add_actor(store: Store, payload: dict[str, Any], author: str | None) -> list[dict]:
    return [store.add_actor(_text(payload, "name"), _text(payload, "type"),
                            _texts(payload, "aliases"), author)]


ACTIONS = {
    "merge": lambda s, p, a: [s.merge(_texts(p, "entities", 2), a)],
    "not_same": lambda s, p, a: [s.not_same(*_pair(p), a)],
    "split": _split,
    "retype": lambda s, p, a: [s.retype(_text(p, "entity"), _text(p, "type"), a)],
    "rename": lambda s, p, a: [s.rename(_text(p, "entity"), _text(p, "name"), a)],
    "reject": _reject,
    "add_fact": _add_fact,
    "add_actor": _add_actor,
}


def _pair(payload: dict[str, Any]) -> list[str]:
    ids = _texts(payload, "entities", 2)
    if len(ids) != 2:
        raise ValueError("not_same takes exactly two entities")
    return ids


def record(store: Store, kind: str, payload: dict[str, Any],
           author: str | None = None) -> list[dict[str, Any]]:
    """Make a judgement now; raise ValueError (the store's JudgementError is one) when it
    names nothing the store holds or is malformed."""
    action = ACTIONS.get(kind)
    if action is None:
        raise ValueError(f"unknown judgement kind {kind!r}; expected one of "
                         f"{', '.join(ACTIONS)}")
    return action(store, payload, author)


DECISIONS = ("merge", "not_same", "skip")


def decide(store: Store, review_id: int, decision: str,
           author: str | None = None) -> dict[str, Any] | None:
    if decision not in DECISIONS:
        raise ValueError(f"decide with one of {', '.join(DECISIONS)}")
    return store.decide(review_id, decision, author)
