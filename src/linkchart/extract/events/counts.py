"""Casualty counts: how many people a sentence says were killed and wounded ("killing
N", "N people were killed", "left N dead", "wounding N", "claimed the lives of N"),
each number counted once."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from linkchart.extract.events.lexicon import Lexicon, lemma_of
from linkchart.extract.events.syntax import is_passive, subject_of

MULTIPLIERS = (12, 100, 1000, 1000000)  # "two dozen", "three hundred", "30 thousand"


def count_casualties(sent: Span, lex: Lexicon) -> tuple[int | None, int | None]:
    """(killed, wounded) in the sentence, None where it names no number."""
    killed = wounded = 0
    seen: set[int] = set()
    for token in sent:
        kind = _casualty_kind(token, lex)
        if kind is None:
            continue
        value = _count_for(token, seen, lex)
        if value:
            if kind == "killed":
                killed += value
            else:
                wounded += value
    return killed or None, wounded or None


def _casualty_kind(token: Token, lex: Lexicon) -> str | None:
    lemma = lemma_of(token)
    word = token.lower_
    if lemma in lex.wounded or word in lex.wounded:
        return "wounded"
    if lemma in lex.killed or word in lex.killed:
        return "killed"
    return None


def _count_for(cue: Token, seen: set[int], lex: Lexicon) -> int | None:
    """The number of people a casualty word counts, over the phrases it names."""
    heads = _verb_counted(cue)
    if not heads and cue.pos_ in ("ADJ", "VERB", "NOUN"):
        heads.extend(_predicate_counted(cue))
    total = 0
    for head in heads:
        for item in (head, *head.conjuncts):
            if item is not head and any(c.tag_ in ("VBN", "JJ") and c.i != cue.i and
                                        c.dep_ in ("amod", "acl") for c in item.children):
                continue  # "... dead and 3 bridges partially destroyed"
            value = _number(item, seen, lex)
            if value:
                total += value
    return total or None


def _verb_counted(cue: Token) -> list[Token]:
    """What a casualty verb counts: a passive's subject ("25 fighters were killed"),
    "claimed the lives of N", who died, or the object ("killing 3 soldiers")."""
    heads: list[Token] = []
    if not (cue.pos_ == "VERB" or cue.tag_ in ("VBN", "VBD", "VBG")):
        return heads
    lemma = lemma_of(cue)
    if is_passive(cue) or cue.dep_ in ("acl", "amod") and cue.tag_ == "VBN":
        subject = subject_of(cue)
        heads.append(subject if subject is not None else cue.head)
    elif lemma == "claim":
        heads.extend(g for c in cue.children if c.dep_ == "dobj"
                     and lemma_of(c) == "life"
                     for p in c.children if p.dep_ == "prep"
                     for g in p.children if g.dep_ == "pobj")
    elif lemma == "die":
        subject = subject_of(cue)
        if subject is not None:
            heads.append(subject)
    else:
        heads.extend(c for c in cue.children if c.dep_ in ("dobj", "nsubjpass"))
        if cue.dep_ in ("conj",) and not heads:
            heads.extend(c for c in cue.children if c.dep_ == "npadvmod")
    return heads


def _predicate_counted(cue: Token) -> list[Token]:
    """What a casualty adjective or noun counts: "left 35 guerrillas and 5 soldiers
    dead", "6 civilians wounded", "55 wounded"."""
    heads = [c for c in cue.children if c.dep_ in ("nsubj", "nummod", "npadvmod")]
    if cue.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "conj", "amod") and \
            lemma_of(cue.head) == "leave":
        heads.extend(c for c in cue.head.children if c.dep_ == "dobj")
    if cue.dep_ == "amod" and cue.head.pos_ in ("NOUN", "PRON"):
        heads.append(cue.head)
    if cue.dep_ == "conj" and cue.head.tag_ in ("CD",):
        heads.append(cue.head)
    if cue.dep_ == "dobj" and lemma_of(cue.head) == "leave":
        heads.append(cue)
    return heads


def _number(head: Token, seen: set[int], lex: Lexicon) -> int | None:
    """The number a noun phrase counts: "25 people", "at least 20", "three more"."""
    candidates = [head] if _numeric(head, lex) else []
    candidates += [c for c in head.children if c.dep_ in ("nummod", "quantmod", "amod",
                                                          "compound", "npadvmod")
                   and _numeric(c, lex)]
    if head.lower_ in ("all",):
        candidates += [g for c in head.children if c.dep_ == "prep"
                       for g in c.children if _numeric(g, lex)]
    for number in candidates:
        if number.i in seen:
            continue
        value = _value(number, lex)
        if value is not None:
            seen.add(number.i)
            return value
    return None


def _numeric(token: Token, lex: Lexicon) -> bool:
    return token.like_num or token.lower_ in lex.quantities


def _value(token: Token, lex: Lexicon) -> int | None:
    """The number a numeral or number word says, with its multipliers ("two dozen",
    "30 thousand"); None for a year."""
    value = _plain_value(token, lex)
    if value is None:
        return None
    for child in token.children:
        # "two dozen", "three hundred", "30 thousand"
        if child.dep_ in ("compound", "nummod", "quantmod") and child.i < token.i:
            inner = _value_word(child, lex)
            if inner and value in MULTIPLIERS:
                value = inner * value
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in ("hundred", "thousand", "million") \
            and following.head.i in (token.i, token.head.i):
        value = value * lex.quantities[following.lower_]
    if following is not None and following.lower_ == "dozen":
        value = value * 12
    value = int(value)
    if 1900 <= value <= 2100 and token.ent_type_ == "DATE":
        return None
    return value


def _plain_value(token: Token, lex: Lexicon) -> int | float | None:
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    if text in lex.quantities:
        return lex.quantities[text]
    return None


def _value_word(token: Token, lex: Lexicon) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return lex.quantities.get(text)
