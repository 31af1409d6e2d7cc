"""What a directive asks for: the span of a REQUEST's demand ("urged Iraqi authorities
to prevent such attacks", "recommended calm", "called for an investigation"), so that
directives can be compared (escalation versus calm)."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import Context
from linkchart.extract.events.candidates import Trigger

EDGE = " ,;:.—–-“”\"'‘’"


def directive_content(trigger: Trigger, context: Context) -> tuple[int, int] | None:
    """(start, end) character offsets of what the directive asks for, or None."""
    heads = [trigger.token] + ([trigger.light] if trigger.light is not None else [])
    for head in heads:
        tokens = _asked(head, context)
        if tokens:
            return _trimmed(context.text, tokens[0].idx, _end(tokens[-1]))
    return None


def _asked(head: Token, context: Context) -> list[Token] | None:
    """The clause or phrase asked for, by preference: an infinitive ("to prevent ..."),
    a that-clause, a "for" phrase ("called for calm"), a thing demanded ("recommended
    calm"); never the addressee ("urged Iraqi authorities")."""
    children = sorted(head.children, key=lambda c: c.i)
    for wanted in ("xcomp", "acl", "ccomp"):
        for child in children:
            if child.dep_ == wanted and child.i > head.i and child.pos_ in ("VERB", "AUX"):
                return _without_mark(sorted(child.subtree, key=lambda t: t.i))
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "for" and child.i > head.i:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return sorted(objects[0].subtree, key=lambda t: t.i)
    for child in children:
        if child.dep_ == "dobj" and child.i > head.i and not _names_someone(child, context):
            # "recommended calm and no escalation": the parser hangs the second thing
            # asked for on the verb
            things = [child] + [c for c in children if c.dep_ == "conj" and c.i > child.i
                                and c.pos_ == "NOUN"]
            return sorted((t for thing in things for t in thing.subtree), key=lambda t: t.i)
    return None


def _names_someone(token: Token, context: Context) -> bool:
    """An addressee ("urged the government"), not a thing asked for."""
    return bool(context.referents_of(token)) or token.pos_ in ("PRON", "PROPN")


def _without_mark(tokens: list[Token]) -> list[Token]:
    """"that the troops leave" -> "the troops leave"."""
    while tokens and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    return tokens


def _end(token: Token) -> int:
    return token.idx + len(token)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return (start, end) if end > start else None
