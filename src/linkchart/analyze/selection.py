"""One `Selection` of the store that the web views, the exports and every analysis share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from linkchart.store.dates import in_range
from linkchart.store.outlets import outlet_key

SOURCE_KINDS = {"named": {"named_person", "named_org"}, "anonymous": {"anonymous"}}
"""What `sources` keeps: facts credited to a named source, or to an anonymous one."""


@dataclass
class Selection:
    """A part of the store: types, a period, how well sourced and how likely a fact must
    be, some outlets, named or anonymous sources, some documents, some entities. A list
    left empty or None keeps everything (except `entity_ids` and `documents`, where only
    None does: an empty list keeps nothing)."""

    entity_types: list[str] | None = None
    relation_types: list[str] | None = None
    event_types: list[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_sources: int = 1
    """Independent outlets at least."""
    min_confidence: float | None = None
    """Facts without a confidence (a store before confidences) are kept."""
    outlets: list[str] | None = None
    sources: str | None = None
    """"named" or "anonymous": keep only evidence credited to such a source."""
    documents: list[str] | None = None
    entity_ids: list[str] | None = None
    """Keep the facts that involve at least one of these entities."""
    events: bool = True
    """The chart draws events (actor to recipient) as links beside relations."""

    def __post_init__(self) -> None:
        for name in ("entity_types", "relation_types", "event_types", "outlets"):
            if not getattr(self, name):
                setattr(self, name, None)
        if self.sources is not None and self.sources not in SOURCE_KINDS:
            raise ValueError(f"sources must be one of {sorted(SOURCE_KINDS)}, "
                             f"not {self.sources!r}")

    def store_args(self) -> dict[str, Any]:
        """The arguments the store's relation primitives take."""
        return {"entity_types": self.entity_types or None,
                "relation_types": self.relation_types or None,
                "date_from": self.date_from, "date_to": self.date_to,
                "min_sources": self.min_sources, "min_confidence": self.min_confidence}

    def keeps_type(self, entity_type: str | None) -> bool:
        return not self.entity_types or entity_type in self.entity_types

    def keeps_document(self, document: str, outlet: str | None = None,
                       published: str | None = None) -> bool:
        if self.documents is not None and document not in set(self.documents):
            return False
        if self.outlets and outlet_key(outlet) not in {outlet_key(o) for o in self.outlets}:
            return False
        return in_range(published, self.date_from, self.date_to)

    def keeps_confidence(self, confidence: float | None) -> bool:
        return self.min_confidence is None or confidence is None \
            or confidence >= self.min_confidence

    def keeps_source(self, source_kind: str | None) -> bool:
        """Unattributed evidence is the reporter's own, and counts as named."""
        if self.sources is None:
            return True
        return (source_kind or "named_org") in SOURCE_KINDS[self.sources]

    def keeps_evidence(self, evidence: dict[str, Any]) -> bool:
        """One piece of a fact's evidence as the store gives it (document, outlet,
        published, attribution, and confidence where the store has one)."""
        credited = evidence.get("attribution") or {}
        return (self.keeps_document(evidence["document"], evidence.get("outlet"),
                                    evidence.get("published"))
                and self.keeps_source(credited.get("source_kind") or evidence.get("source_kind"))
                and self.keeps_confidence(evidence.get("confidence")))

    def involves(self, entity_ids: Iterable[str | None]) -> bool:
        return self.entity_ids is None or bool(set(self.entity_ids) & set(entity_ids))
