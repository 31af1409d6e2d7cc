"""The document's entities: one per referent, places only where something uses them."""

from __future__ import annotations

from linkchart.extract.context import Context
from linkchart.model import Entity


def build_entities(context: Context) -> list[Entity]:
    entities = []
    for index, referent in enumerate(context.referents):
        if referent.type == "location" and index not in context.used:
            continue
        mentions = sorted({(m.start_char, m.end_char) for m in referent.mentions})
        entities.append(Entity(id=f"e{index + 1}", name=referent.name, type=referent.type,
                               aliases=referent.aliases, mentions=mentions))
    return entities
