"""Only http and https URLs from article metadata become links in the document view
(issue 18, case 6): a javascript: or data: URL stays text, whatever the CSP does."""

from __future__ import annotations

import pytest

from live import browser, chromium_path, live_server

pytestmark = pytest.mark.browser

if chromium_path() is None:
    pytest.skip("Chromium is not installed (make test installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

URLS = {"js": "javascript:alert(document.domain)", "data": "data:text/html,<b>x</b>",
        "spaced": " JavaScript:alert(1)", "web": "https://news.example.org/port?id=1"}


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    from linkchart.model import DocExtraction, Document
    from linkchart.server.api import create_app
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = str(tmp_path_factory.mktemp("links") / "links.db")
    with Store.open(path, resolver=resolve) as store:
        store.add_extractions([DocExtraction(Document(
            name, f"The harbour of Port Selin reopened ({name}).", title=f"Harbour {name}",
            url=url)) for name, url in URLS.items()])
    with live_server(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def page(origin):
    with browser() as chromium:
        opened = chromium.new_page()
        opened.set_default_timeout(60_000)
        yield opened


def _document(page, origin, doc_id: str):
    page.goto(f"{origin}/#/doc/{doc_id}")
    page.locator("#doc-title", has_text=f"Harbour {doc_id}").wait_for()
    return page.locator(".doc header .meta")


@pytest.mark.parametrize("doc_id", ["js", "data", "spaced"])
def test_a_url_that_is_not_http_stays_text(page, origin, doc_id):
    meta = _document(page, origin, doc_id)
    assert URLS[doc_id].strip() in meta.inner_text()
    assert meta.locator("a").count() == 0


def test_a_web_url_is_a_link(page, origin):
    link = _document(page, origin, "web").locator("a")
    assert link.get_attribute("href") == URLS["web"]
    assert link.get_attribute("rel") == "noopener noreferrer"
