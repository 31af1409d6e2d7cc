"""Words that qualify a noun: adjectives ("factions loyal to Y"), hyphenated modifiers
("Iran-backed factions") and participles ("militias backed by Iran")."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.family import RuleFamily


class AdjectiveRules(RuleFamily):
    name = "adjectives"
    description = "adjectives, hyphenated modifiers, prefixes, participles"
    token_rules = ("adjective", "hyphenated", "prefixed", "participle")
    parts_of_speech = {"adjective": ("ADJ", "VERB", "NOUN")}
    cue_tables = {"hyphenated": "hyphenated", "prefixed": "prefixes",
                  "participle": "participles"}

    # -- adjectives: "X is responsible for Y", "factions loyal to Y"
    def adjective(self, token: Token) -> None:
        if token.pos_ not in ("ADJ", "VERB", "NOUN"):
            return
        for prep in (c for c in token.children if c.dep_ == "prep"):
            cue = self.words.adjectives.get((token.lower_, prep.lower_))
            if cue is None:
                continue
            holders = self._adjective_holders(token)
            targets = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            self.add_all(cue, holders, targets, token)

    def _adjective_holders(self, adjective: Token) -> list[int]:
        head = adjective.head
        if adjective.dep_ in ("acomp", "attr") or head.lemma_ == "be":
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return [i for s in subjects for i in self.context.referents_of(s)]
        if adjective.dep_ in ("amod", "acl", "appos"):
            return self.context.referents_of(head, coordinated=False)
        return self.syntax.subjects(adjective) if adjective.pos_ == "VERB" else []

    # -- hyphenated modifiers: "Iran-backed factions", "the Moscow-based institute"
    def hyphenated(self, token: Token) -> None:
        kind = self.words.hyphenated.get(token.lower_)
        doc = token.doc
        if kind is None or token.i < 2 or doc[token.i - 1].text not in ("-", "‐"):
            return
        modifier = doc[token.i - 2]
        source = self.context.referent(modifier)
        if source is None:
            return
        noun = token.head if token.head.i > token.i else None
        if noun is None:
            return
        targets = self._modified(noun, source)
        if not targets and noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            noun = noun.head  # "the UN-backed Yemeni President Hadi"
            targets = self._modified(noun, source)
        if kind == "holds" and not targets:  # "the Islamic State-held city of Ramadi"
            for place in self.syntax.places(noun):
                self.add("based_in", source, place, [modifier, token, noun], token)
        for target in targets:
            if kind in ("leads", "controls") and self.context.type_of(target) == "person":
                continue  # "Houthi-led groups, Abu al-Fishi": the apposition is no group
            if kind == "based_in":
                self.add("based_in", target, source, [modifier, token, noun], token)
            elif kind == "holds":  # "the Islamic State-held city of Ramadi"
                for place in [target, *self.syntax.places(noun)]:
                    self.add("based_in", source, place, [modifier, token, noun], token)
            else:
                self.add(self._leading(kind, source), source, target,
                          [modifier, token, noun], token)

    # -- prefixes: "the anti-Syrian Hariri camp", "anti-Assad groups"
    def prefixed(self, token: Token) -> None:
        kind = self.words.prefixes.get(token.lower_)
        doc = token.doc
        if kind is None or token.i + 2 >= len(doc) or doc[token.i + 1].text not in ("-", "‐"):
            return
        named = doc[token.i + 2]
        target = self.context.referent(named)
        noun = named.head if named.head.i > named.i else None
        if target is None or noun is None:
            return
        for holder in self.context.referents_of(noun, coordinated=False):
            if holder != target:
                self.add(kind, holder, target, [token, named, noun], token)

    def _modified(self, noun: Token, source: int) -> list[int]:
        """What an 'X-backed' modifier qualifies: a name in the phrase itself; a bare
        'Iranian-backed forces' is not the last forces the article named."""
        return [t for t in self.context.referents_of(noun, anaphora=False, coordinated=False)
                if t != source]

    # -- participles after a noun: "militias backed by Iran"
    def participle(self, token: Token) -> None:
        kind = self.words.participles.get(token.lower_)
        if kind is None or token.dep_ not in ("acl", "amod", "relcl"):
            return
        agents = [i for a in token.children if a.dep_ == "agent"
                  for o in a.children if o.dep_ == "pobj" for i in self.syntax.through_of(o)]
        head = token.head
        targets = (self.context.referents_of(head) or self.syntax.through_of(head)
                   or self._described(head) or self._collective_of(head))
        for source in agents:
            for target in targets:
                self.add(self._leading(kind, source), source, target, [token], token)

    def _described(self, noun: Token) -> list[int]:
        """'The Mahdi Army was a militia created by Sadr': the subject the noun describes."""
        if noun.dep_ != "attr" or noun.head.lemma_ != "be":
            return []
        return [i for c in noun.head.children if c.dep_ == "nsubj"
                for i in self.context.referents_of(c)]

    def _collective_of(self, noun: Token) -> list[int]:
        """'the SDF, a group of Kurdish and Arab units raised by Washington': the named
        whole that the members are counted in."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.dep_ != "appos":
            return []
        return self.context.referents_of(prep.head.head)

    def _leading(self, kind: str, source: int) -> str:
        if kind == "leads" and self.context.type_of(source) != "person":
            return "controls"
        return kind
