"""Analyst decisions, kept apart from machine output and never removed by re-ingest.

Each row is one decision: `kind`, `payload` (what it was made on: signatures of the
entities, the fact), `author` and `created_at`. `status` and `targets` record its last
application (`linkchart.store.judging`): applied, pending (what it names is not in the
store yet), superseded (a later judgement says otherwise), withdrawn, or invalid.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.read_judgements import INACTIVE, judgement  # noqa: F401 (judging reads it here)
from linkchart.store.read_judgements import active as active_of
from linkchart.store.read_judgements import judgements as judgements_of
from linkchart.store.schema import judgements

KINDS = ("merge", "split", "not_same", "retype", "rename", "reject", "add_fact", "note",
         "add_actor")


def add(conn: Connection, kind: str, payload: dict[str, Any], author: str | None,
        created_at: str | None = None, status: str | None = None) -> int:
    if kind not in KINDS:
        raise ValueError(f"unknown judgement kind {kind!r}; expected one of {', '.join(KINDS)}")
    return conn.execute(insert(judgements).values(
        kind=kind, payload=payload, author=author, status=status,
        created_at=created_at or datetime.now(UTC).isoformat(timespec="seconds"),
    )).inserted_primary_key[0]


def listing(conn: Connection, kind: str | None = None) -> list[dict[str, Any]]:
    return judgements_of(AlchemyReader(conn), kind)


def get(conn: Connection, judgement_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(judgements).where(judgements.c.id == judgement_id)).first()
    return judgement(row) if row else None


def active(conn: Connection, kinds: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Judgements still in force, oldest first (read_judgements.active)."""
    return active_of(AlchemyReader(conn), kinds)


def set_state(conn: Connection, judgement_id: int, status: str,
              targets: list[str | None] | None = None) -> None:
    conn.execute(update(judgements).where(judgements.c.id == judgement_id).values(
        status=status, targets=targets,
        applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
