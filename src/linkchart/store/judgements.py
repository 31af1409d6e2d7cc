"""Analyst decisions, kept apart from machine output and never removed by re-ingest."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from linkchart.store.schema import judgements

KINDS = ("merge", "split", "not_same", "retype", "rename", "reject", "add_fact")


def add(conn: Connection, kind: str, payload: dict[str, Any], author: str | None) -> int:
    if kind not in KINDS:
        raise ValueError(f"unknown judgement kind {kind!r}; expected one of {', '.join(KINDS)}")
    return conn.execute(insert(judgements).values(
        kind=kind, payload=payload, author=author,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )).inserted_primary_key[0]


def listing(conn: Connection, kind: str | None = None) -> list[dict[str, Any]]:
    stmt = select(judgements).order_by(judgements.c.id)
    if kind:
        stmt = stmt.where(judgements.c.kind == kind)
    return [{"id": r.id, "kind": r.kind, "payload": r.payload, "author": r.author,
             "created_at": r.created_at} for r in conn.execute(stmt)]
