"""Words that qualify a noun: adjectives ("factions loyal to Y"), hyphenated modifiers
("Iran-backed factions") and participles ("militias backed by Iran")."""

from __future__ import annotations

from spacy.tokens import Token


class AdjectiveRules:
    """Mixed into RelationExtractor, which provides context, _add, _add_all and _subjects."""

    def _load_adjectives(self, words: dict) -> None:
        self.adjectives = {(a["word"], a["prep"]): a for a in words["adjectives"]}
        self.hyphenated = words["hyphenated"]
        self.participles = words["participles"]
        self.force_nouns = set(words["force_nouns"])
        self.government_nouns = set(words["government_nouns"])
        self.gathering_nouns = set(words["gathering_nouns"])
        self.prefixes = words["prefixes"]

    # -- adjectives: "X is responsible for Y", "factions loyal to Y"
    def _adjective(self, token: Token) -> None:
        if token.pos_ not in ("ADJ", "VERB", "NOUN"):
            return
        for prep in (c for c in token.children if c.dep_ == "prep"):
            cue = self.adjectives.get((token.lower_, prep.lower_))
            if cue is None:
                continue
            holders = self._adjective_holders(token)
            targets = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            self._add_all(cue, holders, targets, token)

    def _adjective_holders(self, adjective: Token) -> list[int]:
        head = adjective.head
        if adjective.dep_ in ("acomp", "attr") or head.lemma_ == "be":
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return [i for s in subjects for i in self.context.referents_of(s)]
        if adjective.dep_ in ("amod", "acl", "appos"):
            return self.context.referents_of(head, coordinated=False)
        return self._subjects(adjective) if adjective.pos_ == "VERB" else []

    # -- hyphenated modifiers: "Iran-backed factions", "the Moscow-based institute"
    def _hyphenated(self, token: Token) -> None:
        kind = self.hyphenated.get(token.lower_)
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
        for target in targets:
            if kind in ("leads", "controls") and self.context.type_of(target) == "person":
                continue  # "Houthi-led groups, Abu al-Fishi": the apposition is no group
            if kind == "based_in":
                self._add("based_in", target, source, [modifier, token, noun], token)
            elif kind == "holds":  # "the Islamic State-held city of Ramadi"
                for place in [target, *self._places(noun)]:
                    self._add("based_in", source, place, [modifier, token, noun], token)
            else:
                self._add(self._leading(kind, source), source, target,
                          [modifier, token, noun], token)

    # -- prefixes: "the anti-Syrian Hariri camp", "anti-Assad groups"
    def _prefixed(self, token: Token) -> None:
        kind = self.prefixes.get(token.lower_)
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
                self._add(kind, holder, target, [token, named, noun], token)

    def _modified(self, noun: Token, source: int) -> list[int]:
        """What an 'X-backed' modifier qualifies: a name in the phrase itself; a bare
        'Iranian-backed forces' is not the last forces the article named."""
        return [t for t in self.context.referents_of(noun, anaphora=False, coordinated=False)
                if t != source]

    # -- participles after a noun: "militias backed by Iran"
    def _participle(self, token: Token) -> None:
        kind = self.participles.get(token.lower_)
        if kind is None or token.dep_ not in ("acl", "amod", "relcl"):
            return
        agents = [i for a in token.children if a.dep_ == "agent"
                  for o in a.children if o.dep_ == "pobj" for i in self._through_of(o)]
        for source in agents:
            for target in self.context.referents_of(token.head):
                self._add(self._leading(kind, source), source, target, [token], token)

    def _through_of(self, token: Token) -> list[int]:
        """'militants from Lebanon's Hezbollah', 'fighters of the group', 'the regime of
        President Assad', 'Assad's forces': the named side. A common noun with a named
        complement is not read as an anaphor ('the regime' is not the last state named)."""
        context = self.context
        if token.lemma_.lower() in self.gathering_nouns:
            return []  # "hosted a summit with officials from the U.S.": no one hosted
        if token.pos_ == "NOUN" and token.i not in context.token_referent:
            named = [i for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                     for o in p.children if o.dep_ == "pobj" for i in context.referents_of(o)]
            if token.lower_ in self.government_nouns:  # "the regime of President Assad"
                named = [self._state_led_by(i) for i in named]
            if not named and token.lower_ in self.force_nouns:
                named = [self._state_led_by(i) if token.lower_ in self.government_nouns else i
                         for c in token.children if c.dep_ == "poss"
                         for i in context.referents_of(c)]
            if named:
                return named
        return context.referents_of(token)

    def _state_led_by(self, index: int) -> int:
        """'President Assad's government' is Syria's (a government named by its leader is
        the country, as a government named by its country is): the state the pack gives
        a person, when the document names it; else the person."""
        if self.context.type_of(index) != "person":
            return index
        found = self.context.home_state(index)
        if found is None:
            found = self._state_in_title(index)
        return index if found is None else found

    def _state_in_title(self, index: int) -> int | None:
        """The state a leader's title names: 'Syrian President Bashar al-Assad'."""
        context = self.context
        for mention in context.referents[index].mentions:
            before = mention.doc[max(0, mention.start - 3):mention.start]
            if not any(t.lower_ in self.state_titles and
                       self.state_titles[t.lower_] == "leads" for t in before):
                continue
            for token in before:
                actor = context.knowledge.by_demonym.get(token.text)
                found = context.country_referent(actor) if actor else None
                if found is not None:
                    return found
        return None

    def _leading(self, kind: str, source: int) -> str:
        if kind == "leads" and self.context.type_of(source) != "person":
            return "controls"
        return kind
