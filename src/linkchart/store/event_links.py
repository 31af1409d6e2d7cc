"""The events an actor took part in (as actor or recipient), lean: what a chart's event
links are counted from (outlet, date, confidence, whether the source is anonymous), with
no text, names or words of the date, so that a chart is drawn without reading them; or,
for a chart without a period, already counted per link and outlet in SQL from the
event-pair table (`event_link_counts`; `event_pair_table` keeps it), so that a hub's
thousands of events are not read one by one. The link's evidence is read in full when
it is opened (`queries.event_list`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from linkchart.store.queries import event_rows_in, participants_of
from linkchart.store.schema import (attributions, documents, event_pairs, event_participants,
                                    events)


def event_links(conn: Connection, entity_id: str, types: Iterable[str] | None,
                date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    involved = select(event_participants.c.event_id).where(
        event_participants.c.entity_id == entity_id)
    stmt = (select(events.c.id, events.c.type, events.c.document_id, events.c.date,
                   events.c.confidence, documents.c.outlet, documents.c.published,
                   attributions.c.source_kind)
            .join(documents, documents.c.id == events.c.document_id)
            .outerjoin(attributions, attributions.c.id == events.c.attribution_id)
            .where(events.c.id.in_(involved)))
    rows = event_rows_in(conn, stmt, types, date_from, date_to)
    people = participants_of(conn, [r.id for r in rows])
    return [{"id": f"V{r.id}", "type": r.type, "document": r.document_id, "date": r.date,
             "published": r.published, "outlet": r.outlet, "confidence": r.confidence,
             "attribution": {"source_kind": r.source_kind} if r.source_kind else None,
             "actors": people.get(r.id, {}).get("actor", []),
             "recipients": people.get(r.id, {}).get("recipient", [])} for r in rows]


LINK_FIELDS = ("type", "actor", "recipient", "key", "best", "mentions", "documents",
               "anonymous", "first_date", "last_date")


def event_link_counts(conn: Connection, expand: list[str], types: Iterable[str] | None,
                      hidden: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The event links of the expanded actors counted in SQL, one row per (PLOVER type,
    actor, recipient, independent outlet): its best confidence, how many (event, actor,
    recipient) pieces of evidence, documents and anonymous ones, and the first and last
    dates (an event's date, else its document's). An event counts for the first actor of
    `expand` that takes part in it, on the pairs that name that actor, as a chart reading
    the events one by one counts it (`views.event_edges`); no pair has a `hidden` end or
    the same actor at both ends."""
    found = []
    for i, entity_id in enumerate(expand):
        found += [dict(zip(LINK_FIELDS, row, strict=True)) for row in conn.execute(
            _link_counts(conn.dialect.name, entity_id, expand[:i], types, hidden))]
    return found


def _link_counts(dialect: str, entity_id: str, earlier: list[str],
                 types: Iterable[str] | None, hidden: Iterable[str]):
    """The counts of one expanded actor's links, from its events' pairs (two indexes)."""
    pairs = event_pairs.c
    when = pairs.date.collate("C") if dialect == "postgresql" else pairs.date
    group = [pairs.type, pairs.actor, pairs.recipient, pairs.outlet]
    stmt = (select(*group, func.max(pairs.confidence), func.count(),
                   func.count(distinct(pairs.document_id)), func.sum(pairs.anonymous),
                   func.min(when), func.max(when))
            .where(or_(pairs.actor == entity_id, pairs.recipient == entity_id))
            .group_by(*group).order_by(*group))
    if earlier:  # an event counts for the first expanded actor that takes part in it
        stmt = stmt.where(pairs.event_id.not_in(
            select(event_participants.c.event_id).where(
                event_participants.c.entity_id.in_(earlier))))
    if types:
        stmt = stmt.where(pairs.type.in_(sorted(types)))
    hidden = sorted(set(hidden))
    if hidden:
        stmt = stmt.where(pairs.actor.not_in(hidden), pairs.recipient.not_in(hidden))
    return stmt
