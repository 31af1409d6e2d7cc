"""Relations stated by nouns: "attacks on X", "Iran's support for X", "clashes between X
and Y", "an alliance of A, B and C". Cues are in patterns/relations.yaml."""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from linkchart.extract.relations.family import RuleFamily
from linkchart.model import ACTOR_TYPES


class NominalRules(RuleFamily):
    name = "nominals"
    description = "'attacks on X', 'clashes between X and Y', 'with Russian support'"
    token_rules = ("nominal",)
    parts_of_speech = {"nominal": ("NOUN", "PROPN")}

    def nominal(self, token: Token) -> None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return
        self._nominal_with_object(token)
        self._nominal_between(token)
        self._with_help(token)
        self._thanked_for_help(token)

    def _nominal_with_object(self, noun: Token) -> None:
        for cue in self.words.nominals.get(noun.lower_, ()):
            for prep in (c for c in self._nominal_preps(noun) if c.lower_ in cue["preps"]
                         or (c.dep_ == "acl" and c.lemma_.lower() in cue.get("verbs", ()))):
                others = [i for o in prep.children if o.dep_ in ("pobj", "dobj")
                          for i in self.context.referents_of(o)
                          if self.context.type_of(i) in cue.get("target_types", ACTOR_TYPES)]
                actors = self.syntax.nominal_actors(noun)
                for actor in actors:
                    for other in others:
                        reverse = cue.get("reverse") and not _adverbial(noun)
                        source, target = (other, actor) if reverse else (actor, other)
                        self.add(cue["type"], source, target, [noun, prep], noun)

    def _nominal_preps(self, noun: Token) -> list[Token]:
        """The noun's prepositions, and its light verb's: the parser hangs "in Turkey" of
        "waged an insurgency in Turkey" on the verb."""
        preps = [c for c in noun.children if c.dep_ in ("prep", "acl")]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.words.light_verbs:
            preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
        return preps

    def _with_help(self, noun: Token) -> None:
        """'Syrian regime forces, with Russian and Iranian support', 'battling extremists
        with the help of U.N. and French forces': the helpers support whoever acts."""
        if noun.lower_ not in self.words.help_nouns or noun.dep_ != "pobj" or \
                noun.head.lower_ != "with":
            return
        helpers = self.context.modifier_referents(noun, ("poss", "amod", "compound"))
        helpers += [i for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                     for o in p.children if o.dep_ == "pobj"
                     for i in self.context.referents_of(o)]
        attached = noun.head.head
        if attached.dep_ == "dobj":
            attached = attached.head  # "fought Israel with the help of Iran": Iran helps
            # the fighter, whatever the parser hung the phrase on
        helped = self.context.referents_of(attached) if attached.pos_ in ("NOUN", "PROPN") \
            else self.syntax.subjects(attached)
        for helper in dict.fromkeys(helpers):
            for other in helped:
                self.add("supports", helper, other, [noun.head, noun], noun)

    def _thanked_for_help(self, noun: Token) -> None:
        """'Abadi thanked the UK for its support': the one thanked helps the thanker."""
        prep = noun.head
        if noun.lower_ not in self.words.help_nouns or noun.dep_ != "pobj" or \
                prep.lower_ != "for" or prep.head.lemma_.lower() not in self.words.thanking_verbs:
            return
        verb = prep.head
        helpers = [i for c in verb.children if c.dep_ == "dobj"
                   for i in self.context.referents_of(c)]
        for helper in helpers:
            for helped in self.syntax.subjects(verb):
                self.add("supports", helper, helped, [verb, noun], noun)

    @staticmethod
    def _between_preps(noun: Token) -> list[Token]:
        """The noun's prepositions, and for a subject those of its verb after it: the
        parser hangs "between" of "clashes broke out between X and Y" on the verb."""
        preps = [c for c in noun.children if c.dep_ == "prep"]
        if noun.dep_ == "nsubj":
            preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i
                      and c.lower_ == "between"]
        return preps

    def _nominal_between(self, noun: Token) -> None:
        kind = self.words.between.get(noun.lower_)
        if kind is None:
            return
        for prep in (c for c in self._between_preps(noun)
                     if c.lower_ in ("between", "among", "of")):
            if prep.lower_ == "of" and kind != "allied_with":
                continue
            members = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            for first, second in combinations(dict.fromkeys(members), 2):
                self.add(kind, first, second, [noun, prep], noun)


def _adverbial(noun: Token) -> bool:
    """'deployed fighters in support of the regime': the support is the subject's, given."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "VERB"
