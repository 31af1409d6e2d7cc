"""The one Selection: what it keeps of a piece of evidence, and the cue lexicons."""

from __future__ import annotations

import re

import pytest

from linkchart.analyze import Selection
from linkchart.extract.cue_words import cues, pattern


def quote(**fields):
    return {"document": "d1", "outlet": "Harbour Post", "published": "2023-05-02",
            "attribution": {"source_kind": "anonymous"}} | fields


def test_empty_lists_keep_everything_and_compare_equal():
    assert Selection([], [], []) == Selection()
    assert Selection().keeps_type("person") and Selection().keeps_evidence(quote())


def test_period_outlets_documents_and_sources():
    assert not Selection(date_from="2023-06").keeps_evidence(quote())
    assert Selection(date_from="2023-05", date_to="2023").keeps_evidence(quote())
    assert Selection(outlets=[" harbour post "]).keeps_evidence(quote())
    assert not Selection(outlets=["Inland Herald"]).keeps_evidence(quote())
    assert not Selection(documents=[]).keeps_evidence(quote())
    assert not Selection(sources="named").keeps_evidence(quote())
    assert Selection(sources="anonymous").keeps_evidence(quote())
    assert Selection(sources="named").keeps_evidence(quote(attribution=None))
    with pytest.raises(ValueError):
        Selection(sources="everyone")


def test_min_confidence_applies_where_a_fact_has_one():
    strict = Selection(min_confidence=0.6)
    assert not strict.keeps_evidence(quote(confidence=0.4))
    assert strict.keeps_evidence(quote(confidence=0.8))
    assert strict.keeps_evidence(quote())


def test_every_cue_list_compiles_and_matches_its_own_examples():
    for section, lists in cues().items():
        for name, entries in lists.items():
            if isinstance(entries, list) and name not in ("principal_types", "name_particles"):
                assert isinstance(pattern(section, name), re.Pattern)
    assert pattern("directives", "calm").search("urged restraint")
    assert pattern("contradictions", "no_casualties").search("the blast caused no casualties")
    assert not pattern("fronts", "cover").search("opened a new front in the war")
