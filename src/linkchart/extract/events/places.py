"""Where an event took place: the in/near/at phrases of the trigger, of the verb that
carries it out, and of their objects ("a hotel in Mali's capital", "the town of Cizre")."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import Context
from linkchart.extract.events.candidates import Candidate, Trigger
from linkchart.extract.events.lexicon import Lexicon
from linkchart.extract.lexicons import lexicon

PLACE_TYPES = {"location", "country"}
# Prepositions under which a country, not only a city or region, is the place.
COUNTRY_PREPS = ("in", "across", "throughout", "inside", "within", "near", "into")
NOT_PLACES = frozenset(lexicon("events")["not_places"])


def find_place(trigger: Trigger, candidate: Candidate, context: Context, lex: Lexicon) -> None:
    """Set the candidate's location from the first place phrase found, unless its roles
    already gave one."""
    if candidate.location is not None:
        return
    for obj in (c for c in trigger.token.children if c.dep_ == "dobj"):
        place = place_in(obj, False, context)  # "captured the town of Afrin"
        if place is not None:
            candidate.location = place
            return
    for head in _place_heads(trigger, lex):
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in lex.place_preps:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                place = place_in(obj, child.lower_ in COUNTRY_PREPS, context)
                if place is not None:
                    candidate.location = place
                    return


def _place_heads(trigger: Trigger, lex: Lexicon) -> list[Token]:
    """The words a place phrase may hang on: the trigger, the verb carrying it out (or
    the verb a conjoined trigger shares), their objects and recipients."""
    heads = [trigger.token]
    token = trigger.token
    if trigger.light is not None:
        heads.append(trigger.light)
    elif trigger.kind == "verb" and token.dep_ == "conj":
        heads.append(token.head)
    elif (trigger.kind == "noun" and token.dep_ in ("nsubj", "nsubjpass")) or (
            trigger.kind == "verb" and token.dep_ == "advcl" and token.tag_ == "VBG"):
        heads.append(token.head)  # "a car bomb exploded in Beirut, killing six"
    for head in list(heads):
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.i != trigger.token.i:
                heads.append(child)
            elif child.dep_ == "prep" and (child.lower_ in lex.recipient_preps or (
                    child.lower_ == "of" and head.i == trigger.token.i
                    and head.lower_ in lex.patient_nouns)):  # "the killing of X in Baghdad"
                heads.extend(g for g in child.children if g.dep_ == "pobj")
    return heads


def place_in(token: Token, allow_country: bool, context: Context) -> int | None:
    """The place a prepositional object names, directly or through its modifiers."""
    wanted = PLACE_TYPES if allow_country else {"location"}
    if token.lemma_.lower() in NOT_PLACES:
        return None  # "in response to", "in retaliation for", "in support of"
    for index in context.referents_of(token, anaphora=False):
        if context.type_of(index) in wanted:
            return index
    # "the town of Cizre", "a hotel in Mali's capital", "near Baghdad's Imams Bridge"
    for child in _inner_phrases(token):
        index = _first_referent(child, context)
        if index is not None and context.type_of(index) in wanted:
            return index
    return None


def _inner_phrases(token: Token) -> list[Token]:
    inner = [c for c in token.children if c.dep_ in ("poss", "compound", "appos", "nmod")]
    inner += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
              for g in c.children if g.dep_ == "pobj"]
    return inner


def _first_referent(token: Token, context: Context) -> int | None:
    """The referent of the token, or else of the first token under it that has one."""
    index = context.token_referent.get(token.i)
    if index is None:
        index = next((context.token_referent[g.i] for g in token.subtree
                      if g.i in context.token_referent), None)
    return index
