"""The referents a participant phrase names: the entities the context resolved it to, or
those its modifiers name ("forces under Haftar", "fighters of the HTS", "Hezbollah's
fighters", "U.S. troops", "militants loyal to X")."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import RELATIVE_PRONOUNS, Context, negated, side_prefixed
from linkchart.extract.events.candidates import add_new
from linkchart.extract.events.lexicon import Lexicon

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")


def phrase_referents(token: Token | None, context: Context, lex: Lexicon) -> list[int]:
    """Referents a participant phrase names, or through its modifiers."""
    if token is None or negated(token):
        return []
    token = _antecedent_phrase(token, context)
    found = context.referents_of(token)
    if found:
        return found
    holder = context.title_holder(token)
    if holder is not None:
        return [holder]
    for head in (token, *token.conjuncts):
        stateless = head.lower_ in lex.stateless_nouns
        for child in head.children:
            add_new(found, [r for r in _referents_through(child, context, lex)
                            if not (stateless and context.type_of(r) == "country")])
    return found


def _antecedent_phrase(token: Token, context: Context) -> Token:
    """The noun a relative pronoun stands for; the named head of an apposition."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
        token = token.head.head
    if token.dep_ == "appos" and token.head.i in context.token_referent:
        token = token.head
    return token


def _referents_through(child: Token, context: Context, lex: Lexicon) -> list[int]:
    """What one modifier of a participant phrase names."""
    if child.dep_ in MODIFIER_DEPS:
        # "the Russian and Ukrainian presidents": both
        return [i for c in (child, *child.conjuncts) for i in modifier_referent(c, context)]
    if child.dep_ == "prep" and child.lower_ in lex.member_preps:
        # "fighters of the HTS": the group, never a place
        return [r for obj in _objects(child) for r in context.referents_of(obj)
                if context.type_of(r) != "location"]
    if child.dep_ in ("acl", "amod") and child.pos_ in ("VERB", "ADJ"):
        # "militants loyal to X", "forces aligned with X"
        return [r for prep in child.children if prep.dep_ == "prep"
                and prep.lower_ in ("to", "with")
                for obj in _objects(prep) for r in context.referents_of(obj)]
    return []


def _objects(prep: Token) -> list[Token]:
    return [obj for obj in prep.children if obj.dep_ == "pobj"]


def modifier_referent(token: Token, context: Context) -> list[int]:
    """The referent a modifier names ("Hezbollah's", "US", "Israeli"), as a list; not
    the side a "pro-" or "anti-" prefix takes ("pro-Russia rebels" are not Russia)."""
    if side_prefixed(token):
        return []
    index = context.referent(token)
    if index is not None:
        return [index]
    return []
