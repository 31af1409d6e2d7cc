"""Full-text search: SQLite FTS5 (LIKE when FTS5 is missing), PostgreSQL tsvector/ILIKE."""

from __future__ import annotations

import re

from sqlalchemy import Connection, Integer, and_, func, or_, text
from sqlalchemy.sql.elements import ColumnElement

from linkchart.names.normalise import DROPPED, strip_accents
from linkchart.store.schema import documents, entities

TOKEN = re.compile(r"\w+")


def tokens(query: str) -> list[str]:
    return TOKEN.findall(strip_accents(query).casefold())


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

    def entity_match(self, query: str) -> ColumnElement[bool] | None:
        """A condition on `entities` for a search, or None when the query has no words."""
        words = tokens(query)
        if not words:
            return None
        if self.fts:
            fts = text("SELECT rowid FROM entities_fts WHERE entities_fts MATCH :q").bindparams(
                q=_fts_query(query))
            return entities.c.num.in_(fts.columns(rowid=Integer))
        if self.dialect == "postgresql":
            vector = func.to_tsvector("simple", entities.c.search_text)
            return or_(vector.op("@@")(func.to_tsquery("simple", _ts_query(words))),
                       _like_all(entities.c.search_text, words))
        return _like_all(entities.c.search_text, words)

    def document_ranking(self, conn: Connection, query: str, limit: int) -> list[str]:
        """Ids of the documents whose title or text matches, best first."""
        words = tokens(query)
        if not words:
            return []
        if self.fts:
            rows = conn.execute(text(
                "SELECT document_id FROM documents_fts WHERE documents_fts MATCH :q "
                "ORDER BY rank LIMIT :limit"), {"q": _fts_query(query), "limit": limit})
            return [r[0] for r in rows]
        body = func.coalesce(documents.c.title, "") + " " + documents.c.text
        if self.dialect == "postgresql":
            vector = func.to_tsvector("simple", body)
            tsq = func.to_tsquery("simple", _ts_query(words))
            stmt = (documents.select().with_only_columns(documents.c.id)
                    .where(vector.op("@@")(tsq))
                    .order_by(func.ts_rank(vector, tsq).desc(), documents.c.id))
        else:
            stmt = (documents.select().with_only_columns(documents.c.id)
                    .where(_like_all(body, words)).order_by(documents.c.id))
        return [r[0] for r in conn.execute(stmt.limit(limit))]


def _fts_query(query: str) -> str:
    """Each whitespace-separated term as prefix phrases, split at and joined over
    apostrophes: "Kata'ib" -> ("kata ib"* OR "kataib"*)."""
    terms = []
    for term in query.split():
        forms = dict.fromkeys(" ".join(tokens(t)) for t in (term, DROPPED.sub("", term)))
        forms.pop("", None)
        if len(forms) > 1:
            terms.append("(" + " OR ".join(f'"{f}"*' for f in forms) + ")")
        elif forms:
            terms.append(f'"{next(iter(forms))}"*')
    return " AND ".join(terms)


def _ts_query(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


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
