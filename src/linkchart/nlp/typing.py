"""Decide each entity mention's fine type from the pack, its name and its sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from linkchart.model import ENTITY_TYPES
from linkchart.nlp.gazetteer import is_place
from linkchart.nlp.lexicon import typing_lexicon
from linkchart.wordlists import words
from linkchart.nlp.packs import Knowledge

PACK, STRONG, CONTEXT, STOCK, WEAK = 5.0, 3.0, 2.0, 1.0, 0.5
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", *ENTITY_TYPES}
STATE_FORCE_HEADS = words(typing_lexicon()["state_force_heads"])
SECURITY_MINISTRY_WORDS = words(typing_lexicon()["security_ministry_words"])
PERSON_NOUNS = words(typing_lexicon()["person_nouns"])
PLACE_PREPOSITIONS = {"in", "near", "at", "from", "to", "into", "outside", "around", "across",
                      "towards", "toward", "through", "inside"}


def _before_dash(lowered: list[str]) -> list[str]:
    """'Combined Joint Task Force – Inherent Resolve' is typed by 'Task Force'."""
    cut = next((i for i, word in enumerate(lowered) if word in ("–", "—") and i > 0), None)
    return lowered[:cut] if cut is not None else lowered


@dataclass(frozen=True)
class TypeVote:
    type: str
    weight: float


class Typer:
    def __init__(self, knowledge: Knowledge):
        lexicon = typing_lexicon()
        self.knowledge = knowledge
        self.heads = {w: t for t, ws in lexicon["head_nouns"].items() for w in words(ws)}
        self.group_starts = words(lexicon["armed_group_name_starts"])
        self.place_starts = words(lexicon["location_name_starts"])
        self.group_words = words(lexicon["armed_group_name_words"])
        self.titles = words(lexicon["person_titles"])
        self.not_entities = words(lexicon["not_entities"])
        self.occurrence_heads = words(lexicon["occurrence_heads"])
        self.occurrence_openers = words(lexicon["occurrence_openers"])
        self.over_person = words(lexicon["heads_over_person_names"])
        self.region_heads = words(lexicon["region_heads"])
        self.within = words(lexicon["within_prepositions"])
        self.place_descriptors = words(lexicon["place_descriptors"])

    def vote(self, span: Span) -> TypeVote | None:
        """The type this mention argues for, and how strongly; None when it is no name."""
        label = span.label_
        if label in ENTITY_TYPES:
            return TypeVote(label, PACK)
        if label not in NAME_LABELS or label == "NORP" or \
                span.text.lower() in self.not_entities or self._names_occurrence(span):
            return None
        return (self._region_like_a_body(span) or self._by_name(span)
                or self._by_context(span) or self._by_place(span)
                or self._by_stock_label(span))

    def _region_like_a_body(self, span: Span) -> TypeVote | None:
        """'ambushed a convoy in Huila Department': a region named like a body, told as
        where something happened (no 'the': 'in the State Department' is the body)."""
        previous = span.doc[span.start - 1] if span.start else None
        if len(span) > 1 and span[-1].lower_ in self.region_heads and previous is not None \
                and previous.lower_ in self.within:
            return TypeVote("location", CONTEXT)
        return None

    def _names_occurrence(self, span: Span) -> bool:
        """'the Syrian Civil War', 'the Second Intifada': a war's name is no actor."""
        last = span[-1]
        if len(span) > 1 and span[0].lower_ in self.occurrence_openers and span[1].is_title:
            return True  # "Operation Inherent Resolve": a campaign, not who wages it
        return last.is_title and last.lower_ in self.occurrence_heads

    def _by_place(self, span: Span) -> TypeVote | None:
        """A one-word 'person' or 'organisation' that is a gazetteer place, or that
        follows a place preposition ('fighting in Qalamoun'), is a place."""
        if span.label_ not in ("PERSON", "ORG"):
            return None
        previous = span.doc[span.start - 1] if span.start else None
        after_preposition = previous is not None and previous.lower_ in PLACE_PREPOSITIONS \
            and not (previous.i > 0 and previous.nbor(-1).lower_ == "according")
        if len(span) > 1:  # "Near Al Hawl, two strikes...": no one is in or near a person
            owned = span.end < len(span.doc) and span.doc[span.end].lower_ in ("'s", "’s")
            within = after_preposition and previous.lower_ in self.within
            return TypeVote("location", CONTEXT) if within and not owned \
                and span.label_ == "PERSON" else None
        if is_place(span.text) or (after_preposition and span.label_ == "PERSON"):
            return TypeVote("location", CONTEXT if after_preposition else STOCK + WEAK)
        return None

    def _by_name(self, span: Span) -> TypeVote | None:
        lowered = _before_dash([t.lower_ for t in span])
        text = " ".join(lowered)
        if len(span) > 1 and self.heads.get(lowered[-1]) == "location" and span[-1].is_title:
            return TypeVote("location", STRONG)  # 'Corinthia Hotel', 'Martyrs Square'
        if len(span) > 1 and lowered[0] in self.place_starts and span[0].is_title:
            return TypeVote("location", STRONG)  # 'Colonia LeBaron', 'Mount Sinjar'
        if self._is_group_name(lowered, text):
            return TypeVote("armed_group", STRONG)
        if lowered[0] == "ministry" or lowered[-1] == "ministry":
            kind = "security_agency" if SECURITY_MINISTRY_WORDS & set(lowered) else "government"
            return TypeVote(kind, STRONG)
        if len(lowered) > 2 and " ".join(lowered[-2:]) in self.heads:
            return TypeVote(self.heads[" ".join(lowered[-2:])], STRONG)  # 'Task Force'
        if lowered[-1] in STATE_FORCE_HEADS and len(lowered) > 1:
            state = self._names_state(span[0].text)
            return TypeVote("security_agency" if state else "armed_group", STRONG)
        for size in (2, 1):
            head = " ".join(lowered[-size:])
            if len(lowered) > size - 1 and head in self.heads and (
                    span.label_ != "PERSON" or len(lowered) > 1 and head in self.over_person):
                return TypeVote(self.heads[head], STRONG)
        return None

    def _is_group_name(self, lowered: list[str], text: str) -> bool:
        if lowered[0] in self.group_starts or any(text.startswith(s + " ") for s in
                                                  self.group_starts if " " in s):
            return True
        return bool(self.group_words & set(lowered)) and len(lowered) > 1

    def _names_state(self, word: str) -> bool:
        return bool(self.knowledge.country(word) or self.knowledge.by_demonym.get(word))

    def _by_context(self, span: Span) -> TypeVote | None:
        root = span.root
        previous = span.doc[span.start - 1] if span.start > 0 else None
        if previous is not None and previous.lower_ in self.titles and \
                (span.label_ == "PERSON" or span.label_ == "ORG" and
                 all(t.is_title for t in span)):
            return TypeVote("person", STRONG)  # 'acting President Oleksandr Turchynov'
        if self._named_place_of(span):
            return TypeVote("location", STRONG)
        descriptor = None
        if root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end:
            descriptor = root.head
        elif root.dep_ == "appos":
            descriptor = root.head
        else:
            descriptor = next((c for c in root.children if c.dep_ == "appos"), None)
        if descriptor is not None and descriptor.is_lower and \
                descriptor.lower_ in self.place_descriptors:
            return TypeVote("location", CONTEXT)  # 'Sonora state', 'Kunar province'
        if descriptor is not None and descriptor.lower_ in self.heads:
            kind = self.heads[descriptor.lower_]
            if root.dep_ == "compound" and kind != "location" and is_place(span.text):
                return TypeVote("location", CONTEXT)  # 'Gaza militants' are from Gaza
            if kind == "location" and span.label_ == "PERSON" and root.dep_ != "compound" \
                    and not _heads_its_phrase(descriptor):
                return None  # "X, a village elder": but "X, an area near Y" is a place
            return TypeVote(kind, CONTEXT)
        if span.label_ in ("PERSON", "GPE", "FAC", "LOC") and self._apposed_person(span):
            return TypeVote("person", CONTEXT)  # 'Abu Anas al-Libi, an al-Qaeda suspect'
        if span.label_ == "ORG" and self._titled_by_apposition(span):
            return TypeVote("person", CONTEXT)  # 'Claudia Pavlovich, governor of Sonora'
        if span.label_ == "ORG" and len(span) > 1 and _conjoined_with_person(span):
            return TypeVote("person", CONTEXT)  # 'leaders Khalid Haqqani and Shahryar Mehsud'
        return None

    def _apposed_person(self, span: Span) -> bool:
        """'X, an al-Qaeda suspect, ...', 'X, 21, hid...': a noun for a person or an age
        set beside the name between commas."""
        root = span.root
        apposed = next((c for c in root.children if c.dep_ == "appos"), None)
        if apposed is None or span.end >= len(span.doc) or span.doc[span.end].text != ",":
            return False
        if apposed.lower_ in self.titles or apposed.lower_ in PERSON_NOUNS:
            return True
        return apposed.i == span.end + 1 and apposed.is_digit and len(apposed) <= 2 and \
            apposed.i + 1 < len(span.doc) and span.doc[apposed.i + 1].text == ","

    def _titled_by_apposition(self, span: Span) -> bool:
        """An organisation-looking name of two to four capitalised words, with no body's
        head noun, given a title between commas: a person."""
        if not 2 <= len(span) <= 4 or not all(t.is_title for t in span) or \
                any(t.lower_ in self.heads for t in span):
            return False
        apposed = next((c for c in span.root.children if c.dep_ == "appos"), None)
        return apposed is not None and apposed.lower_ in self.titles and \
            span.end < len(span.doc) and span.doc[span.end].text == ","

    def _named_place_of(self, span: Span) -> bool:
        """'the town of Amiryat al-Falluja', 'the port city of Barawe'."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].lower_ != "of":
            return False
        noun = doc[span.start - 2]
        return noun.is_lower and (self.heads.get(noun.lower_) == "location"
                                  or noun.lower_ in self.place_descriptors)

    def _by_stock_label(self, span: Span) -> TypeVote | None:
        label = span.label_
        if label == "PERSON" and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
            return TypeVote("organization", WEAK)  # "The Hill writes": no person's name
        if label == "PERSON":
            return TypeVote("person", STOCK)
        if label == "ORG":
            return TypeVote("organization", WEAK)
        if label == "GPE":
            if self.knowledge.country(span.text):
                return TypeVote("country", STRONG)
            return TypeVote("location", STOCK)
        if label in ("LOC", "FAC"):
            return TypeVote("location", STOCK)
        return None


def _conjoined_with_person(span: Span) -> bool:
    """A name coordinated with a person's name ('X and Y', 'X, Y and Z')."""
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    people = [e for e in span.doc.ents if e.label_ in ("PERSON", "person")]
    return any(e.start <= p.i < e.end for p in partners for e in people)


def _heads_its_phrase(noun) -> bool:
    """'an area about 12 miles from Kirkuk': the place noun heads the apposition; in 'a
    village elder' it only modifies the noun after it."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return following is None or following.pos_ not in ("NOUN", "PROPN")
