"""What a relation rule family is: a set of rules over the shared syntax helpers.

A family names its rules in `mention_rules` (run on every mention of every referent) and
`token_rules` (run on every token); each rule is the family's method of that name, and
what it records is tagged with that name, the key calibration knows it by ("verb:supports").
`tags` lists any other tag a family records under (a variant calibrated apart).
`parts_of_speech` names, for a token rule that can only fire on some parts of speech,
those parts of speech: on any other token it is not called at all (most tokens are
determiners, prepositions and punctuation). Families call the syntax helpers and the
recorder, never each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from linkchart.extract.relations.recording import Recorder
from linkchart.extract.relations.syntax import Syntax


class RuleFamily:
    name: ClassVar[str]
    description: ClassVar[str]
    mention_rules: ClassVar[tuple[str, ...]] = ()
    token_rules: ClassVar[tuple[str, ...]] = ()
    tags: ClassVar[tuple[str, ...]] = ()
    parts_of_speech: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, syntax: Syntax, recorder: Recorder):
        self.syntax = syntax
        self.context = syntax.context
        self.words = syntax.words
        self.add = recorder.add
        self.add_all = recorder.add_all

    def rules(self, names: tuple[str, ...]) -> list[tuple[str, Callable]]:
        """(tag, rule) for each rule named, in order."""
        return [(name, getattr(self, name)) for name in names]

    def token_rule_parts_of_speech(self) -> list[tuple[str, Callable, tuple[str, ...] | None]]:
        """(tag, rule, the parts of speech it fires on or None for any) per token rule."""
        return [(name, rule, self.parts_of_speech.get(name))
                for name, rule in self.rules(self.token_rules)]
