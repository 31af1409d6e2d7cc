"""Relational nouns and places: "X, a unit of Y", "their stronghold in Saada", "a resident
of Arsal", "a war against the Houthis", "denies any link to X"."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import ACTORS, LINK_NOUNS, STATE_MEMBERSHIPS, TIE_PREPS
from linkchart.extract.relations.family import RuleFamily


SEATED_KINDS = {"affiliated_with", "part_of", "splinter_of"}  # an affiliate, branch, wing


class RelationalNounRules(RuleFamily):
    name = "nouns"
    description = "relational nouns, strongholds, residents, 'against', 'links to'"
    token_rules = ("against", "relational_noun", "stronghold", "resident")
    parts_of_speech = {"against": ("NOUN",), "relational_noun": ("NOUN", "PROPN"),
                       "stronghold": ("NOUN",), "resident": ("NOUN",)}

    # -- relational nouns: "X, a unit of Y", "X is a front for Y", "its Quds Force unit"
    def relational_noun(self, token: Token) -> None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return
        phrase = self.syntax.phrase(token, self.words.nouns)
        if phrase is None and token.lower_ in LINK_NOUNS:
            self._link_noun(token)
            return
        if phrase is None or self.syntax.phrase(token, self.words.roles):
            return
        kind = self.words.nouns[phrase]
        holders = self.syntax.holders(token)
        if not holders:  # "his Iraqi partners", "the group's Libyan branch": a demonym
            # names no holder
            modifiers = ("compound",) if kind in ("allied_with", "part_of") else (
                "compound", "amod")
            holders = self.context.modifier_referents(token, modifiers)
        others = self.syntax.objects_of_noun(token, exclude=set(holders), preps=TIE_PREPS,
                                             through_owner=True)
        if kind == "supports_reverse" and not others:
            others = self._patron_by_demonym(token)
        seats = self._seat_by_demonym(token) if kind in SEATED_KINDS else []
        others = [i for i in others if i not in seats]
        for holder in holders:
            for seat in seats:
                self.add("based_in", holder, seat, [token], token)
            for other in others:
                if kind == "supports_reverse":
                    self.add("supports", other, holder, [token], token)
                elif kind == "allied_with" and self._joined(holder, other):
                    # "the United States, a NATO ally": a member of the alliance
                    self.add("member_of", holder, other, [token], token)
                else:
                    self.add(kind, holder, other, [token], token)

    def _seat_by_demonym(self, token: Token) -> list[int]:
        """"al-Qaeda's Syrian affiliate": beside an owner, the demonym names where the
        affiliate is, not a second partner."""
        if not any(c.dep_ == "poss" for c in token.children):
            return []
        demonyms = self.context.knowledge.by_demonym
        return [i for c in token.children if c.dep_ == "amod" and c.text in demonyms
                for i in self.syntax.named(c) if self.context.type_of(i) == "country"]

    def _joined(self, state: int, body: int) -> bool:
        types = self.context.type_of
        return types(state) == "country" and types(body) in STATE_MEMBERSHIPS

    def _patron_by_demonym(self, token: Token) -> list[int]:
        """'an Iranian proxy', 'an Iranian proxy militia': the proxy's patron."""
        noun = token.head if token.dep_ == "compound" and token.head.i > token.i else token
        return [i for c in noun.children if c.dep_ == "amod" and c.i < token.i
                for i in self.context.modifier_referents(noun, ("amod",))
                if self.context.type_of(i) == "country"][:1]

    # -- places held: "their stronghold in Saada", "Idlib city, its main stronghold"
    def stronghold(self, noun: Token) -> None:
        if noun.pos_ != "NOUN" or noun.lower_ not in self.words.strongholds:
            return
        holders = [i for c in noun.children if c.dep_ == "poss"
                   for i in self.context.referents_of(c)]
        owners_of = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]
        holders += [i for o in owners_of for i in self.context.referents_of(o)]
        places = [i for head in [noun, *owners_of] for p in head.children
                  if p.dep_ == "prep" and p.lower_ in ("in", "at")
                  for o in p.children if o.dep_ == "pobj" for i in self.syntax.places(o)]
        if noun.dep_ == "appos":
            places += self.syntax.places(noun.head)
        elif noun.dep_ == "attr":
            places += [i for s in noun.head.children if s.dep_ == "nsubj"
                       for i in self.syntax.places(s)]
        for holder in (h for h in holders if self.context.type_of(h) in ACTORS - {"country"}):
            for place in places:
                self.add("based_in", holder, place, [noun], noun)

    # -- "Abu Omar, a resident of Arsal"
    def resident(self, noun: Token) -> None:
        if noun.pos_ != "NOUN" or noun.lower_ not in self.words.residents:
            return
        places = [i for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                  for o in p.children if o.dep_ == "pobj" for i in self.syntax.places(o)]
        for holder in self.syntax.holders(noun):
            for place in places:
                self.add("based_in", holder, place, [noun], noun)

    def _places(self, token: Token) -> list[int]:
        """Places a phrase names, also through 'the provinces of Saada and Amran'."""
        found = [i for i in self.context.referents_of(token, anaphora=False)
                 if self.context.type_of(i) in PLACES]
        if not found and token.pos_ == "NOUN":
            found = [i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" for i in self.syntax.places(o)]
        return found

    def against(self, noun: Token) -> None:
        """'its partner on the ground against Islamic State', 'a war against the Houthis':
        whoever the noun belongs to opposes the object of 'against'."""
        if noun.pos_ != "NOUN" or any(c.dep_ == "det" and c.lower_ == "no"
                                      for c in noun.children):
            return  # "there's no attack against the U.S. forces": nothing told
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
                     and c.i not in self.context.token_referent):  # not inside a name
            targets = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            if not targets:
                continue
            described = noun.dep_ == "pobj" and noun.head.lower_ == "as" and \
                noun.head.head.lemma_.lower() in self.words.describing_verbs
            # "described the attack as an attempt against X": the describer attempts nothing
            sources = self.syntax.nominal_actors(noun) or (
                [] if described else self.syntax.holders(noun))
            for source in sources:
                for target in targets:
                    self.add("opposes", source, target, [noun, prep], noun)

    def _link_noun(self, noun: Token) -> None:
        """'denies any link to X', 'has ties with X': the verb's subject to X."""
        verb = noun.head
        if noun.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
            return
        subjects = self.syntax.subjects(verb)
        targets = [i for c in noun.children if c.dep_ == "prep" and c.lower_ in
                   ("to", "with", "between") for o in c.children if o.dep_ == "pobj"
                   for i in self.context.referents_of(o)]
        for subject in subjects:
            for target in targets:
                self.add("affiliated_with", subject, target, [noun], verb)
