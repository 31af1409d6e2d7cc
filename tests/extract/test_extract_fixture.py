"""Relations and attributions extracted from a report written for the project."""

import json
from pathlib import Path

import jsonschema

from linkchart.model import DocExtraction

SCHEMA = Path(__file__).resolve().parents[2] / "src" / "linkchart" / "schema" / "linkchart-1.json"


def named(extraction):
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]): r for r in extraction.relations}


def test_relations_from_apposition_hyphen_verb_and_copula(proxy_extraction):
    relations = named(proxy_extraction)
    # the state named only by its capital and a demonym takes the name inside "Iranian"
    assert ("supports", "Iran", "Kataib Hezbollah") in relations
    iran = next(e for e in proxy_extraction.entities if e.name == "Iran")
    assert "Tehran" in iran.aliases and "Iran" in proxy_extraction.document.text
    assert ("leads", "Qassem Soleimani", "Quds Force") in relations
    assert ("succeeded", "Esmail Qaani", "Qassem Soleimani") in relations
    assert relations[("member_of", "Abu Ali al-Askari", "Kataib Hezbollah")].role == "spokesman"
    assert ("front_for", "Saraya Awliya al-Dam", "Kataib Hezbollah") in relations


def test_denied_link_is_kept_as_negated(proxy_extraction):
    relation = named(proxy_extraction)[("affiliated_with", "Kataib Hezbollah",
                                        "Saraya Awliya al-Dam")]
    assert relation.negated is True


def test_attributions_keep_anonymous_sources_as_written(proxy_extraction):
    by_source = {a.source_text: a for a in proxy_extraction.attributions}
    assert by_source["a specialist in Iranian affairs"].source_kind == "anonymous"
    assert by_source["a source close to the group"].cue == "According to"
    quote = by_source["Abu Ali al-Askari"]
    assert quote.direct and quote.source_kind == "named_person"
    assert quote.content == "We will not accept foreign troops on our soil"


def test_facts_record_the_attribution_they_rest_on(proxy_extraction):
    front = named(proxy_extraction)[("front_for", "Saraya Awliya al-Dam", "Kataib Hezbollah")]
    attribution = next(a for a in proxy_extraction.attributions if a.id == front.attribution)
    assert attribution.source_text == "a specialist in Iranian affairs"


def test_every_string_is_an_exact_substring_at_its_offsets(proxy_extraction):
    text = proxy_extraction.document.text
    for entity in proxy_extraction.entities:
        for form in entity.surface_forms():
            assert form in text
        for start, end in entity.mentions:
            assert text[start:end] in entity.surface_forms()
    for item in (*proxy_extraction.relations, *proxy_extraction.events):
        assert text[item.start:item.end] == item.evidence
    for attribution in proxy_extraction.attributions:
        assert text[attribution.start:attribution.end] == attribution.content
        assert attribution.source_text in text


def test_output_validates_and_round_trips(proxy_extraction):
    data = proxy_extraction.to_json()
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    again = DocExtraction.from_json(json.loads(json.dumps(data)),
                                    proxy_extraction.document.text)
    assert again.to_json() == data
