"""The relation-type catalogue agrees with everything else that names relation types:
the linkchart/1 JSON schema, the relation patterns, the FollowTheMoney model and its
mapping, docs/formats.md, and the sets the rest of the code derives from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from linkchart.catalogue import RELATIONS, read_catalogue
from linkchart.extract.lexicons import lexicon
from linkchart.model import ENTITY_TYPES, RELATION_TYPES, UNDIRECTED_RELATIONS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "linkchart"
FTM_RULES = PACKAGE / "export" / "data" / "ftm.yaml"
CUE_KINDS_THAT_ARE_NO_RELATION = {"holds"}
"""Cue kinds the relation rules read that are not relation types ("Houthi-held city"
says who holds a place, which the place rules use)."""


def schema_relation_types() -> list[str]:
    schema = json.loads((PACKAGE / "schema" / "linkchart-1.json").read_text("utf-8"))
    return schema["properties"]["relations"]["items"]["properties"]["type"]["enum"]


def pattern_relation_kinds(patterns: dict) -> set[str]:
    """Every relation kind the patterns name: group keys, `type:` values, maps' values."""
    kinds: set[str] = set()
    for group in ("nouns", "verbs", "between"):
        kinds |= set(patterns[group])
    for group in ("hyphenated", "prefixes", "participles"):
        kinds |= set(patterns[group].values())
    for group in ("verb_preps", "adjectives", "nominals"):
        kinds |= {entry["type"] for entry in patterns[group]}
    kinds |= set(patterns["structural_relations"])
    return {re.sub(r"_(phrasal|reverse)$", "", k) for k in kinds}


def test_the_model_reads_the_catalogue():
    assert RELATION_TYPES == tuple(RELATIONS)
    assert UNDIRECTED_RELATIONS == {"allied_with", "opposes", "affiliated_with"}


def test_the_schema_lists_the_catalogue_in_its_order():
    assert schema_relation_types() == list(RELATIONS)


def test_every_relation_the_patterns_name_is_in_the_catalogue():
    kinds = pattern_relation_kinds(lexicon("relations"))
    assert sorted(kinds - set(RELATIONS) - CUE_KINDS_THAT_ARE_NO_RELATION) == []
    assert CUE_KINDS_THAT_ARE_NO_RELATION.isdisjoint(RELATIONS)


def test_every_end_is_an_entity_type():
    for relation in RELATIONS.values():
        assert relation.source_types and relation.target_types, relation.name
        assert relation.source_types <= set(ENTITY_TYPES), relation.name
        assert relation.target_types <= set(ENTITY_TYPES), relation.name


def test_every_relation_has_a_label_and_a_colour():
    for relation in RELATIONS.values():
        assert relation.label.strip(), relation.name
        assert re.fullmatch(r"#[0-9a-f]{6}", relation.colour), relation.name


def test_the_extractors_constraints_come_from_the_catalogue():
    from linkchart.extract.relations.constants import SOURCE_TYPES, TARGET_TYPES

    assert SOURCE_TYPES["leads"] == {"person"}
    assert TARGET_TYPES["based_in"] == {"location", "country"}
    assert set(SOURCE_TYPES) == set(TARGET_TYPES) == set(RELATIONS)


def test_the_ftm_links_name_real_schemata_properties_and_ranges():
    model = pytest.importorskip("followthemoney").model
    import yaml

    rules = yaml.safe_load(FTM_RULES.read_text("utf-8"))
    links = [r.ftm for r in RELATIONS.values() if r.ftm] + [rules["fallback"]]
    assert len(links) > 1
    for link in links:
        schema = model.get(link["schema"])
        assert schema is not None and schema.edge, link
        for end in ("source", "target"):
            prop = schema.get(link[end])
            assert prop is not None and prop.range is not None, (link, end)
            allowed = rules["ranges"][link[f"{end}_range"]]
            assert all(model.get(name).is_a(prop.range) for name in allowed), (link, end)
    for entity_type, schema_name in rules["schemata"].items():
        assert entity_type in ENTITY_TYPES and model.get(schema_name) is not None


def test_formats_doc_has_a_row_per_relation_type():
    text = (ROOT / "docs" / "formats.md").read_text("utf-8")
    section = text.split("## Relation types", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+) \|", section, re.M)
    assert [name for name, _ in rows] == list(RELATIONS)
    for name, ends in rows:
        assert ("undirected" in ends) == (not RELATIONS[name].directed), name


def test_an_end_that_is_no_entity_type_is_caught(tmp_path):
    broken = tmp_path / "catalogue.yaml"
    broken.write_text("entity_groups: {actors: [person, states]}\n"
                      "relations:\n"
                      "  leads: {label: leads, directed: true, source: [person],\n"
                      "          target: [actors], colour: '#000000'}\n", "utf-8")
    assert read_catalogue(broken)["leads"].target_types == {"person", "states"}
    assert not read_catalogue(broken)["leads"].target_types <= set(ENTITY_TYPES)
