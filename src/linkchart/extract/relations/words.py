"""The relation cues of patterns/relations.yaml, read once into the lookup tables every
rule family and the shared syntax helpers consult."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from linkchart.extract.lexicons import lexicon
from linkchart.extract.relations.constants import phrase_map


@dataclass(frozen=True)
class RelationWords:
    roles: dict[str, str]
    definite_leads: set[str]
    state_titles: dict[str, str]
    personal_roles: set[str]
    beat_roles: set[str]
    envoy_roles: set[str]
    outward_titles: set[str]
    state_servants: set[str]
    partitives: set[str]
    portfolios: set[str]
    charge_words: set[str]
    aim_nouns: set[str]
    collective_roles: set[str]
    nouns: dict[str, str]
    strongholds: set[str]
    residents: set[str]
    verbs: dict[str, str]
    person_only_verbs: set[str]
    verb_preps: dict[tuple[str, str], dict]
    side_nouns: dict[str, str]
    reciprocal_verbs: dict[str, str]
    reciprocal_with_each_other: dict[str, str]
    reciprocal_objects: set[str]
    reciprocal_heads: set[str]
    verb_lemmas_with_preps: set[str]
    message_nouns: set[str]
    territory_nouns: set[str]
    designation_verbs: set[str]
    describing_verbs: set[str]
    under_not_control: set[str]
    designation_words: set[str]
    accusing_verbs: set[str]
    adjectives: dict[tuple[str, str], dict]
    hyphenated: dict[str, str]
    participles: dict[str, str]
    force_nouns: set[str]
    government_nouns: set[str]
    gathering_nouns: set[str]
    prefixes: dict[str, str]
    nominals: dict[str, list[dict]]
    between: dict[str, str]
    light_verbs: set[str]
    caught_in_verbs: set[str]
    appointment_verbs: set[str]
    becoming_verbs: set[str]
    behalf_nouns: set[str]
    help_nouns: set[str]
    thanking_verbs: set[str]
    claim_nouns: set[str]
    claim_verbs: set[str]
    negation_verbs: set[str]
    hedges: set[str]
    intent_verbs: set[str]
    structural: set[str]
    subsumes: dict[str, list[str]]


@lru_cache(maxsize=None)
def relation_words() -> RelationWords:
    words = lexicon("relations")
    return RelationWords(**_roles(words), **_nouns(words), **_verbs(words),
                         **_modifiers(words), **_nominals(words), **_recording(words))


def _roles(words: dict) -> dict:
    state_titles = {w: kind for kind, ws in words["state_titles"].items() for w in ws}
    envoy_roles = set(words["envoy_roles"])
    return dict(
        roles=phrase_map(words["roles"]), definite_leads=set(words["definite_leads"]),
        state_titles=state_titles, personal_roles=set(words["personal_roles"]),
        beat_roles=set(words["beat_roles"]),
        envoy_roles=envoy_roles, outward_titles=set(words["outward_titles"]),
        state_servants={*state_titles, *envoy_roles, *words["state_servants"]},
        partitives=set(words["partitives"]), portfolios=set(words["portfolios"]),
        charge_words=set(words["charge_words"]), aim_nouns=set(words["aim_nouns"]),
        collective_roles=set(words["collective_roles"]))


def _nouns(words: dict) -> dict:
    return dict(nouns=phrase_map(words["nouns"]), strongholds=set(words["strongholds"]),
                residents=set(words["residents"]))


def _verbs(words: dict) -> dict:
    verb_preps = {(v["verb"], v["prep"]): v for v in words["verb_preps"]}
    return dict(
        verbs=phrase_map(words["verbs"]), verb_preps=verb_preps,
        person_only_verbs=set(words["person_only_verbs"]),
        side_nouns=words["side_nouns"],
        reciprocal_verbs=phrase_map(words["reciprocal"]["verbs"]),
        reciprocal_with_each_other=phrase_map(words["reciprocal"]["with_each_other"]),
        reciprocal_objects=set(words["reciprocal"]["objects"]),
        reciprocal_heads={str(w).split()[0] for group in ("verbs", "with_each_other")
                          for ws in words["reciprocal"][group].values() for w in ws},
        verb_lemmas_with_preps={verb for verb, _ in verb_preps},
        message_nouns=set(words["message_nouns"]),
        territory_nouns=set(words["territory_nouns"]),
        designation_verbs=set(words["designation_verbs"]),
        describing_verbs=set(words["describing_verbs"]) | set(words["designation_verbs"]),
        under_not_control=set(words["under_not_control"]),
        designation_words=set(words["designation_words"]),
        accusing_verbs=set(words["accusing_verbs"]))


def _modifiers(words: dict) -> dict:
    return dict(
        adjectives={(a["word"], a["prep"]): a for a in words["adjectives"]},
        hyphenated=words["hyphenated"], participles=words["participles"],
        force_nouns=set(words["force_nouns"]),
        government_nouns=set(words["government_nouns"]),
        gathering_nouns=set(words["gathering_nouns"]), prefixes=words["prefixes"])


def _nominals(words: dict) -> dict:
    nominals: dict[str, list[dict]] = {}
    for cue in words["nominals"]:
        for word in cue["words"]:
            nominals.setdefault(word, []).append(cue)
    return dict(
        nominals=nominals,
        between={w: kind for kind, ws in words["between"].items() for w in ws},
        light_verbs=set(words["light_verbs"]),
        caught_in_verbs=set(words["caught_in_verbs"]),
        appointment_verbs=set(words["appointment_verbs"]),
        becoming_verbs=set(words["becoming_verbs"]),
        behalf_nouns=set(words["behalf_nouns"]), help_nouns=set(words["help_nouns"]),
        thanking_verbs=set(words["thanking_verbs"]),
        claim_nouns=set(words["claims"]["nouns"]),
        claim_verbs=set(words["claims"]["verbs"]))


def _recording(words: dict) -> dict:
    return dict(
        negation_verbs=set(words["negation_verbs"]), hedges=set(words["hedges"]),
        intent_verbs=set(words["intent_verbs"]),
        structural=set(words["structural_relations"]), subsumes=words["subsumes"])
