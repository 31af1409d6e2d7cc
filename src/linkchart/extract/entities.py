"""The document's entities: one per referent, places only where something uses them.

The article's own outlet ("(Reuters)", "CNN's Erin Burnett") is not an actor unless the
body has it act or speak, as the annotation guidelines say.
"""

from __future__ import annotations

from linkchart.extract.context import Context
from linkchart.model import Entity
from linkchart.nlp.referents import Referent


def build_entities(context: Context) -> list[Entity]:
    entities = []
    for index, referent in enumerate(context.referents):
        if index not in context.used and (referent.type == "location"
                                          or _only_a_byline(context, referent)):
            continue
        mentions = sorted({(m.start_char, m.end_char) for m in referent.mentions})
        entities.append(Entity(id=f"e{index + 1}", name=referent.name, type=referent.type,
                               aliases=referent.aliases, mentions=mentions))
    return entities


def _only_a_byline(context: Context, referent: Referent) -> bool:
    if referent.type != "media":
        return False
    outlet = (context.document.outlet or "").casefold()
    if any(form.casefold() in outlet for form in (referent.name, *referent.aliases)):
        return True
    doc = context.doc
    return all(m.start > 0 and doc[m.start - 1].text == "(" and m.end < len(doc)
               and doc[m.end].text == ")" for m in referent.mentions)
