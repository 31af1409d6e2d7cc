"""The sample store copied for one test module, served, and a headless Chromium page on
it: what the browser tests over the real sample articles share.

Import the fixtures into a test module: `from sample_pages import chromium, origin, page,
store_path`."""

from __future__ import annotations

import sqlite3

import pytest

from live import browser, chromium_path, live_server


def skip_without_browser() -> None:
    """Skip the calling test module where Chromium or Playwright is missing."""
    if chromium_path() is None:
        pytest.skip("Chromium is not installed (make test installs it)", allow_module_level=True)
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


def download(page, href: str) -> bytes:
    """A file the page links to (an export), fetched from its server."""
    answer = page.request.get(page.origin + "/" + href.lstrip("/"))
    assert answer.ok, answer.status
    return answer.body()


@pytest.fixture(scope="module")
def store_path(sample_url, tmp_path_factory) -> str:
    """The sample store copied, so that saving workspaces leaves the shared one alone."""
    path = tmp_path_factory.mktemp("workspace") / "samples.db"
    with sqlite3.connect(sample_url) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return str(path)


@pytest.fixture(scope="module")
def origin(store_path):
    from linkchart.server.api import create_app

    with live_server(create_app(store_path)) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as launched:
        yield launched


@pytest.fixture
def page(chromium, origin):
    opened = chromium.new_page(viewport={"width": 1440, "height": 900})
    opened.set_default_timeout(60_000)
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("dialog", lambda dialog: dialog.dismiss())
    opened.origin = origin
    yield opened
    assert errors == []
    opened.close()


def open_chart(page, query: str):
    page.goto(f"{page.origin}/#/chart?{query}")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    page.locator("#chart-status", has_text="actors").wait_for()


def add_link_by_hand(page, source: str, kind: str, target: str, document: str,
                     passage: str) -> str:
    """A link added with the chart's "Add a link by hand" form; its id once it is drawn
    (a directed type's: `kind:source:target`)."""
    page.click("summary:has-text('Add a link by hand')")
    page.select_option("#hl-from", source)
    page.select_option("#hl-to", target)
    page.select_option("#hl-type", kind)
    page.fill("#hl-document", document)
    page.fill("#hl-evidence", passage)
    page.click("#hl-add")
    link = f"{kind}:{source}:{target}"
    page.wait_for_function(f"() => window.linkchart.cy.getElementById('{link}').nonempty()")
    return link
