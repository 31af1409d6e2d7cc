"""The trigger lexicon: patterns/events.yaml read once into lookup tables.

Verb lemmas, verbs typed by their object's class, noun phrases and their senses, and the
word lists the other steps consult (reporting and intent verbs, modals, negations,
casualty words, number words). Keys are lower-cased with hyphens as spaces ("cease fire").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from linkchart.extract.lexicons import lexicon
from linkchart.model import EVENT_TYPES

# Lemmas the verb vocabulary knows besides the lexicon's own entries.
EXTRA_VERBS = {"leave", "die", "say", "take", "hit", "target", "destroy"}
# lemma_of's answers by (lemma, lower, pos, tag) ids, forgotten when this many: memory stays
# bounded over a long ingest.
MAX_REMEMBERED_LEMMAS = 200_000
_LEMMAS: dict[tuple[int, int, int, int], str] = {}
# Inflections tried, in order, when the lemmatizer misses a verb: (suffix, replacement).
VERB_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"),
                    ("ed", ""), ("d", ""), ("es", ""), ("s", ""))


@dataclass(frozen=True)
class Spec:
    """What a trigger means: its PLOVER type and, where told, its mode ("aerial")."""
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
    aggregate_nouns: set[str]
    ally_nouns: set[str]
    helping_verbs: set[str]
    stateless_nouns: set[str]
    allegation_heads: set[str]
    allegation_verbs: set[str]
    refusable: set[str]
    fighting_words: set[str]
    patient_nouns: set[str]
    question_verbs: set[str]
    decline_verbs: set[str]
    comment_verbs: set[str]
    informant_nouns: set[str]
    retelling_words: set[str]
    stance_verbs: dict[str, str]
    terms_verbs: set[str]
    chart_retypes: dict[str, dict[str, str]]
    spokes_nouns: set[str]
    claim_verbs: set[str]
    quantities: dict[str, int]
    noun_senses: dict[str, list[dict]]
    verb_vocab: set[str] = field(default_factory=set)
    noun_heads: set[str] = field(default_factory=set)

    @property
    def casualty_words(self) -> set[str]:
        """"killed", "wounded" and their kin."""
        return self.killed | self.wounded


def word_key(text: str) -> str:
    """The lexicon's spelling of a word or phrase: lower case, hyphens as spaces."""
    return " ".join(text.lower().replace("-", " ").split())


def lemma_of(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer stumbles on a verb the lexicons
    know ("staged" -> "stag" is read as "stage")."""
    # Asked about most tokens several times; the answer depends only on these four ids.
    key = (token.lemma, token.lower, token.pos, token.tag)
    lemma = _LEMMAS.get(key)
    if lemma is None:
        if len(_LEMMAS) >= MAX_REMEMBERED_LEMMAS:
            _LEMMAS.clear()
        lemma = _LEMMAS[key] = _mended_lemma(token)
    return lemma


def _mended_lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
        return lemma
    vocab = load_lexicon().verb_vocab
    if lemma in vocab:
        return lemma
    return _known_stem(token.lower_, vocab) or lemma


def _known_stem(word: str, vocab: set[str]) -> str | None:
    for suffix, replacement in VERB_INFLECTIONS:
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + replacement
            if stem in vocab:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in vocab:
                return stem[:-1]  # "pulled" -> "pull" is fine; "shelled" -> "shell"
    return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    words = lexicon("events")
    nouns = _specs_by_word(words["nouns"])
    governors = words["governors"]
    lex = Lexicon(
        verbs=_specs_by_word(words["verbs"]),
        nouns=nouns,
        noun_lengths=sorted({len(k.split()) for k in nouns}, reverse=True),
        needs_verb={word_key(w) for w in words["needs_verb"]},
        light_verbs={word_key(w) for w in words["light_verbs"]},
        verb_objects={word_key(k): dict(v) for k, v in words["verb_objects"].items()},
        noun_preps={word_key(k): {str(p): t for p, t in v.items()}
                    for k, v in words["noun_preps"].items()},
        classes=_object_classes(words["object_classes"]),
        reporting={word_key(w) for w in words["reporting"]},
        intent=_governor_words(governors["intent"]),
        governor_types={word_key(k): v for k, v in governors["type"].items()},
        hypothetical=_governor_words(governors["hypothetical"]),
        hostile=set(words["hostile"]),
        modal=_lower(words["modal"]),
        intent_modal=_lower(words["intent_modal"]),
        negation=_lower(words["negation"]),
        habitual=_lower(words["habitual"]),
        recipient_preps=_strings(words["recipient_preps"]),
        place_preps=_strings(words["place_preps"]),
        of_actor_types=set(words["of_actor_types"]),
        member_preps=_strings(words["member_preps"]),
        killed=_strings(words["killed"]),
        aggregate_nouns=_strings(words["aggregate_nouns"]),
        ally_nouns=_strings(words["ally_nouns"]),
        helping_verbs=_strings(words["helping_verbs"]),
        stateless_nouns=_strings(words["stateless_nouns"]),
        allegation_heads=_strings(words["allegation_heads"]),
        allegation_verbs=_strings(words["allegation_verbs"]),
        refusable=set(words["refusable"]),
        fighting_words=_strings(words["fighting_words"]),
        patient_nouns=_strings(words["patient_nouns"]),
        question_verbs=_strings(words["question_verbs"]),
        decline_verbs=_strings(words["decline_verbs"]),
        comment_verbs=_strings(words["comment_verbs"]),
        informant_nouns=_strings(words["informant_nouns"]),
        retelling_words=_strings(words["retelling_words"]),
        stance_verbs={word_key(k): v for k, v in words["stance_verbs"].items()},
        terms_verbs=_strings(words["terms_verbs"]),
        chart_retypes={word_key(k): v for k, v in words["chart_retypes"].items()},
        spokes_nouns=_strings(words["spokes_nouns"]),
        claim_verbs=_strings(words["claim_verbs"]),
        wounded=_strings(words["wounded"]),
        quantities={word_key(str(k)): int(v) for k, v in words["quantity_words"].items()},
        noun_senses={word_key(k): [_sense_rule(r) for r in v]
                     for k, v in words["noun_senses"].items()},
    )
    lex.verb_vocab = _verb_vocabulary(lex)
    lex.noun_heads = {k.split()[-1] for k in lex.nouns}
    return lex


def _specs_by_word(groups: dict) -> dict[str, Spec]:
    """{type: [word, {word: mode}, ...]} as {word: Spec}."""
    found: dict[str, Spec] = {}
    for event_type, items in groups.items():
        if event_type not in EVENT_TYPES:
            raise ValueError(f"events.yaml: unknown event type {event_type!r}")
        for item in items:
            if isinstance(item, dict):
                for word, mode in item.items():
                    found[word_key(str(word))] = Spec(event_type, mode)
            else:
                found[word_key(str(item))] = Spec(event_type)
    return found


def _object_classes(groups: dict) -> dict[str, set[str]]:
    """{class: [member, ...]} as {member: {class, ...}}."""
    classes: dict[str, set[str]] = {}
    for name, members in groups.items():
        for member in members:
            classes.setdefault(word_key(str(member)), set()).add(name)
    return classes


def _governor_words(values) -> set[str]:
    # "be ready" is matched as the adjective "ready" governing the infinitive.
    return {word_key(v).removeprefix("be ").removeprefix("reportedly ") for v in values}


def _sense_rule(rule: dict) -> dict:
    return {"type": rule["type"], "mode": rule.get("mode"),
            "words": [word_key(str(w)) for w in rule.get("words", ())],
            "verbs": [word_key(str(w)) for w in rule.get("verbs", ())]}


def _lower(values) -> set[str]:
    return {str(w).lower() for w in values}


def _strings(values) -> set[str]:
    return {str(w) for w in values}


def _verb_vocabulary(lex: Lexicon) -> set[str]:
    """Every verb lemma the lexicon names: what `lemma_of` mends a stumble towards."""
    return {k.split()[0] for k in lex.verbs} | {k.split()[0] for k in lex.verb_objects} | \
        {k.split()[0] for k in lex.light_verbs} | lex.reporting | lex.intent | \
        set(lex.governor_types) | lex.hypothetical | lex.killed | lex.wounded | \
        lex.allegation_heads | EXTRA_VERBS
