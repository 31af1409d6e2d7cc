"""Syntax helpers every relation rule family shares: who a verb's subjects and objects
are, who holds a role or relational noun, which side a phrase names, which cue phrase
ends at a token. Rule families call these public methods, never each other."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.context import Context
from linkchart.extract.relations.constants import OBJECT_PREPS, PLACES
from linkchart.extract.relations.words import RelationWords
from linkchart.nlp.lexicon import typing_lexicon
from linkchart.wordlists import words as word_set

PERSON_TITLES = word_set(typing_lexicon()["person_titles"])


class Syntax:
    def __init__(self, context: Context, words: RelationWords):
        self.context = context
        self.words = words

    # -- cue phrases
    def phrase(self, token: Token, table: dict[str, str]) -> str | None:
        """The longest cue ending at this token: 'deputy commander' before 'commander'."""
        doc = token.doc
        if token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "‐") and \
                doc[token.i + 2].head.i == token.i:  # "the secretary-general of X", the
            hyphened = f"{token.lower_}-{doc[token.i + 2].lower_}"  # parser hanging the
            if hyphened in table:                                   # end on the start
                return hyphened
        if token.lower_ not in _cue_endings(table):
            return None
        if token.i >= 2 and doc[token.i - 1].text in ("-", "‐"):
            hyphened = f"{doc[token.i - 2].lower_}-{token.lower_}"  # "Vice-President", however
            if token.head.i == token.i - 2:
                return None  # read at its start, above
            if hyphened in table:                                   # the parser hangs it
                return hyphened
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

    def nearest_mention(self, index: int, cue: Token, sentence) -> Token | None:
        """The token of `sentence` nearest the cue that names referent `index`."""
        best = None
        for token in sentence:
            if self.context.token_referent.get(token.i) == index or (
                    token.pos_ in ("PRON", "NOUN", "ADJ", "PROPN")
                    and self.context.referent(token) == index):
                if best is None or abs(token.i - cue.i) < abs(best.i - cue.i):
                    best = token
        return best

    # -- a verb's arguments
    def subjects(self, verb: Token) -> list[int]:
        context = self.context
        if passive(verb):
            return [i for v in (verb, *verb.conjuncts) for agent in v.children
                    if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"
                    for i in context.referents_of(o)]  # "armed and trained by the CIA"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "xcomp":
            subjects = _controller(verb.head)  # "called on Rouhani to provide X to Hamas"
        if not subjects and (verb.dep_ in ("conj", "xcomp") or _purpose(verb)):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "conj":  # "are backed by Iran and have fought X"
            subjects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "xcomp" and passive(verb.head):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "It is
            # believed to receive arms from Tehran"
        if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "The group
            # rose to prominence fighting US troops"
        if not subjects and verb.dep_ in ("acl", "relcl") and _purpose_of_copula_noun(verb):
            return self.subjects(verb.head.head)  # "X is the coalition to defeat ISIS"
        if not subjects and verb.dep_ == "acl" and _to_infinitive(verb) and \
                verb.head.dep_ == "dobj" and not context.referents_of(verb.head):
            return self.subjects(verb.head.head)  # "launched an offensive to retake X"
        if not subjects and verb.dep_ in ("relcl", "acl"):
            return context.referents_of(verb.head)
        if not subjects and verb.dep_ == "pcomp":  # "played a role in wiping out IS"
            governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if governor is None:
                return []
            accused = [c for c in governor.children if c.dep_ == "dobj"]
            # "accused Russia of arming X": the accused is the one arming
            if accused and verb.head.head == governor and \
                    governor.lemma_.lower() in self.words.accusing_verbs:
                return [i for c in accused for i in self.through_of(c)]
            if governor.lemma_.lower() in self.words.caught_in_verbs and passive(governor):
                return self.passive_subjects(governor)  # "is engaged in feuding with X"
            return self.subjects(governor)
        return [i for s in subjects for i in self.through_of(s)]

    def passive_subjects(self, verb: Token) -> list[int]:
        return [i for c in verb.children if c.dep_ == "nsubjpass"
                for i in self.context.referents_of(c)]

    def direct_objects(self, verb: Token) -> list[int]:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if passive(verb):
            objects = [c for v in (verb, verb.head if verb.dep_ == "conj" else verb)
                       for c in v.children if c.dep_ == "nsubjpass"][:1]
        return [i for o in objects for i in self.through_of(o)]

    # -- the side a phrase names
    def through_of(self, token: Token) -> list[int]:
        """'militants from Lebanon's Hezbollah', 'fighters of the group', 'the regime of
        President Assad', 'Assad's forces': the named side. A common noun with a named
        complement is not read as an anaphor ('the regime' is not the last state named)."""
        context, words = self.context, self.words
        if token.lemma_.lower() in words.gathering_nouns:
            return []  # "hosted a summit with officials from the U.S.": no one hosted
        if token.pos_ == "NOUN" and token.i not in context.token_referent:
            named = [i for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                     for o in p.children if o.dep_ == "pobj" for i in context.referents_of(o)]
            if token.lower_ in words.government_nouns:  # "the regime of President Assad"
                named = [self._state_led_by(i) for i in named]
            named = named or self.led_state(token)
            if not named and token.lower_ in words.force_nouns:
                named = [self._state_led_by(i) if token.lower_ in words.government_nouns else i
                         for c in token.children if c.dep_ == "poss"
                         for i in context.referents_of(c)]
            if named:
                return named
        return context.referents_of(token)

    def led_state(self, noun: Token) -> list[int]:
        """'the Trump administration', 'Assad's regime': the state its leader runs."""
        if noun.lower_ not in self.words.government_nouns:
            return []
        return [self._state_led_by(i) for c in noun.children if c.dep_ in ("compound", "poss")
                for i in self.context.referents_of(c) if self.context.type_of(i) == "person"]

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
        context, titles = self.context, self.words.state_titles
        for mention in context.referents[index].mentions:
            before = mention.doc[max(0, mention.start - 3):mention.start]
            if not any(t.lower_ in titles and titles[t.lower_] == "leads" for t in before):
                continue
            for token in before:
                actor = context.knowledge.by_demonym.get(token.text)
                found = context.country_referent(actor) if actor else None
                if found is not None:
                    return found
        return None

    def named(self, token: Token) -> list[int]:
        """The referent a modifier names, itself or through its compound or owner."""
        index = self.context.referent(token)
        if index is None:
            for child in token.children:
                if child.dep_ in ("compound", "poss"):
                    index = self.context.referent(child)
                    if index is not None:
                        break
        return [index] if index is not None else []

    def places(self, token: Token) -> list[int]:
        """Places a phrase names, also through 'the provinces of Saada and Amran'."""
        found = [i for i in self.context.referents_of(token, anaphora=False)
                 if self.context.type_of(i) in PLACES]
        if not found and token.pos_ == "NOUN":
            found = [i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" for i in self.places(o)]
        return found

    # -- who holds a noun
    def holders(self, noun: Token) -> list[int]:
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
            if child.dep_ == "appos":  # "Trump ally Sen. X and Sen. Y": X alone is the ally
                found = context.referents_of(child, coordinated=noun.tag_ in ("NNS", "NNPS")
                                             or not _titled_conjunct(child))
                if found:
                    return found
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            if subjects:
                return context.referents_of(subjects[0])
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "Its chairman is X"
            found = [i for c in noun.head.children if c.dep_ == "attr"
                     for i in context.referents_of(c)]
            if found:
                return found
        appointed = self._appointed(noun)
        if appointed is not None:
            return context.referents_of(appointed)
        if noun.dep_ in ("relcl", "acl") or noun.head.dep_ == "relcl":
            return context.referents_of(noun.head)
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            # "served as envoy", "succeeded X as leader": the subject; "views Houthi
            # forces as Iran proxies": the object viewed
            verb = noun.head.head
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects and verb.lemma_.lower() in self.words.designation_verbs:
                return context.referents_of(objects[0])
            return self.subjects(verb)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.lower_ in self.words.partitives:  # "X, one of Iran's allies"
            return self.holders(noun.head.head)
        return self._apposed_to_object(noun)

    def _appointed(self, noun: Token) -> Token | None:
        """'X was appointed commander of Y', 'Khamenei named X commander', 'X became
        commander': who takes the role."""
        verb = noun.head
        if noun.dep_ not in ("oprd", "attr", "xcomp", "dobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        lemma = verb.lemma_.lower()
        wanted = ("nsubj",) if lemma in self.words.becoming_verbs else \
            ("nsubjpass", "dobj") if lemma in self.words.appointment_verbs else ()
        return next((c for c in verb.children if c.dep_ in wanted and c.i != noun.i), None)

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

    def objects_of_noun(self, noun: Token, exclude: set[int],
                        preps: frozenset[str] = OBJECT_PREPS,
                        through_owner: bool = False) -> list[int]:
        """Whom a role or relational noun ties its holder to: owners, modifiers, objects;
        `through_owner`: an unnamed object's owner ('an opponent of Syria's influence')."""
        words = self.words
        found: list[int] = []
        for child in noun.children:
            hyphenated = child.i + 1 < len(noun.doc) and noun.doc[child.i + 1].text == "-"
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod")
                                        and child.i < noun.i and not hyphenated
                                        and not self._hyphen_modifier(child)):
                found += self.named(child)
            elif child.dep_ == "prep" and child.lower_ in preps:
                for obj in (c for c in child.children if c.dep_ == "pobj"
                            and not (c.pos_ == "NOUN" and c.lower_ in
                                     words.charge_words | words.aim_nouns)
                            and not (child.lower_ == "of" and c.lower_ in words.portfolios)):
                    named = self.led_state(obj) or self.context.referents_of(obj) or [
                        i for c in obj.children if through_owner and c.dep_ == "poss"
                        for i in self.context.referents_of(c)]
                    found += named or [i for p in obj.children if p.dep_ == "prep"
                                       and p.lower_ in OBJECT_PREPS for o in p.children
                                       if o.dep_ == "pobj" for i in self.context.referents_of(o)]
        return [i for i in dict.fromkeys(found) if i not in exclude]

    def _hyphen_modifier(self, token: Token) -> bool:
        """'backed' in 'UN-backed': its own relation, not the noun's organisation."""
        return token.lower_ in self.words.hyphenated and token.i > 0 and \
            token.doc[token.i - 1].text in ("-", "‐")

    # -- who acts in a nominal
    def nominal_actors(self, noun: Token) -> list[int]:
        """Who does what a noun names: 'Iran's support', 'the U.S.-led fight', who claimed
        it, or the subject of its light verb ('waged an insurgency')."""
        light_verbs = self.words.light_verbs
        actors = self.context.modifier_referents(noun, ("poss", "compound", "amod", "nmod"))
        actors += [i for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
                   for o in p.children if o.dep_ == "pobj"  # "the attack by the Houthis"
                   for i in self.through_of(o) if i not in actors]
        leaders = [i for i in self._leaders_by_hyphen(noun) if i not in actors]
        if actors:
            return actors + leaders
        claimer = self._claimer(noun)
        if claimer:
            return leaders + [i for i in claimer if i not in leaders]
        caught = self._caught_in(noun)
        if caught:
            return leaders + [i for i in caught if i not in leaders]
        accused = self._accused_of(noun)
        if accused:
            return leaders + [i for i in accused if i not in leaders]
        verb = noun.head
        if noun.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in light_verbs | {
                "of", "with"}:  # not "for": 'Trump blamed Iran for the attack on X'
            while (verb.pos_ == "ADP" or verb.dep_ == "prep") and verb.head.i != verb.i:
                verb = verb.head  # a preposition can be the root of a headline fragment
            helping = noun.lower_ in self.words.help_nouns
            if verb.dep_ == "dobj" and noun.head.lower_ == "with" and helping:
                verb = verb.head  # "fought Israel with the help of Iran": the fighter's
            held = self._object_before(verb, noun.head) \
                if noun.head.lower_ == "with" and not helping else None
            if held is not None:
                # "arrested leaders of militias with close ties to Iran": the ties are the
                # militias', not the arresting forces'
                return leaders + [i for i in self.through_of(held) if i not in leaders]
            return leaders + [i for i in self.subjects(verb) if i not in leaders]
        return leaders

    def _accused_of(self, noun: Token) -> list[int]:
        """'accusing it of attacks on American forces': the accused made the attacks."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or \
                prep.head.lemma_.lower() not in self.words.accusing_verbs:
            return []
        return [i for c in prep.head.children if c.dep_ == "dobj" for i in self.through_of(c)]

    def _caught_in(self, noun: Token) -> list[int]:
        """'X is locked in a bitter rivalry with Y', 'engaged in feuding with Y', 'X stands
        by Iraq in the fight against Y': who is caught in, or takes part in, what the noun
        names."""
        prep = noun.head
        if noun.dep_ != "pobj" or not (prep.lower_ == "in" or (
                prep.lower_ == "on" and noun.lower_ in self.words.behalf_nouns)):
            return []
        verb = prep.head
        if verb.lemma_.lower() not in self.words.caught_in_verbs:
            # "The UK stands by Iraq in the fight against Daesh": the subject takes part
            return self.subjects(verb) if verb.pos_ == "VERB" else []
        while verb.dep_ == "acomp" and verb.head.i != verb.i:
            verb = verb.head  # "is engaged in", read as an adjective
        return self.subjects(verb) or self.passive_subjects(verb)

    @staticmethod
    def _object_before(verb: Token, prep: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i), None)

    def _claimer(self, noun: Token) -> list[int]:
        """'His forces claimed credit for an attack on the GNC': who claims it made it."""
        prep, words = noun.head, self.words
        if noun.dep_ != "pobj" or prep.lower_ != "for":
            return []
        verb = prep.head.head if prep.head.lower_ in words.claim_nouns else prep.head
        if verb.lemma_.lower() not in words.claim_verbs or not any(
                c.dep_ == "dobj" and c.lower_ in words.claim_nouns for c in verb.children):
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return [i for s in subjects for i in self.through_of(s)] or self.subjects(verb)

    def _leaders_by_hyphen(self, noun: Token) -> list[int]:
        """'the U.S.-led fight against IS', 'the Saudi-led bombing campaign': the leader
        wages it."""
        doc = noun.doc
        modifiers = [c for c in noun.children if c.i < noun.i]
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children]
        return [i for m in modifiers if self.words.hyphenated.get(m.lower_) == "leads"
                and m.i >= 2 and doc[m.i - 1].text in ("-", "‐")
                for i in [self.context.referent(doc[m.i - 2])] if i is not None]


def passive(verb: Token) -> bool:
    """'was armed and trained by': the second verb shares the first one's subject."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) or (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and not _own_active_aux(verb)
        and any(c.dep_ == "nsubjpass" for c in verb.head.children))


def _own_active_aux(verb: Token) -> bool:
    """'are supported by Iran and have fought a war': 'have fought' is active."""
    return any(c.dep_ == "aux" for c in verb.children) and \
        not any(c.dep_ == "auxpass" for c in verb.children)


def _purpose_of_copula_noun(verb: Token) -> bool:
    """'X is the coalition to defeat ISIS', 'X is a force to fight Y'."""
    return verb.head.dep_ == "attr" and verb.head.head.lemma_ == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose(verb: Token) -> bool:
    """'sent fighters to Syria to support Assad', 'stands by Iraq to defeat Daesh'."""
    return verb.dep_ in ("advcl", "xcomp") and _to_infinitive(verb)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _controller(verb: Token) -> list[Token]:
    """Whom 'urged X to', 'asked X to', 'called on X to' sets to act: the object."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects or [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
                       for o in p.children if o.dep_ == "pobj"]


_CUE_ENDINGS: dict[int, tuple[dict[str, str], set[str]]] = {}
"""id(table) -> (table, its endings). The tables are the lexicon's, read once per process:
their endings are worked out once, not per document."""


def _cue_endings(table: dict[str, str]) -> set[str]:
    """Every way a cue in `table` can end: the whole cue, and what follows each of its
    spaces. A word that is none of these ends no cue."""
    entry = _CUE_ENDINGS.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _CUE_ENDINGS[id(table)] = (table, {
            ending for cue in table for ending in
            (cue, *(cue[i + 1:] for i, c in enumerate(cue) if c == " "))})
    return entry[1]


def _titled_conjunct(name: Token) -> bool:
    """'Sen. X and Sen. Y': a conjunct with a title of its own."""
    return any(c.dep_ == "compound" and {c.lower_, c.lower_.rstrip(".")} & PERSON_TITLES
               for conj in name.conjuncts for c in conj.children)
