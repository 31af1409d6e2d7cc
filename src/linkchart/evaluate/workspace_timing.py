"""How fast a saved workspace opens in the browser: `python -m linkchart.server.bench
--db STORE --workspace 100` (`linkchart.evaluate.http_timing` runs it).

Serves the store (`linkchart serve` in a new process), charts the most connected actor
with as many of its best-sourced neighbours as keep the chart at `actors` actors (the ends
of its event links count), lays it out
and saves it as a workspace in headless Chromium, then opens it from a fresh page, as an
analyst would the next morning, and times the click on its name until the chart is drawn
in its saved places (every actor placed, one frame painted). Needs Playwright and Chromium
(the test extra; Debian's /usr/bin/chromium).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage"]
CHROMIUM = "/usr/bin/chromium"
NAME = "bench: saved workspace"

OPEN_AND_DRAW = """async ([name, count]) => {
  const link = [...document.querySelectorAll('#ws-list .ws-open')].find((a) => a.textContent === name);
  const started = performance.now();
  link.click();
  const cy = () => window.linkchart.cy;
  const placed = () => cy().nodes().length === count && document.querySelector('#ws-name').value === name
    && !document.querySelector('#chart-status').textContent.startsWith('loading');
  while (!placed()) await new Promise((done) => requestAnimationFrame(done));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const took = performance.now() - started;
  const graph = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/graph?')).pop();
  return [took, graph ? graph.responseEnd - graph.requestStart : null];
}"""


def _serve(db: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from linkchart.cli import main; main()", "serve",
               "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    started = time.perf_counter()
    while True:
        if server.poll() is not None:
            raise SystemExit("linkchart serve stopped: "
                             + server.stderr.read().decode(errors="replace"))
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5).read()
            return server
        except OSError:
            if time.perf_counter() - started > 120:
                raise SystemExit("linkchart serve did not answer within 120 s") from None
            time.sleep(0.05)


def _actors(origin: str, query: dict[str, object]) -> int:
    with urllib.request.urlopen(f"{origin}/api/graph?{urlencode(query)}", timeout=300) as answer:
        return len(json.load(answer)["nodes"])


def _chart(origin: str, entity: str, actors: int) -> dict[str, object]:
    """The chart of `entity` expanded with the most neighbours (events' ends included)
    that keeps it at `actors` actors or fewer."""
    low, high = 1, actors - 1
    while low < high:
        middle = (low + high + 1) // 2
        if _actors(origin, {"entity": entity, "expand": entity, "limit": middle}) <= actors:
            low = middle
        else:
            high = middle - 1
    return {"entity": entity, "expand": entity, "limit": low}


def _save(page, origin: str, entity: str, actors: int) -> int:
    query = urlencode(_chart(origin, entity, actors))
    page.goto(f"{origin}/#/chart?{query}")
    page.locator("#chart-status", has_text="actors").wait_for(timeout=300_000)
    page.fill("#ws-name", NAME)
    page.click("#ws-save-new")
    page.locator("#ws-list li", has_text=NAME).first.wait_for()
    return page.evaluate("() => window.linkchart.cy.nodes().length")


def _open(chromium, origin: str, count: int) -> list[float]:
    """[ms from the click to the chart drawn, ms of them waiting for /api/graph]"""
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{origin}/#/chart")
    page.locator("#ws-list li", has_text=NAME).first.wait_for()
    took = page.evaluate(OPEN_AND_DRAW, [NAME, count])
    context.close()
    return took


def measure_workspace(db: str, entity: str, port: int, actors: int = 100,
                      repeat: int = 3) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    origin = f"http://127.0.0.1:{port}"
    server = _serve(db, port)
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            try:
                page = chromium.new_page(viewport={"width": 1440, "height": 900})
                count = _save(page, origin, entity, actors)
                page.close()
                times = [_open(chromium, origin, count) for _ in range(repeat)]
            finally:
                chromium.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    opens = [round(t) for t, _ in times]
    return {"db": db, "entity": entity, "actors": count, "first_open_ms": opens[0],
            "median_open_ms": round(statistics.median(opens)), "opens_ms": opens,
            "median_api_graph_ms": round(statistics.median(g for _, g in times if g)),
            "load_average": os.getloadavg()[0], "cpus": os.cpu_count()}
