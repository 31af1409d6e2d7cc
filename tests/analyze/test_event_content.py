"""Directives read from the `content` of REQUEST and CONSULT events, where extraction
gives it (a string or a span), with the events' own actors and recipients."""

from __future__ import annotations

import pytest

from linkchart.analyze.directives import _event_directives
from linkchart.analyze.text import CueDocument
from linkchart.extract.cues import find_cues, sentence_spans

TEXT = ("Fighting resumed near the lake on Monday. The River Council met the Lakeside "
        "Brigade in Mwanza and pressed it hard: halt the raids on the ferries.")


def document_with(content) -> CueDocument:
    given = material(content)
    placed = [(m["start"], m["end"], m) for m in given["mentions"]]
    return CueDocument(DOCUMENT, sentence_spans(TEXT), placed, {}, given["attributions"],
                       given["events"])


def material(content):
    mentions = [{"start": TEXT.index(name), "end": TEXT.index(name) + len(name), "id": i,
                 "name": name, "type": kind}
                for name, i, kind in (("River Council", "E1", "government"),
                                      ("Lakeside Brigade", "E2", "armed_group"))]
    start = TEXT.index("The River Council")
    event = {"id": "V1", "type": "REQUEST", "date": "2024-02-05", "start": start,
             "end": start + 40, "evidence": TEXT[start:start + 40], "actors": ["E1"],
             "recipients": ["E2"], "content": content}
    return {"mentions": mentions, "attributions": [], "events": [event]}


DOCUMENT = {"id": "lake", "text": TEXT, "outlet": "Linkchart Test Wire",
            "published": "2024-02-06"}
ASKED = "halt the raids on the ferries"


@pytest.mark.parametrize("content", [ASKED, {"start": TEXT.index(ASKED),
                                             "end": TEXT.index(ASKED) + len(ASKED)}])
def test_an_events_content_gives_a_directive(content):
    found = _event_directives(document_with(content), [])
    assert len(found) == 1
    directive = found[0]
    assert directive.direction == "calm" and directive.content == ASKED
    assert directive.issuer["id"] == "E1"
    assert [a["id"] for a in directive.addressees] == ["E2"]
    assert directive.date == "2024-02-05"


def test_no_content_or_no_direction_gives_none():
    for content in (None, "a meeting in Mwanza"):
        assert _event_directives(document_with(content), []) == []


def test_an_events_content_asking_for_calm_is_a_cue_at_ingest():
    asked = find_cues(TEXT, [], material(ASKED)["events"]).cues
    assert [(c.kind, c.sentence, c.detail, c.reaches) for c in asked] == [
        ("request", 1, "calm", ["E2"])]
    assert TEXT[asked[0].cue_start:asked[0].cue_end] == ASKED
    assert find_cues(TEXT, [], material("a meeting in Mwanza")["events"]).cues == []
