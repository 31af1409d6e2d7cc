"""Verbs: "X controls Y", "Y is backed by X", "X answers to Y", "Under Soleimani, ...";
designations ("listed as a terrorist organization by Turkey")."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.enumeration import counted_members
from linkchart.extract.relations.constants import CONTESTED_PREPS
from linkchart.extract.relations.family import RuleFamily


class VerbRules(RuleFamily):
    name = "verbs"
    description = "verbs with their subjects and objects, 'under X', designations, " \
        "reciprocal verbs"
    token_rules = ("verb", "reciprocal")
    parts_of_speech = {"verb": ("VERB", "NOUN"),  # a noun: a mistagged verb or a count
                       "reciprocal": ("VERB",)}

    # -- verbs: "X controls Y", "Y is backed by X", "X answers to Y"
    def verb(self, token: Token) -> None:
        counted = self._counted_subject(token)
        if token.pos_ != "VERB" and not _mistagged_verb(token) and not counted:
            return
        self._under(token)
        self._designation(token)
        lemma = self._phrasal(token)
        if lemma not in self.words.verbs and lemma not in self.words.verb_lemmas_with_preps:
            return
        subjects = counted or self.syntax.subjects(token)
        objects = self.syntax.direct_objects(token) or self._ground_of(token)
        if _fought_over(token) and lemma == token.lemma_.lower():  # not "took over X"
            objects = []  # "Sonora is being fought over by two gangs": the prize, no foe
        replacements = _replacements(token) if self.words.verbs.get(lemma) == "succeeded" \
            else []
        if replacements:  # "Trump replacing McMaster with Bolton": Bolton succeeds
            subjects = [i for p in replacements for o in p.children
                        if o.dep_ == "pobj" for i in self.context.referents_of(o)]
        if lemma in self.words.verbs and subjects and objects:
            said = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
            kind = self.words.verbs[lemma]
            if kind == "controls" and self._holds_ground(token):
                kind = "based_in"  # "IS controls a vast swath of Syria"
            for subject in subjects:
                if lemma in self.words.person_only_verbs and \
                        self.context.type_of(subject) != "person":
                    continue
                for obj in objects:
                    held = kind == "controls" and self.context.type_of(obj) == "location" \
                        and self.context.type_of(subject) != "country"
                    # "Hamas, which controls the Gaza Strip": ground held, not an actor
                    self.add("based_in" if held else kind, subject, obj, said, token)
        for prep in _prepositions(token):
            side = self._side_of(prep)
            cue = self.words.verb_preps.get((lemma, side[0] if side else prep.lower_))
            if cue is None or not self._particle_ok(token, cue) or self._sends_word(token):
                continue
            objects = side[1] if side else [o for o in prep.children if o.dep_ == "pobj"]
            targets = [i for o in objects for i in self.syntax.through_of(o)]
            # "prisoners were transferred to Qatar": what is given gives nothing
            givers = subjects or ([] if cue["type"] == "supports" and prep.lower_ == "to"
                                  else self.syntax.passive_subjects(token))
            self.add_all(cue, givers, targets, token)

    # -- "Obama and Putin have clashed", "the Taliban and IS fought each other"
    def reciprocal(self, verb: Token) -> None:
        kind = self._reciprocal_kind(verb) if verb.pos_ == "VERB" else None
        if kind is None:
            return
        sides = self.syntax.subjects(verb)
        for n, side in enumerate(sides):
            for other in sides[n + 1:]:
                self.add(kind, side, other, [verb], verb)
        partners = [i for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                    for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)]
        if sides and partners:  # "joined forces with them"
            self.add_all({"type": kind}, sides, partners, verb)

    def _reciprocal_kind(self, verb: Token) -> str | None:
        words, lemma = self.words, verb.lemma_.lower()
        if lemma not in words.reciprocal_heads:
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        each_other = any(_phrase_of(o) in words.reciprocal_objects for o in objects)
        if each_other and lemma in words.reciprocal_with_each_other:
            return words.reciprocal_with_each_other[lemma]
        for phrase in [f"{lemma} {c.lower_}" for c in verb.children
                       if c.dep_ in ("prt", "dobj")]:
            if phrase in words.reciprocal_verbs:
                return words.reciprocal_verbs[phrase]
        alone = not objects or each_other
        return words.reciprocal_verbs.get(lemma) if alone else None

    def _side_of(self, prep: Token) -> tuple[str, list[Token]] | None:
        """'on the side of Assad': ('alongside', [Assad])."""
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            stands_for = self.words.side_nouns.get(noun.lemma_.lower())
            if stands_for and prep.lower_ == "on":
                return stands_for, [g for p in noun.children if p.dep_ == "prep" and
                                    p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return None

    def _counted_subject(self, token: Token) -> list[int]:
        """'The last three answer directly to Khamenei', which the small model reads as a
        noun 'answer' modified by 'the last three': the count is the subject."""
        if token.pos_ != "NOUN":
            return []
        return [i for c in token.children if c.dep_ == "nummod"
                for i in counted_members(c, self.context)]

    def _holds_ground(self, verb: Token) -> bool:
        """'controls parts of Syria', 'held much of the north': ground, not an actor."""
        territory = self.words.territory_nouns
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in territory
                   and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
                   for c in verb.children)

    def _ground_of(self, verb: Token) -> list[int]:
        """'control much of eastern Libya': the place the ground held is part of."""
        if self.words.verbs.get(verb.lemma_.lower()) != "controls" or \
                not self._holds_ground(verb):
            return []
        return [i for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)]

    def _sends_word(self, verb: Token) -> bool:
        """'sent a letter to the UN', 'gave a warning to Iran': words, not support."""
        return any(c.dep_ == "dobj" and c.lemma_.lower() in self.words.message_nouns
                   for c in verb.children)

    def _designation(self, verb: Token) -> None:
        """'The PKK is listed as a terrorist organization by Turkey', 'Israel views Hamas as
        a terrorist group': whoever designates opposes the designated."""
        if verb.lemma_.lower() not in self.words.designation_verbs:
            return
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for noun in (o for o in prep.children if o.dep_ == "pobj"):
                words = {noun.lower_, *(c.lower_ for c in noun.children if c.dep_ in
                                        ("amod", "compound"))}
                if not words & self.words.designation_words:
                    continue
                # the parser hangs "by Y" on the noun
                designators = self.syntax.subjects(verb) or [
                    i for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
                    for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)]
                self.add_all({"type": "opposes"}, designators, self.syntax.direct_objects(verb),
                              verb)
        self._small_clause_designation(verb)

    def _small_clause_designation(self, verb: Token) -> None:
        """'Turkey considers the YPG a terrorist group', 'Israel deems Hamas a terrorist
        organisation': the label is the verb's second object, however the parser hangs it."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd", "ccomp")]
        nouns = objects + [a for o in objects for a in o.children if a.dep_ == "appos"]
        labels = [n for n in nouns if {n.lower_, *(c.lower_ for c in n.children if c.dep_ in (
            "amod", "compound"))} & self.words.designation_words and n.pos_ == "NOUN"]
        if not labels:
            return
        designated = [i for o in objects if o not in labels
                      for i in self.context.referents_of(o)]
        designators = self.syntax.subjects(verb)
        if not designated:  # "Hamas is designated a terrorist organisation by the US"
            designated = self.syntax.passive_subjects(verb)
            designators = designators or [
                i for label in labels for p in label.children
                if p.dep_ == "prep" and p.lower_ == "by"
                for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)]
        self.add_all({"type": "opposes"}, designators, designated, verb)

    def _phrasal(self, verb: Token) -> str:
        """'wiped out', 'propped up': the lemma with its particle when that is a cue."""
        lemma = verb.lemma_.lower()
        # "drove ISIS out of Kobani": the parser may hang the particle as a preposition
        for particle in (c for c in verb.children if c.dep_ == "prt" or (
                c.dep_ == "prep" and c.lower_ in ("out", "back", "off"))):
            phrase = f"{lemma} {particle.lower_}"
            if phrase in self.words.verbs:
                return phrase
        return lemma

    def _under(self, verb: Token) -> None:
        """'Under Soleimani, the Hashd played a major role': X controls the subject."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"):
            controllers = [i for o in prep.children if o.dep_ == "pobj"
                           and o.lemma_.lower() not in self.words.under_not_control
                           for i in self.syntax.through_of(o)]
            for controller in controllers:
                for subject in self.syntax.subjects(verb):
                    self.add("controls", controller, subject, [prep], verb)

    def _particle_ok(self, verb: Token, cue: dict) -> bool:
        particle = cue.get("particle")
        return particle is None or any(c.lower_ == particle for c in verb.children)


def _prepositions(verb: Token) -> list[Token]:
    """The verb's prepositions, and those the parser hangs on its adverb ('broke away
    from X', 'moved back to Y')."""
    found = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative")]
    return found + [p for c in verb.children if c.dep_ in ("advmod", "prt") and c.i > verb.i
                    for p in c.children if p.dep_ == "prep"]


def _mistagged_verb(token: Token) -> bool:
    """'The Quds Force answers directly to Khamenei': the small model tags 'answers' a noun
    but still gives it a subject."""
    return token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)


def _replacements(verb: Token) -> list[Token]:
    """The 'with' of 'replacing X with Y', hung on the verb or on its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]


def _phrase_of(token: Token) -> str:
    """'each other': the object with its determiner."""
    return " ".join(t.lower_ for t in token.subtree)


def _fought_over(verb: Token) -> bool:
    """A preposition left without its object: what the verb is about is its subject."""
    return any(c.dep_ in ("prep", "prt") and c.lower_ in CONTESTED_PREPS and
               not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)
