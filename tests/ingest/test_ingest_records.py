import gzip
import json

import pytest

from linkchart.ingest import IngestOptions, ReadFailure, read
from linkchart.model import Document, text_hash

from ingest_support import FIXTURES, write


def documents(source, options=None):
    items = list(read(source, options))
    assert all(isinstance(item, Document) for item in items), items
    return items


def test_jsonl_defaults_synonyms_and_line_numbers():
    path = FIXTURES / "articles.jsonl"
    first, second, third = documents(path)
    assert (first.id, first.title, first.outlet, first.published, first.url) == (
        "jl-1", "Ceasefire talks resume", "Example Wire", "2019-07-02", "https://wire.example/1")
    assert first.text == ("Negotiators from the Valley Brigade and the government met in the "
                          "capital on Monday.\n\nThe talks were the first since January.")
    assert first.meta == {"topic": "talks"}
    assert first.source_path == f"{path}:line 1"
    assert (second.outlet, second.published) == ("Example Daily", "2019-07-02")
    assert second.text.startswith("An aid convoy")
    assert third.source_path == f"{path}:line 4"
    assert third.id == "17"
    assert third.published is None
    assert third.meta == {"tags": '["politics", "protest"]'}


def test_row_without_id_gets_a_stable_hash_id():
    second = documents(FIXTURES / "articles.jsonl")[1]
    assert second.id == "sha-" + text_hash(second.text)[:12]
    assert documents(FIXTURES / "articles.jsonl")[1].id == second.id


def test_json_list_and_single_object(tmp_path):
    first, second = documents(FIXTURES / "articles.json")
    assert (first.id, first.outlet, first.published) == ("js-1", "Example Herald", "2018-05-01")
    assert (second.outlet, second.published) == ("Example Daily", "2018-05-01")
    assert second.text.startswith("The Coastal Defence Force lifted")
    assert second.source_path == f"{FIXTURES / 'articles.json'}:item 2"
    path = write(tmp_path, "one.json", json.dumps({"id": "x", "text": "Body."}, indent=2))
    (doc,) = documents(path)
    assert (doc.id, doc.text, doc.source_path) == ("x", "Body.", str(path))


def test_csv_rows_with_quoted_multiline_fields():
    path = FIXTURES / "articles.csv"
    first, second, third = documents(path)
    assert (first.id, first.published, first.url) == ("csv-1", "2017-09-30", "https://wire.example/csv-1")
    assert first.meta == {"section": "security"}
    assert second.title == 'Commander: "we will not withdraw"'
    assert second.text == 'The commander said, "We will not withdraw."\n\nHe spoke in Westford.'
    assert second.published == "2017-09-30"
    assert second.url is None
    assert [d.source_path for d in (first, second, third)] == [
        f"{path}:line 2", f"{path}:line 3", f"{path}:line 6"]
    assert third.published is None and third.meta == {}


def test_csv_with_crlf_and_a_huge_field(tmp_path):
    text = "word " * 40_000
    path = write(tmp_path, "big.csv", f'id,content\r\nbig,"{text}"\r\nsmall,"a\r\nb"\r\n')
    big, small = documents(path)
    assert big.text == text.rstrip()
    assert small.text == "a\nb"


def test_field_map_names_the_input_fields(tmp_path):
    record = {"uid": "u1", "headline": "H", "content_original": "Body.", "date": "2021-03-11",
              "site": "Example", "link": "https://x.example"}
    path = write(tmp_path, "a.jsonl", json.dumps(record) + "\n")
    options = IngestOptions(field_map={"id": "uid", "title": "headline", "text": "content_original",
                                       "outlet": "site", "url": "link"})
    (doc,) = documents(path, options)
    assert (doc.id, doc.title, doc.text, doc.outlet, doc.url, doc.published) == (
        "u1", "H", "Body.", "Example", "https://x.example", "2021-03-11")
    assert doc.meta == {}


def test_field_map_wins_over_the_default_name(tmp_path):
    path = write(tmp_path, "a.jsonl", json.dumps({"text": "summary", "full": "The full text."}) + "\n")
    (doc,) = documents(path, IngestOptions(field_map={"text": "full"}))
    assert doc.text == "The full text."
    assert doc.meta == {"text": "summary"}


def test_synonyms_apply_only_when_the_default_is_missing_or_empty(tmp_path):
    lines = [{"text": "Main.", "body": "Other."}, {"text": "", "body": "Fallback."},
             {"content_original": "Original.", "published_at": "2020-01-02T03:04:05+05:00",
              "publisher": "P"},
             {"Text": "Capitalised.", "Source": "S"}]
    path = write(tmp_path, "a.jsonl", "\n".join(map(json.dumps, lines)))
    docs = documents(path)
    assert [d.text for d in docs] == ["Main.", "Fallback.", "Original.", "Capitalised."]
    assert docs[0].meta == {"body": "Other."}
    assert (docs[2].published, docs[2].outlet) == ("2020-01-02", "P")
    assert docs[3].outlet == "S"


def test_gzipped_jsonl_and_json(tmp_path):
    rows = [{"id": f"g{i}", "text": f"Article number {i}."} for i in range(3)]
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(map(json.dumps, rows)))
    with gzip.open(tmp_path / "b.json.gz", "wt", encoding="utf-8") as out:
        json.dump(rows, out)
    assert [d.id for d in documents(tmp_path / "a.jsonl.gz")] == ["g0", "g1", "g2"]
    assert [d.id for d in documents(tmp_path / "b.json.gz", IngestOptions(deduplicate=False))] == [
        "g0", "g1", "g2"]


def test_jsonl_is_read_lazily(tmp_path):
    path = write(tmp_path, "a.jsonl", '{"text": "First."}\n{not json\n')
    items = read(path)
    assert isinstance(next(items), Document)
    assert isinstance(next(items), ReadFailure)


def test_field_map_with_an_unknown_field_is_a_usage_error():
    with pytest.raises(ValueError, match="unknown field 'txt'"):
        IngestOptions(field_map={"txt": "content"})
