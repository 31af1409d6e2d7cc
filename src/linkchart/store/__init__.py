"""The store: SQLAlchemy Core on SQLite or PostgreSQL, behind a repository API."""

from linkchart.store.repository import NoResolver, Store
from linkchart.store.writer import AddResult

__all__ = ["AddResult", "NoResolver", "Store"]
