"""Full-text search: SQLite FTS5 (LIKE when FTS5 is missing), PostgreSQL tsvector/ILIKE."""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, text
from sqlalchemy.sql.elements import ColumnElement

from linkchart.names.normalise import strip_accents
from linkchart.store.schema import documents
from linkchart.store.search_terms import fts_query, tokens, ts_query


class Search:
    def __init__(self, dialect: str, fts: bool):
        self.dialect = dialect
        self.fts = fts

    def index_entity(self, conn: Connection, num: int, entity_id: str, names: str) -> None:
        if self.fts:
            conn.execute(text("DELETE FROM entities_fts WHERE rowid = :num"), {"num": num})
            conn.execute(text("INSERT INTO entities_fts (rowid, entity_id, names) "
                              "VALUES (:num, :id, :names)"),
                         {"num": num, "id": entity_id, "names": names})

    def unindex_entity(self, conn: Connection, num: int) -> None:
        if self.fts:
            conn.execute(text("DELETE FROM entities_fts WHERE rowid = :num"), {"num": num})

    def index_document(self, conn: Connection, document_id: str, title: str | None,
                       body: str) -> None:
        if self.fts:
            conn.execute(text("INSERT INTO documents_fts (document_id, title, body) "
                              "VALUES (:id, :title, :body)"),
                         {"id": document_id, "title": title or "", "body": body})

    def unindex_document(self, conn: Connection, document_id: str) -> None:
        if self.fts:
            conn.execute(text("DELETE FROM documents_fts WHERE document_id = :id"),
                         {"id": document_id})

    def document_ranking(self, conn: Connection, query: str, limit: int) -> list[str]:
        """Ids of the documents whose title or text matches, best first."""
        words = tokens(query)
        if not words:
            return []
        if self.fts:
            rows = conn.execute(text(
                "SELECT document_id FROM documents_fts WHERE documents_fts MATCH :q "
                "ORDER BY rank LIMIT :limit"), {"q": fts_query(query), "limit": limit})
            return [r[0] for r in rows]
        body = func.coalesce(documents.c.title, "") + " " + documents.c.text
        if self.dialect == "postgresql":
            vector = func.to_tsvector("simple", body)
            tsq = func.to_tsquery("simple", ts_query(words))
            stmt = (documents.select().with_only_columns(documents.c.id)
                    .where(vector.op("@@")(tsq))
                    .order_by(func.ts_rank(vector, tsq).desc(), documents.c.id))
        else:
            stmt = (documents.select().with_only_columns(documents.c.id)
                    .where(_like_all(body, words)).order_by(documents.c.id))
        return [r[0] for r in conn.execute(stmt.limit(limit))]


def _like_all(column, words: list[str]) -> ColumnElement[bool]:
    return and_(*(column.icontains(w, autoescape=True) for w in words))


def snippet(body: str, query: str, width: int = 160) -> str:
    """A window of `body` around the first word of the query found in it."""
    folded = strip_accents(body).casefold()
    if len(folded) != len(body):
        folded = body.casefold()
    hits = [folded.find(w) for w in tokens(query)]
    hits = [h for h in hits if h >= 0]
    at = min(hits) if hits else 0
    start = max(0, at - width // 3)
    if start:
        start = body.find(" ", start, at) + 1 or start
    end = min(len(body), start + width)
    return ("…" if start else "") + body[start:end].strip() + ("…" if end < len(body) else "")
