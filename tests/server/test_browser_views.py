"""The chart's views in headless Chromium over the real sample articles: exports of exactly
what is on screen, pictures with a frame, the printable report, bundled parallel ties,
grouped layouts and actors added by hand."""

from __future__ import annotations

import csv
import io
import json
import struct
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from datetime import UTC, datetime

import pytest

from sample_pages import (  # noqa: F401 (fixtures)
    chromium, download, open_chart, origin, page, skip_without_browser, store_path)

pytestmark = pytest.mark.browser

skip_without_browser()

CY = "window.linkchart.cy"
ON_SCREEN = f"""() => ({{
  nodes: {CY}.nodes().map((n) => n.id()).sort(),
  edges: {CY}.edges().filter((e) => e.data('kind') !== 'bundle').map((e) => e.id()).sort() }})"""
POSITIONS = f"""() => Object.fromEntries({CY}.nodes().map(
  (n) => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]]))"""
GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def hub(store_path) -> str:
    """The sample actor with the most ties (its chart has a dozen actors or more)."""
    from linkchart.store import Store

    with Store.open(store_path) as store:
        ends = Counter(end for tie in store.ties() for end in (tie["source"], tie["target"]))
    return ends.most_common(1)[0][0]


@pytest.fixture(scope="module")
def parallel(store_path) -> tuple[str, str, int]:
    """A chart (its query) where one pair of actors has several links, the pair, and how
    many links it has."""
    from linkchart.server.api import create_app
    from linkchart.store import Store
    from live import test_client

    with Store.open(store_path) as store:
        ranked = Counter(end for tie in store.ties(min_confidence=0)
                         for end in (tie["source"], tie["target"]))
    client = test_client(create_app(store_path))
    for actor, _ in ranked.most_common(15):
        query = f"entity={actor}&expand={actor}&min_confidence=0"
        edges = client.get(f"/api/graph?{query}").json()["edges"]
        pairs = Counter("|".join(sorted((e["source"], e["target"]))) for e in edges
                        if e["source"] != e["target"])
        if pairs and pairs.most_common(1)[0][1] >= 2:
            return (query, *pairs.most_common(1)[0])
    pytest.fail("no sample chart has two links between one pair of actors")


def test_the_view_exports_hold_exactly_the_actors_and_links_on_screen(page, hub):
    open_chart(page, f"entity={hub}&expand={hub}")
    shown = page.evaluate(ON_SCREEN)
    assert len(shown["nodes"]) >= 5

    gexf = ET.fromstring(download(page, page.get_attribute("#x-gexf", "href")))
    assert sorted(n.get("id") for n in gexf.iter(f"{GEXF}node")) == shown["nodes"]
    assert sorted(e.get("id") for e in gexf.iter(f"{GEXF}edge")) == shown["edges"]

    graphml = ET.fromstring(download(page, page.get_attribute("#x-graphml", "href")))
    assert sorted(n.get("id") for n in graphml.iter(f"{GRAPHML}node")) == shown["nodes"]

    with zipfile.ZipFile(io.BytesIO(download(page, page.get_attribute("#x-csv", "href")))) as z:
        nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode())))
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode())))
    assert sorted(n["Id"] for n in nodes) == shown["nodes"]
    assert sorted(e["Id"] for e in edges) == shown["edges"]

    view = json.loads(download(page, page.get_attribute("#x-json", "href")))
    assert view["format"] == "linkchart-view/1"
    assert sorted(n["id"] for n in view["nodes"]) == shown["nodes"]
    assert sorted(e["id"] for e in view["edges"]) == shown["edges"]
    assert all(e["evidence"] for e in view["edges"])


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_and_svg_carry_a_title_the_date_a_legend_and_the_sources(page, hub):
    open_chart(page, f"entity={hub}&expand={hub}")
    page.fill("#ws-name", "Who backs whom")
    with page.expect_download() as svg:
        page.click("#x-svg")
    picture = open(svg.value.path(), encoding="utf-8").read()
    root = ET.fromstring(picture)
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    today = datetime.now(UTC).date().isoformat()
    assert "Who backs whom" in texts
    assert any(t.startswith(today) for t in texts)
    types = set(page.evaluate(f"() => {CY}.nodes().map((n) => n.data('type'))"))
    assert {t.replace("_", " ") for t in types} <= set(texts)       # the legend
    outlets = {e["outlet"] for edge in json.loads(download(
        page, page.get_attribute("#x-json", "href")))["edges"] for e in edge["evidence"]}
    sources = " ".join(t for t in texts if t.startswith("Sources:") or "document" in t)
    assert outlets and all(outlet in sources for outlet in outlets if outlet)

    bare = page.evaluate(f"() => {CY}.png({{full: true, scale: 2, output: 'base64'}}).length")
    with page.expect_download() as png:
        page.click("#x-png")
    data = open(png.value.path(), "rb").read()
    width, height = _png_size(data)
    chart_height = page.evaluate(f"() => {CY}.elements().boundingBox().h")
    assert height > 2 * chart_height + 100 and width >= 2 * 720 and len(data) > bare // 4


def test_the_printable_report_holds_the_ties_with_quotes_and_saves_as_pdf(page, hub):
    open_chart(page, f"entity={hub}&expand={hub}")
    view = json.loads(download(page, page.get_attribute("#x-json", "href")))
    report = page.get_attribute("#x-report", "href")
    page.goto(page.origin + "/" + report)
    page.locator(".report h1").wait_for()
    ties = [e for e in view["edges"] if e["kind"] == "relation"]
    assert page.locator(".report .report-tie").count() == len(ties) > 0
    shown = page.inner_text(".report")
    for tie in ties:
        assert all(quote["text"] in shown for quote in tie["evidence"])
    assert page.locator(".report tr.report-actor").count() == len(view["nodes"])
    events = sum(len(e["evidence"]) for e in view["edges"] if e["kind"] == "event")
    assert page.locator(".report tr.report-event").count() == events
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_parallel_ties_are_bundled_with_a_count_and_open_on_a_click(page, parallel):
    query, pair, count = parallel
    open_chart(page, query)
    bundle = f"{CY}.getElementById('bundle:{pair}')"
    assert page.evaluate(f"() => {bundle}.data('label')") == f"{count} ties"
    assert page.evaluate(f"() => {bundle}.data('members').every((id) => "
                         f"{CY}.getElementById(id).hidden())")
    bundles = page.evaluate(f"() => {CY}.edges('[kind = \"bundle\"]').length")
    assert f"{bundles} bundles of parallel ties" in page.inner_text("#chart-status")
    page.evaluate(f"() => {bundle}.emit('tap')")
    page.wait_for_function(f"() => {bundle}.length === 0")
    members = page.evaluate(f"() => {CY}.edges().filter((e) => ['{pair}'].includes("
                            "[e.source().id(), e.target().id()].sort().join('|')))"
                            ".map((e) => e.visible())")
    assert members == [True] * count
    page.uncheck("#c-bundle")
    assert page.evaluate(f"() => {CY}.edges('[kind = \"bundle\"]').length") == 0
    page.check("#c-bundle")
    page.wait_for_function(f"() => {bundle}.length === 1")


def _patches(page) -> dict[str, list[float]]:
    """Each group's bounding box [x1, y1, x2, y2], by the group of its actors."""
    return page.evaluate(f"""(groups) => {{
      const boxes = {{}};
      {CY}.nodes().forEach((n) => {{
        const key = groups[n.id()]; const p = n.position();
        const b = boxes[key] || [p.x, p.y, p.x, p.y];
        boxes[key] = [Math.min(b[0], p.x), Math.min(b[1], p.y), Math.max(b[2], p.x), Math.max(b[3], p.y)];
      }});
      return boxes; }}""", page.evaluate("() => window.linkchartGroups"))


@pytest.mark.parametrize("by", ["type", "cluster"])
def test_grouping_puts_each_group_in_a_patch_of_its_own(page, hub, by):
    open_chart(page, f"entity={hub}&expand={hub}&min_confidence=0")
    page.select_option("#c-layout-kind", by)
    groups = page.evaluate(f"""async () => {{
      const layouts = await import('/static/js/layouts.js');
      const found = {{}};
      if ('{by}' === 'type') {CY}.nodes().forEach((n) => {{ found[n.id()] = n.data('type'); }});
      else layouts.clusters({CY}).forEach((label, id) => {{ found[id] = label; }});
      window.linkchartGroups = found;
      return found; }}""")
    assert len(set(groups.values())) >= 2
    sizes = Counter(groups.values())
    assert page.locator(".group-label").count() == sum(n > 1 for n in sizes.values())
    boxes = list(_patches(page).values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
            assert apart, (a, b)
    first = page.evaluate(POSITIONS)
    page.click("#c-layout")
    assert page.evaluate(POSITIONS) == first


def test_an_actor_added_by_hand_is_marked_on_the_chart_the_card_and_the_exports(page, hub):
    page.goto(page.origin + "/")
    page.evaluate("localStorage.setItem('linkchart.reviewer', 'ana')")
    open_chart(page, f"entity={hub}")
    page.click("summary:has-text('Add an actor by hand')")
    page.fill("#h-name", "Quay Observers Network")
    page.select_option("#h-type", "organization")
    page.fill("#h-aliases", "QON")
    page.click("#h-add")
    page.locator(".panel-head h2", has_text="Quay Observers Network").wait_for()
    assert "added by hand by ana" in page.inner_text("#panel .hand-made")
    made = page.evaluate(f"() => {CY}.nodes('[?hand_made]').map((n) => [n.id(), n.data('label')])")
    assert len(made) == 1 and made[0][1] == "Quay Observers Network ✎"
    actor = made[0][0]
    assert page.evaluate(f"() => {CY}.getElementById('{actor}').style('border-style')") == "dashed"
    view = json.loads(download(page, page.get_attribute("#x-json", "href")))
    assert [n["id"] for n in view["nodes"] if n["hand_made"]] == [actor]
    gexf = ET.fromstring(download(page, page.get_attribute("#x-gexf", "href")))
    flags = {n.get("id"): {v.get("for"): v.get("value") for v in n.iter(f"{GEXF}attvalue")}
             for n in gexf.iter(f"{GEXF}node")}
    assert flags[actor]["hand_made"] == "true" and flags[hub]["hand_made"] == "false"
    page.fill("#h-name", "Quay Observers Network")
    page.click("#h-add")
    page.locator("#toast", has_text="already in the store").wait_for()
