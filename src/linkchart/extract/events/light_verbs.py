"""Noun triggers and the verbs that carry them out ("launched an offensive", "signed an
agreement", "claimed responsibility for the attack"). A noun that needs such a verb and
has none is no event; a noun whose verb is itself a trigger of its type is that verb's.
"""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.events.candidates import Trigger
from linkchart.extract.events.lexicon import Lexicon, Spec, lemma_of, word_key

# Verbs whose subject a noun trigger may be ("the offensive began", "talks took place").
ASPECT_VERBS = ("begin", "start", "continue", "resume", "take", "end", "break")
LIGHT_PREPS = ("in", "into", "to", "on", "for")


def resolve_light_verbs(triggers: dict[int, Trigger], lex: Lexicon) -> None:
    """Tie each noun trigger to the verb that carries it out, if any; drop nouns that
    need one and have none, and nouns already covered by a verb trigger."""
    for index, trigger in list(triggers.items()):
        if trigger.kind != "noun":
            continue
        trigger.light = light_verb_of(trigger.token, triggers, lex)
        governing = triggers.get(trigger.light.i) if trigger.light is not None else None
        if governing is not None and governing.kind == "verb":
            if _covered_by(governing, trigger, lex):
                if governing.spec.mode is None and trigger.spec.mode:
                    governing.spec = Spec(governing.spec.type, trigger.spec.mode)
                del triggers[index]
                continue
            if trigger.token.dep_ in ("dobj", "nsubjpass") and \
                    lemma_of(trigger.light) not in lex.light_verbs:
                trigger.light = None
        if trigger.light is None and _needs_verb(trigger, lex):
            del triggers[index]


def _covered_by(verb: Trigger, noun: Trigger, lex: Lexicon) -> bool:
    """A verb trigger of the noun's own type ("attacked ... in an assault"), or one the
    noun only exists through."""
    return verb.spec.type == noun.spec.type or word_key(noun.token.lemma_) in lex.needs_verb


def _needs_verb(trigger: Trigger, lex: Lexicon) -> bool:
    key = " ".join(word_key(w.lemma_) for w in trigger.words)
    return key in lex.needs_verb or word_key(trigger.token.lemma_) in lex.needs_verb


def light_verb_of(noun: Token, triggers: dict[int, Trigger], lex: Lexicon) -> Token | None:
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos_ in ("VERB", "AUX"):
        return _verb_of_argument(noun, triggers, lex)
    if noun.dep_ == "pobj" and head.lower_ == "for" and lemma_of(head.head) in (
            "responsibility", "credit") and head.head.head.pos_ == "VERB":
        return head.head.head  # "claimed responsibility for the attack"
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.head.pos_ == "VERB":
        verb = head.head
        if is_light(verb, lex) and head.lower_ in LIGHT_PREPS:
            return verb
        return None
    if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return light_verb_of(head, triggers, lex)
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and is_light(child, lex):
            return child
    return None


def _verb_of_argument(noun: Token, triggers: dict[int, Trigger], lex: Lexicon) -> Token | None:
    """The verb a noun is the subject or object of, where it carries the noun out."""
    head = noun.head
    if noun.dep_ == "nsubj" and lemma_of(head) not in ASPECT_VERBS:
        return None
    if noun.dep_ == "nsubj" and lemma_of(head) == "take":
        return head if any(c.lower_ == "place" for c in head.children) else None
    if is_light(head, lex) or head.i in triggers:
        return head
    return None


def is_light(verb: Token, lex: Lexicon) -> bool:
    if any(c.dep_ == "oprd" for c in verb.children):
        return False  # "called the assault state-sponsored terror" names, not carries out
    lemma = lemma_of(verb)
    if lemma in lex.light_verbs:
        return True
    return any(f"{lemma} {c.lower_}" in lex.light_verbs
               for c in verb.children if c.dep_ in ("prt", "prep"))
