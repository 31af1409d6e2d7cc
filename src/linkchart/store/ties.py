"""Lean ties: relations counted per (type, source, target, negated) in SQL, without their
evidence, as a chart draws them. `graph.relation_list` gives the same ties with the
evidence, counted in Python; the two agree on every count (tests/store/test_ties.py)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (Connection, Integer, Select, String, Subquery, and_, bindparam, case,
                        cast, distinct, func, select, union)

from linkchart.model import UNDIRECTED_RELATIONS
from linkchart.store.dates import in_range_sql
from linkchart.store.graph import edge_id, lookup_values, lookups, rank, touching
from linkchart.store.schema import attributions, document_keys, entities, relations


class _Shape(NamedTuple):
    """What the counting statements depend on, apart from the values bound to them."""
    ends: tuple[str, ...] | None
    """The end column of each look-up (`graph.lookups`); None for every relation."""
    target_in_sql: bool
    types: bool
    date_from: bool
    date_to: bool


def tie_list(conn: Connection, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             among: set[str] | None = None) -> list[dict[str, Any]]:
    """Ties touching `entity_ids` (all, without), best-sourced first; with `among` (which
    holds `entity_ids`), only the ties between entities of `among`."""
    looked_up, target_in_sql = lookups(entity_ids, among) if entity_ids is not None \
        else (None, False)
    if looked_up == []:
        return []
    counted, roles = _statements(_Shape(
        looked_up and tuple(end for end, _ in looked_up), target_in_sql, bool(types),
        bool(date_from), bool(date_to)))
    values = lookup_values(looked_up or [], among) | {
        "types": list(types or ()), "date_from": date_from, "date_to": date_to}
    with_roles = _roles(conn.execute(roles, values))
    found = [_tie(row, with_roles) for row in conn.execute(counted, values)]
    return sorted((t for t in found if t["sources"] >= min_sources
                   and (among is None or {t["source"], t["target"]} <= among)), key=rank)


@lru_cache(maxsize=256)
def _statements(shape: _Shape) -> tuple[Select, Select]:
    """The statements that count ties, and that list their roles, built once a shape."""
    rows = _rows(shape)
    return _counted(rows), _role_rows(rows)


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
                  relations.c.attribution_id, relations.c.role).where(
        relations.c.source_entity.is_not(None), relations.c.target_entity.is_not(None))
    if shape.types:
        stmt = stmt.where(relations.c.type.in_(bindparam("types", expanding=True)))
    looked_up = [stmt] if shape.ends is None else touching(stmt, shape.ends,
                                                           shape.target_in_sql)
    return (looked_up[0] if len(looked_up) == 1 else union(*looked_up)).subquery("scope")


def _rows(shape: _Shape) -> Subquery:
    """One row per relation row in scope: its tie, and what the counts are made of."""
    scope = _in_scope(shape)
    source, target = _ends(scope.c.type, scope.c.source_entity, scope.c.target_entity)
    period = [bindparam(name, type_=String) if given else None
              for name, given in (("date_from", shape.date_from), ("date_to", shape.date_to))]
    return (select(scope.c.type, source.label("source"), target.label("target"),
                   scope.c.negated, scope.c.document_id, scope.c.role,
                   document_keys.c.outlet_key, document_keys.c.published_iso,
                   attributions.c.source_kind)
            .join(document_keys, document_keys.c.document_id == scope.c.document_id)
            .outerjoin(attributions, attributions.c.id == scope.c.attribution_id)
            .where(*in_range_sql(document_keys.c.published_iso, *period))
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


def _role_rows(rows: Subquery) -> Select:
    return (select(rows.c.type, rows.c.source, rows.c.target, rows.c.negated, rows.c.role)
            .distinct().where(rows.c.role != ""))


def _roles(found_rows) -> dict[tuple, list[str]]:
    """Each tie's roles (those that are not empty), sorted."""
    found: dict[tuple, set[str]] = {}
    for kind, source, target, negated, role in found_rows:
        found.setdefault((kind, source, target, bool(negated)), set()).add(role)
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
