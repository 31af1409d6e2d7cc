"""What a relation rule family is: a set of rules over the shared syntax helpers.

A family names its rules in `mention_rules` (run on every mention of every referent) and
`token_rules` (run on every token); each rule is the family's method of that name, and
what it records is tagged with that name, the key calibration knows it by ("verb:supports").
`tags` lists any other tag a family records under (a variant calibrated apart).
`parts_of_speech` names, for a token rule that can only fire on some parts of speech,
those parts of speech: on any other token it is not called at all (most tokens are
determiners, prepositions and punctuation). `cue_tables` names, for a token rule that
only fires on a word of one of the relation words' tables, that table: it is not called
on a token whose lower-case form is in none of them. Families call the syntax helpers
and the recorder, never each other.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import ClassVar, NamedTuple

from linkchart.extract.relations.recording import Recorder
from linkchart.extract.relations.syntax import Syntax


class RuleFamily:
    name: ClassVar[str]
    description: ClassVar[str]
    mention_rules: ClassVar[tuple[str, ...]] = ()
    token_rules: ClassVar[tuple[str, ...]] = ()
    tags: ClassVar[tuple[str, ...]] = ()
    parts_of_speech: ClassVar[dict[str, tuple[str, ...]]] = {}
    cue_tables: ClassVar[dict[str, str]] = {}

    def __init__(self, syntax: Syntax, recorder: Recorder):
        self.syntax = syntax
        self.context = syntax.context
        self.words = syntax.words
        self.add = recorder.add
        self.add_all = recorder.add_all

    def rules(self, names: tuple[str, ...]) -> list[tuple[str, Callable]]:
        """(tag, rule) for each rule named, in order."""
        return [(name, getattr(self, name)) for name in names]

    def token_rule_guards(self) -> list[TokenRule]:
        """Each token rule with the parts of speech it fires on (None: any) and the
        table of words it fires on (None: any)."""
        return [TokenRule(name, rule, self.parts_of_speech.get(name),
                          getattr(self.words, self.cue_tables[name])
                          if name in self.cue_tables else None)
                for name, rule in self.rules(self.token_rules)]


class TokenRule(NamedTuple):
    tag: str
    rule: Callable
    parts_of_speech: tuple[str, ...] | None
    words: Collection[str] | None
