"""Roles and titles: "Hezbollah's leader Hassan Nasrallah", "the commander of the Quds
Force", "President Donald Trump"; and who holds a role or relational noun."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import (
    OBJECT_PREPS, ORGS_AND_STATES, phrase_map)


class RoleRules:
    """Mixed into RelationExtractor, which provides context, _add, _phrase and _subjects."""

    def _load_roles(self, words: dict) -> None:
        self.roles = phrase_map(words["roles"])
        self.definite_leads = set(words["definite_leads"])
        self.state_titles = {w: kind for kind, ws in words["state_titles"].items()
                             for w in ws}
        self.personal_roles = set(words["personal_roles"])
        self.envoy_roles = set(words["envoy_roles"])
        self.state_servants = {*self.state_titles, *self.envoy_roles, *words["state_servants"]}
        self.partitives = set(words["partitives"])
        self.portfolios = set(words["portfolios"])
        self.charge_words = set(words["charge_words"])

    # -- roles: "Hezbollah's leader Hassan Nasrallah", "the commander of the Quds Force"
    def _role(self, token: Token) -> None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return
        role = self._phrase(token, self.roles)
        if role is None:
            return
        kind = self.roles[role]
        if token.lower_ in self.definite_leads:
            kind = "member_of" if any(c.lower_ in ("a", "an") for c in token.children) \
                else "leads"
        holders = self._holders(token)
        objects = self._objects_of_noun(token, exclude=set(holders))
        if role in self.envoy_roles:
            objects = self._senders(token, objects)
        organisations = [i for i in objects if self.context.type_of(i) in ORGS_AND_STATES
                         and (role in self.state_servants or i not in self._nationality(token))]
        if role in self.personal_roles:
            for person in (i for i in objects if self.context.type_of(i) == "person"):
                for holder in holders:
                    self._add("controls", person, holder, [token], token)
        elsewhere = not organisations and self._serves_elsewhere(token)
        family = self.family
        for holder in holders:
            home, guessed = ([], False) if elsewhere or organisations else \
                self._home_state(role, holder)
            self.family = "role_dominant_country" if guessed else family  # calibrated apart
            for organisation in organisations or home:
                fits = kind if organisations else self.state_titles[role]
                if token.lower_ in self.definite_leads and \
                        self.context.type_of(organisation) == "country":
                    fits = "member_of"
                title = None if organisations else self._title_span(token, holder)
                self._add(fits, holder, organisation, [token], token,
                          role=role if fits == "member_of" else None, span=title)
        self.family = family

    # -- "Hejazi, the adviser in charge of the Beit Rahbari agency", "X is in command of Y"
    def _in_charge(self, token: Token) -> None:
        if token.lower_ not in self.charge_words or token.dep_ != "pobj" or \
                token.head.lower_ != "in":
            return
        attached = token.head.head
        holders = self._subjects(attached) if attached.pos_ in ("VERB", "AUX") else (
            self.context.referents_of(attached, coordinated=False) or self._holders(attached))
        targets = [i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for i in self._through_of(o)]
        for holder in holders:
            kind = "leads" if self.context.type_of(holder) == "person" else "controls"
            for target in targets:
                self._add(kind, holder, target, [token.head, token], token)

    def _senders(self, title: Token, objects: list[int]) -> list[int]:
        """An envoy serves the leftmost of his title's modifiers ("the U.S. special Syria
        envoy"), never the country he is sent to ("representative for Iran")."""
        destinations = {i for p in title.children if p.dep_ == "prep" and p.lower_ in
                        ("for", "to", "in") for o in p.children if o.dep_ == "pobj"
                        for i in self.context.referents_of(o)}
        modifiers = sorted((c for c in title.children if c.i < title.i and c.dep_ in
                            ("compound", "amod", "nmod")), key=lambda c: c.i)
        named = [i for c in modifiers for i in self._named(c)]
        if len(named) > 1:
            destinations |= set(named[1:])
        return [i for i in objects if i not in destinations]

    def _title_span(self, title: Token, holder: int) -> tuple[int, int]:
        """'President Donald Trump': the title and the holder's nearest name."""
        mention = self._nearest_mention(holder, title, self.context.sentence(title))
        ends = [title.i, mention.i] if mention is not None else [title.i]
        start, end = min(ends), max(ends) + 1
        for m in self.context.referents[holder].mentions:
            if m.start <= end - 1 < m.end:
                end = m.end
        return min(start, *(t.i for t in title.subtree if t.i <= title.i)), end

    def _nationality(self, title: Token) -> set[int]:
        """'the Lebanese fighter', 'an Iranian field commander': a demonym on a role that is
        no state office gives the holder's nationality, not an organisation served."""
        return {i for c in title.children if c.dep_ == "amod" and c.pos_ == "ADJ"
                and c.text in self.context.knowledge.by_demonym
                for i in self._named(c)}

    def _serves_elsewhere(self, title: Token) -> bool:
        """'British Prime Minister David Cameron' in an article about Libya, 'president of
        the Latin American Bishops Conference': the title names a country or body the
        document has no entity for, so it is not the article's country."""
        knowledge = self.context.knowledge
        for child in title.children:
            if child.i < title.i and child.dep_ in ("compound", "amod", "nmod") and (
                    child.text in knowledge.by_demonym or knowledge.country(child.text)):
                return True
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at") and not any(
                    o.lower_ in self.portfolios for o in child.children if o.dep_ == "pobj"):
                return True  # "Secretary of Defense" still serves the article's state
        return False

    def _home_state(self, role: str, holder: int) -> tuple[list[int], bool]:
        """'President Donald Trump': the holder's country from the packs, or (a guess,
        True) the country the article is most about, when the title names no organisation."""
        if role not in self.state_titles or self.context.type_of(holder) != "person":
            return [], False
        actor = self.context.referents[holder].actor
        country = self.context.knowledge.country(actor.country) if actor else None
        if country is not None:
            found = self.context.country_referent(country)
            return ([found] if found is not None else []), False
        dominant = self.context.dominant_country()
        return ([dominant], True) if dominant is not None else ([], False)

    def _holders(self, noun: Token) -> list[int]:
        """Who holds the role or relational noun: the name right after it, its
        apposition, its copula subject."""
        context = self.context
        named = self._name_after_title(noun)
        if named is not None:
            return [named]
        if noun.dep_ == "appos" or (noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i):
            # "Secretary John Kerry and Foreign Minister Sergey Lavrov": a singular title
            # before a name is that name's alone
            found = context.referents_of(noun.head, coordinated=noun.dep_ == "appos" or
                                         noun.tag_ in ("NNS", "NNPS"))
            if found:
                return found
        for child in noun.children:
            if child.dep_ == "appos":
                found = context.referents_of(child)
                if found:
                    return found
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            if subjects:
                return context.referents_of(subjects[0])
        if noun.dep_ in ("relcl", "acl") or noun.head.dep_ == "relcl":
            return context.referents_of(noun.head)
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            return self._subjects(noun.head.head)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.lower_ in self.partitives:  # "X, one of Iran's allies"
            return self._holders(noun.head.head)
        return self._apposed_to_object(noun)

    def _name_after_title(self, noun: Token) -> int | None:
        """'President Barack Obama and Defense Secretary Ash Carter': a singular title
        followed by a person's name is that person's, however the parser hangs them."""
        following = noun.i + 1
        if noun.tag_ in ("NNS", "NNPS") or following >= len(noun.doc):
            return None
        index = self.context.token_referent.get(following)
        if index is None or self.context.type_of(index) != "person":
            return None
        return index if self.context.referent(noun, anaphora=False) is None else None

    def _apposed_to_object(self, noun: Token) -> list[int]:
        """'The spokesperson of Failaq al-Rahman, Wael Olwan': the parser hangs the name
        on the organisation."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                people = [i for a in obj.children if a.dep_ == "appos"
                          for i in self.context.referents_of(a, coordinated=False)
                          if self.context.type_of(i) == "person"]
                if people:
                    return people
        return []

    def _objects_of_noun(self, noun: Token, exclude: set[int],
                         preps: frozenset[str] = OBJECT_PREPS) -> list[int]:
        found: list[int] = []
        for child in noun.children:
            hyphenated = child.i + 1 < len(noun.doc) and noun.doc[child.i + 1].text == "-"
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod")
                                        and child.i < noun.i and not hyphenated
                                        and not self._hyphen_modifier(child)):
                found += self._named(child)
            elif child.dep_ == "prep" and child.lower_ in preps:
                for obj in (c for c in child.children if c.dep_ == "pobj"
                            and c.lower_ not in self.charge_words
                            and not (child.lower_ == "of" and c.lower_ in self.portfolios)):
                    named = self.context.referents_of(obj)
                    found += named or [i for p in obj.children if p.dep_ == "prep"
                                       and p.lower_ in OBJECT_PREPS for o in p.children
                                       if o.dep_ == "pobj" for i in self.context.referents_of(o)]
        return [i for i in dict.fromkeys(found) if i not in exclude]

    def _hyphen_modifier(self, token: Token) -> bool:
        """'backed' in 'UN-backed': its own relation, not the noun's organisation."""
        return token.lower_ in self.hyphenated and token.i > 0 and \
            token.doc[token.i - 1].text in ("-", "‐")

    def _named(self, token: Token) -> list[int]:
        index = self.context.referent(token)
        if index is None:
            for child in token.children:
                if child.dep_ in ("compound", "poss"):
                    index = self.context.referent(child)
                    if index is not None:
                        break
        return [index] if index is not None else []
