"""One document through every extractor: entities, relations, events, attributions, then
their calibrated confidence."""

from __future__ import annotations

from spacy.tokens import Doc

from linkchart.extract.attributions import extract_attributions
from linkchart.extract.confidence import assign_confidence
from linkchart.extract.context import Context
from linkchart.extract.entities import build_entities
from linkchart.extract.events import extract_events
from linkchart.extract.relations import extract_relations
from linkchart.model import Attribution, DocExtraction, Document
from linkchart.nlp import PIPELINE_VERSION
from linkchart.nlp.packs import Knowledge


def extract(doc: Doc, document: Document, knowledge: Knowledge,
            keep_all_entities: bool = False, event_candidates: bool = False) -> DocExtraction:
    context = Context.build(doc, document, knowledge)
    attributions = extract_attributions(context)
    relations = extract_relations(context)
    events = extract_events(context, event_candidates)
    for item in (*relations, *events):
        item.attribution = _resting_on(item.start, item.end, attributions)
    entities = build_entities(context, keep_all_entities)
    extraction = DocExtraction(document=document, entities=entities, relations=relations,
                               events=events, attributions=attributions,
                               pipeline_version=PIPELINE_VERSION)
    assign_confidence(extraction)
    return extraction


def _resting_on(start: int, end: int, attributions: list[Attribution]) -> str | None:
    """The attribution whose reported content holds this evidence, if any."""
    for attribution in attributions:
        if attribution.start <= start and end <= attribution.end:
            return attribution.id
    return None
