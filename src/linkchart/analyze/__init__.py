"""The analysis layer: one `Selection` shared by the views, the exports and every
analysis; analyses are functions over the store that return findings as plain data
(each with `kind`, `summary`, `entities`, `evidence` and fields of its own)."""

from __future__ import annotations

from typing import Any

from linkchart.analyze.brokers import brokers
from linkchart.analyze.chains import chains, principals
from linkchart.analyze.contradictions import contradictions
from linkchart.analyze.directives import directives
from linkchart.analyze.findings import AnalysisError
from linkchart.analyze.fronts import fronts
from linkchart.analyze.selection import Selection
from linkchart.analyze.sourcing import sourcing

ANALYSES = {"chains": chains, "principals": principals, "directives": directives,
            "fronts": fronts, "contradictions": contradictions, "brokers": brokers,
            "sourcing": sourcing}
KINDS = tuple(ANALYSES)

__all__ = ["ANALYSES", "KINDS", "AnalysisError", "Selection", "analyze"]


def analyze(store, kind: str, selection: Selection | None = None, limit: int = 100,
            entity: str | None = None, tie: str | None = None) -> list[dict[str, Any]]:
    """The findings of one kind of analysis on the selected part of the store."""
    selection = selection or Selection()
    if kind not in ANALYSES:
        raise AnalysisError(f"unknown analysis {kind!r}: one of {', '.join(KINDS)}")
    if kind == "principals":
        if not entity:
            raise AnalysisError("principals needs an entity")
        return principals(store, selection, entity, limit)
    if kind == "sourcing" and tie:
        return sourcing(store, selection, limit, tie=tie)
    return ANALYSES[kind](store, selection, limit)
