from linkchart.ingest import read
from linkchart.model import Document

from ingest_support import FIXTURES, write


def test_html_main_text_and_metadata():
    (doc,) = read(FIXTURES / "page.html")
    assert isinstance(doc, Document)
    assert doc.id == "page"
    assert doc.title == "Border truce holds for a second week"
    assert doc.outlet == "The Example Herald"
    assert doc.published == "2020-06-14"
    assert doc.url == "https://herald.example/news/border-truce"
    assert doc.meta["author"] == "Jane Example"
    assert "A truce between the Coastal Defence Force" in doc.text
    assert "denied." in doc.text
    assert "Subscribe now" not in doc.text and "Cookie settings" not in doc.text
    assert doc.text == doc.text.rstrip()


def test_html_is_sniffed_when_the_extension_is_unknown(tmp_path):
    path = write(tmp_path, "page", (FIXTURES / "page.html").read_bytes())
    (doc,) = read(path)
    assert doc.title == "Border truce holds for a second week"
