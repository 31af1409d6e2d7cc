"""Relations aggregated across documents, with their evidence, and the oldest quotes of
ties, read over a SQLAlchemy connection (read_relations, read_quotes)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from linkchart.store import read_quotes, read_relations
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.tie_shapes import (  # noqa: F401 (the others: for other modules)
    CONFIDENCE_CAP, MAX_AMONG_IN_SQL, aggregate, confident, corroborated, count_sources, edge_id,
    entity_num, evidence_of_row, oldest_quote, rank, tie_id_of_row,
)


def relation_list(conn: Connection, entity_ids=None, types=None, date_from=None, date_to=None,
                  min_sources: int = 1, among: set[str] | None = None,
                  min_confidence: float | None = None) -> list[dict[str, Any]]:
    """read_relations.relation_list."""
    return read_relations.relation_list(AlchemyReader(conn), entity_ids, types, date_from,
                                        date_to, min_sources, among, min_confidence)


def first_quotes(conn: Connection, entity_id: str, others: Iterable[str],
                 per_tie: int | None) -> dict[str, list[dict[str, Any]]]:
    """The oldest `per_tie` quotes of each tie between `entity_id` and each of `others`
    (read_quotes.first_quotes)."""
    return read_quotes.first_quotes(AlchemyReader(conn), entity_id, others, per_tie)
