"""Relations aggregated across documents, with their evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, bindparam, select

from linkchart.store import dates, read_quotes
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.lookup import CHUNK
from linkchart.store.schema import attributions, document_keys, documents, entities, relations
from linkchart.store.tie_shapes import (  # noqa: F401 (the others: for other modules)
    CONFIDENCE_CAP, MAX_AMONG_IN_SQL, aggregate, confident, corroborated, count_sources, edge_id,
    entity_num, evidence_of_row, oldest_quote, rank, tie_id_of_row,
)


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


def touching(stmt: Select, ends: Iterable[str], target_in_sql: bool) -> list[Select]:
    """`stmt` narrowed to each look-up of `lookups` (`ends`, their columns): its ids bound
    as ids_0, ids_1..., the targets as among (see `lookup_values`)."""
    if target_in_sql:
        stmt = stmt.where(relations.c.target_entity.in_(bindparam("among", expanding=True)))
    return [stmt.where(relations.c[end].in_(bindparam(f"ids_{i}", expanding=True)))
            for i, end in enumerate(ends)]


def lookup_values(looked_up: list[tuple[str, list[str]]], among: set[str] | None
                  ) -> dict[str, list[str]]:
    return {"among": sorted(among or ())} | {f"ids_{i}": ids
                                             for i, (_, ids) in enumerate(looked_up)}


def _credited() -> tuple:
    """Who the article credits a relation row to (its attribution), as `_evidence` reads it."""
    return (attributions.c.local_id.label("attribution_local"),
            attributions.c.source_entity.label("attribution_source"),
            attributions.c.source_text, attributions.c.source_kind, attributions.c.cue)


def relation_rows(types, date_from, date_to) -> Select:
    """Relation rows with what their evidence shows, of some types, in a loose period."""
    source, target = entities.alias("s"), entities.alias("t")
    stmt = (select(relations, documents.c.outlet, documents.c.published,
                   document_keys.c.source_key,
                   source.c.name.label("source_name"), source.c.type.label("source_type"),
                   target.c.name.label("target_name"), target.c.type.label("target_type"),
                   *_credited())
            .join(documents, documents.c.id == relations.c.document_id)
            .join(document_keys, document_keys.c.document_id == relations.c.document_id)
            .join(source, source.c.id == relations.c.source_entity)
            .join(target, target.c.id == relations.c.target_entity)
            .outerjoin(attributions, attributions.c.id == relations.c.attribution_id)
            .order_by(relations.c.id))
    if types:
        stmt = stmt.where(relations.c.type.in_(list(types)))
    low, high = dates.year_bounds(date_from, date_to)
    if low:
        stmt = stmt.where(documents.c.published >= low)
    if high:
        stmt = stmt.where(documents.c.published < high)
    return stmt


def _fetch(conn: Connection, chunks: Iterable[Select], values: dict[str, Any], date_from,
           date_to, among: set[str] | None = None) -> list:
    """The rows of some statements, each once, in the period (and ending in `among`)."""
    found = {}
    for chunk in chunks:
        for row in conn.execute(chunk, values):
            if not dates.in_range(row.published, date_from, date_to):
                continue
            if among is not None and row.target_entity not in among:
                continue
            found[row.id] = row
    # in one order however the rows were looked up: a tie's evidence lists them by id
    return [found[i] for i in sorted(found)]


def _rows(conn: Connection, entity_ids, types, date_from, date_to,
          among: set[str] | None = None) -> list:
    """Relation rows touching `entity_ids`, or, with `among`, only those between them."""
    stmt = relation_rows(types, date_from, date_to)
    if entity_ids is None:
        return _fetch(conn, [stmt], {}, date_from, date_to)
    looked_up, target_in_sql = lookups(entity_ids, among)
    chunks = touching(stmt, [end for end, _ in looked_up], target_in_sql)
    return _fetch(conn, chunks, lookup_values(looked_up, among), date_from, date_to, among)


def relation_list(conn: Connection, entity_ids=None, types=None, date_from=None, date_to=None,
                  min_sources: int = 1, among: set[str] | None = None,
                  min_confidence: float | None = None) -> list[dict[str, Any]]:
    found = aggregate(_rows(conn, entity_ids, types, date_from, date_to, among))
    return [g for g in found if g["sources"] >= min_sources
            and confident(g["confidence"], min_confidence)]


def first_quotes(conn: Connection, entity_id: str, others: Iterable[str],
                 per_tie: int | None) -> dict[str, list[dict[str, Any]]]:
    """The oldest `per_tie` quotes of each tie between `entity_id` and each of `others`
    (read_quotes.first_quotes)."""
    return read_quotes.first_quotes(AlchemyReader(conn), entity_id, others, per_tie)
