"""Entity types each relation may join, and the prepositions and nouns the rules share."""

from __future__ import annotations

from linkchart.catalogue import RELATIONS
from linkchart.extract.lexicons import lexicon
from linkchart.model import ORGANISATION_TYPES

ACTORS = set(ORGANISATION_TYPES) | {"person", "country"}
ORGS_AND_STATES = set(ORGANISATION_TYPES) | {"country"}
PLACES = {"location", "country"}
SOURCE_TYPES = {name: set(r.source_types) for name, r in RELATIONS.items()}
TARGET_TYPES = {name: set(r.target_types) for name, r in RELATIONS.items()}
OBJECT_PREPS = frozenset({"of", "for", "within", "in", "at", "to", "inside"})
TIE_PREPS = frozenset({"of", "for", "within", "to", "with"})
LINK_NOUNS = frozenset(lexicon("relations")["link_nouns"])
CONTESTED_PREPS = frozenset(lexicon("relations")["contested_preps"])
STATE_MEMBERSHIPS = frozenset(lexicon("relations")["state_memberships"])
MAX_EVIDENCE_TOKENS = 45



def phrase_map(groups: dict[str, list[str]]) -> dict[str, str]:
    """Cue phrase -> relation kind, from the YAML's kind -> phrases groups; a group named
    KIND_phrasal holds phrasal verbs of KIND ("wipe out")."""
    return {str(word).lower(): kind.removesuffix("_phrasal")
            for kind, words in groups.items() for word in words}
