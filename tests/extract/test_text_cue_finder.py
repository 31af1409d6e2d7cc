"""Text cues found at ingest (linkchart.extract.cues) on texts written for the project:
which sentences the analyses will read, and which they can pass over."""

from __future__ import annotations

from linkchart.extract.cues import find_cues, sentence_spans

TEXT = ("Border fighting flared again on Tuesday. "  # 0
        "Governor Ilse Marant called a meeting in Tarvik with the Coast Watch. "  # 1
        "At the Tarvik meeting she urged restraint and a halt to the raids. "  # 2
        "A group calling itself the Silver Oath claimed responsibility for the raid. "  # 3
        "Analysts said the Silver Oath was a front for the Harbour Militia. "  # 4
        "The Harbour Militia denied any role. "  # 5
        "The weather was mild.")  # 6


def kinds(found) -> list[tuple[str, int]]:
    return [(c.kind, c.sentence) for c in found.cues]


def test_each_cue_is_found_in_its_sentence():
    found = find_cues(TEXT, [], [])
    assert found.sentences == sentence_spans(TEXT) and len(found.sentences) == 7
    assert kinds(found) == [("meeting", 1), ("meeting", 2), ("directive", 2),
                            ("front_claim", 3), ("front_cover", 4)]
    directive = next(c for c in found.cues if c.kind == "directive")
    assert TEXT[directive.cue_start:directive.cue_end] == "urged"
    assert directive.detail == "calm"
    assert [c.detail for c in found.cues if c.kind == "meeting"] == ["Tarvik", "Tarvik"]


def test_a_denial_is_a_cue_only_where_an_accusation_can_answer_it():
    assert "denial" not in {c.kind for c in find_cues(TEXT, [], []).cues}
    accused = TEXT.replace("Analysts said", "The governor accused the Harbour Militia and said")
    assert ("denial", 5) in kinds(find_cues(accused, [], []))
    same_sentence = "The ministry says the Harbour Militia armed them, which the militia denies."
    assert kinds(find_cues(same_sentence, [], [])) == [("denial", 0)]


def test_statements_give_casualty_and_anonymous_contrast_cues():
    text = ("The army said the strike caused no casualties. "
            "A doctor at the clinic said two men were killed. "
            "An official who asked not to be named said the army had in fact lost a post.")
    statements = [
        {"content": "the strike caused no casualties", "start": 0, "end": 46,
         "source_kind": "named_org", "source_text": "The army"},
        {"content": "the army had in fact lost a post", "start": text.index("An official"),
         "end": len(text) - 1, "source_kind": "anonymous", "source_text": "An official"},
        {"content": "it had in fact begun", "start": 0, "end": 10,
         "source_kind": "anonymous", "source_text": "they"}]
    assert kinds(find_cues(text, statements, [])) == [("no_casualties", 0),
                                                      ("anonymous_contrast", 2)]


def test_a_text_without_cues_keeps_no_sentences():
    found = find_cues("The weather was mild. Markets opened late.", [], [])
    assert found.cues == [] and found.sentences == []


def test_an_instruction_the_sentence_says_was_not_given_is_no_cue():
    for text in ("Troops are ready to go if ordered to strike the depot.",
                 "The governor hasn't even ordered an attack on the port.",
                 "The governor hasn’t even ordered an attack on the port.",
                 "The governor is not asking the brigade to go to war."):
        assert find_cues(text, [], []).cues == [], text
    assert kinds(find_cues("The governor asked the brigade to halt the raids.", [], [])) == [
        ("directive", 0)]


def test_whom_an_instruction_or_a_meeting_may_reach():
    text = ("Governor Ilse Marant called a meeting in Tarvik with the Coast Watch. "
            "She urged the Harbour Militia to halt the raids on the ferries.")
    mentions = [(text.index(name), text.index(name) + len(name), local) for name, local in
                (("Ilse Marant", "E1"), ("Tarvik", "E2"), ("Coast Watch", "E3"),
                 ("Harbour Militia", "E4"))]
    found = {c.kind: c.reaches for c in find_cues(text, [], [], mentions).cues}
    assert found == {"meeting": ["E2", "E3"], "directive": ["E4"]}
