"""Recording a relation: type checks, the evidence sentence span, negation and hedging."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import (
    ACTORS, MAX_EVIDENCE_TOKENS, PLACES, SOURCE_TYPES, TARGET_TYPES)
from linkchart.model import UNDIRECTED_RELATIONS, Relation


class Recorder:
    """Mixed into RelationExtractor, which provides context; keeps what the rules find."""

    def _load_recording(self, words: dict) -> None:
        self.negation_verbs = set(words["negation_verbs"])
        self.hedges = set(words["hedges"])
        self.intent_verbs = set(words["intent_verbs"])
        self.structural = set(words["structural_relations"])
        self.found: dict[tuple, Relation] = {}
        self._cue_endings: dict[int, set[str]] = {}
        self.family = "unknown"

    def _add_all(self, cue: dict, holders: list[int], targets: list[int], trigger: Token):
        for holder in holders:
            for target in targets:
                source, other = (target, holder) if cue.get("reverse") else (holder, target)
                self._add(cue["type"], source, other, [trigger], trigger)

    def _phrase(self, token: Token, table: dict[str, str]) -> str | None:
        """The longest cue ending at this token: 'deputy commander' before 'commander'."""
        if token.lower_ not in self._endings(table):
            return None
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

    def _endings(self, table: dict[str, str]) -> set[str]:
        """Every way a cue in `table` can end: the whole cue, and what follows each of its
        spaces. A word that is none of these ends no cue."""
        found = self._cue_endings.get(id(table))
        if found is None:
            found = self._cue_endings[id(table)] = {
                ending for cue in table for ending in
                (cue, *(cue[i + 1:] for i, c in enumerate(cue) if c == " "))}
        return found

    def _add(self, kind: str, source: int, target: int, cues: list[Token], trigger: Token,
             role: str | None = None, span: tuple[int, int] | None = None) -> None:
        """Record a relation; its evidence is the shortest stretch holding the cue and a
        mention of each side, or `span` (token offsets) when the cue alone states it."""
        context = self.context
        if source == target or not self._types_fit(kind, source, target):
            return
        if kind in self.structural and self._intended(trigger):
            return  # "he does not aspire to lead Libya", "seeks to control the port"
        if kind in UNDIRECTED_RELATIONS:
            source, target = sorted((source, target))
        elif (kind, target, source) in self.found:
            return  # "its elite Quds Force unit": a part never holds its whole
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
            negated=self._negated(trigger), hedged=self._hedged(trigger),
            rule=f"{self.family}:{kind}")

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
        if any(c.dep_ == "neg" for t in self._xcomp_chain(trigger) for c in t.children):
            return True
        if trigger.lemma_.lower() in self.negation_verbs:
            return True
        child = trigger
        for ancestor in list(trigger.ancestors)[:3]:
            if ancestor.lemma_.lower() in self.negation_verbs:
                return child.dep_ in ("dobj", "xcomp", "ccomp", "pcomp", "attr")
            child = ancestor
        return False

    @staticmethod
    def _xcomp_chain(trigger: Token) -> list[Token]:
        """'does not want to join': the verbs whose complement the trigger is."""
        chain = [trigger]
        while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        return chain

    def _intended(self, trigger: Token) -> bool:
        """The trigger is what someone wants, plans or tries, not what is."""
        return any(t.lemma_.lower() in self.intent_verbs for t in self._xcomp_chain(trigger)[1:])

    def _hedged(self, trigger: Token) -> bool:
        nearby = [*trigger.children, *list(trigger.ancestors)[:2]]
        return any(t.lower_ in self.hedges for t in nearby)
