"""Enumerations told over several sentences ("One is handled by X. The second is attached
to Y. The third is linked to Z, while the fourth ..."), and a later count that refers
back to them ("The last three answer directly to Khamenei", "the first two")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from linkchart.extract.lexicons import lexicon
from linkchart.model import ORGANISATION_TYPES

if TYPE_CHECKING:
    from linkchart.extract.context import Context

WORDS = lexicon("anaphora")["enumeration"]
ORDINALS: dict[str, int] = WORDS["ordinals"]
COUNTS: dict[str, int] = WORDS["counts"]
LOOK_BACK = 4  # sentences
MIN_ITEMS = 3
SUBJECTS = ("nsubj", "nsubjpass")


def counted_members(token: Token, context: Context) -> list[int]:
    """The organisations 'the last three' or 'the first two' counts in the enumeration
    told just before it; empty when the token is no such count."""
    count = COUNTS.get(token.lower_)
    modifiers = [*token.children, *(token.head.children if token.dep_ == "nummod" else ())]
    side = {c.lower_ for c in modifiers if c.dep_ == "amod"} & {"last", "first"}
    if count is None or not side:
        return []
    items = _enumeration_before(token, context)
    if not items:
        return []
    total = max(items)
    wanted = range(total - count + 1, total + 1) if "last" in side else range(1, count + 1)
    return [items[k] for k in wanted if items.get(k) is not None]


def _enumeration_before(token: Token, context: Context) -> dict[int, int | None]:
    """{ordinal: the organisation its clause names, or None}, from the sentences just
    before the token; empty unless at least three items are told."""
    number = context.sentence_number(token)
    items: dict[int, int | None] = {}
    for sent in context.sentences[max(0, number - LOOK_BACK):number]:
        for item in sent:
            ordinal = ORDINALS.get(item.lower_)
            if ordinal is None or item.dep_ not in SUBJECTS or (
                    item.lower_ == "one" and item.i != sent.start):
                continue
            items[ordinal] = _named_after(item, context)
    return items if len(items) >= MIN_ITEMS else {}


def _named_after(item: Token, context: Context) -> int | None:
    """The first organisation named in the item's clause after it."""
    for token in item.head.subtree:
        index = context.token_referent.get(token.i)
        if token.i > item.i and index is not None and \
                context.type_of(index) in ORGANISATION_TYPES:
            return index
    return None
