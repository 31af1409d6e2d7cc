"""Bounded walks along the dependency parse that several steps share: a clause's subject,
passive voice and its "by" agents, participles, the sentences of a document."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")


class Sentences:
    """A document's sentences, and the number of the sentence each token is in."""

    def __init__(self, doc: Doc):
        self.spans: list[Span] = list(doc.sents)
        self.number_of: list[int] = [0] * len(doc)
        for number, sent in enumerate(self.spans):
            self.number_of[sent.start:sent.end] = [number] * (sent.end - sent.start)

    def of(self, token_index: int) -> Span:
        return self.spans[self.number_of[token_index]]

    def start_of(self, token_index: int) -> int:
        return self.of(token_index).start if self.spans else 0


def subject_of(verb: Token | None) -> Token | None:
    """The clause's subject; for a relative or conjoined clause, the one it shares."""
    token = verb
    for _ in range(4):
        if token is None:
            return None
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects[0]
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return token.head
        if token.dep_ in ("conj", "xcomp", "advcl", "acomp") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or \
        (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and
         not any(c.dep_ in ("nsubj", "aux") for c in verb.children))


def agents_of(verb: Token) -> list[Token]:
    """The objects of a verb's "by" phrases: a passive's actors."""
    agents = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            agents.extend(g for g in child.children if g.dep_ == "pobj")
    return agents


def is_participle(verb: Token) -> bool:
    """A past participle modifying something else ("militias backed by Iran")."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl", "appos", "npadvmod",
                                                 "oprd", "dep") and \
        not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def names_several(token: Token | None) -> bool:
    """A phrase naming more than one party: "Israel and Hamas", "the two leaders"."""
    if token is None:
        return False
    return bool(token.conjuncts) or token.tag_ in ("NNS", "NNPS") or \
        any(c.dep_ == "appos" for c in token.children)


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs on, through at most five nominal or prepositional
    steps."""
    token = noun
    for _ in range(5):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token
        if token.pos_ not in ("NOUN", "PROPN", "ADP", "PRON", "NUM"):
            return None
    return None


def words_before(token: Token, length: int, first: int) -> list[Token] | None:
    """The `length` words ending at `token`, hyphens skipped ("cease-fire")."""
    words = [token]
    i = token.i - 1
    while len(words) < length and i >= first:
        previous = token.doc[i]
        if previous.text in ("-", "‐", "–"):
            i -= 1
            continue
        if previous.is_punct:
            return None
        words.insert(0, previous)
        i -= 1
    return words if len(words) == length else None
