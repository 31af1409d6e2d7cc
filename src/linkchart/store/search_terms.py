"""What a search for entities looks for, as SQL text (linkchart.store.search has the
documents' search and keeps the indexes): SQLite FTS5 (LIKE when FTS5 is missing),
PostgreSQL tsvector or ILIKE."""

from __future__ import annotations

import re
from typing import Any

from linkchart.names.normalise import DROPPED, strip_accents

TOKEN = re.compile(r"\w+")


def tokens(query: str) -> list[str]:
    return TOKEN.findall(strip_accents(query).casefold())


def fts_query(query: str) -> str:
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


def ts_query(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


def like_escaped(word: str) -> str:
    """A word for LIKE ... ESCAPE '/': its own /, % and _ taken literally."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


def like_all(column: str, words: list[str], dialect: str) -> tuple[str, dict[str, Any]]:
    """SQL text: `column` contains each of `words`, ignoring case."""
    params = {f"word_{i}": like_escaped(w) for i, w in enumerate(words)}
    if dialect == "postgresql":
        each = [f"{column} ILIKE '%' || :{p} || '%' ESCAPE '/'" for p in params]
    else:
        each = [f"lower({column}) LIKE '%' || lower(:{p}) || '%' ESCAPE '/'" for p in params]
    return "(" + " AND ".join(each) + ")", params


def entity_match(query: str, dialect: str, fts: bool) -> tuple[str, dict[str, Any]] | None:
    """A condition on `entities` for a search, as SQL text and its parameters; None when
    the query has no words."""
    words = tokens(query)
    if not words:
        return None
    if fts:
        return ("entities.num IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH :q)",
                {"q": fts_query(query)})
    if dialect == "postgresql":
        like, params = like_all("entities.search_text", words, dialect)
        return (f"(to_tsvector('simple', entities.search_text) @@ to_tsquery('simple', :q) "
                f"OR {like})", params | {"q": ts_query(words)})
    return like_all("entities.search_text", words, dialect)
