"""Relation rows with what their evidence shows, aggregated into ties with their evidence
(`Store.relations`, the analyses' `relations_kept`), and the first quote of a tie between
pairs of entities: SQL text run through a `dbapi.Reader`, by the Store and by the light
reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.store import dates
from linkchart.store.dbapi import CHUNK, Reader, in_list
from linkchart.store.read_quotes import QUOTE
from linkchart.store.tie_shapes import MAX_AMONG_IN_SQL, aggregate, confident

RELATION_ROWS = QUOTE.replace(
    " FROM relations ",
    ", document_keys.source_key, s.name AS source_name, s.type AS source_type, "
    "t.name AS target_name, t.type AS target_type FROM relations "
    "JOIN document_keys ON document_keys.document_id = relations.document_id "
    "JOIN entities AS s ON s.id = relations.source_entity "
    "JOIN entities AS t ON t.id = relations.target_entity ", 1)
"""Relation rows with what their evidence shows and both ends' names and types."""

DENIED_KEYS = ("SELECT type, source_entity, target_entity FROM relations WHERE negated "
               "UNION SELECT type, target_entity, source_entity FROM relations WHERE negated")
"""(type, end, end) of every tie some row denies, both ways round."""


def relation_rows_sql(where: list[str]) -> str:
    """RELATION_ROWS meeting `where`, by id."""
    return (RELATION_ROWS + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY relations.id")


def period_where(types: Iterable[str] | None, date_from: str | None,
                 date_to: str | None) -> tuple[list[str], dict[str, Any]]:
    """Conditions on relation rows: of some types, published in the years of the period
    (`dates.in_range` then decides exactly)."""
    where, params = dates.year_bounds_sql("documents.published", date_from, date_to)
    if types:
        among, values = in_list("type", list(types))
        where, params = [f"relations.type IN {among}", *where], params | values
    return where, params


def lookups(entity_ids: Iterable[str], among: set[str] | None = None
            ) -> tuple[list[tuple[str, list[str]]], bool]:
    """The indexed look-ups that find the relation rows with an end in `entity_ids` (with
    `among`, the rows from there to `among`): (the end's column, a chunk of ids) pairs;
    and whether SQL checks that the target is in `among` (only while it is short). A row
    with both ends in `entity_ids` is found twice."""
    # Two indexed look-ups rather than one OR, which SQLite answers with a full scan.
    ids = sorted(set(entity_ids))
    ends = ["source_entity"] if among else ["source_entity", "target_entity"]
    found = [(end, ids[i:i + CHUNK]) for i in range(0, len(ids), CHUNK) for end in ends]
    return found, bool(among) and len(among) <= MAX_AMONG_IN_SQL


def _rows(reader: Reader, entity_ids, types, date_from, date_to,
          among: set[str] | None = None) -> list:
    """Relation rows touching `entity_ids` (all, without), or, with `among`, only those
    between them; each once, in the period, by id."""
    where, params = period_where(types, date_from, date_to)
    if entity_ids is None:
        looked_up: list[tuple[list[str], dict[str, Any]]] = [(where, params)]
    else:
        chunks, target_in_sql = lookups(entity_ids, among)
        if target_in_sql:
            inside, values = in_list("among", sorted(among))
            where, params = [*where, f"relations.target_entity IN {inside}"], params | values
        looked_up = []
        for end, ids in chunks:
            chunk, values = in_list("ids", ids)
            looked_up.append(([*where, f"relations.{end} IN {chunk}"], params | values))
    found = {}
    for conditions, values in looked_up:
        for row in reader.rows(relation_rows_sql(conditions), values):
            if not dates.in_range(row.published, date_from, date_to):
                continue
            if among is not None and row.target_entity not in among:
                continue
            found[row.id] = row
    # in one order however the rows were looked up: a tie's evidence lists them by id
    return [found[i] for i in sorted(found)]


def relation_list(reader: Reader, entity_ids=None, types=None, date_from=None,
                  date_to=None, min_sources: int = 1, among: set[str] | None = None,
                  min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Relations aggregated per (type, source, target, negated), with evidence."""
    found = aggregate(_rows(reader, entity_ids, types, date_from, date_to, among))
    return [g for g in found if g["sources"] >= min_sources
            and confident(g["confidence"], min_confidence)]


def _contains(reader: Reader, words: list[str]) -> tuple[str, dict[str, Any]]:
    """Evidence holding one of `words`, whatever its case."""
    params = {f"word_{i}": f"%{w}%" for i, w in enumerate(words)}
    if reader.dialect == "postgresql":
        tests = [f"relations.evidence ILIKE :{name}" for name in params]
    else:
        tests = [f"lower(relations.evidence) LIKE lower(:{name})" for name in params]
    return "(" + " OR ".join(tests) + ")", params


def relations_kept(reader: Reader, types: Iterable[str] | None, date_from: str | None,
                   date_to: str | None, keep, containing: Iterable[str] = (),
                   denied_only: bool = False) -> list[dict[str, Any]]:
    """Relations aggregated per tie (as `relation_list`) from the rows whose evidence
    `keep` accepts: it is given {document, outlet, published, source_kind, confidence};
    with `containing`, only rows whose evidence holds one of those words; with
    `denied_only`, only the ties that some row denies (both sides of each)."""
    where, params = period_where(types, date_from, date_to)
    words = [w for w in containing if w]
    if words:
        test, values = _contains(reader, words)
        where, params = [*where, test], params | values
    denied = denied_pairs(reader) if denied_only else None
    if denied is not None:  # the rows of denied ties only, not every row of their ends
        where.append("(relations.type, relations.source_entity, relations.target_entity) "
                     f"IN ({DENIED_KEYS})")
    rows = reader.rows(relation_rows_sql(where), params)
    if denied is not None:
        rows = [r for r in rows if (r.type, r.source_entity, r.target_entity) in denied]
    kept = [r for r in rows if keep({
        "document": r.document_id, "outlet": r.outlet, "published": r.published,
        "source_kind": r.source_kind, "confidence": r.confidence})]
    return aggregate(kept)


def denied_pairs(reader: Reader) -> set[tuple[str, str, str]]:
    """(type, end, end) of every tie some row denies, both ways round."""
    rows = reader.rows("SELECT DISTINCT type, source_entity, target_entity FROM relations "
                       "WHERE negated")
    return {key for t, a, b in rows for key in ((t, a, b), (t, b, a))}


def pair_quotes(reader: Reader, pairs: Iterable[tuple[str, str]]
                ) -> dict[tuple[str, str], dict[str, Any]]:
    """The first stored quote of a tie (not a denial) between each pair of entities, in
    the shape of a relation's evidence: the relation row of the lowest id either way
    round. Found for all the pairs at once (an analysis quotes hundreds)."""
    wanted = list(dict.fromkeys(pairs))
    first = _lowest_ids(reader, wanted)
    rows = {}
    ids = sorted(set(first.values()))
    for i in range(0, len(ids), CHUNK):
        chunk, params = in_list("id", ids[i:i + CHUNK])
        rows.update((row.id, row) for row in reader.rows(
            f"{QUOTE} WHERE relations.id IN {chunk}", params))
    return {pair: _quote(rows[first[pair]]) for pair in wanted if pair in first}


def _lowest_ids(reader: Reader, pairs: list[tuple[str, str]]
                ) -> dict[tuple[str, str], int]:
    """The lowest id of a relation row (not a denial) between each pair, either way
    round: the lowest per (source, target) among all the pairs' ends, from the index."""
    ends = sorted({end for pair in pairs for end in pair})
    targets, params = in_list("target", ends)
    lowest: dict[tuple[str, str], int] = {}
    for i in range(0, len(ends), CHUNK):
        sources, values = in_list("source", ends[i:i + CHUNK])
        lowest.update(((s, t), n) for s, t, n in reader.rows(
            "SELECT source_entity, target_entity, min(id) FROM relations "
            f"WHERE source_entity IN {sources} AND target_entity IN {targets} "
            "AND NOT negated GROUP BY source_entity, target_entity", params | values))
    found = {}
    for a, b in pairs:
        ids = [lowest[key] for key in ((a, b), (b, a)) if key in lowest]
        if ids:
            found[(a, b)] = min(ids)
    return found


def _quote(row) -> dict[str, Any]:
    return {"document": row.document_id, "text": row.evidence, "start": row.start,
            "end": row.end, "outlet": row.outlet, "published": row.published,
            "attribution": None if row.source_kind is None else {
                "source_text": row.source_text, "source_kind": row.source_kind}}
