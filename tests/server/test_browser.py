"""The web UI in headless Chromium (Debian's), driven by Playwright, over the sample corpus.

One server and one browser for the module; each test opens its own page and records every
request the page makes.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from live import browser, chromium_path, live_server, test_client

_client = test_client

pytestmark = pytest.mark.browser

if chromium_path() is None:
    pytest.skip("Chromium is not installed (make test installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

EDGE_POINT = """(filter) => {
  const cy = window.linkchart.cy;
  const edge = cy.edges(filter)[0];
  if (!edge) return null;
  const box = document.getElementById('cy').getBoundingClientRect();
  const p = edge.renderedMidpoint();
  return {x: box.left + p.x, y: box.top + p.y, id: edge.id()};
}"""
NODE_POINT = """(id) => {
  const cy = window.linkchart.cy;
  const node = cy.getElementById(id);
  const box = document.getElementById('cy').getBoundingClientRect();
  const p = node.renderedPosition();
  return {x: box.left + p.x, y: box.top + p.y};
}"""
COUNTS = ("() => ({nodes: window.linkchart.cy.nodes().length, "
          "edges: window.linkchart.cy.edges().length})")


@pytest.fixture(scope="module")
def app(sample_url):
    from linkchart.server.api import create_app

    return create_app(sample_url)


@pytest.fixture(scope="module")
def origin(app):
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as launched:
        yield launched


class Tab:
    """A page that remembers its requests, dialogs and script errors."""

    def __init__(self, chromium, origin):
        self.origin = origin
        self.page = chromium.new_page(viewport={"width": 1440, "height": 900})
        self.page.set_default_timeout(60_000)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str):
        self.page.goto(self.origin + path)
        self.page.wait_for_selector("body[data-ready=true]", state="attached")
        return self.page

    def chart_ready(self):
        self.page.locator("#chart-status", has_text="actors").wait_for()

    def foreign(self) -> list[str]:
        return [url for url in self.requests
                if not (url.startswith(self.origin + "/") or url.startswith("data:")
                        or url.startswith("blob:" + self.origin))]


@pytest.fixture
def tab(chromium, origin):
    opened = Tab(chromium, origin)
    yield opened
    assert opened.errors == []
    opened.page.close()


def hash_params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).fragment.partition("?")[2])


def test_search_expand_and_open_an_edges_evidence(tab):
    page = tab.open("/")
    page.fill("#home-search", "Soleimani")
    page.wait_for_selector("#home-results li[data-id]")
    assert "Qasem Soleimani" in page.inner_text("#home-results")
    page.keyboard.press("Enter")
    tab.chart_ready()
    chosen = hash_params(page)["expand"][0]
    assert page.inner_text(".panel-head h2") == "Qasem Soleimani"
    counts = page.evaluate(COUNTS)
    assert counts["nodes"] >= 3 and counts["edges"] >= 2

    neighbour = page.evaluate(
        "(id) => window.linkchart.cy.getElementById(id).neighborhood('node')[0].id()", chosen)
    point = page.evaluate(NODE_POINT, neighbour)
    page.mouse.click(point["x"], point["y"])
    page.locator(".panel-head .id", has_text=neighbour).wait_for()
    page.click("#panel button:has-text('Expand neighbours')")
    page.wait_for_url(re.compile(f"expand={neighbour}"))
    tab.chart_ready()
    assert set(hash_params(page)["expand"]) == {chosen, neighbour}

    point = page.evaluate(EDGE_POINT, "[kind = 'relation']")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector(".panel-head .kind")
    assert page.inner_text(".panel-head .kind") == "RELATION"
    quote = page.inner_text("#panel .evidence blockquote >> nth=0")
    meta = page.inner_text("#panel .evidence .meta >> nth=0")
    assert quote and "open document" in meta
    assert re.search(r"\d{4}-\d{2}-\d{2}", meta)
    page.click("#panel .evidence .doc-link >> nth=0")
    page.wait_for_selector("#doc-text .target")
    assert page.inner_text("#doc-text .target >> nth=0") in quote
    assert tab.foreign() == []


def test_a_card_says_how_much_of_a_long_list_it_shows(tab):
    """A card lists at most `limit` ties, events, statements and documents (here one
    each, as for a hub with thousands) and says how many there are in all."""
    card = re.compile(r"/api/entities/E\d+$")
    tab.page.route(card, lambda route: route.continue_(url=route.request.url + "?limit=1"))
    page = tab.open("/")
    page.fill("#home-search", "Soleimani")
    page.wait_for_selector("#home-results li[data-id]")
    page.keyboard.press("Enter")
    tab.chart_ready()
    page.locator("#panel .capped", has_text="ties").wait_for()
    ties = page.locator("#panel .panel-section", has=page.locator("h3", has_text="Ties"))
    total = int(ties.locator("h3 .count").inner_text())
    assert total >= 2
    assert ties.locator("li.tie").count() == 1
    assert ties.locator(".capped").inner_text() == \
        f"showing 1 of {total} ties, the best sourced first"
    for note in page.locator("#panel .capped").all_inner_texts():
        assert re.fullmatch(r"showing 1 of \d+ \w+, the (best sourced|oldest) first", note)


def test_filter_by_date(tab, app):
    api = _client(app)
    top = [e["id"] for e in api.get("/api/overview").json()["most_connected"]]
    dated = None
    for entity in top:
        edges = api.get("/api/graph", params={"entity": entity, "expand": entity}).json()["edges"]
        years = sorted({(e.get("first_date") or "")[:4] for e in edges} - {""})
        if len(years) >= 2:
            dated = entity, years
            break
    entity = dated[0] if dated else top[0]
    page = tab.open(f"/#/chart?entity={entity}&expand={entity}")
    tab.chart_ready()
    before = page.evaluate(COUNTS)
    assert before["edges"] >= 1

    page.fill("#f-date-from", "2100")
    page.click("#f-date-apply")
    page.wait_for_url(re.compile("date_from=2100"))
    tab.chart_ready()
    assert page.evaluate(COUNTS) == {"nodes": 1, "edges": 0}
    assert "filters on" in page.inner_text("#chart-status")

    page.fill("#f-date-from", "not a date")
    page.click("#f-date-apply")
    assert "invalid" in page.get_attribute("#f-date-from", "class")

    if dated:
        first = dated[1][0]
        page.fill("#f-date-from", "")
        page.fill("#f-date-to", first)
        page.click("#f-date-apply")
        page.wait_for_url(re.compile(f"date_to={first}"))
        tab.chart_ready()
        expected = api.get("/api/graph", params={"entity": entity, "expand": entity,
                                                 "date_to": first}).json()
        # the status line still says "actors" from the last chart: wait for the new one
        page.wait_for_function(f"() => ({COUNTS})().edges === {len(expected['edges'])}")
        after = page.evaluate(COUNTS)
        assert 0 < after["edges"] < before["edges"]
        assert after["edges"] == len(expected["edges"])
    assert tab.foreign() == []


def test_entity_type_filter_and_exports(tab):
    page = tab.open("/#/chart")
    page.fill("#search", "Soleimani")
    page.wait_for_selector("#search-results li[data-id]")
    page.keyboard.press("Enter")
    tab.chart_ready()
    page.uncheck("#f-entity-types input[value=armed_group]")
    page.wait_for_url(re.compile("entity_type="))
    tab.chart_ready()
    types = page.evaluate("() => window.linkchart.cy.nodes().map((n) => n.data('type'))")
    assert "armed_group" not in types[1:]
    gexf = page.get_attribute("#x-gexf", "href")
    assert gexf.startswith("/api/export?") and "format=gexf" in gexf and "entity_type=" in gexf
    with page.expect_download() as svg:
        page.click("#x-svg")
    assert svg.value.suggested_filename == "linkchart.svg"
    with page.expect_download() as png:
        page.click("#x-png")
    assert png.value.suggested_filename == "linkchart.png"
    assert tab.foreign() == []


def test_timeline(tab, app):
    total = _client(app).get("/api/events").json()["total"]
    page = tab.open("/#/timeline?scope=all")
    page.wait_for_selector(".events-table tbody tr")
    assert page.locator(".events-table tbody tr").count() == min(total, 2000)
    assert page.locator(".strip circle").count() >= 1
    first = page.locator(".events-table tbody tr").first
    assert re.search(r"ASSAULT|SANCTION|CONSULT|AGREE|[A-Z]{4,}", first.inner_text())
    page.locator(".chips .chip", has_text="ASSAULT").click()
    page.wait_for_url(re.compile("event_type=ASSAULT"))
    page.wait_for_selector(".events-table tbody tr")
    rows = page.locator(".events-table tbody tr")
    assert all("ASSAULT" in rows.nth(i).inner_text() for i in range(rows.count()))
    assert tab.foreign() == []


def test_article_markup_renders_as_text(tab):
    page = tab.open("/#/doc/xss-article")
    page.wait_for_selector("#doc-text")
    body = page.inner_text("#doc-text")
    assert "<script>alert(1)</script>" in body
    assert "<b>bold</b>" in body
    assert '<img src="http://example.com/pixel.png" onerror="alert(2)">' in body
    assert page.locator("#doc-text b, #doc-text script, #doc-text img").count() == 0
    assert "<script>" in page.inner_text("#doc-title")
    assert "<i>Service</i>" in page.inner_text(".doc header .meta")
    page.wait_for_timeout(300)
    assert tab.dialogs == []
    assert tab.foreign() == []


def test_no_request_leaves_the_origin(tab):
    page = tab.open("/")
    page.wait_for_selector("#home-connected li")
    page.click("#home-connected li a >> nth=0")
    tab.chart_ready()
    page.wait_for_selector(".panel-head h2")
    for path in ("/#/timeline?scope=all", "/#/documents", "/#/review"):
        tab.open(path)
        page.wait_for_timeout(200)
    page.goto(tab.origin + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert len(tab.requests) > 10
    assert tab.foreign() == []


def test_a_token_guards_the_page_and_the_api(chromium, sample_url):
    from linkchart.server.api import create_app

    with live_server(create_app(sample_url, token="s3cret-token")) as guarded:
        page = chromium.new_page()
        try:
            assert page.goto(guarded + "/").status == 401
            assert page.goto(guarded + "/api/health").status == 401
            page.goto(guarded + "/?token=s3cret-token")
            assert page.url == guarded + "/"
            page.wait_for_selector("#home-connected li")
            page.click("#home-connected li a >> nth=0")
            page.locator("#chart-status", has_text="actors").wait_for()
        finally:
            page.close()


def test_review_actions_from_the_evidence_panel(chromium, tmp_path):
    from chart_fixture import chart
    from linkchart.server.api import create_app
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(str(tmp_path / "review.db"), resolver=resolve) as store:
        store.add_extractions(chart())
        ids = {e["name"]: e["id"] for e in store.entities(limit=50)}
    app = create_app(str(tmp_path / "review.db"))
    nsb, dace = ids["Northern Shield Brigade"], ids["Mira Dace"]
    with live_server(app) as guarded:
        tab = Tab(chromium, guarded)
        page = tab.open(f"/#/chart?entity={nsb}&expand={nsb}&entity={dace}")
        tab.chart_ready()
        point = page.evaluate(NODE_POINT, nsb)
        page.mouse.click(point["x"], point["y"])
        page.locator(".panel-head h2", has_text="Northern Shield Brigade").wait_for()
        page.fill(".merge input >> nth=0", "Mira")
        page.wait_for_selector(".merge .dropdown li[data-id]")
        page.keyboard.press("Enter")
        page.click(".merge .confirm button")
        page.click(".merge .confirm button:has-text('Confirm')")
        page.locator("#toast", has_text="merged").wait_for()
        page.locator("#chart-status", has_text="actors").wait_for()
        judged = test_client(app).get("/api/judgements").json()
        assert [j["kind"] for j in judged] == ["merge"] and judged[0]["status"] == "applied"
        assert judged[0]["author"] == "web"
        page.wait_for_timeout(500)
        assert page.evaluate("(id) => window.linkchart.cy.getElementById(id).length", dace) == 0
        tab.open("/#/review")
        page.locator("table.grid td", has_text="merge").first.wait_for()
        assert tab.errors == [] and tab.foreign() == []
        page.close()


def test_review_queue_from_the_sample_corpus(tab, app):
    open_before = len(test_client(app).get("/api/review").json())
    page = tab.open("/#/review")
    page.wait_for_selector(".review-view table.grid tbody tr")
    if not open_before:
        assert "nothing to review" in page.inner_text(".review-view table.grid >> nth=0")
        return
    page.click(".review-view td.decide button:has-text('Skip') >> nth=0")
    page.locator("#toast", has_text="skip").wait_for()
    assert len(test_client(app).get("/api/review").json()) == open_before - 1
    assert tab.foreign() == []


def test_a_cards_tie_fetches_the_quotes_it_was_not_sent(tab, app, monkeypatch):
    """A card sends each tie's first few quotes; "show more" fetches the rest."""
    from linkchart.store import read_card

    monkeypatch.setattr(read_card, "CARD_QUOTES", 1)
    api = _client(app)
    found = None
    for entity in api.get("/api/overview").json()["most_connected"]:
        ties = api.get(f"/api/entities/{entity['id']}").json()["relations"]
        quoted = [t for t in ties if t["evidence_total"] >= 2]
        if quoted:
            found = entity, ties.index(quoted[0]), quoted[0]["evidence_total"]
            break
    assert found, "the sample corpus has a tie quoted twice"
    entity, position, total = found
    page = tab.open("/")
    page.fill("#home-search", entity["name"])
    page.wait_for_selector("#home-results li[data-id]")
    page.keyboard.press("Enter")
    tab.chart_ready()
    tie = page.locator("#panel li.tie").nth(position)
    tie.locator(".evidence").first.wait_for()  # the card may arrive after the chart
    assert tie.locator(".evidence").count() == 1
    tie.locator("button", has_text=f"show {total - 1} more").click()
    page.wait_for_function(
        "([i, n]) => document.querySelectorAll('#panel li.tie')[i]"
        ".querySelectorAll('.evidence').length === n", arg=[position, total])
    assert tab.foreign() == []


def test_lowering_the_confidence_threshold_shows_more_ties(tab, app):
    api = _client(app)
    top = [e["id"] for e in api.get("/api/overview").json()["most_connected"]]

    def ties(entity, **extra):
        params = {"entity": entity, "expand": entity, "events": "false", **extra}
        return [e for e in api.get("/api/graph", params=params).json()["edges"]
                if e["kind"] == "relation"]

    entity = next((e for e in top if len(ties(e, min_confidence=0)) > len(ties(e))), None)
    assert entity is not None, "no tie of the sample falls below the default threshold"
    page = tab.open(f"/#/chart?entity={entity}&expand={entity}&events=false")
    tab.chart_ready()
    relations = "() => window.linkchart.cy.edges(\"[kind = 'relation']\").length"
    default = page.evaluate(relations)
    assert default == len(ties(entity))
    from linkchart.model import DEFAULT_CONFIDENCE
    assert page.input_value("#f-min-confidence") == str(DEFAULT_CONFIDENCE)

    page.select_option("#f-min-confidence", "0")
    page.wait_for_url(re.compile("min_confidence=0"))
    tab.chart_ready()
    page.wait_for_function(f"() => ({relations})() > {default}")
    assert page.evaluate(relations) == len(ties(entity, min_confidence=0))

    point = page.evaluate(EDGE_POINT, "[kind = 'relation']")
    page.mouse.click(point["x"], point["y"])
    badge = page.locator("#panel .badge.confidence")
    badge.wait_for()
    assert re.fullmatch(r"confidence [01]\.\d\d", badge.inner_text())
    assert tab.foreign() == []
