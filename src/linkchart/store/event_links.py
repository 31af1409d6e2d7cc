"""The events an actor took part in (as actor or recipient), lean: what a chart's event
links are counted from (outlet, date, confidence, whether the source is anonymous), with
no text, names or words of the date, so that a chart is drawn without reading them. The
link's evidence is read in full when it is opened (`queries.event_list`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from linkchart.store.queries import event_rows_in, participants_of
from linkchart.store.schema import attributions, documents, event_participants, events


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
