"""Events on the map: each event place with its coordinates from the bundled gazetteer
(GeoNames through `linkchart.export.places`: a city's own, a country's capital's), its
events and the actors in them."""

from __future__ import annotations

from typing import Any

from linkchart.export.places import country, locate
from linkchart.server import views
from linkchart.store import Store


def coordinates(name: str) -> tuple[float, float] | None:
    """(lat, lon) of a place name: the city of that name, else the country's capital."""
    found = locate(name)
    if "lat" in found:
        return found["lat"], found["lon"]
    state = country(name)
    capital = locate(state["capital"]) if state and state.get("capital") else {}
    return (capital["lat"], capital["lon"]) if "lat" in capital else None


def event_places(store: Store, entity_ids: list[str], date_from: str | None,
                 date_to: str | None) -> dict[str, Any]:
    """`places` (id, name, lat, lon, events: [{id, type, date, actors}], actors: {id: name}),
    and how many events have no place or one the gazetteer does not know."""
    found = views.events(store, entity_ids, [], date_from, date_to, views.MAX_EVENTS)
    places: dict[str, dict[str, Any]] = {}
    unplaced = 0
    for event in found["events"]:
        where = event.get("location")
        name = event["names"].get(where) if where else None
        if where not in places and name:
            at = coordinates(name)
            places[where] = {"id": where, "name": name, "lat": at[0], "lon": at[1],
                             "events": [], "actors": {}} if at else None
        place = places.get(where) if where else None
        if place is None:
            unplaced += 1
            continue
        people = [*event["actors"], *event["recipients"]]
        place["events"].append({"id": event["id"], "type": event["type"],
                                "date": event["date"] or event["published"],
                                "document": event["document"], "evidence": event["evidence"],
                                "actors": people})
        place["actors"] |= {p: event["names"].get(p, p) for p in people}
    return {"places": [p for p in places.values() if p], "unplaced": unplaced,
            "total": found["total"]}
