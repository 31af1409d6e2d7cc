"""Trigger classification: which words name an event, and of which PLOVER type.

Verbs by lemma, with a particle, preposition or object where the lexicon lists the pair
("pull out", "open fire"); verbs typed by their object's class ("impose sanctions"
SANCTION, "send troops" MOBILIZE); nouns by their longest listed phrase ("air strike"),
retyped by a preposition ("talks on" CONSULT) or a sense cue ("a four-day strike"
PROTEST); and "X said Y must ..." as a demand.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from linkchart.extract.events.candidates import Trigger
from linkchart.extract.events.lexicon import Lexicon, Spec, lemma_of, word_key
from linkchart.extract.events.reality import reporting_head
from linkchart.extract.events.syntax import Sentences, words_before

OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "xcomp")
NOMINALS = ("NOUN", "PROPN", "PRON")


def find_triggers(doc: Doc, sentences: Sentences, lex: Lexicon) -> dict[int, Trigger]:
    """Every trigger of the document, by its head token's index."""
    triggers = {}
    for token in doc:
        trigger = classify(token, sentences, lex)
        if trigger is not None:
            triggers[token.i] = trigger
    return triggers


def classify(token: Token, sentences: Sentences, lex: Lexicon) -> Trigger | None:
    pos = token.pos_
    if pos == "VERB":
        trigger = _verb_trigger(token, lex)
        if trigger is None and _reported_demand(token, lex):
            # "the minister said Libya must hand over the suspects": a demand
            trigger = Trigger(token, Spec("REQUEST"), "verb", [token])
        return trigger
    if pos in ("NOUN", "PROPN"):
        return _noun_trigger(token, sentences, lex)
    return None


def _reported_demand(verb: Token, lex: Lexicon) -> bool:
    return verb.dep_ == "ccomp" and any(
        c.dep_ == "aux" and c.text in ("must", "should") for c in verb.children) \
        and reporting_head(verb, lex) is not None


# ------------------------------------------------------------------------- verbs

def _verb_trigger(token: Token, lex: Lexicon) -> Trigger | None:
    for key, words in _verb_keys(token):
        if key in lex.verb_objects:
            spec = _type_by_object(token, key, lex)
            if spec is not False:
                return Trigger(token, spec, "verb", words) if spec else None
        spec = lex.verbs.get(key)
        if spec is not None:
            return Trigger(token, spec, "verb", words)
    return None


def _verb_keys(token: Token) -> list[tuple[str, list[Token]]]:
    """The lexicon keys a verb may stand under, most specific first: with a following
    particle or preposition, with its object, then alone."""
    lemma = lemma_of(token)
    keys = []
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.i > token.i and not _dated(child):
            keys.append((f"{lemma} {child.lower_}", [token, child]))
        elif child.dep_ == "dobj":
            keys.append((f"{lemma} {lemma_of(child)}", [token, child]))
    keys.append((lemma, [token]))
    return keys


def _dated(prep: Token) -> bool:
    """'called ... on Tuesday' is no 'call on': the preposition introduces a date."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


NO_OBJECT = "(none)"
NAMED_OBJECT = "(named)"


def _type_by_object(token: Token, key: str, lex: Lexicon) -> Spec | None | bool:
    """The type a verb takes from its object class ('(none)': without an object;
    '(named)': a name or a pronoun);
    False when no class applies."""
    table = lex.verb_objects[key]
    words = _object_words(token)
    for name, event_type in table.items():  # in the lexicon's order: first class wins
        if name != "*" and any(name in lex.classes.get(w, ()) for w in words):
            return Spec(*event_type.split(":")) if event_type else None  # "TYPE:mode"
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")
               and c.pos_ in NOMINALS]
    has_object = bool(objects)
    if NAMED_OBJECT in table and any(o.ent_type_ or o.pos_ == "PRON" for o in objects):
        return Spec(table[NAMED_OBJECT]) if table[NAMED_OBJECT] else None
    if not has_object and NO_OBJECT in table:
        return Spec(table[NO_OBJECT]) if table[NO_OBJECT] else None
    if "*" in table:
        if not has_object:
            return None
        return Spec(table["*"]) if table["*"] else None
    return False


def _object_words(token: Token) -> list[str]:
    """The lemmas of what a verb acts on, with their compound and adjective modifiers."""
    words = []
    for head in _object_heads(token):
        for item in (head, *head.conjuncts):
            words.append(word_key(item.lemma_))
            words.extend(word_key(c.lemma_) for c in item.children
                         if c.dep_ in ("compound", "amod"))
    return words


def _object_heads(token: Token) -> list[Token]:
    heads = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    for child in token.children:
        if child.dep_ in ("prep", "prt"):
            heads.extend(_prep_objects(child))
            for prep in child.children:
                if prep.dep_ == "prep":
                    heads.extend(_prep_objects(prep))
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            heads.extend(c for c in child.children if c.dep_ == "dobj")
    if token.dep_ == "acl" and token.tag_ == "VBN":
        heads.append(token.head)  # "sanctions imposed on X"
    if token.dep_ == "relcl" and not heads and any(
            c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children):
        heads.append(token.head)  # "a claim Damascus denied"
    for head in list(heads):
        # "thousands of troops", "tons of food aid": the counted thing
        heads.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj")
    return heads


def _prep_objects(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ == "pobj"]


# ------------------------------------------------------------------------- nouns

def _noun_trigger(token: Token, sentences: Sentences, lex: Lexicon) -> Trigger | None:
    if word_key(token.lemma_) not in lex.noun_heads and \
            word_key(token.lower_) not in lex.noun_heads:
        return None
    if token.ent_type_ in ("DATE", "TIME"):
        return None  # "in March 2015" is no march
    first = sentences.start_of(token.i)
    for length in lex.noun_lengths:  # the longest listed phrase first
        words = words_before(token, length, first)
        if words is None:
            continue
        key = " ".join(word_key(w.lemma_) if w is token else word_key(w.lower_)
                       for w in words)
        spec = lex.nouns.get(key)
        if spec is None and length == 1:
            spec = lex.nouns.get(word_key(token.lower_))
        if spec is not None:
            spec = _noun_prep_type(token, key, spec, lex)
            spec = _noun_sense(token, key, spec, lex)
            return Trigger(token, spec, "noun", words)
    return None


def _noun_sense(token: Token, key: str, spec: Spec, lex: Lexicon) -> Spec:
    """"a four-day strike" (labour, PROTEST), "lodged a protest" (ACCUSE)."""
    sense = lex.noun_senses.get(key)
    if not sense:
        return spec
    near = _nearby_words(token)
    head = _governing_lemma(token)
    for rule in sense:
        if near & set(rule.get("words", ())) or head in rule.get("verbs", ()):
            return Spec(rule["type"], rule.get("mode"))
    return spec


def _nearby_words(noun: Token) -> set[str]:
    """The words of a noun's children and grandchildren, as written and as lemmas."""
    near = {word_key(c.lower_) for c in noun.children} | \
        {word_key(c.lemma_) for c in noun.children}
    near |= {word_key(g.lower_) for c in noun.children for g in c.children}
    return near


def _governing_lemma(noun: Token) -> str:
    """The verb (with its preposition) a noun is the object of: "lodge", "take part in"."""
    if any(c.dep_ == "oprd" for c in noun.head.children):
        return ""  # "called the Russian strikes a flouting of ...": a naming verb
    head = lemma_of(noun.head) if noun.dep_ in ("dobj", "nsubjpass", "pobj") else ""
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        head = f"{lemma_of(noun.head.head)} {noun.head.lower_}"
    return head


def _noun_prep_type(token: Token, key: str, spec: Spec, lex: Lexicon) -> Spec:
    """The type a preposition or an infinitive gives a noun ("talks on", "a plan to")."""
    table = lex.noun_preps.get(key)
    if table:
        for child in token.children:
            if child.lower_ in table and child.dep_ in ("prep", "acl", "aux"):
                return Spec(table[child.lower_])
            if child.dep_ in ("acl", "relcl") and any(
                    g.lower_ == "to" for g in child.children if g.dep_ == "aux"):
                return Spec(table.get("to", spec.type))
            marks = [g.lower_ for g in child.children if g.dep_ == "mark"
                     and g.lower_ in table] if child.dep_ in ("advcl", "acl") else []
            if marks:  # "calls for Moore to step down"
                return Spec(table[marks[0]])
    return spec
