"""Lean ties: relations counted per (type, source, target, negated) in SQL, without their
evidence, as a chart draws them. `graph.relation_list` gives the same ties with the
evidence, counted in Python; the two agree on every count (tests/store/test_ties.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (Connection, Integer, Subquery, and_, case, cast, distinct, func, select,
                        union)

from linkchart.model import UNDIRECTED_RELATIONS
from linkchart.store.dates import in_range_sql
from linkchart.store.graph import edge_id, rank, touching
from linkchart.store.schema import attributions, document_keys, entities, relations


def tie_list(conn: Connection, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             among: set[str] | None = None) -> list[dict[str, Any]]:
    """Ties touching `entity_ids` (all, without), best-sourced first; with `among` (which
    holds `entity_ids`), only the ties between entities of `among`."""
    if entity_ids is not None and not set(entity_ids):
        return []
    rows = _rows(entity_ids, types, date_from, date_to, among)
    roles = _roles(conn, rows)
    found = [_tie(row, roles) for row in conn.execute(_counted(rows))]
    return sorted((t for t in found if t["sources"] >= min_sources
                   and (among is None or {t["source"], t["target"]} <= among)), key=rank)


def _number(entity_id):
    """E12 -> 12 in SQL, as `graph.entity_num`."""
    return cast(func.substr(entity_id, 2), Integer)


def _ends(row_type, source, target):
    """A tie's ends: as written, or for an undirected type, the lower-numbered first."""
    swap = and_(row_type.in_(sorted(UNDIRECTED_RELATIONS)), _number(source) > _number(target))
    return case((swap, target), else_=source), case((swap, source), else_=target)


def _in_scope(entity_ids, types, among) -> Subquery:
    """The relation rows to count, each once, with the columns the counts need: the
    look-ups read them from the relation indexes alone."""
    stmt = select(relations.c.id, relations.c.type, relations.c.source_entity,
                  relations.c.target_entity, relations.c.negated, relations.c.document_id,
                  relations.c.attribution_id, relations.c.role).where(
        relations.c.source_entity.is_not(None), relations.c.target_entity.is_not(None))
    if types:
        stmt = stmt.where(relations.c.type.in_(list(types)))
    looked_up = [stmt] if entity_ids is None else touching(stmt, entity_ids, among)
    return (looked_up[0] if len(looked_up) == 1 else union(*looked_up)).subquery("scope")


def _rows(entity_ids, types, date_from, date_to, among) -> Subquery:
    """One row per relation row in scope: its tie, and what the counts are made of."""
    scope = _in_scope(entity_ids, types, among)
    source, target = _ends(scope.c.type, scope.c.source_entity, scope.c.target_entity)
    return (select(scope.c.type, source.label("source"), target.label("target"),
                   scope.c.negated, scope.c.document_id, scope.c.role,
                   document_keys.c.outlet_key, document_keys.c.published_iso,
                   attributions.c.source_kind)
            .join(document_keys, document_keys.c.document_id == scope.c.document_id)
            .outerjoin(attributions, attributions.c.id == scope.c.attribution_id)
            .where(*in_range_sql(document_keys.c.published_iso, date_from, date_to))
            .subquery("tie_rows"))


def _counted(rows: Subquery):
    """Per tie: independent outlets (a document without one counts alone), mentions,
    documents, mentions credited to anonymous sources, first and last dates; with the
    names and types of its ends."""
    unnamed_outlet = case((rows.c.outlet_key.is_(None), rows.c.document_id))
    anonymous = case((rows.c.source_kind == "anonymous", 1), else_=0)
    counts = (select(rows.c.type, rows.c.source, rows.c.target, rows.c.negated,
                     (func.count(distinct(rows.c.outlet_key))
                      + func.count(distinct(unnamed_outlet))).label("sources"),
                     func.count().label("evidence_count"),
                     func.count(distinct(rows.c.document_id)).label("document_count"),
                     func.sum(anonymous).label("anonymous"),
                     func.min(rows.c.published_iso).label("first_date"),
                     func.max(rows.c.published_iso).label("last_date"))
              .group_by(rows.c.type, rows.c.source, rows.c.target, rows.c.negated)
              .subquery("ties"))
    source, target = entities.alias("s"), entities.alias("t")
    return (select(counts, source.c.name.label("source_name"),
                   source.c.type.label("source_type"), target.c.name.label("target_name"),
                   target.c.type.label("target_type"))
            .join(source, source.c.id == counts.c.source)
            .join(target, target.c.id == counts.c.target))


def _key(row) -> tuple:
    return row.type, row.source, row.target, bool(row.negated)


def _roles(conn: Connection, rows: Subquery) -> dict[tuple, list[str]]:
    """Each tie's roles (those that are not empty), sorted."""
    found: dict[tuple, set[str]] = {}
    for row in conn.execute(select(rows.c.type, rows.c.source, rows.c.target,
                                   rows.c.negated, rows.c.role)
                            .distinct().where(rows.c.role != "")):
        found.setdefault(_key(row), set()).add(row.role)
    return {key: sorted(roles) for key, roles in found.items()}


def _tie(row, roles: dict[tuple, list[str]]) -> dict[str, Any]:
    (kind, source, target, negated, sources, mentions, documents_, anonymous, first, last,
     source_name, source_type, target_name, target_type) = row
    tie = {"type": kind, "source": source, "target": target, "negated": bool(negated),
           "directed": kind not in UNDIRECTED_RELATIONS,
           "source_name": source_name, "source_type": source_type,
           "target_name": target_name, "target_type": target_type}
    return tie | {"id": edge_id(tie), "sources": sources,
                  "roles": roles.get((kind, source, target, tie["negated"]), []),
                  "first_date": first, "last_date": last,
                  "anonymous_only": anonymous == mentions, "evidence_count": mentions,
                  "document_count": documents_}
