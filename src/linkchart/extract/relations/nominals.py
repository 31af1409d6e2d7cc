"""Relations stated by nouns: "attacks on X", "Iran's support for X", "clashes between X
and Y", "an alliance of A, B and C". Cues are in patterns/relations.yaml."""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from linkchart.model import ACTOR_TYPES


class NominalRules:
    """Mixed into RelationExtractor, which provides context, _add and _subjects."""

    def _load_nominals(self, words: dict) -> None:
        self.nominals: dict[str, list[dict]] = {}
        for cue in words["nominals"]:
            for word in cue["words"]:
                self.nominals.setdefault(word, []).append(cue)
        self.between = {w: kind for kind, ws in words["between"].items() for w in ws}
        self.light_verbs = set(words["light_verbs"])
        self.help_nouns = set(words["help_nouns"])

    def _nominal(self, token: Token) -> None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return
        self._nominal_with_object(token)
        self._nominal_between(token)
        self._with_help(token)

    def _nominal_with_object(self, noun: Token) -> None:
        for cue in self.nominals.get(noun.lower_, ()):
            for prep in (c for c in self._nominal_preps(noun) if c.lower_ in cue["preps"]):
                others = [i for o in prep.children if o.dep_ == "pobj"
                          for i in self.context.referents_of(o)
                          if self.context.type_of(i) in cue.get("target_types", ACTOR_TYPES)]
                actors = self._nominal_actors(noun)
                for actor in actors:
                    for other in others:
                        source, target = (other, actor) if cue.get("reverse") else (actor, other)
                        self._add(cue["type"], source, target, [noun, prep], noun)

    def _nominal_preps(self, noun: Token) -> list[Token]:
        """The noun's prepositions, and its light verb's: the parser hangs "in Turkey" of
        "waged an insurgency in Turkey" on the verb."""
        preps = [c for c in noun.children if c.dep_ == "prep"]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.light_verbs:
            preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
        return preps

    def _with_help(self, noun: Token) -> None:
        """'Syrian regime forces, with Russian and Iranian support', 'battling extremists
        with the help of U.N. and French forces': the helpers support whoever acts."""
        if noun.lower_ not in self.help_nouns or noun.dep_ != "pobj" or \
                noun.head.lower_ != "with":
            return
        helpers = self.context.modifier_referents(noun, ("poss", "amod", "compound"))
        helpers += [i for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                     for o in p.children if o.dep_ == "pobj"
                     for i in self.context.referents_of(o)]
        attached = noun.head.head
        helped = self.context.referents_of(attached) if attached.pos_ in ("NOUN", "PROPN") \
            else self._subjects(attached)
        for helper in dict.fromkeys(helpers):
            for other in helped:
                self._add("supports", helper, other, [noun.head, noun], noun)

    def _nominal_actors(self, noun: Token) -> list[int]:
        actors = self.context.modifier_referents(noun, ("poss", "compound", "amod", "nmod"))
        leaders = [i for i in self._leaders_by_hyphen(noun) if i not in actors]
        if actors:
            return actors + leaders
        verb = noun.head
        if noun.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in self.light_verbs | {
                "of", "with"}:  # not "for": 'Trump blamed Iran for the attack on X'
            while (verb.pos_ == "ADP" or verb.dep_ == "prep") and verb.head.i != verb.i:
                verb = verb.head  # a preposition can be the root of a headline fragment
            return leaders + [i for i in self._subjects(verb) if i not in leaders]
        return leaders

    def _leaders_by_hyphen(self, noun: Token) -> list[int]:
        """'the U.S.-led fight against IS', 'the Saudi-led bombing campaign': the leader
        wages it."""
        doc = noun.doc
        modifiers = [c for c in noun.children if c.i < noun.i]
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children]
        return [i for m in modifiers if self.hyphenated.get(m.lower_) == "leads" and m.i >= 2
                and doc[m.i - 1].text in ("-", "‐")
                for i in [self.context.referent(doc[m.i - 2])] if i is not None]

    def _nominal_between(self, noun: Token) -> None:
        kind = self.between.get(noun.lower_)
        if kind is None:
            return
        for prep in (c for c in noun.children if c.dep_ == "prep"
                     and c.lower_ in ("between", "among", "of")):
            if prep.lower_ == "of" and kind != "allied_with":
                continue
            members = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            for first, second in combinations(dict.fromkeys(members), 2):
                self._add(kind, first, second, [noun, prep], noun)
