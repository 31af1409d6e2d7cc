"""Entity typing and in-document aliasing on text written for the project."""

from linkchart.nlp import knowledge_of


def referents(nlp, text):
    return {r.name: r for r in nlp(text)._.referents}


def test_armed_group_name_morphology_types_unknown_groups(mini_nlp):
    found = referents(mini_nlp, "Fighters from Kataib Sayyid al-Shuhada and Harakat "
                                "Hezbollah al-Nujaba attacked the base.")
    assert found["Kataib Sayyid al-Shuhada"].type == "armed_group"
    assert found["Harakat Hezbollah al-Nujaba"].type == "armed_group"


def test_ministry_of_intelligence_is_one_security_agency(mini_nlp):
    found = referents(mini_nlp, "The Ministry of Intelligence and National Security "
                                "handles one of the four services.")
    assert found["Ministry of Intelligence and National Security"].type == "security_agency"


def test_bracketed_acronym_and_surname_are_aliases(mini_nlp):
    found = referents(mini_nlp, "The Popular Mobilisation Forces (PMF) grew fast. "
                                "General Qassem Soleimani built it. Later the PMF split "
                                "and Soleimani was killed.")
    assert "PMF" in found["Popular Mobilisation Forces"].aliases
    assert "Soleimani" in found["Qassem Soleimani"].aliases
    assert found["Qassem Soleimani"].type == "person"


def test_capital_used_as_actor_is_the_country(mini_nlp):
    found = referents(mini_nlp, "Iran denies it. Tehran wants calm, and its envoy "
                                "arrived in Baghdad on Monday.")
    assert "Tehran" in found["Iran"].aliases
    assert found["Baghdad"].type == "location"


def test_pack_aliases_join_one_referent(mini_nlp):
    found = referents(mini_nlp, "The Quds Force, known as IRGC-QF, answers to Tehran.")
    assert "IRGC-QF" in found["Quds Force"].aliases
    assert found["Quds Force"].type == "security_agency"


def test_knowledge_indexes_demonyms_and_capitals(mini_nlp):
    knowledge = knowledge_of(mini_nlp)
    assert knowledge.by_demonym["Iranian"].name == "Iran"
    assert knowledge.by_capital["Baghdad"].name == "Iraq"


def test_a_bare_model_label_joins_the_place_of_the_same_name():
    from linkchart.config import Config
    from linkchart.model import Document
    from linkchart.pipeline import extract_documents

    text = ("The Syrian Army will try to dislodge rebel groups from the Qalamoun region. "
            "\"We are getting ready to be attacked in Qalamoun,\" a fighter said. Sources "
            "close to Hezbollah, which is expected to play a major role in an attack on "
            "Qalamoun, say it will begin soon.")
    extraction = next(extract_documents([Document(id="t", text=text)], Config()))
    named = [e for e in extraction.entities if e.name == "Qalamoun"]
    assert [e.type for e in named] == ["location"]
