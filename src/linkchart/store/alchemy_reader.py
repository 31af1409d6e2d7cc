"""A `dbapi.Reader` over a SQLAlchemy connection: the Store runs the `read_*` queries,
written once as SQL text, through it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text


class AlchemyReader:
    def __init__(self, conn: Connection, fts: bool = False):
        self.conn = conn
        self.dialect = conn.dialect.name
        self.fts = fts

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list:
        return self.conn.execute(text(sql), params or {}).all()

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        return self.conn.execute(text(sql), params or {}).scalar()
