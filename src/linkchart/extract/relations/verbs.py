"""Verbs: "X controls Y", "Y is backed by X", "X answers to Y", "Under Soleimani, ..."; and
the subjects and objects of a verb."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import phrase_map


class VerbRules:
    """Mixed into RelationExtractor, which provides context, _add, _add_all and _through_of."""

    def _load_verbs(self, words: dict) -> None:
        self.verbs = phrase_map(words["verbs"])
        self.verb_preps = {(v["verb"], v["prep"]): v for v in words["verb_preps"]}
        self.message_nouns = set(words["message_nouns"])
        self.territory_nouns = set(words["territory_nouns"])
        self.verb_lemmas_with_preps = {verb for verb, _ in self.verb_preps}
        self.designation_verbs = set(words["designation_verbs"])
        self.designation_words = set(words["designation_words"])

    # -- verbs: "X controls Y", "Y is backed by X", "X answers to Y"
    def _verb(self, token: Token) -> None:
        if token.pos_ != "VERB" and not _mistagged_verb(token):
            return
        self._under(token)
        self._designation(token)
        lemma = self._phrasal(token)
        if lemma not in self.verbs and lemma not in self.verb_lemmas_with_preps:
            return
        subjects = self._subjects(token)
        objects = self._direct_objects(token)
        if lemma in self.verbs and subjects and objects:
            said = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
            kind = self.verbs[lemma]
            if kind == "controls" and self._holds_ground(token):
                kind = "based_in"  # "IS controls a vast swath of Syria"
            for subject in subjects:
                for obj in objects:
                    self._add(kind, subject, obj, said, token)
        for prep in (c for c in token.children if c.dep_ in ("prep", "agent", "dative")):
            cue = self.verb_preps.get((lemma, prep.lower_))
            if cue is None or not self._particle_ok(token, cue) or self._sends_word(token):
                continue
            targets = [i for o in prep.children if o.dep_ == "pobj"
                       for i in self.context.referents_of(o)]
            self._add_all(cue, subjects or self._passive_subjects(token), targets, token)

    def _holds_ground(self, verb: Token) -> bool:
        """'controls parts of Syria', 'held much of the north': ground, not an actor."""
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.territory_nouns
                   and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
                   for c in verb.children)

    def _sends_word(self, verb: Token) -> bool:
        """'sent a letter to the UN', 'gave a warning to Iran': words, not support."""
        return any(c.dep_ == "dobj" and c.lemma_.lower() in self.message_nouns
                   for c in verb.children)

    def _designation(self, verb: Token) -> None:
        """'The PKK is listed as a terrorist organization by Turkey', 'Israel views Hamas as
        a terrorist group': whoever designates opposes the designated."""
        if verb.lemma_.lower() not in self.designation_verbs:
            return
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for noun in (o for o in prep.children if o.dep_ == "pobj"):
                words = {noun.lower_, *(c.lower_ for c in noun.children if c.dep_ in
                                        ("amod", "compound"))}
                if not words & self.designation_words:
                    continue
                designators = self._subjects(verb) or [  # the parser hangs "by Y" on the noun
                    i for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
                    for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)]
                self._add_all({"type": "opposes"}, designators, self._direct_objects(verb),
                              verb)

    def _phrasal(self, verb: Token) -> str:
        """'wiped out', 'propped up': the lemma with its particle when that is a cue."""
        lemma = verb.lemma_.lower()
        for particle in (c for c in verb.children if c.dep_ == "prt"):
            phrase = f"{lemma} {particle.lower_}"
            if phrase in self.verbs:
                return phrase
        return lemma

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
        if self._passive(verb):
            return [i for v in (verb, *verb.conjuncts) for agent in v.children
                    if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"
                    for i in context.referents_of(o)]  # "armed and trained by the CIA"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "xcomp":
            subjects = _controller(verb.head)  # "called on Rouhani to provide X to Hamas"
        if not subjects and (verb.dep_ in ("conj", "xcomp") or self._purpose(verb)):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("relcl", "acl"):
            return context.referents_of(verb.head)
        if not subjects and verb.dep_ == "pcomp":  # "played a role in wiping out IS"
            governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return self._subjects(governor) if governor is not None else []
        return [i for s in subjects for i in context.referents_of(s)]

    def _passive_subjects(self, verb: Token) -> list[int]:
        return [i for c in verb.children if c.dep_ == "nsubjpass"
                for i in self.context.referents_of(c)]

    def _direct_objects(self, verb: Token) -> list[int]:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if self._passive(verb):
            objects = [c for v in (verb, verb.head if verb.dep_ == "conj" else verb)
                       for c in v.children if c.dep_ == "nsubjpass"][:1]
        return [i for o in objects for i in self._through_of(o)]

    @staticmethod
    def _passive(verb: Token) -> bool:
        """'was armed and trained by': the second verb shares the first one's subject."""
        return any(c.dep_ == "nsubjpass" for c in verb.children) or (
            verb.dep_ == "conj" and verb.tag_ == "VBN"
            and any(c.dep_ == "nsubjpass" for c in verb.head.children))

    @staticmethod
    def _purpose(verb: Token) -> bool:
        """'sent fighters to Syria to support Assad', 'stands by Iraq to defeat Daesh'."""
        return verb.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _mistagged_verb(token: Token) -> bool:
    """'The Quds Force answers directly to Khamenei': the small model tags 'answers' a noun
    but still gives it a subject."""
    return token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)


def _controller(verb: Token) -> list[Token]:
    """Whom 'urged X to', 'asked X to', 'called on X to' sets to act: the object."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects or [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
                       for o in p.children if o.dep_ == "pobj"]
