"""Keeping the event-pair table (`schema.event_pairs`) equal to what the events say, in
the transaction that changes them: whatever adds events, or changes who takes part in
them or whom they are credited to (the writer, a merge, a split, a rejected statement),
names the events (or their documents), and `refresh` writes their rows again from
scratch; deleting an event deletes its rows (foreign key).

A chart's event links (`event_links.event_link_counts`) are counted from these rows:
one per event and pair of different actors (an actor, a recipient), with its type,
document, outlet, date, capped confidence and whether an anonymous source is credited."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, Connection, and_, case, delete, func, insert, select

from linkchart.store.copies import OWN_DOCUMENT
from linkchart.store.graph import CONFIDENCE_CAP
from linkchart.store.lookup import CHUNK
from linkchart.store.schema import (attributions, document_keys, documents,
                                    event_participants, event_pairs, events)

COLUMNS = ("event_id", "actor", "recipient", "type", "document_id", "outlet", "date",
           "confidence", "anonymous")


def refresh(conn: Connection, event_ids: Iterable[int]) -> None:
    """Write again the pairs of some events (those deleted have none)."""
    ids = sorted(set(event_ids))
    for i in range(0, len(ids), CHUNK):
        conn.execute(delete(event_pairs).where(event_pairs.c.event_id.in_(ids[i:i + CHUNK])))
        _insert(conn, events.c.id.in_(ids[i:i + CHUNK]))


def refresh_documents(conn: Connection, doc_ids: Iterable[str]) -> None:
    """Write again the pairs of every event of some documents (newly stored ones)."""
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), CHUNK):
        conn.execute(delete(event_pairs).where(
            event_pairs.c.document_id.in_(ids[i:i + CHUNK])))
        _insert(conn, events.c.document_id.in_(ids[i:i + CHUNK]))


def rebuild(conn: Connection) -> None:
    """Write every event's pairs again (a new table, or a check that found it wrong)."""
    conn.execute(delete(event_pairs))
    _insert(conn, None)


def pair_rows(condition: ColumnElement[bool] | None):
    """The pairs of the events that meet `condition` (all, without), in COLUMNS: each
    (event, actor, recipient) once, however many local mentions name them."""
    actor, recipient = event_participants.alias("actor"), event_participants.alias("recipient")
    when = func.coalesce(func.nullif(events.c.date, ""), func.nullif(documents.c.published, ""))
    stmt = (select(events.c.id, actor.c.entity_id, recipient.c.entity_id, events.c.type,
                   events.c.document_id,
                   func.coalesce(document_keys.c.outlet_key,
                                 OWN_DOCUMENT + events.c.document_id),
                   when,
                   case((events.c.confidence > CONFIDENCE_CAP, CONFIDENCE_CAP),
                        else_=events.c.confidence),
                   case((attributions.c.source_kind == "anonymous", 1), else_=0))
            .join(actor, and_(actor.c.event_id == events.c.id, actor.c.role == "actor"))
            .join(recipient, and_(recipient.c.event_id == events.c.id,
                                  recipient.c.role == "recipient"))
            .join(documents, documents.c.id == events.c.document_id)
            .join(document_keys, document_keys.c.document_id == events.c.document_id)
            .outerjoin(attributions, attributions.c.id == events.c.attribution_id)
            .where(actor.c.entity_id.is_not(None), recipient.c.entity_id.is_not(None),
                   actor.c.entity_id != recipient.c.entity_id)
            .distinct())
    return stmt if condition is None else stmt.where(condition)


def _insert(conn: Connection, condition: ColumnElement[bool] | None) -> None:
    conn.execute(insert(event_pairs).from_select(list(COLUMNS), pair_rows(condition)))


def events_of(conn: Connection, entity_id: str) -> set[int]:
    """The events an entity takes part in (before a merge moves them)."""
    return set(conn.scalars(select(event_participants.c.event_id)
                            .where(event_participants.c.entity_id == entity_id)))


def events_naming(conn: Connection, doc_id: str, local_id: str) -> set[int]:
    """The events of a document that a local entity takes part in (before a split)."""
    in_doc = select(events.c.id).where(events.c.document_id == doc_id)
    return set(conn.scalars(select(event_participants.c.event_id).where(
        event_participants.c.event_id.in_(in_doc), event_participants.c.local_id == local_id)))


def events_credited(conn: Connection, attribution_ids: Iterable[int]) -> set[int]:
    """The events credited to some statements (before they are rejected)."""
    ids = sorted(set(attribution_ids))
    found: set[int] = set()
    for i in range(0, len(ids), CHUNK):
        found |= set(conn.scalars(select(events.c.id)
                                  .where(events.c.attribution_id.in_(ids[i:i + CHUNK]))))
    return found
