"""The ties of a selection, counted in SQL where the selection allows it."""

from __future__ import annotations

from typing import Any

from linkchart.analyze.selection import Selection
from linkchart.store.tie_shapes import count_sources


def needs_evidence(selection: Selection) -> bool:
    """Whether the selection filters single pieces of evidence (then counted in Python)."""
    return bool(selection.outlets or selection.sources or selection.documents is not None
                or selection.min_confidence is not None)


def selected_ties(store, selection: Selection) -> list[dict[str, Any]]:
    """Ties with sources, anonymous_only, evidence_count, first_date and last_date."""
    if not needs_evidence(selection):
        found = store.ties(None, selection.relation_types or None, selection.date_from,
                           selection.date_to, selection.min_sources)
    else:
        found = []
        for tie in store.relations_kept(selection.relation_types or None,
                                        selection.date_from, selection.date_to,
                                        selection.keeps_evidence):
            kinds = [(e.get("attribution") or {}).get("source_kind") for e in tie["evidence"]]
            found.append(tie | {"sources": count_sources(tie["evidence"]),
                                "anonymous_only": all(k == "anonymous" for k in kinds),
                                "evidence_count": len(tie["evidence"])})
        found = [t for t in found if t["sources"] >= selection.min_sources]
    return [t for t in found if selection.keeps_type(t["source_type"])
            and selection.keeps_type(t["target_type"])]
