"""Every extracted relation, event and attribution is tagged with its rule family and a
calibrated confidence read from the fitted table (extract/data/calibration.yaml)."""

import pytest

from linkchart.config import Config
from linkchart.extract.confidence import CALIBRATION, load_table
from linkchart.model import DocExtraction, Document
from linkchart.pipeline import extract_documents

TEXT = (
    "General Omar Kessel, the commander of the Northern Shield Brigade, met officials "
    "of the Ruritanian army in Strelsau on Monday. \"We will hold the river line,\" Kessel "
    "said. The brigade attacked a police station in Zenda on 4 March, killing three "
    "officers, according to a local official. Analysts said the brigade may be backed "
    "by Iran.")


@pytest.fixture(scope="module")
def extraction():
    document = Document(id="c", text=TEXT, published="2024-03-06")
    return next(extract_documents([document], Config()))


def test_every_fact_has_a_rule_and_a_confidence(extraction):
    assert load_table(CALIBRATION), "the shipped calibration table is missing"
    facts = [*extraction.relations, *extraction.events, *extraction.attributions]
    assert extraction.relations and extraction.events and extraction.attributions
    for fact in facts:
        assert fact.rule and ":" in fact.rule
        assert 0.0 <= fact.confidence <= 1.0


def test_relation_rules_name_the_rule_method_and_type(extraction):
    rules = {r.rule for r in extraction.relations}
    assert "role:leads" in rules


def test_attribution_rules_tell_quotes_from_according(extraction):
    rules = {a.rule.split(":")[0] for a in extraction.attributions}
    assert {"quote", "according"} <= rules


def test_confidence_and_rule_survive_the_json_form(extraction):
    data = extraction.to_json()
    back = DocExtraction.from_json(data, TEXT)
    assert [r.confidence for r in back.relations] == [r.confidence for r in extraction.relations]
    assert [e.rule for e in back.events] == [e.rule for e in extraction.events]


def test_evidence_features_see_names_quotes_and_line_breaks():
    from linkchart.extract.confidence import features
    from linkchart.model import Attribution, Entity, Event, Relation

    text = "Officials said the Hill Party backs it.\nRiver Front"
    entities = {"e1": Entity("e1", "Hill Party", "political_party", mentions=[(19, 29)]),
                "e2": Entity("e2", "River Front", "armed_group", mentions=[(40, 51)])}
    said = {"a1": Attribution("a1", None, "Officials", "anonymous", "said", text[15:38],
                              False, 15, 38)}
    backs = Relation("supports", "e1", "e2", text[19:38], 19, 38, attribution="a1")
    found = features("relations", backs, said, entities)
    assert found["unnamed_ends"] == 1.0  # "it" stands for the River Front
    assert found["attributed"] == found["anonymous_source"] == 1.0
    assert found["line_break"] == 0.0
    glued = Relation("supports", "e1", "e2", text[19:], 19, len(text))
    assert features("relations", glued, said, entities)["line_break"] == 1.0
    assert features("relations", glued, said, entities)["unnamed_ends"] == 0.0
    event = Event("v1", "SUPPORT", text[19:38], 19, 38, actors=["e1"], recipients=["e2"])
    assert features("events", event, said, entities)["unnamed_participants"] == 0.5
