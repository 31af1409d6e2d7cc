"""Independent outlets: outlet names compared stripped and casefolded."""

from __future__ import annotations


def outlet_key(outlet: str | None) -> str | None:
    """The name two documents share when they come from one outlet; None when the
    document names none (it then counts as an outlet of its own)."""
    return (outlet or "").strip().casefold() or None
