"""Keeping the tie table (`schema.ties`) equal to a count of the relation rows, in the
transaction that changes them: whatever adds, deletes or re-points relation rows (the
writer, judgements, a document's replacement, a wire copy losing its original) names the
pairs of entities whose rows it touched, and `refresh` counts those pairs again, and
the ties of their ends (`entities.ties`).

A pair is counted whole (both directions, every type), so a refresh needs no earlier
count to be right, and the cost of a write grows with the ties it touches, not with the
store."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (ColumnElement, Connection, bindparam, delete, func, insert, select,
                        tuple_, update)

from linkchart.store.lookup import CHUNK
from linkchart.store.schema import documents, entities, relations
from linkchart.store.schema import ties as tie_table
from linkchart.store.tie_shapes import QUOTES_KEPT
from linkchart.store.ties import (COUNTS, TIE_KEY, counts, relation_columns, tie_count_sql,
                                  tie_ends, tie_rows)

Pair = tuple[str, str]
PAIR_CHUNK = 200
"""Pairs counted in one statement (each binds up to four ids, and its ends)."""

def refresh(conn: Connection, pairs: Iterable[tuple[str | None, str | None]]) -> None:
    """Count again the ties between each pair of entities (a pair with an unresolved end
    is no tie): delete their rows, insert their count from the relation rows."""
    unordered = sorted({tuple(sorted(p)) for p in pairs if None not in p})
    for i in range(0, len(unordered), PAIR_CHUNK):
        chunk = unordered[i:i + PAIR_CHUNK]
        both = sorted({*chunk, *((b, a) for a, b in chunk)})
        firsts = sorted({a for a, _ in both})
        conn.execute(delete(tie_table).where(
            tie_table.c.source.in_(firsts),
            tuple_(tie_table.c.source, tie_table.c.target).in_(both)))
        scope = relation_columns().where(
            relations.c.source_entity.in_(firsts),
            tuple_(relations.c.source_entity, relations.c.target_entity).in_(both))
        _insert_counts(conn, scope)
    count_ties(conn, {end for pair in unordered for end in pair})


def rebuild(conn: Connection) -> None:
    """Count every tie again (a new table, or a check that found it wrong)."""
    conn.execute(delete(tie_table))
    _insert_counts(conn, relation_columns())
    conn.execute(update(entities).values(ties=tie_count_sql(entities.c.id)))


def count_ties(conn: Connection, entity_ids: Iterable[str]) -> None:
    """Count again how many ties each of `entity_ids` has (`entities.ties`), from the
    table: what a chart's nodes, cards and entity lists show."""
    ids = sorted(set(entity_ids))
    for i in range(0, len(ids), CHUNK):
        conn.execute(update(entities).where(entities.c.id.in_(ids[i:i + CHUNK]))
                     .values(ties=tie_count_sql(entities.c.id)))


def _insert_counts(conn: Connection, scope) -> None:
    """Insert the ties of the relation rows of `scope` (`ties.relation_columns`), with
    their quotes."""
    counted = counts(tie_rows(scope.subquery("scope")), conn.dialect.name).subquery("counted")
    columns = [*TIE_KEY, *COUNTS]
    conn.execute(insert(tie_table).from_select(columns, select(*(counted.c[k]
                                                                 for k in columns))))
    _record_quotes(conn, scope.subquery("quoted"))


def _record_quotes(conn: Connection, scope) -> None:
    """Each tie's oldest QUOTES_KEPT relation rows (by publication, document, row), as
    `graph.first_quotes` ranks them."""
    source, target = tie_ends(scope.c.type, scope.c.source_entity, scope.c.target_entity)
    key = [scope.c.type, source, target, scope.c.negated]
    rank = func.row_number().over(partition_by=key, order_by=[
        func.coalesce(documents.c.published, ""), scope.c.document_id, scope.c.id])
    ranked = (select(*(k.label(name) for k, name in zip(key, TIE_KEY, strict=True)),
                     scope.c.id, rank.label("rank"))
              .join(documents, documents.c.id == scope.c.document_id).subquery("ranked"))
    oldest: dict[tuple, list[str]] = {}
    for row in conn.execute(select(ranked).where(ranked.c.rank <= QUOTES_KEPT)
                            .order_by(ranked.c.rank)):
        oldest.setdefault((row.type, row.source, row.target, bool(row.negated)),
                          []).append(str(row.id))
    if oldest:
        conn.execute(update(tie_table).where(*(tie_table.c[k] == bindparam(f"tie_{k}")
                                               for k in TIE_KEY))
                     .values(quotes=bindparam("tie_quotes")),
                     [{"tie_type": kind, "tie_source": a, "tie_target": b,
                       "tie_negated": negated, "tie_quotes": ",".join(ids)}
                      for (kind, a, b, negated), ids in oldest.items()])


def pairs_where(conn: Connection, *conditions: ColumnElement) -> set[Pair]:
    """The ends of the relation rows that meet `conditions` (both resolved)."""
    stmt = (select(relations.c.source_entity, relations.c.target_entity).distinct()
            .where(relations.c.source_entity.is_not(None),
                   relations.c.target_entity.is_not(None), *conditions))
    return {(a, b) for a, b in conn.execute(stmt)}


def pairs_of_entity(conn: Connection, entity_id: str) -> set[Pair]:
    """Every pair that an entity is an end of, in the relation rows (two indexed
    look-ups) and in the tie table (in case it lags behind them)."""
    found = pairs_where(conn, relations.c.source_entity == entity_id)
    found |= pairs_where(conn, relations.c.target_entity == entity_id)
    for end in (tie_table.c.source, tie_table.c.target):
        found |= {(a, b) for a, b in conn.execute(
            select(tie_table.c.source, tie_table.c.target).where(end == entity_id))}
    return found


def pairs_of_documents(conn: Connection, doc_ids: Iterable[str]) -> set[Pair]:
    ids = sorted(set(doc_ids))
    found: set[Pair] = set()
    for i in range(0, len(ids), CHUNK):
        found |= pairs_where(conn, relations.c.document_id.in_(ids[i:i + CHUNK]))
    return found


def renamed(pairs: Iterable[Pair], old: str, new: str) -> set[Pair]:
    """`pairs`, with `old` standing for `new` (after a merge re-pointed its rows)."""
    return {(new if a == old else a, new if b == old else b) for a, b in pairs}
