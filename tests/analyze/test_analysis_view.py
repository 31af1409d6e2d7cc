"""The Analysis view in headless Chromium: findings listed, a finding's evidence in the
panel, and its actors opened on the chart with its evidence in the chart's panel."""

from __future__ import annotations

import pytest

from server.live import browser, chromium_path, live_server

pytestmark = pytest.mark.browser

if chromium_path() is None:
    pytest.skip("Chromium is not installed (make test installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


@pytest.fixture(scope="module")
def origin(texts_db):
    from linkchart.server.api import create_app

    with live_server(create_app(texts_db)) as url:
        yield url


def test_findings_open_their_evidence_and_their_chart(origin):
    with browser() as chromium:
        page = chromium.new_page(viewport={"width": 1440, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(origin + "/#/analysis?kind=fronts")
        page.wait_for_selector(".findings .finding")
        listed = page.locator(".findings .finding").all_inner_texts()
        assert any("Sons of the Dunes" in text for text in listed)
        page.locator(".findings .finding", has_text="Sons of the Dunes").click()
        panel = page.locator(".analysis-panel")
        assert "The name is a front for" in panel.inner_text()
        assert panel.locator(".doc-link").count() >= 1

        page.click(".analysis-kinds a[data-kind=directives]")
        page.wait_for_selector(".findings .finding >> text=Faisal al-Marri")
        page.locator(".findings .finding", has_text="Faisal al-Marri").click()
        page.click(".analysis-panel .open-chart")
        page.locator("#chart-status", has_text="actors").wait_for()
        names = page.evaluate("() => window.linkchart.cy.nodes().map((n) => n.data('name'))")
        assert "Faisal al-Marri" in names
        page.locator("#panel .finding-detail").wait_for()
        assert "step up attacks" in page.inner_text("#panel")
        assert errors == []
        page.close()
