"""The store: SQLAlchemy Core on SQLite or PostgreSQL, behind a repository API.

Store, NoResolver and AddResult are imported on first use, so that the SQLAlchemy-free
modules of this package (linkchart.store.light and what it reads with) load without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linkchart.store.repository import NoResolver, Store
    from linkchart.store.writer import AddResult

__all__ = ["AddResult", "NoResolver", "Store"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "NoResolver"):
        from linkchart.store import repository

        return getattr(repository, name)
    if name == "AddResult":
        from linkchart.store.writer import AddResult

        return AddResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
