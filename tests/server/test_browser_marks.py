"""What the chart marks, in headless Chromium over the real sample articles: a link added
by hand (the form, the chart's outline and ✎, its panel, the exports, the legend and the
report), relation colours and words taken from the catalogue the API serves, and the
names of a grouped layout's groups in the exported pictures."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from linkchart.catalogue import RELATIONS
from sample_pages import (  # noqa: F401 (fixtures)
    add_link_by_hand, chromium, download, open_chart, origin, page, skip_without_browser,
    store_path)

pytestmark = pytest.mark.browser

skip_without_browser()

CY = "window.linkchart.cy"
SVG = "{http://www.w3.org/2000/svg}"
GEXF = "{http://gexf.net/1.3}"


def _svg(page) -> ET.Element:
    with page.expect_download() as svg:
        page.click("#x-svg")
    return ET.fromstring(open(svg.value.path(), encoding="utf-8").read())


def _rgb(colour: str) -> str:
    colour = colour.lstrip("#")
    return "rgb({},{},{})".format(*(int(colour[i:i + 2], 16) for i in (0, 2, 4)))


@pytest.fixture(scope="module")
def untied(store_path) -> tuple[str, str, str, str]:
    """Two actors of the samples with no tie between them, a document and a sentence of
    it: what a link added by hand needs."""
    from linkchart.store import Store

    with Store.open(store_path) as store:
        ties = store.ties(min_confidence=0)
        tied = {frozenset((t["source"], t["target"])) for t in ties}
        ranked = sorted({end for t in ties for end in (t["source"], t["target"])},
                        key=lambda e: int(e[1:]))
        pair = next((a, b) for a in ranked for b in ranked
                    if a != b and frozenset((a, b)) not in tied)
        doc = store.documents(limit=1)[0]["id"]
        passage = store.document(doc)["text"].split(".")[0].strip()
    return (*pair, doc, passage)


def test_a_link_added_by_hand_is_marked_on_the_chart_its_panel_and_the_exports(page, untied):
    source, target, doc, passage = untied
    page.goto(page.origin + "/")
    page.evaluate("localStorage.setItem('linkchart.reviewer', 'ana')")
    open_chart(page, f"entity={source}&entity={target}&min_confidence=0")
    link = add_link_by_hand(page, source, "supports", target, doc, passage)
    edge = f"{CY}.getElementById('{link}')"
    assert page.evaluate(f"() => {edge}.data('hand_made')") is True
    assert page.evaluate(f"() => {edge}.data('label')") == f"{RELATIONS['supports'].label} ✎"
    assert page.evaluate(f"() => {edge}.style('line-outline-color')") == _rgb("#7b2cbf")
    page.evaluate(f"() => {edge}.emit('tap')")
    page.locator("#panel .badge.hand-made", has_text="added by hand by ana").wait_for()
    assert passage in page.inner_text("#panel")
    assert page.locator("#panel .hand-made-quote").count() == 1
    page.evaluate(f"() => {CY}.getElementById('{source}').emit('tap')")   # the actor's card
    page.locator("#panel .tie", has_text=RELATIONS["supports"].label).locator(
        ".badge.hand-made", has_text="added by hand by ana").wait_for()

    view = json.loads(download(page, page.get_attribute("#x-json", "href")))
    made = [e for e in view["edges"] if e.get("hand_made")]
    assert [e["id"] for e in made] == [link] and made[0]["hand_made"]["author"] == "ana"
    assert [q["hand_made"] for q in made[0]["evidence"]] == [True]
    gexf = ET.fromstring(download(page, page.get_attribute("#x-gexf", "href")))
    flags = {e.get("id"): {v.get("for"): v.get("value") for v in e.iter(f"{GEXF}attvalue")}
             for e in gexf.iter(f"{GEXF}edge")}
    assert flags[link]["hand_made"] == "true"

    picture = _svg(page)
    assert len(picture.findall(f".//{SVG}path[@class='hand-made']")) == 1
    assert "✎ link added by hand" in [t.text for t in picture.iter(f"{SVG}text")]

    page.goto(page.origin + "/" + page.get_attribute("#x-report", "href"))
    page.locator(".report .hand-made-tie", has_text="added by hand by ana").wait_for()


def test_relation_colours_and_words_come_from_the_catalogue(page, store_path):
    from linkchart.store import Store

    with Store.open(store_path) as store:
        hub = store.ties(min_confidence=0)[0]["source"]
    open_chart(page, f"entity={hub}&expand={hub}&min_confidence=0")
    drawn = page.evaluate(f"""() => {CY}.edges("[kind = 'relation'][!negated][!hand_made]")
      .filter((e) => !e.selected()).map((e) => [e.data('type'), e.style('line-color')])""")
    assert drawn
    for kind, colour in drawn:
        assert colour == _rgb(RELATIONS[kind].colour), kind
    boxes = page.locator("#f-relation-types label").all_inner_texts()
    assert [b.strip() for b in boxes] == [r.label for r in RELATIONS.values()]
    texts = [t.text for t in _svg(page).iter(f"{SVG}text")]
    for kind in {k for k, _ in drawn}:
        assert RELATIONS[kind].label in texts                 # the legend


@pytest.mark.parametrize("by", ["type", "cluster"])
def test_the_pictures_carry_the_names_of_the_groups(page, store_path, by):
    from linkchart.store import Store

    with Store.open(store_path) as store:
        hub = store.ties(min_confidence=0)[0]["source"]
    open_chart(page, f"entity={hub}&expand={hub}&min_confidence=0")
    page.select_option("#c-layout-kind", by)
    names = page.locator(".group-label").all_inner_texts()
    assert names
    picture = _svg(page)
    drawn = [t.text for t in picture.iter(f"{SVG}text") if t.get("class") == "group-name"]
    assert sorted(drawn) == sorted(names)
    with page.expect_download() as png:
        page.click("#x-png")
    assert open(png.value.path(), "rb").read()[:4] == b"\x89PNG"
