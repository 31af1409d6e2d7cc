"""Participant roles: who acts and who receives.

An active verb's subject acts and its object receives; a passive verb's "by" agent acts
and its subject receives. A noun trigger's possessive, compound and demonym modifiers act
("Hezbollah's attack", "a US air strike", "Israeli strikes"), except the possessive of a
noun told of its victim ("Soleimani's assassination"), which receives; "on/against X" receives,
and the subject of the verb that carries it out ("launched an offensive") acts. A place
named as a recipient of a spatial act ("sent troops to Mali") is its location instead.
"""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import Context
from linkchart.extract.events.candidates import Candidate, Trigger, add_new
from linkchart.extract.events.lexicon import Lexicon, lemma_of, word_key
from linkchart.extract.events.phrases import modifier_referent, phrase_referents
from linkchart.extract.events.syntax import agents_of, is_passive, subject_of
from linkchart.extract.lexicons import lexicon

SPATIAL_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "PROTEST"}
TARGET_PREPS = ("against", "on", "upon", "targeting")
ASSAULT_TARGET_PREPS = ("at", "toward", "towards", "into")
ON_TARGET_TYPES = ("ASSAULT", "SANCTION", "COERCE", "REQUEST", "THREATEN", "PROTEST")
TO_RECIPIENT_TYPES = ("AID", "CONCEDE", "SUPPORT", "REQUEST", "THREATEN", "AGREE", "SANCTION")
WITH_PARTNER_TYPES = ("CONSULT", "AGREE", "COOPERATE")
MUTUAL_VERBS = tuple(lexicon("events")["mutual_verbs"])
MUTUAL_NOUNS = MUTUAL_VERBS + ("fighting", "firefight", "gunfight")
NOUN_ACTOR_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
PATIENT_VERBS = frozenset(lexicon("events")["patient_verbs"])
VICTIM_NOUNS = tuple(lexicon("events")["victim_nouns"])
TOPIC_OBJECT_VERBS = frozenset(lexicon("events")["topic_object_verbs"])


class RoleFinder:
    def __init__(self, context: Context, lex: Lexicon):
        self.context = context
        self.lex = lex

    def assign(self, trigger: Trigger, candidate: Candidate) -> None:
        if trigger.kind == "verb":
            self.verb_roles(trigger.token, candidate)
        else:
            self.noun_roles(trigger, candidate)
        if candidate.type in ("AID", "SUPPORT") and not candidate.recipients:
            self._helped(trigger.token, candidate)
        if trigger.light is not None and lemma_of(trigger.light) in self.lex.claim_verbs:
            self._claimed_for_group(subject_of(trigger.light), candidate)

    def _claimed_for_group(self, subject: Token | None, candidate: Candidate) -> None:
        """'Taliban spokesman Zabihullah Mujahid claimed responsibility for the attack':
        the group the spokesman speaks for carried it out."""
        if subject is None:
            return
        for noun in (subject, *(c for c in subject.children if c.dep_ in ("compound", "appos"))):
            if noun.lower_ not in self.lex.spokes_nouns:
                continue
            owners = [c for c in noun.children if c.dep_ in ("compound", "poss")] + \
                [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                 for o in p.children if o.dep_ == "pobj"]
            groups = [i for o in owners for i in self.context.referents_of(o)]
            if groups:
                candidate.actors = groups
                return

    def _helped(self, trigger: Token, candidate: Candidate) -> None:
        """'pledged to provide support to help Mali resolve the situation': whom the
        support is given to help."""
        for token in trigger.subtree:
            if lemma_of(token) not in self.lex.helping_verbs or token.i == trigger.i:
                continue
            helped = [c for c in token.children if c.dep_ == "dobj"] + \
                [g for c in token.children if c.dep_ in ("ccomp", "xcomp")
                 for g in c.children if g.dep_ == "nsubj"]
            for phrase in helped:
                self.recipient(phrase, candidate, places=False)
            return

    def phrase(self, token: Token | None) -> list[int]:
        return phrase_referents(token, self.context, self.lex)

    # ------------------------------------------------------------------- verbs

    def verb_roles(self, verb: Token, candidate: Candidate) -> None:
        subject = subject_of(verb)
        if is_passive(verb):
            if subject is not None:
                add_new(candidate.recipients, self.phrase(subject))
            for agent in agents_of(verb):
                add_new(candidate.actors, self.phrase(agent))
        else:
            if subject is not None:
                add_new(candidate.actors, self.phrase(subject))
            blamed = _blamed_on(verb) if candidate.type == "ACCUSE" else []
            topical = lemma_of(verb) in TOPIC_OBJECT_VERBS  # "discussed Syria with Putin"
            for child in verb.children:
                if child.dep_ in ("dobj", "dative", "iobj") and not blamed and not (
                        topical and child.dep_ == "dobj"):
                    self.recipient(child, candidate)
            for accused in blamed:  # "blamed his killing on Syria": Syria is accused
                self.recipient(accused, candidate, places=False)
        self._verb_children_roles(verb, subject, candidate)
        if candidate.type == "ASSAULT" and lemma_of(verb) in MUTUAL_VERBS and \
                not any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in TARGET_PREPS)
                        for c in verb.children):
            # "clashed with the army": both sides fight; "fighting ISIS", "fought against
            # ISIS": ISIS is fought
            candidate.actors.extend(r for r in candidate.recipients
                                    if r not in candidate.actors)
            candidate.recipients = []

    def _verb_children_roles(self, verb: Token, subject: Token | None,
                             candidate: Candidate) -> None:
        """Roles from a verb's prepositions, its object's prepositions, and the clause a
        demand is made of."""
        for child in verb.children:
            if child.dep_ in ("prep", "prt", "agent"):
                self.prep_role(child, candidate, verb=True)
            elif child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN" and \
                    child.i != (subject.i if subject is not None else -1):
                # "imposed sanctions on Iran", "sent aid to Mali", "held talks with X"
                for prep in child.children:
                    if prep.dep_ == "prep":
                        self.prep_role(prep, candidate, verb=True)
            elif child.dep_ == "ccomp" and candidate.type == "REQUEST" and \
                    not candidate.recipients:
                # "demanded that the United States match ...": who is asked. From here
                # on, objects are told apart from that clause's subject, not the verb's.
                subject = subject_of(child)
                if subject is not None:
                    add_new(candidate.recipients, [r for r in self.phrase(subject)
                                                   if self.context.type_of(r) != "location"])

    # ------------------------------------------------------------------- nouns

    def noun_roles(self, trigger: Trigger, candidate: Candidate) -> None:
        self._noun_children_roles(trigger, candidate)
        if trigger.light is not None:
            self._light_verb_roles(trigger.token, trigger.light, candidate)
        self._patient_roles(trigger.token, candidate)

    def _noun_children_roles(self, trigger: Trigger, candidate: Candidate) -> None:
        """"Hezbollah's attack", "a US air strike", "strikes on X", "an attack carried
        out by X"."""
        phrase_words = {w.i for w in trigger.words}
        children = [c for w in trigger.words for c in w.children]
        for child in children:
            if child.i in phrase_words:
                continue
            if child.dep_ == "poss" and lemma_of(trigger.token) in self.lex.patient_nouns:
                # "Soleimani's assassination", "his arrest": who it befell
                self.recipient(child, candidate)
            elif child.dep_ in NOUN_ACTOR_DEPS:
                self._modifier_role(child, candidate)
            elif child.dep_ == "prep":
                self.prep_role(child, candidate, verb=False)
            elif child.dep_ == "acl" and child.tag_ == "VBG" and \
                    lemma_of(child) in PATIENT_VERBS:
                # "a missile attack targeting the Ain al-Assad base"
                for obj in (c for c in child.children if c.dep_ == "dobj"):
                    self.target(obj, candidate)
            elif child.dep_ in ("acl",) and child.tag_ == "VBN":
                for agent in agents_of(child):
                    add_new(candidate.actors, self.phrase(agent))
                for prep in child.children:
                    if prep.dep_ == "prep":
                        self.prep_role(prep, candidate, verb=True)

    def _modifier_role(self, modifier: Token, candidate: Candidate) -> None:
        """A modifier names an actor, or the place ("Iraqi city strikes"); both sides of
        a hyphen pair take part ("the U.S.-Taliban talks", "the Israel-Hamas war")."""
        partners = [c for c in modifier.children if c.dep_ == "compound" and
                    c.i + 2 == modifier.i and modifier.doc[c.i + 1].text in ("-", "‐", "–")]
        for partner in partners:
            self._modifier_role(partner, candidate)
        for index in modifier_referent(modifier, self.context):
            if self.context.type_of(index) == "location":
                if candidate.location is None:
                    candidate.location = index
            elif index not in candidate.actors:
                candidate.actors.append(index)

    def _light_verb_roles(self, noun: Token, light: Token, candidate: Candidate) -> None:
        """The verb that carries out a noun trigger: its subject (or passive agent) acts;
        its prepositions and indirect object."""
        if is_passive(light) and noun.dep_ == "nsubjpass" or light.head.i == noun.i:
            for agent in agents_of(light):
                add_new(candidate.actors, self.phrase(agent))
        elif (noun.dep_ != "nsubj" or light.head.i != noun.i) and not _owned_by_another(noun) \
                and lemma_of(light) not in self.lex.allegation_heads:
            # "Egypt criticized Israel's raids and its annexation of X": the critic annexed
            # nothing
            subject = subject_of(light)
            if subject is not None and subject.i != noun.i:
                add_new(candidate.actors, self.phrase(subject))
        if candidate.type == "CONSULT":
            # "called Abu Fadak and commanders to a meeting": those called meet
            for child in light.children:
                if child.dep_ == "dobj" and child.i != noun.i:
                    self.recipient(child, candidate, places=False)
        for child in light.children:
            if child.dep_ in ("prep", "dative") and child.i != noun.head.i:
                if child.dep_ == "dative":
                    self.recipient(child, candidate)
                else:
                    self.prep_role(child, candidate, verb=False)

    def _patient_roles(self, noun: Token, candidate: Candidate) -> None:
        """"a US strike killed X", "X was killed in a drone strike", "X was the target
        of a June US airstrike": who the act befell."""
        head = noun.head
        if noun.dep_ == "nsubj" and head.pos_ == "VERB" and \
                lemma_of(head) in self.lex.casualty_words | PATIENT_VERBS:
            for child in head.children:
                if child.dep_ == "dobj":
                    self.recipient(child, candidate)
        verb = casualty_verb_of(noun, self.lex)
        if verb is not None and is_passive(verb):
            subject = subject_of(verb)
            if subject is not None:
                self.recipient(subject, candidate)
        elif verb is not None and verb.dep_ == "acl":
            # "the Quds Force leader killed in a US drone strike"
            self.recipient(verb.head, candidate)
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in VICTIM_NOUNS:
            copula = head.head.head
            subject = subject_of(copula) if copula.pos_ in ("AUX", "VERB") else None
            if subject is not None:
                self.recipient(subject, candidate)

    # ------------------------------------------------------------ prepositions

    def prep_role(self, prep: Token, candidate: Candidate, verb: bool) -> None:
        """The role a preposition's objects play: "on/against X" receives, "with X"
        partners or fights, "to X" receives aid or demands; on a noun, "between X and
        Y", "by X" and some "of X" act."""
        word = prep.lower_
        for obj in _prep_objects(prep):
            self._object_role(word, obj, candidate, verb)

    def _object_role(self, word: str, obj: Token, candidate: Candidate, verb: bool) -> None:
        event_type = candidate.type
        if lemma_of(obj) in self.lex.ally_nouns:
            return  # "fighting on the side of Assad": an ally, not a target
        if word in TARGET_PREPS or (word in ASSAULT_TARGET_PREPS and event_type == "ASSAULT"):
            if word == "on" and event_type not in ON_TARGET_TYPES:
                return
            self.target(obj, candidate)
        elif word == "with":
            self._with_role(obj, candidate)
        elif word == "to" and event_type in TO_RECIPIENT_TYPES:
            self.recipient(obj, candidate)
        elif word == "from" and event_type == "REQUEST":
            self.recipient(obj, candidate, places=False)
        elif word == "from" and candidate.mode == "seize":
            # "re-took the area from ISIS": who loses the place
            add_new(candidate.recipients, [r for r in self.phrase(obj)
                                           if self.context.type_of(r) != "location"])
        elif not verb:
            self._noun_prep_role(word, obj, candidate)

    def _with_role(self, obj: Token, candidate: Candidate) -> None:
        """"talks with X": a partner; "clashes with X": the other side, acting too."""
        if candidate.type in WITH_PARTNER_TYPES:
            self.recipient(obj, candidate, places=False)
        elif candidate.type == "ASSAULT" and \
                word_key(candidate.trigger.token.lemma_) in MUTUAL_NOUNS:
            add_new(candidate.actors, self.phrase(obj))

    def _noun_prep_role(self, word: str, obj: Token, candidate: Candidate) -> None:
        """"clashes between X and Y", "an attack by X", "the withdrawal of X"."""
        if word == "between":
            add_new(candidate.actors, [r for r in self.phrase(obj)
                                       if self.context.type_of(r) not in ("location",)])
        elif word == "by":
            add_new(candidate.actors, self.phrase(obj))
        elif word == "of":
            owned = any(c.dep_ == "poss" for c in obj.head.head.children)
            if candidate.type in self.lex.of_actor_types and not owned:  # not "Romney's
                # criticism of Moore": the owner acts, the "of" receives
                add_new(candidate.actors, self.phrase(obj))
            else:
                self.recipient(obj, candidate)

    def target(self, token: Token, candidate: Candidate) -> None:
        """What an act is aimed at: its recipients, or the place it targets."""
        location = candidate.location
        self.recipient(token, candidate)
        if candidate.location is not None and candidate.location != location:
            candidate.targets_place = True

    def recipient(self, token: Token, candidate: Candidate, places: bool = True) -> None:
        """The phrase's referents receive the act; a place is the location of a spatial
        act instead."""
        spatial = candidate.type in SPATIAL_TYPES
        for index in self.phrase(token):
            if self.context.type_of(index) == "location":
                if places and spatial and candidate.location is None:
                    candidate.location = index
            elif index not in candidate.recipients:
                candidate.recipients.append(index)


def _blamed_on(verb: Token) -> list[Token]:
    """Whom 'blamed X on Y' accuses: Y, wherever the parser hung the "on"."""
    if lemma_of(verb) != "blame":
        return []
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
            for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]


def _prep_objects(prep: Token) -> list[Token]:
    """A preposition's objects; for a particle, those of the preposition after it
    ("pulled out of Syria")."""
    if prep.dep_ == "prt":
        return [g for c in prep.children if c.dep_ == "prep"
                for g in c.children if g.dep_ == "pobj"]
    return [c for c in prep.children if c.dep_ == "pobj"]


def casualty_verb_of(noun: Token, lex: Lexicon) -> Token | None:
    """"killed in a drone strike": the verb a noun trigger reports casualties for."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "during", "by") and head.head.pos_ == "VERB":
        verb = head.head
        if lemma_of(verb) in lex.casualty_words:
            return verb
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        verb = head.head
        if lemma_of(verb) in lex.casualty_words:
            return verb
    return None


def _owned_by_another(noun: Token) -> bool:
    """'The Associated Press laid out the parties' demands': the demands are the
    parties', not the reporter's ('Hamas laid out its demands' stays Hamas's)."""
    return any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)
