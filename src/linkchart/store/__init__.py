"""The store: SQLAlchemy Core on SQLite or PostgreSQL, behind a repository API."""

from linkchart.store.repository import Store
from linkchart.store.writer import AddResult

__all__ = ["AddResult", "Store"]
