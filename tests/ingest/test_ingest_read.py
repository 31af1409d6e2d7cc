import io
import json
import sys

from linkchart.ingest import Duplicate, IngestOptions, ReadFailure, read
from linkchart.model import Document

from ingest_support import FIXTURES, write


def test_directory_is_walked_recursively_in_sorted_order(tmp_path):
    write(tmp_path, "b.txt", "Body b.")
    write(tmp_path, "a.txt", "Body a.")
    write(tmp_path, "sub/c.html", "<html><body><article>" + "<p>Body c is long enough to keep.</p>" * 20
          + "</article></body></html>")
    write(tmp_path, "sub/deeper/d.jsonl", json.dumps({"id": "d", "text": "Body d."}))
    write(tmp_path, "sub/e.csv", "id,text\ne,Body e.\n")
    write(tmp_path, "a2.json", json.dumps({"id": "a2", "text": "Body a2."}))
    write(tmp_path, "notes.md", "Not an article extension.")
    write(tmp_path, "image.png", b"\x89PNG\r\n")
    write(tmp_path, ".hidden.txt", "Hidden.")
    write(tmp_path, ".git/x.txt", "Hidden folder.")
    items = list(read(tmp_path))
    assert all(isinstance(item, Document) for item in items), items
    assert [d.id for d in items] == ["a", "a2", "b", "c", "d", "e"]


def test_recursive_false_reads_only_the_top_folder(tmp_path):
    write(tmp_path, "a.txt", "Body a.")
    write(tmp_path, "sub/b.txt", "Body b.")
    assert [d.id for d in read(tmp_path, IngestOptions(recursive=False))] == ["a"]


def test_sources_may_be_str_path_or_a_list():
    path = FIXTURES / "no_header.txt"
    assert [d.id for d in read(str(path))] == ["no_header"]
    assert [d.id for d in read([path, FIXTURES / "article.txt"])] == ["no_header", "article"]


def test_exact_duplicates_are_yielded_as_duplicate(tmp_path):
    first = write(tmp_path, "one.txt", "Title: A\n\nThe same  text.\n")
    second = write(tmp_path, "two.txt", "Title: B\n\nThe same\ntext.")
    rows = write(tmp_path, "r.jsonl", json.dumps({"id": "r", "text": "The same text."}) + "\n"
                 + json.dumps({"id": "s", "text": "Other text."}) + "\n")
    items = list(read([first, second, rows]))
    assert [type(i).__name__ for i in items] == ["Document", "Duplicate", "Duplicate", "Document"]
    assert items[1] == Duplicate(str(second), "one")
    assert items[2] == Duplicate(f"{rows}:line 1", "one")
    assert len(list(read([first, second], IngestOptions(deduplicate=False)))) == 2


def test_ids_are_stable_across_runs():
    def ids():
        return [d.id for d in read(FIXTURES)]
    assert ids() == ids()
    assert "article" in ids() and "jl-1" in ids()


def stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch):
    stdin(monkeypatch, b'\n  {"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n{bad\n')
    items = list(read("-"))
    assert [d.id for d in items[:2]] == ["s1", "s2"]
    assert items[0].source_path == "<stdin>:line 2"
    assert items[2] == ReadFailure("<stdin>", "line 4: invalid JSON: Expecting property name "
                                              "enclosed in double quotes at column 2")


def test_stdin_text_with_header(monkeypatch):
    stdin(monkeypatch, b"Title: From a pipe\nDate: 2021-03-11T10:00:00Z\n\nPiped body.\n")
    (doc,) = read("-")
    assert (doc.title, doc.published, doc.text, doc.source_path) == (
        "From a pipe", "2021-03-11", "Piped body.", "<stdin>")
    assert doc.id.startswith("sha-")


def test_stdin_as_plain_text_stream(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("No header, just text."))
    (doc,) = read("-")
    assert doc.text == "No header, just text."


def test_stdin_failures(monkeypatch):
    stdin(monkeypatch, b"")
    assert list(read("-")) == [ReadFailure("<stdin>", "empty file")]
    stdin(monkeypatch, b"ab\x00")
    assert list(read("-")) == [ReadFailure("<stdin>", "binary file (NUL byte at byte 2)")]
