"""What a store holds, counted: SQL text run through a `dbapi.Reader`, by the Store and
by the light reader alike."""

from __future__ import annotations

from typing import Any

from linkchart.store.dbapi import Reader


def stats(reader: Reader, top: int = 10) -> dict[str, Any]:
    def by_type(table: str) -> dict[str, int]:
        return {k: n for k, n in reader.rows(
            f"SELECT {table}.type, count(*) AS n FROM {table} "
            f"GROUP BY {table}.type ORDER BY {table}.type")}

    def count(table: str) -> int:
        return reader.scalar(f"SELECT count(*) FROM {table}")

    # an entity's ties, kept in its row (tie_table.count_ties)
    rows = reader.rows("SELECT id, name, type, ties AS degree FROM entities WHERE ties > 0 "
                       "ORDER BY ties DESC, num LIMIT :top", {"top": top})
    return {
        "documents": count("documents"),
        "entities": by_type("entities"),
        "relations": by_type("ties"),
        "ties": count("ties"),
        "statements": by_type("relations"),
        "events": by_type("events"),
        "attributions": count("attributions"),
        "top_entities": [{"id": r.id, "name": r.name, "type": r.type, "degree": r.degree}
                         for r in rows],
    }
