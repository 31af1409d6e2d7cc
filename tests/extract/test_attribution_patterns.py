"""Attribution patterns on short texts written for the project."""

from linkchart.config import Config
from linkchart.model import Document
from linkchart.pipeline import extract_documents


def attributions_of(text: str):
    document = Document(id="t", text=text, published="2024-03-01")
    return next(extract_documents([document], Config())).attributions


def test_an_urged_addressee_belongs_to_the_content():
    found = {a.cue: a for a in attributions_of(
        "The minister urged Iraqi authorities to prevent such attacks, the ministry said.")}
    assert found["urged"].content == "Iraqi authorities to prevent such attacks"


def test_speech_inside_a_quotation_is_not_a_source():
    found = attributions_of("The president spoke on Monday. “We have pushed them back. I will "
                            "tell you I have had very good talks with the minister who wants "
                            "to push them back too,” he said.")
    assert "I" not in {a.source_text for a in found}
    assert {a.source_text for a in found} == {"he"}
