"""Workspaces, notes and layouts in headless Chromium, over a copy of the sample store."""

from __future__ import annotations

import pytest

from sample_pages import (  # noqa: F401 (fixtures)
    chromium, open_chart, origin, page, skip_without_browser, store_path)

pytestmark = pytest.mark.browser

skip_without_browser()

POSITIONS = """() => Object.fromEntries(window.linkchart.cy.nodes().map(
  (n) => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]]))"""
NODE_POINT = """(id) => {
  const cy = window.linkchart.cy;
  const box = document.getElementById('cy').getBoundingClientRect();
  const p = cy.getElementById(id).renderedPosition();
  return {x: box.left + p.x, y: box.top + p.y};
}"""
HIERARCHY_TYPES = ("supports", "leads", "controls")


@pytest.fixture(scope="module")
def principal(store_path) -> tuple[str, str]:
    """A leads/controls/supports link of the samples: (principal, agent)."""
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(store_path, resolver=resolve) as store:
        found = [r for r in store.relations(types=list(HIERARCHY_TYPES)) if not r["negated"]]
    assert found, "the samples hold no link of command or support"
    return found[0]["source"], found[0]["target"]


def test_a_saved_workspace_reopens_with_the_same_positions(page, principal):
    page.goto(page.origin + "/")
    page.evaluate("localStorage.setItem('linkchart.reviewer', 'ana')")
    boss, _ = principal
    open_chart(page, f"entity={boss}&expand={boss}")
    start = page.evaluate(NODE_POINT, boss)     # an analyst drags an actor aside
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    page.mouse.move(start["x"] + 90, start["y"] + 70, steps=5)
    page.mouse.up()
    saved = page.evaluate(POSITIONS)
    page.fill("#ws-name", "Chain of command")
    page.click("#ws-save")
    page.locator("#ws-list li", has_text="Chain of command").wait_for()
    assert "ana" in page.inner_text("#ws-list li:has-text('Chain of command') .meta")

    page.goto(page.origin + "/")                   # a fresh page, nothing drawn
    page.reload()
    page.wait_for_selector("body[data-ready=true]", state="attached")
    page.goto(page.origin + "/#/chart")
    page.locator("#ws-list li", has_text="Chain of command").wait_for()
    page.click("#ws-list li:has-text('Chain of command') .ws-open")
    page.locator("#chart-status", has_text="actors").wait_for()
    page.wait_for_function("(n) => window.linkchart.cy.nodes().length === n", arg=len(saved))
    assert page.evaluate(POSITIONS) == saved
    assert page.input_value("#ws-name") == "Chain of command"

    page.click("#ws-list li:has-text('Chain of command') .ws-copy")
    page.locator("#ws-list li", has_text="Chain of command (copy)").wait_for()
    page.click("#ws-list li:has-text('Chain of command (copy)') .ws-delete")
    page.locator("#ws-list li", has_text="(copy)").wait_for(state="detached")


def test_the_force_layout_is_the_same_every_time(page, principal):
    boss, _ = principal
    open_chart(page, f"entity={boss}&expand={boss}")
    first = page.evaluate(POSITIONS)
    page.click("#c-layout")
    assert page.evaluate(POSITIONS) == first
    page.reload()
    page.wait_for_selector("body[data-ready=true]", state="attached")
    page.locator("#chart-status", has_text="actors").wait_for()
    assert page.evaluate(POSITIONS) == first


def test_the_hierarchy_puts_a_principal_above_its_agent(page, principal):
    boss, agent = principal
    open_chart(page, f"entity={boss}&expand={boss}&entity={agent}")
    page.select_option("#c-layout-kind", "hierarchy")
    at = page.evaluate(POSITIONS)
    assert at[boss][1] < at[agent][1]
    page.select_option("#c-layout-kind", "concentric")
    page.evaluate(f"window.linkchart.cy.getElementById('{boss}').select()")
    page.click("#c-layout")
    at = page.evaluate(POSITIONS)
    centre = at[boss]
    rings = {n: ((x - centre[0]) ** 2 + (y - centre[1]) ** 2) ** 0.5 for n, (x, y) in at.items()}
    assert rings[boss] == 0 and min(d for n, d in rings.items() if n != boss) > 0


def test_the_hierarchy_wraps_actors_outside_every_chain_into_short_rows(page):
    page.goto(page.origin + "/#/chart")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    rows = page.evaluate("""async () => {
      const { runLayout } = await import('/static/js/layouts.js');
      const loose = Array.from({length: 20}, (_, i) => ({data: {id: `L${i}`, name: `Loose ${i}`}}));
      const cy = window.cytoscape({headless: true, elements: [
        {data: {id: 'B', name: 'Boss'}}, {data: {id: 'A', name: 'Agent'}},
        {data: {id: 'BA', source: 'B', target: 'A', type: 'leads', kind: 'relation'}}, ...loose]});
      runLayout(cy, 'hierarchy', false);
      const rows = {};
      cy.nodes().forEach((n) => { rows[n.position('y')] = (rows[n.position('y')] || 0) + 1; });
      return Object.entries(rows).map(([y, n]) => [Number(y), n]).sort((a, b) => a[0] - b[0]); }""")
    assert [n for _, n in rows] == [1, 1, 6, 6, 6, 2]


def test_edge_labels_show_when_zoomed_in(page, principal):
    boss, _ = principal
    open_chart(page, f"entity={boss}&expand={boss}")
    cy = "window.linkchart.cy"
    page.evaluate(f"{cy}.zoom(0.5)")  # labels follow the zoom event: wait, do not race it
    page.wait_for_function(f"() => {cy}.edges('.labelled').length === 0")
    page.evaluate(f"{cy}.zoom(1.5)")
    page.wait_for_function(f"() => {cy}.edges().length > 0 && "
                           f"{cy}.edges('.labelled').length === {cy}.edges().length")


def test_a_note_on_an_actor_is_kept(page, principal):
    boss, _ = principal
    open_chart(page, f"entity={boss}&expand={boss}")
    page.locator(".panel-head .id", has_text=boss).wait_for()
    page.fill("#panel .notes-section textarea", "Check who pays for this")
    page.click("#panel .add-note")
    page.locator("#panel .notes li", has_text="Check who pays for this").wait_for()
    page.reload()
    page.wait_for_selector("body[data-ready=true]", state="attached")
    page.locator(".panel-head .id", has_text=boss).wait_for()
    page.locator("#panel .notes li", has_text="Check who pays for this").wait_for()


@pytest.fixture(scope="module")
def two_hops(store_path) -> tuple[str, str, str]:
    """Two actors of the samples two ties apart, and one between them."""
    from linkchart.resolve import resolve
    from linkchart.store import Store

    def near(store, actor):
        return {end for t in store.ties([actor], min_confidence=0) if not t["negated"]
                for end in (t["source"], t["target"])} - {actor}

    with Store.open(store_path, resolver=resolve) as store:
        for tie in store.ties(min_confidence=0):
            start = tie["source"]
            for middle in sorted(near(store, start)):
                far = sorted(near(store, middle) - near(store, start) - {start})
                if far:
                    return start, middle, far[0]
    pytest.fail("the samples hold no two actors two ties apart")


def test_a_path_two_hops_long_is_drawn_with_its_links(page, two_hops):
    start, middle, end = two_hops
    open_chart(page, f"entity={start}&entity={end}&min_confidence=0")
    assert page.evaluate(f"window.linkchart.cy.getElementById('{middle}').length") == 0
    page.click("summary:has-text('Paths')")
    page.select_option("#p-from", start)
    page.select_option("#p-to", end)
    page.select_option("#p-max", "2")
    page.click("#p-find")
    page.locator("#panel .path").first.wait_for()
    page.wait_for_function("() => window.linkchart.cy.edges('.path').length >= 2")
    drawn = page.evaluate("() => window.linkchart.cy.edges('.path').connectedNodes().map(n => n.id())")
    assert {start, end} <= set(drawn) and len(drawn) >= 3
    assert page.locator("#panel .path").first.locator(".path-link").count() == 2
    page.locator("#panel .path-link a").first.click()
    page.locator("#panel .evidence").first.wait_for()


def test_the_timeline_axis_leaves_out_an_early_outlier(page):
    page.goto(page.origin + "/#/timeline?scope=all")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    axis = page.evaluate("""async () => {
      const { axisRange } = await import('/static/js/axis.js');
      const years = [1890.5, ...Array.from({length: 40}, (_, i) => 2019 + i / 10)];
      return [axisRange(years), axisRange(years, true)];
    }""")
    assert axis[0]["low"] >= 2019 and axis[0]["before"] == 1
    assert axis[1]["low"] == 1890 and axis[1]["before"] == 0
    page.locator("#t-axis").click()
    page.wait_for_url("**axis=full**")
    page.locator("#t-axis", has_text="Leave out outliers").wait_for()  # drawn again


def test_panels_fold_away_for_the_chart(chromium, origin, principal):
    small = chromium.new_page(viewport={"width": 1280, "height": 720})
    try:
        boss, _ = principal
        small.goto(f"{origin}/#/chart?entity={boss}&expand={boss}")
        small.locator("#chart-status", has_text="actors").wait_for()
        narrow = small.evaluate("window.linkchart.cy.width()")
        small.click("#fold-filters")
        small.click("#fold-panel")
        small.wait_for_function("(w) => window.linkchart.cy.width() > w + 500", arg=narrow)
        assert small.evaluate("window.linkchart.cy.width()") >= 1200
        off = small.evaluate("""() => { const cy = window.linkchart.cy;
          const box = cy.elements().renderedBoundingBox();
          return Math.abs((box.x1 + box.x2) / 2 - cy.width() / 2) / cy.width(); }""")
        assert off < 0.1                                  # the drawing moved to the middle
        small.reload()                                    # the choice is kept
        small.locator("#chart-status", has_text="actors").wait_for()
        assert not small.is_visible("#panel")
        small.click("#fold-panel")
        small.click("#fold-filters")
        assert small.is_visible("#panel")
    finally:
        small.close()


def test_search_snippets_mark_the_hit(page):
    page.goto(page.origin + "/#/documents?q=Soleimani")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    hit = page.locator(".doc-list .snippet mark.hit").first
    hit.wait_for()
    assert hit.inner_text().lower() == "soleimani"


def test_the_timeline_filters_by_an_actor(page, principal):
    boss, _ = principal
    page.goto(page.origin + "/#/timeline?scope=all")
    page.wait_for_selector(".events-table tbody tr")
    every = page.locator(".events-table tbody tr").count()
    name = page.evaluate(f"fetch('/api/entities/{boss}').then((r) => r.json()).then((e) => e.name)")
    page.fill("#t-actor", name)
    page.wait_for_selector(f".dropdown li[data-id='{boss}']")
    page.click(f".dropdown li[data-id='{boss}']")
    page.wait_for_url(f"**entity={boss}**")
    page.locator(".scope button.on", has_text="1 chosen actor").wait_for()
    page.wait_for_selector(".events-table tbody tr")
    rows = page.locator(".events-table tbody tr")
    assert 0 < rows.count() <= every
    assert all(name in text for text in rows.all_inner_texts())


def test_the_map_shows_event_places_for_a_period(page):
    page.goto(page.origin + "/#/map?scope=all")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    page.wait_for_selector(".world .land path")
    page.wait_for_selector(".world .place-mark")
    every = page.locator(".world .place-mark").count()
    assert every >= 2
    dated = page.evaluate("""() => fetch('/api/map').then((r) => r.json()).then((m) =>
      m.places.map((p) => p.events.map((e) => Number(String(e.date).slice(0, 4)))).flat())""")
    last = max(dated)
    page.evaluate(f"""() => {{ const input = document.getElementById('m-from');
      input.value = '{last}'; input.dispatchEvent(new Event('input')); }}""")
    marks = page.locator(".world .place-mark")
    assert 1 <= marks.count() < every
    assert page.inner_text(".period-label") == f"{last}–{last}"
    marks.first.dispatch_event("click")
    page.wait_for_selector(".map-card .map-events li")
    assert str(last) in page.inner_text(".map-card .map-events")
