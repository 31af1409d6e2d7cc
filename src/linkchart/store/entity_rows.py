"""An entity's row recomputed from what is stored: aliases, dates, search text, the
number of documents that name it and the keys it is filed under. The writer and
analysts' judgements (`identity`) both use it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, distinct, func, insert, select, update

from linkchart.names.keys import keys_for
from linkchart.names.normalise import name_keys
from linkchart.store import dates
from linkchart.store.lookup import CHUNK
from linkchart.store.schema import (doc_entities, documents, entities, entity_keys,
                                    event_participants, events)
from linkchart.store.search import Search


def rebuild_entities(conn: Connection, entity_ids: Iterable[str], search: Search) -> None:
    """Recompute aliases, dates, the documents that name them and keys of entities from
    what is stored."""
    for entity_id in sorted(entity_ids):
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).one()
        forms, seen_dates, named_in = [], [], set()
        for name, aliases, published, doc_id in conn.execute(
                select(doc_entities.c.name, doc_entities.c.aliases, documents.c.published,
                       documents.c.id)
                .join(documents, documents.c.id == doc_entities.c.document_id)
                .where(doc_entities.c.entity_id == entity_id)):
            forms += [name, *aliases]
            seen_dates.append(published)
            named_in.add(doc_id)
        seen_dates += _event_dates(conn, entity_id)
        aliases = merge_aliases(row.name, [], forms)
        conn.execute(update(entities).where(entities.c.id == entity_id).values(
            aliases=aliases, search_text=search_text(row.name, aliases),
            first_seen=dates.earliest(*seen_dates), last_seen=dates.latest(*seen_dates),
            documents=len(named_in)))
        conn.execute(delete(entity_keys).where(entity_keys.c.entity_id == entity_id))
        keys = keys_for(row.name, aliases, row.type)
        if keys:
            conn.execute(insert(entity_keys), [{"key": k, "entity_id": entity_id} for k in keys])
        search.index_entity(conn, row.num, entity_id, search_text(row.name, aliases))


def count_documents(conn: Connection, entity_ids: Iterable[str | None]) -> None:
    """Count again the documents that name each of `entity_ids` (`entities.documents`),
    from the index of who is named where: after a batch names them in new documents."""
    ids = sorted(set(entity_ids) - {None})
    named = (select(func.count(distinct(doc_entities.c.document_id)))
             .where(doc_entities.c.entity_id == entities.c.id).scalar_subquery())
    for i in range(0, len(ids), CHUNK):
        conn.execute(update(entities).where(entities.c.id.in_(ids[i:i + CHUNK]))
                     .values(documents=named))


def _event_dates(conn: Connection, entity_id: str) -> list[str]:
    involved = select(event_participants.c.event_id).where(
        event_participants.c.entity_id == entity_id)
    return list(conn.scalars(select(events.c.date).where(
        (events.c.id.in_(involved)) | (events.c.location_entity == entity_id))))


def merge_aliases(name: str, aliases: list[str], forms: list[str]) -> list[str]:
    merged = list(aliases)
    folded = {name.casefold(), *(a.casefold() for a in merged)}
    for form in forms:
        if form and form.casefold() not in folded:
            merged.append(form)
            folded.add(form.casefold())
    return merged


def search_text(name: str, aliases: list[str]) -> str:
    return "\n".join(dict.fromkeys([name, *aliases, *name_keys([name, *aliases])]))
