"""The remembered attribute ruler and lemmatizer annotate exactly as spaCy's own, on
texts written for the project, the first time a key is seen and every time after."""

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, ORTH, POS, TAG

from linkchart.config import DEFAULT_MODEL
from linkchart.nlp.memo import memoise_model_rules
from shared_data import FIXTURES

TEXTS = [
    "There is no sign that the militia has left the port, and there were reports of "
    "shelling near the bridge.",
    "Let's be clear: y'all ain't gonna see the convoy before noon, the commander said.",
    "I told you it was the council that did it; it did not do what you said it did.",
    "But the envoys, who have met twice, say the talks are nothin' but theatre.",
    "The Northern Brigade's fighters seized two villages on Tuesday.\n\n"
    "Its leader, Omar Haddad, denied that the brigade had been armed by any state.",
    (FIXTURES / "articles" / "proxy-report.txt").read_text(encoding="utf-8"),
]
ATTRS = [ORTH, POS, LEMMA, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(DEFAULT_MODEL)
    memo = spacy.load(DEFAULT_MODEL)
    memoise_model_rules(memo)
    return stock, memo


def annotation(doc):
    return doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc]


def test_the_memo_components_replace_the_models_own(models):
    _, memo = models
    assert "linkchart_attribute_ruler" in memo.pipe_names
    assert "linkchart_lemmatizer" in memo.pipe_names
    assert "attribute_ruler" not in memo.pipe_names
    assert "lemmatizer" not in memo.pipe_names


def test_same_annotation_as_spacy_when_seen_first_and_when_remembered(models):
    stock, memo = models
    for _ in range(2):  # the second pass answers every key from memory
        for ours, theirs in zip(memo.pipe(TEXTS), stock.pipe(TEXTS)):
            assert annotation(ours) == annotation(theirs)
    ruler = memo.get_pipe("linkchart_attribute_ruler")
    known = len(ruler.seen)
    memo(TEXTS[0])
    assert len(ruler.seen) == known  # nothing new to ask spaCy


def test_multi_token_rules_still_apply_from_memory(models):
    _, memo = models
    for _ in range(2):
        doc = memo("There is a checkpoint. Let's go.")
        assert doc[1].pos_ == "VERB"  # 'there is': the ruler's two-token rule
        assert [t.lemma_ for t in doc[5:7]] == ["let", "us"]


def test_lemmas_of_new_words_are_spacys(models):
    stock, memo = models
    text = "The insurgents were regrouping after the commanders' withdrawals."
    assert [t.lemma_ for t in memo(text)] == [t.lemma_ for t in stock(text)]
    assert memo(text)[3].lemma_ == "regroup"


def test_the_extraction_pipeline_uses_them(mini_nlp):
    assert "linkchart_attribute_ruler" in mini_nlp.pipe_names
    assert "attribute_ruler" not in mini_nlp.pipe_names
