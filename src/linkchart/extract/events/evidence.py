"""The evidence of an event: the trigger's clause without the clauses and circumstances
that tell another story ("..., in response to the killing of ..."), clipped to its
sentence and to a readable length."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import Context
from linkchart.extract.events.candidates import Trigger
from linkchart.extract.events.syntax import Sentences
from linkchart.extract.lexicons import lexicon

MAX_EVIDENCE_TOKENS = 60
CLAUSE_DEPS = ("ccomp", "advcl", "parataxis", "csubj", "relcl", "acl", "xcomp")
TRAILING_DEPS = CLAUSE_DEPS + ("punct", "cc", "mark", "conj", "dep")
SIDE_CLAUSE_DEPS = ("advcl", "ccomp", "parataxis", "punct", "mark", "cc")
CIRCUMSTANCE_PREPS = ("after", "amid", "despite", "following", "because", "since",
                      "before", "as", "while")
CIRCUMSTANCES = frozenset(lexicon("events")["circumstances"])


def evidence_of(trigger: Trigger, sentences: Sentences,
                context: Context) -> tuple[str, int, int]:
    """(text, start, end) of the event's evidence."""
    head = trigger.light if trigger.light is not None else trigger.token
    tokens = _evidence_tokens(trigger, head)
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    sent = sentences.of(head.i)
    start, end = max(start, sent.start), min(end, sent.end)
    if end - start > MAX_EVIDENCE_TOKENS:
        start = max(start, trigger.token.i - MAX_EVIDENCE_TOKENS // 2)
        end = min(end, start + MAX_EVIDENCE_TOKENS)
    return context.evidence(start, end)


def _evidence_tokens(trigger: Trigger, head: Token) -> list[Token]:
    """A bare noun trigger's whole phrase; otherwise the head with the children that
    belong to the act, and the noun trigger's phrase."""
    if trigger.kind == "noun" and trigger.light is None:
        return list(head.subtree)
    tokens = [head]
    for child in head.children:
        if not _tells_another_story(child, head):
            tokens.extend(child.subtree)
    if trigger.kind == "noun":
        tokens.extend(trigger.token.subtree)
    return tokens


def _tells_another_story(child: Token, head: Token) -> bool:
    """A following clause, a side clause, or a circumstance ("after", "in response to")."""
    if child.dep_ in TRAILING_DEPS and child.i > head.i:
        return True
    if child.dep_ == "prep" and (child.lower_ in CIRCUMSTANCE_PREPS or any(
            g.dep_ == "pobj" and g.lemma_.lower() in CIRCUMSTANCES
            for g in child.children)):
        return True  # "..., in response to the killing of ...": another story
    return child.dep_ in SIDE_CLAUSE_DEPS
