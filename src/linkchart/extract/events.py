"""Events: PLOVER-typed occurrences with participants, date, place and casualty counts.

Triggers come from patterns/events.yaml: verb lemmas ("attack", "pull out", "open
fire"), verbs whose type follows their object ("impose sanctions" SANCTION, "send
troops" MOBILIZE), and nouns ("air strike", "talks"), some of which count only when a
verb makes them happen ("signed an agreement", "declared a ceasefire").

Participants come from dependency roles: an active verb's subject acts and its object
receives; a passive verb's "by" agent acts and its subject receives; a noun trigger's
possessive, compound and demonym modifiers act ("Hezbollah's attack", "a US air strike",
"Israeli strikes"), "on/against X" receives, and the subject of the verb that carries it
out ("launched an offensive") acts. Dates are the DATE expressions attached to the
trigger's clause, resolved by `linkchart.nlp.dates` against the publication date and the
previous event's date. Places come from in/near/at phrases, counts from "killing N",
"N people were killed", "left N dead", "wounding N".

An event is kept when it has a participant and a date, place or count, and is not a
hypothesis, a negation or a habit. An act told as done with no date words ("Hezbollah
condemned the strikes") is dated by the report: the publication's month. A stated intent
("vowed to retaliate", "said it would withdraw") is a THREATEN for hostile acts and an
AGREE for others; "said X must ..." is a REQUEST; "claimed that X attacked" an ACCUSE;
"would not accept" a REJECT. Mentions of one occurrence (same type, a shared participant,
compatible dates, no different place or toll) are merged; the first evidence stays.
Everything is one pass over the tokens plus bounded walks along the parse: linear in the
document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from linkchart.extract.context import Context
from linkchart.extract.lexicons import lexicon
from linkchart.model import EVENT_TYPES, Event
from linkchart.nlp.dates import resolve_date

PLACE_TYPES = {"location", "country"}
VERBAL_TYPES = {"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
SPATIAL_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "PROTEST"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
DATE_LABELS = ("DATE", "TIME")
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "jan", "feb", "mar", "apr",
               "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
PROBE_DATE = "2000-06-15"  # a stand-in publication date: does a text name a date at all?
MAX_EVIDENCE_TOKENS = 60
MAX_WALK = 12
REAL_GOVERNORS = {"begin", "start", "continue", "resume", "manage", "help", "keep",
                  "go", "move", "proceed", "escalate", "step", "rush", "come"}
CLAUSE_DEPS = ("ccomp", "advcl", "parataxis", "csubj", "relcl", "acl", "xcomp")
NOT_PLACES = {"response", "retaliation", "protest", "support", "wake", "light", "addition",
              "order", "favor", "favour", "return", "exchange", "solidarity", "memory", "name",
              "revenge", "reprisal", "defiance", "violation", "accordance", "line", "charge",
              "control", "power", "custody", "hand", "part", "touch", "contact", "talk"}
CIRCUMSTANCES = {"response", "retaliation", "revenge", "reprisal", "wake", "light", "spite",
                 "addition", "aftermath", "run"}
DEICTIC_DETS = {"any", "no", "every"}
UNREAL_MODIFIERS = {"possible", "potential", "future", "planned", "proposed", "would-be",
                    "threatened", "imminent", "alleged", "hypothetical", "further",
                    "retaliatory", "prospective", "expected", "looming", "next"}


@dataclass(frozen=True)
class Spec:
    type: str
    mode: str | None = None


@dataclass
class Lexicon:
    verbs: dict[str, Spec]
    nouns: dict[str, Spec]
    noun_lengths: list[int]
    needs_verb: set[str]
    light_verbs: set[str]
    verb_objects: dict[str, dict[str, str | None]]
    noun_preps: dict[str, dict[str, str]]
    classes: dict[str, set[str]]
    reporting: set[str]
    intent: set[str]
    governor_types: dict[str, str]
    hypothetical: set[str]
    hostile: set[str]
    modal: set[str]
    intent_modal: set[str]
    negation: set[str]
    habitual: set[str]
    recipient_preps: set[str]
    place_preps: set[str]
    of_actor_types: set[str]
    member_preps: set[str]
    killed: set[str]
    wounded: set[str]
    allegation_heads: set[str]
    allegation_verbs: set[str]
    refusable: set[str]
    quantities: dict[str, int]
    noun_senses: dict[str, list[dict]]
    verb_vocab: set[str] = field(default_factory=set)
    noun_heads: set[str] = field(default_factory=set)


def _entries(groups: dict) -> dict[str, Spec]:
    found: dict[str, Spec] = {}
    for event_type, items in groups.items():
        if event_type not in EVENT_TYPES:
            raise ValueError(f"events.yaml: unknown event type {event_type!r}")
        for item in items:
            if isinstance(item, dict):
                for word, mode in item.items():
                    found[_key(str(word))] = Spec(event_type, mode)
            else:
                found[_key(str(item))] = Spec(event_type)
    return found


def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _governor_words(values) -> set[str]:
    # "be ready" is matched as the adjective "ready" governing the infinitive.
    return {_key(v).removeprefix("be ").removeprefix("reportedly ") for v in values}


def _lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer stumbles on a verb the lexicons
    know ("staged" -> "stag" is read as "stage")."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
        return lemma
    vocab = load_lexicon().verb_vocab
    if lemma in vocab:
        return lemma
    word = token.lower_
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""),
                                ("ed", "e"), ("ed", ""), ("d", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + replacement
            if stem in vocab:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in vocab:
                return stem[:-1]  # "pulled" -> "pull" is fine; "shelled" -> "shell"
    return lemma


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    words = lexicon("events")
    nouns = _entries(words["nouns"])
    classes: dict[str, set[str]] = {}
    for name, members in words["object_classes"].items():
        for member in members:
            classes.setdefault(_key(str(member)), set()).add(name)
    governors = words["governors"]
    lex = Lexicon(
        verbs=_entries(words["verbs"]),
        nouns=nouns,
        noun_lengths=sorted({len(k.split()) for k in nouns}, reverse=True),
        needs_verb={_key(w) for w in words["needs_verb"]},
        light_verbs={_key(w) for w in words["light_verbs"]},
        verb_objects={_key(k): dict(v) for k, v in words["verb_objects"].items()},
        noun_preps={_key(k): {str(p): t for p, t in v.items()}
                    for k, v in words["noun_preps"].items()},
        classes=classes,
        reporting={_key(w) for w in words["reporting"]},
        intent=_governor_words(governors["intent"]),
        governor_types={_key(k): v for k, v in governors["type"].items()},
        hypothetical=_governor_words(governors["hypothetical"]),
        hostile=set(words["hostile"]),
        modal={str(w).lower() for w in words["modal"]},
        intent_modal={str(w).lower() for w in words["intent_modal"]},
        negation={str(w).lower() for w in words["negation"]},
        habitual={str(w).lower() for w in words["habitual"]},
        recipient_preps={str(w) for w in words["recipient_preps"]},
        place_preps={str(w) for w in words["place_preps"]},
        of_actor_types=set(words["of_actor_types"]),
        member_preps={str(w) for w in words["member_preps"]},
        killed={str(w) for w in words["killed"]},
        allegation_heads={str(w) for w in words["allegation_heads"]},
        allegation_verbs={str(w) for w in words["allegation_verbs"]},
        refusable=set(words["refusable"]),
        wounded={str(w) for w in words["wounded"]},
        quantities={_key(str(k)): int(v) for k, v in words["quantity_words"].items()},
        noun_senses={_key(k): [{"type": r["type"], "mode": r.get("mode"),
                                "words": [_key(str(w)) for w in r.get("words", ())],
                                "verbs": [_key(str(w)) for w in r.get("verbs", ())]}
                               for r in v] for k, v in words["noun_senses"].items()},
    )
    vocab = {k.split()[0] for k in lex.verbs} | {k.split()[0] for k in lex.verb_objects} | \
        {k.split()[0] for k in lex.light_verbs} | lex.reporting | lex.intent | \
        set(lex.governor_types) | lex.hypothetical | lex.killed | lex.wounded | \
        lex.allegation_heads | {"leave", "die", "say", "take", "hit", "target", "destroy"}
    lex.verb_vocab = vocab
    lex.noun_heads = {k.split()[-1] for k in lex.nouns}
    return lex


@dataclass
class Trigger:
    token: Token
    spec: Spec
    kind: str  # "verb" or "noun"
    words: list[Token]  # every token of the trigger phrase
    light: Token | None = None  # the verb that carries out a noun trigger


@dataclass
class Candidate:
    trigger: Trigger
    type: str
    mode: str | None
    actors: list[int] = field(default_factory=list)
    recipients: list[int] = field(default_factory=list)
    location: int | None = None
    date: str | None = None
    date_text: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    evidence: tuple[str, int, int] = ("", 0, 0)
    sentence: int = 0
    casualty_only: bool = False

    @property
    def participants(self) -> set[int]:
        return set(self.actors) | set(self.recipients)

    @property
    def anchored(self) -> bool:
        return bool(self.date_text or self.date or self.location is not None
                    or self.fatalities or self.injured)


def _add(items: list[int], new: list[int]) -> None:
    for item in new:
        if item not in items:
            items.append(item)


class EventExtractor:
    def __init__(self, context: Context, candidates: bool = False):
        self.context = context
        self.candidates = candidates
        """Keep every classified trigger, also hypothetical or unanchored ones: what the
        sentence benchmarks score (the event classifier), never the chart."""
        self.doc = context.doc
        self.lex = load_lexicon()
        self.published = context.document.published
        self.last_date: str | None = None
        self.triggers: dict[int, Trigger] = {}
        self.nominal: set[int] = set()
        self.date_spans: list[Span] = []
        self.sentences: list[Span] = []
        self.sentence_of: list[int] = [0] * len(context.doc)
        self.date_anchors: dict[int, list[Span]] = {}

    # ------------------------------------------------------------------ driver

    def run(self) -> list[Event]:
        self.sentences = list(self.doc.sents)
        for number, sent in enumerate(self.sentences):
            self.sentence_of[sent.start:sent.end] = [number] * (sent.end - sent.start)
        for token in self.doc:
            trigger = self._trigger(token)
            if trigger is not None:
                self.triggers[token.i] = trigger
        self.nominal = {i for i, t in self.triggers.items() if t.kind == "noun"}
        self._resolve_light_verbs()
        self._attach_dates()
        candidates: list[Candidate] = []
        for number, sent in enumerate(self.sentences):
            found = []
            for token in sent:
                trigger = self.triggers.get(token.i)
                if trigger is None:
                    continue
                candidate = self._candidate(trigger, number)
                if candidate is not None:
                    found.append(candidate)
            found = self._link_casualties(found, sent, candidates)
            candidates.extend(found)
        if self.candidates:  # the main clause's event first: what a sentence is about
            events = sorted(candidates, key=lambda c: len(list(c.trigger.token.ancestors)))
        else:
            events = self._merge(candidates)
        return self._finish(events)

    # ---------------------------------------------------------------- triggers

    def _trigger(self, token: Token) -> Trigger | None:
        if token.pos_ == "VERB":
            trigger = self._verb_trigger(token)
            if trigger is None and token.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.text in ("must", "should") for c in token.children) \
                    and self._reporting_head(token) is not None:
                # "the minister said Libya must hand over the suspects": a demand
                trigger = Trigger(token, Spec("REQUEST"), "verb", [token])
            return trigger
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_trigger(token)
        return None

    def _verb_keys(self, token: Token) -> list[tuple[str, list[Token]]]:
        lemma = _lemma(token)
        keys = []
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i > token.i:
                keys.append((f"{lemma} {child.lower_}", [token, child]))
            elif child.dep_ == "dobj":
                keys.append((f"{lemma} {_lemma(child)}", [token, child]))
        keys.append((lemma, [token]))
        return keys

    def _verb_trigger(self, token: Token) -> Trigger | None:
        for key, words in self._verb_keys(token):
            if key in self.lex.verb_objects:
                spec = self._by_object(token, key)
                if spec is not False:
                    return Trigger(token, spec, "verb", words) if spec else None
            spec = self.lex.verbs.get(key)
            if spec is not None:
                return Trigger(token, spec, "verb", words)
        return None

    def _by_object(self, token: Token, key: str) -> Spec | None | bool:
        """The type a verb takes from its object class; False when no class applies."""
        table = self.lex.verb_objects[key]
        words = self._object_words(token)
        for name, event_type in table.items():  # in the lexicon's order: first class wins
            if name != "*" and any(name in self.lex.classes.get(w, ()) for w in words):
                return Spec(event_type) if event_type else None
        if "*" in table:
            if not any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")
                       for c in token.children):
                return None
            return Spec(table["*"]) if table["*"] else None
        return False

    def _object_words(self, token: Token) -> list[str]:
        heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd",
                                                            "xcomp")]
        for child in token.children:
            if child.dep_ in ("prep", "prt"):
                heads.extend(g for g in child.children if g.dep_ == "pobj")
                for prep in child.children:
                    if prep.dep_ == "prep":
                        heads.extend(g for g in prep.children if g.dep_ == "pobj")
        for child in token.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                heads.extend(c for c in child.children if c.dep_ == "dobj")
        if token.dep_ == "acl" and token.tag_ == "VBN":
            heads.append(token.head)  # "sanctions imposed on X"
        words = []
        for head in list(heads):
            # "thousands of troops", "tons of food aid": the counted thing
            heads.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")
        for head in heads:
            for item in (head, *head.conjuncts):
                words.append(_key(item.lemma_))
                words.extend(_key(c.lemma_) for c in item.children
                             if c.dep_ in ("compound", "amod"))
        return words

    def _noun_trigger(self, token: Token) -> Trigger | None:
        if _key(token.lemma_) not in self.lex.noun_heads and \
                _key(token.lower_) not in self.lex.noun_heads:
            return None
        first = self.sentences[self.sentence_of[token.i]].start if self.sentences else 0
        for length in self.lex.noun_lengths:
            words = _words_before(token, length, first)
            if words is None:
                continue
            key = " ".join(_key(w.lemma_) if w is token else _key(w.lower_) for w in words)
            spec = self.lex.nouns.get(key)
            if spec is None and length == 1:
                spec = self.lex.nouns.get(_key(token.lower_))
            if spec is not None:
                spec = self._noun_prep_type(token, key, spec)
                spec = self._noun_sense(token, key, spec)
                return Trigger(token, spec, "noun", words)
        return None

    def _noun_sense(self, token: Token, key: str, spec: Spec) -> Spec:
        """"a four-day strike" (labour, PROTEST), "lodged a protest" (ACCUSE)."""
        sense = self.lex.noun_senses.get(key)
        if not sense:
            return spec
        near = {_key(c.lower_) for c in token.children} | {_key(c.lemma_) for c in token.children}
        near |= {_key(g.lower_) for c in token.children for g in c.children}
        head = _lemma(token.head) if token.dep_ in ("dobj", "nsubjpass", "pobj") else ""
        if token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
            head = f"{_lemma(token.head.head)} {token.head.lower_}"
        for rule in sense:
            if near & set(rule.get("words", ())) or head in rule.get("verbs", ()):
                return Spec(rule["type"], rule.get("mode"))
        return spec

    def _noun_prep_type(self, token: Token, key: str, spec: Spec) -> Spec:
        table = self.lex.noun_preps.get(key)
        if table:
            for child in token.children:
                if child.lower_ in table and child.dep_ in ("prep", "acl", "aux"):
                    return Spec(table[child.lower_])
                if child.dep_ in ("acl", "relcl") and any(
                        g.lower_ == "to" for g in child.children if g.dep_ == "aux"):
                    return Spec(table.get("to", spec.type))
        return spec

    def _resolve_light_verbs(self) -> None:
        """Tie each noun trigger to the verb that carries it out, if any; drop nouns that
        need one and have none, and nouns already covered by a verb trigger."""
        for index, trigger in list(self.triggers.items()):
            if trigger.kind != "noun":
                continue
            trigger.light = self._light_verb(trigger.token)
            governing = self.triggers.get(trigger.light.i) if trigger.light is not None else None
            if governing is not None and governing.kind == "verb":
                if governing.spec.type == trigger.spec.type or \
                        _key(trigger.token.lemma_) in self.lex.needs_verb:
                    if governing.spec.mode is None and trigger.spec.mode:
                        governing.spec = Spec(governing.spec.type, trigger.spec.mode)
                    del self.triggers[index]
                    continue
                if trigger.token.dep_ in ("dobj", "nsubjpass") and \
                        _lemma(trigger.light) not in self.lex.light_verbs:
                    trigger.light = None
            key = " ".join(_key(w.lemma_) for w in trigger.words)
            if trigger.light is None and (key in self.lex.needs_verb
                                          or _key(trigger.token.lemma_) in self.lex.needs_verb):
                del self.triggers[index]

    def _light_verb(self, noun: Token) -> Token | None:
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos_ in ("VERB", "AUX"):
            if noun.dep_ == "nsubj" and _lemma(head) not in (
                    "begin", "start", "continue", "resume", "take", "end", "break"):
                return None
            if noun.dep_ == "nsubj" and _lemma(head) == "take":
                return head if any(c.lower_ == "place" for c in head.children) else None
            if self._is_light(head) or head.i in self.triggers:
                return head
            return None
        if noun.dep_ == "pobj" and head.lower_ == "for" and _lemma(head.head) in (
                "responsibility", "credit") and head.head.head.pos_ == "VERB":
            return head.head.head  # "claimed responsibility for the attack"
        if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.head.pos_ == "VERB":
            verb = head.head
            if self._is_light(verb) and head.lower_ in ("in", "into", "to", "on", "for"):
                return verb
            return None
        if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            return self._light_verb(head)
        for child in noun.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and self._is_light(child):
                return child
        return None

    def _is_light(self, verb: Token) -> bool:
        lemma = _lemma(verb)
        if lemma in self.lex.light_verbs:
            return True
        return any(f"{lemma} {c.lower_}" in self.lex.light_verbs
                   for c in verb.children if c.dep_ in ("prt", "prep"))

    # ---------------------------------------------------------------- reality

    def _reality(self, trigger: Trigger) -> tuple[str, Token | None]:
        """How the text tells the act: "real"; "drop" (a hypothesis, a negation, a habit);
        "intent" or "threat" (a stated intention, the reporting verb given); "request"
        ("X said Y must ..."); "refuse" ("would not accept"); "alleged" ("X claimed that
        Y attacked"), with the reporting verb where there is one."""
        noun = trigger.token if trigger.kind == "noun" else None
        if noun is not None:
            for child in noun.children:
                if child.lower_ in DEICTIC_DETS and child.dep_ in ("det", "neg") or \
                        child.lower_ in UNREAL_MODIFIERS and child.dep_ == "amod" and \
                        not any(g.dep_ in ("advmod", "npadvmod") for g in child.children):
                    return "drop", None  # "a possible attack", not "its long-threatened invasion"
                if child.lower_ in self.lex.negation and child.dep_ in ("neg", "det"):
                    return "drop", None
        verb = trigger.token if trigger.kind == "verb" else trigger.light
        if verb is None:
            return "real", None
        return self._clause_reality(verb)

    def _clause_reality(self, verb: Token) -> tuple[str, Token | None]:
        children = list(verb.children)
        if any(c.dep_ == "neg" or (c.lower_ in self.lex.negation and c.dep_ in
                                    ("neg", "advmod", "preconj")) for c in children):
            # "would not meet their demands", "will not accept": a refusal
            refusal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "can", "ca",
                                                             "could") for c in children)
            return ("refuse", None) if refusal else ("drop", None)
        if any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
                g.dep_ == "pobj" and g.lower_ in ("years", "decades", "months", "weeks") and
                not any(n.dep_ == "nummod" for n in g.children)
                for g in c.children) for c in children):
            return "drop", None  # "has complained for years": a habit
        conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in
                                                    ("if", "unless") for g in c.children)
                          for c in children)
        if any(c.dep_ == "advmod" and c.lower_ in self.lex.habitual for c in children):
            return "drop", None
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return "drop", None
        if verb.dep_ == "pcomp" and _lemma(verb.head.head) in self.lex.allegation_heads:
            return "drop", None  # "suspected of blowing up a plane": the charge, not the act
        modals = [c.lower_ for c in children if c.dep_ == "aux" and c.lower_ in self.lex.modal]
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        reported = self._reporting_head(verb)
        if reported is not None and _lemma(reported) in self.lex.allegation_verbs and \
                verb.dep_ == "ccomp":
            return "alleged", reported  # "the US claimed that ISIL had attacked Iraq"
        if modals:
            modal = modals[0]
            if modal in ("must", "should") and reported is not None:
                return "request", reported
            if modal in self.lex.intent_modal and reported is not None:
                return ("threat" if conditional else "intent"), reported
            if conditional and reported is not None:
                return "threat", reported  # "may halt mediation if ...", he said
            return "drop", None
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj") and (
                infinitive or verb.dep_ == "xcomp"):
            head = verb.head
            lemma = _lemma(head)
            if verb.dep_ == "conj":
                return self._clause_reality(head)
            if lemma in REAL_GOVERNORS:
                return self._clause_reality(head)
            if lemma in self.lex.governor_types or lemma in self.lex.hypothetical and \
                    lemma not in self.lex.intent:
                return "drop", None
            if lemma in self.lex.intent and verb.dep_ == "xcomp" and \
                    head.i not in self.triggers:
                status, _ = self._clause_reality(head)
                return ("intent", None) if status in ("real", "intent") else ("drop", None)
            if infinitive:
                return "drop", None  # purposes and plans: "to demand reforms"
        if verb.dep_ == "conj":
            status = self._clause_reality(verb.head)
            if status[0] != "real" and not any(c.dep_ in SUBJECTS for c in children):
                return status
        return "real", None

    def _reporting_head(self, verb: Token) -> Token | None:
        """The reporting verb a clause is told by: "X said (that) ...", "..., X said"."""
        for child in verb.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and child.i > verb.i and \
                    _lemma(child) in self.lex.reporting and \
                    any(g.dep_ in SUBJECTS for g in child.children):
                return child
        token = verb
        for _ in range(3):
            if token.dep_ not in ("ccomp", "xcomp", "conj") or token.head is token:
                return None
            token = token.head
            if _lemma(token) in self.lex.reporting:
                return token
        return None

    # ------------------------------------------------------------- candidates

    def _candidate(self, trigger: Trigger, sentence: int) -> Candidate | None:
        status, speaker = self._reality(trigger)
        if status == "drop" and self.candidates:
            status = "real"
        if status == "drop" or not self._plausible(trigger):
            return None
        event_type, mode = trigger.spec.type, trigger.spec.mode
        if status == "intent" and event_type not in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
            event_type = "THREATEN" if event_type in self.lex.hostile else "AGREE"
            mode = None
        elif status == "threat":
            event_type, mode = "THREATEN", None
        elif status == "alleged":
            if event_type not in self.lex.hostile:
                return None
            candidate = Candidate(trigger, "ACCUSE", None, sentence=sentence)
            self._roles(trigger, candidate)
            candidate.actors = self._phrase(_subject(speaker)) if speaker is not None else []
            candidate.recipients = [a for a in candidate.recipients if False] + [
                a for a in self._accused(trigger, candidate) if a not in candidate.actors]
            if not candidate.recipients:
                return None
            self._date(trigger, candidate)
            candidate.evidence = self._evidence(trigger)
            return candidate
        elif status == "refuse":
            if event_type not in self.lex.refusable:
                return None
            event_type, mode = "REJECT", None
        candidate = Candidate(trigger, event_type, mode, sentence=sentence)
        self._roles(trigger, candidate)
        if status in ("intent", "threat") and not candidate.actors and speaker is not None:
            # "Iran said it would attack": the speaker stands behind the intent
            candidate.actors = [a for a in self._phrase(_subject(speaker))
                                if a not in candidate.recipients]
        if status == "request":
            candidate.type, candidate.mode = "REQUEST", None
            candidate.recipients = candidate.actors
            candidate.actors = self._phrase(_subject(speaker)) if speaker is not None else []
        self._place(trigger, candidate)
        self._date(trigger, candidate)
        candidate.evidence = self._evidence(trigger)
        candidate.casualty_only = trigger.kind == "verb" and \
            _lemma(trigger.token) in self.lex.killed | self.lex.wounded
        return candidate

    def _accused(self, trigger: Trigger, candidate: Candidate) -> list[int]:
        probe = Candidate(trigger, trigger.spec.type, None)
        self._roles(trigger, probe)
        return probe.actors

    def _roles(self, trigger: Trigger, candidate: Candidate) -> None:
        if trigger.kind == "verb":
            self._verb_roles(trigger.token, candidate)
        else:
            self._noun_roles(trigger, candidate)

    def _plausible(self, trigger: Trigger) -> bool:
        token = trigger.token
        if trigger.kind == "verb":
            # "militias backed by Iran", "a hotel hosting diplomats": descriptions
            if token.dep_ in ("acl", "amod") and token.tag_ == "VBN" and \
                    trigger.spec.type not in ("ASSAULT", "COERCE"):
                return False
            if token.dep_ in ("acl", "amod") and token.tag_ == "VBG" and \
                    trigger.spec.type not in VERBAL_TYPES | {"PROTEST"}:
                return False  # "refugees fleeing the war"
            if _lemma(token) == "warn" and not self._warns_of_act(token):
                return False
            if _participle(token) and trigger.spec.type != "ASSAULT":
                return False  # "backed by pro-Turkey rebels", "Asked about the attack, ..."
            if trigger.spec.type in VERBAL_TYPES and _is_passive(token) and not _agents(token):
                return False  # "It has been blamed": whose act is not said
            if _lemma(token) == "meet" and not any(
                    c.dep_ in ("dobj", "prep") and c.i > token.i for c in token.children) and \
                    not _several(_subject(token)):
                return False  # "His threat was met positively"
        clause = trigger.light if trigger.light is not None else (
            token if trigger.kind == "verb" else None)
        subject = _subject(clause) if clause is not None else None
        if subject is not None and subject.lower_ in ("i", "me", "you"):
            return False  # a quoted speaker's own doings ("I phoned my daughter")
        return True

    def _warns_of_act(self, verb: Token) -> bool:
        """"warned that police will no longer tolerate rallies", "warned X to leave":
        a threat; "warned of problems ahead": a statement."""
        for child in verb.children:
            if child.dep_ == "xcomp":
                return True
            if child.dep_ == "ccomp" and any(
                    g.dep_ == "aux" and g.lower_ in self.lex.intent_modal for g in child.children):
                return True
        return False

    def _verb_roles(self, verb: Token, candidate: Candidate) -> None:
        subject = _subject(verb)
        passive = _is_passive(verb)
        if passive:
            if subject is not None:
                _add(candidate.recipients, self._phrase(subject))
            for agent in _agents(verb):
                _add(candidate.actors, self._phrase(agent))
        else:
            if subject is not None:
                _add(candidate.actors, self._phrase(subject))
            for child in verb.children:
                if child.dep_ in ("dobj", "dative", "iobj"):
                    self._recipient(child, candidate)
        for child in verb.children:
            if child.dep_ in ("prep", "prt", "agent"):
                self._prep_role(child, candidate, verb=True)
            elif child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN" and \
                    child.i != (subject.i if subject is not None else -1):
                # "imposed sanctions on Iran", "sent aid to Mali", "held talks with X"
                for prep in child.children:
                    if prep.dep_ == "prep":
                        self._prep_role(prep, candidate, verb=True)
            elif child.dep_ == "ccomp" and candidate.type == "REQUEST" and \
                    not candidate.recipients:
                # "demanded that the United States match ...": who is asked
                subject = _subject(child)
                if subject is not None:
                    _add(candidate.recipients, [r for r in self._phrase(subject)
                                                if self.context.type_of(r) != "location"])
        if candidate.type == "ASSAULT" and _lemma(verb) in ("clash", "fight", "battle"):
            candidate.actors.extend(r for r in candidate.recipients
                                    if r not in candidate.actors)
            candidate.recipients = []

    def _prep_role(self, prep: Token, candidate: Candidate, verb: bool) -> None:
        word = prep.lower_
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ == "prt":
            objects = [g for c in prep.children if c.dep_ == "prep"
                       for g in c.children if g.dep_ == "pobj"]
        event_type = candidate.type
        for obj in objects:
            if word in ("against", "on", "upon", "targeting") or \
                    (word in ("at", "toward", "towards", "into") and event_type == "ASSAULT"):
                if word == "on" and event_type not in (
                        "ASSAULT", "SANCTION", "COERCE", "REQUEST", "THREATEN", "PROTEST"):
                    continue
                self._recipient(obj, candidate)
            elif word == "with":
                if event_type in ("CONSULT", "AGREE", "COOPERATE"):
                    self._recipient(obj, candidate, places=False)
                elif event_type == "ASSAULT" and _key(candidate.trigger.token.lemma_) in (
                        "clash", "fight", "battle", "fighting", "firefight", "gunfight"):
                    _add(candidate.actors, self._phrase(obj))
            elif word == "to" and event_type in ("AID", "CONCEDE", "SUPPORT", "REQUEST",
                                                 "THREATEN", "AGREE"):
                self._recipient(obj, candidate)
            elif word == "from" and event_type == "REQUEST":
                self._recipient(obj, candidate, places=False)
            elif word == "between" and not verb:
                _add(candidate.actors, [r for r in self._phrase(obj)
                                        if self.context.type_of(r) not in ("location",)])
            elif word == "by" and not verb:
                _add(candidate.actors, self._phrase(obj))
            elif word == "of" and not verb:
                if event_type in self.lex.of_actor_types:
                    _add(candidate.actors, self._phrase(obj))
                else:
                    self._recipient(obj, candidate)

    def _recipient(self, token: Token, candidate: Candidate, places: bool = True) -> None:
        spatial = candidate.type in SPATIAL_TYPES
        for index in self._phrase(token):
            if self.context.type_of(index) == "location":
                if places and spatial and candidate.location is None:
                    candidate.location = index
            elif index not in candidate.recipients:
                candidate.recipients.append(index)

    def _noun_roles(self, trigger: Trigger, candidate: Candidate) -> None:
        noun = trigger.token
        phrase_words = {w.i for w in trigger.words}
        children = [c for w in trigger.words for c in w.children]
        for child in children:
            if child.i in phrase_words:
                continue
            if child.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
                for index in self._modifier(child):
                    if self.context.type_of(index) == "location":
                        candidate.location = candidate.location if candidate.location \
                            is not None else index
                    elif index not in candidate.actors:
                        candidate.actors.append(index)
            elif child.dep_ == "prep":
                self._prep_role(child, candidate, verb=False)
            elif child.dep_ in ("acl",) and child.tag_ == "VBN":
                for agent in _agents(child):
                    _add(candidate.actors, self._phrase(agent))
                for prep in child.children:
                    if prep.dep_ == "prep":
                        self._prep_role(prep, candidate, verb=True)
        light = trigger.light
        if light is not None:
            if _is_passive(light) and noun.dep_ == "nsubjpass" or light.head is noun:
                for agent in _agents(light):
                    _add(candidate.actors, self._phrase(agent))
            elif noun.dep_ != "nsubj" or light.head is not noun:
                subject = _subject(light)
                if subject is not None and subject.i != noun.i:
                    _add(candidate.actors, self._phrase(subject))
            for child in light.children:
                if child.dep_ in ("prep", "dative") and child.i != noun.head.i:
                    if child.dep_ == "dative":
                        self._recipient(child, candidate)
                    else:
                        self._prep_role(child, candidate, verb=False)
        # "a US strike killed X", "killed in a drone strike": the verb's patient
        head = noun.head
        if noun.dep_ == "nsubj" and head.pos_ == "VERB" and \
                _lemma(head) in self.lex.killed | self.lex.wounded | {"hit", "target",
                                                                            "destroy", "damage"}:
            for child in head.children:
                if child.dep_ == "dobj":
                    self._recipient(child, candidate)
        verb = _casualty_verb_of(noun, self.lex)
        if verb is not None and _is_passive(verb):
            subject = _subject(verb)
            if subject is not None:
                self._recipient(subject, candidate)
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in (
                "target", "victim", "targets", "victims"):
            # "X was the target of a June US airstrike"
            copula = head.head.head
            subject = _subject(copula) if copula.pos_ in ("AUX", "VERB") else None
            if subject is not None:
                self._recipient(subject, candidate)

    # -------------------------------------------------------------- phrases

    def _phrase(self, token: Token | None) -> list[int]:
        """Referents a participant phrase names, or through its modifiers ("forces under
        Haftar", "fighters of the HTS", "Hezbollah's fighters", "U.S. troops")."""
        if token is None:
            return []
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
            token = token.head.head
        if token.dep_ == "appos" and token.head.i in self.context.token_referent:
            token = token.head
        found = self.context.referents_of(token)
        if found:
            return found
        for head in (token, *token.conjuncts):
            for child in head.children:
                if child.dep_ in ("poss", "compound", "amod", "nmod"):
                    _add(found, self._modifier(child))
                elif child.dep_ == "prep" and child.lower_ in self.lex.member_preps:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            _add(found, [r for r in self.context.referents_of(obj)
                                         if self.context.type_of(r) != "location"])
                elif child.dep_ in ("acl", "amod") and child.pos_ in ("VERB", "ADJ"):
                    # "militants loyal to X", "forces aligned with X"
                    for prep in child.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                            for obj in prep.children:
                                if obj.dep_ == "pobj":
                                    _add(found, self.context.referents_of(obj))
        return found

    def _modifier(self, token: Token) -> list[int]:
        index = self.context.referent(token)
        if index is not None:
            return [index]
        return []

    # ----------------------------------------------------------------- place

    def _place(self, trigger: Trigger, candidate: Candidate) -> None:
        if candidate.location is not None:
            return
        heads = [trigger.token]
        if trigger.light is not None:
            heads.append(trigger.light)
        elif trigger.kind == "verb" and trigger.token.dep_ == "conj":
            heads.append(trigger.token.head)
        for head in list(heads):
            for child in head.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.i != trigger.token.i:
                    heads.append(child)
                elif child.dep_ == "prep" and child.lower_ in self.lex.recipient_preps:
                    heads.extend(g for g in child.children if g.dep_ == "pobj")
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in self.lex.place_preps:
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    place = self._place_in(obj, allow_country=child.lower_ in (
                        "in", "across", "throughout", "inside", "within", "near", "into"))
                    if place is not None:
                        candidate.location = place
                        return

    def _place_in(self, token: Token, allow_country: bool) -> int | None:
        wanted = PLACE_TYPES if allow_country else {"location"}
        if token.lemma_.lower() in NOT_PLACES:
            return None  # "in response to", "in retaliation for", "in support of"
        for index in self.context.referents_of(token, anaphora=False):
            if self.context.type_of(index) in wanted:
                return index
        # "the town of Cizre", "a hotel in Mali's capital", "near Baghdad's Imams Bridge"
        inner = [c for c in token.children if c.dep_ in ("poss", "compound", "appos", "nmod")]
        inner += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                  for g in c.children if g.dep_ == "pobj"]
        for child in inner:
            index = self.context.token_referent.get(child.i)
            if index is None:
                index = next((self.context.token_referent[g.i] for g in child.subtree
                              if g.i in self.context.token_referent), None)
            if index is not None and self.context.type_of(index) in wanted:
                return index
        return None

    # ------------------------------------------------------------------ date

    def _attach_dates(self) -> None:
        """Each DATE expression to the trigger or verb it modifies."""
        self.date_spans = _date_mentions(self.doc)
        for ent in self.date_spans:
            token = ent.root
            for _ in range(MAX_WALK):
                if token.head is token:
                    break
                token = token.head
                if token.i in ent_tokens(ent):
                    continue
                if token.i in self.triggers or token.i in self.nominal or \
                        token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                    self.date_anchors.setdefault(token.i, []).append(ent)
                    break

    def _date(self, trigger: Trigger, candidate: Candidate) -> None:
        heads = [trigger.token]
        if trigger.light is not None:
            heads.append(trigger.light)
        if trigger.kind == "verb":
            heads.extend(c for c in trigger.token.children if c.dep_ == "xcomp")
        token = trigger.light if trigger.light is not None else (
            trigger.token if trigger.kind == "verb" else None)
        # the clause's own verbs, then the verbs it reports or continues
        if token is not None:
            for _ in range(4):
                if token.dep_ in ("conj", "xcomp", "ccomp", "advcl") and token.head is not token:
                    token = token.head
                    heads.append(token)
                elif token.dep_ == "relcl" and any(ent.start <= token.head.i < ent.end
                                                   for ent in self.date_spans):
                    # "since last year when Trump pulled out": the year it hangs on
                    for ent in self.date_spans:
                        if ent.start <= token.head.i < ent.end and self._use_date(ent, candidate):
                            return
                    break
                elif token.dep_ == "relcl" and _governing_verb(token.head) is not None:
                    # "HTS attacked Ahrar al-Sham, which withdrew": the main clause's date
                    token = _governing_verb(token.head)
                    heads.append(token)
                else:
                    break
        for head in heads:
            for ent in self.date_anchors.get(head.i, []):
                if self._use_date(ent, candidate):
                    return

    def _use_date(self, ent: Span, candidate: Candidate) -> bool:
        text = ent.text
        if resolve_date(text, PROBE_DATE, PROBE_DATE) is None:
            return False
        candidate.date = resolve_date(text, self.published, self.last_date)
        candidate.date_text = _date_text(ent)
        if candidate.date:
            self.last_date = candidate.date
        return True

    # -------------------------------------------------------------- evidence

    def _evidence(self, trigger: Trigger) -> tuple[str, int, int]:
        head = trigger.light if trigger.light is not None else trigger.token
        if trigger.kind == "noun" and trigger.light is None:
            tokens = list(head.subtree)
        else:
            tokens = [head]
            for child in head.children:
                if child.dep_ in CLAUSE_DEPS + ("punct", "cc", "mark", "conj", "dep") \
                        and child.i > head.i:
                    continue
                if child.dep_ == "prep" and (child.lower_ in (
                        "after", "amid", "despite", "following", "because", "since",
                        "before", "as", "while") or any(
                        g.dep_ == "pobj" and g.lemma_.lower() in CIRCUMSTANCES
                        for g in child.children)):
                    continue  # "..., in response to the killing of ...": another story
                if child.dep_ in ("advcl", "ccomp", "parataxis", "punct", "mark", "cc"):
                    continue
                tokens.extend(child.subtree)
            if trigger.kind == "noun":
                tokens.extend(trigger.token.subtree)
        start = min(t.i for t in tokens)
        end = max(t.i for t in tokens) + 1
        sent = self.sentences[self.sentence_of[head.i]]
        start, end = max(start, sent.start), min(end, sent.end)
        if end - start > MAX_EVIDENCE_TOKENS:
            start = max(start, trigger.token.i - MAX_EVIDENCE_TOKENS // 2)
            end = min(end, start + MAX_EVIDENCE_TOKENS)
        return self.context.evidence(start, end)

    # ------------------------------------------------------------ casualties

    def _link_casualties(self, found: list[Candidate], sent: Span,
                         earlier: list[Candidate]) -> list[Candidate]:
        """Counts to the sentence's assault; "killed"/"wounded" folded into the assault
        they report ("a strike killed X", "killed in a drone strike", "..., killing 3");
        "the strikes" and "25 fighters were killed" with no one named refer back to the
        assault told just before."""
        killed, wounded = self._counts(sent)
        assaults = [c for c in found if c.type == "ASSAULT"]
        hosts = [c for c in assaults if not c.casualty_only and not _anaphoric(c)] or \
            [c for c in assaults if c.casualty_only and c.actors]
        host = hosts[0] if hosts else None
        back = None
        if host is None:
            told = []
            for c in reversed(earlier):  # only the last two sentences are looked at
                if c.sentence < sent_number(found, earlier) - 2:
                    break
                if c.type == "ASSAULT" and c.participants:
                    told.insert(0, c)
            # the main assault of the latest sentence that told one
            back = next((c for c in told if c.sentence == told[-1].sentence), None) \
                if told else None
        target = host or back
        kept = []
        for candidate in found:
            foldable = candidate.type == "ASSAULT" and candidate is not host and (
                candidate.casualty_only and (host is not None or not candidate.actors)
                or _anaphoric(candidate))
            if foldable and target is not None:
                _absorb(target, candidate)
                continue
            kept.append(candidate)
        if target is not None and (host is not None or not any(c.type == "ASSAULT" and
                                                                c.participants for c in kept)):
            if killed and target.fatalities is None:
                target.fatalities = killed
            if wounded and target.injured is None:
                target.injured = wounded
        return kept

    def _counts(self, sent: Span) -> tuple[int | None, int | None]:
        killed = wounded = 0
        seen: set[int] = set()
        for token in sent:
            lemma = _lemma(token)
            word = token.lower_
            if lemma in self.lex.wounded or word in self.lex.wounded:
                kind = "wounded"
            elif lemma in self.lex.killed or word in self.lex.killed:
                kind = "killed"
            else:
                continue
            value = self._count_for(token, seen)
            if value:
                if kind == "killed":
                    killed += value
                else:
                    wounded += value
        return killed or None, wounded or None

    def _count_for(self, cue: Token, seen: set[int]) -> int | None:
        heads: list[Token] = []
        lemma = _lemma(cue)
        if cue.pos_ == "VERB" or cue.tag_ in ("VBN", "VBD", "VBG"):
            if _is_passive(cue) or cue.dep_ in ("acl", "amod") and cue.tag_ == "VBN":
                subject = _subject(cue)
                heads.append(subject if subject is not None else cue.head)
            elif lemma == "claim":
                heads.extend(g for c in cue.children if c.dep_ == "dobj"
                             and _lemma(c) == "life"
                             for p in c.children if p.dep_ == "prep"
                             for g in p.children if g.dep_ == "pobj")
            elif lemma == "die":
                subject = _subject(cue)
                if subject is not None:
                    heads.append(subject)
            else:
                heads.extend(c for c in cue.children if c.dep_ in ("dobj", "nsubjpass"))
                if cue.dep_ in ("conj",) and not heads:
                    heads.extend(c for c in cue.children if c.dep_ == "npadvmod")
        if not heads and cue.pos_ in ("ADJ", "VERB", "NOUN"):
            # "left 35 guerrillas and 5 soldiers dead", "6 civilians wounded", "55 wounded"
            heads.extend(c for c in cue.children if c.dep_ in ("nsubj", "nummod", "npadvmod"))
            if cue.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "conj", "amod") and \
                    _lemma(cue.head) == "leave":
                heads.extend(c for c in cue.head.children if c.dep_ == "dobj")
            if cue.dep_ == "amod" and cue.head.pos_ in ("NOUN", "PRON"):
                heads.append(cue.head)
            if cue.dep_ == "conj" and cue.head.tag_ in ("CD",):
                heads.append(cue.head)
            if cue.dep_ == "dobj" and _lemma(cue.head) == "leave":
                heads.append(cue)
        total = 0
        for head in heads:
            for item in (head, *head.conjuncts):
                if item is not head and any(c.tag_ in ("VBN", "JJ") and c.i != cue.i and
                                            c.dep_ in ("amod", "acl") for c in item.children):
                    continue  # "... dead and 3 bridges partially destroyed"
                value = self._number(item, seen)
                if value:
                    total += value
        return total or None

    def _number(self, head: Token, seen: set[int]) -> int | None:
        """The number a noun phrase counts: "25 people", "at least 20", "three more"."""
        candidates = [head] if _numeric(head, self.lex) else []
        candidates += [c for c in head.children if c.dep_ in ("nummod", "quantmod", "amod",
                                                              "compound", "npadvmod")
                       and _numeric(c, self.lex)]
        if head.lower_ in ("all",):
            candidates += [g for c in head.children if c.dep_ == "prep"
                           for g in c.children if _numeric(g, self.lex)]
        for number in candidates:
            if number.i in seen:
                continue
            value = _value(number, self.lex)
            if value is not None:
                seen.add(number.i)
                return value
        return None

    # ------------------------------------------------------------------ merge

    def _merge(self, candidates: list[Candidate]) -> list[Candidate]:
        """One event per occurrence: a later mention of the same type, with a shared
        participant, compatible dates and no different place or toll, adds what it knows
        to the first mention (whose evidence stays)."""
        merged: list[Candidate] = []
        by_type: dict[str, list[Candidate]] = {}
        for candidate in candidates:
            if not candidate.participants:
                continue
            same_type = by_type.setdefault(candidate.type, [])
            host = next((m for m in same_type if _same(m, candidate)), None)
            if host is None:
                merged.append(candidate)
                same_type.append(candidate)
                continue
            _add(host.actors, [a for a in candidate.actors if a not in host.recipients])
            _add(host.recipients, [r for r in candidate.recipients if r not in host.actors])
            if host.date is None and candidate.date:
                host.date, host.date_text = candidate.date, candidate.date_text
            for name in ("location", "fatalities", "injured", "mode"):
                if getattr(host, name) is None:
                    setattr(host, name, getattr(candidate, name))
        return merged

    def _keep(self, candidate: Candidate) -> bool:
        """An event needs a participant and a date, place or count; an event told as
        done ("condemned", "has withdrawn") is dated by the report: the publication's
        month."""
        if self.candidates:
            return True
        if not candidate.participants:
            return False
        if candidate.type == "AID" and not candidate.recipients:
            return False  # aid to no one named: "aided by drones overhead"
        if candidate.anchored:
            return True
        if not _recent(candidate.trigger, candidate.type):
            return False
        candidate.date = self.published[:7] if self.published and \
            re.match(r"\d{4}-\d{2}", self.published) else None
        return True

    def _finish(self, candidates: list[Candidate]) -> list[Event]:
        events = []
        for candidate in candidates:
            if not self._keep(candidate):
                continue
            text, start, end = candidate.evidence
            if not text:
                continue
            ids = self.context.entity_id
            events.append(Event(
                id=f"v{len(events) + 1}", type=candidate.type, evidence=text, start=start,
                end=end, mode=candidate.mode, date=candidate.date,
                date_text=candidate.date_text,
                location=ids(candidate.location) if candidate.location is not None else None,
                actors=[ids(a) for a in candidate.actors],
                recipients=[ids(r) for r in candidate.recipients],
                fatalities=candidate.fatalities, injured=candidate.injured))
        return events


# ------------------------------------------------------------------- helpers

def _recent(trigger: Trigger, event_type: str | None = None) -> bool:
    """Told as done (past, perfect or in progress; for statements, also the present:
    "Syria says it is willing"): dated by the report itself."""
    verb = trigger.light if trigger.light is not None else trigger.token
    if event_type in VERBAL_TYPES:
        token = verb
        for _ in range(4):
            if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBZ", "VBP"):
                return True
            if token.head is token:
                break
            token = token.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            if _past_or_progressive(verb):
                return True
            if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                return False
        verb = verb.head
        if verb.head is verb and verb.pos_ not in ("VERB", "AUX"):
            return False
    return False


def _past_or_progressive(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "was", "were") for a in auxes):
        return True
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "has", "have") for a in auxes):
        return True
    return False


def _words_before(token: Token, length: int, first: int) -> list[Token] | None:
    """The `length` words ending at `token`, hyphens skipped ("cease-fire")."""
    words = [token]
    i = token.i - 1
    while len(words) < length and i >= first:
        previous = token.doc[i]
        if previous.text in ("-", "‐", "–"):
            i -= 1
            continue
        if previous.is_punct:
            return None
        words.insert(0, previous)
        i -= 1
    return words if len(words) == length else None


def _governing_verb(noun: Token) -> Token | None:
    token = noun
    for _ in range(5):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token
        if token.pos_ not in ("NOUN", "PROPN", "ADP", "PRON", "NUM"):
            return None
    return None


def _subject(verb: Token | None) -> Token | None:
    token = verb
    for _ in range(4):
        if token is None:
            return None
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects[0]
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return token.head
        if token.dep_ in ("conj", "xcomp", "advcl", "acomp") and token.head is not token:
            token = token.head
            continue
        return None
    return None


def _several(token: Token | None) -> bool:
    """A phrase naming more than one party: "Israel and Hamas", "the two leaders"."""
    if token is None:
        return False
    return bool(token.conjuncts) or token.tag_ in ("NNS", "NNPS") or \
        any(c.dep_ == "appos" for c in token.children)


def _participle(verb: Token) -> bool:
    """A past participle modifying something else ("militias backed by Iran")."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl", "appos", "npadvmod",
                                                 "oprd", "dep") and \
        not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or \
        (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and
         not any(c.dep_ in ("nsubj", "aux") for c in verb.children))


def _agents(verb: Token) -> list[Token]:
    agents = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            agents.extend(g for g in child.children if g.dep_ == "pobj")
    return agents


def _casualty_verb_of(noun: Token, lex: Lexicon) -> Token | None:
    """"killed in a drone strike": the verb a noun trigger reports casualties for."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "during", "by") and head.head.pos_ == "VERB":
        verb = head.head
        if _lemma(verb) in lex.killed | lex.wounded:
            return verb
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        verb = head.head
        if _lemma(verb) in lex.killed | lex.wounded:
            return verb
    return None


def _numeric(token: Token, lex: Lexicon) -> bool:
    return token.like_num or token.lower_ in lex.quantities


def _value(token: Token, lex: Lexicon) -> int | None:
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        value = int(text)
    elif re.fullmatch(r"\d+\.\d+", text):
        value = float(text)
    elif text in lex.quantities:
        value = lex.quantities[text]
    else:
        return None
    for child in token.children:
        # "two dozen", "three hundred", "30 thousand"
        if child.dep_ in ("compound", "nummod", "quantmod") and child.i < token.i:
            inner = _value_word(child, lex)
            if inner and value in (12, 100, 1000, 1000000):
                value = inner * value
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in ("hundred", "thousand", "million") \
            and following.head.i in (token.i, token.head.i):
        value = value * lex.quantities[following.lower_]
    if following is not None and following.lower_ == "dozen":
        value = value * 12
    value = int(value)
    if 1900 <= value <= 2100 and token.ent_type_ == "DATE":
        return None
    return value


def _value_word(token: Token, lex: Lexicon) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return lex.quantities.get(text)


_MONTH = (r"(?:January|February|March|April|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
          r"May(?=[ ,]+\d))")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
# Date words the tagger may miss; group "d" is the expression.
DATE_PATTERNS = [re.compile(p) for p in (
    r"\b(?P<d>(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ])?(?:\d{1,2} )?" + _MONTH +
    r"(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? \d{4})?)\b",
    r"\b(?P<d>(?:[Ll]ast |[Tt]his |[Ee]arlier |[Ll]ate )?" + _WEEKDAY +
    r"(?: (?:morning|afternoon|evening|night))?)\b",
    r"\b(?P<d>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening))\b",
    r"\b(?P<d>(?:(?:[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly) )?(?:[Ll]ast|[Tt]his|[Pp]revious|"
    r"[Pp]ast) (?:week|month|year|spring|summer|autumn|fall|winter))\b",
    r"\b(?P<d>(?:the )?(?:next|following|same|previous) (?:day|week|month|year)|" + _COUNT +
    r" (?:days?|weeks?|months?|years?|hours?) (?:ago|later|earlier))\b",
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Oo]f|[Ff]rom) (?P<d>(?:(?:early|mid|late)"
    r"[- ]?)?(?:the (?:spring|summer|autumn|fall|winter) of )?(?:19|20)\d\d)\b",
    r"\b(?P<d>(?:early|mid|late)-(?:19|20)\d\d)\b",
)]


def _date_mentions(doc) -> list[Span]:
    """The tagger's DATE and TIME entities, and date words it missed ("mid-January")."""
    found = [_date_span(ent) for ent in doc.ents if ent.label_ in DATE_LABELS]
    taken = {i for span in found for i in range(span.start, span.end)}
    text = doc.text  # built anew on each access: once here
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = doc.char_span(match.start("d"), match.end("d"), alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if any(t.ent_type_ and t.ent_type_ not in DATE_LABELS for t in span):
                continue
            found.append(span)
            taken.update(range(span.start, span.end))
    return sorted(found, key=lambda span: span.start)


def ent_tokens(ent: Span) -> range:
    return range(ent.start, ent.end)


def _date_span(ent: Span) -> Span:
    """"26 February" when the tagger left the day out of the DATE entity."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].like_num and doc[ent.start - 1].text.isdigit() \
            and 1 <= int(doc[ent.start - 1].text) <= 31 and \
            ent[0].lower_.rstrip(".") in MONTH_WORDS:
        return doc[ent.start - 1:ent.end]
    return ent


def _date_text(ent: Span) -> str:
    """The date words as written, with the preposition that introduces them ("on
    Sunday", "in June 2014")."""
    doc = ent.doc
    start = ent.start
    root = ent.root
    if start > 0 and doc[start - 1].dep_ == "prep" and root.head.i == start - 1 and \
            doc[start - 1].lower_ in ("on", "in", "since", "during", "at", "by", "until",
                                      "from", "through", "throughout", "over", "before",
                                      "after"):
        start -= 1
    return doc[start:ent.end].text


def _anaphoric(candidate: Candidate) -> bool:
    """"the strikes", "the attack": a definite noun trigger naming no one."""
    token = candidate.trigger.token
    return candidate.trigger.kind == "noun" and not candidate.participants and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
        for c in token.children)


def sent_number(found: list[Candidate], earlier: list[Candidate]) -> int:
    if found:
        return found[0].sentence
    return earlier[-1].sentence + 1 if earlier else 0


def _absorb(host: Candidate, other: Candidate) -> None:
    """Fold a mention into the event it reports on."""
    _add(host.recipients, [r for r in other.recipients if r not in host.actors])
    if not host.actors:
        _add(host.actors, [a for a in other.actors if a not in host.recipients])
    if host.location is None:
        host.location = other.location
    if not host.date_text and other.date_text:
        host.date, host.date_text = other.date, other.date_text
    if host.fatalities is None:
        host.fatalities = other.fatalities
    if host.injured is None:
        host.injured = other.injured
    if host.mode is None:
        host.mode = other.mode


def _same(a: Candidate, b: Candidate) -> bool:
    """Two mentions of one occurrence: same type, a shared participant, compatible dates,
    and no different place or toll."""
    if a.type != b.type or not (a.participants & b.participants):
        return False
    if a.location is not None and b.location is not None and a.location != b.location:
        return False
    for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured)):
        if x and y and x != y:
            return False
    return _dates_compatible(a.date, b.date)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def extract_events(context: Context, candidates: bool = False) -> list[Event]:
    return EventExtractor(context, candidates).run()
