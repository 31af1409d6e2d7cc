"""Tokenizer rules the English model lacks: a hyphen after an abbreviation's full stop
splits, so "U.S.-led coalition" gives "U.S.", "-", "led" (the model's own infixes only split
a hyphen between letters or digits, and the country disappeared inside one token)."""

from __future__ import annotations

import spacy
from spacy.language import Language

HYPHEN_AFTER_ABBREVIATION = r"(?<=[A-Za-z]\.)[-‐–](?=[A-Za-z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + [HYPHEN_AFTER_ABBREVIATION]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
