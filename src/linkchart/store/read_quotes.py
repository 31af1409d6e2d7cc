"""The quotes of ties: relation rows with their document's outlet and date and who the
article credits them to, by tie id, oldest first. SQL text run through a `dbapi.Reader`,
by the Store and by the light reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart import model
from linkchart.store.dbapi import CHUNK, Reader, in_list
from linkchart.store.tie_shapes import evidence_of_row, oldest_quote, tie_id_of_row

QUOTE = ("SELECT relations.*, documents.outlet, documents.published, "
         "attributions.local_id AS attribution_local, "
         "attributions.source_entity AS attribution_source, attributions.source_text, "
         "attributions.source_kind, attributions.cue "
         "FROM relations JOIN documents ON documents.id = relations.document_id "
         "LEFT OUTER JOIN attributions ON attributions.id = relations.attribution_id")


def quotes_by_id(reader: Reader, relation_ids: Iterable[int]
                 ) -> dict[str, list[dict[str, Any]]]:
    """The quotes of some relation rows (the tie table keeps each tie's oldest), by tie
    id, oldest first."""
    ids = sorted(set(relation_ids))
    found: dict[str, list[dict[str, Any]]] = {}
    if reader.dialect == "postgresql":
        # one array, planned once however many (a card's thousand quotes: 11 ms against
        # 15-23 in chunks)
        looked_up = [("relations.id = ANY(:ids)", {"ids": ids})] if ids else []
    else:
        looked_up = []
        for i in range(0, len(ids), CHUNK):
            among, params = in_list("id", ids[i:i + CHUNK])
            looked_up.append((f"relations.id IN {among}", params))
    for condition, params in looked_up:
        for r in reader.rows(f"{QUOTE} WHERE {condition}", params):
            found.setdefault(tie_id_of_row(r), []).append(evidence_of_row(r))
    return {tie: sorted(quotes, key=oldest_quote) for tie, quotes in found.items()}


def first_quotes(reader: Reader, entity_id: str, others: Iterable[str],
                 per_tie: int | None) -> dict[str, list[dict[str, Any]]]:
    """The oldest `per_tie` quotes (all, without) of each tie between `entity_id` and
    each of `others`, by tie id: SQL numbers each tie's rows and reads no more than it
    keeps."""
    others = sorted(set(others))
    undirected, params = in_list("undirected", sorted(model.UNDIRECTED_RELATIONS))
    other_end = ("CASE WHEN relations.source_entity = :entity THEN relations.target_entity "
                 "ELSE relations.source_entity END")
    rank_in_tie = (
        "row_number() OVER (PARTITION BY relations.type, relations.negated, "
        f"CASE WHEN relations.type IN {undirected} THEN {other_end} "
        "ELSE relations.source_entity END, "
        f"CASE WHEN relations.type IN {undirected} THEN '' ELSE relations.target_entity END "
        "ORDER BY coalesce(documents.published, ''), relations.document_id, relations.id"
        ") AS rank_in_tie")
    ranked = QUOTE.replace(" FROM relations ", f", {rank_in_tie} FROM relations ", 1)
    kept = ""
    if per_tie is not None:
        kept = " WHERE ranked.rank_in_tie <= :per_tie"
        params["per_tie"] = per_tie
    found: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(others), CHUNK):
        chunk, values = in_list("other", others[i:i + CHUNK])
        for side in (f"relations.source_entity = :entity AND relations.target_entity IN {chunk}",
                     # a tie of the entity with itself is found by the first side
                     f"relations.target_entity = :entity AND relations.source_entity IN {chunk}"
                     " AND relations.source_entity != :entity"):
            for r in reader.rows(
                    f"SELECT * FROM ({ranked} WHERE {side}) AS ranked{kept} "
                    "ORDER BY ranked.id",
                    params | values | {"entity": entity_id}):
                found.setdefault(tie_id_of_row(r), []).append(evidence_of_row(r))
    return {tie: sorted(quotes, key=oldest_quote)[:per_tie] for tie, quotes in found.items()}
