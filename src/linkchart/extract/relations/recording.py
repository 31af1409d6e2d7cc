"""Recording a relation: type checks, the evidence sentence span, negation and hedging."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import (
    ACTORS, MAX_EVIDENCE_TOKENS, PLACES, SOURCE_TYPES, STATE_MEMBERSHIPS, TARGET_TYPES)
from linkchart.extract.relations.syntax import Syntax
from linkchart.model import UNDIRECTED_RELATIONS, Relation

# Bodies that are never part of a state: a branch of one in a country is based there.
NON_STATE_BODIES = frozenset({"armed_group", "political_party", "organization", "media",
                              "company", "religious_body"})


class Recorder:
    """Keeps what the rule families find, one relation per (type, source, target), each
    tagged with the rule that found it (`rule`, set by the extractor before each rule)."""

    def __init__(self, syntax: Syntax):
        self.context = syntax.context
        self.syntax = syntax
        words = syntax.words
        self.negation_verbs = words.negation_verbs
        self.hedges = words.hedges
        self.intent_verbs = words.intent_verbs
        self.structural = words.structural
        self.found: dict[tuple, Relation] = {}
        self.rule = "unknown"

    def add_all(self, cue: dict, holders: list[int], targets: list[int], trigger: Token):
        for holder in holders:
            for target in targets:
                source, other = (target, holder) if cue.get("reverse") else (holder, target)
                self.add(cue["type"], source, other, [trigger], trigger)

    def add(self, kind: str, source: int, target: int, cues: list[Token], trigger: Token,
            role: str | None = None, span: tuple[int, int] | None = None,
            rule: str | None = None) -> None:
        """Record a relation; its evidence is the shortest stretch holding the cue and a
        mention of each side, or `span` (token offsets) when the cue alone states it.
        `rule` tags it in place of the running rule's name (a variant calibrated apart)."""
        context = self.context
        if kind == "part_of" and self._grounded(source, target):
            kind = "based_in"  # "Yemen's al-Qaeda branch": a group is no part of a state
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
            rule=f"{rule or self.rule}:{kind}")

    def _grounded(self, source: int, target: int) -> bool:
        return self.context.type_of(source) in NON_STATE_BODIES and \
            self.context.type_of(target) in PLACES

    def _types_fit(self, kind: str, source: int, target: int) -> bool:
        source_type = self.context.type_of(source)
        target_type = self.context.type_of(target)
        if kind != "based_in" and (source_type not in ACTORS or target_type not in ACTORS):
            return False
        if kind == "member_of" and source_type == "country" and \
                target_type not in STATE_MEMBERSHIPS:
            return False  # "D-Washington, a member of the House": a congressman's state
        return source_type in SOURCE_TYPES.get(kind, ACTORS | PLACES) and \
            target_type in TARGET_TYPES.get(kind, ACTORS)

    def _evidence(self, source: int, target: int, cues: list[Token]):
        sentence = self.context.sentence(cues[0])
        tokens = list(cues)
        for index in (source, target):
            nearest = self.syntax.nearest_mention(index, cues[0], sentence)
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

    def _negated(self, trigger: Token) -> bool:
        """Negated, or the object of a denial: 'denies any link to X', 'rejects backing'."""
        if any(c.dep_ == "neg" for t in self._xcomp_chain(trigger) for c in t.children):
            return True
        if trigger.dep_ in ("attr", "acomp") and any(c.dep_ == "neg" for c in
                                                     trigger.head.children):
            return True  # "has never been an affiliate of al-Qaida"
        if any(a.lower_ == "without" for a in list(trigger.ancestors)[:3]):
            return True  # "without offering assistance to the military"
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
