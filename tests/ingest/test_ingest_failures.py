"""Bad input yields a ReadFailure with the path and what is wrong, and reading goes on."""

import gzip
import json

import pytest

from linkchart.ingest import IngestOptions, ReadFailure, read
from linkchart.model import Document

from ingest_support import write

GOOD = "Title: Good\n\nA good article."


def failures_and_documents(sources, options=None):
    items = list(read(sources, options))
    return ([i for i in items if isinstance(i, ReadFailure)],
            [i for i in items if isinstance(i, Document)])


def only_failure(path, options=None):
    failures, documents = failures_and_documents(path, options)
    assert documents == [] and len(failures) == 1, (failures, documents)
    assert failures[0].path == str(path)
    return failures[0].reason


@pytest.mark.parametrize("name, content, reason", [
    ("nul.txt", b"Title: x\n\nbody\x00more", "binary file (NUL byte at byte 14)"),
    ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document)"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t\n", "empty file (only whitespace)"),
    ("latin1.txt", "Title: x\n\nCaf\u00e9".encode("latin-1"), "not valid UTF-8 at byte 13"),
    ("header_only.txt", b"Title: Only a header\nDate: 2021-01-01\n\n   \n", "empty document"),
    ("empty.jsonl", b"\n\n", "empty file (only whitespace)"),
    ("utf16.txt", "Title: x\n\nBody".encode("utf-16"),
     "UTF-16 text; only UTF-8 is read (save the file as UTF-8)"),
])
def test_unreadable_files(tmp_path, name, content, reason):
    assert only_failure(write(tmp_path, name, content)) == reason


def test_invalid_utf8_position_counts_the_byte_order_mark(tmp_path):
    assert only_failure(write(tmp_path, "a.txt", b"\xef\xbb\xbfab\xff")) == "not valid UTF-8 at byte 5"


def test_document_over_max_chars(tmp_path):
    path = write(tmp_path, "long.txt", "x" * 2_000_001)
    assert only_failure(path) == (
        "document has 2,000,001 characters, over the limit of 1,000,000 (--max-chars)")
    assert only_failure(path, IngestOptions(max_chars=10)).startswith("document has 2,000,001")
    row = write(tmp_path, "long.jsonl", json.dumps({"text": "y" * 11}) + "\n")
    assert only_failure(row, IngestOptions(max_chars=10)) == (
        "line 1: document has 11 characters, over the limit of 10 (--max-chars)")


def test_missing_file(tmp_path):
    assert only_failure(tmp_path / "nope.txt") == "no such file or directory"


def test_bad_jsonl_lines_are_reported_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "One."}),
        '{"id": "b", "text": "Two." "x": 1}',
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "text": ["a", "list"]}),
        json.dumps({"id": "f", "text": "   "}),
    ]
    data = ("\n".join(lines) + "\n").encode() + b'{"id": "g", "text": "caf\xe9"}\n' + \
        json.dumps({"id": "h", "text": "Eight."}).encode()
    path = write(tmp_path, "mixed.jsonl", data)
    failures, documents = failures_and_documents(path)
    assert [d.id for d in documents] == ["a", "h"]
    assert [f.path for f in failures] == [str(path)] * 6
    reasons = [f.reason for f in failures]
    assert reasons[0] == "line 2: invalid JSON: Expecting ',' delimiter at column 28"
    assert reasons[1] == ("line 3: no text field (looked for 'text', 'content', 'body', "
                          "'content_original')")
    assert reasons[2] == "line 4: not a JSON object (found an array)"
    assert reasons[3] == "line 5: text field 'text' is an array, not a string"
    assert reasons[4] == "line 6: empty document"
    offset = len(("\n".join(lines) + "\n").encode()) + len(b'{"id": "g", "text": "caf')
    assert reasons[5] == f"line 7: not valid UTF-8 at byte {offset}"


def test_invalid_json_file(tmp_path):
    assert only_failure(write(tmp_path, "a.json", '{"text": "x",}')) == (
        "invalid JSON: Expecting property name enclosed in double quotes at line 1 column 14")
    assert only_failure(write(tmp_path, "b.json", "42")) == "the JSON is a number, not an object or a list of objects"


def test_bad_and_truncated_gzip(tmp_path):
    assert only_failure(write(tmp_path, "a.jsonl.gz", b"plain text, not gzip")).startswith("not a valid gzip file")
    whole = gzip.compress(b"".join(json.dumps({"text": f"Article {i}. " * 50}).encode() + b"\n"
                                   for i in range(200)))
    path = write(tmp_path, "cut.jsonl.gz", whole[: len(whole) // 2])
    failures, documents = failures_and_documents(path)
    assert documents and len(failures) == 1
    assert failures[0].reason.startswith("truncated gzip file")


def test_csv_without_a_text_column(tmp_path):
    assert only_failure(write(tmp_path, "a.csv", "id,headline\n1,x\n")) == (
        "no text column (looked for 'text', 'content', 'body', 'content_original'; "
        "the columns are 'id', 'headline')")


def test_csv_problems(tmp_path):
    assert only_failure(write(tmp_path, "a.csv", "id,text\n")) == "no rows after the header row"
    failures, documents = failures_and_documents(write(tmp_path, "b.csv", b"id,text\n1,ok\n2,caf\xe9\n3,x\n"))
    assert [d.id for d in documents] == ["1"]
    assert [f.reason for f in failures] == ["line 3: not valid UTF-8 at byte 18"]
    path = write(tmp_path, "c.csv", "id,text\n1,\n2,Fine.\n")
    failures, documents = failures_and_documents(path)
    assert [f.reason for f in failures] == ["line 2: empty document"]
    assert [d.id for d in documents] == ["2"]


def test_html_without_article_text(tmp_path):
    page = "<html><head><title>T</title></head><body><script>var a = 1;</script></body></html>"
    assert only_failure(write(tmp_path, "a.html", page)) == (
        "no article text found in the HTML")


def test_reading_goes_on_past_bad_files(tmp_path):
    write(tmp_path, "1.txt", GOOD)
    write(tmp_path, "2.txt", b"\x00\x01")
    write(tmp_path, "3.txt", GOOD.replace("good", "second good"))
    failures, documents = failures_and_documents([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in documents] == ["1", "3"]
    assert [(f.path, f.reason) for f in failures] == [
        (str(tmp_path / "2.txt"), "binary file (NUL byte at byte 0)"),
        (str(tmp_path / "missing.txt"), "no such file or directory")]
    assert str(failures[0]) == f"{tmp_path / '2.txt'}: binary file (NUL byte at byte 0)"


def test_odd_paths_are_failures_not_exceptions(tmp_path):
    long_name = tmp_path / ("x" * 300 + ".txt")
    (failure,) = read(long_name)
    assert failure.path == str(long_name) and failure.reason.startswith("cannot read")
    (failure,) = read("bad\0name.txt")
    assert failure.reason.startswith("invalid path")
