"""Relations that events imply: whoever attacks a party opposes it; whoever gives aid
supports its recipient. Each keeps the event's evidence and attribution."""

from __future__ import annotations

from linkchart.model import ACTOR_TYPES, UNDIRECTED_RELATIONS, Entity, Event, Relation

IMPLIED = {}


def relations_from_events(events: list[Event], entities: list[Entity],
                          known: list[Relation]) -> list[Relation]:
    types = {e.id: e.type for e in entities}
    seen = {_key(r.type, r.source, r.target) for r in known}
    implied = []
    for event in events:
        kind = IMPLIED.get(event.type)
        if kind is None:
            continue
        for actor in event.actors:
            for recipient in event.recipients:
                key = _key(kind, actor, recipient)
                if actor == recipient or key in seen or not {types.get(actor),
                                                             types.get(recipient)} <= ACTOR_TYPES:
                    continue
                seen.add(key)
                implied.append(Relation(type=kind, source=actor, target=recipient,
                                        evidence=event.evidence, start=event.start,
                                        end=event.end, attribution=event.attribution))
    return implied


def _key(kind: str, source: str, target: str) -> tuple[str, str, str]:
    if kind in UNDIRECTED_RELATIONS:
        source, target = sorted((source, target))
    return kind, source, target
