"""Benchmark adapters: parsing the real files (skipped without ../shared), the crosswalk,
and scoring on hand-made extractions (no pipeline needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from linkchart.evaluate.benchmarks import crossner, petr2, plover
from linkchart.evaluate.benchmarks.common import NONE, main_event
from linkchart.model import EVENT_TYPES, DocExtraction, Document, Entity, Event


def extraction(doc: Document, entities=(), events=()) -> DocExtraction:
    return DocExtraction(document=doc, entities=list(entities), events=list(events))


def mention(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return (start, start + len(needle))


def ev(vid, vtype, start, actors=(), recipients=()):
    return Event(id=vid, type=vtype, evidence="x", start=start, end=start + 1,
                 actors=list(actors), recipients=list(recipients))


# ------------------------------------------------------------------ real files

def test_plover_file_parses(benchmarks_dir):
    records = plover.load(benchmarks_dir / "plover-gsr")
    assert len(records) == 322
    assert {r.event for r in records} == set(EVENT_TYPES)
    first = records[0]
    assert first.id == "PLOVER-GSR01-AGREE-0001" and first.event == "AGREE"
    assert first.actors == ["Hungarian", "Romanian"] and first.recipients == []
    located = sum(len(r.spans(r.actors + r.recipients)) for r in records)
    total = sum(len(r.actors + r.recipients) for r in records)
    assert located / total > 0.9


def test_petr2_file_parses(benchmarks_dir):
    records = petr2.load(benchmarks_dir / "petr2-gsr")
    assert len(records) == 78
    assert sum(r.no_event for r in records) == 12
    assert sum(len(r.events) for r in records) == 80
    assert records[0].date == "2008-08-04"
    assert records[0].events[0].cameo == "042"


def test_crosswalk_loads(benchmarks_dir):
    crosswalk = petr2.Crosswalk.load(benchmarks_dir / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    assert len(crosswalk) > 250
    assert crosswalk.plover("042") == "CONSULT"
    assert crosswalk.row("041").mode == "phone"
    assert crosswalk.plover("190") == "ASSAULT"
    assert crosswalk.plover("1712") == "ASSAULT"        # destroy property
    assert crosswalk.plover("163") == "COERCE"          # sanctions are COERCE in 2021
    assert crosswalk.plover("0871") == "RETREAT"
    assert crosswalk.plover("08") == "CONCEDE"          # first of the two "08" rows
    assert crosswalk.plover("1959") == "ASSAULT"        # unknown 4-digit: its parent 195
    assert crosswalk.plover("015") is None              # CAMEO 01/02 have no PLOVER row
    assert crosswalk.plover("023") is None


def test_petr2_crosswalk_found_beside_benchmark(benchmarks_dir):
    crosswalk = petr2.load_crosswalk(benchmarks_dir / "petr2-gsr")
    assert crosswalk.plover("173") == "COERCE"


def test_crossner_file_parses(benchmarks_dir):
    sentences = crossner.load(benchmarks_dir / "crossner-politics")
    assert len(sentences) == 651
    second = sentences[1]
    spans = [(second.text[s:e], label) for s, e, label in second.spans]
    assert ("William Rosecrans", "politician") in spans
    assert ("1862 and 1863 United States House of Representatives elections", "election") in spans
    labels = {label for s in sentences for *_, label in s.spans}
    assert labels == set(crossner.CROSSNER_CLASS) | crossner.IGNORED_LABELS


# ------------------------------------------------------------- crosswalk (no files)

def test_crosswalk_parsing(tmp_path):
    path = tmp_path / "cw.txt"
    path.write_text("# header\n04: CONSULT\n041: CONSULT, phone,   # Discuss by telephone\n"
                    "08: CONCEDE\n08: RETREAT\n~~~~~\n", encoding="utf-8")
    crosswalk = petr2.Crosswalk.load(path)
    assert crosswalk.plover("0412") == "CONSULT" and crosswalk.row("041").mode == "phone"
    assert crosswalk.row("041").description == "Discuss by telephone"
    assert crosswalk.plover("08") == "CONCEDE" and crosswalk.plover("12") is None


# ---------------------------------------------------------------- scoring, hand-made

def test_main_event_is_the_first_the_extractor_lists():
    doc = Document(id="s", text="x" * 50)
    ex = extraction(doc, events=[ev("v1", "ASSAULT", 30), ev("v2", "ACCUSE", 5)])
    assert main_event(ex).type == "ASSAULT"
    assert main_event(extraction(doc)) is None


def test_plover_scoring():
    text = "Greece demanded that the European Community refuse to recognize Macedonia."
    record = plover.Record("r1", text, "REQUEST", ["Greece"], ["European Community"])
    other = plover.Record("r2", "Nothing happened.", "AGREE", ["Nobody"], [])
    doc1, doc2 = plover.documents([record, other])
    greece = Entity("e1", "Greece", "country", mentions=[mention(text, "Greece")])
    ec = Entity("e2", "European Community", "international_org",
                mentions=[mention(text, "the European Community")])
    ex1 = extraction(doc1, [greece, ec], [ev("v1", "REQUEST", 7, ["e1"], ["e2"])])
    result = plover.score([record, other], [ex1, extraction(doc2)])
    assert result.types.accuracy == 0.5
    assert result.types.confusion["AGREE"][NONE] == 1
    assert result.types.per_class()["REQUEST"].f1 == 1.0
    assert result.types.macro_f1 == pytest.approx(0.5)
    assert (result.actors.gold, result.actors.gold_found) == (1, 1)   # "Nobody" not in text
    assert result.actors.precision == 1.0
    assert result.recipients.recall == 1.0          # overlap, not exact boundaries
    assert result.unlocated == 1


def test_petr2_scoring():
    crosswalk = petr2.Crosswalk({"04": petr2.CrosswalkRow("04", "CONSULT", None, None, None),
                                 "19": petr2.CrosswalkRow("19", "ASSAULT", None, None, None)})
    records = [petr2.Record("a", "A met B.", None, False, [petr2.GoldEvent("A", "B", "042")]),
               petr2.Record("b", "A shelled B.", None, False, [petr2.GoldEvent("A", "B", "190")]),
               petr2.Record("c", "Nothing.", None, True, []),
               petr2.Record("d", "Said.", None, True, []),
               petr2.Record("e", "A said.", None, False, [petr2.GoldEvent("A", None, "010")])]
    docs = petr2.documents(records)
    extractions = [extraction(docs[0], events=[ev("v", "CONSULT", 2)]),
                   extraction(docs[1], events=[ev("v", "ACCUSE", 0), ev("w", "ASSAULT", 2)]),
                   extraction(docs[2]),
                   extraction(docs[3], events=[ev("v", "ACCUSE", 0)]),
                   extraction(docs[4])]
    result = petr2.score(records, extractions, crosswalk)
    assert (result.main_correct, result.any_correct, result.event_sentences) == (1, 2, 2)
    assert (result.no_event_correct, result.no_event_sentences) == (1, 2)
    assert result.unmapped_sentences == 1 and result.unmapped_codes == {"010": 1}


def test_crossner_bio_and_scoring():
    tokens = ["Obama", "met", "the", "Labour", "Party", "in", "United", "Kingdom", "at",
              "the", "2010", "G20", "summit"]
    labels = ["B-politician", "O", "O", "B-politicalparty", "I-politicalparty", "O",
              "B-country", "I-country", "O", "O", "B-event", "I-event", "I-event"]
    sentence = crossner.Sentence("s1", tokens, labels)
    assert [(sentence.text[s:e], l) for s, e, l in sentence.spans] == [
        ("Obama", "politician"), ("Labour Party", "politicalparty"),
        ("United Kingdom", "country"), ("2010 G20 summit", "event")]
    doc = crossner.documents([sentence])[0]
    text = doc.text
    entities = [Entity("e1", "Obama", "person", mentions=[mention(text, "Obama")]),
                Entity("e2", "Labour Party", "political_party",
                       mentions=[mention(text, "the Labour Party")]),   # wrong boundary
                Entity("e3", "United Kingdom", "country", mentions=[mention(text, "United Kingdom")]),
                Entity("e4", "G20", "international_org", mentions=[mention(text, "G20")])]
    result = crossner.score([sentence], [extraction(doc, entities)])
    assert result.classes["person"].tp == 1
    assert (result.classes["organisation"].tp, result.classes["organisation"].fp,
            result.classes["organisation"].fn) == (0, 1, 1)
    assert result.classes["place"].tp == 1
    assert result.dropped_in_ignored == 1          # G20 inside the event span
    assert result.micro.tp == 2 and result.micro.fn == 1
    assert result.micro_strict.fp == result.micro.fp + 1
    assert result.fine["person"]["politician"] == 1
    assert result.fine["political_party"][crossner.NO_SPAN] == 1
    assert result.fine[crossner.NO_SPAN]["politicalparty"] == 1


# ------------------------------------------------------------ skipping without data

def _app() -> typer.Typer:
    from linkchart.cli import app

    return app


@pytest.mark.parametrize("args", [["evaluate", "--benchmark", "plover-gsr"],
                                  ["evaluate", "--benchmark", "petr2-gsr"],
                                  ["evaluate", "--benchmark", "crossner-politics"],
                                  ["evaluate"]])
def test_skips_cleanly_without_shared(args, tmp_path, monkeypatch):
    monkeypatch.setenv("LINKCHART_SHARED", str(tmp_path / "absent"))
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "not found" in result.output


def test_missing_explicit_path_is_an_error(tmp_path):
    result = CliRunner().invoke(_app(), ["evaluate", "--benchmark", "plover-gsr",
                                         str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_unknown_benchmark(tmp_path):
    result = CliRunner().invoke(_app(), ["evaluate", "--benchmark", "muc-4", str(tmp_path)])
    assert result.exit_code == 2 and "unknown benchmark" in result.output


# ------------------------------------------------------- a few sentences, real pipeline

def test_real_pipeline_on_two_plover_sentences(benchmarks_dir):
    try:
        from linkchart.evaluate.runner import extract
        import linkchart.pipeline  # noqa: F401
    except ImportError as error:
        pytest.skip(f"pipeline not available: {error}")
    records = plover.load(benchmarks_dir / "plover-gsr")[:2]
    result = plover.score(records, extract(plover.documents(records)))
    assert result.sentences == 2 and result.types.total == 2
