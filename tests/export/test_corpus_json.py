import io
import json
from pathlib import Path

import pytest

from linkchart.export import FORMATS, Selection, export
from postgres_databases import POSTGRES_URL, postgres_available, temporary_database

KEYS = {
    "top": {"format", "documents", "entities", "relations", "events", "attributions"},
    "documents": {"id", "title", "outlet", "published", "url"},
    "entities": {"id", "name", "type", "aliases", "documents", "first_seen", "last_seen"},
    "relations": {"type", "source", "target", "negated", "sources", "evidence", "roles"},
    "relation_evidence": {"document", "text", "start", "end", "attribution", "role",
                          "hedged"},
    "events": {"id", "type", "date", "location", "actors", "recipients", "fatalities",
               "evidence", "mode", "date_text", "injured", "attribution"},
    "event_evidence": {"document", "text", "start", "end"},
    "attributions": {"id", "document", "source", "source_text", "source_kind", "cue",
                     "content", "direct"},
}


def read(loaded, tmp_path, selection=None):
    out = tmp_path / "corpus.json"
    export(loaded, "json", out, selection)
    return json.loads(out.read_text("utf-8"))


def test_corpus_form_keys(loaded, tmp_path):
    corpus = read(loaded, tmp_path)
    assert set(corpus) == KEYS["top"] and corpus["format"] == "linkchart-corpus/1"
    optional = {"confidence"}  # where the store computes it
    for part in ("documents", "entities", "relations", "events", "attributions"):
        assert corpus[part] and all(KEYS[part] <= set(item) <= KEYS[part] | optional
                                    for item in corpus[part])
    assert all(KEYS["relation_evidence"] <= set(e) <= KEYS["relation_evidence"] | optional
               for r in corpus["relations"] for e in r["evidence"])
    assert all(set(e) == KEYS["event_evidence"] for v in corpus["events"] for e in v["evidence"])


def test_corpus_export_fits_its_schema_and_keeps_every_field(loaded, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    import linkchart

    schema = json.loads((Path(linkchart.__file__).parent / "schema" /
                         "linkchart-corpus-1.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    corpus = read(loaded, tmp_path)
    jsonschema.validate(corpus, schema)
    assert corpus["events"][0]["mode"] == "firearms"
    assert corpus["events"][0]["date_text"] == "on Sunday"
    leads = next(r for r in corpus["relations"] if r["type"] == "leads")
    assert leads["roles"] == ["commander"] and leads["evidence"][0]["role"] == "commander"
    corpus["events"][0]["type"] = "FIGHT"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(corpus, schema)


def test_corpus_content(loaded, tmp_path):
    corpus = read(loaded, tmp_path)
    texts = {d["id"]: loaded.document(d["id"])["text"] for d in corpus["documents"]}
    for r in corpus["relations"]:
        for e in r["evidence"]:
            assert texts[e["document"]][e["start"]:e["end"]] == e["text"]
    ids = {e["id"] for e in corpus["entities"]}
    assert all({r["source"], r["target"]} <= ids for r in corpus["relations"])
    brigade = corpus["entities"][0]
    assert brigade == {"id": "E1", "name": "Northern Shield Brigade", "type": "armed_group",
                       "aliases": ["Brigade", "Northern-Shield Brigade", "NSB"],
                       "documents": ["d1", "d2", "d3", "d4", "d5"],
                       "first_seen": "2021-02-28", "last_seen": "2022-02"}
    backing = next(r for r in corpus["relations"] if r["type"] == "supports"
                   and r["source"] == "E2")
    assert backing["sources"] == 2 and backing["evidence"][0]["attribution"] == "a1"
    assault = corpus["events"][0]
    assert assault["actors"] == ["E1"] and assault["fatalities"] == 4
    assert {(a["document"], a["id"]) for a in corpus["attributions"]} == {
        ("d1", "a1"), ("d1", "a2"), ("d4", "a1")}


def test_selection(loaded, tmp_path):
    focused = read(loaded, tmp_path, {"entity_ids": ["E7"]})
    assert {e["id"] for e in focused["entities"]} == {"E1", "E2", "E7"}
    assert {r["type"] for r in focused["relations"]} == {"supports", "part_of"}
    assert focused["events"] == [] and focused["attributions"] == []
    assert [d["id"] for d in focused["documents"]] == ["d3"]
    march = read(loaded, tmp_path, Selection(date_from="2021-03", date_to="2021-03",
                                             relation_types=["supports"]))
    assert [(r["source"], r["sources"], len(r["evidence"])) for r in march["relations"]] == [
        ("E2", 2, 2)]
    assert [v["type"] for v in march["events"]] == ["ACCUSE"]
    strong = read(loaded, tmp_path, {"min_sources": 2})
    assert {r["type"] for r in strong["relations"]} == {"supports", "opposes"}
    armed = read(loaded, tmp_path, {"entity_types": ["armed_group"]})
    assert {e["type"] for e in armed["entities"]} == {"armed_group"}
    assert [r["type"] for r in armed["relations"]] == ["opposes", "affiliated_with"]


def test_standard_output(loaded, capsysbinary):
    export(loaded, "json", "-")
    assert json.loads(capsysbinary.readouterr().out)["format"] == "linkchart-corpus/1"


def test_unknown_format(loaded, tmp_path):
    with pytest.raises(ValueError, match="expected one of"):
        export(loaded, "pdf", tmp_path / "x")
    assert set(FORMATS) == {"json", "gexf", "graphml", "csv", "ftm", "plover", "acled",
                            "cypher"}


@pytest.mark.postgres
def test_postgres_exports_the_same_corpus(loaded, load, tmp_path):
    if not postgres_available():
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")
    with temporary_database() as url, load(url) as other:
        assert read(other, tmp_path) == read(loaded, tmp_path)


def test_streams(loaded, tmp_path):
    text = io.StringIO()
    export(loaded, "gexf", text)
    assert text.getvalue().startswith("<?xml")
    binary = io.BytesIO()
    export(loaded, "ftm", binary)
    assert binary.getvalue().count(b"\n") > 8
    with pytest.raises(ValueError, match="csv"):
        export(loaded, "csv", io.StringIO())
