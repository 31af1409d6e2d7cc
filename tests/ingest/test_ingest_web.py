"""URLs, RSS and Atom feeds, and WARC files, through the same reader; offline: the pages
come from a server on 127.0.0.1 and from files the tests write."""

from __future__ import annotations

import gzip
import io
from html import escape

import pytest

from ingest_support import write
from linkchart.ingest import ReadFailure, read
from linkchart.model import Document
from web_support import PARAGRAPHS, article_html, serving

LONG_TEXT = " ".join(PARAGRAPHS * 2)


def _split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, ReadFailure)])


def test_a_url_is_fetched_and_read_as_an_article():
    with serving({"/news/pier": ("text/html; charset=utf-8", article_html("Pier closes"))}) \
            as base:
        documents, failures = _split(read([f"{base}/news/pier"]))
    assert failures == []
    [document] = documents
    assert "northern pier would close" in document.text
    assert document.title == "Pier closes"
    assert document.id == document.url == f"{base}/news/pier"


def test_a_page_in_another_charset_is_read_as_its_server_says():
    page = article_html("Pier closes").replace("Mayor", "Maire Zoë").encode("latin-1")
    with serving({"/p": ("text/html; charset=iso-8859-1", page)}) as base:
        [document] = _split(read([f"{base}/p"]))[0]
    assert "Maire Zoë" in document.text


def test_a_missing_page_is_reported_and_the_next_url_still_read():
    with serving({"/ok": ("text/html", article_html("Pier closes"))}) as base:
        documents, failures = _split(read([f"{base}/gone", f"{base}/ok"]))
    assert [d.id for d in documents] == [f"{base}/ok"]
    assert failures[0].path == f"{base}/gone" and "HTTP 404" in failures[0].reason


def test_an_unreachable_server_is_a_failure_not_a_crash():
    with serving({}) as base:
        dead = base
    [failure] = list(read([f"{dead}/x"]))
    assert isinstance(failure, ReadFailure) and "cannot fetch" in failure.reason


def _rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Velmar Courier</title>
<item><title>Full story</title><guid>courier-1</guid><link>{base}/full</link>
  <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>
  <content:encoded>{escape("<p>" + LONG_TEXT + "</p>")}</content:encoded></item>
<item><title>Summary only</title><link>{base}/story</link>
  <description>The pier will close.</description></item>
<item><title>Broken link</title><link>{base}/missing</link>
  <description>Short.</description></item>
<item><title>Nothing at all</title></item>
</channel></rss>"""


def test_an_rss_feed_gives_its_carried_text_and_fetches_linked_pages(tmp_path):
    with serving({"/story": ("text/html", article_html("Linked story"))}) as base:
        feed = write(tmp_path, "courier.xml", _rss(base))  # .xml: sniffed as a feed
        documents, failures = _split(read([feed]))
    carried, linked = documents
    assert carried.id == "courier-1" and carried.outlet == "Velmar Courier"
    assert carried.published == "2026-03-03" and "cargo ship struck it" in carried.text
    assert "<p>" not in carried.text
    assert linked.title == "Linked story" and linked.url == f"{base}/story"
    assert "southern quay" in linked.text
    reasons = sorted(f.reason for f in failures)
    assert reasons[0].startswith("item 3 (") and "HTTP 404" in reasons[0]
    assert reasons[1] == "item 4: no text and no link"


def test_an_atom_feed_read_from_a_url():
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Post</title>
<entry><id>urn:post:7</id><title>Ferries move</title>
<link rel="alternate" href="http://127.0.0.1:9/never-fetched"/>
<published>2026-02-11T08:00:00Z</published>
<content type="html">{escape(LONG_TEXT)}</content></entry></feed>"""
    with serving({"/atom": ("application/atom+xml", atom)}) as base:
        documents, failures = _split(read([f"{base}/atom"]))
    assert failures == []
    [document] = documents
    assert (document.id, document.outlet, document.published) == \
        ("urn:post:7", "Island Post", "2026-02-11")
    assert document.url == "http://127.0.0.1:9/never-fetched"


def test_xml_that_is_no_feed_is_reported(tmp_path):
    path = write(tmp_path, "data.rss", "<?xml version='1.0'?><inventory><box/></inventory>")
    [failure] = list(read([path]))
    assert "not an RSS or Atom feed" in failure.reason


def _warc(records) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, status, media_type, body in records:
        headers = StatusAndHeaders(status, [("Content-Type", media_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers))
    writer.write_record(writer.create_warc_record(
        "https://velmar.example/pier", "request", payload=io.BytesIO(b"GET /pier HTTP/1.1\r\n\r\n")))
    return out.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_file_gives_its_pages_and_reports_the_broken_ones(tmp_path, name):
    data = _warc([
        ("https://velmar.example/pier", "200 OK", "text/html", article_html("Pier").encode()),
        ("https://velmar.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
        ("https://velmar.example/old", "301 Moved", "text/html", b""),
        ("https://velmar.example/lost", "404 Not Found", "text/html", b"<html>gone</html>"),
        ("https://velmar.example/blank", "200 OK", "text/html", b"<html><body></body></html>"),
    ])
    path = write(tmp_path, name, gzip.compress(data) if name.endswith(".gz") else data)
    documents, failures = _split(read([path]))
    [document] = documents
    assert document.id == document.url == "https://velmar.example/pier"
    assert "two concrete supports had cracked" in document.text
    assert [f.reason for f in failures] == [
        "https://velmar.example/lost: HTTP 404",
        "https://velmar.example/blank: no article text found in the HTML"]


def test_a_folder_walk_reads_feeds_and_archives_beside_text(tmp_path):
    write(tmp_path, "a.txt", LONG_TEXT)
    write(tmp_path, "sitemap.xml", "<?xml version='1.0'?><urlset/>")  # no reader's: passed over
    write(tmp_path, "b.warc", _warc([("https://velmar.example/p", "200 OK", "text/html",
                                       article_html("P").encode())]))
    documents, failures = _split(read([tmp_path]))
    assert failures == [] and len(documents) == 2


def test_a_broken_warc_file_is_reported(tmp_path):
    path = write(tmp_path, "bad.warc", "Dear editor, this is a letter, not an archive.\n")
    failures = [i for i in read([path]) if isinstance(i, ReadFailure)]
    assert failures and "WARC" in failures[0].reason


def test_linkchart_ingest_takes_a_url_and_stores_what_it_reads(tmp_path, monkeypatch,
                                                               mini_config):
    """`linkchart ingest URL` end to end: a feed on the server, one item carried, one
    linked, one broken; exit code 1 for the broken one, the others stored."""
    import json

    from typer.testing import CliRunner

    from linkchart import cli
    from linkchart.resolve import resolve
    from linkchart.store import Store

    monkeypatch.setattr(cli, "_config",
                        lambda packs=None, max_chars=None, model=None: mini_config)
    db = tmp_path / "chart.db"
    with serving({"/story": ("text/html", article_html("Linked story"))}) as base:
        rss = _rss(base)
        with serving({"/feed": ("application/rss+xml", rss)}) as feed_base:
            result = CliRunner().invoke(cli.app, ["ingest", f"{feed_base}/feed", "--db",
                                                  str(db), "--json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["documents read"] == 4
    assert summary["stored"] == 2 and summary["failed"] == 2
    with Store.open(str(db), resolver=resolve) as store:
        assert {d["id"] for d in store.documents()} == {"courier-1", f"{base}/story"}


def test_without_following_links_a_summary_is_the_text(tmp_path):
    from linkchart.ingest import IngestOptions

    with serving({}) as base:
        feed = write(tmp_path, "courier.rss", _rss(base))
    documents, failures = _split(read([feed], IngestOptions(follow_links=False)))
    assert [d.text for d in documents[1:]] == ["The pier will close.", "Short."]
    assert [f.reason for f in failures] == ["item 4: no text and no link"]
