"""The shape every analysis returns: a finding with its summary, entities and evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

EVIDENCE_KEYS = ("document", "text", "start", "end", "source_text", "source_kind")


class AnalysisError(ValueError):
    """An analysis asked for with what it cannot work on."""


def finding(kind: str, summary: str, entities: Iterable[dict[str, Any]],
            evidence: Iterable[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    """A finding: `entities` once each (by id, else by name), evidence once each."""
    seen, people = set(), []
    for e in entities:
        key = e.get("id") or e.get("name")
        if key and key not in seen:
            seen.add(key)
            people.append({"id": e.get("id"), "name": e.get("name"), "type": e.get("type")})
    quotes, spans = [], set()
    for e in evidence:
        span = (e["document"], e.get("start"), e.get("end"), e.get("text"))
        if span not in spans:
            spans.add(span)
            quotes.append({k: e.get(k) for k in EVIDENCE_KEYS}
                          | {k: e[k] for k in ("outlet", "published") if k in e})
    return {"kind": kind, "summary": summary, "entities": people, "evidence": quotes} | fields


def relation_evidence(relation: dict[str, Any]) -> list[dict[str, Any]]:
    """A stored relation's evidence in the findings' shape."""
    found = []
    for e in relation["evidence"]:
        credited = e.get("attribution") or {}
        found.append({"document": e["document"], "text": e["text"], "start": e["start"],
                      "end": e["end"],
                      "source_text": credited.get("source_text") or e.get("outlet"),
                      "source_kind": credited.get("source_kind") or "outlet",
                      "outlet": e.get("outlet"), "published": e.get("published")})
    return found
