"""The text cues table: written with each document in its transaction, replaced with it,
filled for stores written before it (or after the cue words changed) by scanning the
stored documents again, with the same rows ingest writes."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from linkchart.analyze import AnalysisError, Selection, analyze
from linkchart.model import Attribution, DocExtraction, Document, Entity
from linkchart.resolve import resolve
from linkchart.store import Store
from linkchart.store.engine import alembic_config

DENIAL = ("Officials in Tarvik accused the Harbour Militia of arming the raiders. "
          "The Harbour Militia denied the charge on Friday.")
FRONT = ("A group calling itself the Silver Oath claimed responsibility for the raid. "
         "Analysts said the Silver Oath was a front for the Harbour Militia.")
CASUALTIES = "The army said the strike caused no casualties."
KINDS = ["denial", "front_claim", "front_cover", "no_casualties", "directive", "meeting"]


def article(doc_id: str, text: str, statements: list[Attribution] = ()) -> DocExtraction:
    return DocExtraction(Document(doc_id, text, title=doc_id, outlet="Linkchart Test Wire",
                                  published="2025-03-01"), attributions=list(statements))


def said_no_casualties() -> Attribution:
    return Attribution("A1", None, "The army", "named_org", "said",
                       "the strike caused no casualties", False, 0, len(CASUALTIES))


def rows(store) -> list[tuple]:
    return [(c["document_id"], c["kind"], c["sentence"], c["cue_start"], c["cue_end"],
             c["detail"]) for c in store.cues_of_kinds(KINDS)]


def test_a_stored_document_has_its_cues(store):
    store.add_extractions([article("d1", DENIAL), article("d2", FRONT),
                           article("d3", CASUALTIES, [said_no_casualties()]),
                           article("d4", "Markets opened late on Monday.")])
    assert [(d, k, s) for d, k, s, *_ in rows(store)] == [
        ("d1", "denial", 1), ("d2", "front_claim", 0), ("d2", "front_cover", 1),
        ("d3", "no_casualties", 0)]
    assert store.documents_without_cues() == 0
    found = store.cue_documents(["d1", "d4"])
    assert [d["id"] for d in found] == ["d1", "d4"]
    assert [DENIAL[s:e] for s, e in found[0]["sentences"]][1] == \
        "The Harbour Militia denied the charge on Friday."
    assert found[1]["sentences"] == []


def groups_of(text: str) -> list[Entity]:
    return [Entity(f"E{n}", name, "armed_group",
                   mentions=[(i, i + len(name)) for i in range(len(text))
                             if text.startswith(name, i)])
            for n, name in enumerate(("Silver Oath", "Harbour Militia"), 1)]


def test_fronts_are_read_from_the_cues_on_either_database(store):
    extraction = article("d2", FRONT)
    extraction.entities = groups_of(FRONT)
    store.add_extractions([extraction, article("d1", DENIAL)])
    found = analyze(store, "fronts", Selection())
    assert [(f["front"]["name"], [k["name"] for k in f["known_groups"]]) for f in found] == [
        ("Silver Oath", ["Harbour Militia"])]
    quotes = found[0]["evidence"]
    assert all(FRONT[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert analyze(store, "fronts", Selection(documents=["d1"])) == []


def test_cues_are_written_in_the_documents_transaction(store, monkeypatch):
    def broken(*_args):
        raise RuntimeError("index down")

    monkeypatch.setattr(store.search, "index_document", broken)
    with pytest.raises(RuntimeError):
        store.add_extractions([article("d1", DENIAL)])
    assert rows(store) == [] and store.document_count() == 0


def test_a_replaced_document_keeps_only_its_new_cues(store):
    store.add_extractions([article("d1", DENIAL)])
    store.add_extractions([article("d1", FRONT)])
    assert [(d, k) for d, k, *_ in rows(store)] == [("d1", "front_claim"), ("d1", "front_cover")]


def test_a_store_written_before_gets_the_cues_ingest_writes(url):
    extractions = [article("d1", DENIAL), article("d2", FRONT),
                   article("d3", CASUALTIES, [said_no_casualties()])]
    with Store.open(url, resolver=resolve) as store:
        store.add_extractions(extractions)
        written = rows(store)
        config = alembic_config()
        with store.engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")  # before text cues (0009)
            conn.commit()
            assert "text_cues" not in inspect(conn).get_table_names()
    with Store.open(url) as store:
        assert store.documents_without_cues() == 3
        with pytest.raises(AnalysisError, match="linkchart cues"):
            analyze(store, "fronts", Selection())
        assert store.scan_cues() == (3, 4)
        assert rows(store) == written and store.documents_without_cues() == 0
        assert store.scan_cues() == (0, 0)


def test_changed_cue_words_ask_for_a_new_scan(store, monkeypatch):
    from linkchart.store import read_cues, text_cues

    store.add_extractions([article("d1", DENIAL), article("d2", FRONT)])
    written = rows(store)
    for module in (text_cues, read_cues):  # the writes and the reads
        monkeypatch.setattr(module, "version", lambda: "changed")
    assert store.documents_without_cues() == 2
    with pytest.raises(AnalysisError):
        analyze(store, "contradictions", Selection())
    assert store.scan_cues() == (2, 3)
    assert rows(store) == written
    assert store.scan_cues(everything=True) == (2, 3)


def test_the_cues_command_scans_what_lacks_cues(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from linkchart.cli import app
    from linkchart.store import read_cues, text_cues

    path = str(tmp_path / "chart.db")
    with Store.open(path, resolver=resolve) as store:
        store.add_extractions([article("d1", DENIAL), article("d2", FRONT)])
    for module in (text_cues, read_cues):
        monkeypatch.setattr(module, "version", lambda: "changed")
    result = CliRunner().invoke(app, ["cues", "--db", path])
    assert result.exit_code == 0, result.output
    assert "scanned 2 documents: 3 text cues" in result.output
    result = CliRunner().invoke(app, ["cues", "--db", path])
    assert "scanned 0 documents" in result.output
