"""Ties read from the tie table (`schema.ties`, kept by `tie_table`) with their ends'
names: SQL text run through a `dbapi.Reader`, by the Store and by the light reader alike.
`read_counted_ties` counts the same from the relation rows, for a period."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.store.dbapi import CHUNK, Reader, in_list
from linkchart.store.tie_shapes import (COUNTS, MAX_AMONG_IN_SQL, TIE_KEY, confident, rank,
                                        tie_of_row)


def named_ties(source: str, where: list[str]) -> str:
    """Rows of the tie table (or of `source`, a subquery of it named ties) with the names
    and types of their ends and the quotes' ids, in the order `tie_of_row` reads them."""
    columns = ", ".join(f"ties.{k}" for k in TIE_KEY + COUNTS)
    return (f"SELECT {columns}, s.name AS source_name, s.type AS source_type, "
            f"t.name AS target_name, t.type AS target_type, ties.quotes FROM {source} "
            "JOIN entities AS s ON s.id = ties.source JOIN entities AS t ON t.id = ties.target"
            + (" WHERE " + " AND ".join(where) if where else ""))


def tie_list(reader: Reader, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, min_sources: int = 1,
             among: set[str] | None = None,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """The tie table's ties touching `entity_ids` (all, without) as `kept` keeps them."""
    return kept(stored(reader, entity_ids, types, among, min_sources), min_sources, among,
                min_confidence)


def kept(found: list[dict[str, Any]], min_sources: int = 1, among: set[str] | None = None,
         min_confidence: float | None = None) -> list[dict[str, Any]]:
    """The ties of at least `min_sources` and `min_confidence` (a tie of unscored rows,
    confidence None, always passes) between entities of `among`, best-sourced first."""
    return sorted((t for t in found if t["sources"] >= min_sources
                   and (min_confidence is None or confident(t["confidence"], min_confidence))
                   and (among is None or (t["source"] in among and t["target"] in among))),
                  key=rank)


def stored(reader: Reader, entity_ids: Iterable[str] | None = None,
           types: Iterable[str] | None = None, among: set[str] | None = None,
           min_sources: int = 1, quotes: bool = False) -> list[dict[str, Any]]:
    """The tie table's rows touching `entity_ids` (all, without), with their ends' names
    (and with `quotes`, the ids of their oldest relation rows as `quote_ids`): two
    indexed look-ups (by source, by target) a chunk of ids."""
    where, params = [], {}
    if types:
        kinds, params = in_list("type", sorted(types))
        where.append(f"ties.type IN {kinds}")
    if min_sources > 1:
        where.append("ties.sources >= :min_sources")
        params["min_sources"] = min_sources
    if entity_ids is None:
        return [tie_of_row(row, quotes) for row in reader.rows(named_ties("ties", where),
                                                                params)]
    ids = sorted(set(entity_ids))
    in_sql = among is not None and len(among) <= MAX_AMONG_IN_SQL
    found: dict[tuple, dict[str, Any]] = {}
    for i in range(0, len(ids), CHUNK):
        chunk, values = in_list("ids", ids[i:i + CHUNK])
        for end, other in (("source", "target"), ("target", "source")):
            if end == "target" and in_sql and among <= set(ids[i:i + CHUNK]):
                break  # a source outside this chunk is outside `among`: nothing more
            conditions = [*where, f"ties.{end} IN {chunk}"]
            if end == "target":  # what the source look-up of this chunk found
                conditions.append(f"ties.source NOT IN {chunk}")
            values_here = params | values
            if in_sql:
                inside, inside_values = in_list("among", sorted(among))
                conditions.append(f"ties.{other} IN {inside}")
                values_here |= inside_values
            for row in reader.rows(named_ties("ties", conditions), values_here):
                tie = tie_of_row(row, quotes)
                found.setdefault(tie["id"], tie)
    return list(found.values())


def best_stored(reader: Reader, entity_id: str, limit: int | None,
                quotes: bool = False) -> list[dict[str, Any]]:
    """The `limit` best-sourced ties of one entity (all, without), in `rank`'s order,
    from the tie table: each look-up (by source, by target) is ranked and cut in SQL, so
    that a hub's thousands of ties are not all read to show the first of them."""
    if limit is None:
        return sorted(stored(reader, [entity_id], quotes=quotes), key=rank)
    kind = 'ties.type COLLATE "C"' if reader.dialect == "postgresql" else "ties.type"
    order = (f"ties.sources DESC, {kind}, CAST(substr(ties.source, 2) AS INTEGER), "
             "CAST(substr(ties.target, 2) AS INTEGER), ties.negated")
    found: list[dict[str, Any]] = []
    for side in ("ties.source = :entity",
                 "ties.target = :entity AND ties.source != :entity"):
        best = f"(SELECT * FROM ties WHERE {side} ORDER BY {order} LIMIT :limit) AS ties"
        found += [tie_of_row(row, quotes) for row in reader.rows(
            named_ties(best, []), {"entity": entity_id, "limit": limit})]
    return sorted(found, key=rank)[:limit]
