"""The document's entities: one per referent, every named place among them (the map and
the analyses need places even where no tie uses them; the chart draws ties, so a place
without one stays off it).

The article's own outlet ("(Reuters)", "CNN's Erin Burnett") is not an actor unless the
body has it act or speak, as the annotation guidelines say.
"""

from __future__ import annotations

from spacy.tokens import Span

from linkchart.extract.context import Context
from linkchart.model import Entity
from linkchart.nlp.referents import PLACE_PREPOSITIONS, Referent
from linkchart.nlp.lexicon import typing_lexicon
from linkchart.wordlists import words
from linkchart.nlp.typing import STOCK

NOT_ENTITIES = words(typing_lexicon()["not_entities"])
BORDER_WORDS = {"border", "borders", "frontier", "boundary"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "location"}


def build_entities(context: Context, keep_all: bool = False) -> list[Entity]:
    entities = []
    for index, referent in enumerate(context.referents):
        if not keep_all and index not in context.used and (_only_a_byline(context, referent)
                                          or _only_a_place(referent)
                                          or _not_an_actor(referent)
                                          or _only_described(referent)
                                          or _barely_named(referent)):
            continue
        mentions = sorted({(m.start_char, m.end_char) for m in referent.mentions})
        entities.append(Entity(id=f"e{index + 1}", name=referent.name, type=referent.type,
                               aliases=referent.aliases, mentions=mentions,
                               actor=referent.actor.name if referent.actor else None))
    return entities


def _not_an_actor(referent: Referent) -> bool:
    """A platform or a word the typing lexicon lists as no entity ('said on Twitter'),
    even where a knowledge pack knows it, when nothing ties it to anything."""
    return all(m.text.casefold() in NOT_ENTITIES for m in referent.mentions)


def _only_described(referent: Referent) -> bool:
    """'Turkish troops', 'the Saudi military': forces described by their country and
    never named, tied to nothing."""
    return all(m.ent_id_.startswith("state:") and m.label_ == "security_agency"
               for m in referent.mentions)


def _only_a_place(referent: Referent) -> bool:
    """A country named only as where something is or comes from ('in Syria', 'a
    volunteer from Armenia', 'the border with Lebanon', 'Doha, Qatar') and tied to
    nothing."""
    return referent.type == "country" and all(map(_names_a_place, referent.mentions))


def _names_a_place(mention: Span) -> bool:
    root, doc = mention.root, mention.doc
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS | {"from"}:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "with" and \
            root.head.head.lower_ in BORDER_WORDS:
        return True
    before = doc[mention.start - 2] if mention.start >= 2 else None
    return before is not None and doc[mention.start - 1].text == "," and \
        before.ent_type_ in PLACE_LABELS  # 'Doha, Qatar'


def _barely_named(referent: Referent) -> bool:
    """One word, one mention, typed only by the statistical model, tied to nothing
    (a place the model found is kept: places are not actors, and the map needs them)."""
    return referent.type != "location" and len(referent.mentions) == 1 and len(referent.mentions[0]) == 1 and \
        sum(referent.votes.values()) <= STOCK and referent.actor is None


def _only_a_byline(context: Context, referent: Referent) -> bool:
    if referent.type != "media":
        return False
    outlet = (context.document.outlet or "").casefold()
    if any(form.casefold() in outlet for form in (referent.name, *referent.aliases)):
        return True
    doc = context.doc
    return all(m.start > 0 and doc[m.start - 1].text == "(" and m.end < len(doc)
               and doc[m.end].text == ")" for m in referent.mentions)
