"""Issue 18 at the reader: control characters, colliding ids, deep HTML and the small
cases of item 7. No store, no NLP."""

import json

from linkchart.ingest import Duplicate, ReadFailure, read
from linkchart.ingest.ids import FileNames, file_stem
from linkchart.model import Document

from ingest_support import write


def items_of(sources):
    items = list(read(sources))
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, ReadFailure)])


def test_nul_and_control_characters_are_removed_from_every_field(tmp_path):
    record = {"id": "n\u0000ul", "title": "A\u0000 title\u0007", "outlet": "Coast\u0000 Post",
              "url": "https://example.org/\u0000a", "text": "The port\u0000 reopened.\fIt is "
              "busy\u001b again.\u0000", "note": "x\u0000y", "published": "2021-05-04"}
    documents, failures = items_of(write(tmp_path, "a.jsonl", json.dumps(record) + "\n"))
    assert failures == []
    [document] = documents
    assert document.text == "The port reopened.\nIt is busy again."
    assert (document.id, document.title, document.outlet, document.url) == (
        "nul", "A title", "Coast Post", "https://example.org/a")
    assert document.meta == {"note": "xy"}


def test_a_lone_surrogate_is_removed(tmp_path):
    path = write(tmp_path, "s.jsonl", '{"id": "s", "text": "Talks \\ud800resumed."}\n')
    [document], _ = items_of(path)
    assert document.text == "Talks resumed."
    document.text.encode("utf-8")


def test_nul_after_the_sniffed_head_is_removed_not_stored(tmp_path):
    text = "Title: Long\n\n" + "The ministers met again. " * 400 + "\u0000Then they left."
    [document], failures = items_of(write(tmp_path, "long.txt", text))
    assert failures == [] and "\u0000" not in document.text
    assert document.text.endswith("met again. Then they left.")


def test_same_file_name_in_two_folders_keeps_enough_of_the_path(tmp_path):
    first = write(tmp_path / "a", "report.txt", "The mayor resigned on Monday.")
    second = write(tmp_path / "b", "report.txt", "The harbour flooded on Tuesday.")
    third = write(tmp_path / "c" / "x", "report.txt", "The ferry sank on Friday.")
    fourth = write(tmp_path / "d" / "x", "report.html",
                   "<html><body><p>" + "The bridge closed for repairs. " * 10 + "</p></body></html>")
    write(tmp_path / "a", "alone.txt", "The mayor was re-elected.")
    documents, failures = items_of([tmp_path / "a", tmp_path / "b", tmp_path / "c",
                                    tmp_path / "d"])
    assert failures == []
    assert [(d.id, d.source_path) for d in documents] == [
        ("alone", str(tmp_path / "a" / "alone.txt")), ("a/report", str(first)),
        ("b/report", str(second)), ("c/x/report", str(third)),
        ("d/x/report", str(fourth))]


def test_the_same_file_named_twice_is_one_document(tmp_path):
    path = write(tmp_path, "report.txt", "The mayor resigned on Monday.")
    items = list(read([path, tmp_path, tmp_path / "." / "report.txt"]))
    assert [(type(i), getattr(i, "id", None)) for i in items] == [
        (Document, "report"), (Duplicate, None), (Duplicate, None)]


def test_a_second_text_under_an_id_already_read_is_reported_not_read(tmp_path):
    first = write(tmp_path, "1.txt", "Id: harbour\n\nThe mayor resigned on Monday.")
    second = write(tmp_path, "2.txt", "Id: harbour\n\nThe harbour flooded on Tuesday.")
    documents, failures = items_of(tmp_path)
    assert [(d.id, d.source_path) for d in documents] == [("harbour", str(first))]
    [failure] = failures
    assert failure.path == str(second)
    assert "'harbour' is already the id of " + str(first) in failure.reason


def test_same_id_and_same_text_is_a_duplicate_not_a_collision(tmp_path):
    write(tmp_path / "a", "report.txt", "The mayor resigned on Monday.")
    write(tmp_path / "b", "report.txt", "The mayor resigned on Monday.")
    items = list(read([tmp_path / "a", tmp_path / "b"]))
    assert [type(i) for i in items] == [Document, Duplicate]


def test_ids_never_become_paths(tmp_path):
    names = FileNames(".json")
    for doc_id in ["../../../escape-hdr", "../../escape-rel", "/etc/passwd", "..", ".", "",
                   "a/b", "a\\b", "C:\\x", "report", "Report", "x" * 400]:
        name = names.name_for(doc_id)
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert len(name) < 130
        assert (tmp_path / name).resolve().parent == tmp_path.resolve()
    assert file_stem("report") == "report" and file_stem("bbc-2021_05.x") == "bbc-2021_05.x"
    assert file_stem("a/b") != file_stem("a_b") and file_stem("a/b") != file_stem("a:b")
    assert names.name_for("q") != names.name_for("Q").removesuffix(".json")


def test_a_deeply_nested_page_is_read(tmp_path):
    page = ("<!doctype html><html><head><title>Deep</title><script>var x;</script></head><body>"
            + "<div>" * 10_000 + "<p>The assembly voted to reopen the northern crossing.</p>"
            + "<p>Traders welcomed the decision.</p>" + "</div>" * 10_000 + "</body></html>")
    [document], failures = items_of(write(tmp_path, "deep.html", page))
    assert failures == []
    assert document.text == ("The assembly voted to reopen the northern crossing.\n\n"
                             "Traders welcomed the decision.")


def test_json_messages_and_field_types(tmp_path):
    lines = ['{"id": "a", "text": "Tab\there is raw"}',
             json.dumps({"id": "b", "text": None}),
             json.dumps({"id": ["x"], "text": "An array id."}),
             json.dumps({"id": 7, "text": "A number id.", "published": 12345}),
             json.dumps({"id": True, "text": "A boolean id."})]
    documents, failures = items_of(write(tmp_path, "f.jsonl", "\n".join(lines) + "\n"))
    assert [f.reason for f in failures] == [
        "line 1: invalid JSON: Invalid control character at column 25",
        "line 2: text field 'text' is null, not a string",
        "line 3: id field 'id' is an array, not a string or a whole number",
        "line 5: id field 'id' is a boolean, not a string or a whole number"]
    [document] = documents
    assert (document.id, document.published, document.meta) == ("7", None, {"published": "12345"})


def test_an_undatable_published_value_too_long_for_a_store_stays_in_meta(tmp_path):
    value = "sometime in the late spring of that long and rainy year"
    [document], _ = items_of(write(tmp_path, "p.jsonl",
                                   json.dumps({"text": "Rain fell.", "published": value}) + "\n"))
    assert document.published is None and document.meta == {"published": value}


def test_extra_csv_values_are_reported(tmp_path):
    path = write(tmp_path, "x.csv", "id,text\n1,Fine.\n2,Split, by a comma\n3,Also fine.\n")
    documents, failures = items_of(path)
    assert [d.id for d in documents] == ["1", "3"]
    assert [f.reason for f in failures] == [
        "line 3: 3 values but the header row names 2 columns (a comma in a value that is "
        "not quoted?)"]
