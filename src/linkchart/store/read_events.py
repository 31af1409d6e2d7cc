"""Events with their participants, document and attribution, oldest first: SQL text run
through a `dbapi.Reader`, by the Store and by the light reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.store import dates
from linkchart.store.dbapi import CHUNK, Reader, in_list
from linkchart.store.read_entities import entity_names

EVENT = ("SELECT events.*, documents.outlet, documents.published, "
         "attributions.local_id AS attribution_local, "
         "attributions.source_entity AS attribution_source, attributions.source_text, "
         "attributions.source_kind, attributions.cue "
         "FROM events JOIN documents ON documents.id = events.document_id "
         "LEFT OUTER JOIN attributions ON attributions.id = events.attribution_id")


def involving(dialect: str) -> str:
    """The events :entity takes part in or happens at, as a condition on `events`."""
    takes_part = ("SELECT event_participants.event_id FROM event_participants "
                  "WHERE event_participants.entity_id = :entity")
    if dialect == "postgresql":
        # one array of ids, looked up by key (with IN it read every event of the store)
        return f"(events.id = ANY (ARRAY({takes_part})) OR events.location_entity = :entity)"
    return f"(events.id IN ({takes_part}) OR events.location_entity = :entity)"


def period_sql(types: Iterable[str] | None, date_from: str | None,
               date_to: str | None) -> tuple[list[str], dict[str, Any]]:
    """Conditions on events joined with their documents: of some types, dated (by the
    event's date, else its document's) in the years of the period; `in_period` then
    decides exactly."""
    where, params = dates.year_bounds_sql("coalesce(events.date, documents.published)",
                                          date_from, date_to)
    if types:
        among, values = in_list("type", list(types))
        where, params = [f"events.type IN {among}", *where], params | values
    return where, params


def in_period(rows: Iterable, date_from: str | None, date_to: str | None) -> list:
    return [r for r in rows if dates.in_range(r.date or r.published, date_from, date_to)]


def oldest_event(row) -> tuple[str, str]:
    return dates.iso(row.date or row.published) or "9999", f"V{row.id}"


def _oldest_event_sql(dialect: str) -> str:
    """`oldest_event` in SQL, from the stored sort date (`events.sort_date`, the same
    `dates.iso`), so that a hub's first events are found without reading every event it
    took part in."""
    key = ["coalesce(events.sort_date, '9999')", "'V' || CAST(events.id AS VARCHAR)"]
    if dialect == "postgresql":
        key = [f'{k} COLLATE "C"' for k in key]
    return ", ".join(key)


def event_list(reader: Reader, entity_id: str | None, types: Iterable[str] | None,
               date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    """Events (of an entity, or all), oldest first."""
    return events_of(reader, _event_rows(reader, entity_id, types, date_from, date_to))


def _event_rows(reader: Reader, entity_id: str | None, types: Iterable[str] | None,
                date_from: str | None, date_to: str | None) -> list:
    where, params = period_sql(types, date_from, date_to)
    if entity_id:
        where.append(involving(reader.dialect))
        params["entity"] = entity_id
    sql = EVENT + (" WHERE " + " AND ".join(where) if where else "")
    return sorted(in_period(reader.rows(sql, params), date_from, date_to), key=oldest_event)


def event_page(reader: Reader, entity_id: str, limit: int | None
               ) -> tuple[list[dict[str, Any]], int]:
    """An entity's first `limit` events, oldest first, and how many it has: all of them
    are ordered by their stored sort dates alone, and only the first `limit` are read
    whole (a hub takes part in thousands)."""
    if not limit:
        rows = _event_rows(reader, entity_id, None, None, None)
        return events_of(reader, rows), len(rows)
    # the number of them beside each of the first: one look-up of the hub's events
    page = reader.rows(f"SELECT events.id, count(*) OVER () AS total FROM events "
                       f"WHERE {involving(reader.dialect)} "
                       f"ORDER BY {_oldest_event_sql(reader.dialect)} LIMIT :limit",
                       {"entity": entity_id, "limit": limit})
    first = [event_id for event_id, _ in page]
    total = page[0][1] if page else 0
    rows = []
    for i in range(0, len(first), CHUNK):
        among, params = in_list("id", first[i:i + CHUNK])
        rows += reader.rows(f"{EVENT} WHERE events.id IN {among}", params)
    return events_of(reader, sorted(rows, key=oldest_event)), total


def participants_of(reader: Reader, event_ids: list[int],
                    local: bool = False) -> dict[int, dict[str, list[str]]]:
    """Event id -> role -> the global (or, `local`, the local) ids taking part."""
    found: dict[int, dict[str, list[str]]] = {}
    column = "local_id" if local else "entity_id"
    for i in range(0, len(event_ids), CHUNK):
        among, params = in_list("event", event_ids[i:i + CHUNK])
        for event_id, role, value in reader.rows(
                f"SELECT event_id, role, {column} FROM event_participants "
                f"WHERE event_id IN {among} ORDER BY event_id, local_id", params):
            if value is not None:
                roles = found.setdefault(event_id, {"actor": [], "recipient": []})
                if value not in roles[role]:
                    roles[role].append(value)
    return found


def event_dict(row, people: dict[str, list[str]]) -> dict[str, Any]:
    """An event row (of `events`) with its participants."""
    return {"id": f"V{row.id}", "document": row.document_id, "type": row.type,
            "mode": row.mode, "date": row.date, "date_text": row.date_text,
            "location": row.location_entity, "actors": people.get("actor", []),
            "recipients": people.get("recipient", []), "fatalities": row.fatalities,
            "injured": row.injured, "evidence": row.evidence, "start": row.start,
            "end": row.end, "confidence": row.confidence, "content": row.content,
            "content_start": row.content_start, "content_end": row.content_end}


def events_of(reader: Reader, rows: list) -> list[dict[str, Any]]:
    """Rows of EVENT as events with their outlet, attribution and names."""
    people = participants_of(reader, [r.id for r in rows])
    found = []
    for r in rows:
        item = event_dict(r, people.get(r.id, {})) | {"outlet": r.outlet,
                                                      "published": r.published}
        item["attribution"] = _attribution(r) if r.attribution_local else None
        found.append(item)
    _name(reader, found)
    return found


def _attribution(row) -> dict[str, Any]:
    return {"id": row.attribution_local, "source": row.attribution_source,
            "source_text": row.source_text, "source_kind": row.source_kind, "cue": row.cue}


def _name(reader: Reader, found: list[dict[str, Any]]) -> None:
    ids = {i for e in found for i in [*e["actors"], *e["recipients"], e["location"]] if i}
    names = entity_names(reader, ids)
    for e in found:
        e["names"] = {i: names.get(i) for i in [*e["actors"], *e["recipients"], e["location"]]
                      if i}
