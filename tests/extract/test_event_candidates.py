"""The sentence benchmarks' mode: every classified trigger, the main clause's first."""

from dataclasses import replace

from linkchart.evaluate.benchmarks.common import main_event
from linkchart.model import Document
from linkchart.pipeline import extract_documents

SENTENCE = "Iraq accused Iran of attacking the base."


def test_candidates_list_the_main_clause_event_first(mini_config):
    config = replace(mini_config, event_candidates=True)
    extraction = next(extract_documents([Document(id="s", text=SENTENCE)], config))
    assert main_event(extraction).type == "ACCUSE"
    assert {v.type for v in extraction.events} >= {"ACCUSE", "ASSAULT"}


def test_the_chart_keeps_only_anchored_events(mini_config):
    extraction = next(extract_documents([Document(id="s", text=SENTENCE)], mini_config))
    assert all(v.actors or v.recipients for v in extraction.events)
