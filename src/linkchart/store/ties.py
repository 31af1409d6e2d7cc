"""Lean ties: relations counted per (type, source, target, negated), without their
evidence, as a chart draws them. Read from the tie table (`schema.ties`, kept by
`tie_table`) or, for a period, counted from the relation rows in SQL; `graph.relation_list`
gives the same ties with the evidence, counted in Python. All three agree on every count
(tests/store/test_ties.py, tests/store/test_tie_table.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (Connection, Integer, Select, Subquery, and_, case, cast, distinct,
                        func, select)

from linkchart.model import UNDIRECTED_RELATIONS
from linkchart.store import read_counted_ties, read_ties
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.lookup import CHUNK
from linkchart.store.read_counted_ties import COMMA
from linkchart.store.schema import attributions, document_keys, entities, relations
from linkchart.store.schema import ties as tie_table
from linkchart.store.tie_shapes import (CONFIDENCE_CAP, COUNTS, ROLE_SEPARATOR, TIE_KEY,
                                        confident)


def tie_list(conn: Connection, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             among: set[str] | None = None,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Ties touching `entity_ids` (all, without), best-sourced first; with `among` (which
    holds `entity_ids`), only the ties between entities of `among`; with `min_confidence`,
    only ties at or above it (a tie of unscored rows, confidence None, always passes).
    Read from the tie table, or for a period counted (read_counted_ties.tie_list)."""
    return read_counted_ties.tie_list(AlchemyReader(conn), entity_ids, types, date_from,
                                      date_to, min_sources, among, min_confidence)


# ------------------------------------------------------------------ from the tie table

def stored(conn: Connection, entity_ids: Iterable[str] | None = None,
           types: Iterable[str] | None = None, among: set[str] | None = None,
           min_sources: int = 1, quotes: bool = False) -> list[dict[str, Any]]:
    """The tie table's rows touching `entity_ids` (all, without), named
    (read_ties.stored)."""
    return read_ties.stored(AlchemyReader(conn), entity_ids, types, among, min_sources,
                            quotes)


def best_stored(conn: Connection, entity_id: str, limit: int | None,
                quotes: bool = False) -> list[dict[str, Any]]:
    """The `limit` best-sourced ties of one entity (read_ties.best_stored)."""
    return read_ties.best_stored(AlchemyReader(conn), entity_id, limit, quotes)


def neighbour_weights(conn: Connection, entity_id: str, types: Iterable[str] | None = None,
                      min_sources: int = 1, min_confidence: float | None = None,
                      kinds: set[str] | None = None) -> dict[str, int]:
    """Each neighbour of an entity with the independent sources of the ties between
    them added up (ties of `types`, of at least `min_sources` and `min_confidence`, to a
    neighbour of one of `kinds`), read from the tie table without building the ties: a
    hub has thousands, of which a chart shows its best-sourced neighbours'."""
    table = tie_table.c
    weights: dict[str, int] = {}
    for end, other in ((table.source, table.target), (table.target, table.source)):
        stmt = select(other, table.sources, table.confidence).where(end == entity_id,
                                                                    other != entity_id)
        if kinds is not None:  # the neighbours' types are read only to be kept or not
            stmt = stmt.join(entities, entities.c.id == other).where(
                entities.c.type.in_(sorted(kinds)))
        if types:
            stmt = stmt.where(table.type.in_(sorted(types)))
        if min_sources > 1:
            stmt = stmt.where(table.sources >= min_sources)
        for neighbour, sources, confidence in conn.execute(stmt):
            if confident(confidence, min_confidence):
                weights[neighbour] = weights.get(neighbour, 0) + sources
    return weights


def tie_counts(conn: Connection, entity_ids: Iterable[str]) -> dict[str, int]:
    """How many ties each of `entity_ids` has (a tie with itself once), from the table."""
    ids = sorted(set(entity_ids))
    found = dict.fromkeys(ids, 0)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        for end, other in ((tie_table.c.source, tie_table.c.target),
                           (tie_table.c.target, tie_table.c.source)):
            stmt = select(end, func.count()).where(end.in_(chunk)).group_by(end)
            if end is tie_table.c.target:
                stmt = stmt.where(other != end)
            for entity_id, n in conn.execute(stmt):
                found[entity_id] += n
    return found


def tie_count_sql(entity_id_column):
    """The number of ties of the entity in `entity_id_column`, as a correlated subquery
    (a tie with itself once), as `tie_counts` counts them."""
    out = (select(func.count()).select_from(tie_table)
           .where(tie_table.c.source == entity_id_column).scalar_subquery())
    into = (select(func.count()).select_from(tie_table)
            .where(tie_table.c.target == entity_id_column,
                   tie_table.c.source != entity_id_column).scalar_subquery())
    return out + into


# ------------------------------------------------------------------ from relation rows

def counted(conn: Connection, entity_ids: Iterable[str] | None = None,
            types: Iterable[str] | None = None, date_from: str | None = None,
            date_to: str | None = None, among: set[str] | None = None
            ) -> list[dict[str, Any]]:
    """Ties counted from the relation rows (of a period): what the tie table holds when
    no period is given (read_counted_ties.counted)."""
    return read_counted_ties.counted(AlchemyReader(conn), entity_ids, types, date_from,
                                     date_to, among)


def _number(entity_id):
    """E12 -> 12 in SQL, as `graph.entity_num`."""
    return cast(func.substr(entity_id, 2), Integer)


def tie_ends(row_type, source, target):
    """A tie's ends: as written, or for an undirected type, the lower-numbered first."""
    swap = and_(row_type.in_(sorted(UNDIRECTED_RELATIONS)), _number(source) > _number(target))
    return case((swap, target), else_=source), case((swap, source), else_=target)


def relation_columns() -> Select:
    """The relation rows that can be ties (both ends resolved), with the columns the
    counts need: the look-ups read them from the relation indexes alone."""
    return select(relations.c.id, relations.c.type, relations.c.source_entity,
                  relations.c.target_entity, relations.c.negated, relations.c.document_id,
                  relations.c.attribution_id, relations.c.role,
                  relations.c.confidence).where(
        relations.c.source_entity.is_not(None), relations.c.target_entity.is_not(None))


def tie_rows(scope: Subquery):
    """One row per relation row of `scope` (`relation_columns`): its tie, and what the
    counts are made of (read_counted_ties counts those of a period)."""
    source, target = tie_ends(scope.c.type, scope.c.source_entity, scope.c.target_entity)
    return (select(scope.c.type, source.label("source"), target.label("target"),
                   scope.c.negated, scope.c.document_id, scope.c.role, scope.c.confidence,
                   document_keys.c.source_key, document_keys.c.published_iso,
                   attributions.c.source_kind)
            .join(document_keys, document_keys.c.document_id == scope.c.document_id)
            .outerjoin(attributions, attributions.c.id == scope.c.attribution_id)
            .cte("tie_rows"))


def counts(rows, dialect: str) -> Select:
    """Per tie of `rows` (`tie_rows`), the tie table's columns: independent sources
    (`document_keys.source_key`: outlets, a document without one alone, a wire copy as
    its original), mentions, documents, mentions credited to anonymous sources, first and
    last dates, its roles, its corroborated and its highest confidence."""
    anonymous = case((rows.c.source_kind == "anonymous", 1), else_=0)
    per_tie = (select(rows.c.type, rows.c.source, rows.c.target, rows.c.negated,
                      func.count(distinct(rows.c.source_key)).label("sources"),
                      func.count().label("mentions"),
                      func.count(distinct(rows.c.document_id)).label("documents"),
                      func.sum(anonymous).label("anonymous"),
                      func.min(rows.c.published_iso).label("first_date"),
                      func.max(rows.c.published_iso).label("last_date"),
                      _roles_joined(rows.c.role, dialect).label("roles"),
                      func.max(rows.c.confidence).label("max_confidence"))
               .group_by(rows.c.type, rows.c.source, rows.c.target, rows.c.negated)
               .subquery("per_tie"))
    corroborated = _corroborated(rows)
    return (select(*(per_tie.c[k] for k in TIE_KEY + COUNTS if k != "confidence"),
                   corroborated.c.confidence)
            .join(corroborated, and_(*(corroborated.c[k] == per_tie.c[k] for k in TIE_KEY))))


def _corroborated(rows) -> Subquery:
    """Per tie, noisy-OR over independent sources of each outlet's best confidence:
    1 - prod(1 - c), as 1 - exp(sum(ln(1 - c))). NULL where no row has a confidence."""
    tie = [rows.c[k] for k in TIE_KEY]
    best = (select(*tie, func.max(rows.c.confidence).label("best"))
            .group_by(*tie, rows.c.source_key).subquery("outlet_best"))
    # capped, so that ln(1 - c) stays finite for a fact the analyst added (confidence 1)
    capped = case((best.c.best > CONFIDENCE_CAP, CONFIDENCE_CAP), else_=best.c.best)
    key = [best.c[k] for k in TIE_KEY]
    return (select(*key, (1 - func.exp(func.sum(func.ln(1 - capped)))).label("confidence"))
            .group_by(*key).subquery("corroborated"))


def _roles_joined(role, dialect: str):
    """A tie's distinct non-empty roles in one string, joined by ROLE_SEPARATOR. SQLite's
    DISTINCT aggregate takes no separator: it joins with commas, so a comma inside a role
    is set aside first and put back after."""
    named = case((role != "", role))
    if dialect == "sqlite":
        joined = func.group_concat(distinct(func.replace(named, ",", COMMA)))
        return func.replace(func.replace(joined, ",", ROLE_SEPARATOR), COMMA, ",")
    return func.string_agg(distinct(named), ROLE_SEPARATOR)


