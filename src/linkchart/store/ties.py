"""Lean ties: relations counted per (type, source, target, negated) in SQL, without their
evidence, as a chart draws them. `graph.relation_list` gives the same ties with the
evidence, counted in Python; the two agree on every count (tests/store/test_ties.py)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (Connection, Integer, Select, String, Subquery, and_, bindparam, case,
                        cast, distinct, func, select, union, union_all)

from linkchart.model import UNDIRECTED_RELATIONS
from linkchart.store.dates import in_range_sql
from linkchart.store.graph import (CONFIDENCE_CAP, confident, edge_id, lookup_values, lookups,
                                   rank, touching)
from linkchart.store.schema import attributions, document_keys, entities, relations


ROLE_SEPARATOR = "\x1f"  # a control character no role holds


class _Shape(NamedTuple):
    """What the counting statements depend on, apart from the values bound to them."""
    ends: tuple[str, ...] | None
    """The end column of each look-up (`graph.lookups`); None for every relation."""
    target_in_sql: bool
    types: bool
    date_from: bool
    date_to: bool
    dialect: str


def tie_list(conn: Connection, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             among: set[str] | None = None,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Ties touching `entity_ids` (all, without), best-sourced first; with `among` (which
    holds `entity_ids`), only the ties between entities of `among`; with `min_confidence`,
    only ties at or above it (a tie of unscored rows, confidence None, always passes)."""
    looked_up, target_in_sql = lookups(entity_ids, among) if entity_ids is not None \
        else (None, False)
    if looked_up == []:
        return []
    counted = _statement(_Shape(
        looked_up and tuple(end for end, _ in looked_up), target_in_sql, bool(types),
        bool(date_from), bool(date_to), conn.dialect.name))
    values = lookup_values(looked_up or [], among) | {
        "types": list(types or ()), "date_from": date_from, "date_to": date_to}
    found = [_tie(row, conn.dialect.name) for row in conn.execute(counted, values)]
    return sorted((t for t in found if t["sources"] >= min_sources
                   and confident(t["confidence"], min_confidence)
                   and (among is None or {t["source"], t["target"]} <= among)), key=rank)


@lru_cache(maxsize=256)
def _statement(shape: _Shape) -> Select:
    """The statement that counts ties, built once a shape."""
    return _counted(_rows(shape), shape.dialect)


def _number(entity_id):
    """E12 -> 12 in SQL, as `graph.entity_num`."""
    return cast(func.substr(entity_id, 2), Integer)


def _ends(row_type, source, target):
    """A tie's ends: as written, or for an undirected type, the lower-numbered first."""
    swap = and_(row_type.in_(sorted(UNDIRECTED_RELATIONS)), _number(source) > _number(target))
    return case((swap, target), else_=source), case((swap, source), else_=target)


def _in_scope(shape: _Shape) -> Subquery:
    """The relation rows to count, each once, with the columns the counts need: the
    look-ups read them from the relation indexes alone."""
    stmt = select(relations.c.id, relations.c.type, relations.c.source_entity,
                  relations.c.target_entity, relations.c.negated, relations.c.document_id,
                  relations.c.attribution_id, relations.c.role,
                  relations.c.confidence).where(
        relations.c.source_entity.is_not(None), relations.c.target_entity.is_not(None))
    if shape.types:
        stmt = stmt.where(relations.c.type.in_(bindparam("types", expanding=True)))
    if shape.ends is None:
        return stmt.subquery("scope")
    looked_up = touching(stmt, shape.ends, shape.target_in_sql)
    if len(looked_up) == 1:
        return looked_up[0].subquery("scope")
    if shape.ends == ("source_entity", "target_entity"):
        # One chunk of ids at each end: the target look-up skips the rows the source
        # look-up found, so the two add up without a de-duplicating UNION.
        found_by_target = looked_up[1].where(
            relations.c.source_entity.not_in(bindparam("ids_0", expanding=True)))
        return union_all(looked_up[0], found_by_target).subquery("scope")
    return union(*looked_up).subquery("scope")


def _rows(shape: _Shape):
    """One row per relation row in scope: its tie, and what the counts are made of."""
    scope = _in_scope(shape)
    source, target = _ends(scope.c.type, scope.c.source_entity, scope.c.target_entity)
    period = [bindparam(name, type_=String) if given else None
              for name, given in (("date_from", shape.date_from), ("date_to", shape.date_to))]
    return (select(scope.c.type, source.label("source"), target.label("target"),
                   scope.c.negated, scope.c.document_id, scope.c.role, scope.c.confidence,
                   document_keys.c.source_key, document_keys.c.published_iso,
                   attributions.c.source_kind)
            .join(document_keys, document_keys.c.document_id == scope.c.document_id)
            .outerjoin(attributions, attributions.c.id == scope.c.attribution_id)
            .where(*in_range_sql(document_keys.c.published_iso, *period))
            .cte("tie_rows"))


def _counted(rows, dialect: str):
    """Per tie: independent sources (`document_keys.source_key`: outlets, a document
    without one alone, a wire copy as its original), mentions, documents, mentions
    credited to anonymous sources, first and last dates, its roles, its corroborated
    confidence; with the names and types of its ends."""
    anonymous = case((rows.c.source_kind == "anonymous", 1), else_=0)
    counts = (select(rows.c.type, rows.c.source, rows.c.target, rows.c.negated,
                     func.count(distinct(rows.c.source_key)).label("sources"),
                     func.count().label("evidence_count"),
                     func.count(distinct(rows.c.document_id)).label("document_count"),
                     func.sum(anonymous).label("anonymous"),
                     func.min(rows.c.published_iso).label("first_date"),
                     func.max(rows.c.published_iso).label("last_date"),
                     _roles_joined(rows.c.role, dialect).label("roles"))
              .group_by(rows.c.type, rows.c.source, rows.c.target, rows.c.negated)
              .subquery("ties"))
    corroborated = _corroborated(rows)
    source, target = entities.alias("s"), entities.alias("t")
    return (select(counts, corroborated.c.confidence, source.c.name.label("source_name"),
                   source.c.type.label("source_type"), target.c.name.label("target_name"),
                   target.c.type.label("target_type"))
            .join(corroborated, and_(*(corroborated.c[k] == counts.c[k] for k in TIE_KEY)))
            .join(source, source.c.id == counts.c.source)
            .join(target, target.c.id == counts.c.target))


TIE_KEY = ("type", "source", "target", "negated")


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
    """A tie's distinct non-empty roles in one string. SQLite's DISTINCT aggregate takes
    no separator, so there commas inside a role are swapped for the separator first."""
    named = case((role != "", role))
    if dialect == "sqlite":
        return func.group_concat(distinct(func.replace(named, ",", ROLE_SEPARATOR)))
    return func.string_agg(distinct(named), ROLE_SEPARATOR)


def _split_roles(joined: str | None, dialect: str) -> list[str]:
    if not joined:
        return []
    if dialect == "sqlite":
        return sorted(p.replace(ROLE_SEPARATOR, ",") for p in joined.split(","))
    return sorted(joined.split(ROLE_SEPARATOR))


def _tie(row, dialect: str) -> dict[str, Any]:
    (kind, source, target, negated, sources, mentions, documents_, anonymous, first, last,
     joined_roles, confidence, source_name, source_type, target_name, target_type) = row
    tie = {"type": kind, "source": source, "target": target, "negated": bool(negated),
           "directed": kind not in UNDIRECTED_RELATIONS,
           "source_name": source_name, "source_type": source_type,
           "target_name": target_name, "target_type": target_type}
    return tie | {"id": edge_id(tie), "sources": sources,
                  "roles": _split_roles(joined_roles, dialect),
                  "first_date": first, "last_date": last,
                  "anonymous_only": anonymous == mentions, "evidence_count": mentions,
                  "document_count": documents_,
                  "confidence": round(confidence, 4) if confidence is not None else None}
