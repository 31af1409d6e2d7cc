"""Who is tied to whom: relations from roles, relational nouns, verbs, adjectives and
hyphenated modifiers over the dependency parse. Cues live in patterns/relations.yaml."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import Context
from linkchart.extract.lexicons import lexicon
from linkchart.extract.relation_nominals import NominalRules
from linkchart.model import ORGANISATION_TYPES, UNDIRECTED_RELATIONS, Relation

ACTORS = set(ORGANISATION_TYPES) | {"person", "country"}
ORGS_AND_STATES = set(ORGANISATION_TYPES) | {"country"}
PLACES = {"location", "country"}
SOURCE_TYPES = {"leads": {"person"}, "succeeded": {"person"}, "part_of": ORGS_AND_STATES,
                "splinter_of": ORGS_AND_STATES, "front_for": ORGS_AND_STATES}
TARGET_TYPES = {"leads": ORGS_AND_STATES, "member_of": ORGS_AND_STATES,
                "part_of": ORGS_AND_STATES, "splinter_of": ORGS_AND_STATES,
                "succeeded": {"person"}, "based_in": PLACES}
OBJECT_PREPS = frozenset({"of", "for", "within", "in", "at", "to", "inside"})
TIE_PREPS = frozenset({"of", "for", "within", "to", "with"})
LINK_NOUNS = {"link", "links", "ties", "tie", "connection", "connections", "relationship"}
MAX_EVIDENCE_TOKENS = 45
PARTITIVES = frozenset({"one", "two", "some", "several", "many", "most", "all", "among"})


def _phrase_map(groups: dict[str, list[str]]) -> dict[str, str]:
    return {str(word).lower(): kind for kind, words in groups.items() for word in words}


class RelationExtractor(NominalRules):
    def __init__(self, context: Context):
        self.context = context
        words = lexicon("relations")
        self.roles = _phrase_map(words["roles"])
        self.definite_leads = set(words["definite_leads"])
        self.state_titles = {w: kind for kind, ws in words["state_titles"].items()
                             for w in ws}
        self.personal_roles = set(words["personal_roles"])
        self.envoy_roles = set(words["envoy_roles"])
        self.nouns = _phrase_map(words["nouns"])
        self.verbs = _phrase_map(words["verbs"])
        self.verb_preps = {(v["verb"], v["prep"]): v for v in words["verb_preps"]}
        self.verb_lemmas_with_preps = {verb for verb, _ in self.verb_preps}
        self.adjectives = {(a["word"], a["prep"]): a for a in words["adjectives"]}
        self.hyphenated = words["hyphenated"]
        self.participles = words["participles"]
        self.negation_verbs = set(words["negation_verbs"])
        self.hedges = set(words["hedges"])
        self.strongholds = set(words["strongholds"])
        self.residents = set(words["residents"])
        self.found: dict[tuple, Relation] = {}
        self._load_nominals()

    def run(self) -> list[Relation]:
        for index, referent in enumerate(self.context.referents):
            for mention in referent.mentions:
                self._modifiers(index, mention)
                self._located(index, mention)
                self._state_body(index, mention)
        for token in self.context.doc:
            self._role(token)
            self._nominal(token)
            if token.pos_ == "NOUN":
                self._against(token)
            self._relational_noun(token)
            self._stronghold(token)
            self._resident(token)
            self._verb(token)
            self._adjective(token)
            self._hyphenated(token)
            self._participle(token)
        return list(self.found.values())

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
        organisations = [i for i in objects if self.context.type_of(i) in ORGS_AND_STATES]
        if role in self.personal_roles:
            for person in (i for i in objects if self.context.type_of(i) == "person"):
                for holder in holders:
                    self._add("affiliated_with", holder, person, [token], token)
        for holder in holders:
            for organisation in organisations or self._home_state(role, holder):
                fits = kind if organisations else self.state_titles[role]
                if token.lower_ in self.definite_leads and \
                        self.context.type_of(organisation) == "country":
                    fits = "member_of"
                title = None if organisations else self._title_span(token, holder)
                self._add(fits, holder, organisation, [token], token,
                          role=role if fits == "member_of" else None, span=title)

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

    def _home_state(self, role: str, holder: int) -> list[int]:
        """'President Donald Trump': the holder's country from the packs, or the country
        the article is most about, when the title names no organisation."""
        if role not in self.state_titles or self.context.type_of(holder) != "person":
            return []
        actor = self.context.referents[holder].actor
        country = self.context.knowledge.country(actor.country) if actor else None
        if country is not None:
            found = self.context.country_referent(country)
            return [found] if found is not None else []
        dominant = self.context.dominant_country()
        return [dominant] if dominant is not None else []

    def _holders(self, noun: Token) -> list[int]:
        """Who holds the role or relational noun: its apposition, its copula subject."""
        context = self.context
        if noun.dep_ == "appos" or (noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i):
            found = context.referents_of(noun.head)
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
                noun.head.head.lower_ in PARTITIVES:  # "X, one of Iran's allies"
            return self._holders(noun.head.head)
        return self._apposed_to_object(noun)

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
                for obj in (c for c in child.children if c.dep_ == "pobj"):
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

    # -- modifiers of a name: "Iran's Ministry of Intelligence", "France's TF1",
    #    "Carlos Conde of Human Rights Watch", "U.S. Africa Command"
    def _modifiers(self, index: int, mention) -> None:
        root = mention.root
        inside = set(range(mention.start, mention.end))
        owners = [c for c in root.children if c.i not in inside and (
            c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.i < mention.start)
            or (c.dep_ == "amod" and c.i < mention.start and c.text in
                self.context.knowledge.by_demonym
                and self.context.type_of(index) != "person"))]
        owners += [t for t in mention if t.dep_ == "compound" and t.i == mention.start
                   and self.context.referent(t, anaphora=False) not in (None, index)]
        owners += [c for d in self._descriptors(root, inside) for c in d.children
                   if c.dep_ == "poss" and c.i < d.i]
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "at")):
            owners += [o for o in prep.children if o.dep_ == "pobj"]
        for owner in owners:
            other = self.context.referent(owner)
            if other is None or other == index or any(c.dep_ == "conj" and c.i in inside
                                                      for c in owner.children):
                continue  # "U.N. and French forces": two forces, not a French unit of the UN
            kind = self._ownership(self.context.type_of(index), self.context.type_of(other))
            if kind in ("leads", "has_member"):  # "Abdul Mahdi's government", "Erdogan's party"
                self._add("leads" if kind == "leads" else "member_of", other, index,
                          [owner, root], root)
            elif kind:
                self._add(kind, index, other, [owner, root], root)

    @staticmethod
    def _descriptors(root: Token, inside: set[int]) -> list[Token]:
        """The common noun a name is given with: "Lebanon's Shi'ite group Hezbollah",
        "Russia's VKontakte social network"."""
        found = [c for c in root.children if c.pos_ == "NOUN" and c.i not in inside
                 and c.dep_ in ("compound", "appos", "nmod")]
        if root.dep_ in ("compound", "nmod", "appos") and root.head.pos_ == "NOUN" and \
                root.head.i not in inside:
            found.append(root.head)
        return found

    @staticmethod
    def _ownership(owned: str, owner: str) -> str | None:
        if owner == "person":
            if owned == "government":
                return "leads"
            return "has_member" if owned in ("political_party", "armed_group") else None
        if owned == "person":
            return "member_of" if owner in ORGS_AND_STATES else None
        if owned in ("security_agency", "government") and owner in ORGS_AND_STATES:
            return "part_of"
        if owner in PLACES and owned in ORGANISATION_TYPES:
            return "based_in"
        return None

    # -- "the Turkish military", "Kenya's police", "U.S. Africa Command": a state force
    #    named by its country is part of it
    #    and "the Saudi-led coalition" is controlled by it
    def _state_body(self, index: int, mention) -> None:
        kind = self.context.type_of(index)
        if kind not in ("security_agency", "international_org"):
            return
        knowledge = self.context.knowledge
        doc = mention.doc
        for token in mention:
            led = token.i + 2 < mention.end and doc[token.i + 1].text in ("-", "‐") and \
                doc[token.i + 2].lower_ == "led"
            if kind == "international_org" and not led:
                continue
            actor = knowledge.by_demonym.get(token.text) or knowledge.country(token.text)
            country = self.context.country_referent(actor) if actor else None
            if country is not None and country != index:
                relation = ("controls", country, index) if led else ("part_of", index, country)
                self._add(*relation, [token], token, span=(mention.start, mention.end))
                return

    # -- places: "armed factions in Eastern Ghouta", "Abu Omar, a fighter in Arsal"
    def _located(self, index: int, mention) -> None:
        if self.context.type_of(index) not in ACTORS - {"country"}:
            return
        inside = set(range(mention.start, mention.end))
        heads = [mention.root] + [c for t in mention for c in t.children
                                  if c.dep_ == "appos" and c.i not in inside]
        for head in heads:
            for prep in _preps_below(head, ("in", "from"), depth=3):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    place = self.context.referent(obj, anaphora=False)
                    if place is not None and self.context.type_of(place) in PLACES:
                        self._add("based_in", index, place, [prep, obj], prep)

    # -- relational nouns: "X, a unit of Y", "X is a front for Y", "its Quds Force unit"
    def _relational_noun(self, token: Token) -> None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return
        phrase = self._phrase(token, self.nouns)
        if phrase is None and token.lower_ in LINK_NOUNS:
            self._link_noun(token)
            return
        if phrase is None or self._phrase(token, self.roles):
            return
        kind = self.nouns[phrase]
        holders = self._holders(token)
        if not holders:
            holders = [i for c in token.children if c.dep_ in ("compound", "amod")
                       and c.i < token.i for i in self.context.referents_of(c)]
        others = self._objects_of_noun(token, exclude=set(holders), preps=TIE_PREPS)
        for holder in holders:
            for other in others:
                if kind == "supports_reverse":
                    self._add("supports", other, holder, [token], token)
                else:
                    self._add(kind, holder, other, [token], token)

    # -- places held: "their stronghold in Saada", "Idlib city, its main stronghold"
    def _stronghold(self, noun: Token) -> None:
        if noun.pos_ != "NOUN" or noun.lower_ not in self.strongholds:
            return
        holders = [i for c in noun.children if c.dep_ == "poss"
                   for i in self.context.referents_of(c)]
        owners_of = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]
        holders += [i for o in owners_of for i in self.context.referents_of(o)]
        places = [i for head in [noun, *owners_of] for p in head.children
                  if p.dep_ == "prep" and p.lower_ in ("in", "at")
                  for o in p.children if o.dep_ == "pobj" for i in self._places(o)]
        if noun.dep_ == "appos":
            places += self._places(noun.head)
        elif noun.dep_ == "attr":
            places += [i for s in noun.head.children if s.dep_ == "nsubj"
                       for i in self._places(s)]
        for holder in (h for h in holders if self.context.type_of(h) in ACTORS - {"country"}):
            for place in places:
                self._add("based_in", holder, place, [noun], noun)

    # -- "Abu Omar, a resident of Arsal"
    def _resident(self, noun: Token) -> None:
        if noun.pos_ != "NOUN" or noun.lower_ not in self.residents:
            return
        places = [i for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                  for o in p.children if o.dep_ == "pobj" for i in self._places(o)]
        for holder in self._holders(noun):
            for place in places:
                self._add("based_in", holder, place, [noun], noun)

    def _places(self, token: Token) -> list[int]:
        """Places a phrase names, also through 'the provinces of Saada and Amran'."""
        found = [i for i in self.context.referents_of(token, anaphora=False)
                 if self.context.type_of(i) in PLACES]
        if not found and token.pos_ == "NOUN":
            found = [i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" for i in self._places(o)]
        return found

    def _against(self, noun: Token) -> None:
        """'its partner on the ground against Islamic State', 'a war against the Houthis':
        whoever the noun belongs to opposes the object of 'against'."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"):
            targets = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            if not targets:
                continue
            sources = self._nominal_actors(noun) or self._holders(noun)
            for source in sources:
                for target in targets:
                    self._add("opposes", source, target, [noun, prep], noun)

    def _link_noun(self, noun: Token) -> None:
        """'denies any link to X', 'has ties with X': the verb's subject to X."""
        verb = noun.head
        if noun.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
            return
        subjects = self._subjects(verb)
        targets = [i for c in noun.children if c.dep_ == "prep" and c.lower_ in
                   ("to", "with", "between") for o in c.children if o.dep_ == "pobj"
                   for i in self.context.referents_of(o)]
        for subject in subjects:
            for target in targets:
                self._add("affiliated_with", subject, target, [noun], verb)

    # -- verbs: "X controls Y", "Y is backed by X", "X answers to Y"
    def _verb(self, token: Token) -> None:
        if token.pos_ != "VERB":
            return
        self._under(token)
        lemma = token.lemma_.lower()
        if lemma not in self.verbs and lemma not in self.verb_lemmas_with_preps:
            return
        subjects = self._subjects(token)
        objects = self._direct_objects(token)
        if lemma in self.verbs and subjects and objects:
            for subject in subjects:
                for obj in objects:
                    self._add(self.verbs[lemma], subject, obj, [token], token)
        for prep in (c for c in token.children if c.dep_ in ("prep", "agent")):
            cue = self.verb_preps.get((lemma, prep.lower_))
            if cue is None or not self._particle_ok(token, cue):
                continue
            targets = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            self._add_all(cue, subjects or self._passive_subjects(token), targets, token)

    def _under(self, verb: Token) -> None:
        """'Under Soleimani, the Hashd played a major role': X controls the subject."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"):
            controllers = [i for o in prep.children if o.dep_ == "pobj"
                           for i in self._through_of(o)]
            for controller in controllers:
                for subject in self._subjects(verb):
                    self._add("controls", controller, subject, [prep], verb)

    def _particle_ok(self, verb: Token, cue: dict) -> bool:
        particle = cue.get("particle")
        return particle is None or any(c.lower_ == particle for c in verb.children)

    def _subjects(self, verb: Token) -> list[int]:
        context = self.context
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if passive:
            return [i for agent in verb.children if agent.dep_ == "agent"
                    for o in agent.children if o.dep_ == "pobj"
                    for i in context.referents_of(o)]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("conj", "xcomp"):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("relcl", "acl"):
            return context.referents_of(verb.head)
        return [i for s in subjects for i in context.referents_of(s)]

    def _passive_subjects(self, verb: Token) -> list[int]:
        return [i for c in verb.children if c.dep_ == "nsubjpass"
                for i in self.context.referents_of(c)]

    def _direct_objects(self, verb: Token) -> list[int]:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return [i for o in objects for i in self.context.referents_of(o)]

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
        targets = [t for t in self.context.referents_of(noun, coordinated=False)
                   if t != source]
        if not targets and noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            noun = noun.head  # "the UN-backed Yemeni President Hadi"
            targets = [t for t in self.context.referents_of(noun, coordinated=False)
                       if t != source]
        for target in targets:
            if kind == "based_in":
                self._add("based_in", target, source, [modifier, token, noun], token)
            else:
                self._add(self._leading(kind, source), source, target,
                          [modifier, token, noun], token)

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
        """'militants from Lebanon's Hezbollah', 'fighters of the group': the named side."""
        found = self.context.referents_of(token)
        if found:
            return found
        return [i for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)]

    def _leading(self, kind: str, source: int) -> str:
        if kind == "leads" and self.context.type_of(source) != "person":
            return "controls"
        return kind

    def _add_all(self, cue: dict, holders: list[int], targets: list[int], trigger: Token):
        for holder in holders:
            for target in targets:
                source, other = (target, holder) if cue.get("reverse") else (holder, target)
                self._add(cue["type"], source, other, [trigger], trigger)

    def _phrase(self, token: Token, table: dict[str, str]) -> str | None:
        """The longest cue ending at this token: 'deputy commander' before 'commander'."""
        words = [token.lower_]
        for child in sorted((c for c in token.children if c.i < token.i and c.dep_ in
                             ("compound", "amod") and c.i == token.i - len(words)),
                            key=lambda c: -c.i):
            words.insert(0, child.lower_)
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[-size:])
            if phrase in table:
                return phrase
        return None

    def _add(self, kind: str, source: int, target: int, cues: list[Token], trigger: Token,
             role: str | None = None, span: tuple[int, int] | None = None) -> None:
        """Record a relation; its evidence is the shortest stretch holding the cue and a
        mention of each side, or `span` (token offsets) when the cue alone states it."""
        context = self.context
        if source == target or not self._types_fit(kind, source, target):
            return
        if kind in UNDIRECTED_RELATIONS:
            source, target = sorted((source, target))
        key = (kind, source, target)
        evidence = context.evidence(*span) if span else self._evidence(source, target, cues)
        if evidence is None:
            return
        text, start, end = evidence
        previous = self.found.get(key)
        if previous is not None and len(previous.evidence) <= len(text):
            return
        self.found[key] = Relation(
            type=kind, source=context.entity_id(source), target=context.entity_id(target),
            evidence=text, start=start, end=end, role=role,
            negated=self._negated(trigger), hedged=self._hedged(trigger))

    def _types_fit(self, kind: str, source: int, target: int) -> bool:
        source_type = self.context.type_of(source)
        target_type = self.context.type_of(target)
        if kind != "based_in" and (source_type not in ACTORS or target_type not in ACTORS):
            return False
        return source_type in SOURCE_TYPES.get(kind, ACTORS | PLACES) and \
            target_type in TARGET_TYPES.get(kind, ACTORS)

    def _evidence(self, source: int, target: int, cues: list[Token]):
        sentence = self.context.sentence(cues[0])
        tokens = list(cues)
        for index in (source, target):
            nearest = self._nearest_mention(index, cues[0], sentence)
            if nearest is not None:
                tokens.append(nearest)
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        if last - first > MAX_EVIDENCE_TOKENS:
            return None
        mentions = [m for r in (source, target) for m in self.context.referents[r].mentions
                    if m.start <= last and m.end > first]
        end = max([last + 1, *(m.end for m in mentions)])
        start = min([first, *(m.start for m in mentions)])
        return self.context.evidence(start, end)

    def _nearest_mention(self, index: int, cue: Token, sentence) -> Token | None:
        best = None
        for token in sentence:
            if self.context.token_referent.get(token.i) == index or (
                    token.pos_ in ("PRON", "NOUN", "ADJ", "PROPN")
                    and self.context.referent(token) == index):
                if best is None or abs(token.i - cue.i) < abs(best.i - cue.i):
                    best = token
        return best

    def _negated(self, trigger: Token) -> bool:
        """Negated, or the object of a denial: 'denies any link to X', 'rejects backing'."""
        if any(c.dep_ == "neg" for c in trigger.children):
            return True
        if trigger.lemma_.lower() in self.negation_verbs:
            return True
        child = trigger
        for ancestor in list(trigger.ancestors)[:3]:
            if ancestor.lemma_.lower() in self.negation_verbs:
                return child.dep_ in ("dobj", "xcomp", "ccomp", "pcomp", "attr")
            child = ancestor
        return False

    def _hedged(self, trigger: Token) -> bool:
        nearby = [*trigger.children, *list(trigger.ancestors)[:2]]
        return any(t.lower_ in self.hedges for t in nearby)


def _preps_below(token: Token, words: tuple[str, ...], depth: int) -> list[Token]:
    """Prepositions hanging from a noun phrase, without crossing into a clause."""
    found, frontier = [], [token]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.pos_ in ("VERB", "AUX") or child.dep_ in ("relcl", "acl", "conj"):
                    continue
                if child.dep_ == "prep" and child.lower_ in words:
                    found.append(child)
                nxt.append(child)
        frontier = nxt
    return found


def extract_relations(context: Context) -> list[Relation]:
    return RelationExtractor(context).run()
