"""Screenshots of each view of the web UI, for docs/screenshots/ (run by hand):

    .venv/bin/linkchart demo --db /tmp/demo.db
    .venv/bin/python tests/server/screenshots.py --db /tmp/demo.db --out docs/screenshots

Serves the store in-process, drives headless Chromium through a short analyst's session
(search, expand, an edge's evidence, the timeline, a document, review; grouped layouts,
bundled ties, an actor and a link added by hand, the framed PNG export, the printable report), and
writes one PNG per view.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from live import browser, live_server  # noqa: E402

EDGE = """(wanted) => {
  const cy = window.linkchart.cy;
  const edges = cy.edges(wanted);
  const edge = edges.max((e) => e.data('sources')).ele || edges[0];
  const box = document.getElementById('cy').getBoundingClientRect();
  const p = edge.renderedMidpoint();
  return {x: box.left + p.x, y: box.top + p.y};
}"""


TWO_APART = """() => {
  const cy = window.linkchart.cy;
  for (const a of [...cy.nodes('[?asked]'), ...cy.nodes('[!asked]')]) {
    const near = a.neighborhood('node');
    const far = cy.nodes().filter((n) => n.id() !== a.id() && !near.contains(n)
      && n.neighborhood('node').some((m) => near.contains(m)));
    if (far.nonempty()) return [a.id(), far[0].id()];
  }
  return null;
}"""


def analyst_views(page, out: Path) -> None:
    """The chart in its hierarchy layout, saved as a workspace, and a path found on it."""
    page.select_option("#c-layout-kind", "hierarchy")
    page.click("#c-fit")
    page.fill("#ws-name", "Chain of command")
    page.click("#ws-save")
    page.locator("#ws-list li", has_text="Chain of command").wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=out / "chart-hierarchy-workspace.png")
    page.select_option("#c-layout-kind", "force")
    page.click("summary:has-text('Paths')")
    ids = page.evaluate(TWO_APART)
    if ids:
        page.select_option("#p-from", ids[0])
        page.select_option("#p-to", ids[1])
        page.click("#p-find")
        page.wait_for_selector("#panel .panel-head")
        page.wait_for_timeout(600)
        page.screenshot(path=out / "chart-paths.png")


def grouped_and_bundled(page, out: Path) -> None:
    """The chart grouped by type and by cluster, its parallel ties bundled."""
    for by in ("type", "cluster"):
        page.select_option("#c-layout-kind", by)
        page.click("#c-fit")
        page.wait_for_timeout(400)
        page.screenshot(path=out / f"chart-grouped-{by}.png")
    page.select_option("#c-layout-kind", "force")
    page.click("#c-fit")
    page.wait_for_timeout(400)


def add_link_by_hand(page, origin: str, document: str) -> None:
    """A link from the actor added by hand to the first actor asked for, on the first
    sentence of `document`, then the actor's card again."""
    made = page.evaluate("() => window.linkchart.cy.nodes('[?hand_made]')[0].id()")
    other = page.evaluate("() => window.linkchart.cy.nodes('[?asked][!hand_made]')[0].id()")
    text = page.request.get(f"{origin}/api/documents/{document}").json()["text"]
    page.click("summary:has-text('Add a link by hand')")
    page.select_option("#hl-from", made)
    page.select_option("#hl-to", other)
    page.select_option("#hl-type", "opposes")
    page.fill("#hl-document", document)
    page.fill("#hl-evidence", text.split(".")[0].strip())
    page.click("#hl-add")
    page.wait_for_function("() => window.linkchart.cy.edges('[?hand_made]').nonempty()")
    page.evaluate("() => window.linkchart.cy.edges('[?hand_made]')[0].select().emit('tap')")
    page.locator("#panel .badge.hand-made").wait_for()


def hand_made_and_exports(page, origin: str, out: Path, document: str) -> None:
    """An actor and a link added by hand on the chart and the link's panel; the framed
    PNG; the report."""
    page.click("summary:has-text('Add an actor by hand')")
    page.fill("#h-name", "Harbour Monitoring Group")
    page.fill("#h-aliases", "HMG")
    page.click("#h-add")
    page.locator(".panel-head h2", has_text="Harbour Monitoring Group").wait_for()
    add_link_by_hand(page, origin, document)
    page.wait_for_timeout(600)
    page.screenshot(path=out / "chart-hand-made.png")
    with page.expect_download() as png:
        page.click("#x-png")
    png.value.save_as(out / "export-framed.png")
    page.goto(origin + "/" + page.get_attribute("#x-report", "href"))
    page.locator(".report .report-tie").first.wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=out / "report.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--actor", default="Qasem Soleimani")
    parser.add_argument("--more", nargs="*", default=["Houthis", "Popular Mobilization Forces"])
    parser.add_argument("--document", default="009_iraq-us-strike-kills-soleimani-muhandis")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from linkchart.config import database_url
    from linkchart.server.api import create_app

    with live_server(create_app(database_url(args.db))) as origin, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1440, "height": 900})
        page.goto(origin + "/")
        page.wait_for_selector("#home-connected li")
        page.fill("#home-search", args.actor.split()[-1])
        page.wait_for_selector("#home-results li[data-id]")
        page.screenshot(path=out / "home.png")

        page.keyboard.press("Enter")
        page.locator("#chart-status", has_text="actors").wait_for()
        for name in args.more:
            page.fill("#search", name)
            page.wait_for_selector("#search-results li[data-id]")
            page.keyboard.press("Enter")
            page.wait_for_timeout(800)
        page.click("#c-layout")
        page.wait_for_timeout(500)
        page.click("#c-fit")
        page.wait_for_timeout(400)
        first = page.evaluate("() => window.linkchart.cy.nodes('[?asked]')[0].id()")
        point = page.evaluate("""(id) => {
          const n = window.linkchart.cy.getElementById(id);
          const box = document.getElementById('cy').getBoundingClientRect();
          const p = n.renderedPosition();
          return {x: box.left + p.x, y: box.top + p.y}; }""", first)
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector(".panel-head h2")
        page.wait_for_timeout(300)
        page.screenshot(path=out / "chart-entity.png")

        point = page.evaluate(EDGE, "[kind = 'relation']")
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector(".panel-head .kind")
        page.wait_for_timeout(300)
        page.screenshot(path=out / "chart-evidence.png")

        analyst_views(page, out)
        grouped_and_bundled(page, out)
        chart = page.url
        hand_made_and_exports(page, origin, out, args.document)
        page.goto(chart)
        page.locator("#chart-status", has_text="actors").wait_for()

        page.goto(origin + "/#/timeline?scope=all")
        page.wait_for_selector(".events-table tbody tr")
        page.screenshot(path=out / "timeline.png")

        page.goto(f"{origin}/#/doc/{args.document}?hl=47-89")
        page.wait_for_selector("#doc-text .target")
        page.wait_for_timeout(300)
        page.screenshot(path=out / "document.png")

        page.goto(origin + "/#/review")
        page.wait_for_selector(".review-view table.grid tbody tr")
        page.wait_for_timeout(300)
        page.screenshot(path=out / "review.png")

        page.goto(origin + "/docs")
        page.wait_for_selector(".swagger-ui .opblock")
        page.screenshot(path=out / "api-docs.png")
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
