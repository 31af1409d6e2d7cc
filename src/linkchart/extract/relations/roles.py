"""Roles and titles: "Hezbollah's leader Hassan Nasrallah", "the commander of the Quds
Force", "President Donald Trump" (who holds a role is read by the shared syntax helpers)."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import ORGS_AND_STATES
from linkchart.extract.relations.family import RuleFamily


class RoleRules(RuleFamily):
    name = "roles"
    description = "roles and titles, and who holds a role"
    token_rules = ("role", "in_charge")
    parts_of_speech = {"role": ("NOUN", "PROPN", "ADJ")}
    cue_tables = {"in_charge": "charge_words"}
    tags = ("role_dominant_country",)

    # -- roles: "Hezbollah's leader Hassan Nasrallah", "the commander of the Quds Force"
    def role(self, token: Token) -> None:
        if token.pos_ not in ("NOUN", "PROPN") and not _title_read_as_adjective(token):
            return
        role = self.syntax.phrase(token, self.words.roles)
        if role is None:
            return
        kind = self.words.roles[role]
        if role in self.words.definite_leads:  # not "deputy head"
            kind = "member_of" if any(c.lower_ in ("a", "an") for c in token.children) \
                or self._heads_a_part(token) else "leads"
        # a title is a person's: "Boko Haram extremist group, a spokesman for the Islamic
        # State" is the parser hanging the spokesman on the group
        holders = [h for h in self.syntax.holders(token) if self.context.type_of(h) == "person"
                   or role in self.words.collective_roles]
        objects = self.syntax.objects_of_noun(token, exclude=set(holders)) or \
            self._named_before_title(token, set(holders))
        if role in self.words.beat_roles:  # "CNN's White House correspondent": a beat
            objects = [i for i in objects if i not in self._compounds(token)]
        if role in self.words.envoy_roles:
            objects = self._senders(token, objects)
        led_place = any(self.context.type_of(i) == "location" for i in objects)
        serves_state = role in self.words.state_servants
        organisations = [i for i in objects if self.context.type_of(i) in ORGS_AND_STATES
                         and (serves_state or i not in self._nationality(token))]
        if role in self.words.personal_roles:
            for person in (i for i in objects if self.context.type_of(i) == "person"):
                for holder in holders:
                    self.add("controls", person, holder, [token], token)
        elsewhere = not organisations and self._serves_elsewhere(token)
        # "Miller, a vice president": an indefinite title describes, it names no office of
        # the article's country
        described = any(c.lower_ in ("a", "an") for c in token.children)
        for holder in holders:
            home, guessed = ([], False) if elsewhere or organisations else \
                self._home_state(role, holder, token)
            if guessed and described:
                home, guessed = [], False
            if role in self.words.envoy_roles:
                home = self._senders(token, home)  # never the state he is sent to
            tag = "role_dominant_country" if guessed else None  # calibrated apart
            for organisation in organisations or home:
                fits = kind if organisations else self.words.state_titles[role]
                if (role in self.words.definite_leads or led_place) and \
                        self.context.type_of(organisation) == "country":
                    fits = "member_of"  # "the Iraqi governor of Kirkuk" leads Kirkuk only
                title = None if organisations else self._title_span(token, holder)
                self.add(fits, holder, organisation, [token], token,
                         role=role if fits == "member_of" else None, span=title, rule=tag)

    # -- "Hejazi, the adviser in charge of the Beit Rahbari agency", "X is in command of Y"
    def in_charge(self, token: Token) -> None:
        if token.lower_ not in self.words.charge_words or token.dep_ != "pobj" or \
                token.head.lower_ != "in":
            return
        attached = token.head.head
        syntax = self.syntax
        holders = syntax.subjects(attached) if attached.pos_ in ("VERB", "AUX") else (
            self.context.referents_of(attached, coordinated=False) or syntax.holders(attached))
        targets = [i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for i in syntax.through_of(o)]
        for holder in holders:
            kind = "leads" if self.context.type_of(holder) == "person" else "controls"
            for target in targets:
                self.add(kind, holder, target, [token.head, token], token)

    def _heads_a_part(self, title: Token) -> bool:
        """'the head of policy at the Council of the Americas': the head of a part, a
        member of the whole."""
        return any(p.dep_ == "prep" and p.lower_ == "of" and o.dep_ == "pobj"
                   and o.pos_ == "NOUN" and not self.context.referents_of(o)
                   for p in title.children for o in p.children)

    def _named_before_title(self, title: Token, holders: set[int]) -> list[int]:
        """'U.N. Secretary-General Ban Ki-moon': the parser hangs the body on the name,
        beside the title."""
        if title.dep_ != "compound" or title.head.i < title.i:
            return []
        doc = title.doc
        return [i for c in title.head.children if c.dep_ in ("compound", "nmod", "poss")
                and c.i < title.i and not any(t.text == "," for t in doc[c.i:title.i])
                for i in self.syntax.named(c) if i not in holders]

    def _compounds(self, title: Token) -> set[int]:
        """What the title's compound modifiers name, unless they are media."""
        return {i for c in title.children if c.dep_ == "compound"
                for i in self.context.referents_of(c) if self.context.type_of(i) != "media"}

    def _senders(self, title: Token, objects: list[int]) -> list[int]:
        """An envoy serves the leftmost of his title's modifiers ("the U.S. special Syria
        envoy"), never the country he is sent to ("representative for Iran")."""
        preps = list(title.children)
        if title.dep_ in ("attr", "oprd"):  # "became ambassador to Yemen in April"
            preps += [c for c in title.head.children if c.i > title.i]
        destinations = {i for p in preps if p.dep_ == "prep" and p.lower_ in
                        ("for", "to", "in") for o in p.children if o.dep_ == "pobj"
                        for i in self.context.referents_of(o)}
        modifiers = sorted((c for c in title.children if c.i < title.i and c.dep_ in
                            ("compound", "amod", "nmod")), key=lambda c: c.i)
        named = [i for c in modifiers for i in self.syntax.named(c)]
        if len(named) > 1:
            destinations |= set(named[1:])
        return [i for i in objects if i not in destinations]

    def _title_span(self, title: Token, holder: int) -> tuple[int, int]:
        """'President Donald Trump': the title and the holder's nearest name."""
        mention = self.syntax.nearest_mention(holder, title, self.context.sentence(title))
        ends = [title.i, mention.i] if mention is not None else [title.i]
        start, end = min(ends), max(ends) + 1
        for m in self.context.referents[holder].mentions:
            if m.start <= end - 1 < m.end:
                end = m.end
        doc = title.doc
        if title.i >= 2 and doc[title.i - 1].text in ("-", "‐"):
            start = min(start, title.i - 2)  # "Vice-President Khaled Bahah"
        return min(start, *(t.i for t in title.subtree if t.i <= title.i)), end

    def _nationality(self, title: Token) -> set[int]:
        """'the Lebanese fighter', 'an Iranian field commander': a demonym on a role that is
        no state office gives the holder's nationality, not an organisation served."""
        return {i for c in title.children if c.dep_ == "amod" and c.pos_ == "ADJ"
                and c.text in self.context.knowledge.by_demonym
                for i in self.syntax.named(c)}

    def _serves_elsewhere(self, title: Token) -> bool:
        """'British Prime Minister David Cameron' in an article about Libya, 'president of
        the Latin American Bishops Conference': the title names a country or body the
        document has no entity for, so it is not the article's country."""
        knowledge, portfolios = self.context.knowledge, self.words.portfolios
        for child in title.children:
            if child.i < title.i and child.dep_ in ("compound", "amod", "nmod") and (
                    child.text in knowledge.by_demonym or knowledge.country(child.text)):
                return True
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at") and not any(
                    o.lower_ in portfolios for o in child.children if o.dep_ == "pobj"):
                return True  # "Secretary of Defense" still serves the article's state
        return False

    def _other_state_told(self, title: Token, dominant: int) -> bool:
        """'Iranian and U.S. negotiators, including Vice President JD Vance': a title
        whose sentence names another state is left unguessed."""
        context = self.context
        for token in context.sentence(title):
            state = context.token_referent.get(token.i)
            if state is not None and context.type_of(state) == "country":
                if state != dominant:
                    return True
            elif context.knowledge.by_demonym.get(token.text) is not None \
                    and not self._demonym_of(token, dominant):
                return True  # also 'British' in 'British troops', a body of its own
        return False

    def _demonym_of(self, token: Token, state: int) -> bool:
        actor = self.context.knowledge.by_demonym[token.text]
        return self.context.country_referent(actor) == state

    def _home_state(self, role: str, holder: int, title: Token) -> tuple[list[int], bool]:
        """'President Donald Trump': the holder's country from the packs, or (a guess,
        True) the country the article is most about, when the title names no organisation."""
        if role not in self.words.state_titles or self.context.type_of(holder) != "person":
            return [], False
        actor = self.context.referents[holder].actor
        country = self.context.knowledge.country(actor.country) if actor else None
        if country is not None:
            found = self.context.country_referent(country)
            return ([found] if found is not None else []), False
        dominant = self.context.dominant_country()
        if dominant is None or role in self.words.outward_titles or \
                self._other_state_told(title, dominant):
            return [], False
        return [dominant], True


def _title_read_as_adjective(token: Token) -> bool:
    """'Iranian general Qasem Soleimani': the small model tags the title an adjective."""
    return token.pos_ == "ADJ" and token.dep_ in ("amod", "compound") and \
        token.head.pos_ == "PROPN" and token.head.i > token.i
