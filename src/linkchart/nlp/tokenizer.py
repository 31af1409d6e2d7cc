"""Tokenizer and lemma rules the English model lacks.

A hyphen after an abbreviation's full stop splits, so "U.S.-led coalition" gives "U.S.",
"-", "led" (the model's own infixes only split a hyphen between letters or digits, and the
country disappeared inside one token); a bracket glued to a word splits, so that it never
hides inside a name's token ('Qanbar(Arabic:', 'Resolve.[1]', a link's '[Secretary
Rubio](https://...)'). Verb forms the rule lemmatizer gets wrong ("waged" -> "wag") take
their lemma from data/lemmas.yaml. Each Doc remembers its text.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from linkchart.nlp.lexicon import NLP_DATA
from linkchart.wordlists import load_yaml

if not Doc.has_extension("source_text"):
    Doc.set_extension("source_text", default=None)

HYPHEN_AFTER_ABBREVIATION = r"(?<=[A-Za-z]\.)[-‐–](?=[A-Za-z])"
GLUED_BRACKETS = [r"(?<=[^\s(\[])[(\[](?=\S)",  # 'Qanbar(Arabic:', 'Resolve.[1]'
                  r"\](?=\[)",                   # '[12][13]'
                  r"(?<=\w)\](?=\()",             # '[Secretary Rubio](https://...)'
                  r"(?<=[a-z])\.(?=\[)"]         # 'said.[1]'


def extend_infixes(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + [HYPHEN_AFTER_ABBREVIATION, *GLUED_BRACKETS]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def fix_lemmas(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in load_yaml(NLP_DATA / "lemmas.yaml").items():
        ruler.add(patterns=[[{"LOWER": form}]], attrs={"LEMMA": lemma})


def remember_text(nlp: Language) -> None:
    """Each Doc the pipeline makes keeps the text it was made from: spaCy's doc.text
    joins every token's text anew on each access (about 3 ms for an article)."""
    make_doc = nlp.make_doc

    def make_and_remember(text: str) -> Doc:
        doc = make_doc(text)
        doc._.source_text = text
        return doc

    nlp.make_doc = make_and_remember


def text_of(doc: Doc) -> str:
    """doc.text, which the tokenizer keeps whole: from memory where the Doc has it."""
    text = doc._.source_text
    return doc.text if text is None else text
