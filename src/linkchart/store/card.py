"""An entity's card (linkchart.store.read_card) on a SQLAlchemy connection, and the
entity whose card runs every statement a card runs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, exists, select

from linkchart.store import read_card
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.schema import entities, event_participants


def entity_card(conn: Connection, entity_id: str, limit: int | None = None
                ) -> dict[str, Any] | None:
    return read_card.entity_card(AlchemyReader(conn), entity_id, limit)


def smallest_full_card(conn: Connection) -> str | None:
    """The least-tied entity with ties and events (None in a store without one): its card
    runs every statement a card runs, over a few rows."""
    has_events = exists().where(event_participants.c.entity_id == entities.c.id)
    return conn.scalar(select(entities.c.id).where(entities.c.ties > 0, has_events)
                       .order_by(entities.c.ties, entities.c.id).limit(1))
