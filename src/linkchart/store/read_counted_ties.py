"""Ties counted from the relation rows, for a period: SQL text run through a
`dbapi.Reader`, by the Store and by the light reader alike, so that `linkchart analyze
--from/--to` starts without SQLAlchemy. The same counts as the tie table holds, which
`tie_table` writes with `ties.counts` (tests/store/test_tie_table.py compares the two)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart import model
from linkchart.store import read_ties
from linkchart.store.dbapi import Reader, in_list
from linkchart.store.read_relations import lookups
from linkchart.store.tie_shapes import CONFIDENCE_CAP, ROLE_SEPARATOR, tie_of_row

COMMA = "\x1e"  # stands for a comma inside a role while SQLite joins roles
RELATION_COLUMNS = (
    "SELECT relations.id, relations.type, relations.source_entity, relations.target_entity, "
    "relations.negated, relations.document_id, relations.attribution_id, relations.role, "
    "relations.confidence FROM relations WHERE relations.source_entity IS NOT NULL "
    "AND relations.target_entity IS NOT NULL")
"""The relation rows that can be ties, with the columns the counts need."""


def tie_list(reader: Reader, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             among: set[str] | None = None,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """`Store.ties`: from the tie table (read_ties.tie_list), or for a period counted."""
    if not (date_from or date_to):
        return read_ties.tie_list(reader, entity_ids, types, min_sources, among,
                                  min_confidence)
    # counting narrows to `among` in SQL only when it is `entity_ids` (the rows from one
    # of them to another); otherwise the ties are cut to `among` afterwards
    same = among is not None and entity_ids is not None and among == set(entity_ids)
    found = counted(reader, entity_ids, types, date_from, date_to, among if same else None)
    return read_ties.kept(found, min_sources, among, min_confidence)


def counted(reader: Reader, entity_ids: Iterable[str] | None = None,
            types: Iterable[str] | None = None, date_from: str | None = None,
            date_to: str | None = None, among: set[str] | None = None
            ) -> list[dict[str, Any]]:
    """Ties touching `entity_ids` (all, without; with `among`, only rows to `among`)
    counted from the relation rows published in the period: what the tie table holds
    when no period is given."""
    where, params = [], {"date_from": date_from, "date_to": date_to}
    if types:
        kinds, values = in_list("type", sorted(types))
        where.append(f"relations.type IN {kinds}")
        params |= values
    if entity_ids is None:
        scope = _relation_rows(where)
    else:
        looked_up, target_in_sql = lookups(entity_ids, among)
        if not looked_up:
            return []
        if target_in_sql:
            inside, values = in_list("among", sorted(among))
            where.append(f"relations.target_entity IN {inside}")
            params |= values
        scope, values = _looked_up(where, looked_up)
        params |= values
    undirected, values = in_list("undirected", sorted(model.UNDIRECTED_RELATIONS))
    params |= values | {"cap": CONFIDENCE_CAP, "separator": ROLE_SEPARATOR, "comma": COMMA}
    sql = (f"WITH tie_rows AS ({_tie_rows(scope, undirected, date_from, date_to)}) "
           f"{_named(_counts(reader.dialect))}")
    return [tie_of_row(row) for row in reader.rows(sql, params)]


def _relation_rows(where: list[str]) -> str:
    return " AND ".join([RELATION_COLUMNS, *where])


def _looked_up(where: list[str], looked_up: list[tuple[str, list[str]]]
               ) -> tuple[str, dict[str, Any]]:
    """The relation rows of each look-up (`read_relations.lookups`), each once."""
    selects, params = [], {}
    for n, (end, ids) in enumerate(looked_up):
        chunk, values = in_list(f"ids_{n}", ids)
        selects.append(_relation_rows([*where, f"relations.{end} IN {chunk}"]))
        params |= values
    if len(selects) == 1:
        return selects[0], params
    if [end for end, _ in looked_up] == ["source_entity", "target_entity"]:
        # one chunk of ids at each end: the target look-up skips the rows the source
        # look-up found, so the two add up without a de-duplicating UNION
        chunk, _ = in_list("ids_0", looked_up[0][1])
        return f"{selects[0]} UNION ALL {selects[1]} AND " \
               f"relations.source_entity NOT IN {chunk}", params
    return " UNION ".join(selects), params


def _tie_rows(scope: str, undirected: str, date_from: str | None, date_to: str | None
              ) -> str:
    """One row per relation row of `scope` published in the period: its tie (the ends of
    an undirected type lower-numbered first) and what the counts are made of."""
    swap = (f"scope.type IN {undirected} AND CAST(substr(scope.source_entity, 2) AS INTEGER)"
            " > CAST(substr(scope.target_entity, 2) AS INTEGER)")
    period = _in_period("document_keys.published_iso", date_from, date_to)
    return ("SELECT scope.type AS type, "
            f"CASE WHEN {swap} THEN scope.target_entity ELSE scope.source_entity END "
            "AS source, "
            f"CASE WHEN {swap} THEN scope.source_entity ELSE scope.target_entity END "
            "AS target, "
            "scope.negated AS negated, scope.document_id AS document_id, scope.role AS role, "
            "scope.confidence AS confidence, document_keys.source_key AS source_key, "
            "document_keys.published_iso AS published_iso, "
            f"attributions.source_kind AS source_kind FROM ({scope}) AS scope "
            "JOIN document_keys ON document_keys.document_id = scope.document_id "
            "LEFT OUTER JOIN attributions ON attributions.id = scope.attribution_id"
            + (" WHERE " + " AND ".join(period) if period else ""))


def _in_period(column: str, date_from: str | None, date_to: str | None) -> list[str]:
    """`dates.in_range` as SQL conditions on a column that holds `iso` dates, the period
    bound as :date_from and :date_to (either None: open)."""
    if not (date_from or date_to):
        return []
    found = [f"{column} IS NOT NULL"]
    if date_from:
        found.append(f"{column} >= substr(CAST(:date_from AS TEXT), 1, length({column}))")
    if date_to:
        found.append(f"substr({column}, 1, length(CAST(:date_to AS TEXT))) "
                     "<= CAST(:date_to AS TEXT)")
    return found


def _counts(dialect: str) -> str:
    """Per tie of tie_rows, the tie table's columns (as `ties.counts`): independent
    sources, mentions, documents, anonymous mentions, first and last dates, roles, the
    noisy-OR over sources of each source's best confidence, the highest confidence."""
    per_tie = ("SELECT type, source, target, negated, count(DISTINCT source_key) AS sources, "
               "count(*) AS mentions, count(DISTINCT document_id) AS documents, "
               "sum(CASE WHEN source_kind = 'anonymous' THEN 1 ELSE 0 END) AS anonymous, "
               "min(published_iso) AS first_date, max(published_iso) AS last_date, "
               f"{_roles_joined(dialect)} AS roles, max(confidence) AS max_confidence "
               "FROM tie_rows GROUP BY type, source, target, negated")
    best = ("SELECT type, source, target, negated, max(confidence) AS best FROM tie_rows "
            "GROUP BY type, source, target, negated, source_key")
    # capped, so that ln(1 - c) stays finite for a fact the analyst added (confidence 1)
    corroborated = ("SELECT type, source, target, negated, 1 - exp(sum(ln(1 - CASE WHEN "
                    "best > :cap THEN :cap ELSE best END))) AS confidence "
                    f"FROM ({best}) AS outlet_best GROUP BY type, source, target, negated")
    joined = " AND ".join(f"corroborated.{k} = per_tie.{k}"
                          for k in ("type", "source", "target", "negated"))
    return ("SELECT per_tie.type, per_tie.source, per_tie.target, per_tie.negated, "
            "per_tie.sources, per_tie.mentions, per_tie.documents, per_tie.anonymous, "
            "per_tie.first_date, per_tie.last_date, per_tie.roles, corroborated.confidence, "
            f"per_tie.max_confidence FROM ({per_tie}) AS per_tie "
            f"JOIN ({corroborated}) AS corroborated ON {joined}")


def _roles_joined(dialect: str) -> str:
    """A tie's distinct non-empty roles joined by :separator. SQLite's DISTINCT aggregate
    takes no separator: it joins with commas, so a comma inside a role is set aside
    first (as :comma) and put back after."""
    named = "CASE WHEN role != '' THEN role END"
    if dialect == "sqlite":
        joined = f"group_concat(DISTINCT replace({named}, ',', :comma))"
        return f"replace(replace({joined}, ',', :separator), :comma, ',')"
    return f"string_agg(DISTINCT {named}, CAST(:separator AS TEXT))"


def _named(counts: str) -> str:
    """Counted ties with the names and types of their ends, as `tie_of_row` reads them."""
    return ("SELECT counted.*, s.name AS source_name, s.type AS source_type, "
            "t.name AS target_name, t.type AS target_type "
            f"FROM ({counts}) AS counted JOIN entities AS s ON s.id = counted.source "
            "JOIN entities AS t ON t.id = counted.target")
