"""Who is tied to whom: relations from roles, names' modifiers, relational nouns, verbs,
adjectives, hyphenated modifiers and nominals over the dependency parse. Cues live in
patterns/relations.yaml (read by words.py). Each family of rules is a registered unit
(family.py) in its own module, over the syntax helpers they share (syntax.py), and
records what it finds through one recorder (recording.py):

    names.py       a name's own modifiers: owners, state bodies, seats, places
    roles.py       roles and titles
    nominals.py    "attacks on X", "clashes between X and Y", "with Russian support"
    nouns.py       relational nouns, strongholds, residents, "against", "links to"
    verbs.py       verbs, their subjects and objects
    adjectives.py  adjectives, hyphenated modifiers, prefixes, participles
"""

from __future__ import annotations

from collections.abc import Callable

from linkchart.extract.context import Context
from linkchart.extract.relations.adjectives import AdjectiveRules
from linkchart.extract.relations.family import RuleFamily, TokenRule
from linkchart.extract.relations.names import NameRules
from linkchart.extract.relations.nominals import NominalRules
from linkchart.extract.relations.nouns import RelationalNounRules
from linkchart.extract.relations.recording import Recorder
from linkchart.extract.relations.roles import RoleRules
from linkchart.extract.relations.syntax import Syntax
from linkchart.extract.relations.verbs import VerbRules
from linkchart.extract.relations.words import relation_words
from linkchart.model import Relation

__all__ = ["FAMILIES", "RuleFamily", "extract_relations", "rule_tags"]

FAMILIES: dict[str, type[RuleFamily]] = {family.name: family for family in (
    NameRules, RoleRules, NominalRules, RelationalNounRules, VerbRules, AdjectiveRules)}
"""The rule families, in the order their rules run: on each mention, then on each token
(the order decides which of two findings of one relation keeps its evidence)."""


def rule_tags() -> dict[str, str]:
    """Every tag a relation's `rule` can start with -> the family that records it."""
    return {tag: name for name, family in FAMILIES.items()
            for tag in (*family.mention_rules, *family.token_rules, *family.tags)}


def extract_relations(context: Context) -> list[Relation]:
    syntax = Syntax(context, relation_words())
    recorder = Recorder(syntax)
    families = [family(syntax, recorder) for family in FAMILIES.values()]
    mention_rules = [r for f in families for r in f.rules(f.mention_rules)]
    token_rules = [r for f in families for r in f.token_rule_guards()]
    for index, referent in enumerate(context.referents):
        for mention in referent.mentions:
            _run(recorder, mention_rules, index, mention)
    strings = context.doc.vocab.strings
    cue_words = {strings[word] for word in _cue_words(token_rules)}
    # by (part of speech, whether the word is a cue of some table), both read as numbers:
    # cheaper than pos_ and lower_, which look the strings up
    rules_for: dict[tuple[int, bool], list[tuple[str, Callable]]] = {}
    for token in context.doc:
        key = (token.pos, token.lower in cue_words)
        rules = rules_for.get(key)
        if rules is None:
            rules = rules_for[key] = _rules_on(token.pos_, key[1], token_rules)
        _run(recorder, rules, token)
    return _without_subsumed(recorder.found, syntax.words.subsumes)


def _cue_words(rules: list[TokenRule]) -> frozenset[str]:
    return frozenset(word for rule in rules if rule.words is not None for word in rule.words)


def _rules_on(pos: str, a_cue_word: bool, rules: list[TokenRule]) -> list[tuple[str, Callable]]:
    """The token rules that can fire on a token of this part of speech, in order; those
    that need a cue word only if the token is one (each rule checks its own table)."""
    return [(rule.tag, rule.rule) for rule in rules
            if (rule.parts_of_speech is None or pos in rule.parts_of_speech)
            and (rule.words is None or a_cue_word)]


def _without_subsumed(found: dict[tuple, Relation], subsumes: dict[str, list[str]]
                      ) -> list[Relation]:
    """Drop a tie that a stronger one between the same two actors implies ("Its leader,
    X": X leads the group, and is not listed again as a member)."""
    implied = {(weaker, source, target) for kind, source, target in found
               for weaker in subsumes.get(kind, ())}
    return [relation for key, relation in found.items() if key not in implied]


def _run(recorder: Recorder, rules: list[tuple[str, Callable]], *where) -> None:
    for tag, rule in rules:
        recorder.rule = tag  # the tag on what the rule records
        rule(*where)
