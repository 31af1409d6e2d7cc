"""Who is tied to whom: relations from roles, names' modifiers, relational nouns, verbs,
adjectives, hyphenated modifiers and nominals over the dependency parse. Cues live in
patterns/relations.yaml; each family of rules is a mixin in its own module:

    roles.py       roles and titles, and who holds a role
    names.py       a name's own modifiers: owners, state bodies, places
    nouns.py       relational nouns, strongholds, residents, "against", "links to"
    verbs.py       verbs, their subjects and objects
    adjectives.py  adjectives, hyphenated modifiers, participles
    nominals.py    "attacks on X", "clashes between X and Y", "with Russian support"
    recording.py   recording a relation with its evidence, negation and hedging
"""

from __future__ import annotations

from linkchart.extract.context import Context
from linkchart.extract.lexicons import lexicon
from linkchart.extract.relations.adjectives import AdjectiveRules
from linkchart.extract.relations.names import NameRules
from linkchart.extract.relations.nominals import NominalRules
from linkchart.extract.relations.nouns import RelationalNounRules
from linkchart.extract.relations.recording import Recorder
from linkchart.extract.relations.roles import RoleRules
from linkchart.extract.relations.verbs import VerbRules
from linkchart.model import Relation

__all__ = ["RelationExtractor", "extract_relations"]


class RelationExtractor(RoleRules, NameRules, RelationalNounRules, VerbRules,
                        AdjectiveRules, NominalRules, Recorder):
    def __init__(self, context: Context):
        self.context = context
        words = lexicon("relations")
        self._load_roles(words)
        self._load_nouns(words)
        self._load_verbs(words)
        self._load_adjectives(words)
        self._load_nominals(words)
        self._load_recording(words)

    def run(self) -> list[Relation]:
        mention_rules = (self._modifiers, self._located, self._state_body, self._seat_in_name)
        token_rules = (self._role, self._in_charge, self._nominal, self._against,
                       self._relational_noun, self._stronghold, self._resident, self._verb,
                       self._adjective, self._hyphenated, self._prefixed, self._participle)
        mention_rules = [(rule, _family(rule)) for rule in mention_rules]
        token_rules = [(rule, _family(rule)) for rule in token_rules]
        for index, referent in enumerate(self.context.referents):
            for mention in referent.mentions:
                for rule, family in mention_rules:
                    self.family = family  # the rule tag on what it finds
                    rule(index, mention)
        for token in self.context.doc:
            for rule, family in token_rules:
                self.family = family
                rule(token)
        return list(self.found.values())


def _family(rule) -> str:
    return rule.__name__.strip("_")


def extract_relations(context: Context) -> list[Relation]:
    return RelationExtractor(context).run()
