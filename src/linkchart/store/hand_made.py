"""Actors and links an analyst adds by hand: kept as judgements (`add_actor`, `add_fact`),
so that no re-ingest, re-extraction or rebuild loses them, and marked as hand-made
wherever they are shown.

Applying one finds the actor it made before (its recorded target, if that entity still
has the name), else an actor of the same kind and name that the store has since learnt
of, else makes a new global entity with no mentions. Making one refuses a name that an
actor of the same kind already has (that actor is not new).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from linkchart.model import ENTITY_TYPES
from linkchart.names.keys import keys_for
from linkchart.names.normalise import name_key
from linkchart.store import read_hand_made
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.entity_rows import merge_aliases, search_text
from linkchart.store.identity import JudgementError, anchor, new_entity
from linkchart.store.read_hand_made import KIND  # noqa: F401 (judging reads it here)
from linkchart.store.schema import entities, entity_keys
from linkchart.store.search import Search

MAX_NAME = 200


def payload_of(name: str, entity_type: str, aliases: list[str] | None) -> dict[str, Any]:
    """The judgement's payload, or JudgementError for a name or type it cannot hold."""
    name = " ".join(str(name or "").split())
    if not name or len(name) > MAX_NAME or not name_key(name):
        raise JudgementError(f"an actor added by hand needs a name (1-{MAX_NAME} characters)")
    if entity_type not in ENTITY_TYPES:
        raise JudgementError(f"unknown type {entity_type!r}; one of {', '.join(ENTITY_TYPES)}")
    kept = [" ".join(a.split()) for a in aliases or [] if isinstance(a, str) and a.strip()]
    return {"name": name, "type": entity_type,
            "aliases": [a for a in dict.fromkeys(kept) if name_key(a) != name_key(name)]}


def refuse_known(conn: Connection, payload: dict[str, Any]) -> None:
    found = anchor(conn, {"name": payload["name"], "type": payload["type"]})
    if found:
        raise JudgementError(f"{payload['name']!r} is already in the store as {found}")


def apply(conn: Connection, payload: dict[str, Any], targets: list | None,
          search: Search) -> tuple[str, list[str]]:
    previous = (targets or [None])[0]
    # ids are stable within a store: the actor made before stays ours, renamed or not
    entity_id = conn.scalar(select(entities.c.id).where(entities.c.id == previous)) \
        if previous else None
    entity_id = entity_id or anchor(conn, {"name": payload["name"], "type": payload["type"]})
    if entity_id is None:
        entity_id = new_entity(conn, payload["name"], payload["type"])
    _give_aliases(conn, entity_id, payload.get("aliases") or [], search)
    return "applied", [entity_id]


def _give_aliases(conn: Connection, entity_id: str, aliases: list[str], search: Search) -> None:
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).one()
    merged = merge_aliases(row.name, list(row.aliases), aliases)
    text = search_text(row.name, merged)
    conn.execute(update(entities).where(entities.c.id == entity_id).values(
        aliases=merged, search_text=text))
    have = set(conn.scalars(select(entity_keys.c.key).where(entity_keys.c.entity_id == entity_id)))
    new = [k for k in keys_for(row.name, merged, row.type) if k not in have]
    if new:
        conn.execute(insert(entity_keys), [{"key": k, "entity_id": entity_id} for k in new])
    search.index_entity(conn, row.num, entity_id, text)


def hand_made(conn: Connection) -> dict[str, dict[str, Any]]:
    """Entity id -> who added it by hand and when (read_hand_made.hand_made)."""
    return read_hand_made.hand_made(AlchemyReader(conn))


def hand_made_links(conn: Connection) -> dict[str, dict[str, Any]]:
    """Tie id -> who added it by hand, and its hand-made quotes (read_hand_made)."""
    return read_hand_made.hand_made_links(AlchemyReader(conn))
