from linkchart.ingest import read
from linkchart.ingest.text import split_header
from linkchart.model import Document

from ingest_support import FIXTURES, write


def one(path, **kwargs):
    items = list(read(path, **kwargs))
    assert len(items) == 1, items
    return items[0]


def test_header_block_fills_the_document():
    doc = one(FIXTURES / "article.txt")
    assert isinstance(doc, Document)
    assert doc.id == "article"
    assert doc.title == "Militia council names new commander in river province"
    assert doc.outlet == "The Fictional Courier"
    assert doc.published == "2021-03-11"
    assert doc.url == "https://courier.example/2021/03/militia-council"
    assert doc.source_path == str(FIXTURES / "article.txt")
    assert doc.meta == {"Author": "Staff reporter",
                        "License": "CC0 1.0 (written for the linkchart test suite)"}


def test_body_is_the_file_after_the_blank_line_byte_for_byte():
    raw = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    doc = one(FIXTURES / "article.txt")
    assert doc.text == raw.split("\n\n", 1)[1].rstrip()
    start = doc.text.index("Samir Haddad")
    assert raw[raw.index("\n\n") + 2 + start:][:12] == "Samir Haddad"
    assert "Note: the brigade’s statement" in doc.text
    assert doc.text.endswith("as they often do.")


def test_crlf_becomes_lf_and_only_trailing_whitespace_goes(tmp_path):
    path = write(tmp_path, "crlf.txt", "Title: T\r\nDate: 2020-01-02\r\n\r\n"
                             "  Indented first line.\r\n\r\nSecond.  \r\n\r\n\r\n")
    doc = one(path)
    assert doc.title == "T"
    assert doc.text == "  Indented first line.\n\nSecond."


def test_extra_blank_lines_after_the_header_stay_in_the_body(tmp_path):
    doc = one(write(tmp_path, "a.txt", "Title: T\n\n\nBody."))
    assert doc.text == "\nBody."


def test_file_without_header_is_all_body():
    doc = one(FIXTURES / "no_header.txt")
    assert doc.text.startswith("RIVERTOWN: Police said")
    assert doc.title is None and doc.published is None and doc.meta == {}
    assert doc.id == "no_header"


def test_colon_lines_without_a_known_key_are_not_a_header(tmp_path):
    text = "Note: this is a report\nSummary: nothing\n\nThe body."
    assert one(write(tmp_path, "a.txt", text)).text == text


def test_header_needs_every_line_before_the_blank_line_to_be_a_header(tmp_path):
    text = "Title: T\nThis line is prose, not a header.\n\nThe body."
    doc = one(write(tmp_path, "a.txt", text))
    assert doc.text == text and doc.title is None


def test_id_header_and_key_spellings(tmp_path):
    doc = one(write(tmp_path, "x.txt", "ID: my-id\nTITLE: Upper\nPublished: 11 March 2021\n"
                              "Topic-label (dataset): left\nDate-note:\n\nBody."))
    assert doc.id == "my-id"
    assert doc.title == "Upper"
    assert doc.published == "2021-03-11"
    assert doc.meta == {"Topic-label (dataset)": "left", "Date-note": ""}


def test_unparseable_date_is_kept_raw_and_unknown_is_none(tmp_path):
    assert one(write(tmp_path, "a.txt", "Date: spring 2021\n\nBody.")).published == "spring 2021"
    assert one(write(tmp_path, "b.txt", "Date: unknown\n\nBody.")).published is None


def test_file_with_unknown_or_no_extension_is_read_as_text(tmp_path):
    assert one(write(tmp_path, "notes.md", "Title: T\n\nBody.")).text == "Body."
    doc = one(write(tmp_path, "README", "Just text."))
    assert doc.text == "Just text." and doc.id == "README"


def test_byte_order_mark_is_dropped(tmp_path):
    doc = one(write(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle: T\n\nBody."))
    assert doc.title == "T" and doc.text == "Body."


def test_split_header_returns_where_the_body_starts():
    text = "Title: T\nURL: https://x.example/a:b\n\nBody"
    headers, start = split_header(text)
    assert headers == [("Title", "T"), ("URL", "https://x.example/a:b")]
    assert text[start:] == "Body"
    assert split_header("Body only\n\nmore") == ([], 0)
    assert split_header("Title: only a header\n") == ([("Title", "only a header")], 21)
